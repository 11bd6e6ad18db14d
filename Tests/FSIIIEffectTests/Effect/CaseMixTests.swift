import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// SPEC §7 case mix and funnel limits on two teams and two strata,
/// computed by hand.
///
/// Stratum S1 (baseline band [2,3), age 80–89): X has 2 courses (1
/// improved), Y has 2 (2 improved) → p = 3/4. Stratum S2 ([1,2), < 67):
/// X 1 (0 improved), Y 1 (1 improved) → p = 1/2.
/// X: O = 1, E = 0.75 + 0.75 + 0.5 = 2, Σp(1−p) = 2·0.1875 + 0.25 = 0.625,
/// ratio 0.5, z = −1/√0.625. Y: O = 3, E = 2, ratio 1.5, z = +1/√0.625.
/// φ: the 10th and 90th percentiles of (−1.2649, 1.2649) are ±0.8·1.2649,
/// so φ = (0.8/√0.625)² = 1.024 > 1 and the limits widen by √φ:
/// se·√φ = (√0.625 / 2)·(0.8/√0.625) = 0.4, limits 1 ± z·0.4.
@Suite("Case mix and funnel limits (SPEC §7)")
struct CaseMixTests {
    static let assessments = """
    citizen;date;condition;level;team
    0101401111;2024-01-01;Vaske sig;2;X
    0101401111;2024-03-01;Vaske sig;1;X
    0101401112;2024-01-01;Vaske sig;2;X
    0101401112;2024-03-01;Vaske sig;2;X
    0101601113;2024-01-01;Vaske sig;1;X
    0101601113;2024-03-01;Vaske sig;1;X
    0101401114;2024-01-01;Vaske sig;2;Y
    0101401114;2024-03-01;Vaske sig;1;Y
    0101401115;2024-01-01;Vaske sig;3;Y
    0101401115;2024-03-01;Lave mad;2;Y
    0101401115;2024-01-01;Lave mad;2;Y
    0101401115;2024-03-01;Vaske sig;2;Y
    0101601116;2024-01-01;Vaske sig;1;Y
    0101601116;2024-03-01;Vaske sig;0;Y
    """

    static let courses = """
    citizen;start;end
    0101401111;2024-01-05;2024-02-28
    0101401112;2024-01-05;2024-02-28
    0101601113;2024-01-05;2024-02-28
    0101401114;2024-01-05;2024-02-28
    0101401115;2024-01-05;2024-02-28
    0101601116;2024-01-05;2024-02-28
    """

    @Test("observed, expected, ratio, z, φ, limits and flags")
    func funnel() {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, Self.assessments), .init("courses.csv", .courses, Self.courses)])
        var o = ReportOptions()
        o.minCell = 0
        let r = EffectReporter.report(d, options: o)
        let (x, y) = (r.groups[0], r.groups[1])
        #expect(x.group == "X" && y.group == "Y")
        // Citizen 0101401115 has two conditions, b̄ = (3 + 2)/2 = 2.5: still S1.
        #expect(x.observed == 1 && x.expected == 2.0 && x.variance == 0.625 && x.ratio == 0.5)
        #expect(y.observed == 3 && y.expected == 2.0 && y.ratio == 1.5)
        #expect(abs(x.funnelZ! + 1 / 0.625.squareRoot()) < 1e-12 && abs(y.funnelZ! - 1 / 0.625.squareRoot()) < 1e-12)
        #expect(abs(r.phi - 1.024) < 1e-12)
        #expect(abs(x.limit95!.low - 0.2160144061839785) < 1e-12 && abs(x.limit95!.high - 1.7839855938160215) < 1e-12)
        #expect(abs(x.limit998!.low - (1 - 3.090232306167813 * 0.4)) < 1e-12 && abs(x.limit998!.high - 2.236092922467125) < 1e-12)
        #expect(x.funnelFlag == .within && y.funnelFlag == .within)
        #expect(r.total.observed == 4 && r.total.expected == 4.0 && r.total.ratio == 1.0 && r.total.funnelZ == 0.0)
        #expect(r.total.limit95 == nil && r.total.funnelFlag == nil)
    }

    @Test("strata: baseline band by b̄ and age band at start")
    func strata() {
        #expect(CaseMix.ageBand(nil) == 4 && CaseMix.ageBand(66) == 0 && CaseMix.ageBand(67) == 1 && CaseMix.ageBand(79) == 1)
        #expect(CaseMix.ageBand(80) == 2 && CaseMix.ageBand(89) == 2 && CaseMix.ageBand(90) == 3)
        func band(_ sum: Int, _ n: Int) -> Int {
            var r = CourseResult(course: 0, citizen: 0, team: 0, municipality: 0, start: Day(rawValue: 0), end: nil)
            r.baselineSum = sum
            r.n = n
            return CaseMix.baselineBand(r)
        }
        #expect(band(0, 1) == 0 && band(1, 2) == 0 && band(2, 2) == 1 && band(5, 2) == 2 && band(6, 2) == 3 && band(4, 1) == 3)
    }

    @Test("flags above and below the limits")
    func flags() {
        var g = GroupFigures(group: "g")
        g.expected = 10
        g.variance = 4           // se = 2/10 = 0.2
        for (ratio, flag) in [(1.0, FunnelFlag.within), (1.4, .highAlert), (1.7, .highAlarm), (0.6, .lowAlert), (0.3, .lowAlarm)] {
            g.ratio = ratio
            Funnel.applyLimits(&g, phi: 0.5)   // φ ≤ 1: no widening; limits 1 ± 0.392, 1 ± 0.618
            #expect(g.funnelFlag == flag, "ratio \(ratio)")
        }
    }
}
