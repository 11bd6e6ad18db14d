/// The standardised mean difference of a covariate between treated and
/// controls, before and after matching: the balance diagnostic of Austin,
/// P. C. (2009), "Balance diagnostics for comparing the distribution of
/// baseline covariates between treatment groups in propensity-score
/// matched samples", Statistics in Medicine 28(25), 3083–3107.
///
///     d = (x̄ₜ − x̄_c) / √((s²ₜ + s²_c)/2)
///
/// - s²ₜ and s²_c are the sample variances (n − 1) of all treated and all
///   candidates **before** matching, and the same denominator serves
///   before and after, so a change in d is a change in the means only
///   (issue 18; Stuart, E. A. (2010), "Matching methods for causal
///   inference: a review and a look forward", Statistical Science 25(1),
///   1–21, §6.1).
/// - Before: unweighted means of all treated and all candidates.
/// - After: x̄ₜ over the matched treated (weight 1, unmatched 0) and x̄_c
///   weighted by the matching weights (1/k per match, summed over reuse):
///   x̄ = Σwᵢxᵢ / Σwᵢ.
/// - Binary covariates: the same formula on 0/1 values, so s² is the
///   sample variance n·p(1 − p)/(n − 1); Austin (2009, eq. 2) writes the
///   Bernoulli variance p(1 − p) instead, which makes |d| smaller by a
///   factor of at most √((n − 1)/n) (under 0.5 % for n ≥ 100).
/// - When both variances are 0, d is 0 for equal means and ±∞ otherwise
///   (a covariate constant in each group but different between them is as
///   unbalanced as it gets).
public struct StandardizedMeanDifference: Sendable, Hashable {
    /// √((s²ₜ + s²_c)/2), from before matching.
    public var standardDeviation: Double
    /// x̄ₜ − x̄_c over all treated and all candidates, divided by the SD.
    public var before: Double
    /// The same for the matched sample (weighted means); nil when no
    /// weights were given or no treated unit or control has weight.
    public var after: Double?
    /// The means of all treated and all candidates (for `before`).
    public var treatedMeanBefore: Double, candidateMeanBefore: Double
    /// The means of the matched treated and the weighted controls (for `after`).
    public var treatedMeanAfter: Double?, controlMeanAfter: Double?

    /// d before (and, with weights, after) matching.
    ///
    /// - Parameters:
    ///   - treated, candidates: the covariate for every treated unit and
    ///     every candidate control (at least two of each).
    ///   - treatedWeights, controlWeights: the matching weights, one per
    ///     treated unit and per candidate (``PropensityMatching/treatedWeights``,
    ///     ``PropensityMatching/controlWeights``), or nil for "before" only.
    /// - Returns: nil when either group has fewer than two values (no
    ///   variance) or a value or weight is not finite.
    public init?(treated: [Double], candidates: [Double], treatedWeights: [Double]? = nil, controlWeights: [Double]? = nil) {
        guard treated.count >= 2, candidates.count >= 2,
              treated.allSatisfy(\.isFinite), candidates.allSatisfy(\.isFinite) else { return nil }
        precondition(treatedWeights.map { $0.count == treated.count } ?? true, "one weight per treated unit")
        precondition(controlWeights.map { $0.count == candidates.count } ?? true, "one weight per candidate")
        let t = Self.moments(treated), c = Self.moments(candidates)
        let sd = ((t.variance + c.variance) / 2).squareRoot()
        standardDeviation = sd
        treatedMeanBefore = t.mean
        candidateMeanBefore = c.mean
        before = Self.standardized(t.mean - c.mean, sd)
        if let tw = treatedWeights, let cw = controlWeights,
           let mt = Self.weightedMean(treated, tw), let mc = Self.weightedMean(candidates, cw) {
            treatedMeanAfter = mt
            controlMeanAfter = mc
            after = Self.standardized(mt - mc, sd)
        } else {
            treatedMeanAfter = nil
            controlMeanAfter = nil
            after = nil
        }
    }

    /// |d| ≥ 0.1 after matching: the threshold the report names (Austin
    /// 2009, §3.1; Normand, S.-L. T. et al. (2001), J Clin Epidemiol 54(4),
    /// 387–398). nil without an "after".
    public var isImbalancedAfterMatching: Bool? {
        after.map { abs($0) >= 0.1 }
    }

    private static func standardized(_ difference: Double, _ sd: Double) -> Double {
        if sd > 0 { return difference / sd }
        return difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
    }

    /// Mean and sample variance (two-pass).
    private static func moments(_ v: [Double]) -> (mean: Double, variance: Double) {
        let mean = v.reduce(0, +) / Double(v.count)
        var squares = 0.0, deviations = 0.0
        for x in v {
            squares += (x - mean) * (x - mean)
            deviations += x - mean
        }
        let n = Double(v.count)
        return (mean, max(0, (squares - deviations * deviations / n) / (n - 1)))
    }

    /// Σwᵢxᵢ / Σwᵢ; nil when Σwᵢ is 0 or a weight is negative or not finite.
    static func weightedMean(_ x: [Double], _ w: [Double]) -> Double? {
        guard w.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        var sum = 0.0, total = 0.0
        for (value, weight) in zip(x, w) where weight > 0 {
            sum += weight * value
            total += weight
        }
        return total > 0 ? sum / total : nil
    }
}
