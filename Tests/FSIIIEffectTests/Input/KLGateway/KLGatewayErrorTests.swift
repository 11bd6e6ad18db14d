import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport
@testable import FSIIIBytes

/// Bad KL Gateway input: each problem names the file (and line of an
/// NDJSON file) and the resource, rejects only what it is about, and never
/// holds a CPR number; the rest of the file still imports.
@Suite("KL Gateway bad input")
struct KLGatewayErrorTests {
    typealias F = KLFixture
    let cpr = KLFixture.cpr

    static let good = F.report(timestamp: "2024-01-10T20:00:00Z", [F.patient(), F.condition(level: 3)])

    func expectNoCPR(_ d: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
        for p in d.report.problems {
            #expect(!p.description.contains(cpr) && !p.description.contains("020345-1234"), "\(p)", sourceLocation: sourceLocation)
        }
    }

    @Test("invalid JSON on one line: a problem with file and line, the other lines import")
    func invalidJSONLine() throws {
        let text = F.ndjson([Self.good]) + "{\"resourceType\": \"Bundle\", \n" + F.ndjson([F.report(timestamp: "2024-02-01T12:00:00Z", [F.patient(), F.condition(level: 2)])])
        let d = F.load([(name: "reports.ndjson", text: text)])
        let problem = try #require(d.report.problems.first)
        #expect(d.report.problems.count == 1)
        #expect(problem.file == "reports.ndjson" && problem.line == 2)
        #expect(problem.message.contains("invalid JSON"))
        #expect(d.assessed(cpr).count == 2)
        #expect(d.report.files.first?.rows == 2)
    }

    @Test("a JSON file that is not a delivery report (an expected.json) gives one clear problem; the run goes on")
    func notAReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("klgateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("citizen;date;condition;level\n0203451234;2024-01-10;Vaske sig;3\n".utf8).write(to: folder.appendingPathComponent("assessments.csv"))
        try Data("{\"import\": {\"read\": 1}, \"groups\": []}".utf8).write(to: folder.appendingPathComponent("expected.json"))
        let d = try DatasetLoader.load([InputPath(folder.path)], options: ImportOptions())
        #expect(d.report.problems.count == 1)
        let problem = try #require(d.report.problems.first)
        #expect(problem.file.hasSuffix("expected.json"))
        #expect(problem.message.hasPrefix("not a KL Gateway delivery report"))
        #expect(problem.reason == "not a delivery report")
        #expect(d.report.unreadableFiles == 1)
        #expect(d.assessments.count == 1)
    }

    @Test("a line holding a resource, not a report, and an incremental delivery entry that is no report, are named")
    func notAReportLine() throws {
        let text = F.ndjson([F.patient(), Self.good, F.incremental([F.condition()])])
        let d = F.load([(name: "mixed.ndjson", text: text)])
        #expect(d.report.problems.map(\.line) == [1, 3])
        #expect(d.report.problems[0].message.contains("it is a FHIR Patient, not a Bundle"))
        #expect(d.report.problems[1].column == "entry 1 (Condition)")
        #expect(d.assessed(cpr).count == 1)
    }

    @Test("a reference to a resource missing from the report rejects that resource, named by its place and field, never its id")
    func missingReference() throws {
        let d = F.load([F.report(timestamp: "2024-01-10T20:00:00Z", [F.patient(), F.condition(level: 3), F.goal(condition: "NOPE", target: 1)])])
        let problem = try #require(d.report.rejected.first)
        #expect(problem.column == "entry 3 (Goal)")
        #expect(problem.message.hasPrefix("addresses[0].reference refers to a Condition that is not in the report"))
        #expect(!problem.description.contains("NOPE") && !problem.description.contains("G1"))
        #expect(problem.line == 1)
        #expect(d.assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3)])
        #expect(d.report[.fhir] == ImportCounts(read: 3, accepted: 2, rejected: 1))
    }

