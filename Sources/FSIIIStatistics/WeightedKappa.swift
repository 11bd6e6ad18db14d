/// Cohen's weighted kappa for two ratings of the same subjects on an
/// ordinal scale 0 … K − 1 (Cohen, J. (1968), "Weighted kappa: nominal
/// scale agreement with provision for scaled disagreement or partial
/// credit", Psychological Bulletin 70(4), 213–220):
///
///     κ_w = 1 − Σᵢⱼ wᵢⱼ oᵢⱼ / Σᵢⱼ wᵢⱼ eᵢⱼ
///
/// with oᵢⱼ the observed share of subjects rated i by the first and j by
/// the second, eᵢⱼ = oᵢ. · o.ⱼ the share expected by chance from the
/// margins, and disagreement weights wᵢⱼ = |i − j| (linear), (i − j)²
/// (quadratic) or [i ≠ j] (unweighted: Cohen's 1960 kappa). Quadratic
/// weights make κ_w close to the ICC of the ratings (Fleiss, J. L. &
/// Cohen, J. (1973), Educational and Psychological Measurement 33(3),
/// 613–619). Checked against R's `psych::cohen.kappa` with the weight
/// matrix given (fixture `peers/kappa.R`); the table always spans all K
/// categories, used or not, as psych's `levels =` makes it.
public struct WeightedKappa: Sendable, Hashable {
    /// The disagreement weights.
    public enum Weights: Sendable, Hashable {
        /// [i ≠ j]: Cohen's unweighted kappa.
        case unweighted
        /// |i − j|.
        case linear
        /// (i − j)².
        case quadratic

        func weight(_ i: Int, _ j: Int) -> Double {
            switch self {
            case .unweighted: i == j ? 0 : 1
            case .linear: Double(abs(i - j))
            case .quadratic: Double((i - j) * (i - j))
            }
        }
    }

    /// κ_w.
    public var kappa: Double
    /// Σ wᵢⱼ oᵢⱼ, the observed weighted disagreement.
    public var observedDisagreement: Double
    /// Σ wᵢⱼ eᵢⱼ, the disagreement expected from the margins.
    public var expectedDisagreement: Double
    /// n, the number of subjects.
    public var count: Int

    /// κ_w of `first[s]`, `second[s]` on categories 0 ..< `categories`;
    /// nil when there are no subjects, a rating is outside the scale, or
    /// the margins leave no disagreement to expect (both raters always give
    /// one and the same category).
    public init?(first: [Int], second: [Int], categories: Int, weights: Weights) {
        precondition(first.count == second.count, "two ratings per subject")
        guard !first.isEmpty, categories >= 2,
              (first + second).allSatisfy({ (0..<categories).contains($0) }) else { return nil }
        let k = categories, n = Double(first.count)
        var table = [Double](repeating: 0, count: k * k)
        for (a, b) in zip(first, second) { table[a * k + b] += 1 / n }
        var rows = [Double](repeating: 0, count: k), columns = [Double](repeating: 0, count: k)
        for i in 0..<k { for j in 0..<k { rows[i] += table[i * k + j]; columns[j] += table[i * k + j] } }
        var observed = 0.0, expected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let w = weights.weight(i, j)
                observed += w * table[i * k + j]
                expected += w * rows[i] * columns[j]
            }
        }
        guard expected > 0 else { return nil }
        kappa = 1 - observed / expected
        observedDisagreement = observed
        expectedDisagreement = expected
        count = first.count
    }
}
