import Testing
@testable import FSIIIStatistics

@Suite("DerSimonian–Laird random-effects pooling")
struct RandomEffectsMetaTests {
    typealias Accuracy = StatisticsAccuracy

    @Test("two studies by hand: Q = 64/13, τ² = 51/200, μ̂ = 15/32, I² = 51/64")
    func twoStudies() throws {
        // y = 0.1, 0.9; v = 0.04, 0.09: w = 25, 100/9, Σw = 325/9, ȳ = (2.5 + 10)/(325/9) = 9/26.
        // Q = 25(0.1 − 9/26)² + (100/9)(0.9 − 9/26)² = 64/13.
        // Σw − Σw²/Σw = 325/9 − (625 + 10000/81)/(325/9) = 200/13, so τ² = (64/13 − 1)/(200/13) = 51/200.
        // w* = 1/0.295, 1/0.345: μ̂ = (0.1·0.345 + 0.9·0.295)/0.64 = 15/32, SE² = 0.295·0.345/0.64.
        let m = try #require(RandomEffectsMeta(estimates: [0.1, 0.9], variances: [0.04, 0.09]))
        #expect(Accuracy.relativeError(m.fixedEffectEstimate, 9.0 / 26) <= 1e-14)
        #expect(Accuracy.relativeError(m.q, 64.0 / 13) <= 1e-14)
        #expect(Accuracy.relativeError(m.tauSquared, 51.0 / 200) <= 1e-13)
        #expect(Accuracy.relativeError(m.estimate, 15.0 / 32) <= 1e-14)
        #expect(Accuracy.relativeError(m.standardError, (0.295 * 0.345 / 0.64).squareRoot()) <= 1e-14)
        #expect(Accuracy.relativeError(m.iSquared, 51.0 / 64) <= 1e-14)
    }

    struct PeerCase: Decodable {
        var name: String
        var yi: [Double], vi: [Double]
        var tau2: Double, estimate: Double, se: Double, q: Double, i2: Double, fixed_estimate: Double
    }

    struct PeerFile: Decodable { var cases: [PeerCase] }

    @Test("matches R's metafor::rma(method = \"DL\"): heterogeneous, homogeneous (τ² = 0) and two studies")
    func matchesMetafor() throws {
        let file = try PeerFixture.load("dersimonian-laird.json", as: PeerFile.self)
        #expect(file.cases.count == 3)
        for c in file.cases {
            let m = try #require(RandomEffectsMeta(estimates: c.yi, variances: c.vi))
            #expect(Accuracy.relativeError(m.tauSquared, c.tau2) <= 1e-12, "\(c.name) τ²")
            #expect(Accuracy.relativeError(m.estimate, c.estimate) <= 1e-12, "\(c.name) μ̂")
            #expect(Accuracy.relativeError(m.standardError, c.se) <= 1e-12, "\(c.name) SE")
            #expect(Accuracy.relativeError(m.q, c.q) <= 1e-12, "\(c.name) Q")
            #expect(Accuracy.relativeError(m.iSquared, c.i2) <= 1e-12, "\(c.name) I²")
            #expect(Accuracy.relativeError(m.fixedEffectEstimate, c.fixed_estimate) <= 1e-12, "\(c.name) fixed")
        }
    }

    @Test("fewer than two studies or a non-positive variance: nil")
    func edges() {
        #expect(RandomEffectsMeta(estimates: [0.3], variances: [0.1]) == nil)
        #expect(RandomEffectsMeta(estimates: [0.3, 0.4], variances: [0.1, 0]) == nil)
    }
}
