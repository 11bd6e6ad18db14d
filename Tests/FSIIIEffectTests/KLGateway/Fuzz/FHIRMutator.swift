import Foundation
@testable import FSIIIEffect

/// Seeded mutations of KL Gateway documents for the fuzz test: first on
/// the JSON tree (fields a report is read by set to wrong types, extreme
/// dates, unknown codes, CPR-shaped ids and texts; entries deleted,
/// duplicated, swapped or left dangling; keys deleted and duplicated),
/// then, sometimes, on the bytes written (truncation, stray bytes, invalid
/// UTF-8, broken escapes, lone CRs). Values a tree cannot hold — a 1e400,
/// a 300-digit integer, nesting 600 deep — go in as placeholders replaced
/// in the bytes.
struct FHIRMutator {
    var rng: SeededGenerator
    /// Raw JSON texts for the placeholders `"\u{1}RAW<k>\u{1}"`, by k.
    private(set) var raw: [String] = []
    /// How large a huge string may be (a few are 50 MB when this allows).
    var hugeStringBytes = 2 << 20

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    // MARK: - Random choices

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : rng.index(below: n) }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) * 0x1p-53 < p }
    mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// A CPR-shaped number: ten digits, or `DDMMYY-XXXX` (about a third).
    mutating func cpr() -> String {
        let day = 1 + below(28), month = 1 + below(12), year = below(100), serial = below(10_000)
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        let tail = String(repeating: "0", count: 4 - String(serial).count) + String(serial)
        return two(day) + two(month) + two(year) + (chance(0.35) ? "-" : "") + tail
    }

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

    // MARK: - Tree mutations

    /// `count` mutations of `document`, mostly aimed at the fields and
    /// entries a delivery report is read by.
    mutating func mutate(_ document: JSONValue, count: Int, pool: [JSONValue]) -> JSONValue {
        var doc = document
        for _ in 0..<count {
            switch below(12) {
            case 0, 1, 2, 3, 4: mutateEntryField(&doc)
            case 5: mutateBundleField(&doc)
            case 6, 7: mutateEntries(&doc, pool: pool)
            case 8, 9: mutateAnywhere(&doc, depth: 0)
            case 10: insertCPR(&doc)
            default: wrapOrNest(&doc)
            }
        }
        return doc
    }

    /// Sets a field of a random entry's resource (inside an incremental
    /// delivery, of a random report's entry).
    mutating func mutateEntryField(_ doc: inout JSONValue) {
        withRandomEntry(&doc) { entry, m in
            guard case .object(var e) = entry else { return }
            var resource = e["resource"] ?? .object(JSONObject())
            let own = Self.fieldsByType[resource["resourceType"]?.string ?? ""]
            let path = m.chance(0.75) ? m.pick(own ?? Self.fields) : m.pick(Self.fields)
            let replacement = m.chance(0.1) ? nil : m.value(for: path.last ?? "id")
            Self.set(&resource, path: path, to: replacement)
            e["resource"] = resource
            entry = .object(e)
        }
    }

    mutating func mutateBundleField(_ doc: inout JSONValue) {
        let path = pick(Self.bundleFields)
        let replacement = chance(0.1) ? nil : value(for: path.last ?? "id")
        Self.set(&doc, path: path, to: replacement)
    }

    /// Deletes, duplicates, swaps, reorders or borrows entries; leaves
    /// references dangling; adds a second Patient.
    mutating func mutateEntries(_ doc: inout JSONValue, pool: [JSONValue]) {
        guard case .object(var bundle) = doc else { return }
        var entries = bundle["entry"]?.array ?? []
        let op = below(8)
        switch op {
        case 0 where !entries.isEmpty: entries.remove(at: below(entries.count))
        case 1 where !entries.isEmpty: entries.insert(entries[below(entries.count)], at: below(entries.count + 1))
        case 2 where entries.count >= 2: entries.swapAt(below(entries.count), below(entries.count))
        case 3: entries.shuffle(using: &rng)
        case 4:
            // An entry of another document: another citizen's resource, or a whole report.
            let other = pick(pool)
            let borrowed = other["entry"]?.array ?? []
            entries.insert(borrowed.isEmpty ? ["resource": other] : borrowed[below(borrowed.count)], at: below(entries.count + 1))
        case 5:
            entries.append(["fullUrl": "https://test.fhir.dk/Patient/P2",
                            "resource": KLFixture.patient(id: "P2", cpr: cpr(), team: "Hold " + cpr())])
        case 6:
            entries.append(["resource": pick([KLFixture.goal(id: "G9", condition: "MISSING", target: 1),
                                              KLFixture.delivery(id: "E9", carePlans: ["MISSING"]),
                                              KLFixture.followUp(id: "O9", conditions: ["MISSING"], date: "2024-01-10"),
                                              KLFixture.carePlan(id: cpr())])])
        default:
            if !entries.isEmpty { entries[below(entries.count)] = anyValue() }
        }
        bundle["entry"] = .array(entries)
        doc = .object(bundle)
    }

    /// A random walk down the tree; the node it stops at is replaced, or
    /// has a member deleted, duplicated or renamed.
    mutating func mutateAnywhere(_ value: inout JSONValue, depth: Int) {
        switch value {
        case .object(var object) where !object.isEmpty && (depth == 0 || chance(0.75)):
            let i = below(object.count)
            if chance(0.7) {
                mutateAnywhere(&object.members[i].value, depth: depth + 1)
            } else {
                switch below(4) {
                case 0: object.members.remove(at: i)
                case 1: object.members.insert(object.members[i], at: below(object.count + 1))
                case 2: object.members[i].key = pick(["", "resourceType", "id", "reference", cpr(), object.members[i].key + "x"])
                default: object.members.swapAt(i, below(object.count))
                }
            }
            value = .object(object)
        case .array(var elements) where !elements.isEmpty && (depth == 0 || chance(0.75)):
            let i = below(elements.count)
            if chance(0.7) {
                mutateAnywhere(&elements[i], depth: depth + 1)
            } else if chance(0.5) {
                elements.remove(at: i)
            } else {
                elements.insert(elements[i], at: below(elements.count + 1))
            }
            value = .array(elements)
        default:
            value = anyValue()
        }
    }

    /// A CPR number where identifiers do not belong: an id, a reference, a
    /// display, a team, a code.
    mutating func insertCPR(_ doc: inout JSONValue) {
        let number = cpr()
        let (path, new): ([String], JSONValue) = pick([
            (["id"], .string(number)), (["subject", "reference"], .string("Patient/" + number)),
            (["managingOrganization", "display"], .string("Team " + number)), (["code"], coding(number)),
            (["severity"], coding(number)), (["addresses"], [["reference": .string("Condition/" + number)]]),
            (["meta", "lastUpdated"], .string(number)), (["recordedDate"], .string(number)),
            (["activity"], [["detail": ["code": ["coding": [["system": .string(KLGateway.localInterventionSystem), "code": .string(number),
                                                              "display": .string("Service " + number)]]]]]]),
        ])
        if chance(0.2) {
            Self.set(&doc, path: pick([["id"], ["timestamp"], ["type"]]), to: .string(number))
            return
        }
        withRandomEntry(&doc) { entry, mutator in
            guard case .object(var e) = entry else { return }
            var resource = e["resource"] ?? .object(JSONObject())
            Self.set(&resource, path: path, to: new)
            e["resource"] = resource
            if mutator.chance(0.3) { e["fullUrl"] = .string("https://test.fhir.dk/x/" + number) }
            entry = .object(e)
        }
    }

    /// Puts the document inside another level: an array, a bundle of
    /// bundles, or a deeply nested value in one of its resources.
    mutating func wrapOrNest(_ doc: inout JSONValue) {
        switch below(6) {
        case 0: doc = .array([doc])
        case 1: doc = KLFixture.incremental([doc, doc])
        case 2: doc = KLFixture.incremental([KLFixture.incremental([doc])])
        default:
            withRandomEntry(&doc) { entry, mutator in
                guard case .object(var e) = entry, case .object(var r)? = e["resource"] else { return }
                r.append(key: "nested", value: mutator.placeholder(mutator.rawText()))
                e["resource"] = .object(r)
                entry = .object(e)
            }
        }
    }

    /// Calls `body` on one entry of the report (or of a report inside an
    /// incremental delivery), writing it back.
    mutating func withRandomEntry(_ doc: inout JSONValue, _ body: (inout JSONValue, inout FHIRMutator) -> Void) {
        guard case .object(var bundle) = doc, var entries = bundle["entry"]?.array, !entries.isEmpty else { return }
        let i = below(entries.count)
        if case .object(var outer) = entries[i], let inner = outer["resource"], inner["entry"]?.array != nil, chance(0.7) {
            var report = inner
            withRandomEntry(&report, body)
            outer["resource"] = report
            entries[i] = .object(outer)
        } else {
            body(&entries[i], &self)
        }
        bundle["entry"] = .array(entries)
        doc = .object(bundle)
    }

    /// Sets (or, for nil, deletes) the member at `path`, making objects on
    /// the way where needed.
    static func set(_ value: inout JSONValue, path: [String], to new: JSONValue?) {
        guard let key = path.first else { return }
        var object = value.object ?? JSONObject()
        if path.count == 1 {
            object[key] = new
        } else {
            var child = object[key] ?? .object(JSONObject())
            set(&child, path: Array(path.dropFirst()), to: new)
            object[key] = child
        }
        value = .object(object)
    }

    // MARK: - Bytes

    /// The JSON text of `doc` with the placeholders replaced by their raw text.
    func serialize(_ doc: JSONValue, pretty: Bool) -> [UInt8] {
        var bytes = JSONWriter(pretty: pretty).writeBytes(doc)
        guard !raw.isEmpty else { return bytes }
        let marker = Array("\"\\u0001RAW".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x22, i + marker.count < bytes.count, Array(bytes[i..<(i + marker.count)]) == marker {
                var j = i + marker.count
                var k = 0
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { k = k * 10 + Int(bytes[j] - 0x30); j += 1 }
                let tail = Array("\\u0001\"".utf8)
                if k < raw.count, j + tail.count <= bytes.count, Array(bytes[j..<(j + tail.count)]) == tail {
                    out.append(contentsOf: raw[k].utf8)
                    i = j + tail.count
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        bytes = out
        return bytes
    }

    /// One or two damages to the bytes of a document.
    mutating func damage(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        for _ in 0..<(1 + below(2)) {
            let at = below(bytes.count + 1)
            switch below(10) {
            case 0: bytes.removeSubrange(min(at, bytes.count)...)  // truncated
            case 1: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)  // a stray byte
            case 2: bytes.insert(contentsOf: pick([[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]]), at: at)
            case 3 where at < bytes.count: bytes[at] ^= UInt8(1 << below(8))
            case 4: bytes.insert(contentsOf: pick([Array("\\u".utf8), Array("\\uD800".utf8), Array(String(repeating: "\\", count: 999).utf8), [0x00]]), at: at)
            case 5: bytes.insert(contentsOf: pick([[0x0D], [0x0D, 0x0A], [0x0A], [0x09], [0x0C]]), at: at)
            case 6 where at < bytes.count:
                let end = min(bytes.count, at + 1 + below(200))
                bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
            case 7 where at < bytes.count:
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(200)))
            case 8: bytes.insert(contentsOf: pick([Array("{".utf8), Array("}".utf8), Array("\"".utf8), Array(",".utf8), Array("]".utf8), Array(":".utf8)]), at: at)
            default: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: pick([0, at]))  // a byte order mark, also where none belongs
            }
        }
    }
}
