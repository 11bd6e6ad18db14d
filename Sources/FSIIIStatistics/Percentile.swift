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
    /// The values are not sorted: the middle one is selected in linear
    /// time (`select`), the other middle one is the largest below it.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        if values.contains(where: \.isNaN) { return .nan }
        var v = values
        let middle = v.count / 2
        let b = select(&v, middle)
        if v.count % 2 == 1 { return b }
        let a = v[..<middle].max()!
        let sum = a + b
        return sum.isFinite ? sum / 2 : a / 2 + b / 2
    }

    /// Moves the `k`-th smallest of `v` (0-based) to index `k`, with no
    /// larger value before it and no smaller one after, and returns it:
    /// Hoare's FIND with a median-of-three pivot and a three-way partition,
    /// so runs of equal values (course changes have many) settle in one
    /// pass. A range that does not shrink fast enough is sorted instead,
    /// so the worst case stays O(n log n). `v` holds no NaN.
    static func select(_ v: inout [Double], _ k: Int) -> Double {
        precondition(k >= 0 && k < v.count, "select needs 0 ≤ k < count")
        return v.withUnsafeMutableBufferPointer { b in
            var lo = 0, hi = b.count - 1
            var rounds = 2 * (Int.bitWidth - b.count.leadingZeroBitCount) + 8
            while lo < hi {
                if rounds == 0 {
                    var rest = UnsafeMutableBufferPointer(rebasing: b[lo...hi])
                    rest.sort()
                    return b[k]
                }
                rounds -= 1
                let x = b[lo], y = b[lo + (hi - lo) / 2], z = b[hi]
                let pivot = max(min(x, y), min(max(x, y), z))
                // [lo, less) < pivot, [less, i) == pivot, (more, hi] > pivot.
                var less = lo, i = lo, more = hi
                while i <= more {
                    let e = b[i]
                    if e < pivot {
                        b.swapAt(less, i)
                        less += 1
                        i += 1
                    } else if e > pivot {
                        b.swapAt(i, more)
                        more -= 1
                    } else {
                        i += 1
                    }
                }
                if k < less { hi = less - 1 } else if k > more { lo = more + 1 } else { return b[k] }
            }
            return b[k]
        }
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
