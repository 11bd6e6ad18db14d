import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// Subgroups and two-way tables (issue 19, SPEC §12) on a data set whose
/// groups are worked out by hand.
///
/// Five citizens, one course each from 2024-03-01 to 2024-04-30 on "Vaske
/// sig" (baseline 2024-02-20, follow-up 2024-04-30), ages at the start:
///
/// | citizen      | sex     | age | band    | b → f | meanChange | level band |
/// |--------------|---------|-----|---------|-------|------------|------------|
/// | A 0101401231 | male    |  84 | 80–89   | 3 → 1 |  2         | [3,4]      |
/// | B 0202504322 | female  |  74 | 67–79   | 2 → 2 |  0         | [2,3)      |
/// | C 0303301323 | male    |  93 | ≥ 90    | 4 → 3 |  1         | [3,4]      |
/// | D 0404604324 | female  |  63 | < 67    | 1 → 0 |  1         | [1,2)      |
/// | E X-5        | unknown |  –  | unknown | 0 → 1 | −1         | [0,1)      |
///
/// B has a second course (2024-08-01 – 2024-09-30) with no assessment
/// around it: not evaluable (`no_baseline`), so its baseline level band is
/// `unknown`. Teams: A, B in T1; C, D, E in T2.
///
/// Costs with `--horizon-days 7` (hours per week = hours in the 7 days
/// before the start), on the band edges: A 2 h → (0, 2]; B 5 h → (2, 5];
/// C 10 h → (5, 10]; E 10.25 h → > 10; D only a row outside the window → 0.
@Suite("Subgroups and two-way tables (issue 19, SPEC §12)")
struct SubgroupTests {
    static let assessments = """
    citizen;date;condition;level;team
    0101401231;2024-02-20;Vaske sig;3;T1
    0101401231;2024-04-30;Vaske sig;1;T1
    0202504322;2024-02-20;Vaske sig;2;T1
    0202504322;2024-04-30;Vaske sig;2;T1
    0303301323;2024-02-20;Vaske sig;4;T2
    0303301323;2024-04-30;Vaske sig;3;T2
    0404604324;2024-02-20;Vaske sig;1;T2
    0404604324;2024-04-30;Vaske sig;0;T2
    X-5;2024-02-20;Vaske sig;0;T2
    X-5;2024-04-30;Vaske sig;1;T2
    """
    static let courses = """
    citizen;start;end
    0101401231;2024-03-01;2024-04-30
    0202504322;2024-03-01;2024-04-30
    0303301323;2024-03-01;2024-04-30
    0404604324;2024-03-01;2024-04-30
    X-5;2024-03-01;2024-04-30
    0202504322;2024-08-01;2024-09-30
    """
    static let costs = """
    citizen;date;hours;service
    0101401231;2024-02-23;2;hjemmepleje
    0202504322;2024-02-29;5;hjemmepleje
    0303301323;2024-02-25;6;hjemmepleje
    0303301323;2024-02-26;4;hjemmepleje
    0404604324;2024-01-01;50;hjemmepleje
    0404604324;2024-03-01;3;hjemmepleje
    X-5;2024-02-24;10,25;hjemmepleje
    """
    static let rates = """
    service;rate
    hjemmepleje;400
    """

    static func report(_ by: GroupingSpec, costs: Bool = false) -> EffectReport {
        var files: [Fixtures.File] = [.init("assessments.csv", .assessments, assessments), .init("courses.csv", .courses, courses)]
        if costs { files += [.init("costs.csv", .costs, Self.costs), .init("rates.csv", .rates, rates)] }
        var o = ReportOptions()
        o.groupBy = by
        o.minCell = 0
        o.horizonDays = 7
        return EffectReporter.report(Fixtures.dataset(files), options: o)
    }

