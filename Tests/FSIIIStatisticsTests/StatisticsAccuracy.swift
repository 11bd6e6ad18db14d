/// Relative error, the measure the statistics tests hold results to.
enum StatisticsAccuracy {
    /// |actual − expected| / |expected|, or |actual| when expected is 0.
    /// Infinities compare equal to themselves (error 0).
    static func relativeError(_ actual: Double, _ expected: Double) -> Double {
        if actual == expected { return 0 }
        if expected == 0 { return abs(actual) }
        return abs(actual - expected) / abs(expected)
    }

    /// The bound asserted against reference values: the functions reach
    /// about 1e−15 (a few ulps); the margin allows other platforms' libm.
    static let tolerance = 1e-13
}
