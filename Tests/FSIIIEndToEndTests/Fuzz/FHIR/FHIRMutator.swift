import Foundation
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

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
    var raw: [String] = []
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
}
