import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport
import FSIIIStatistics
@testable import FSIIIBytes

/// Hostile KL Gateway input (issue 16): deep nesting, huge numbers and
/// strings, wrong types, unknown resources, dangling references, duplicate
/// ids, oversized lines. Each gives one clear problem for its report, line
/// or resource — `file:line: place: message`, naming kinds and fields, never
/// an id — and the rest is still read, with the accounting balanced.
@Suite("KL Gateway hostile input")
struct KLGatewayHostileInputTests {
    typealias F = KLFixture
    static let good = F.report(id: "good", timestamp: "2024-01-10T20:00:00Z", [F.patient(), F.condition(level: 3)])
    static let goodLine = F.ndjson([good])

    static func load(_ name: String, _ bytes: [UInt8], hourlyRate: Double? = 400) -> Dataset {
        DatasetLoader.load([InputSource(path: name, kind: .fhir, bytes: FileBytes(utf8: bytes))],
                           options: ImportOptions(hourlyRate: hourlyRate))
    }

    static func load(_ name: String, _ text: String) -> Dataset { load(name, Array(text.utf8)) }

    /// A report whose one resource is `resource` (after the Patient).
    static func report(with resource: JSONValue) -> JSONValue {
        F.report(id: "r", timestamp: "2024-01-10T20:00:00Z", [F.patient(), F.condition(level: 3), resource])
    }

    static func setting(_ value: JSONValue, _ key: String, to new: JSONValue?) -> JSONValue {
        guard case .object(var o) = value else { return value }
        o[key] = new
        return .object(o)
    }

    @Test("nesting a million deep is an error, not a stack overflow, in a .json file and on an NDJSON line", arguments: ["deep.json", "deep.ndjson"])
    func millionDeep(name: String) throws {
        let deep = String(repeating: "[", count: 1_000_000)
        let d = Self.load(name, name.hasSuffix(".json") ? deep : Self.goodLine + deep + "\n" + Self.goodLine)
        let problem = try #require(d.report.problems.first)
        #expect(d.report.problems.count == 1)
        #expect(problem.line == (name.hasSuffix(".json") ? 1 : 2))
        #expect(problem.message == "invalid JSON at column \(JSONParser.maxDepth + 1): nesting too deep: more than \(JSONParser.maxDepth) nested arrays and objects; the \(name.hasSuffix(".json") ? "file" : "line") is not read")
        #expect(d.report[.fhir].read == (name.hasSuffix(".json") ? 0 : 4))
        #expect(d.report[.fhir].balances)
    }

    @Test("nesting just inside the limit within a resource is read on every thread: the resource is used, the deep member ignored")
    func deepInsideResource() throws {
        let depth = JSONParser.maxDepth - 8  // the report's own levels
        var line = JSONWriter(pretty: false).write(Self.good)
        line = line.replacingOccurrences(of: "\"recordedDate\"", with: "\"deep\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ",\"recordedDate\"")
        // Enough lines for several batches, parsed on the worker threads.
        let d = Self.load("deep.ndjson", Array(repeating: line, count: FHIRImport.batchLines * 4).joined(separator: "\n"))
        #expect(d.report.problems.isEmpty, "\(d.report.problems.prefix(2))")
        #expect(d.report[.fhir] == ImportCounts(read: FHIRImport.batchLines * 8, accepted: 2, superseded: FHIRImport.batchLines * 8 - 2))
    }

