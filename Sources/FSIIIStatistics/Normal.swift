import Foundation

/// Standard normal distribution N(0, 1).
///
/// Φ(x) = ½·erfc(−x/√2), with the rounding of x/√2 corrected to first
/// order so the far tails keep their last digits. Its inverse is Wichura's
/// algorithm AS 241 (PPND16), accurate to about 1 part in 10¹⁶ (Wichura,
/// M. J. (1988), "Algorithm AS 241: The percentage points of the normal
/// distribution", Applied Statistics 37(3), 477–484).
public enum Normal {
    /// Φ(x) = P(Z ≤ x) = ½·erfc(−x/√2), for every real x.
    ///
    /// erfc keeps full relative precision in both tails: Φ(−8) ≈ 6.2e−16
    /// comes out to the last digit, where 1 − Φ(8) would round to 0.
    /// Φ(−∞) = 0, Φ(+∞) = 1, Φ(NaN) = NaN.
    public static func cdf(_ x: Double) -> Double {
        0.5 * complementaryErrorFunction(ofScaled: -x)
    }

    /// Φ⁻¹(p), the x with Φ(x) = p, by AS 241 (PPND16).
    ///
    /// Domain: p ∈ [0, 1]; Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞; NaN outside [0, 1].
    /// Three rational approximations of degree 7: |p − ½| ≤ 0.425 in
    /// r = 0.180625 − (p − ½)²; otherwise in r = √(−ln min(p, 1 − p)) − 1.6
    /// for r ≤ 5, and r − 5 beyond. 1 − p is exact for p ≥ ½, so the upper
    /// tail loses nothing to cancellation beyond what p itself carries.
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let numerator = ((((((((r * 2509.0809287301226727
                + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r
                + 1971.5909503065514427) * r + 133.14166789178437745) * r
                + 3.387132872796366608))
            let denominator = ((((((((r * 5226.495278852854561
                + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r
                + 687.1870074920579083) * r + 42.313330701600911252) * r + 1))
            return q * numerator / denominator
        }
        var r = (-log(q < 0 ? p : 1 - p)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            let numerator = ((((((((r * 7.7454501427834140764e-4
                + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                + 1.27045825245236838258) * r + 3.64784832476320460504) * r
                + 5.7694972214606914055) * r + 4.6303378461565452959) * r
                + 1.42343711074968357734))
            let denominator = ((((((((r * 1.05075007164441684324e-9
                + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                + 0.14810397642748007459) * r + 0.68976733498510000455) * r
                + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1))
            value = numerator / denominator
        } else {
            r -= 5
            let numerator = ((((((((r * 2.01033439929228813265e-7
                + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                + 0.026532189526576123093) * r + 0.29656057182850489123) * r
                + 1.7848265399172913358) * r + 5.4637849111641143699) * r
                + 6.6579046435011037772))
            let denominator = ((((((((r * 2.04426310338993978564e-15
                + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r
                + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1))
            value = numerator / denominator
        }
        return q < 0 ? -value : value
    }

    /// Two-sided p-value of a z statistic: P(|Z| ≥ |z|) = 2·(1 − Φ(|z|)) =
    /// erfc(|z|/√2), computed from erfc so small p-values keep their digits
    /// (no 1 − Φ cancellation). Domain: every real z; NaN gives NaN.
    public static func twoSidedP(z: Double) -> Double {
        complementaryErrorFunction(ofScaled: abs(z))
    }

    /// erfc(x/√2), without the error that rounding x/√2 would put there.
    ///
    /// u = x·c rounds (c is 1/√2 rounded too), and erfc(u) amplifies a
    /// relative error δ of u by 2u²: 7e−15 at x = −8, 1.5e−13 at x = −37.
    /// The exact residue e = x/√2 − u (fused multiply-add for the product,
    /// plus x times the residue of c) goes into the first-order Taylor term
    /// erfc(u + e) ≈ erfc(u) − e·(2/√π)·exp(−u²); the next term, about
    /// 2u²e² relative, is below 1e−25 wherever Φ is a normal double.
    static func complementaryErrorFunction(ofScaled x: Double) -> Double {
        guard x.isFinite else { return x.isNaN ? x : (x > 0 ? 0 : 2) }
        let c = 0.70710678118654757             // 1/√2 rounded to the nearest double
        let cResidue = -4.833646656726457e-17   // 1/√2 − c
        let u = x * c
        let e = (-u).addingProduct(x, c) + x * cResidue
        let twoOverSquareRootOfPi = 1.1283791670955126
        return erfc(u) - e * twoOverSquareRootOfPi * exp(-u * u)
    }
}
