import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// The real KL Gateway example reports (`../shared/reference/klgateway/`):
/// the conditions, levels, dates, goals, courses and minutes they contain,
/// imported as SPEC §9 says. Skipped, visibly, when the folder is absent.
@Suite("KL Gateway example reports import as SPEC §9 says",
       .enabled(if: !ReferenceFiles.klgatewayBundles.isEmpty, "shared/reference/klgateway not found: skipped"))
struct KLGatewayReferenceImportTests {
    static let jensHansen = "0101410001"

    static func path(_ name: String) -> String {
        ReferenceFiles.klgatewayBundles.first { $0.hasSuffix("/" + name) } ?? name
    }

    static func load(_ names: [String], hourlyRate: Double? = 400) throws -> Dataset {
        try DatasetLoader.load(names.map { InputPath(path($0), kind: .fhir) }, options: ImportOptions(hourlyRate: hourlyRate))
    }

    static let newModel = ["DeliveryReport-JensHansen-new-1.json", "DeliveryReport-JensHansen-InterventionDelivery.json",
                           "DeliveryReport-JensHansen-2.json", "DeliveryReport-JensHansen-3.json"]
    static let legacyModel = ["legacy-DeliveryReport-JensHansen-1.json", "legacy-DeliveryReport-JensHansen-2.json",
                              "legacy-DeliveryReport-JensHansen-3.json"]

