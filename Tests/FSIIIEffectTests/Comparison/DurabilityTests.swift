import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// Issue 18 §3 by hand. The data ends 2024-09-05 (B's last assessment).
/// A: course to 03-01, Vaske sig 3 → 2; 06-01 is 1 day from the 3-month day
/// (05-31), 09-01 1 day from the 6-month day (08-31); 12 months is past the data.
/// B: course to 06-01, Gå 2 → 1; 09-05 is 5 days from its 3-month day (08-31).
/// C: course to 02-01, never assessed again: 3 months (05-02 ± 45) lies
/// inside the data, so not assessed; 6 months (08-02 + 45 = 09-16) is past it.
@Suite("Durability: 3, 6 and 12 months after the end, censored when the data ends (issue 18 §3)")
struct DurabilityTests {
    static let assessments = """
    citizen;date;condition;level
    A;2024-01-01;Vaske sig;3
    A;2024-03-01;Vaske sig;2
    A;2024-06-01;Vaske sig;2
    A;2024-09-01;Vaske sig;3
    B;2024-05-01;Gå;2
    B;2024-06-01;Gå;1
    B;2024-09-05;Gå;1
    C;2024-01-01;Gå;3
    C;2024-02-01;Gå;2
    """
    static let courses = """
    citizen;start;end
    A;2024-01-01;2024-03-01
    B;2024-05-01;2024-06-01
    C;2024-01-01;2024-02-01
    """

    static func durability() -> DurabilityResult {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, assessments), .init("courses.csv", .courses, courses)])
        let e = CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens)
        let units = e.results.map { ComparisonUnit(result: $0, pairs: e.pairs[$0.pairs]) }
        return DurabilityResult.make(treated: units, controls: nil, assessments: d.assessments, costs: nil, dataEnd: d.period?.upperBound)
    }

    @Test("3 months: A and B followed (change 1 each, both kept), C not assessed though the data goes on")
    func threeMonths() {
        let h = Self.durability().horizons[0]
        #expect(h.months == 3 && h.followed == 2 && h.censored == 0 && h.notAssessed == 1)
        #expect(h.meanChange == 1 && h.keptShare == 1)
        #expect(h.meanChangeCI == nil || (h.meanChangeCI!.low == 1 && h.meanChangeCI!.high == 1))
    }

    @Test("6 months: A followed and worse than at follow-up (change 0, not kept); B and C censored, not failures")
    func sixMonths() {
        let h = Self.durability().horizons[1]
        #expect(h.months == 6 && h.followed == 1 && h.censored == 2 && h.notAssessed == 0)
        #expect(h.meanChange == 0 && h.keptShare == 0)
    }

    @Test("12 months: everyone censored, so no figure rather than a zero")
    func twelveMonths() {
        let h = Self.durability().horizons[2]
        #expect(h.months == 12 && h.followed == 0 && h.censored == 3)
        #expect(h.meanChange == nil && h.keptShare == nil)
    }
}
