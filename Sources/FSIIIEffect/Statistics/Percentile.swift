/// Percentiles by linear interpolation between closest ranks: sample
/// quantile definition 7 of Hyndman, R. J. & Fan, Y. (1996), "Sample
/// quantiles in statistical packages", The American Statistician 50(4),
/// 361–365; R's `quantile(type = 7)` and numpy's default
/// `percentile(method="linear")` (SPEC §7).
public enum Percentile {
    /// The p-quantile of ascending `sorted` values x₀ ≤ … ≤ xₙ₋₁:
    /// h = (n − 1)·p, j = ⌊h⌋, g = h − j, Q(p) = xⱼ + g·(xⱼ₊₁ − xⱼ)
    /// (Q = xₙ₋₁ when j ≥ n − 1).
    ///
    /// Domain: p ∈ [0, 1]; `sorted` non-empty and ascending (preconditions;
    /// the order is not checked, so hot loops pay nothing for it). The
    /// interpolation is numpy's `_lerp`: from xⱼ for g < ½ and back from
    /// xⱼ₊₁ as xⱼ₊₁ − (1 − g)·(xⱼ₊₁ − xⱼ) for g ≥ ½, so results agree with
    /// numpy to the last bit and Q(1) is exactly the maximum.
    public static func linear(sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "percentile of no values")
        precondition(p >= 0 && p <= 1, "percentile p must lie in [0, 1]")
        let h = Double(sorted.count - 1) * p
        let j = Int(h.rounded(.down))
        if j >= sorted.count - 1 { return sorted[sorted.count - 1] }
        let g = h - Double(j)
        let below = sorted[j], above = sorted[j + 1]
        let difference = above - below
        return g < 0.5 ? below + difference * g : above - difference * (1 - g)
    }

    /// The median: the middle value, or the midpoint of the two middle
    /// values, of `values` in any order; nil when empty, NaN when any value
    /// is NaN. The midpoint is (a + b)/2, rounded once, as `numpy.median`;
    /// mathematically it is Q(½) of ``linear(sorted:_:)``.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        if values.contains(where: \.isNaN) { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        let a = sorted[middle - 1], b = sorted[middle]
        let sum = a + b
        return sum.isFinite ? sum / 2 : a / 2 + b / 2
    }

    /// `values` in their original order, each clamped to [Q(lower),
    /// Q(upper)], the type 7 percentiles of the values themselves
    /// (winsorising at percentiles, SPEC §7: lower 0.1 and upper 0.9).
    ///
    /// Domain: 0 ≤ lower ≤ upper ≤ 1 and no NaN value (preconditions). No
    /// values give no values. Same as
    /// `numpy.clip(v, numpy.percentile(v, 100·lower), numpy.percentile(v, 100·upper))`.
    public static func winsorized(_ values: [Double], lower: Double, upper: Double) -> [Double] {
        precondition(lower >= 0 && lower <= upper && upper <= 1, "winsorising needs 0 ≤ lower ≤ upper ≤ 1")
        precondition(!values.contains(where: \.isNaN), "winsorising NaN values")
        guard !values.isEmpty else { return [] }
        let sorted = values.sorted()
        let low = linear(sorted: sorted, lower), high = linear(sorted: sorted, upper)
        return values.map { min(max($0, low), high) }
    }
}
