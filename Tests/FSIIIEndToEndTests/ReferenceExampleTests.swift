import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
@testable import FSIIIBytes
import FSIIITestSupport

/// The worked examples of `../shared/reference/examples/`: inputs with the
/// report SPEC.md gives for them (groups by team, default options,
/// `--min-cell 5`). Figures compare to 1e-9 relative, cost figures to 1e-7.
/// The expected reports show the figures of suppressed groups too, with
/// `"suppressed": true`; we compare them with `revealSuppressed`.
@Suite("Reference examples reproduce their expected reports")
struct ReferenceExampleTests {
    static func example(_ name: String) -> URL? {
        ReferenceFiles.directory?.appendingPathComponent("examples").appendingPathComponent(name)
    }

    static func check(_ name: String) throws {
        let folder = try #require(example(name))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        let dataset = try DatasetLoader.load(files.map { InputPath(folder.appendingPathComponent($0).path) }, options: ImportOptions())
        for kind in InputKind.allCases { #expect(dataset.report[kind].balances, "\(kind) accounting balances") }
        let report = EffectReporter.report(dataset)
        let expected = try JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("expected.json"))))
        let actual = ReportJSON.value(report, revealSuppressed: true)
        let differences = ReportComparison.differences(expected: expected, actual: actual)
        #expect(differences.isEmpty, "\(differences.prefix(30).joined(separator: "\n"))")
    }

    @Test("tiny: two citizens, three courses, every rule of §4–§7",
          .enabled(if: example("tiny") != nil, "../shared/reference/examples not found: skipped"))
    func tiny() throws { try Self.check("tiny") }

    @Test("medium: 300 citizens, 12 teams, costs, every kind of bad row",
          .enabled(if: example("medium") != nil, "../shared/reference/examples not found: skipped"))
    func medium() throws { try Self.check("medium") }
}
