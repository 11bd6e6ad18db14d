import FSIIIStatistics

/// The minimal detectable change of a course's mean change (issue 21):
///
///     MDC₉₅ = 1.96·√2·SEM,   SEM = SD·√(1 − ICC(2,1))
///
/// (Weir 2005; ``MeasurementError``), from the same repeat pairs as
/// ``RegressionToTheMeanEstimate``'s mean level: per citizen without a
/// course, the mean levels (0–4) of the conditions assessed on the first
/// two consecutive assessment dates at most 120 days apart. A course's
/// mean change is the difference of two such mean levels (baseline −
/// follow-up), so a change above MDC₉₅ is larger than 95 % of the changes
/// that repeating the assessment without a course gives.
public struct MinimalDetectableChangeEstimate: Sendable, Hashable {
    /// Repeat pairs needed before the reliability is trusted.
    public static let minimumPairs = 20

    /// The repeat pairs used.
    public var pairs: Int
    /// ICC(2,1), truncated at 0; nil when not estimable.
    public var reliability: Double?
    /// SEM in points; nil when not estimable.
    public var standardErrorOfMeasurement: Double?
    /// MDC₉₅ in points (mean-change scale); nil when not estimable.
    public var mdc95: Double?
    /// Why not estimable; nil when estimated.
    public var reason: String?

    /// From repeat pairs `first[i]`, `second[i]`.
    public init(first: [Double], second: [Double]) {
        pairs = first.count
        if first.isEmpty {
            reason = "no repeat pairs (two assessments within \(RegressionToTheMeanEstimate.maximumSpacingDays) days) of citizens without a course"
            return
        }
        do {
            let e = MeasurementError(try TestRetest(first: first, second: second, minimumPairs: Self.minimumPairs))
            reliability = e.reliability
            standardErrorOfMeasurement = e.standardErrorOfMeasurement
            mdc95 = e.minimalDetectableChange()
        } catch {
            reason = error.description
        }
    }

    /// Without assessments there are no repeat pairs.
    static let noAssessments = MinimalDetectableChangeEstimate(first: [], second: [])
}
