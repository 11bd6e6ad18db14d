import Testing
@testable import FSIIIEffect
import FSIIIBytes
import FSIIITestSupport

/// Issue 18 §1 on ten citizens worked out by hand: which assessment pairs
/// become pseudo-courses, and their figures.
///
/// T1's course 2024-03-01 – 05-30: t0 = 03-01, t1 = 05-30, s = 90, so an
/// index in [01-01, 04-30] and a spacing in [45, 135].
/// N2's course 04-01 – 06-01: t0 = 04-01, s = 61: index in [01-31, 05-31], spacing in [30.5, 91.5].
/// N1's course 08-01 – 10-01: index in [06-02, 09-30]; no candidate has one with a later date.
@Suite("Matched comparison: candidates and pseudo-courses (issue 18 §1)")
struct PseudoCourseTests {
    static let assessments = """
    citizen;date;condition;level;team;municipality
    T1;2024-03-01;Vaske sig;3;A;K1
    T1;2024-03-01;Gå;2;A;K1
    T1;2024-05-30;Vaske sig;2;A;K1
    T1;2024-05-30;Gå;2;A;K1
    C1;2024-02-10;Vaske sig;3;B;K1
    C1;2024-02-10;Gå;3;B;K1
    C1;2024-05-05;Vaske sig;2;B;K1
    C1;2024-05-05;Gå;3;B;K1
    C1;2024-06-20;Vaske sig;1;B;K1
    C2;2023-12-01;Vaske sig;4;B;K2
    C2;2024-04-15;Vaske sig;4;B;K2
    C2;2024-07-10;Vaske sig;3;B;K2
    C3;2024-03-02;Vaske sig;2;B;K1
    C4;2024-03-05;Vaske sig;2;B;K1
    C4;2024-03-25;Vaske sig;2;B;K1
    C5;2024-01-20;Gå;3;B;K1
    C5;2024-03-10;Gå;3;B;K1
    C5;2024-04-20;Gå;2;B;K1
    C5;2024-06-05;Gå;4;B;K1
    N1;2024-02-20;Vaske sig;2;A;K1
    N1;2024-05-20;Vaske sig;2;A;K1
    N1;2024-08-01;Vaske sig;3;A;K1
    N1;2024-10-01;Vaske sig;1;A;K1
    N2;2024-02-25;Gå;3;A;K1
    N2;2024-04-01;Gå;3;A;K1
    N2;2024-06-01;Gå;1;A;K1
    """
    static let courses = """
    citizen;start;end;team;municipality
    T1;2024-03-01;2024-05-30;A;K1
    N1;2024-08-01;2024-10-01;A;K1
    N2;2024-04-01;2024-06-01;A;K1
    """

