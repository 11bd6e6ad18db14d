import Testing
@testable import FSIIIStatistics

@Suite("Mean, standard deviation and t interval")
struct MeanSummaryTests {
    typealias Accuracy = StatisticsAccuracy

    // stat_values.json "mean_ci_t": numpy.mean, numpy.std(ddof=1) and
    // scipy.stats.t.interval(0.95, 24, mean, sd/√25), scipy 1.17.1 / numpy 2.4.6.
    static let values: [Double] = [
        0.0785, -0.0334, 0.2097, 1.049, -0.3257, 0.8823, -0.1112, 0.9591, 0.7746, -0.4317,
        -0.5454, 0.7415, 0.4127, 0.9371, 0.2095, 0.5827, 0.1524, -0.1317, 0.3048, 1.1485,
        -0.5408, 0.8001, 0.4942, -0.5223, 1.0235,
    ]
    static let mean = 0.32472, sd = 0.5533098303241443
    static let low = 0.09632492741187046, high = 0.5531150725881295

    @Test("mean, sd and 95 % t interval match the reference")
    func matchesReference() throws {
        let summary = try #require(MeanSummary(Self.values))
        #expect(summary.count == 25)
        #expect(Accuracy.relativeError(summary.mean, Self.mean) <= 1e-15)
        let sd = try #require(summary.standardDeviation)
        #expect(Accuracy.relativeError(sd, Self.sd) <= 1e-15)
        let interval = try #require(summary.tInterval())
        #expect(Accuracy.relativeError(interval.low, Self.low) <= Accuracy.tolerance)
        #expect(Accuracy.relativeError(interval.high, Self.high) <= Accuracy.tolerance)
    }

    @Test("no values: no summary; one value: no sd and no interval")
    func small() throws {
        #expect(MeanSummary([]) == nil)
        let one = try #require(MeanSummary([2.5]))
        #expect(one.count == 1 && one.mean == 2.5)
        #expect(one.standardDeviation == nil)
        #expect(one.tInterval() == nil)
    }

    @Test("two values: the interval uses t(0.975, 1)")
    func twoValues() throws {
        let summary = try #require(MeanSummary([1, 3]))
        #expect(summary.mean == 2)
        #expect(Accuracy.relativeError(try #require(summary.standardDeviation), 2.0.squareRoot()) <= 1e-15)
        let interval = try #require(summary.tInterval())
        // s/√N = 1; t(0.975, 1) = 12.706204736174694 (reference table)
        #expect(Accuracy.relativeError(interval.high - 2, 12.706204736174694) <= 1e-14)
        #expect(Accuracy.relativeError(2 - interval.low, 12.706204736174694) <= 1e-14)
    }

    @Test("equal values: sd 0 and a point interval")
    func constant() throws {
        let summary = try #require(MeanSummary([0.1, 0.1, 0.1, 0.1, 0.1]))
        #expect(summary.standardDeviation == 0)
        #expect(summary.tInterval() == Interval(low: summary.mean, high: summary.mean))
    }

    @Test("a large common offset costs no digits")
    func offset() throws {
        // the two-pass variance has no Σx² − (Σx)²/N cancellation: numpy gives mean 1000000002, sd 1
        let summary = try #require(MeanSummary([1e9 + 1, 1e9 + 2, 1e9 + 3]))
        #expect(summary.mean == 1e9 + 2)
        #expect(summary.standardDeviation == 1)
    }

    @Test("the level sets the width; levels outside (0, 1) give no interval")
    func levels() throws {
        let summary = try #require(MeanSummary(Self.values))
        let at90 = try #require(summary.tInterval(level: 0.9))
        let at95 = try #require(summary.tInterval())
        #expect(at90.low > at95.low && at90.high < at95.high)
        #expect(summary.tInterval(level: 0) == nil)
        #expect(summary.tInterval(level: 1) == nil)
    }
}
