import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// SPEC §5–§6 on a small data set computed by hand.
///
/// Citizen A (0101401234, born 1940-01-01), B (0202504321, born 1950-02-02),
/// C (X-17, not a CPR number).
@Suite("Courses: baseline, follow-up and course figures (SPEC §5–§6)")
struct CourseFiguresTests {
    static let assessments = HandComputedCourses.assessments
    static let courses = HandComputedCourses.courses

    static func evaluation() -> (Dataset, CourseEvaluation) {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, assessments), .init("courses.csv", .courses, courses)])
        return (d, CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens))
    }

    @Test("course 1: a baseline before the start, one just after it, a 9, a baseline outside the look-back")
    func courseOne() {
        let (d, e) = Self.evaluation()
        let r = e.results[0]
        // Vaske sig: baseline 2024-02-20 (3) in [01-31, 03-01]; follow-up 05-20 (1) ≤ 05-29.
        // Lave mad: no assessment in [01-31, 03-01]; earliest in (03-01, 03-15] is 03-05 (2, goal 1); follow-up 05-10 (2).
        // Gå: 01-15 is before the look-back, 03-20 after the grace: no baseline.
        // Hukommelse: baseline 02-28 is 9: not compared.
        #expect(r.notEvaluable == nil)
        #expect(r.n == 2 && r.baselineSum == 5 && r.followUpSum == 3 && r.change == 2)
        #expect(r.meanChange == 1.0)
        #expect(r.improved == 1 && r.unchanged == 1 && r.worsened == 0)
        #expect(r.effectiveness == 0.4)
        #expect(r.outcome == .improved)
        #expect(r.goalsSet == 1 && r.goalsMet == 0)        // goal 1, follow-up 2
        #expect(r.days == 76)                               // 1 March – 15 May 2024 inclusive
        #expect(r.age == 84)
        let pairs = e.pairs[r.pairs].map { "\(d.terminology[$0.condition].display) \($0.baseline)→\($0.followUp) \($0.baselineDay.iso)" }
        #expect(pairs == ["Vaske sig 3→1 2024-02-20", "Lave mad 2→2 2024-03-05"])
    }

    @Test("course 2: no team of its own, a same-day duplicate, a resolved condition")
    func courseTwo() {
        let (d, e) = Self.evaluation()
        let r = e.results[1]
        // Vaske sig 01-10 twice: the later row (3) supersedes; 03-01 resolved = level 0.
        #expect(r.n == 1 && r.baselineSum == 3 && r.followUpSum == 0)
        #expect(r.meanChange == 3.0 && r.effectiveness == 1.0)
        // Team from the latest assessment on or before 01-29.
        #expect(d.teams.name(Int(r.team)) == "T1")
        #expect(r.age == 73)
    }

    @Test("not evaluable, with the first reason that applies")
    func notEvaluable() {
        let (_, e) = Self.evaluation()
        #expect(e.results.map(\.notEvaluable) == [nil, nil, .open, .noFollowUp, .noBaseline, .notRelevant])
        #expect(e.results[3].age == nil)   // X-17 is not a CPR number
    }

    @Test("windows are configurable")
    func windows() {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, Self.assessments), .init("courses.csv", .courses, Self.courses)])
        // A 60-day look-back reaches Gå on 01-15 (4); follow-up 03-20 (3) is within end + 14.
        let wide = CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens,
                                            windows: CourseWindows(lookbackDays: 60))
        #expect(wide.results[0].n == 3 && wide.results[0].baselineSum == 9 && wide.results[0].followUpSum == 6)
        // No grace after the start: Lave mad loses its baseline.
        let strict = CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens,
                                              windows: CourseWindows(baselineGraceDays: 0))
        #expect(strict.results[0].n == 1)
        // No grace after the end: Vaske sig's follow-up (05-20) is too late; Lave mad's (05-10) is not.
        let early = CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens,
                                             windows: CourseWindows(followUpGraceDays: 0))
        #expect(early.results[0].n == 1 && early.results[0].change == 0)
    }

    @Test("--window makes one course per citizen with the whole window as baseline grace")
    func windowCourses() {
        let d = Fixtures.assessments(Self.assessments)
        let from = Day(year: 2024, month: 2, day: 1)!, to = Day(year: 2024, month: 5, day: 31)!
        let made = WindowCourses.make(from: from, to: to, assessments: d.assessments, citizenCount: d.citizens.count, windows: CourseWindows())
        #expect(made.courses.count == 3)
        #expect(made.windows.baselineGraceDays == 120)
        let e = CourseEvaluator.evaluate(made.courses, assessments: d.assessments, citizens: d.citizens, windows: made.windows)
        // A: Vaske sig 3→1; Lave mad 2→2 (baseline 03-05, mid-window); Gå 4 (01-15, in the look-back) → 3; Hukommelse 9.
        #expect(e.results[0].n == 3 && e.results[0].change == 3)
        // B: Vaske sig 3 (01-10, in the look-back from 02-01) → 0 (resolved 03-01).
        #expect(e.results[1].n == 1 && e.results[1].change == 3)
        // C: Lave mad 01-25 has no follow-up.
        #expect(e.results[2].notEvaluable == .noFollowUp)
    }
}
