/// Wilcoxon signed-rank test of paired samples (Wilcoxon, F. (1945),
/// "Individual comparisons by ranking methods", Biometrics Bulletin 1(6),
/// 80–83), as SPEC §7 fixes it:
///
/// - differences dᵢ = baselineᵢ − followUpᵢ; zero differences are dropped
///   (Wilcoxon's "wilcox" method), leaving n pairs;
/// - |dᵢ| ranked 1 … n, ties given their average rank (``Ranks``);
/// - T⁺ = the sum of the ranks of the positive differences;
/// - normal approximation with tie correction and no continuity correction:
///   z = (T⁺ − n(n + 1)/4) / √(n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48), the sum
///   over groups of t tied |dᵢ|; p = P(|Z| ≥ |z|).
///
/// Equals `scipy.stats.wilcoxon(baseline, followUp, zero_method="wilcox",
/// correction=False, method="approx")`: same p, and z with the sign of
/// T⁺ − n(n + 1)/4 (positive when the baseline values are mostly larger).
public struct SignedRankTest: Sendable, Hashable {
    /// n, the number of non-zero differences used.
    public var pairs: Int
    /// T⁺, the sum of the ranks of the positive differences (baseline − followUp > 0).
    public var tPlus: Double
    /// (T⁺ − n(n + 1)/4) / σ, σ the tie-corrected standard deviation of T⁺.
    public var z: Double
    /// Two-sided p-value of z under the normal approximation.
    public var p: Double

    /// The test of `baseline` against `followUp`, paired by index.
    ///
    /// Precondition: equal counts. Returns nil when there is no non-zero
    /// difference or the variance is zero (it is positive whenever n ≥ 1,
    /// so that guard never fires in practice). A NaN in either sample
    /// makes z and p NaN.
    public init?(baseline: [Double], followUp: [Double]) {
        precondition(baseline.count == followUp.count, "signed-rank test needs paired samples of equal size")
        self.init(differences: zip(baseline, followUp).map { $0 - $1 }.filter { $0 != 0 })
    }

    /// The test of the nonzero paired differences `baseline − followUp`
    /// (zeros are dropped, as above, before they reach here).
    package init?(differences: [Double]) {
        guard !differences.isEmpty else { return nil }
        let (tPlus, tieTerm) = SignedRankTest.integralRanks(differences) ?? {
            let (ranks, tieTerm) = Ranks.averageWithTies(differences.map { abs($0) })
            var tPlus = 0.0
            for (difference, rank) in zip(differences, ranks) where difference > 0 {
                tPlus += rank
            }
            return (tPlus, tieTerm)
        }()
        let n = Double(differences.count)
        // scipy's arrangement: the numerator is exact, one rounding in the division
        let variance = (n * (n + 1) * (2 * n + 1) - 0.5 * tieTerm) / 24
        guard !(variance <= 0) else { return nil }
        let z = (tPlus - n * (n + 1) / 4) / variance.squareRoot()
        self.pairs = differences.count
        self.tPlus = tPlus
        self.z = z
        self.p = Normal.twoSidedP(z: z)
    }

    /// T⁺ and the tie term by counting, when every |d| is a whole number up
    /// to 65,536 (sums of levels always are): the average rank of a value
    /// is fixed by how many smaller values there are, so no sort is needed.
    /// Ranks are half-integers, so the sums are exact and equal the sorted
    /// computation's.
    static func integralRanks(_ differences: [Double]) -> (tPlus: Double, tieTerm: Double)? {
        var largest = 0
        for d in differences {
            let a = abs(d)
            guard a == a.rounded(), a <= 65_536 else { return nil }
            largest = max(largest, Int(a))
        }
        var all = [Int](repeating: 0, count: largest + 1), positive = [Int](repeating: 0, count: largest + 1)
        for d in differences {
            let a = Int(abs(d))
            all[a] += 1
            if d > 0 { positive[a] += 1 }
        }
        var below = 0
        var tPlus = 0.0, tieTerm = 0.0
        for v in 1...max(1, largest) where v < all.count && all[v] > 0 {
            let t = Double(all[v])
            let rank = Double(2 * below + 1 + all[v]) / 2
            tPlus += rank * Double(positive[v])
            tieTerm += t * t * t - t
            below += all[v]
        }
        return (tPlus, tieTerm)
    }
}
