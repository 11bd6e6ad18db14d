import Foundation
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

/// The values the mutations put in: extreme dates, statuses and codes,
/// CPR-shaped ids, references, texts from empty to huge, any JSON value,
/// and raw text no tree can hold (placeholders, see `serialize`).
extension FHIRMutator {
    static let dates = [
        "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59+14:00", "9999-12-31", "9999-12-31T22:59:59Z", "9999-12-31T24:59:60",
        "0000-01-01", "0001-01-01", "0001-01-01T00:00:00+14:00", "0001-01-01T00:30:00", "-999999999-01-01", "+10000-01-01",
        "2024-01-10T10:00:00.123456789012345678901234567890123456789Z", "2024-01-10T10:00:00+99:99", "2024-01-10T10:00:00-14:01",
        "2024-02-30", "2024-13-01", "2024-01-10T24:59:60Z", "2024-01-10T10:00Z", "2024-01-10", "2024", "2024-01", "", " 2024-01-10 ",
        "2024-01-10T10:00:00", "1970-01-01T00:00:00Z", "2024-03-31T02:30:00", "2024-10-27T02:30:00", "10-01-2024", "10.01.2024",
        "2024-01-10T10:00:00.Z", "yesterday", "2024-01-10T10:00:00+01", "2024-01-10T10:00:00+0100", "2024-06-30T22:00:00Z",
        "2024-01-11T08:00:00Z", "2024-01-12T08:00:00Z", "2034-01-10T08:00:00Z", "1980-04-06T00:30:00Z",
    ]
    static let statuses = ["active", "completed", "finished", "entered-in-error", "resolved", "inactive", "remission", "revoked",
                           "cancelled", "planned", "final", "in-progress", "", "ENTERED-IN-ERROR"]
    static let codes = ["J1.1", "J1.2", "J1.3", "4d46bd94-9518-431c-82e8-ebb91bca307a", "J9.9", "I", "3dac3b51-364e-47c0-a043-15b6d7a6c405",
                        "B1", "B2", "B3", "B4", "B5", "B6", "B9", "E1", "E2", "E3", "E4", "E9", "H2.4", "H1.1", "H9.9", "",
                        KLGateway.deliveryEncounterType, KLGateway.followUpEncounterType, "problem-list-item"]
    static let resourceTypes = ["Patient", "Condition", "Goal", "CarePlan", "Encounter", "Observation", "Procedure", "Bundle",
                                "Foo", "", "patient", "Condition ", "Søknad", "Condition/x"]
    static let fields: [[String]] = [
        ["id"], ["resourceType"], ["meta", "lastUpdated"], ["meta"], ["recordedDate"], ["startDate"], ["period", "start"], ["period", "end"],
        ["period"], ["effectiveDateTime"], ["effectivePeriod", "start"], ["status"], ["lifecycleStatus"], ["clinicalStatus"],
        ["verificationStatus"], ["severity"], ["code"], ["target"], ["addresses"], ["subject", "reference"], ["subject"], ["focus"],
        ["extension"], ["identifier"], ["managingOrganization", "display"], ["managingOrganization"], ["active"], ["activity"],
        ["valueCodeableConcept"], ["category"], ["type"], ["deceasedBoolean"], ["deceasedDateTime"], ["reasonReference"],
    ]
    /// The fields each kind of resource is read by.
    static let fieldsByType: [String: [[String]]] = [
        "Patient": [["identifier"], ["managingOrganization", "display"], ["managingOrganization"], ["active"], ["deceasedBoolean"],
                    ["deceasedDateTime"], ["id"]],
        "Condition": [["recordedDate"], ["severity"], ["code"], ["clinicalStatus"], ["verificationStatus"], ["category"],
                      ["meta", "lastUpdated"], ["subject", "reference"], ["id"]],
        "Goal": [["addresses"], ["target"], ["startDate"], ["lifecycleStatus"], ["meta", "lastUpdated"], ["id"]],
        "CarePlan": [["period", "start"], ["period", "end"], ["period"], ["status"], ["activity"], ["meta", "lastUpdated"], ["id"]],
        "Encounter": [["period", "start"], ["period", "end"], ["status"], ["type"], ["extension"], ["reasonReference"], ["id"]],
        "Observation": [["effectiveDateTime"], ["effectivePeriod", "start"], ["valueCodeableConcept"], ["focus"], ["status"],
                        ["meta", "profile"], ["id"]],
    ]
    static let bundleFields: [[String]] = [["timestamp"], ["type"], ["id"], ["meta", "profile"], ["meta"], ["entry"], ["resourceType"]]

