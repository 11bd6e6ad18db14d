/// Wilson score interval for a binomial proportion (Wilson, E. B. (1927),
/// "Probable inference, the law of succession, and statistical inference",
/// JASA 22(158), 209–212).
///
/// For k successes in n trials and the normal quantile z, the bounds are the
/// two roots p of (k/n − p)² = z²·p(1 − p)/n:
///
///     (2k + z² ± z·√(z² + 4k(n − k)/n)) / (2(n + z²))
///
/// The same interval as `scipy.stats.binomtest(k, n).proportion_ci(method="wilson")`,
/// up to rounding in the last digits.
public enum Wilson {
    /// z for a two-sided 95 % interval: Φ⁻¹(0.975) (SPEC §7).
    public static let z95 = 1.959963984540054

    /// The Wilson score interval of `successes` out of `trials`, or nil when
    /// there are no trials.
    ///
    /// Domain: 0 ≤ successes ≤ trials (a precondition), z > 0. The bounds
    /// are clamped to [0, 1]. The upper bound is the "+" root as written
    /// above; the lower bound is the same root rationalised,
    /// 2k² / (n·(2k + z² + z·√(z² + 4k(n − k)/n))), so it keeps its relative
    /// precision when it is small (k ≪ n) instead of cancelling, and it is
    /// exactly 0 for k = 0.
    public static func interval(successes: Int, trials: Int, z: Double = z95) -> Interval? {
        precondition(successes >= 0 && successes <= trials, "Wilson interval needs 0 ≤ successes ≤ trials")
        guard trials > 0 else { return nil }
        let k = Double(successes), n = Double(trials)
        let zz = z * z
        let root = z * (zz + 4 * k * (Double(trials - successes) / n)).squareRoot()
        let outer = 2 * k + zz + root
        let high = outer / (2 * (n + zz))
        let low = 2 * k * k / (n * outer)
        return Interval(low: max(0, low), high: min(1, high))
    }
}
