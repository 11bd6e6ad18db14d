import FSIIIStatistics

/// The matched comparison of a report (issue 18 §1): the courses against
/// propensity-matched pseudo-courses of citizens without a course.
/// Formulas and references: ``MatchedComparison``, docs/METHODS.md.
public struct MatchedComparisonResult: Sendable {
    /// Why the comparison has no effect estimate.
    public enum Problem: Sendable, Hashable {
        /// No evaluable course to compare.
        case noTreated
        /// No citizen without a course has two assessments, or none has a
        /// pair of assessments in any course's index and spacing windows.
        case noCandidates
        /// The propensity model could not be fitted (the fit's own message).
        case modelFailed(String)
        /// No treated course has a control within the caliper.
        case allUnmatched
    }

    /// One covariate column of the propensity model: its standardised mean
    /// difference before and after matching.
    public struct Balance: Sendable, Hashable {
        public var covariate: String
        public var smdBefore: Double
        /// nil when no unit has weight after matching.
        public var smdAfter: Double?
    }

    /// An effect with its bootstrap interval.
    public struct Estimate: Sendable, Hashable {
        /// ATT = mean treated outcome − weighted mean control outcome.
        public var effect: Double
        public var interval: Interval?
        public var treatedMean: Double
        public var controlMean: Double
        /// Matched treated courses and their citizens.
        public var courses: Int
        public var citizens: Int
    }

    public var options: MatchedComparisonOptions
    /// B and S of the bootstrap (`--bootstrap`, `--seed`).
    public var bootstrap: Int
    public var seed: UInt64
    /// Evaluable courses.
    public var treated: Int
    /// Treated courses with at least one control.
    public var matched: Int
    public var unmatched: Int
    /// Unmatched for want of any candidate in the windows, and for want of one within the caliper.
    public var unmatchedNoCandidate: Int
    public var unmatchedOutsideCaliper: Int
    /// Citizens that can serve as candidates, and their distinct pseudo-courses.
    public var candidateCitizens: Int
    public var candidatePseudoCourses: Int
    /// Distinct pseudo-courses used as controls.
    public var controls: Int
    public var caliper: Double?
    public var balance: [Balance]
    /// Columns the fit left out (constant or collinear) and categories pooled.
    public var notes: [String]
    /// The mean `meanChange` of all evaluable courses (the before/after figure).
    public var naiveMeanChange: Double?
    /// ATT on `meanChange` and on the improved share.
    public var effect: Estimate?
    public var improvedShareEffect: Estimate?
    /// The shift expected from regression to the mean alone, on the `meanChange` scale.
    public var rtmExpected: Double?
    /// Per group of the report (`--by`), when the group has enough matched courses.
    public var groups: [String: Estimate]
    public var problem: Problem?

    public var method: String { "propensity score (logistic regression), nearest neighbour on the logit 1:\(options.ratio) with replacement, caliper \(options.caliperWidth) SD" }

    /// Covariates with |SMD after| ≥ 0.1.
    public var imbalanced: [String] { balance.filter { ($0.smdAfter.map(abs) ?? 0) >= 0.1 }.map(\.covariate) }

    public var treatedMeanChange: Double? { effect?.treatedMean }
    public var controlMeanChange: Double? { effect?.controlMean }
}
