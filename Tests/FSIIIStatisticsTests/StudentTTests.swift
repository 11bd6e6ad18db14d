import Testing
@testable import FSIIIStatistics

@Suite("Student t distribution")
struct StudentTTests {
    typealias Accuracy = StatisticsAccuracy

    // stat_values.json "t_quantile_0975": scipy.stats.t.ppf(0.975, df), scipy 1.17.1.
    // scipy is itself ~4e−15 off at df = 6 (mpmath: 2.4469118511449693), inside the tolerance.
    static let quantile0975Table: [(df: Int, q: Double)] = [
        (1, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078),
        (4, 2.7764451051977934), (5, 2.5705818356363146), (6, 2.4469118511449786),
        (7, 2.364624251592784), (8, 2.306004135204166), (9, 2.262157162798205),
        (10, 2.228138851986274), (12, 2.1788128296672284), (15, 2.131449545559776),
        (20, 2.085963447265864), (25, 2.0595385527532972), (30, 2.0422724563012378),
        (40, 2.021075390306273), (50, 2.008559112100761), (60, 2.0002978220142604),
        (80, 1.990063421254446), (100, 1.9839715185235518), (120, 1.9799304050824402),
        (200, 1.9718962236339088), (500, 1.9647198374673676), (1000, 1.9623390808264083),
        (10000, 1.960201239890626),
    ]

    // stat_values.json "t_quantile": scipy.stats.t.ppf(p, df), scipy 1.17.1.
    static let quantileTable: [(p: Double, df: Int, q: Double)] = [
        (0.9, 1, 3.0776835371752544), (0.9, 3, 1.637744353696209), (0.9, 10, 1.372183641110336),
        (0.9, 29, 1.311433647301551), (0.9, 100, 1.290074761346516),
        (0.95, 1, 6.313751514675037), (0.95, 3, 2.3533634348018233), (0.95, 10, 1.8124611228116756),
        (0.95, 29, 1.6991270265334972), (0.95, 100, 1.6602343260853392),
        (0.995, 1, 63.656741162871526), (0.995, 3, 5.840909309733355), (0.995, 10, 3.16927267261695),
        (0.995, 29, 2.756385903670605), (0.995, 100, 2.6258905214380173),
        (0.999, 1, 318.30883898555015), (0.999, 3, 10.214531852407383), (0.999, 10, 4.143700494046589),
        (0.999, 29, 3.3962402883568026), (0.999, 100, 3.173739493738783),
    ]

    @Test("quantile at 0.975 matches the scipy table, df 1 … 10000")
    func quantile0975MatchesReference() {
        for (df, q) in Self.quantile0975Table {
            let t = StudentT.quantile(0.975, degreesOfFreedom: df)
            #expect(Accuracy.relativeError(t, q) <= Accuracy.tolerance, "df = \(df)")
            let lower = StudentT.quantile(0.025, degreesOfFreedom: df)
            #expect(Accuracy.relativeError(lower, -q) <= Accuracy.tolerance, "lower tail, df = \(df)")
        }
    }

    @Test("quantile matches the scipy table at p 0.9 … 0.999")
    func quantileMatchesReference() {
        for (p, df, q) in Self.quantileTable {
            let t = StudentT.quantile(p, degreesOfFreedom: df)
            #expect(Accuracy.relativeError(t, q) <= Accuracy.tolerance, "p = \(p), df = \(df)")
        }
    }

    @Test("quantile at df 1, 2, 3 and 10000")
    func quantileSelectedDegrees() {
        // closed forms: df 1 is tan(π(p − ½)), df 2 is (2p − 1)/√(2p(1 − p))
        #expect(Accuracy.relativeError(StudentT.quantile(0.75, degreesOfFreedom: 1), 1) <= 1e-15)
        #expect(Accuracy.relativeError(StudentT.quantile(0.975, degreesOfFreedom: 1), 12.706204736174694) <= 1e-15)
        // mpmath 1.3.0, 40 digits (see cdfMatchesMpmath for the snippet): df 2 and 3 at 0.975
        #expect(Accuracy.relativeError(StudentT.quantile(0.975, degreesOfFreedom: 2), 4.3026527297494618) <= 1e-15)
        #expect(Accuracy.relativeError(StudentT.quantile(0.975, degreesOfFreedom: 3), 3.1824463052837084) <= 1e-15)
        #expect(Accuracy.relativeError(StudentT.quantile(0.975, degreesOfFreedom: 10000), 1.960201239890626) <= 1e-14)
        // df → ∞ tends to the normal quantile Φ⁻¹(0.975) = 1.959963984540054
        let huge = StudentT.quantile(0.975, degreesOfFreedom: Int.max)
        #expect(Accuracy.relativeError(huge, 1.959963984540054) <= 1e-14)
    }

