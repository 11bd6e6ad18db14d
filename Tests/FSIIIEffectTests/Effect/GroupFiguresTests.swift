import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// SPEC §7 on small groups computed by hand (reference values of t, Wilson
/// and Wilcoxon from scipy 1.17.1 where noted).
@Suite("Group figures (SPEC §7)")
struct GroupFiguresTests {
    static func report(_ assessments: String, _ courses: String, grouping: Grouping = .team) -> EffectReport {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, assessments), .init("courses.csv", .courses, courses)])
        var o = ReportOptions()
        o.grouping = grouping
        o.minCell = 0
        return EffectReporter.report(d, options: o)
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test("T1: two courses (mean changes 1 and 3), an open course; T2 and T3 not evaluable")
    func handComputed() throws {
        let r = Self.report(CourseFiguresTests.assessments, CourseFiguresTests.courses)
        #expect(r.groups.map(\.group) == ["T1", "T2", "T3"])
        let t1 = r.groups[0]
        #expect(t1.courses == 2 && t1.citizens == 2)
        #expect(t1.notEvaluable.open == 1 && t1.notEvaluable.total == 1)
        // Mean of 1 and 3 = 2; s = √2; t(0.975, 1) = 12.706204736174694 (scipy); 2 ± 12.7062·√2/√2.
        #expect(t1.meanChange == 2.0 && t1.medianChange == 2.0)
        #expect(Self.close(t1.meanChangeCI?.low, -10.706204736174694) && Self.close(t1.meanChangeCI?.high, 14.706204736174694))
        // 2 of 2 improved: Wilson (0.34238022750665303, 1); 0 of 2 worsened: (0, 0.6576197724933469).
        #expect(t1.improvedShare == 1.0 && Self.close(t1.improvedCI?.low, 0.34238022750665303) && t1.improvedCI?.high == 1.0)
        #expect(t1.worsenedShare == 0.0 && t1.worsenedCI?.low == 0 && Self.close(t1.worsenedCI?.high, 0.6576197724933469))
        // One goal set (Lave mad, goal 1), not met (follow-up 2): 0 of 1, Wilson high 0.7934506856227626.
        #expect(t1.goalAttainment == 0.0 && Self.close(t1.goalCI?.high, 0.7934506856227626))
        // Effectiveness 2/5 = 0.4 and 3/3 = 1.0.
        #expect(Self.close(t1.meanEffectiveness, 0.7))
        // Wilcoxon baselineSum (5, 3) vs followUpSum (3, 0): d = 2, 3; T+ = 3; z = 1.5/√1.25.
        #expect(Self.close(t1.wilcoxonZ, 1.3416407864998738) && Self.close(t1.wilcoxonP, 0.17971249487899976))
        let t2 = r.groups[1]
        #expect(t2.courses == 0 && t2.citizens == 0 && t2.notEvaluable.noFollowUp == 1 && t2.notEvaluable.noBaseline == 1)
        #expect(t2.meanChange == nil && t2.improvedShare == nil && t2.wilcoxonZ == nil && t2.ratio == nil)
        #expect(r.groups[2].notEvaluable.notRelevant == 1)
        #expect(r.total.courses == 2 && r.total.notEvaluable.total == 4)
    }

    static let tiesAndSingletons = (
        """
        citizen;date;condition;level;team
        D;2024-01-01;Vaske sig;2;T4
        D;2024-03-01;Vaske sig;1;T4
        E;2024-01-01;Vaske sig;3;T4
        E;2024-03-01;Vaske sig;2;T4
        F;2024-01-01;Vaske sig;3;T4
        F;2024-03-01;Vaske sig;1;T4
        G;2024-01-01;Vaske sig;2;T4
        G;2024-03-01;Vaske sig;2;T4
        H;2024-01-01;Lave mad;3;T5
        H;2024-03-01;Lave mad;2;T5
        """,
        """
        citizen;start;end
        D;2024-01-05;2024-02-28
        E;2024-01-05;2024-02-28
        F;2024-01-05;2024-02-28
        G;2024-01-05;2024-02-28
        H;2024-01-05;2024-02-28
        """)

    @Test("ties in the Wilcoxon ranks, and a zero difference dropped")
    func wilcoxonTies() {
        let r = Self.report(Self.tiesAndSingletons.0, Self.tiesAndSingletons.1)
        let t4 = r.groups[0]
        #expect(t4.group == "T4" && t4.courses == 4)
        // Mean changes 1, 1, 2, 0: mean 1, s = √(2/3), t(0.975, 3) = 3.1824463052837078; half-width 1.299228263625111.
        #expect(t4.meanChange == 1.0 && t4.medianChange == 1.0)
        #expect(Self.close(t4.meanChangeCI?.low, 1 - 1.299228263625111) && Self.close(t4.meanChangeCI?.high, 1 + 1.299228263625111))
        // Effectiveness 1/2, 1/3, 2/3, 0/2: mean 0.375.
        #expect(Self.close(t4.meanEffectiveness, 0.375))
        // Non-zero d = 1, 1, 2 → ranks 1.5, 1.5, 3; T+ = 6, n = 3: mean 3, variance 3.5 − (2³ − 2)/48 = 3.375.
        #expect(Self.close(t4.wilcoxonZ, 3 / 3.375.squareRoot()))
        #expect(Self.close(t4.wilcoxonP, 0.10247043485974937, 1e-10))   // scipy.stats.wilcoxon(…, correction=False, method="approx")
        #expect(Self.close(t4.improvedShare, 0.75) && Self.close(t4.improvedCI?.low, 0.30064184258240184) && Self.close(t4.improvedCI?.high, 0.9544127391902995))
    }

    @Test("a group of one course: no interval, Wilson of 1 in 1")
    func groupOfOne() {
        let r = Self.report(Self.tiesAndSingletons.0, Self.tiesAndSingletons.1)
        let t5 = r.groups[1]
        #expect(t5.group == "T5" && t5.courses == 1)
        #expect(t5.meanChange == 1.0 && t5.meanChangeCI == nil && t5.medianChange == 1.0)
        #expect(Self.close(t5.improvedCI?.low, 0.20654931437723745) && t5.improvedCI?.high == 1.0)
        // One difference of 1: T+ = 1, mean 0.5, variance 0.25 → z = 1, p = 0.31731050786291415.
        #expect(Self.close(t5.wilcoxonZ, 1.0) && Self.close(t5.wilcoxonP, 0.31731050786291415))
    }

    @Test("--by condition and --by area count compared pairs")
    func byPairs() {
        let byCondition = Self.report(CourseFiguresTests.assessments, CourseFiguresTests.courses, grouping: .condition)
        // Pairs: Vaske sig 3→1 (A), Lave mad 2→2 (A), Vaske sig 3→0 (B).
        #expect(byCondition.groups.map(\.group) == ["Lave mad", "Vaske sig"])
        let vask = byCondition.groups[1]
        #expect(vask.courses == 2 && vask.citizens == 2 && vask.meanChange == 2.5)
        #expect(byCondition.groups[0].meanChange == 0.0 && byCondition.groups[0].goalsSet == 1)
        #expect(byCondition.total.courses == 3 && byCondition.total.notEvaluable.total == 4)
        #expect(vask.ratio == nil && vask.limit95 == nil)   // no case mix for pairs
        let byArea = Self.report(CourseFiguresTests.assessments, CourseFiguresTests.courses, grouping: .area)
        #expect(byArea.groups.map(\.group) == ["Egenomsorg", "Praktiske opgaver"])
        #expect(byArea.groups.map(\.courses) == [2, 1])
    }

    @Test("--by month groups by the month of course end; open courses apart")
    func byMonth() {
        let r = Self.report(CourseFiguresTests.assessments, CourseFiguresTests.courses, grouping: .month)
        #expect(r.groups.map(\.group) == ["(åben)", "2024-02", "2024-03", "2024-05", "2024-09", "2024-10"])
        #expect(r.groups.map(\.courses) == [0, 1, 0, 1, 0, 0])
    }
}