    /// A replacement value for a field: mostly of the kind the field holds,
    /// sometimes of any other JSON type.
    mutating func value(for field: String) -> JSONValue {
        if chance(0.25) { return anyValue() }
        switch field {
        case "lastUpdated", "recordedDate", "startDate", "start", "end", "effectiveDateTime", "timestamp", "deceasedDateTime":
            return .string(pick(Self.dates))
        case "status", "lifecycleStatus":
            return .string(pick(Self.statuses))
        case "clinicalStatus", "verificationStatus", "severity", "code", "valueCodeableConcept":
            return coding(pick(Self.codes + Self.statuses))
        case "resourceType":
            return .string(pick(Self.resourceTypes))
        case "id":
            return .string(chance(0.5) ? cpr() : pick(["C1", "C2", "P1", "CP1", "G1", "E1", "", String(repeating: "x", count: 65), "a/b"]))
        case "reference":
            return .string(reference())
        case "subject":
            return ["reference": .string(reference())]
        case "addresses", "focus", "reasonReference":
            return .array((0..<below(4)).map { _ in ["reference": .string(reference())] })
        case "display":
            return .string(chance(0.5) ? "Hold " + cpr() : text())
        case "profile":
            return .array([.string(pick([KLGateway.profilePrefix + KLGateway.deliveryReportProfile,
                                         KLGateway.profilePrefix + KLGateway.incrementalDeliveryProfile + "|1.0",
                                         KLGateway.profilePrefix + "klgateway-care-encounter", cpr()]))])
        case "identifier":
            return [["system": .string(KLGateway.cprSystem), "value": .string(pick([cpr(), cpr(), "", "  ", String(repeating: "9", count: 70), text()]))]]
        case "extension":
            return .array((0..<below(4)).map { _ in
                ["url": .string(KLGateway.basedOnInterventionExtension), "valueReference": ["reference": .string(reference())]]
            })
        case "target":
            return [["detailCodeableConcept": coding(pick(Self.codes + [KLFixture.levelUUID(below(6))]))]]
        case "activity":
            return [["detail": ["code": ["coding": [["system": .string(KLGateway.fsiiiSystem), "code": .string(pick(Self.codes))],
                                                  ["system": .string(KLGateway.localInterventionSystem), "code": .string(text()),
                                                   "display": .string(text())]]]]]]
        case "category":
            return [["coding": [["code": .string(pick(["problem-list-item", "encounter-diagnosis", ""]))]]]]
        case "type" where chance(0.5):
            return [["coding": [["code": .string(pick([KLGateway.deliveryEncounterType, KLGateway.followUpEncounterType, "other"]))]]]]
        case "type":
            return .string(pick(["collection", "searchset", "transaction", ""]))
        case "period":
            return ["start": .string(pick(Self.dates)), "end": .string(pick(Self.dates))]
        case "active", "deceasedBoolean":
            return .bool(chance(0.5))
        default:
            return anyValue()
        }
    }

    mutating func coding(_ code: String) -> JSONValue {
        ["coding": [["system": .string(chance(0.8) ? KLGateway.fsiiiSystem : "urn:other"), "code": .string(code),
                     "display": .string(chance(0.3) ? cpr() : "Vaske sig")]]]
    }