    @Test("a 1e400 is an error of its line, a 300-digit integer where a code belongs is not a code, a 50 MB code is quoted short")
    func hugeValues() throws {
        let big = Self.goodLine.replacingOccurrences(of: "\"2024-01-10T20:00:00Z\"", with: "1e400")
        let digits = F.ndjson([Self.report(with: F.condition(id: "C3", code: "J1.3", level: 2))])
            .replacingOccurrences(of: "\"\(F.levelUUID(2))\"", with: String(repeating: "9", count: 300))
        // The 50 MB code is spliced into the bytes: building it as a value is slow in a debug build.
        let longCode = Array(F.ndjson([Self.report(with: F.condition(id: "C2", code: "@HUGE@", level: 2))]).utf8)
        let marker = Array("@HUGE@".utf8)
        let at = try #require((0...(longCode.count - marker.count)).first { Array(longCode[$0..<($0 + marker.count)]) == marker })
        let bytes = Array((big + digits).utf8) + longCode[..<at] + [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20) + longCode[(at + marker.count)...]
        let d = Self.load("huge.ndjson", bytes)
        #expect(d.report.problems.map(\.reason) == ["invalid JSON", "missing level", "unknown condition"])
        #expect(d.report.problems[0].message == "invalid JSON at column \(Array(big.utf8).firstIndex(of: UInt8(ascii: "1"))! + 1): number out of range: 1e400 is beyond ±1.8e308; the line is not read")
        #expect(d.report.problems[1].column == "entry 3 (Condition)" && d.report.problems[1].line == 2)
        let unknown = d.report.problems[2]
        #expect(unknown.message.hasPrefix("unknown FSIII condition code \"" + String(repeating: "x", count: FHIRPlace.quoteLimit) + "…\""))
        #expect(unknown.description.utf8.count < 400)
        #expect(d.report[.fhir] == ImportCounts(read: 6, accepted: 2, rejected: 2, superseded: 2))
    }

    @Test("wrong types name the field and the type found", arguments: [
        ("entry.resource is a string, not a resource object", JSONValue.string("Condition/C9")),
        ("resourceType is an array, not a string", ["resourceType": ["Condition"], "id": "C9"]),
        ("the resource's id is a number, not a string", ["resourceType": "Condition", "id": 12]),
        ("recordedDate is a number, not a date", Self.setting(F.condition(id: "C9", code: "J1.2"), "recordedDate", to: .number(20240110))),
        ("meta.lastUpdated is a number, not an instant (e.g. 2024-03-01T10:15:00Z; years 0001–9999, offset at most ±14:00)", Self.setting(F.condition(id: "C9", code: "J1.2"), "meta", to: ["lastUpdated": 1.5])),
    ] as [(String, JSONValue)])
    func wrongTypes(message: String, resource: JSONValue) throws {
        let entry: JSONValue = ["resource": resource]
        var report = Self.report(with: .null)
        if case .object(var o) = report, var entries = o["entry"]?.array {
            entries[2] = entry
            o["entry"] = .array(entries)
            report = .object(o)
        }
        let d = Self.load("types.ndjson", F.ndjson([report]))
        let problem = try #require(d.report.problems.first)
        #expect(d.report.problems.count == 1)
        #expect(problem.message == message)
        #expect(problem.column.hasPrefix("entry 3"))
        #expect(d.report[.fhir] == ImportCounts(read: 3, accepted: 2, rejected: 1))
    }