    /// The (citizen, t0, t1) of each evaluable course of `d`, as the comparison searches for them.
    static func treated(_ d: Dataset) -> [(citizen: UInt32, t0: Day, t1: Day)] {
        let e = CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens)
        return e.results.filter(\.isEvaluable).map { ComparisonUnit(result: $0, pairs: e.pairs[$0.pairs]) }.map { ($0.result.citizen, $0.t0, $0.t1) }
    }

    static func pseudo(_ controls: MatchedComparisonOptions.Controls) -> (Dataset, PseudoCourses, [String]) {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, assessments), .init("courses.csv", .courses, courses)])
        let e = CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens)
        let treated = e.results.filter(\.isEvaluable).map { ComparisonUnit(result: $0, pairs: e.pairs[$0.pairs]) }
        var o = MatchedComparisonOptions()
        o.controls = controls
        let p = PseudoCourses.make(treated: treated.map { ($0.result.citizen, $0.t0, $0.t1) }, assessments: d.assessments,
                                   citizenCount: d.citizens.count, courses: d.courses, options: o)
        // Citizens in input order: T1 0, C1 1, C2 2, C3 3, C4 4, C5 5, N1 6, N2 7.
        let names = ["T1", "C1", "C2", "C3", "C4", "C5", "N1", "N2"]
        let lists = p.eligible.map { list in
            list.map { j in "\(names[Int(p.courses[j].citizen)]) \(p.courses[j].start.iso)→\(p.courses[j].end!.iso)" }.sorted().joined(separator: ", ")
        }
        return (d, p, lists)
    }

    @Test("the search split into pieces of one course, on all cores, gives the same pseudo-courses and lists")
    func piecesDoNotMatter() {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, Self.assessments), .init("courses.csv", .courses, Self.courses)])
        let treated = Self.treated(d)
        for controls in [MatchedComparisonOptions.Controls.neverTreated, .notYetTreated] {
            var o = MatchedComparisonOptions()
            o.controls = controls
            let whole = PseudoCourses.make(treated: treated, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses, options: o)
            let split = PseudoCourses.make(treated: treated, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses,
                                           options: o, pieceSize: 1)
            #expect(whole.eligible == split.eligible && !whole.eligible.joined().isEmpty)
            #expect(whole.courses.map { [$0.citizen, UInt32($0.start.rawValue), UInt32($0.end!.rawValue)] }
                    == split.courses.map { [$0.citizen, UInt32($0.start.rawValue), UInt32($0.end!.rawValue)] })
        }
    }

    @Test("never-treated: the index nearest t0 with a later date at the closest spacing, one per candidate, shared pseudo-courses made once")
    func neverTreated() {
        let (_, p, lists) = Self.pseudo(.neverTreated)
        // C1: index 02-10, later 05-05 (85) rather than 06-20 (131). C2: 2023-12-01 is outside, 04-15 → 07-10 (86).
        // C3 has one date; C4's 20-day spacing is too short; C5: 03-10 (9 days from t0) beats 01-20, and
        // from 03-10 04-20 (41) is too short for T1. For N2 (t0 04-01): C1's 05-05 (34 days) is nearer
        // than 02-10 (51), and 06-20 (46) is within [30.5, 91.5]; C5's 04-20 (19) beats 03-10 (22), → 06-05 (46).
        #expect(lists == [
            "C1 2024-02-10→2024-05-05, C2 2024-04-15→2024-07-10, C5 2024-03-10→2024-06-05",
            "",
            "C1 2024-05-05→2024-06-20, C2 2024-04-15→2024-07-10, C5 2024-04-20→2024-06-05",
        ])
        #expect(p.courses.count == 5)          // C2's pseudo-course serves both courses, made once
        #expect(p.candidateCitizens == 4)      // C1, C2, C4, C5
    }

    @Test("not-yet-treated: a later course citizen's dates before its first course, never its own, never after")
    func notYetTreated() {
        let (_, p, lists) = Self.pseudo(.notYetTreated)
        // N1's 02-20 → 05-20 (90) ends before its course (08-01); N2 has one date before its course.
        #expect(lists[0] == "C1 2024-02-10→2024-05-05, C2 2024-04-15→2024-07-10, C5 2024-03-10→2024-06-05, N1 2024-02-20→2024-05-20")
        // For N2, N1's 02-20 (41 days) → 05-20 (90); 05-20 has no later date before N1's course.
        #expect(lists[2] == "C1 2024-05-05→2024-06-20, C2 2024-04-15→2024-07-10, C5 2024-04-20→2024-06-05, N1 2024-02-20→2024-05-20")
        #expect(p.candidateCitizens == 5)
    }

    @Test("a pseudo-course's figures come from the course rules: baseline on the index date, follow-up on the later date")
    func figures() {
        let (d, p, _) = Self.pseudo(.neverTreated)
        let e = CourseEvaluator.evaluate(p.courses, assessments: d.assessments, citizens: d.citizens,
                                         windows: PseudoCourses.windows(CourseWindows()))
        let c1 = e.results[p.courses.firstIndex { $0.start.iso == "2024-02-10" }!]
        // Vaske sig 3→2, Gå 3→3 (the 06-20 assessment is after the later date).
        #expect(c1.n == 2 && c1.baselineSum == 6 && c1.followUpSum == 5 && c1.meanChange == 0.5)
        let c5 = e.results[p.courses.firstIndex { $0.start.iso == "2024-03-10" && $0.end!.iso == "2024-06-05" }!]
        // Gå 3 on 03-10 (not 01-20's), 4 on 06-05: worse by 1.
        #expect(c5.n == 1 && c5.meanChange == -1)
        #expect(d.municipalities.name(Int(e.results[p.courses.firstIndex { $0.start.iso == "2024-04-15" }!].municipality)) == "K2")
    }

    @Test("hundreds of courses in many rounds of small pieces: candidates numbered in earlier rounds are numbered once, with the same pseudo-courses and lists")
    func manyRounds() {
        let d = PlantedEffectData.dataset(seed: 5, controls: 600)
        let treated = Self.treated(d)
        #expect(treated.count > 100)
        let o = MatchedComparisonOptions()
        let whole = PseudoCourses.make(treated: treated, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses,
                                       options: o, pieceSize: treated.count)
        for size in [1, 7, 64] {
            let split = PseudoCourses.make(treated: treated, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses,
                                           options: o, pieceSize: size)
            #expect(whole.eligible == split.eligible, "pieces of \(size)")
            #expect(whole.courses.map { [$0.citizen, UInt32($0.start.rawValue), UInt32($0.end!.rawValue)] }
                    == split.courses.map { [$0.citizen, UInt32($0.start.rawValue), UInt32($0.end!.rawValue)] })
        }
        // Shared pseudo-courses: far fewer made than listed, so later rounds find most of theirs already numbered.
        #expect(whole.courses.count * 2 < whole.eligible.reduce(0) { $0 + $1.count })
    }

    @Test("candidate dates gathered beforehand, on another thread, give the same pseudo-courses and lists as the search gathering them itself")
    func datesGatheredBefore() {
        let d = PlantedEffectData.dataset(seed: 7, controls: 600)
        let treated = Self.treated(d)
        #expect(treated.count > 100)
        for controls in [MatchedComparisonOptions.Controls.neverTreated, .notYetTreated] {
            var o = MatchedComparisonOptions()
            o.controls = controls
            let itself = PseudoCourses.make(treated: treated, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses,
                                            options: o, pieceSize: 16)
            let (a, n, c, options) = (d.assessments, d.citizens.count, d.courses, o)
            let early = BackgroundValue { PseudoCourses.CandidateDates(assessments: a, citizenCount: n, courses: c, options: options, pieceSize: 16) }
            let before = PseudoCourses.make(treated: treated, dates: early.take(), options: o, pieceSize: 16)
            #expect(!itself.eligible.joined().isEmpty)
            #expect(itself.eligible == before.eligible && itself.candidateCitizens == before.candidateCitizens)
            #expect(itself.courses.map { [$0.citizen, UInt32($0.start.rawValue), UInt32($0.end!.rawValue)] }
                    == before.courses.map { [$0.citizen, UInt32($0.start.rawValue), UInt32($0.end!.rawValue)] })
        }
    }

    @Test("the report, which gathers the candidate dates beside its model-switch markers, gives the comparison that gathers them itself")
    func reportGathersDatesBefore() {
        for controls in [MatchedComparisonOptions.Controls.neverTreated, .notYetTreated] {
            var o = ReportOptions()
            o.matched.enabled = true
            o.matched.controls = controls
            o.comparison.bootstrap = 200
            let itself = MatchedComparison.compare(PlantedEffectData.dataset(seed: 3, controls: 600), options: o)
            let report = EffectReporter.report(PlantedEffectData.dataset(seed: 3, controls: 600), options: o)
            guard let before = report.comparison else { Issue.record("no comparison in the report"); continue }
            #expect(itself.candidatePseudoCourses > 0 && itself.matched > 0)
            #expect(before.candidateCitizens == itself.candidateCitizens && before.candidatePseudoCourses == itself.candidatePseudoCourses)
            #expect(before.matched == itself.matched && before.controls == itself.controls && before.caliper == itself.caliper)
            #expect(before.balance == itself.balance)
            #expect(before.effect == itself.effect && before.improvedShareEffect == itself.improvedShareEffect)
        }
    }

    @Test("courses with the same t0 and t1 share one search and one list: the same lists and pseudo-courses, in the same order, as searched one by one")
    func sharedKeys() {
        let d = PlantedEffectData.dataset(seed: 5, controls: 600)
        let treated = Self.treated(d)
        // Each course twice in a row, the copy under another course citizen's id.
        let doubled = treated.indices.flatMap { i in [treated[i], (treated[(i + 1) % treated.count].citizen, treated[i].t0, treated[i].t1)] }
        let o = MatchedComparisonOptions()
        let once = PseudoCourses.make(treated: treated, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses, options: o)
        let twice = PseudoCourses.make(treated: doubled, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses, options: o)
        #expect(twice.eligible == treated.indices.flatMap { [once.eligible[$0], once.eligible[$0]] })
        #expect(twice.courses.map { [$0.citizen, UInt32($0.start.rawValue), UInt32($0.end!.rawValue)] }
                == once.courses.map { [$0.citizen, UInt32($0.start.rawValue), UInt32($0.end!.rawValue)] })
        let keys = Set(treated.map { [$0.t0.rawValue, $0.t1.rawValue] })
        #expect(twice.lists.count == keys.count && once.lists.count == keys.count && keys.count < treated.count)
        // Not-yet-treated: a course citizen's own dates are candidates for others, so every course is searched.
        var nyt = o
        nyt.controls = .notYetTreated
        #expect(PseudoCourses.make(treated: doubled, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses,
                                   options: nyt).lists.count == doubled.count)
    }

    @Test("a later date past the citizen's next four: the closest spacing is still found; a citizen seen again on another date is taken once")
    func fifthLaterDate() {
        // T1: t0 = 03-01, s = 90, index in [01-01, 04-30], spacing in [45, 135].
        // C6 from 02-28: 03-15 (16) and 04-01 (33) too short, 04-15 (47), 05-10 (72), then 05-28 (90, the
        // closest: its fifth later date, past the four the index holds) and 06-10 (103).
        // C7 has three index dates in the window; from its nearest, 03-01, 03-20 (19) is too short and
        // 05-01 (61) fits, so it is taken from 03-01 once and its 02-20 and 03-20 are passed over.
        let assessments = """
        citizen;date;condition;level;team;municipality
        T1;2024-03-01;Vaske sig;3;A;K1
        T1;2024-05-30;Vaske sig;2;A;K1
        C6;2024-02-28;Vaske sig;3;B;K1
        C6;2024-03-15;Vaske sig;3;B;K1
        C6;2024-04-01;Vaske sig;3;B;K1
        C6;2024-04-15;Vaske sig;3;B;K1
        C6;2024-05-10;Vaske sig;2;B;K1
        C6;2024-05-28;Vaske sig;2;B;K1
        C6;2024-06-10;Vaske sig;1;B;K1
        C7;2024-02-20;Vaske sig;3;B;K1
        C7;2024-03-01;Vaske sig;3;B;K1
        C7;2024-03-20;Vaske sig;3;B;K1
        C7;2024-05-01;Vaske sig;2;B;K1
        """
        let courses = """
        citizen;start;end;team;municipality
        T1;2024-03-01;2024-05-30;A;K1
        """
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, assessments), .init("courses.csv", .courses, courses)])
        let treated = Self.treated(d)
        let p = PseudoCourses.make(treated: treated, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses,
                                   options: MatchedComparisonOptions())
        let names = ["T1", "C6", "C7"]
        let list = p.eligible[0].map { j in "\(names[Int(p.courses[j].citizen)]) \(p.courses[j].start.iso)→\(p.courses[j].end!.iso)" }
        #expect(list == ["C6 2024-02-28→2024-05-28", "C7 2024-03-01→2024-05-01"])
    }

    @Test("without a cap on candidates, every candidate's pseudo-course is the one the definition gives, found by brute force",
          arguments: [0.5, 3.0])   // 3.0: spacing windows past 255 days, beyond the spacings the index holds
    func bruteForce(tolerance: Double) {
        let d = PlantedEffectData.dataset(seed: 11, controls: 300)
        let treated = Self.treated(d)
        var o = MatchedComparisonOptions()
        o.maximumCandidates = 100_000
        o.spacingTolerance = tolerance
        let p = PseudoCourses.make(treated: treated, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses,
                                   options: o, pieceSize: 16)
        var treatedCitizen = Set<UInt32>()
        for c in d.courses { treatedCitizen.insert(c.citizen) }
        // Each never-treated citizen's distinct dates, ascending.
        let dates: [[Int32]] = (0..<d.citizens.count).map { c in
            treatedCitizen.contains(UInt32(c)) ? [] : Array(Set(d.assessments.rows(ofCitizen: c).map { d.assessments.day[$0] })).sorted()
        }
        var checked = 0
        for (k, t) in treated.enumerated() {
            let t0 = Int(t.1.rawValue), s = Double(t.2 - t.1)
            let (low, high) = (s * (1 - o.spacingTolerance), s * (1 + o.spacingTolerance))
            var expected: [String] = []
            for c in dates.indices where UInt32(c) != t.0 {
                let days = dates[c].map(Int.init)
                // Index dates by distance from t0, the earlier on a tie; the first with a later date in the window.
                let near = days.indices.filter { abs(days[$0] - t0) <= o.indexWindowDays }
                let order = near.sorted { i, j in (abs(days[i] - t0), days[i]) < (abs(days[j] - t0), days[j]) }
                for i in order {
                    let gaps = days[(i + 1)...].map { Double($0 - days[i]) }.filter { $0 >= low && $0 <= high }
                    // The spacing closest to s, the earlier (shorter) on a tie.
                    guard let best = gaps.min(by: { x, y in (abs(x - s), x) < (abs(y - s), y) }) else { continue }
                    expected.append("\(c) \(days[i]) \(days[i] + Int(best))")
                    break
                }
            }
            let got = p.eligible[k].map { j in
                "\(p.courses[j].citizen) \(p.courses[j].start.rawValue) \(p.courses[j].end!.rawValue)"
            }
            #expect(got.sorted() == expected.sorted(), "treated course \(k)")
            checked += expected.count
        }
        #expect(checked > 1_000)
    }

}