    @Test("every bundle imports without a problem and every entry is accounted for", arguments: ReferenceFiles.klgatewayBundles)
    func everyBundle(path: String) throws {
        let dataset = try DatasetLoader.load([InputPath(path, kind: .fhir)], options: ImportOptions(hourlyRate: 400))
        #expect(dataset.report.problems.isEmpty, "\(dataset.report.problems)")
        let fhir = dataset.report[.fhir]
        #expect(fhir.read > 0)
        #expect(fhir.balances, "\(fhir.identity)")
        #expect(fhir.rejected == 0)
        for kind in InputKind.allCases { #expect(dataset.report[kind].balances, "\(kind): \(dataset.report[kind].identity)") }
        #expect(dataset.report.files.map(\.rows) == [1])
    }

    @Test("new model, first report: four conditions on 10 Feb with their goals; § 83 interventions form no course")
    func firstReport() throws {
        let d = try Self.load(["DeliveryReport-JensHansen-new-1.json"])
        #expect(Set(d.assessed(Self.jensHansen)) == [
            Assessed("Personlig pleje", "2021-02-10", 3, goal: 2), Assessed("Lave mad", "2021-02-10", 3, goal: 2),
            Assessed("Lave husligt arbejde", "2021-02-10", 3, goal: 2), Assessed("Mobilitet og bevægelse", "2021-02-10", 2, goal: 1),
        ])
        #expect(d.courses.isEmpty)
        #expect(d.report[.fhir] == ImportCounts(read: 15, accepted: 15))
        #expect(d.teams.names.contains("123456789012345"))
    }

    @Test("new model, third report alone: its only versions are dated by recordedDate, the follow-up by its date; RH interventions form an open course")
    func thirdReportAlone() throws {
        let d = try Self.load(["DeliveryReport-JensHansen-3.json"])
        #expect(Set(d.assessed(Self.jensHansen)) == [
            Assessed("Personlig pleje", "2021-02-10", 2), Assessed("Personlig pleje", "2021-02-24", 2, goal: 0),
            Assessed("Lave mad", "2021-02-10", 2), Assessed("Lave mad", "2021-02-24", 2, goal: 1),
            Assessed("Lave husligt arbejde", "2021-02-10", 2), Assessed("Lave husligt arbejde", "2021-02-24", 2, goal: 1),
            Assessed("Mobilitet og bevægelse", "2021-02-10", 2), Assessed("Mobilitet og bevægelse", "2021-02-24", 2, goal: 0),
        ])
        #expect(d.courseSpans == ["2021-02-25.."])
        #expect(d.courses.first?.type == "83a")
        #expect(d.followUps.count == 4)
        #expect(d.followUps.allSatisfy { $0.result == .revisitation && $0.day.iso == "2021-02-24" })
    }

    @Test("new model, all four reports in order: a re-assessment is dated by the report's timestamp, never by recordedDate")
    func newModelSequence() throws {
        // JensHansen-3 (sent 2021-02-25T02:00:36Z) moves three conditions
        // 3 → 2; recordedDate still says 10 Feb. Its follow-up observation
        // (24 Feb) dates the follow-up of all four at the levels of that report.
        let d = try Self.load(Self.newModel)
        #expect(Set(d.assessed(Self.jensHansen)) == [
            Assessed("Personlig pleje", "2021-02-10", 3, goal: 2), Assessed("Personlig pleje", "2021-02-15", 3),
            Assessed("Personlig pleje", "2021-02-24", 2, goal: 0), Assessed("Personlig pleje", "2021-02-25", 2),
            Assessed("Lave mad", "2021-02-10", 3, goal: 2), Assessed("Lave mad", "2021-02-15", 3),
            Assessed("Lave mad", "2021-02-24", 2, goal: 1), Assessed("Lave mad", "2021-02-25", 2),
            Assessed("Lave husligt arbejde", "2021-02-10", 3, goal: 2), Assessed("Lave husligt arbejde", "2021-02-15", 3),
            Assessed("Lave husligt arbejde", "2021-02-24", 2, goal: 1), Assessed("Lave husligt arbejde", "2021-02-25", 2),
            Assessed("Mobilitet og bevægelse", "2021-02-10", 2, goal: 1), Assessed("Mobilitet og bevægelse", "2021-02-15", 2),
            Assessed("Mobilitet og bevægelse", "2021-02-24", 2, goal: 0),
        ])
        #expect(d.assessed(Self.jensHansen).count == 15)
        #expect(d.courseSpans == ["2021-02-25.."])
        // Three visits of 20 minutes, each split over the three interventions it delivered.
        let costs = try #require(d.costs)
        #expect(costs.count == 9)
        #expect(abs(costs.hours.reduce(0, +) - 1.0) < 1e-12)
        #expect(abs(costs.cost.reduce(0, +) - 400.0) < 1e-9)
        #expect(Set(costs.day.map { Day(rawValue: $0).iso }) == ["2021-02-13"])
        #expect(Set((0..<costs.count).map { costs.services.name(Int(costs.service[$0])) }) == ["Personlig hygiejne", "Hverdagens aktiviteter", "Mobilitet"])
        // Superseded: the Patient re-sent 3×; conditions re-sent unchanged 8×
        // (Mobilitet also in report 3); CarePlans re-sent 3× and replaced 2×
        // (completed in report 3); two encounters replaced (planned → finished).
        #expect(d.report[.fhir] == ImportCounts(read: 15 + 10 + 8 + 16, accepted: 31, superseded: 3 + 8 + 5 + 2))
    }

    @Test("legacy model, three reports: J keys and B levels; a re-sent goal id with a new target is dated by its report")
    func legacySequence() throws {
        let d = try Self.load(Self.legacyModel)
        let rows = d.assessed(Self.jensHansen)
        #expect(Set(rows.filter { $0.condition == "Af- og påklædning" }) == [
            Assessed("Af- og påklædning", "2021-02-10", 3, goal: 2), Assessed("Af- og påklædning", "2021-02-15", 3),
            Assessed("Af- og påklædning", "2021-02-24", 2, goal: 0),
        ])
        #expect(Set(rows.filter { $0.condition == "Gå" }) == [
            Assessed("Gå", "2021-02-10", 2, goal: 1), Assessed("Gå", "2021-02-15", 2), Assessed("Gå", "2021-02-24", 2, goal: 0),
        ])
        #expect(Set(rows.filter { $0.condition == "Muskelstyrke" }) == [
            Assessed("Muskelstyrke", "2021-02-10", 3, goal: 2), Assessed("Muskelstyrke", "2021-02-15", 3),
            Assessed("Muskelstyrke", "2021-02-24", 2, goal: 0),
        ])
        #expect(rows.count == 21)
        #expect(Set(rows.map(\.condition)) == ["Af- og påklædning", "Udføre daglige rutiner", "Lave mad", "Lave husligt arbejde", "Gå",
                                                "Bevæge sig omkring", "Muskelstyrke"])
        #expect(d.courseSpans == ["2021-02-25.."])
        #expect(d.report[.fhir].balances)
    }

    @Test("test person: a legacy home-care condition, a nursing condition counted, four follow-ups kept")
    func testPerson() throws {
        let d = try Self.load(["TestPersonReport.json"])
        #expect(d.assessed("0101010101") == [Assessed("Vaske sig", "2020-08-14", 1, goal: 1)])
        #expect(d.nursingConditions == 1)
        #expect(d.courses.isEmpty)
        #expect(d.followUps.count == 4)
        #expect(d.followUps.filter { $0.condition != nil }.count == 1)
        #expect(d.report[.fhir] == ImportCounts(read: 15, accepted: 15))
    }

    @Test("the incremental delivery holds the test person's report; both together: the second copy is superseded")
    func incrementalDelivery() throws {
        let alone = try Self.load(["TestIncrementalDelivery.json"])
        #expect(alone.assessed("0101010101") == [Assessed("Vaske sig", "2020-08-14", 1, goal: 1)])
        let both = try Self.load(["TestIncrementalDelivery.json", "TestPersonReport.json"])
        #expect(both.report[.fhir] == ImportCounts(read: 30, accepted: 15, superseded: 15))
        #expect(both.report[.assessments] == ImportCounts(read: 1, accepted: 1))
        #expect(both.nursingConditions == 1)
    }

    @Test("delivered minutes need a price: without --rates or --hourly-rate each visit is rejected, naming both")
    func unpricedVisits() throws {
        let d = try Self.load(["DeliveryReport-JensHansen-InterventionDelivery.json"], hourlyRate: nil)
        #expect(d.report[.fhir] == ImportCounts(read: 10, accepted: 7, rejected: 3))
        #expect(d.rejections.count == 3)
        #expect(d.rejections.allSatisfy { $0.contains("--hourly-rate") && $0.contains("--rates") && $0.contains("(Encounter): ") && !$0.contains("Encounter/") })
        #expect(d.costs == nil)
    }

    @Test("all the examples together balance, and no problem names a CPR number")
    func everything() throws {
        let d = try DatasetLoader.load(ReferenceFiles.klgatewayBundles.map { InputPath($0, kind: .fhir) },
                                       options: ImportOptions(hourlyRate: 400))
        for kind in InputKind.allCases { #expect(d.report[kind].balances, "\(kind): \(d.report[kind].identity)") }
        #expect(d.citizens.count == 2)
        #expect(d.report.problems.isEmpty)
    }
}
