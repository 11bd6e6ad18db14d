import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
@testable import FSIIIBytes
import FSIIITestSupport

/// The JSON report of the bundled sample data, checked in as expected
/// output (issue 3). Regenerate it only on purpose, after a change that is
/// meant to change figures:
///
///     FSIII_UPDATE_EXPECTED=1 swift test --filter SampleReportTests
///
/// then review the diff of Tests/FSIIIEndToEndTests/Fixtures/sample-report.json.
@Suite("Sample data report")
struct SampleReportTests {
    static let expected = Fixtures.fixtureFolder().appendingPathComponent("sample-report.json")

    static func report(_ folder: String) throws -> JSONValue {
        let dataset = try DatasetLoader.load([InputPath(Fixtures.packageRoot.appendingPathComponent(folder).path)],
                                             options: ImportOptions())
        return ReportJSON.value(EffectReporter.report(dataset))
    }

    @Test("fsiii report SampleData --format json equals the checked-in report")
    func sampleReport() throws {
        let actual = try Self.report("SampleData")
        if ProcessInfo.processInfo.environment["FSIII_UPDATE_EXPECTED"] == "1" {
            try Data((JSONWriter(pretty: true).write(actual) + "\n").utf8).write(to: Self.expected)
            Issue.record("regenerated \(Self.expected.path); review the diff and run again without FSIII_UPDATE_EXPECTED")
            return
        }
        let expected = try JSONParser.parse([UInt8](Data(contentsOf: Self.expected)))
        let differences = ReportComparison.differences(expected: expected, actual: actual, relative: 1e-12, costRelative: 1e-12)
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
        // And nothing more than expected: compared the other way round too.
        let extra = ReportComparison.differences(expected: actual, actual: expected, relative: 1e-12, costRelative: 1e-12)
        #expect(extra.isEmpty, "\(extra.prefix(20).joined(separator: "\n"))")
    }

    @Test("the KL Gateway form of the sample gives the same figures")
    func klGatewayForm() throws {
        let csv = try Self.report("SampleData"), fhir = try Self.report("SampleData/klgateway")
        for key in ["groups", "total", "phi"] {
            let differences = ReportComparison.differences(expected: try #require(csv[key]), actual: try #require(fhir[key]), relative: 1e-12, costRelative: 1e-9)
            #expect(differences.isEmpty, "\(key): \(differences.prefix(10).joined(separator: "\n"))")
        }
    }
}