    @Test("a Bundle whose entry, timestamp or resourceType has the wrong type is one problem; the next line is read")
    func wrongTypesInBundle() throws {
        let entryObject = Self.setting(Self.good, "entry", to: ["resource": F.patient()])
        let numberStamp = Self.setting(Self.good, "timestamp", to: 1_704_916_800)
        let arrayType = Self.setting(Self.good, "resourceType", to: ["Bundle"])
        let d = Self.load("bundles.ndjson", F.ndjson([entryObject, numberStamp, arrayType, Self.good]))
        #expect(d.report.problems.map(\.message) == [
            "Bundle.entry is an object, not an array of entries",
            "the report's Bundle.timestamp is needed to order versions, but it is a number, not a string; its 2 entries are not imported",
            "not a KL Gateway delivery report: resourceType is an array, not a string; \(KLGatewayDocument.expected). Ignored",
        ])
        #expect(d.report.problems.map(\.line) == [1, 2, 3])
        #expect(d.report[.fhir] == ImportCounts(read: 4, accepted: 2, rejected: 2))
    }

    @Test("an unknown kind of resource is read and accounted for; it changes nothing")
    func unknownResource() {
        let d = Self.load("unknown.ndjson", F.ndjson([Self.report(with: ["resourceType": "Foo", "id": "X1", "subject": F.reference("Patient/P1")])]))
        #expect(d.report.problems.isEmpty)
        #expect(d.report[.fhir] == ImportCounts(read: 3, accepted: 3))
        #expect(d.assessed(F.cpr) == [Assessed("Vaske sig", "2024-01-10", 3)])
    }

    @Test("dangling references reject their resource, naming the field and the kind referred to, never the id", arguments: [
        ("addresses[0].reference refers to a Condition that is not in the report", F.goal(condition: "0101019999", target: 1)),
        ("extension[0].valueReference.reference refers to a CarePlan that is not in the report", F.delivery(carePlans: ["CP-gone"])),
        ("subject.reference refers to a Patient that is not in the report", Self.setting(F.carePlan(), "subject", to: F.reference("Patient/P2"))),
        ("focus[1].reference refers to a resource that is not in the report", F.followUp(conditions: ["C1", "x"], date: "2024-01-10")),
    ] as [(String, JSONValue)])
    func danglingReferences(message: String, resource: JSONValue) throws {
        var resource = resource
        if message.hasPrefix("focus") {
            // A reference that names no resource type: `x` alone.
            resource = Self.setting(resource, "focus", to: [F.reference("Condition/C1"), F.reference("x")])
        }
        let d = Self.load("refs.ndjson", F.ndjson([Self.report(with: resource)]))
        let problem = try #require(d.report.problems.first)
        #expect(d.report.problems.count == 1)
        #expect(problem.message == message + "; every reference must point to an entry of the same report")
        #expect(problem.reason == "missing reference")
        for id in ["0101019999", "CP-gone", "P2"] { #expect(!problem.description.contains(id)) }
        #expect(d.report[.fhir] == ImportCounts(read: 3, accepted: 2, rejected: 1))
    }

    @Test("ids and references that are CPR numbers never reach a problem: places are positions")
    func cprShapedIDs() {
        let cpr = "1111111118", other = "121212-9999"
        let report = F.report(id: cpr, timestamp: "2024-01-10T20:00:00Z", [
            F.patient(id: other), F.condition(id: cpr, level: 3, patient: other),
            F.goal(id: other, condition: "0303031234", target: 9), F.carePlan(id: cpr, code: other),
            F.delivery(id: other, carePlans: [cpr], start: "2024-01-16T08:00:00Z", end: "2024-01-15T08:00:00Z"),
        ])
        let d = Self.load("cpr.ndjson", F.ndjson([report, F.patient(id: cpr)]))
        // Three resources refer to Patient/P1, which is not in the report, and a line is a Patient.
        #expect(d.report.problems.map(\.column) == ["entry 3 (Goal)", "entry 4 (CarePlan)", "entry 5 (Encounter)", "(line)"])
        for p in d.report.problems {
            for id in [cpr, other, "1212129999", "0303031234"] { #expect(!p.column.contains(id) && !p.message.contains(id), "\(p)") }
        }
        #expect(d.report[.fhir].balances)
    }

    @Test("the same id twice in a report is two versions of one resource: the later entry wins, the earlier is superseded")
    func duplicateIDs() {
        let d = Self.load("dup.ndjson", F.ndjson([F.report(timestamp: "2024-01-10T20:00:00Z", [
            F.patient(), F.condition(id: "C1", level: 3), F.condition(id: "C1", level: 3), F.carePlan(), F.carePlan(start: "2024-01-20"),
        ])]))
        #expect(d.report.problems.isEmpty)
        #expect(d.report[.fhir] == ImportCounts(read: 5, accepted: 3, superseded: 2))
        #expect(d.courseSpans == ["2024-01-20.."])
    }

    @Test("20,000 versions of one condition and goal in one report import in linear time")
    func manyDuplicates() {
        var resources: [JSONValue] = [F.patient()]
        for k in 0..<10_000 {
            resources.append(F.condition(id: "C1", level: 1 + k % 3, lastUpdated: "2024-01-10T10:00:00Z"))
            resources.append(F.goal(id: "G1", target: k % 2, start: "2024-01-10"))
        }
        let start = Date()
        let d = Self.load("many.ndjson", F.ndjson([F.report(timestamp: "2024-01-10T20:00:00Z", resources)]))
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(d.report.problems.isEmpty)
        #expect(d.report[.fhir].read == 20_001 && d.report[.fhir].balances)
        #expect(d.assessed(F.cpr).map(\.level) == [1])  // the last version: 10,000th, 1 + 9,999 % 3
    }

    @Test("a visit delivering one intervention 100,000 times is priced with one look-up and split evenly")
    func oneInterventionManyTimes() {
        let visit = F.delivery(carePlans: Array(repeating: "CP1", count: 100_000), start: "2024-01-16T08:00:00Z", end: "2024-01-16T09:00:00Z")
        let d = Self.load("visit.ndjson", F.ndjson([F.report(timestamp: "2024-01-16T20:00:00Z", [F.patient(), F.carePlan(service: "Rengøring"), visit])]))
        #expect(d.report.problems.isEmpty)
        #expect(d.report[.costs].read == 100_000)
        let hours = d.costs?.hours.reduce(0, +) ?? 0
        #expect(abs(hours - 1) < 1e-9)
    }

    @Test("a line of 100 MB is one problem, not parsed; the lines around it are read")
    func hundredMegabyteLine() throws {
        var bytes = Array(Self.goodLine.utf8)
        bytes += Array("{\"resourceType\":\"Bundle\",\"note\":\"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 100_000_000) + Array("\"}\n".utf8)
        bytes += Array(F.ndjson([F.report(timestamp: "2024-02-10T20:00:00Z", [F.patient(), F.condition(level: 2)])]).utf8)
        let d = Self.load("big.ndjson", bytes)
        let problem = try #require(d.report.problems.first)
        #expect(d.report.problems.count == 1)
        #expect(problem.line == 2 && problem.reason == "too large")
        #expect(problem.message == "the line is 100.0 MB, more than the 64 MiB one JSON document may have; write one delivery report per line (NDJSON) instead; the line is not read")
        #expect(d.assessed(F.cpr).map(\.level) == [3, 2])
        #expect(d.report[.fhir] == ImportCounts(read: 4, accepted: 3, superseded: 1))
    }

    @Test("a .json file over the limit is one problem; one over the limit holding a report per line is read by lines")
    func largeJSONFile() throws {
        let filler = [UInt8](repeating: 0x20, count: FHIRImport.maximumDocumentBytes)
        let whole = Self.load("big.json", Array("{\"resourceType\": \"Bundle\",".utf8) + filler + Array("\"id\": \"x\"}".utf8))
        #expect(whole.report.problems.map(\.reason) == ["too large"])
        #expect(whole.report.problems.first?.message.hasSuffix("; the file is not read") == true)
        let lines = Self.load("lines.json", Array(Self.goodLine.utf8) + filler + Array("\n".utf8) + Array(Self.goodLine.utf8))
        #expect(lines.report.problems.isEmpty)
        #expect(lines.report[.fhir] == ImportCounts(read: 4, accepted: 2, superseded: 2))
    }

    @Test("a line with a lone carriage return before its error is named by its own line number")
    func loneCarriageReturn() throws {
        let d = Self.load("cr.ndjson", Self.goodLine + "{\"resourceType\":\r\"Bundle\",}\n" + Self.goodLine)
        let problem = try #require(d.report.problems.first)
        #expect(problem.line == 2)
        #expect(problem.message == "invalid JSON: unexpected character '}'; expected a string key in object; the line is not read")
    }

    @Test("a visit of 10,000 years or one ending before it starts is rejected with its reason; the minutes of the rest are priced")
    func extremeVisits() {
        let d = Self.load("visits.ndjson", F.ndjson([F.report(timestamp: "2024-01-16T20:00:00Z", [
            F.patient(), F.carePlan(),
            F.delivery(id: "E1", start: "0001-01-01T00:00:00Z", end: "9999-12-30T00:00:00Z"),
            F.delivery(id: "E2", start: "2024-01-16T09:00:00Z", end: "2024-01-16T08:00:00Z"),
            F.delivery(id: "E3", start: "2024-01-16T08:00:00Z", end: "2024-01-17T08:00:01Z"),
            F.delivery(id: "E4", start: "2024-01-16T08:00:00Z", end: "2024-01-17T08:00:00Z"),
        ])]))
        #expect(d.report.problems.map(\.reason) == ["visit too long", "end before start", "visit too long"])
        #expect(d.report.problems.first?.message.hasPrefix("the visit lasts 87649368 hours (period.start to period.end); a delivery longer than 24 hours") == true)
        #expect(d.costs?.hours == [24])
        #expect(d.report[.fhir] == ImportCounts(read: 6, accepted: 3, rejected: 3))
    }

    @Test("a team or service name over 1024 bytes rejects its report or visit, unmatched against the rates; the rest is read")
    func longNames() {
        let long = String(repeating: "n", count: 2_000)
        let team = F.report(timestamp: "2024-01-09T20:00:00Z", [F.patient(team: long), F.condition(level: 4)])
        let visit = F.report(timestamp: "2024-01-16T20:00:00Z", [F.patient(), F.carePlan(service: long), F.delivery()])
        let d = Self.load("names.ndjson", F.ndjson([team, visit, Self.good]))
        #expect(d.report.problems.map(\.reason) == ["bad team", "bad service"])
        #expect(d.report.problems.map(\.column) == ["entry 1 (Patient)", "entry 3 (Encounter)"])
        #expect(d.report.problems[0].message == "the Patient's managingOrganization names a team of 2000 bytes; a team is named in at most 1024; its 2 entries are not imported")
        #expect(d.report[.fhir] == ImportCounts(read: 7, accepted: 3, rejected: 3, superseded: 1))  // the Patient re-sent
        #expect(d.teams.names.allSatisfy { $0.utf8.count <= 1024 })
    }

    @Test("a code, a level, a reference and a fullUrl of 5 MB of non-ASCII text are unknown at once, never hashed or normalised")
    func hugeKeys() {
        let huge = String(repeating: "æ\u{301}", count: 5 << 20 / 4)
        var condition = Self.setting(F.condition(id: "C2", code: "J1.2", level: 2), "code", to: F.fsiii(huge))
        var level = Self.setting(F.condition(id: "C3", code: "J1.3", level: 2), "severity", to: F.fsiii(huge))
        let goal = Self.setting(F.goal(target: 1), "addresses", to: [F.reference(huge)])
        condition = Self.setting(condition, "meta", to: nil)
        level = Self.setting(level, "meta", to: nil)
        var report = Self.report(with: goal)
        if case .object(var o) = report, var entries = o["entry"]?.array {
            entries.append(["fullUrl": .string(huge), "resource": condition])
            entries.append(["resource": level])
            o["entry"] = .array(entries)
            report = .object(o)
        }
        let start = Date()
        let d = Self.load("keys.ndjson", F.ndjson([report]))
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(d.report.problems.map(\.reason) == ["unknown condition", "bad level", "missing reference"])
        #expect(d.report.problems.allSatisfy { $0.description.utf8.count < 400 })
        #expect(d.report[.fhir] == ImportCounts(read: 5, accepted: 2, rejected: 3))
    }

    @Test("an NDJSON file of 50,000 lines that are not reports: one problem each, every line named")
    func manyBadLines() {
        let d = Self.load("ones.ndjson", String(repeating: "1\n", count: 50_000))
        #expect(d.report.problems.count == 50_000)
        #expect(d.report.problems.last?.line == 50_000)
        #expect(d.report.problems.last?.message.hasPrefix("not a KL Gateway delivery report: the JSON text is a number, not an object") == true)
    }
}