    static func means(_ r: EffectReport) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: r.groups.compactMap { g in g.meanChange.map { (g.group, $0) } })
    }

    @Test("--by age-band: the case-mix bands in band order, unknown without a CPR number")
    func ageBand() {
        let r = Self.report(GroupingSpec(.ageBand))
        #expect(r.groups.map(\.group) == ["< 67", "67–79", "80–89", "≥ 90", "unknown"])
        #expect(r.groups.map(\.courses) == [1, 1, 1, 1, 1])
        #expect(Self.means(r) == ["< 67": 1, "67–79": 0, "80–89": 2, "≥ 90": 1, "unknown": -1])
        // B's second course is not evaluable and falls in B's band.
        #expect(r.groups[1].notEvaluable.noBaseline == 1 && r.groups[1].notEvaluable.total == 1)
        #expect(r.groups[1].key == .band(.ageBand, index: 1))
        #expect(r.total.courses == 5 && r.total.meanChange == 0.6)
    }

    @Test("--by sex: odd last digit male, even female, not a CPR number unknown")
    func sex() {
        let r = Self.report(GroupingSpec(.sex))
        #expect(r.groups.map(\.group) == ["male", "female", "unknown"])
        // male: A 2, C 1 → 1.5; female: B 0, D 1 → 0.5; unknown: E −1.
        #expect(Self.means(r) == ["male": 1.5, "female": 0.5, "unknown": -1])
        #expect(r.groups.map(\.citizens) == [2, 2, 1])
        // A and C both improved (2 of 2); B unchanged, D improved (1 of 2).
        #expect(r.groups[0].improvedShare == 1.0 && r.groups[1].improvedShare == 0.5 && r.groups[2].worsenedShare == 1.0)
    }

    @Test("--by baseline-level: the case-mix level bands; not-evaluable courses are unknown")
    func baselineLevel() {
        let r = Self.report(GroupingSpec(.baselineLevel))
        #expect(r.groups.map(\.group) == ["[0,1)", "[1,2)", "[2,3)", "[3,4]", "unknown"])
        #expect(Self.means(r) == ["[0,1)": -1, "[1,2)": 1, "[2,3)": 0, "[3,4]": 1.5])
        let unknown = r.groups[4]
        #expect(unknown.courses == 0 && unknown.notEvaluable.noBaseline == 1)
    }

    @Test("--by baseline-hours: hours per week before the start, on the band edges")
    func baselineHours() {
        let r = Self.report(GroupingSpec(.baselineHours), costs: true)
        #expect(r.groups.map(\.group) == ["0", "(0, 2]", "(2, 5]", "(5, 10]", "> 10"])
        // D: 0 (its rows are outside [2024-02-23, 2024-03-01)); A 2; B 5 (+ B's second course, no rows before
        // 2024-08-01 within 7 days → "0"); C 6 + 4 = 10; E 10.25.
        #expect(Self.means(r) == ["0": 1, "(0, 2]": 2, "(2, 5]": 0, "(5, 10]": 1, "> 10": -1])
        #expect(r.groups[0].notEvaluable.noBaseline == 1)
        // Cost figures apply per subgroup: C's 10 h in the before-window at 400 kr.
        #expect(r.groups[3].costs != nil)
        #expect(GroupClassifier.hoursBand(2) == 1 && GroupClassifier.hoursBand(2.000001) == 2 && GroupClassifier.hoursBand(10) == 3
                && GroupClassifier.hoursBand(10.25) == 4 && GroupClassifier.hoursBand(0) == 0 && GroupClassifier.hoursBand(.nan) == 5)
    }

    @Test("--by baseline-hours without cost data: every course unknown")
    func baselineHoursWithoutCosts() {
        let r = Self.report(GroupingSpec(.baselineHours))
        #expect(r.groups.map(\.group) == ["unknown"])
        #expect(r.groups[0].courses == 5 && r.groups[0].notEvaluable.total == 1)
    }

    @Test("--by team,age-band: one row per combination, by team then band, with both parts named")
    func twoWay() throws {
        let r = Self.report(try GroupingSpec(parsing: "team, age-band"))
        #expect(r.options.groupBy.description == "team,age-band")
        #expect(r.groups.map(\.group) == ["T1 × 67–79", "T1 × 80–89", "T2 × < 67", "T2 × ≥ 90", "T2 × unknown"])
        #expect(r.groups.map(\.parts) == [["T1", "67–79"], ["T1", "80–89"], ["T2", "< 67"], ["T2", "≥ 90"], ["T2", "unknown"]])
        #expect(Self.means(r) == ["T1 × 67–79": 0, "T1 × 80–89": 2, "T2 × < 67": 1, "T2 × ≥ 90": 1, "T2 × unknown": -1])
        guard case .combination(.team, .band(.ageBand, index: 1)) = r.groups[0].key else {
            Issue.record("key \(r.groups[0].key)")
            return
        }
        #expect(r.total.parts.isEmpty)
    }

    @Test("--by values that are not groupings are refused with the reason")
    func parsing() {
        #expect(throws: GroupingSpecError.unknown("ages")) { try GroupingSpec(parsing: "team,ages") }
        #expect(throws: GroupingSpecError.repeated(.sex)) { try GroupingSpec(parsing: "sex,sex") }
        #expect(throws: GroupingSpecError.pairsInTwoWay(.area)) { try GroupingSpec(parsing: "team,area") }
        #expect(throws: GroupingSpecError.tooMany(3)) { try GroupingSpec(parsing: "team,sex,month") }
        #expect((try? GroupingSpec(parsing: "Baseline-Hours")) == GroupingSpec(.baselineHours))
    }

    @Test("two-way suppression: a lone small combination takes a neighbour along its team and its band")
    func twoWaySuppression() {
        func g(_ team: String, _ band: String, _ citizens: Int) -> GroupFigures {
            var f = GroupFigures(group: team + GroupingSpec.nameSeparator + band)
            f.parts = [team, band]
            f.citizens = citizens
            return f
        }
        var groups = [g("T1", "a", 3), g("T1", "b", 10), g("T1", "c", 12), g("T2", "a", 20), g("T2", "b", 30)]
        var total = GroupFigures(group: "Total")
        total.citizens = 75
        SmallCellSuppression.apply(&groups, total: &total, minCell: 5)
        // T1×a (3) is small; the one-way rule takes T1×b (10, the next smallest). Band a then has T1×a
        // alone → T2×a; band b has T1×b alone → T2×b. T1 and T2 each have two hidden: stable.
        #expect(groups.map(\.suppressed) == [true, true, false, true, true])
        #expect(!total.suppressed)
    }
}