    @Test("quantile near the centre and far in the tail")
    func quantileHardRegions() {
        // mpmath 1.3.0, 40 digits; scipy 1.17.1's t.ppf is 4e−5 off at the first
        #expect(Accuracy.relativeError(StudentT.quantile(0.500001, degreesOfFreedom: 4), 2.6666666667472991e-6) <= 1e-14)
        #expect(Accuracy.relativeError(StudentT.quantile(0.4999999, degreesOfFreedom: 7), -2.5974602757203756e-7) <= 1e-14)
        #expect(Accuracy.relativeError(StudentT.quantile(1e-10, degreesOfFreedom: 5), -156.82559270889432) <= 1e-14)
        #expect(Accuracy.relativeError(StudentT.quantile(1e-6, degreesOfFreedom: 30), -5.8711171204188827) <= 1e-14)
    }

    @Test("quantile at the ends and outside the domain")
    func quantileDomain() {
        #expect(StudentT.quantile(0, degreesOfFreedom: 5) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 5) == .infinity)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 5) == 0)
        #expect(StudentT.quantile(1.5, degreesOfFreedom: 5).isNaN)
        #expect(StudentT.quantile(.nan, degreesOfFreedom: 5).isNaN)
        #expect(StudentT.quantile(0.9, degreesOfFreedom: 0).isNaN)
    }

    @Test("quantile inverts cdf for every df up to 200")
    func quantileInvertsCdf() {
        for df in 1...200 {
            for p in [1e-8, 0.001, 0.025, 0.2, 0.45, 0.55, 0.8, 0.975, 0.999] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                let back = StudentT.cdf(t, degreesOfFreedom: Double(df))
                #expect(Accuracy.relativeError(back, p) <= 1e-13, "p = \(p), df = \(df)")
            }
        }
    }

    // mpmath 1.3.0 at 40 digits, to regenerate:
    //   import mpmath as mp; mp.mp.dps = 40
    //   def cdf(t, nu):
    //       t, nu = mp.mpf(t), mp.mpf(nu)
    //       tail = mp.betainc(nu/2, mp.mpf(1)/2, 0, nu/(nu + t*t), regularized=True)/2
    //       return tail if t < 0 else 1 - tail
    // and the quantiles by mp.findroot on cdf(t, nu) − p (on the logarithms in the tails).
    static let cdfTable: [(t: Double, df: Double, p: Double)] = [
        (-1.96, 1e8, 0.024997896534664054), (-3, 5, 0.015049623948731287),
        (2.5, 12, 0.98604230021433737), (0.1, 1, 0.53172551743055357),
        (-40, 10, 1.1404288715428773e-12), (1e-9, 1, 0.50000000031830989),
        (1.5, 0.5, 0.74604910467594578), (-1, 1e6, 0.15865537491678906),
    ]

    @Test("cdf matches mpmath, df 0.5 … 10⁸")
    func cdfMatchesMpmath() {
        for (t, df, p) in Self.cdfTable {
            #expect(Accuracy.relativeError(StudentT.cdf(t, degreesOfFreedom: df), p) <= Accuracy.tolerance,
                    "t = \(t), df = \(df)")
        }
    }

    @Test("cdf at the ends, at df = ∞ and outside the domain")
    func cdfDomain() {
        #expect(StudentT.cdf(0, degreesOfFreedom: 3) == 0.5)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 3) == 0)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 3) == 1)
        #expect(StudentT.cdf(1.3, degreesOfFreedom: .infinity) == Normal.cdf(1.3))
        #expect(StudentT.cdf(1, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.cdf(1, degreesOfFreedom: -2).isNaN)
        #expect(StudentT.cdf(.nan, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.cdf(1, degreesOfFreedom: .nan).isNaN)
    }
}