    @Test("an unknown FSIII condition code rejects that condition with the code in the message")
    func unknownCode() throws {
        let d = F.load([F.report(timestamp: "2024-01-10T20:00:00Z", [F.patient(), F.condition(level: 3), F.condition(id: "C2", code: "J9.9")])])
        let problem = try #require(d.report.rejected.first)
        #expect(problem.column == "entry 3 (Condition)")
        #expect(problem.message.contains("unknown FSIII condition code \"J9.9\""))
        #expect(problem.reason == "unknown condition")
        #expect(d.assessed(cpr).count == 1)
    }

    @Test("a report whose Patient has no CPR number is rejected whole, the next one imports")
    func missingCPR() throws {
        let d = F.load([F.report(timestamp: "2024-01-09T20:00:00Z", [F.patient(cpr: nil), F.condition(level: 4)]), Self.good])
        let problem = try #require(d.report.rejected.first)
        #expect(problem.column == "entry 1 (Patient)")
        #expect(problem.line == 1)
        #expect(problem.reason == "missing citizen")
        #expect(d.assessed(cpr) == [Assessed("Vaske sig", "2024-01-10", 3)])
        #expect(d.report[.fhir] == ImportCounts(read: 4, accepted: 2, rejected: 2))
        expectNoCPR(d)
    }

    @Test("levels, dates and times that cannot be read: each named, the rest imports")
    func badValues() throws {
        var badSeverity = F.condition(id: "C2", code: "J1.2", level: nil)
        if case .object(var o) = badSeverity { o["severity"] = F.fsiii("B9"); badSeverity = .object(o) }
        let d = F.load([F.report(timestamp: "2024-01-10T20:00:00Z", [
            F.patient(), F.condition(level: 3), badSeverity, F.condition(id: "C3", code: "J1.3", level: nil),
            F.condition(id: "C4", code: "J1.4", level: 2, lastUpdated: "yesterday"),
            F.carePlan(), F.delivery(end: nil),
        ])])
        #expect(d.report.rejected.map(\.column) == ["entry 3 (Condition)", "entry 4 (Condition)", "entry 5 (Condition)", "entry 7 (Encounter)"])
        #expect(d.report.rejected.map(\.reason) == ["bad level", "missing level", "bad timestamp", "missing time"])
        #expect(d.assessed(cpr).count == 1)
        #expect(d.courses.count == 1)
        #expect(d.report[.fhir].balances)
        expectNoCPR(d)
    }

    @Test("a report without a timestamp cannot be ordered and is rejected whole")
    func missingTimestamp() throws {
        var report = Self.good
        if case .object(var o) = report { o["timestamp"] = nil; report = .object(o) }
        let d = F.load([report])
        #expect(d.report.rejected.map(\.reason) == ["bad timestamp"])
        #expect(d.report[.fhir] == ImportCounts(read: 2, rejected: 2))
    }

    @Test("an empty file: one warning that it holds no reports", arguments: ["empty.ndjson", "empty.json"])
    func emptyFile(name: String) {
        let d = F.load([(name: name, text: name.hasSuffix(".json") ? "" : "\n\n")])
        #expect(d.report.problems.count == 1)
        #expect(d.report.problems.first?.file == name)
        #expect(d.report.unreadableFiles == 1)
        #expect(d.report[.fhir].read == 0)
    }

    @Test("a folder of many small report files is read one file at a time")
    func folderOfReports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("klgateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Day(year: 2024, month: 1, day: 1)!
        for k in 0..<60 {
            let report = F.report(timestamp: (start + k).iso + "T12:00:00Z", [F.patient(), F.condition(level: 4 - k / 15)])
            try Data(JSONWriter().write(report).utf8).write(to: folder.appendingPathComponent("report-\(k).json"))
        }
        let d = try DatasetLoader.load([InputPath(folder.path)], options: ImportOptions())
        #expect(d.report.files.count == 60)
        #expect(d.assessed(cpr).map(\.level) == [4, 3, 2, 1])
        #expect(d.report[.fhir] == ImportCounts(read: 120, accepted: 5, superseded: 115))
    }
}
