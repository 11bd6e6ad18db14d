import Foundation

/// The log-beta function and the regularized incomplete beta function
/// I_x(a, b) = B(x; a, b) / B(a, b), the engine behind ``StudentT``.
///
/// I_x is evaluated by the even part of its continued fraction
/// (Abramowitz & Stegun 26.5.8) in the form of BFRAC in DiDonato & Morris
/// (1992), "Algorithm 708: Significant digit computation of the incomplete
/// beta function ratios", ACM TOMS 18(3), 360–373. That form is written in
/// λ = (a + b)·y − b = a − (a + b)·x, which the caller's exact y = 1 − x
/// gives without cancellation, so it stays accurate for x near 1 and a in
/// the millions (the plain Lentz evaluation of the same fraction loses
/// digits there: 2e−9 at ν = 10⁸ for the t distribution). The fraction is
/// used on the side of the mean a/(a + b) where λ ≥ 0, through the
/// symmetry I_x(a, b) = 1 − I_y(b, a). ln B(a, b) for large arguments uses
/// Stirling's series for the differences of ln Γ, as TOMS 708 does, so
/// nothing large cancels.
enum IncompleteBeta {
    /// (I_x(a, b), 1 − I_x(a, b)) for a, b > 0 and x ∈ [0, 1], y = 1 − x.
    ///
    /// The caller passes y separately, computed without cancellation. The
    /// half on the far side of the mean from x (the one that can be small)
    /// is computed directly, to about 1e−15 relative; the other is 1 minus
    /// it. Tested for b = ½, the case ``StudentT`` needs.
    static func regularized(x: Double, y: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
        guard x > 0 else { return (0, 1) }
        guard y > 0 else { return (1, 0) }
        let lambda = a > b ? (a + b) * y - b : a - (a + b) * x
        if lambda >= 0 {
            let lower = continuedFraction(x: x, y: y, a: a, b: b, lambda: lambda)
            return (lower, 1 - lower)
        } else {
            let upper = continuedFraction(x: y, y: x, a: b, b: a, lambda: -lambda)
            return (1 - upper, upper)
        }
    }

    /// I_x(a, b) for λ = a − (a + b)·x ≥ 0 (TOMS 708, BFRAC): the prefactor
    /// xᵃ·yᵇ / B(a, b) times the even contraction of A&S 26.5.8, iterated
    /// with rescaling until two successive approximants agree to within
    /// half an ulp. Its first approximant is (1 + 1/a)/(1 + λ).
    private static func continuedFraction(x: Double, y: Double, a: Double, b: Double, lambda: Double) -> Double {
        let prefactor = powerTerms(x: x, y: y, a: a, b: b)
        if prefactor == 0 { return 0 }
        let c = 1 + lambda, c0 = b / a, c1 = 1 + 1 / a, yPlusOne = y + 1
        var n = 0.0, p = 1.0, s = a + 1
        var an = 0.0, bn = 1.0, anPlusOne = 1.0, bnPlusOne = c / c1
        var ratio = c1 / c
        for _ in 0..<maxIterations {
            n += 1
            let t = n / a
            let w = n * (b - n) * x
            var e = a / s
            let alpha = (p * (p + c0) * e * e) * (w * x)
            e = (1 + t) / (c1 + t + t)
            let beta = n + w / s + e * (c + n * yPlusOne)
            p = 1 + t
            s += 2
            let nextA = alpha * an + beta * anPlusOne
            an = anPlusOne
            anPlusOne = nextA
            let nextB = alpha * bn + beta * bnPlusOne
            bn = bnPlusOne
            bnPlusOne = nextB
            let previous = ratio
            ratio = anPlusOne / bnPlusOne
            if abs(ratio - previous) <= 0.5 * Double.ulpOfOne * ratio { break }
            an /= bnPlusOne
            bn /= bnPlusOne
            anPlusOne = ratio
            bnPlusOne = 1
        }
        return prefactor * ratio
    }

    /// Iteration cap of the continued fraction. For b = ½ it converges in
    /// under 200 steps at every ν tried up to 10³⁰⁰.
    static let maxIterations = 10_000

    /// xᵃ·yᵇ / B(a, b), as exp(a·ln x + b·ln y − ln B(a, b)); each logarithm
    /// is taken of whichever of x and y is below ½ (log1p of the other), so
    /// a·ln x stays accurate even for a in the millions and x near 1.
    private static func powerTerms(x: Double, y: Double, a: Double, b: Double) -> Double {
        let logX = x < 0.5 ? log(x) : log1p(-y)
        let logY = y < 0.5 ? log(y) : log1p(-x)
        return exp(a * logX + b * logY - logBeta(a, b))
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0.
    ///
    /// With p = min(a, b), q = max(a, b), s = a + b and Stirling's
    /// ln Γ(x) = (x − ½)ln x − x + ½ln 2π + δ(x):
    /// - q < 10: the three ln Γ directly;
    /// - p < 10 ≤ q: ln Γ(p) + [ln Γ(q) − ln Γ(s)], the bracket as
    ///   −(s − ½)·log1p(p/q) − p·ln q + p + δ(q) − δ(s);
    /// - p ≥ 10: ½ln 2π − ½ln p + p·ln(p/q) − (s − ½)·log1p(p/q)
    ///   + δ(p) + δ(q) − δ(s).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b), q = max(a, b), s = a + b
        if q < 10 {
            return logGamma(p) + logGamma(q) - logGamma(s)
        }
        let tail = -(s - 0.5) * log1p(p / q) + stirlingCorrection(q) - stirlingCorrection(s)
        if p < 10 {
            return logGamma(p) + tail - p * log(q) + p
        }
        return 0.5 * log(2 * Double.pi) - 0.5 * log(p) + p * log(p / q) + tail + stirlingCorrection(p)
    }

    /// ln Γ(x) for x > 0 (the thread-safe lgamma_r behind Swift's lgamma).
    static func logGamma(_ x: Double) -> Double {
        let (value, _) = lgamma(x)
        return value
    }

    /// δ(x) = ln Γ(x) − [(x − ½)ln x − x + ½ln 2π] for x ≥ 10, by Stirling's
    /// series Σ B₂ₖ / (2k(2k − 1)x²ᵏ⁻¹) to k = 8; the first omitted term is
    /// below 2e−18 at x = 10.
    static func stirlingCorrection(_ x: Double) -> Double {
        let r = 1 / (x * x)
        let series = ((((((( -3617.0 / 122_400 * r + 1.0 / 156) * r - 691.0 / 360_360) * r
            + 1.0 / 1188) * r - 1.0 / 1680) * r + 1.0 / 1260) * r - 1.0 / 360) * r + 1.0 / 12)
        return series / x
    }
}
