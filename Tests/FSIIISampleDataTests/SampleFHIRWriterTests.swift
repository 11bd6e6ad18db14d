import Foundation
import Testing
@testable import FSIIISampleData
@testable import FSIIIEffect
@testable import FSIIIBytes

/// `fsiii generate --format fhir`: KL Gateway delivery reports, one per
/// line, several per citizen over time, timestamps in UTC.
@Suite("Sample data as KL Gateway reports")
struct SampleFHIRWriterTests {
    @Test("one delivery report per line, several per citizen, UTC timestamps, importable without a problem")
    func reports() throws {
        var spec = SampleSpec()
        spec.citizens = 12
        spec.costDetail = .weekly
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-fhir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try SampleFHIRWriter.write(SampleGenerator(spec), to: folder.path)
        let text = try String(contentsOf: folder.appendingPathComponent(SampleFHIRWriter.fileName), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == summary.reports)
        #expect(summary.bytes == text.utf8.count)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("rates.csv").path))

        var perCitizen: [String: Int] = [:]
        var previous: [String: String] = [:]
        for line in lines {
            let report = try JSONParser.parse(String(line))
            guard case .success(.report) = KLGatewayDocument.kind(of: report) else {
                Issue.record("not a delivery report: \(line.prefix(120))")
                continue
            }
            let timestamp = try #require(report["timestamp"]?.string)
            #expect(timestamp.hasSuffix("Z") && FHIRInstant(timestamp) != nil)
            let cpr = try #require(report["entry"]?[0]?["resource"]?["identifier"]?[0]?["value"]?.string)
            #expect(cpr.count == 10 && cpr.allSatisfy(\.isNumber))
            perCitizen[cpr, default: 0] += 1
            // A citizen's reports come oldest first, one per day.
            if let before = previous[cpr] { #expect(before < timestamp) }
            previous[cpr] = timestamp
        }
        #expect(perCitizen.count == spec.citizens)
        #expect(perCitizen.values.allSatisfy { $0 >= 3 })

        let d = try DatasetLoader.load([InputPath(folder.path)], options: ImportOptions())
        #expect(d.report.problems.isEmpty, "\(d.report.problems.prefix(5))")
        #expect(d.report[.fhir].balances)
        #expect(d.report[.fhir].superseded > 0, "re-sent resources are exercised")
        #expect(d.courses.count > 0 && d.costs?.count ?? 0 > 0 && d.followUps.count > 0)
    }

    @Test("the same spec writes the same bytes")
    func deterministic() throws {
        var spec = SampleSpec()
        spec.citizens = 5
        spec.costDetail = .weekly
        let generator = SampleGenerator(spec)
        var a = [UInt8](), b = [UInt8]()
        for i in 0..<spec.citizens {
            _ = SampleFHIRWriter.reports(generator.citizen(i), generator: generator, into: &a)
            _ = SampleFHIRWriter.reports(generator.citizen(i), generator: generator, into: &b)
        }
        #expect(a == b)
        #expect(!a.isEmpty)
    }
}
