import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport
@testable import FSIIIBytes

/// SPEC §9 updates: versions of the same resource id, dated and ordered by
/// `meta.lastUpdated`, else the report's timestamp; entered-in-error,
/// resolved, inactive; goals; courses from § 83a interventions; minutes.
@Suite("KL Gateway updates")
struct KLGatewayUpdateTests {
    typealias F = KLFixture
    let cpr = KLFixture.cpr

    /// Every input balances: read = accepted + rejected + superseded + removed.
    func expectBalanced(_ d: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
        for kind in InputKind.allCases {
            #expect(d.report[kind].balances, "\(kind): \(d.report[kind].identity)", sourceLocation: sourceLocation)
        }
    }

    static let first = F.report(timestamp: "2024-01-10T20:00:00Z", [F.patient(), F.condition(level: 3)])

    @Test("a re-assessment is dated by its report's timestamp as a Copenhagen date, not by recordedDate")
    func reassessmentDate() {
        // 23:30 UTC on 1 February is 00:30 on 2 February in Copenhagen.
        let d = F.load([Self.first, F.report(timestamp: "2024-02-01T23:30:00Z", [F.patient(), F.condition(level: 2)])])
        #expect(d.assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3), Assessed("Vaske sig", "2024-02-02", 2)])
        #expect(d.report[.fhir] == ImportCounts(read: 4, accepted: 3, superseded: 1))
        expectBalanced(d)
    }

    @Test("meta.lastUpdated dates a version before the report's timestamp does")
    func lastUpdated() {
        let second = F.report(timestamp: "2024-02-01T23:30:00Z", [F.patient(), F.condition(level: 2, lastUpdated: "2024-01-25T09:00:00+01:00")])
        #expect(F.load([Self.first, second]).assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3), Assessed("Vaske sig", "2024-01-25", 2)])
    }

    @Test("versions are applied in time order, whatever order the reports and files come in")
    func outOfOrder() {
        let reports = [Self.first,
                       F.report(timestamp: "2024-02-01T12:00:00Z", [F.patient(), F.condition(level: 2)]),
                       F.report(timestamp: "2024-03-01T12:00:00Z", [F.patient(), F.condition(level: 1)])]
        let expected = [Assessed("Vaske sig", "2024-01-10", 3), Assessed("Vaske sig", "2024-02-01", 2), Assessed("Vaske sig", "2024-03-01", 1)]
        #expect(F.load(reports).assessed(cpr) == expected)
        #expect(F.load(reports.reversed()).assessed(cpr) == expected)
        let files = reports.reversed().enumerated().map { (name: "r\($0.offset).json", text: JSONWriter().write($0.element)) }
        #expect(F.load(files).assessed(cpr) == expected)
        #expect(F.load([(name: "delivery.json", text: JSONWriter().write(F.incremental(reports.reversed())))]).assessed(cpr) == expected)
    }

    @Test("an unchanged re-send adds nothing and is superseded")
    func unchangedResend() {
        let again = F.report(timestamp: "2024-01-20T12:00:00Z", [F.patient(), F.condition(level: 3)])
        let d = F.load([Self.first, again])
        #expect(d.assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3)])
        #expect(d.report[.fhir] == ImportCounts(read: 4, accepted: 2, superseded: 2))
        #expect(d.report[.assessments] == ImportCounts(read: 1, accepted: 1))
    }

    @Test("entered-in-error removes the condition id and all its assessments")
    func enteredInError() {
        let d = F.load([Self.first,
                        F.report(timestamp: "2024-02-01T12:00:00Z", [F.patient(), F.condition(level: 2)]),
                        F.report(timestamp: "2024-03-01T12:00:00Z", [F.patient(), F.condition(level: 2, enteredInError: true)])])
        #expect(d.assessed(cpr).isEmpty)
        // Two assessed versions and the error are removed; the Patient re-sent twice is superseded.
        #expect(d.report[.fhir] == ImportCounts(read: 6, accepted: 1, superseded: 2, removed: 3))
        expectBalanced(d)
    }

    @Test("a condition sent again after entered-in-error starts afresh, dated by recordedDate")
    func afterError() {
        let d = F.load([Self.first,
                        F.report(timestamp: "2024-02-01T12:00:00Z", [F.patient(), F.condition(level: 3, enteredInError: true)]),
                        F.report(timestamp: "2024-03-01T12:00:00Z", [F.patient(), F.condition(level: 1, recorded: "2024-02-28")])])
        #expect(d.assessed(cpr) == [Assessed("Vaske sig", "2024-02-28", 1)])
        expectBalanced(d)
    }

