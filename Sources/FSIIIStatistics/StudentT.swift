import Foundation

/// Student's t distribution with ν degrees of freedom.
///
/// The tail area is a regularized incomplete beta function (Abramowitz &
/// Stegun 26.7.1, 26.5.27): for t ≥ 0, P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½) and
/// P(|T| < t) = I_{t²/(ν+t²)}(½, ν/2), computed by ``IncompleteBeta``.
public enum StudentT {
    /// F(t) = P(T ≤ t) for ν = `df` degrees of freedom.
    ///
    /// Domain: df > 0 (not necessarily an integer; df = +∞ is the normal
    /// distribution), t any real with F(−∞) = 0 and F(+∞) = 1. NaN when
    /// df ≤ 0 or either argument is NaN. Both tails keep full relative
    /// precision: F(t) for t < 0 is the upper tail of |t| itself, never
    /// 1 minus something.
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard !t.isNaN, df > 0 else { return .nan }
        if df == .infinity { return Normal.cdf(t) }
        let areas = tailAreas(abs(t), df)
        return t < 0 ? areas.tail : 0.5 + 0.5 * areas.central
    }

    /// F⁻¹(p), the t with P(T ≤ t) = p, for ν = `df` ≥ 1 degrees of freedom.
    ///
    /// Domain: p ∈ [0, 1] with F⁻¹(0) = −∞ and F⁻¹(1) = +∞; NaN when p is
    /// outside [0, 1] or NaN, or df < 1.
    /// - ν = 1 (Cauchy): t = tan(π(p − ½)), evaluated as ±1/tan(πα) for
    ///   α = min(p, 1 − p) < ¼ and as tan(π(p − ½)) otherwise, so the
    ///   tangent is always of an angle below π/4 and keeps its relative
    ///   precision.
    /// - ν = 2: t = (2p − 1)/√(2p(1 − p)).
    /// - ν ≥ 3: Hill's approximation (Hill, G. W. (1970), "Algorithm 396:
    ///   Student's t-quantiles", CACM 13(10), 619–620, in the form of R's
    ///   qt) as the start, then Newton steps on the upper-tail area
    ///   α = min(p, 1 − p), kept inside a bracket, until a step moves t by
    ///   at most 2 ulps. For α < ¼ the steps solve ln P(T > t) = ln α:
    ///   t ← t + ln(P(T > t)/α)·P(T > t)/f(t), which converges fast even
    ///   far out in the tail. For α ≥ ¼ they solve P(|T| < t) = 1 − 2α
    ///   (exact there): t ← t + ((1 − 2α) − P(|T| < t))/(2f(t)), so no digit
    ///   of p − ½ is lost.
    public static func quantile(_ p: Double, degreesOfFreedom df: Int) -> Double {
        guard p >= 0, p <= 1, df >= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let upper = p > 0.5
        let alpha = upper ? 1 - p : p           // exact for p ≥ ½ (Sterbenz)
        let t: Double
        switch df {
        case 1:
            // the tangent of a small angle keeps its relative precision
            t = alpha < 0.25 ? 1 / tan(Double.pi * alpha) : tan(Double.pi * (0.5 - alpha))
        case 2:
            t = (1 - 2 * alpha) / (2 * alpha * (1 - alpha)).squareRoot()
        default:
            t = polishedUpperQuantile(alpha: alpha, df: Double(df))
        }
        return upper ? t : -t
    }

    /// The t > 0 with P(T > t) = alpha, 0 < alpha < ½, by Newton from Hill's start.
    private static func polishedUpperQuantile(alpha: Double, df: Double) -> Double {
        let nearCentre = alpha >= 0.25
        let centralMass = 1 - 2 * alpha        // exact for alpha ≥ ¼
        var t = hillUpperQuantile(alpha: alpha, df: df)
        var low = 0.0, high = Double.infinity  // the root lies in [low, high]
        for _ in 0..<100 {
            let areas = tailAreas(t, df)
            let residual: Double                // P(T > t) − alpha
            let step: Double
            if nearCentre {
                residual = 0.5 * (centralMass - areas.central)
                step = residual / density(t, df)
            } else {
                // Newton on ln P(T > t), close to linear in t far out, where
                // Newton on P itself would crawl (steps of about 1/t).
                residual = areas.tail - alpha
                step = log1p(residual / alpha) * areas.tail / density(t, df)
            }
            if residual == 0 { break }
            if residual > 0 { low = t } else { high = t }
            if abs(step) <= 2 * t.ulp {
                t += step
                break
            }
            let next = t + step
            // NaN (an underflowed tail) or a step out of the bracket: bisect instead.
            if next > low && next < high {
                t = next
            } else {
                t = high.isFinite ? 0.5 * (low + high) : 2 * t
            }
            if high - low <= 4 * t.ulp { break }
        }
        return t
    }

    /// Hill's (1970) approximation to the t > 0 with P(T > t) = alpha, as
    /// written in R's qt (nmath/qt.c), good to a few digits: the start of
    /// the Newton polish.
    private static func hillUpperQuantile(alpha: Double, df: Double) -> Double {
        let twoSided = 2 * alpha
        let a = 1 / (df - 0.5)
        let b = 48 / (a * a)
        var c = ((20700 * a / b - 98) * a - 16) * a + 96.36
        let d = ((94.5 / (b + c) - 3) / b + 1) * (a * Double.pi / 2).squareRoot() * df
        let logY = 2 * (log(d) + log(twoSided)) / df
        var y = exp(logY)
        if y > 0.05 + a {
            // asymptotic inverse expansion about the normal
            let x = Normal.quantile(alpha)
            y = x * x
            if df < 5 { c += 0.3 * (df - 4.5) * (x + 0.6) }
            c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
            y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
            y = expm1(a * y * y)
        } else if y < Double.ulpOfOne {
            // far tail, y would lose its digits: t ≈ √(ν/y)
            return df.squareRoot() * exp(-logY / 2)
        } else {
            y = ((1 / (((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3)
                + 0.5 / (df + 4)) * y - 1) * (df + 1) / (df + 2) + 1 / y
        }
        return (df * y).squareRoot()
    }

    /// For t ≥ 0: tail = P(T > t) = ½·I_x(ν/2, ½) with x = ν/(ν + t²), and
    /// central = P(|T| < t) = 1 − 2·tail = I_y(½, ν/2) with y = t²/(ν + t²).
    /// x and y are both formed without cancellation or overflow.
    static func tailAreas(_ t: Double, _ df: Double) -> (tail: Double, central: Double) {
        let x: Double, y: Double
        if t * t < df {
            let r = t * t / df
            x = 1 / (1 + r)
            y = r / (1 + r)
        } else {
            let r = df / t / t
            x = r / (1 + r)
            y = 1 / (1 + r)
        }
        let beta = IncompleteBeta.regularized(x: x, y: y, a: 0.5 * df, b: 0.5)
        return (0.5 * beta.lower, beta.upper)
    }

    /// Density f(t) = (1 + t²/ν)^(−(ν+1)/2) / (√ν·B(ν/2, ½)), evaluated in
    /// logarithms so that neither t² nor the beta function overflows.
    static func density(_ t: Double, _ df: Double) -> Double {
        let t = abs(t)
        let logBase = t * t < df
            ? log1p(t * t / df)
            : 2 * log(t) - log(df) + log1p(df / t / t)
        return exp(-0.5 * (df + 1) * logBase - IncompleteBeta.logBeta(0.5 * df, 0.5)) / df.squareRoot()
    }
}
