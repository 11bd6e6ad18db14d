import Foundation

/// The regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and
/// Q(a, x) = 1 − P(a, x), and the quantile of the gamma distribution: the
/// engine behind ``ChiSquare`` and exact Poisson limits.
///
/// P by its power series for x < a + 1, Q by its continued fraction
/// (modified Lentz) otherwise (Abramowitz & Stegun 6.5.29 and 6.5.31;
/// Press, W. H. et al. (2007), *Numerical Recipes*, 3rd ed., §6.2); the
/// other one as 1 minus it. Both share the prefactor xᵃe⁻ˣ/Γ(a + 1). For
/// a ≥ 10 it is written, with Stirling's Γ and t = x/a − 1, as
///
///     √(a/2π)·exp(−a·(t − ln(1 + t)) − δ(a)) / a
///
/// (δ the Stirling correction of ``IncompleteBeta``), so that no large
/// a·ln x and x cancel (the idea of TOMS 708's `rlog1`); below 10 it is
/// exp(a ln x − x − ln Γ(a + 1)) directly.
enum IncompleteGamma {
    /// (P(a, x), Q(a, x)) for a > 0, x ≥ 0.
    static func regularized(a: Double, x: Double) -> (lower: Double, upper: Double) {
        guard x > 0 else { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let front = prefactor(a: a, x: x)   // xᵃe⁻ˣ/Γ(a + 1)
        if front == 0 { return x < a ? (0, 1) : (1, 0) }
        if x < a + 1 {
            // P = front · Σₙ xⁿ/((a + 1)…(a + n))
            var term = 1.0, sum = 1.0, denominator = a
            for _ in 0..<10_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if term < sum * 0.5 * Double.ulpOfOne { break }
            }
            let lower = min(1, front * sum)
            return (lower, 1 - lower)
        }
        // Q = front·a · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)))
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= 0.5 * Double.ulpOfOne { break }
        }
        let upper = min(1, front * a * h)
        return (1 - upper, upper)
    }

    /// xᵃe⁻ˣ/Γ(a + 1).
    static func prefactor(a: Double, x: Double) -> Double {
        if a < 10 {
            return exp(a * log(x) - x - IncompleteBeta.logGamma(a + 1))
        }
        let t = x / a - 1
        let deviance = t > -0.5 && t < 1 ? t - log1p(t) : t - log(x / a)
        return (a / (2 * Double.pi)).squareRoot() * exp(-a * deviance - IncompleteBeta.stirlingCorrection(a)) / a
    }

    /// The x with P(a, x) = p (or Q(a, x) = q when `upper` is true, for
    /// accuracy near 1): Newton's method on ln P (or ln Q) from the
    /// Wilson–Hilferty start (Wilson, E. B. & Hilferty, M. M. (1931), PNAS
    /// 17(12), 684–688), kept inside a bracket and bisected when a step
    /// leaves it, until the step is below 4 ulps.
    static func quantile(a: Double, probability p: Double, upper: Bool = false) -> Double {
        precondition(a > 0 && p >= 0 && p <= 1, "gamma quantile needs a > 0 and p in [0, 1]")
        if p == 0 { return upper ? .infinity : 0 }
        if p == 1 { return upper ? 0 : .infinity }
        let z = Normal.quantile(upper ? 1 - p : p)
        var x = a * pow(max(1e-3, 1 - 1 / (9 * a) + z / (3 * a.squareRoot())), 3)
        if a < 1 || x <= 0 {
            // small shape: P(a, x) ≈ xᵃ/Γ(a + 1) near 0
            let lowerP = upper ? 1 - p : p
            x = exp((log(lowerP) + IncompleteBeta.logGamma(a + 1)) / a)
        }
        var low = 0.0, high = Double.infinity
        for _ in 0..<200 {
            let (lower, upperTail) = regularized(a: a, x: x)
            let value = upper ? upperTail : lower
            // The tail grows (P) or shrinks (Q) with x.
            let tooSmallX = upper ? value > p : value < p
            if tooSmallX { low = x } else { high = x }
            let density = prefactor(a: a, x: x) * a / x   // xᵃ⁻¹e⁻ˣ/Γ(a)
            guard density > 0, value > 0 else { x = high.isFinite ? (low + high) / 2 : 2 * x + 1; continue }
            // Newton on ln(value): d ln P/dx = f/P, d ln Q/dx = −f/Q.
            let slope = (upper ? -density : density) / value
            let step = (log(p) - log(value)) / slope
            var next = x + step
            if !(next > low && next < high) { next = high.isFinite ? (low + high) / 2 : max(2 * x, x + 1) }
            if abs(next - x) <= 4 * x.ulp { return next }
            x = next
            if high - low <= 4 * x.ulp { break }
        }
        return x
    }
}

/// The chi-square distribution with ν degrees of freedom: χ²_ν = 2·Gamma(ν/2).
public enum ChiSquare {
    /// P(χ²_ν ≤ x) = P(ν/2, x/2). Domain: ν > 0, x ≥ 0.
    public static func cdf(_ x: Double, degreesOfFreedom nu: Double) -> Double {
        IncompleteGamma.regularized(a: nu / 2, x: x / 2).lower
    }

    /// The p-quantile, R's `qchisq(p, ν)`: 2·(the x with P(ν/2, x) = p),
    /// from the upper tail when p > ½. Domain: ν > 0, p ∈ [0, 1].
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        2 * (p > 0.5 ? IncompleteGamma.quantile(a: nu / 2, probability: 1 - p, upper: true)
                     : IncompleteGamma.quantile(a: nu / 2, probability: p))
    }
}

/// Exact (Garwood) confidence limits for a Poisson count (Garwood, F.
/// (1936), "Fiducial limits for the Poisson distribution", Biometrika
/// 28(3/4), 437–442): for an observed count x and α = 1 − level,
///
///     low = χ²_{2x}(α/2)/2  (0 for x = 0),   high = χ²_{2(x+1)}(1 − α/2)/2
///
/// the limits of R's `poisson.test(x)$conf.int`. They are the gamma
/// quantiles Gamma(x)⁻¹(α/2) and Gamma(x + 1)⁻¹(1 − α/2), computed here
/// directly (the upper from the upper tail).
public enum PoissonInterval {
    /// The exact interval for the mean of a Poisson count; nil for a
    /// negative count or a level outside (0, 1).
    public static func exact(count x: Int, level: Double = 0.95) -> Interval? {
        guard x >= 0, level > 0, level < 1 else { return nil }
        let alpha = 1 - level
        let low = x == 0 ? 0 : IncompleteGamma.quantile(a: Double(x), probability: alpha / 2)
        let high = IncompleteGamma.quantile(a: Double(x + 1), probability: alpha / 2, upper: true)
        return Interval(low: low, high: high)
    }
}
