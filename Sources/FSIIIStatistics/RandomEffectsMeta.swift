/// Random-effects pooling of k estimates yᵢ with within-study variances vᵢ
/// by the DerSimonian–Laird moment estimator of the between-study variance
/// τ² (DerSimonian, R. & Laird, N. (1986), "Meta-analysis in clinical
/// trials", Controlled Clinical Trials 7(3), 177–188):
///
///     wᵢ = 1/vᵢ,  ȳ = Σwᵢyᵢ/Σwᵢ,  Q = Σwᵢ(yᵢ − ȳ)²
///     τ² = max(0, (Q − (k − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ))
///     wᵢ* = 1/(vᵢ + τ²),  μ̂ = Σwᵢ*yᵢ/Σwᵢ*,  SE(μ̂) = 1/√Σwᵢ*
///     I² = max(0, (Q − (k − 1))/Q)   (Higgins, J. P. T. & Thompson, S. G.
///     (2002), "Quantifying heterogeneity in a meta-analysis", Statistics
///     in Medicine 21(11), 1539–1558)
///
/// The same figures as R's `metafor::rma(yi, vi, method = "DL")` (`tau2`,
/// `beta`, `se`, `QE`, `I2`/100), whose I² is written in the equivalent
/// form τ²/(τ² + s²), s² the "typical" within-study variance
/// (k − 1)Σwᵢ/((Σwᵢ)² − Σwᵢ²).
public struct RandomEffectsMeta: Sendable, Hashable {
    /// k, the number of estimates.
    public var count: Int
    /// τ², the DerSimonian–Laird between-study variance (≥ 0).
    public var tauSquared: Double
    /// μ̂, the random-effects pooled estimate.
    public var estimate: Double
    /// SE(μ̂) = 1/√Σwᵢ*.
    public var standardError: Double
    /// Cochran's Q with k − 1 degrees of freedom.
    public var q: Double
    /// I², the share of the variation due to heterogeneity, in [0, 1].
    public var iSquared: Double
    /// ȳ, the fixed-effect (inverse-variance) estimate.
    public var fixedEffectEstimate: Double

    /// The pooled estimate of `estimates` with `variances`; nil when k < 2
    /// or a variance is not a positive finite number or an estimate not
    /// finite.
    public init?(estimates y: [Double], variances v: [Double]) {
        precondition(y.count == v.count, "one variance per estimate")
        guard y.count >= 2, y.allSatisfy(\.isFinite), v.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let k = Double(y.count)
        let w = v.map { 1 / $0 }
        let sw = w.reduce(0, +), sw2 = w.reduce(0) { $0 + $1 * $1 }
        let fixed = zip(w, y).reduce(0) { $0 + $1.0 * $1.1 } / sw
        let q = zip(w, y).reduce(0) { $0 + $1.0 * ($1.1 - fixed) * ($1.1 - fixed) }
        let tau2 = max(0, (q - (k - 1)) / (sw - sw2 / sw))
        let ws = v.map { 1 / ($0 + tau2) }
        let sws = ws.reduce(0, +)
        count = y.count
        tauSquared = tau2
        estimate = zip(ws, y).reduce(0) { $0 + $1.0 * $1.1 } / sws
        standardError = (1 / sws).squareRoot()
        self.q = q
        iSquared = q > 0 ? max(0, (q - (k - 1)) / q) : 0
        fixedEffectEstimate = fixed
    }
}
