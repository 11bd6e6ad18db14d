import Testing
@testable import FSIIIStatistics

@Suite("BCa bootstrap interval with jackknife acceleration")
struct BCaIntervalTests {
    typealias Accuracy = StatisticsAccuracy

    @Test("a tiny case by hand: z₀ from the share below θ̂, a from the jackknife, levels from the formula")
    func handComputed() throws {
        // θ̂ = 0, replicates −2, −1, 1, 2, 3: 2 of 5 below, z₀ = Φ⁻¹(0.4).
        // Jackknife 1, 2, 3, 6: mean 3, deviations 2, 1, 0, −3; Σd² = 14, Σd³ = −18, a = −18/(6·14^{3/2}).
        let bca = try #require(BCaInterval(estimate: 0, replicates: [3, -1, 2, -2, 1], jackknife: [1, 2, 3, 6], level: 0.9))
        let z0 = Normal.quantile(0.4), a = -18 / (6 * 14 * 14.0.squareRoot())
        #expect(bca.biasCorrection == z0)
        #expect(Accuracy.relativeError(bca.acceleration, a) <= 1e-15)
        let z = Normal.quantile(0.05)
        let alpha1 = Normal.cdf(z0 + (z0 + z) / (1 - a * (z0 + z)))
        let alpha2 = Normal.cdf(z0 + (z0 - z) / (1 - a * (z0 - z)))
        #expect(Accuracy.relativeError(bca.adjustedLevels.low, alpha1) <= 1e-15)
        #expect(Accuracy.relativeError(bca.adjustedLevels.high, alpha2) <= 1e-15)
        #expect(Accuracy.relativeError(bca.interval.low, Percentile.linear(sorted: [-2, -1, 1, 2, 3], alpha1)) <= 1e-15)
        #expect(Accuracy.relativeError(bca.interval.high, Percentile.linear(sorted: [-2, -1, 1, 2, 3], alpha2)) <= 1e-15)
        // Centred on θ̂ = 0 instead (boot's convention): deviations −1, −2, −3, −6, Σd² = 50, Σd³ = −252.
        let boot = try #require(BCaInterval(estimate: 0, replicates: [3, -1, 2, -2, 1], jackknife: [1, 2, 3, 6],
                                            level: 0.9, accelerationCentre: .estimate))
        #expect(Accuracy.relativeError(boot.acceleration, -252 / (6 * 50 * 50.0.squareRoot())) <= 1e-15)
    }

    @Test("boot's normal-scale interpolation: whole ranks, the ends, and in between")
    func normalInterpolation() {
        let t: [Double] = [1, 2, 4, 8]   // B = 4, ranks at (B + 1)α = 5α
        #expect(BCaInterval.normalInterpolation(t, 0.4) == 2)      // rk = 2, whole
        #expect(BCaInterval.normalInterpolation(t, 0.1) == 1)      // k = 0
        #expect(BCaInterval.normalInterpolation(t, 0.9) == 8)      // k = 4 = B
        // rk = 2.5: between t₂ = 2 and t₃ = 4 at (Φ⁻¹(0.5) − Φ⁻¹(0.4))/(Φ⁻¹(0.6) − Φ⁻¹(0.4)) = ½.
        #expect(abs(BCaInterval.normalInterpolation(t, 0.5) - 3) <= 1e-15)
    }

    struct PeerCase: Decodable {
        var name: String
        var estimate: Double
        var replicates: [Double], jackknife: [Double]
        var z0: Double, acceleration: Double, adjusted: [Double]
        var bca_low: Double, bca_high: Double, type7_low: Double, type7_high: Double
    }

    struct PeerFile: Decodable { var cases: [PeerCase] }

    @Test("matches R's boot.ci(type = \"bca\") with jackknife influence centred on θ̂, on boot's own replicates")
    func matchesBoot() throws {
        let file = try PeerFixture.load("bca.json", as: PeerFile.self)
        #expect(file.cases.count == 2)
        for c in file.cases {
            let boot = try #require(BCaInterval(estimate: c.estimate, replicates: c.replicates, jackknife: c.jackknife,
                                                quantileRule: .normalInterpolation, accelerationCentre: .estimate))
            #expect(Accuracy.relativeError(boot.biasCorrection, c.z0) <= 1e-12, "\(c.name) z0")
            #expect(Accuracy.relativeError(boot.acceleration, c.acceleration) <= 1e-10, "\(c.name) a")
            #expect(Accuracy.relativeError(boot.adjustedLevels.low, c.adjusted[0]) <= 1e-11, "\(c.name) α₁")
            #expect(Accuracy.relativeError(boot.adjustedLevels.high, c.adjusted[1]) <= 1e-11, "\(c.name) α₂")
            #expect(Accuracy.relativeError(boot.interval.low, c.bca_low) <= 1e-11, "\(c.name) low")
            #expect(Accuracy.relativeError(boot.interval.high, c.bca_high) <= 1e-11, "\(c.name) high")
            let type7 = try #require(BCaInterval(estimate: c.estimate, replicates: c.replicates, jackknife: c.jackknife,
                                                 accelerationCentre: .estimate))
            // Centred on the jackknife mean (the default), a differs unless the statistic is linear.
            let textbook = try #require(BCaInterval(estimate: c.estimate, replicates: c.replicates, jackknife: c.jackknife))
            if c.name == "mean_of_exponential" {
                #expect(Accuracy.relativeError(textbook.acceleration, c.acceleration) <= 1e-10)
            } else {
                #expect(Accuracy.relativeError(textbook.acceleration, c.acceleration) > 1e-3)
            }
            #expect(Accuracy.relativeError(type7.interval.low, c.type7_low) <= 1e-11, "\(c.name) type 7 low")
            #expect(Accuracy.relativeError(type7.interval.high, c.type7_high) <= 1e-11, "\(c.name) type 7 high")
        }
    }

    @Test("all replicates on one side, a constant jackknife, or nothing: nil")
    func edges() {
        #expect(BCaInterval(estimate: 0, replicates: [1, 2, 3], jackknife: [1, 2]) == nil)
        #expect(BCaInterval(estimate: 2, replicates: [1, 2, 3], jackknife: [1, 1, 1]) == nil)
        #expect(BCaInterval(estimate: 2, replicates: [], jackknife: [1, 2]) == nil)
    }
}
