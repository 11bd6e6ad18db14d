/// The options of the matched comparison (issue 18 §1): `--compare-to
/// matched`, `--controls`, `--match-k`, `--exact-municipality`,
/// `--index-window-days`, `--spacing-tolerance`. B and the seed are the
/// cost comparison's (`--bootstrap`, `--seed`, ``CostComparisonOptions``).
public struct MatchedComparisonOptions: Sendable, Hashable {
    /// Which citizens' assessment periods may serve as controls.
    public enum Controls: String, Sendable, Hashable, CaseIterable {
        /// Citizens with no course in the data.
        case neverTreated = "never-treated"
        /// Also citizens whose first course starts after the pseudo-course ends.
        case notYetTreated = "not-yet-treated"
    }

    /// Whether to run the comparison (off by default: it fits a model and
    /// searches every course's candidates).
    public var enabled = false
    public var controls = Controls.neverTreated
    /// k, the controls sought per treated course (1:k with replacement).
    public var ratio = 3
    /// Match exactly on municipality when the treated course's municipality
    /// has an eligible control.
    public var exactMunicipality = false
    /// The index assessment lies within ± this many days of the course's t0.
    public var indexWindowDays = 60
    /// The pseudo-course's spacing lies within ± this share of t1 − t0.
    public var spacingTolerance = 0.5
    /// At most this many candidates per course: those with index dates
    /// nearest its t0 (the search and its memory stay linear in courses).
    public var maximumCandidates = 100
    /// The caliper in standard deviations of the logit (Austin 2011).
    public var caliperWidth = 0.2

    public init() {}
}
