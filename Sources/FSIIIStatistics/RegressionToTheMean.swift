import Foundation

/// Regression to the mean (RTM) estimated from repeat pairs without
/// intervention: Barnett, A. G., van der Pols, J. C. & Dobson, A. J.
/// (2005), "Regression to the mean: what it is and how to deal with it",
/// International Journal of Epidemiology 34(1), 215–220.
///
/// Model: xᵢⱼ = μⱼ + bᵢ + eᵢⱼ, between-subject variance σ²_b, within-subject
/// variance σ²_w, total variance σ² = σ²_b + σ²_w, test–retest correlation
/// ρ = σ²_b/σ². A group selected with baseline mean x̄₀ is expected to move,
/// by RTM alone, by
///
///     RTM = −(1 − ρ)(x̄₀ − μ)        (towards μ; Barnett et al., eq. 1)
///
/// and a group selected as everyone above a cut-off c, under normality,
/// z = (c − μ)/σ, by
///
///     RTM = −(σ²_w/σ)·φ(z)/(1 − Φ(z))   (Barnett et al., eq. 2; below c: +(σ²_w/σ)·φ(z)/Φ(z))
///
/// Estimates from the repeat pairs (``TestRetest``): σ²_w = MS_error =
/// Var(x₂ − x₁)/2, which removes a mean shift m₂ − m₁ between the
/// occasions (natural course, reported separately as `drift`);
/// σ² = (s₁² + s₂²)/2; σ²_b = s₁₂, truncated at 0 as the ANOVA estimator of
/// a variance component is; so ρ = max(0, 2s₁₂/(s₁² + s₂²)) = ICC(3,1).
/// μ is the mean at the first occasion, m₁ (the population the group is
/// selected from, at the time of selection), unless the caller gives
/// another.
///
/// The sign convention is the data's: on FSIII levels (higher = more
/// limitation) a course population selected at worse-than-average levels
/// has x̄₀ > μ, and RTM < 0 is an apparent improvement.
public struct RegressionToTheMean: Sendable, Hashable {
    /// The repeat-pair statistics the estimate rests on.
    public var pairs: TestRetest

    /// The estimate from `first[i]`, `second[i]` of citizens without an
    /// intervention in between.
    ///
    /// - Parameter minimumPairs: below this, "not estimable" (default 30:
    ///   with fewer, ρ near 0.5 has a standard error above 0.14).
    /// - Throws: ``TestRetestError`` with the reason it is not estimable.
    public init(first: [Double], second: [Double], minimumPairs: Int = 30) throws(TestRetestError) {
        pairs = try TestRetest(first: first, second: second, minimumPairs: minimumPairs)
    }

    /// σ²_w = Var(x₂ − x₁)/2.
    public var withinSubjectVariance: Double { pairs.errorMeanSquare }
    /// σ² = (s₁² + s₂²)/2.
    public var totalVariance: Double { (pairs.firstVariance + pairs.secondVariance) / 2 }
    /// ρ = max(0, 2s₁₂/(s₁² + s₂²)).
    public var correlation: Double { max(0, pairs.consistency) }
    /// μ = m₁, the population mean at selection.
    public var populationMean: Double { pairs.firstMean }
    /// m₂ − m₁, the mean change of the pairs themselves (natural course).
    public var drift: Double { pairs.secondMean - pairs.firstMean }

    /// −(1 − ρ)(x̄₀ − μ): the mean change a group with baseline mean
    /// `baselineMean` shows by regression to the mean alone.
    public func expectedChange(baselineMean: Double, populationMean: Double? = nil) -> Double {
        -(1 - correlation) * (baselineMean - (populationMean ?? self.populationMean))
    }

    /// The RTM of a group selected as all with a first value above
    /// `cutoff`, assuming normal x: −(σ²_w/σ)·φ(z)/(1 − Φ(z)),
    /// z = (c − μ)/σ; nil when σ = 0 or the tail underflows to 0.
    public func expectedChange(selectedAbove cutoff: Double) -> Double? {
        cutoffShift(cutoff, above: true).map { -$0 }
    }

    /// The same for a group selected below `cutoff`: +(σ²_w/σ)·φ(z)/Φ(z).
    public func expectedChange(selectedBelow cutoff: Double) -> Double? {
        cutoffShift(cutoff, above: false)
    }

    /// (σ²_w/σ)·φ(z)/tail, the tail Φ(−z) or Φ(z) from ``Normal/cdf(_:)``
    /// (accurate far out, where 1 − Φ(z) would cancel).
    private func cutoffShift(_ cutoff: Double, above: Bool) -> Double? {
        let sigma = totalVariance.squareRoot()
        guard sigma > 0 else { return nil }
        let z = (cutoff - populationMean) / sigma
        let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        let tail = above ? Normal.cdf(-z) : Normal.cdf(z)
        guard tail > 0 else { return nil }
        return withinSubjectVariance / sigma * density / tail
    }
}
