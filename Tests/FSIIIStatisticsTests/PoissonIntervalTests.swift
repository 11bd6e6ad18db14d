import Foundation
import Testing
@testable import FSIIIStatistics

@Suite("Incomplete gamma, chi-square quantiles and exact Poisson limits")
struct PoissonIntervalTests {
    typealias Accuracy = StatisticsAccuracy

    @Test("closed forms for shape 1: P(1, x) = 1 − e⁻ˣ, so the limits for 0 and 1 events are logarithms")
    func closedForms() throws {
        // Count 0: low 0, high = Q(1, ·)⁻¹(0.025) = −ln 0.025. Count 1: low = P(1, ·)⁻¹(0.025) = −ln 0.975.
        let zero = try #require(PoissonInterval.exact(count: 0))
        #expect(zero.low == 0)
        #expect(Accuracy.relativeError(zero.high, -log(0.025)) <= 1e-14)
        let one = try #require(PoissonInterval.exact(count: 1))
        #expect(Accuracy.relativeError(one.low, -log(0.975)) <= 1e-14)
        // χ²₂ is exponential with mean 2: qchisq(p, 2) = −2 ln(1 − p).
        #expect(Accuracy.relativeError(ChiSquare.quantile(0.9, degreesOfFreedom: 2), -2 * log(0.1)) <= 1e-14)
        #expect(Accuracy.relativeError(ChiSquare.cdf(3, degreesOfFreedom: 2), 1 - exp(-1.5)) <= 1e-14)
        // χ²₁(0.95) = 1.959963984540054², the square of the normal quantile.
        #expect(Accuracy.relativeError(ChiSquare.quantile(0.95, degreesOfFreedom: 1), 1.959963984540054 * 1.959963984540054) <= 1e-13)
    }

    struct Limits: Decodable { var count: Int; var low95: Double; var high95: Double; var low998: Double; var high998: Double }
    struct Quantiles: Decodable { var df: [Double]; var p: [Double]; var q: [Double] }
    struct CDFs: Decodable { var df: [Double]; var x: [Double]; var lower: [Double]; var upper: [Double] }
    struct PeerFile: Decodable { var poisson: [Limits]; var qchisq: Quantiles; var pchisq: CDFs }

    @Test("matches R's poisson.test limits (counts 0 … 123,456), qchisq and pchisq")
    func matchesR() throws {
        let file = try PeerFixture.load("poisson.json", as: PeerFile.self)
        for c in file.poisson {
            let ci95 = try #require(PoissonInterval.exact(count: c.count))
            let ci998 = try #require(PoissonInterval.exact(count: c.count, level: 0.998))
            for (ours, theirs, what) in [(ci95.low, c.low95, "low 95"), (ci95.high, c.high95, "high 95"),
                                         (ci998.low, c.low998, "low 99.8"), (ci998.high, c.high998, "high 99.8")] {
                #expect(Accuracy.relativeError(ours, theirs) <= 1e-12, "count \(c.count) \(what): \(ours) vs R \(theirs)")
            }
        }
        let q = file.qchisq
        for k in q.p.indices {
            let ours = ChiSquare.quantile(q.p[k], degreesOfFreedom: q.df[k])
            #expect(Accuracy.relativeError(ours, q.q[k]) <= 1e-12, "qchisq(\(q.p[k]), \(q.df[k])): \(ours) vs R \(q.q[k])")
        }
        let c = file.pchisq
        for k in c.x.indices {
            let (lower, upper) = IncompleteGamma.regularized(a: c.df[k] / 2, x: c.x[k] / 2)
            // Each tail to 1e−12 relative, down to 1e−300.
            if c.lower[k] > 1e-300 {
                #expect(Accuracy.relativeError(lower, c.lower[k]) <= 1e-12,
                        "pchisq(\(c.x[k]), \(c.df[k])): \(lower) vs R \(c.lower[k])")
            }
            if c.upper[k] > 1e-300 {
                #expect(Accuracy.relativeError(upper, c.upper[k]) <= 1e-12,
                        "upper pchisq(\(c.x[k]), \(c.df[k])): \(upper) vs R \(c.upper[k])")
            }
        }
    }

    @Test("bad counts or levels give nil; the interval widens with the level")
    func edges() throws {
        #expect(PoissonInterval.exact(count: -1) == nil)
        #expect(PoissonInterval.exact(count: 3, level: 1) == nil)
        let a = try #require(PoissonInterval.exact(count: 7, level: 0.9))
        let b = try #require(PoissonInterval.exact(count: 7, level: 0.99))
        #expect(b.low < a.low && a.low < 7 && 7 < a.high && a.high < b.high)
    }
}
