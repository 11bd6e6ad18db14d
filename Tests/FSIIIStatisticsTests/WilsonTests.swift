import Testing
@testable import FSIIIStatistics

@Suite("Wilson score interval")
struct WilsonTests {
    typealias Accuracy = StatisticsAccuracy

    // stat_values.json "wilson_95": Wilson 95 % interval with z = ndtri(0.975),
    // scipy 1.17.1 / numpy 2.4.6. The reference computes the lower bound as
    // centre − half-width, which cancels for k ≪ n; it is still within 1e−15 here.
    static let table: [(k: Int, n: Int, low: Double, high: Double)] = [
        (0, 1, 0.0, 0.7934506856227626),
        (1, 1, 0.20654931437723745, 1.0),
        (0, 10, 0.0, 0.2775327998628892),
        (3, 10, 0.10779126740630099, 0.6032218525388546),
        (10, 10, 0.7224672001371107, 0.9999999999999999),
        (5, 17, 0.1327998961029523, 0.5313311006653985),
        (50, 100, 0.4038315303659956, 0.5961684696340044),
        (1, 1000, 0.00017654637062607809, 0.0056425585979579355),
        (999, 1000, 0.9943574414020421, 0.9998234536293739),
        (123, 4567, 0.022620022313028027, 0.032039816815401245),
    ]

    @Test("95 % interval matches the reference table")
    func matchesReference() throws {
        for (k, n, low, high) in Self.table {
            let interval = try #require(Wilson.interval(successes: k, trials: n))
            #expect(Accuracy.relativeError(interval.low, low) <= Accuracy.tolerance, "\(k)/\(n) low")
            #expect(Accuracy.relativeError(interval.high, high) <= Accuracy.tolerance, "\(k)/\(n) high")
        }
    }

    @Test("k = 0 and k = n: the bound at the edge is the edge, the other is closed-form")
    func edges() throws {
        let z2 = Wilson.z95 * Wilson.z95
        let none = try #require(Wilson.interval(successes: 0, trials: 10))
        #expect(none.low == 0)
        #expect(Accuracy.relativeError(none.high, z2 / (10 + z2)) <= 1e-15)
        let all = try #require(Wilson.interval(successes: 10, trials: 10))
        #expect(all.high <= 1)
        #expect(Accuracy.relativeError(all.high, 1) <= 1e-15)
        #expect(Accuracy.relativeError(all.low, 10 / (10 + z2)) <= 1e-15)
    }

    @Test("no trials, no interval")
    func noTrials() {
        #expect(Wilson.interval(successes: 0, trials: 0) == nil)
    }

    @Test("k and n − k give mirrored intervals, inside [0, 1]")
    func mirrored() throws {
        for n in [1, 2, 7, 40, 1001] {
            for k in 0...n {
                let interval = try #require(Wilson.interval(successes: k, trials: n))
                let mirror = try #require(Wilson.interval(successes: n - k, trials: n))
                #expect(interval.low >= 0 && interval.low <= interval.high && interval.high <= 1)
                #expect(abs(interval.low - (1 - mirror.high)) <= 1e-15, "\(k)/\(n)")
            }
        }
    }

    @Test("a wider z gives a wider interval")
    func zWidens() throws {
        let at95 = try #require(Wilson.interval(successes: 3, trials: 10))
        let at99 = try #require(Wilson.interval(successes: 3, trials: 10, z: Normal.quantile(0.995)))
        #expect(at99.low < at95.low && at99.high > at95.high)
    }
}
