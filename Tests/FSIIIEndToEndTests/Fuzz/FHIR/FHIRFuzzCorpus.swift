import Foundation
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

/// The documents the FHIR fuzz test mutates: delivery reports made by the
/// project's generator (`SampleFHIRWriter`, a few citizens), and small
/// hand-made reports of every shape the import reads, modelled on the
/// KL Gateway examples (absolute `fullUrl`s, references by URL and with
/// `_history`, legacy conditions, nursing conditions, § 83 and § 83a
/// interventions, visits delivering two interventions, follow-up
/// observations and encounters, incremental deliveries).
enum FHIRFuzzCorpus {
    /// Every seed document.
    static let documents: [JSONValue] = generated + handMade

    /// One report per line of `fsiii generate --format fhir` for four citizens.
    static let generated: [JSONValue] = {
        var spec = SampleSpec()
        spec.citizens = 4
        spec.seed = 16
        spec.costDetail = .weekly
        let generator = SampleGenerator(spec)
        var bytes: [UInt8] = []
        for i in 0..<spec.citizens { _ = SampleFHIRWriter.reports(generator.citizen(i), generator: generator, into: &bytes) }
        return bytes.split(separator: 0x0A).compactMap { try? JSONParser.parse(Array($0)) }
    }()

    typealias F = KLFixture

    /// Hand-made reports, two citizens (one CPR written with a hyphen).
    static let handMade: [JSONValue] = {
        let rich = F.report(id: "rich-1", timestamp: "2024-03-01T21:30:00Z", [
            patient(cpr: "1502671234", team: "Hold Øst", deceased: false),
            F.condition(id: "C1", code: "J1.1", level: 3, recorded: "2024-03-01"),
            F.condition(id: "C2", code: "4d46bd94-9518-431c-82e8-ebb91bca307a", level: 2, recorded: "2024-02-28", lastUpdated: "2024-03-01T09:15:00+01:00"),
            nursing(id: "N1"),
            F.goal(id: "G1", condition: "C1", target: 1, start: "2024-03-01"),
            F.carePlan(id: "CP1", code: "H2.4", status: "active", start: "2024-03-02"),
            F.carePlan(id: "CP2", code: "H1.1", status: "active", start: "2024-03-02", service: "Rengøring"),
            F.delivery(id: "E1", carePlans: ["CP1", "CP2"], start: "2024-03-05T08:00:00+01:00", end: "2024-03-05T08:40:48+01:00"),
            followUpEncounter(id: "E2", conditions: ["C1", "C2"]),
            F.followUp(id: "O1", conditions: ["C1", "C2"], date: "2024-03-01"),
            procedure(id: "PR1"),
        ])
        let later = F.report(id: "rich-2", timestamp: "2024-04-20T21:30:00Z", [
            patient(cpr: "1502671234", team: "Hold Øst", deceased: false),
            absoluteReferences(F.condition(id: "C1", code: "J1.1", level: 2, recorded: "2024-03-01")),
            F.goal(id: "G1", condition: "C1", target: 2, start: "2024-03-01", status: "completed"),
            F.carePlan(id: "CP1", code: "H2.4", status: "completed", start: "2024-03-02", end: "2024-04-20"),
            F.followUp(id: "O2", conditions: ["C1"], date: "2024-04-20", result: "E3"),
        ])
        let corrected = F.report(id: "rich-3", timestamp: "2024-04-21T06:00:00Z", [
            patient(cpr: "1502671234", team: "Hold Øst", deceased: true),
            F.condition(id: "C2", code: "J1.2", level: 2, enteredInError: true),
            F.delivery(id: "E1", carePlans: ["CP1"], start: "2024-03-05T08:00:00Z", end: "2024-03-05T08:20:00Z", status: "entered-in-error"),
            F.carePlan(id: "CP1", code: "H2.4", status: "completed", start: "2024-03-02", end: "2024-04-20"),
        ])
        let other = F.report(id: "other-1", timestamp: "2024-05-02T21:30:00Z", [
            patient(cpr: "030303-3333", team: "123456789012345", deceased: nil),
            legacyCondition(id: "L1"),
            F.carePlan(id: "CP9", code: "H2.4", status: "active", start: "2024-05-01"),
        ])
        let withdrawn = F.report(id: "other-2", timestamp: "2024-06-02T21:30:00Z", [patient(cpr: "030303-3333", team: "Hold Vest", deceased: nil, active: false)])
        return [rich, later, corrected, other, F.incremental([later, other]), withdrawn, F.patient(), ["import": ["read": 1], "groups": []]]
    }()

    static func patient(cpr: String, team: String, deceased: Bool?, active: Bool? = nil) -> JSONValue {
        var patient = F.patient(id: "P1", cpr: cpr, team: team, active: active)
        if let deceased, case .object(var o) = patient {
            o.append(key: "deceasedBoolean", value: .bool(deceased))
            patient = .object(o)
        }
        return patient
    }

    static func nursing(id: String) -> JSONValue {
        var condition = F.condition(id: id, level: nil)
        if case .object(var o) = condition {
            o["code"] = F.fsiii("3dac3b51-364e-47c0-a043-15b6d7a6c405")
            condition = .object(o)
        }
        return condition
    }

    /// A condition of the legacy model: a follow-up extension, and level and code as legacy keys.
    static func legacyCondition(id: String) -> JSONValue {
        var condition = F.condition(id: id, code: "J1.3", level: nil, recorded: "2024-05-02")
        if case .object(var o) = condition {
            o["severity"] = F.fsiii("B3")
            o["extension"] = [["url": "http://fhir.kl.dk/gateway/StructureDefinition/klgateway-care-follow-up-date-extension",
                               "valueDate": "2024-08-01"]]
            condition = .object(o)
        }
        return condition
    }

    static func followUpEncounter(id: String, conditions: [String]) -> JSONValue {
        ["resourceType": "Encounter", "id": .string(id), "status": "finished",
         "type": [["coding": [["code": .string(KLGateway.followUpEncounterType)]]]],
         "subject": ["reference": "https://test.fhir.dk/Patient/P1"],
         "period": ["start": "2024-03-01T10:00:00Z", "end": "2024-03-01T10:30:00Z"],
         "reasonReference": .array(conditions.map { ["reference": .string("Condition/\($0)/_history/1")] })]
    }

    static func procedure(id: String) -> JSONValue {
        ["resourceType": "Procedure", "id": .string(id), "status": "completed", "subject": ["reference": "Patient/P1"],
         "code": F.fsiii("H2.4"), "performedDateTime": "2024-03-03"]
    }

    /// The resource with its subject as an absolute URL.
    static func absoluteReferences(_ resource: JSONValue) -> JSONValue {
        guard case .object(var o) = resource else { return resource }
        o["subject"] = ["reference": "https://test.fhir.dk/Patient/P1"]
        return .object(o)
    }
}