    mutating func reference() -> String {
        let type = pick(["Condition", "Patient", "CarePlan", "Goal", "Encounter", "Foo", ""])
        let id = chance(0.4) ? cpr() : pick(["C1", "C2", "P1", "CP1", "CP2", "G1", "missing", ""])
        switch below(4) {
        case 0: return "https://test.fhir.dk/\(type)/\(id)"
        case 1: return "\(type)/\(id)/_history/\(below(3))"
        case 2: return pick(["", "/", "//", "urn:uuid:\(id)", id])
        default: return "\(type)/\(id)"
        }
    }

    /// A text: short, CPR-bearing, with escapes and non-ASCII, or huge.
    mutating func text() -> String {
        switch below(8) {
        case 0: return "Hold " + cpr() + " nord"
        case 1: return "æøå \u{1F600} e\u{301}\u{301}\u{301} \"quoted\" \\ \t\n\r \u{0} \u{1F}"
        case 2: return String(repeating: "\\", count: 1 + below(20_000))
        case 3: return String(repeating: "a\u{301}", count: 1 + below(5_000))
        case 4:
            // Mostly up to `hugeStringBytes`; one in twenty of those 50 MB when allowed.
            let size = hugeStringBytes >= 50 << 20 && chance(0.05) ? 50 << 20 : 1 + below(max(1, min(hugeStringBytes, 2 << 20)))
            return String(repeating: "x", count: size)
        case 5: return cpr()
        default: return pick(["", " ", "Hold Nord", "Rengøring", "RH Mobilitet", "Vaske sig"])
        }
    }

    /// Any JSON value: scalars, extremes, containers, raw-text placeholders.
    mutating func anyValue() -> JSONValue {
        switch below(12) {
        case 0: return .null
        case 1: return .bool(chance(0.5))
        case 2: return .number(pick([0, -0.0, 1, -1, 1e308, -1e308, .leastNonzeroMagnitude, 2147483648, 0x1p53 + 2, 0.1, 1e21, 123456789012]))
        case 3: return .string(text())
        case 4: return .array((0..<below(4)).map { _ in .string(pick(Self.codes)) })
        case 5: return ["reference": .string(reference())]
        case 6: return coding(pick(Self.codes))
        case 7, 8: return placeholder(rawText())
        case 9: return .string(pick(Self.dates))
        case 10: return .object(JSONObject())
        default: return .array([])
        }
    }

    /// JSON (or not quite JSON) text no tree can hold.
    mutating func rawText() -> String {
        switch below(16) {
        case 0: return "1e400"
        case 1: return "-1e400"
        case 2: return String(repeating: "9", count: 300)
        case 3: return "1e-400"
        case 4: return "0." + String(repeating: "0", count: 1_000) + "1"
        case 5: return String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        case 6: return String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        case 7: return String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300)
        case 8: return pick(["\"\\uD800\"", "\"\\uDC00\\uD800\"", "\"\\uD800\\u0041\"", "\"\\u0000\"", "\"\\x\"", "\"\\u12\"", "\"\\uZZZZ\""])
        case 9: return "\"" + String(repeating: "\\\\", count: 1 + below(20_000)) + "\""
        case 10: return "\"" + String(repeating: "\\u00e6", count: 1 + below(20_000)) + "\""
        case 11: return pick(["NaN", "Infinity", "01", "-", "1.", "1e", "tru", "nul", "+1", ".5", "1e99999999999999999999"])
        case 12: return "{" + (0..<(1 + below(5_000))).map { _ in "\"a\":1" }.joined(separator: ",") + "}"
        case 13: return "[" + String(repeating: "0,", count: below(20_000)) + "0]"
        case 14: return "\"" + cpr() + "\""
        default: return String(repeating: "[", count: 100_000)  // never closed
        }
    }

    mutating func placeholder(_ text: String) -> JSONValue {
        raw.append(text)
        return .string("\u{1}RAW\(raw.count - 1)\u{1}")
    }
}
