/// The binomial distribution B(n, p): the cumulative distribution and its
/// quantile, for the crossings rule of ``RunChartRules``.
public enum Binomial {
    /// P(X ≤ x) = I₁₋ₚ(n − x, x + 1), the regularized incomplete beta
    /// function (Abramowitz & Stegun 26.5.24), evaluated by
    /// ``IncompleteBeta`` (TOMS 708's continued fraction), the route of R's
    /// `pbinom`. Domain: n ≥ 0, p ∈ [0, 1]; 0 below 0, 1 from n on.
    ///
    /// Accuracy: agrees with `pbinom` to 1e−12 relative (tested for n ≤ 400).
    /// It is not correctly rounded: ``IncompleteBeta``'s prefactor
    /// exp(a ln x + b ln y − ln B(a, b)) loses a few |a ln x|·ε, where TOMS
    /// 708's `brcomp` rewrites it around the mean. So where the CDF equals
    /// a quantile's q exactly (p = ½, q = ½, odd n: P(X ≤ (n − 1)/2) = ½),
    /// ``quantile(_:trials:probability:)`` can answer one above R.
    public static func cdf(_ x: Int, trials n: Int, probability p: Double) -> Double {
        precondition(n >= 0 && p >= 0 && p <= 1, "B(n, p) needs n ≥ 0 and p in [0, 1]")
        if x < 0 { return 0 }
        if x >= n { return 1 }
        return IncompleteBeta.regularized(x: 1 - p, y: p, a: Double(n - x), b: Double(x + 1)).lower
    }

    /// The smallest x with P(X ≤ x) ≥ q, R's `qbinom(q, n, p)`, found by
    /// bisection on ``cdf(_:trials:probability:)``; the comparison is with
    /// q·(1 − 64ε), so a CDF that equals q up to 64 ulps reaches it.
    /// Equal to `qbinom` for n ≤ 400 at q = 0.05 (the crossings rule), 0.05
    /// with p = 0.3 and 0.975 with p = 0.9; see the accuracy note of
    /// ``cdf(_:trials:probability:)`` for exact dyadic ties. Domain:
    /// q ∈ [0, 1].
    public static func quantile(_ q: Double, trials n: Int, probability p: Double) -> Int {
        precondition(q >= 0 && q <= 1, "a quantile needs q in [0, 1]")
        let target = q * (1 - 64 * Double.ulpOfOne)
        var low = 0, high = n   // cdf(n) = 1 ≥ target
        while low < high {
            let mid = (low + high) / 2
            if cdf(mid, trials: n, probability: p) >= target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
