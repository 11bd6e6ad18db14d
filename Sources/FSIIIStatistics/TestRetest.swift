/// Test–retest statistics of repeat pairs (x₁ᵢ, x₂ᵢ), i = 1 … n: two
/// measurements of the same subject with no intervention in between. The
/// common ground of ``RegressionToTheMean`` and ``MeasurementError``.
///
/// From the means m₁, m₂, the sample variances s₁², s₂² and the
/// covariance s₁₂ (all with n − 1), the two-way ANOVA of n subjects × 2
/// occasions with one measurement per cell (Shrout, P. E. & Fleiss, J. L.
/// (1979), "Intraclass correlations: uses in assessing rater reliability",
/// Psychological Bulletin 86(2), 420–428) has, exactly,
///
///     MS_subjects  = (s₁² + s₂² + 2s₁₂)/2          (n − 1 df)
///     MS_occasions = n(m₁ − m₂)²/2                 (1 df)
///     MS_error     = (s₁² + s₂² − 2s₁₂)/2 = Var(x₂ − x₁)/2   (n − 1 df)
///
/// and the intraclass correlations for single measurements (k = 2)
///
///     ICC(2,1) = (MS_s − MS_e) / (MS_s + MS_e + 2(MS_o − MS_e)/n)   absolute agreement
///     ICC(3,1) = (MS_s − MS_e) / (MS_s + MS_e) = 2s₁₂/(s₁² + s₂²)  consistency
///
/// ICC(2,1) counts a systematic shift between the occasions as error;
/// ICC(3,1) does not. Pearson's r = s₁₂/(s₁s₂) is given for comparison only
/// (it ignores a shift and a change of spread; Weir 2005 advises against
/// it for reliability).
public struct TestRetest: Sendable, Hashable {
    /// n, the number of pairs.
    public var count: Int
    /// m₁, m₂: the means at the first and the second occasion.
    public var firstMean: Double, secondMean: Double
    /// s₁², s₂²: the sample variances at each occasion.
    public var firstVariance: Double, secondVariance: Double
    /// s₁₂: the sample covariance.
    public var covariance: Double

    /// The statistics of `first[i]`, `second[i]`.
    ///
    /// - Throws: ``TestRetestError/tooFewPairs(found:needed:)`` below
    ///   `minimumPairs` (at least 2), ``TestRetestError/nonFiniteValue(pair:)``,
    ///   ``TestRetestError/lengthMismatch(first:second:)``, and
    ///   ``TestRetestError/noVariation`` when all 2n values are equal.
    public init(first: [Double], second: [Double], minimumPairs: Int = 2) throws(TestRetestError) {
        guard first.count == second.count else { throw .lengthMismatch(first: first.count, second: second.count) }
        let needed = max(2, minimumPairs)
        guard first.count >= needed else { throw .tooFewPairs(found: first.count, needed: needed) }
        if let i = first.indices.first(where: { !first[$0].isFinite || !second[$0].isFinite }) {
            throw .nonFiniteValue(pair: i)
        }
        let n = Double(first.count)
        let m1 = first.reduce(0, +) / n, m2 = second.reduce(0, +) / n
        var s11 = 0.0, s22 = 0.0, s12 = 0.0
        for (a, b) in zip(first, second) {
            s11 += (a - m1) * (a - m1)
            s22 += (b - m2) * (b - m2)
            s12 += (a - m1) * (b - m2)
        }
        guard s11 + s22 > 0 else { throw .noVariation }
        count = first.count
        firstMean = m1
        secondMean = m2
        firstVariance = s11 / (n - 1)
        secondVariance = s22 / (n - 1)
        covariance = s12 / (n - 1)
    }

    /// MS_subjects = (s₁² + s₂² + 2s₁₂)/2.
    public var subjectMeanSquare: Double { (firstVariance + secondVariance + 2 * covariance) / 2 }
    /// MS_occasions = n(m₁ − m₂)²/2.
    public var occasionMeanSquare: Double { Double(count) * (firstMean - secondMean) * (firstMean - secondMean) / 2 }
    /// MS_error = (s₁² + s₂² − 2s₁₂)/2, the within-subject variance σ²_w
    /// after removing the mean shift between occasions.
    public var errorMeanSquare: Double { max(0, (firstVariance + secondVariance - 2 * covariance) / 2) }

    /// ICC(2,1), two-way random effects, absolute agreement, single measure.
    public var absoluteAgreement: Double {
        let s = subjectMeanSquare, e = errorMeanSquare, o = occasionMeanSquare
        return (s - e) / (s + e + 2 * (o - e) / Double(count))
    }

    /// ICC(3,1) = 2s₁₂/(s₁² + s₂²), two-way mixed effects, consistency, single measure.
    public var consistency: Double { 2 * covariance / (firstVariance + secondVariance) }

    /// Pearson's r = s₁₂/(s₁s₂); nil when either occasion has no variance.
    public var pearson: Double? {
        let d = (firstVariance * secondVariance).squareRoot()
        return d > 0 ? covariance / d : nil
    }

    /// The sample SD of all 2n values (the SD of Weir's SEM formula):
    /// √(SS_total/(2n − 1)), SS_total = (n − 1)(s₁² + s₂²) + n(m₁ − m₂)²/2.
    public var pooledStandardDeviation: Double {
        let n = Double(count)
        let total = (n - 1) * (firstVariance + secondVariance) + n * (firstMean - secondMean) * (firstMean - secondMean) / 2
        return (total / (2 * n - 1)).squareRoot()
    }
}

/// Why test–retest statistics cannot be estimated.
public enum TestRetestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer pairs than needed.
    case tooFewPairs(found: Int, needed: Int)
    /// Every value is the same: no variance to split.
    case noVariation
    /// A value of pair `pair` (0-based) is NaN or infinite.
    case nonFiniteValue(pair: Int)
    /// The two occasions have different numbers of values.
    case lengthMismatch(first: Int, second: Int)

    public var description: String {
        switch self {
        case let .tooFewPairs(found, needed):
            return "not estimable: \(found) repeat pair(s), at least \(needed) needed; widen the repeat window or pool conditions"
        case .noVariation:
            return "not estimable: every repeat measurement has the same value, so there is no variance to split"
        case let .nonFiniteValue(pair):
            return "not estimable: repeat pair \(pair + 1) has a value that is not a finite number"
        case let .lengthMismatch(first, second):
            return "not estimable: \(first) first and \(second) second measurements; give them in pairs"
        }
    }
}
