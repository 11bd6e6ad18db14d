import Testing
@testable import FSIIIStatistics

@Suite("Normal distribution")
struct NormalTests {
    typealias Accuracy = StatisticsAccuracy

    // stat_values.json "normal_cdf": scipy.special.ndtr, scipy 1.17.1.
    // scipy's own value at x = −8 is 7e−15 off (mpmath: 6.2209605742717841e−16),
    // inside the tolerance.
    static let cdfTable: [(x: Double, p: Double)] = [
        (-8, 6.22096057427174e-16), (-5, 2.866515718791933e-07), (-3.09, 0.0010007824766140115),
        (-1.96, 0.024997895148220435), (-1, 0.15865525393145707), (-0.5, 0.3085375387259869),
        (0, 0.5), (0.25, 0.5987063256829237), (1, 0.8413447460685429),
        (1.644854, 0.9500000384745869), (2.5, 0.9937903346742238), (3, 0.9986501019683699),
        (6, 0.9999999990134123),
    ]

    // stat_values.json "normal_quantile": scipy.special.ndtri, scipy 1.17.1.
    static let quantileTable: [(p: Double, q: Double)] = [
        (1e-10, -6.361340902404056), (1e-06, -4.753424308822899), (0.001, -3.090232306167813),
        (0.01, -2.3263478740408408), (0.025, -1.9599639845400545), (0.05, -1.6448536269514729),
        (0.1, -1.2815515655446004), (0.3, -0.5244005127080409), (0.5, 0.0),
        (0.7, 0.5244005127080407), (0.9, 1.2815515655446004), (0.95, 1.6448536269514722),
        (0.975, 1.959963984540054), (0.99, 2.3263478740408408), (0.999, 3.090232306167813),
        (0.999999, 4.753424308817087),
    ]

    @Test("cdf matches the scipy reference table")
    func cdfMatchesReference() {
        for (x, p) in Self.cdfTable {
            #expect(Accuracy.relativeError(Normal.cdf(x), p) <= Accuracy.tolerance, "Φ(\(x))")
        }
    }

    @Test("cdf keeps relative precision far in the lower tail")
    func cdfDeepTail() {
        // mpmath 1.3.0, 40 digits: mp.ncdf(-8), mp.ncdf(-20)
        #expect(Accuracy.relativeError(Normal.cdf(-8), 6.2209605742717841e-16) <= 1e-15)
        #expect(Accuracy.relativeError(Normal.cdf(-20), 2.7536241186062337e-89) <= 1e-15)
        #expect(Normal.cdf(-.infinity) == 0)
        #expect(Normal.cdf(.infinity) == 1)
        #expect(Normal.cdf(.nan).isNaN)
    }

    @Test("quantile (AS 241) matches the scipy reference table")
    func quantileMatchesReference() {
        for (p, q) in Self.quantileTable {
            #expect(Accuracy.relativeError(Normal.quantile(p), q) <= Accuracy.tolerance, "Φ⁻¹(\(p))")
        }
    }

    @Test("quantile at the ends and outside the domain")
    func quantileDomain() {
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(-0.1).isNaN)
        #expect(Normal.quantile(1.1).isNaN)
        #expect(Normal.quantile(.nan).isNaN)
        // 1.959963984540054 (Wilson.z95) is Φ⁻¹ of the exact 0.975; the double 0.975 lies
        // 2.2e−17 below it (mpmath: Φ⁻¹ of that double is 1.95996398454005386), and AS 241
        // lands within 2 ulps
        #expect(Accuracy.relativeError(Normal.quantile(0.975), 1.959963984540054) <= 1e-15)
    }

    @Test("quantile inverts cdf")
    func quantileInvertsCdf() {
        // the lower half, where p = Φ(x) keeps its digits (above ½ it rounds to a grid below 1)
        for x in stride(from: -8.0, through: 0.0, by: 0.25) {
            #expect(abs(Normal.quantile(Normal.cdf(x)) - x) <= 1e-13 * max(1, abs(x)), "x = \(x)")
        }
    }

    @Test("two-sided p from erfc, without cancellation")
    func twoSidedP() {
        // 2·Φ(−1.96) from the reference table
        #expect(Accuracy.relativeError(Normal.twoSidedP(z: 1.96), 2 * 0.024997895148220435) <= Accuracy.tolerance)
        #expect(Normal.twoSidedP(z: -1.96) == Normal.twoSidedP(z: 1.96))
        #expect(Normal.twoSidedP(z: 0) == 1)
        // mpmath 1.3.0, 40 digits: 2*mp.ncdf(-8); 2·(1 − Φ(8)) in doubles would give 1.3e−15
        #expect(Accuracy.relativeError(Normal.twoSidedP(z: 8), 1.2441921148543568e-15) <= 1e-15)
        #expect(Normal.twoSidedP(z: .infinity) == 0)
        #expect(Normal.twoSidedP(z: .nan).isNaN)
    }
}