    @Test("resolved is an assessment at level 0")
    func resolved() {
        let d = F.load([Self.first, F.report(timestamp: "2024-02-01T12:00:00Z", [F.patient(), F.condition(level: 3, clinical: "resolved")])])
        #expect(d.assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3), Assessed("Vaske sig", "2024-02-01", 0)])
    }

    @Test("inactive, or no problem-list-item category, ends the condition without a new level",
          arguments: [(clinical: "inactive", inFocus: true), (clinical: "active", inFocus: false)])
    func ended(clinical: String, inFocus: Bool) {
        let d = F.load([Self.first,
                        F.report(timestamp: "2024-02-01T12:00:00Z", [F.patient(), F.condition(level: 1, clinical: clinical, inFocus: inFocus)]),
                        F.report(timestamp: "2024-03-01T12:00:00Z", [F.patient(), F.condition(level: 3)])])
        // The last level (3) stands; back in focus at the same level adds nothing.
        #expect(d.assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3)])
        #expect(d.report[.fhir] == ImportCounts(read: 6, accepted: 4, superseded: 2))
    }

    @Test("the latest goal of a condition counts; a goal entered in error is gone")
    func goals() {
        let withGoal = F.report(timestamp: "2024-01-10T20:00:00Z", [F.patient(), F.condition(level: 3), F.goal(target: 2)])
        let newTarget = F.report(timestamp: "2024-02-01T12:00:00Z", [F.patient(), F.condition(level: 3), F.goal(target: 1)])
        let d = F.load([withGoal, newTarget])
        #expect(d.assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3, goal: 1)])
        expectBalanced(d)
        // A goal set with a re-assessment belongs to it; the earlier stays on the earlier one.
        let reassessed = F.report(timestamp: "2024-02-01T12:00:00Z", [F.patient(), F.condition(level: 2), F.goal(id: "G2", target: 0, start: "2024-02-01")])
        #expect(F.load([withGoal, reassessed]).assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3, goal: 2),
                                                                 Assessed("Vaske sig", "2024-02-01", 2, goal: 0)])
        let error = F.report(timestamp: "2024-02-01T12:00:00Z", [F.patient(), F.condition(level: 3), F.goal(target: 2, status: "entered-in-error")])
        let removed = F.load([withGoal, error])
        #expect(removed.assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3)])
        #expect(removed.report[.fhir].removed == 2)
    }

    @Test("§ 83a interventions with gaps of at most 7 days form one course; the end counts once completed")
    func courses() {
        let d = F.load([
            F.report(timestamp: "2024-01-15T12:00:00Z", [F.patient(), F.carePlan(id: "A", start: "2024-01-15"),
                                                         F.carePlan(id: "X", code: "H1.1", start: "2024-01-15")]),
            F.report(timestamp: "2024-02-20T12:00:00Z", [F.patient(), F.carePlan(id: "A", status: "completed", start: "2024-01-15", end: "2024-02-20")]),
            // 21–27 Feb: a gap of 7 days, the same course.
            F.report(timestamp: "2024-02-28T12:00:00Z", [F.patient(), F.carePlan(id: "B", code: "H2.5", start: "2024-02-28")]),
            F.report(timestamp: "2024-03-31T12:00:00Z", [F.patient(), F.carePlan(id: "B", code: "H2.5", status: "completed", start: "2024-02-28", end: "2024-03-31")]),
            // 1–8 April: a gap of 8 days, a new course; a planned end while active does not end it.
            F.report(timestamp: "2024-04-09T12:00:00Z", [F.patient(), F.carePlan(id: "C", start: "2024-04-09", end: "2024-05-01")]),
        ])
        #expect(d.courseSpans == ["2024-01-15..2024-03-31", "2024-04-09.."])
        #expect(d.courses.map(\.id) == ["A", "C"])
        #expect(d.courses.allSatisfy { d.teams.name(Int($0.team)) == "Hold Nord" })
        #expect(d.report[.courses] == ImportCounts(read: 2, accepted: 2))
        expectBalanced(d)
    }

    @Test("an intervention entered in error forms no course")
    func courseError() {
        let d = F.load([F.report(timestamp: "2024-01-15T12:00:00Z", [F.patient(), F.carePlan()]),
                        F.report(timestamp: "2024-01-16T12:00:00Z", [F.patient(), F.carePlan(status: "entered-in-error")])])
        #expect(d.courses.isEmpty)
        #expect(d.report[.fhir] == ImportCounts(read: 4, accepted: 1, superseded: 1, removed: 2))
    }

    @Test("delivered minutes: a corrected visit replaces the earlier version, one entered in error is gone; priced by the service's rate")
    func minutes() {
        let plan = F.carePlan(service: "Rehabilitering § 83a")
        let d = F.load([
            (name: "rates.csv", text: "service;rate\nRehabilitering § 83a;480\n"),
            (name: "r.ndjson", text: F.ndjson([
                F.report(timestamp: "2024-01-16T20:00:00Z", [F.patient(), plan, F.delivery(), F.delivery(id: "E2")]),
                F.report(timestamp: "2024-01-17T20:00:00Z", [F.patient(), plan, F.delivery(end: "2024-01-16T08:45:00Z"),
                                                             F.delivery(id: "E2", status: "entered-in-error")]),
            ])),
        ], hourlyRate: nil)
        let costs = d.costs
        #expect(costs?.count == 1)
        #expect(costs?.hours.first == 0.75)
        #expect(costs?.cost.first == 0.75 * 480)
        #expect(costs.map { $0.services.name(Int($0.service[0])) } == "Rehabilitering § 83a")
        #expect(d.report[.costs] == ImportCounts(read: 1, accepted: 1))
        expectBalanced(d)
    }

    @Test("a follow-up observation gives an unchanged level its follow-up assessment, so the course is evaluated")
    func followUpOfUnchangedLevel() {
        let start = F.report(timestamp: "2024-01-15T12:00:00Z", [F.patient(), F.condition(level: 3), F.carePlan()])
        let end = F.report(timestamp: "2024-03-01T12:00:00Z", [F.patient(), F.carePlan(status: "completed", end: "2024-03-01")])
        let followUp = F.report(timestamp: "2024-02-28T12:00:00Z", [F.patient(), F.condition(level: 3), F.followUp(date: "2024-02-28")])

        let without = EffectReporter.report(F.load([start, end]))
        #expect(without.total.notEvaluable.noFollowUp == 1)
        let with = F.load([start, end, followUp])
        #expect(with.assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3), Assessed("Vaske sig", "2024-02-28", 3)])
        #expect(with.followUps == [FollowUpObservation(citizen: 0, day: Day(year: 2024, month: 2, day: 28)!, result: .continues,
                                                      condition: F.terminology.condition(forCode: "J1.1"))])
        let report = EffectReporter.report(with)
        #expect(report.total.courses == 1)
        #expect(report.evaluation.results.first?.outcome == .unchanged)
    }

    @Test("Patient active = false withdraws the citizen: all their data is removed, with a warning")
    func withdrawn() {
        let d = F.load([F.report(timestamp: "2024-01-15T12:00:00Z", [F.patient(), F.condition(level: 3), F.carePlan()]),
                        F.report(timestamp: "2024-02-15T12:00:00Z", [F.patient(active: false)])])
        #expect(d.assessed(cpr).isEmpty)
        #expect(d.courses.isEmpty)
        #expect(d.report[.fhir] == ImportCounts(read: 4, removed: 4))
        #expect(d.report.warnings.contains { $0.column == "entry 1 (Patient)" && $0.line == 2 && $0.message.contains("withdraws") })
        expectBalanced(d)
    }

    @Test("FHIR and CSV inputs together: the KL Gateway assessments join the CSV rows")
    func withCSV() {
        let d = F.load([(name: "assessments.csv", text: "citizen;date;condition;level\n0203451234;2023-12-01;Vaske sig;4\n"),
                        (name: "r.ndjson", text: F.ndjson([Self.first]))])
        #expect(d.assessed(cpr) == [Assessed("Vaske sig", "2023-12-01", 4), Assessed("Vaske sig", "2024-01-10", 3)])
        #expect(d.report[.assessments] == ImportCounts(read: 2, accepted: 2))
        #expect(d.citizens.count == 1)
    }
}
