/// Standard error of measurement (SEM) and minimal detectable change (MDC)
/// from test–retest pairs: Weir, J. P. (2005), "Quantifying test-retest
/// reliability using the intraclass correlation coefficient and the SEM",
/// Journal of Strength and Conditioning Research 19(1), 231–240.
///
///     SEM = SD·√(1 − ICC)            MDC₉₅ = z₀.₉₇₅·√2·SEM  (z₀.₉₇₅ = 1.95996…)
///
/// - ICC is ICC(2,1), two-way random, absolute agreement, single measure
///   (``TestRetest/absoluteAgreement``): the MDC judges whether one
///   citizen's change between two assessments exceeds what repeating the
///   assessment gives, and a systematic shift between occasions is part of
///   that (Weir 2005 §"Choosing an ICC"; Pearson's r ignores such a shift
///   and is not used). It is truncated at 0, so SEM ≤ SD.
/// - SD is the sample SD of all 2n values (Weir: "the SD of the scores from
///   all subjects"), ``TestRetest/pooledStandardDeviation``.
/// - √2 because a change is the difference of two measurements, each with
///   error SEM.
/// Weir also gives SEM = √MS_error, which does not depend on the ICC
/// chosen; it is `errorStandardDeviation` here, for comparison.
public struct MeasurementError: Sendable, Hashable {
    /// The repeat-pair statistics.
    public var pairs: TestRetest

    /// SEM and MDC from `pairs`.
    public init(_ pairs: TestRetest) {
        self.pairs = pairs
    }

    /// ICC(2,1), truncated at 0.
    public var reliability: Double { max(0, pairs.absoluteAgreement) }

    /// SEM = SD·√(1 − ICC(2,1)).
    public var standardErrorOfMeasurement: Double {
        pairs.pooledStandardDeviation * (1 - reliability).squareRoot()
    }

    /// MDC = z·√2·SEM; z = Φ⁻¹(0.975) for 95 %.
    public func minimalDetectableChange(z: Double = Wilson.z95) -> Double {
        z * 2.0.squareRoot() * standardErrorOfMeasurement
    }

    /// √MS_error, Weir's ICC-free SEM.
    public var errorStandardDeviation: Double { pairs.errorMeanSquare.squareRoot() }
}
