import Testing
@testable import FSIIIStatistics

@Suite("Anhøj run chart rules and the binomial quantile")
struct RunChartRulesTests {
    typealias Accuracy = StatisticsAccuracy

    @Test("ten rising values: one crossing is too few, a run of 5 is not too long")
    func risingSeries() throws {
        // Median 5.5: five below, five above. Longest run 5 ≤ round(log₂ 10 + 3) = round(6.32) = 6.
        // Crossings 1 < qbinom(0.05, 9, ½) = 2: P(X ≤ 1) = 10/512 < 0.05 ≤ P(X ≤ 2) = 46/512.
        let r = try #require(RunChartRules((1...10).map(Double.init)))
        #expect(r.centre == 5.5 && r.usefulObservations == 10)
        #expect(r.longestRun == 5 && r.longestRunLimit == 6 && !r.runsSignal)
        #expect(r.crossings == 1 && r.crossingsLimit == 2 && r.crossingsSignal && r.signal)
        #expect(Accuracy.relativeError(Binomial.cdf(1, trials: 9, probability: 0.5), 10.0 / 512) <= 1e-14)
        #expect(Accuracy.relativeError(Binomial.cdf(2, trials: 9, probability: 0.5), 46.0 / 512) <= 1e-14)
    }

    @Test("points on the centre line are left out of runs and crossings")
    func pointsOnTheLine() throws {
        // Around 2: + 0 + − 0 − + → sides + + − − +: runs 2, 2, 1; crossings 2; n = 5.
        let r = try #require(RunChartRules([3, 2, 3, 1, 2, 1, 3], centre: 2))
        #expect(r.usefulObservations == 5 && r.longestRun == 2 && r.crossings == 2)
        #expect(RunChartRules([2, 2, 2]) == nil)
    }

    struct Series: Decodable {
        var name: String
        var y: [Double]
        var centre: Double
        var n_useful: Int, longest_run: Int, longest_run_max: Int, crossings: Int, crossings_min: Int
        var signal: Bool
    }

    struct QuantileTable: Decodable { var q: Double, p: Double, n: [Int], x: [Int] }
    struct CDFTable: Decodable { var n: [Int], x: [Int], p: [Double], value: [Double] }
    struct PeerFile: Decodable { var series: [Series]; var qbinom: [QuantileTable]; var pbinom: CDFTable }

    @Test("series analysed as qicharts2 does, and qbinom / pbinom for n = 1 … 400, match R")
    func matchesR() throws {
        let file = try PeerFixture.load("runcharts.json", as: PeerFile.self)
        for s in file.series {
            let given = s.name == "given_centre" ? s.centre : nil
            let r = try #require(RunChartRules(s.y, centre: given))
            #expect(Accuracy.relativeError(r.centre, s.centre) <= 1e-12, "\(s.name)")
            #expect(r.usefulObservations == s.n_useful && r.longestRun == s.longest_run && r.crossings == s.crossings, "\(s.name)")
            #expect(r.longestRunLimit == s.longest_run_max && r.crossingsLimit == s.crossings_min, "\(s.name)")
            #expect(r.signal == s.signal, "\(s.name)")
        }
        #expect(file.series.contains { $0.signal } && file.series.contains { !$0.signal })
        for t in file.qbinom {
            for (n, x) in zip(t.n, t.x) {
                #expect(Binomial.quantile(t.q, trials: n, probability: t.p) == x, "qbinom(\(t.q), \(n), \(t.p))")
            }
        }
        for k in file.pbinom.n.indices {
            let c = file.pbinom
            #expect(Accuracy.relativeError(Binomial.cdf(c.x[k], trials: c.n[k], probability: c.p[k]), c.value[k]) <= 1e-12)
        }
    }
}
