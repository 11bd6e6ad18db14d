import Testing
import FSIIIEffect
import FSIIITestSupport

/// The façade's promise (issue 17): an `EffectReport` names its teams and
/// municipalities itself — masked as the name tables mask them (docs/RULES.md
/// "Personal data in outputs") — and its groups and courses carry typed
/// ids, so a consumer needs no dataset after the report.
@Suite("The report names its teams and municipalities")
struct EffectReportNamesTests {
    /// Citizen A: Vaske sig 3 → 1 (change +2) in team "Hold 0101401234"
    /// (CPR-shaped), municipality "Kommune Nord". Citizen B: Gå 2 → 3
    /// (change −1) in "Hold Nord", no municipality; and an open course.
    static let assessments = """
    citizen;date;condition;level;team;municipality
    0303031234;2024-01-10;Vaske sig;3;Hold 0101401234;Kommune Nord
    0303031234;2024-03-10;Vaske sig;1;Hold 0101401234;Kommune Nord
    0404041234;2024-01-10;Gå;2;Hold Nord;
    0404041234;2024-02-20;Gå;3;Hold Nord;
    """
    static let courses = """
    citizen;start;end;team
    0303031234;2024-01-15;2024-03-01;
    0404041234;2024-01-15;2024-02-28;
    0404041234;2024-06-01;;
    """

    static func report(_ grouping: Grouping) -> EffectReport {
        let dataset = Fixtures.dataset([Fixtures.File("assessments.csv", .assessments, assessments),
                                        Fixtures.File("courses.csv", .courses, courses)])
        var options = ReportOptions()
        options.grouping = grouping
        options.minCell = 0
        return EffectReporter.report(dataset, options: options)
    }

    @Test("by team: each group's key is its TeamID, and the report names it as the group is named, CPR-shaped names masked")
    func teams() throws {
        let report = Self.report(.team)
        #expect(report.teams.map(\.name) == ["Hold [fjernet 1]", "Hold Nord"], "order of first appearance")
        #expect(report.municipalities.map(\.name) == ["Kommune Nord"])
        // Sorted by name in UTF-8 order: "N" (0x4E) before "[" (0x5B).
        #expect(report.groups.map(\.group) == ["Hold Nord", "Hold [fjernet 1]"])
        for g in report.groups {
            guard case .team(let id) = g.key else {
                Issue.record("\(g.group) has key \(g.key)")
                continue
            }
            #expect(report.name(of: id) == g.group)
        }
        #expect(report.groups[1].meanChange == 2.0, "A: (3 − 1) / 1 condition")
        #expect(report.groups[0].meanChange == -1.0, "B: (2 − 3) / 1 condition")
        #expect(report.total.key == .total && report.total.group == "Total")
        #expect(!"\(report.teams) \(report.groups.map(\.group))".contains("0101401234"))
    }

    @Test("each course's TeamID and MunicipalityID name its team and municipality; none given is (ukendt)")
    func courses() {
        let report = Self.report(.team)
        let c = report.courses
        #expect(c.count == 3)
        #expect(c.map(\.course) == [0, 1, 2])
        #expect(report.name(of: c[0].teamID) == "Hold [fjernet 1]", "taken from the citizen's assessments (SPEC §5)")
        #expect(report.name(of: c[0].municipalityID) == "Kommune Nord")
        #expect(report.name(of: c[1].teamID) == "Hold Nord")
        #expect(c[1].municipalityID == .unknown && report.name(of: c[1].municipalityID) == "(ukendt)")
        #expect(report.name(of: TeamID.unknown) == "(ukendt)")
        #expect(c[0].change == 2 && c[0].outcome == .improved && c[0].days == 47)
        #expect(c[2].notEvaluable == .open && c[2].end == nil && !c[2].isEvaluable)
    }

    @Test("by month and by municipality: the keys are the month a course ended, (åben) for open courses, the MunicipalityID")
    func otherKeys() throws {
        let byMonth = Self.report(.month)
        #expect(byMonth.groups.map(\.group) == ["(åben)", "2024-02", "2024-03"])
        #expect(byMonth.groups.map(\.key) == [.openCourses, .month(year: 2024, month: 2), .month(year: 2024, month: 3)])
        #expect(byMonth.groups[0].notEvaluable.open == 1 && byMonth.groups[0].courses == 0)

        let byMunicipality = Self.report(.municipality)
        #expect(byMunicipality.groups.map(\.group) == ["(ukendt)", "Kommune Nord"])
        guard case .municipality(let id) = byMunicipality.groups[1].key else {
            Issue.record("Kommune Nord has key \(byMunicipality.groups[1].key)")
            return
        }
        #expect(byMunicipality.name(of: id) == "Kommune Nord")
        #expect(byMunicipality.groups[0].key == .municipality(.unknown))
    }

    @Test("by condition and by area: the keys are the FSIII UUID codes of the condition and of its area")
    func pairKeys() {
        let byCondition = Self.report(.condition)
        #expect(byCondition.groups.map(\.group) == ["Gå", "Vaske sig"])
        #expect(byCondition.groups.map(\.key) == [.condition(uuid: "51697715-965a-40f3-b4a5-819103bf9d49"),
                                                  .condition(uuid: "4d46bd94-9518-431c-82e8-ebb91bca307a")])
        let byArea = Self.report(.area)
        #expect(byArea.groups.map(\.group) == ["Egenomsorg", "Mobilitet"])
        #expect(byArea.groups.map(\.key) == [.area(uuid: "43c2b7f0-5e55-4627-8fcf-bdaf5a9d84ac"),
                                             .area(uuid: "462f9352-0129-4d8e-8c75-a6dfed78ddcf")])
        #expect(byArea.groups.map(\.meanChange) == [2.0, -1.0], "Vaske sig 3 → 1 in Egenomsorg; Gå 2 → 3 in Mobilitet")
    }
}
