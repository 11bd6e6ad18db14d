import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIISampleData

/// The same small data set written as CSV files and as KL Gateway reports
/// gives the same report: same courses, assessments, goals and minutes
/// (SPEC §9 read against §3).
@Suite("FHIR and CSV forms of one data set")
struct FHIRCSVEquivalenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var citizens: Int
        var costs: SampleSpec.CostDetail
        var badRows: Bool
        var testDescription: String { "\(citizens) citizens, \(costs.rawValue) costs\(badRows ? ", bad rows" : "")" }
    }

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-equivalence-\(UUID().uuidString)")
    }

    /// The report without its `import` object (the accounting of the two
    /// forms differs by design: rows versus resources).
    static func figures(_ dataset: Dataset, by grouping: Grouping, harmonize: Bool = false) -> JSONValue {
        var options = ReportOptions()
        options.grouping = grouping
        if harmonize { options.harmonize = .builtIn }
        guard case .object(var root) = ReportJSON.value(EffectReporter.report(dataset, options: options), revealSuppressed: true) else { return .null }
        root["import"] = nil
        // The switch markers by municipality read the assessments' municipality,
        // which KL Gateway reports do not carry (docs/RULES.md): compared by team only.
        if case .object(var markers)? = root["model_switch"] {
            markers["municipalities"] = nil
            root["model_switch"] = .object(markers)
        }
        // KL Gateway reports name no municipality (SPEC §9), so the cost
        // concentration per municipality differs by design; the rest must not.
        if case .object(var c)? = root["cost_concentration"] {
            c["by_municipality"] = nil
            root["cost_concentration"] = .object(c)
        }
        return .object(root)
    }

    @Test("clean sample data: identical reports by team, month and condition",
          arguments: [Case(citizens: 120, costs: .weekly, badRows: false), Case(citizens: 16, costs: .daily, badRows: false),
                      Case(citizens: 80, costs: .weekly, badRows: true)])
    func identical(_ c: Case) throws {
        var spec = SampleSpec()
        spec.citizens = c.citizens
        spec.seed = 11
        spec.badRows = c.badRows
        spec.costDetail = c.costs
        let generator = SampleGenerator(spec)
        let base = Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let csv = base.appendingPathComponent("csv").path, fhir = base.appendingPathComponent("fhir").path
        _ = try SampleCSVWriter.write(generator, to: csv)
        let written = try SampleFHIRWriter.write(generator, to: fhir)
        #expect(written.citizens == c.citizens)

        let options = ImportOptions()
        let fromCSV = try DatasetLoader.load([InputPath(csv)], options: options)
        let fromFHIR = try DatasetLoader.load([InputPath(fhir)], options: options)
        #expect(fromFHIR.report.problems.isEmpty, "\(fromFHIR.report.problems.prefix(5))")
        for kind in InputKind.allCases { #expect(fromFHIR.report[kind].balances, "\(kind): \(fromFHIR.report[kind].identity)") }
        #expect(fromFHIR.report[.fhir].read > 0)
        #expect(fromFHIR.assessments.count == fromCSV.assessments.count)
        #expect(fromFHIR.courses.count == fromCSV.courses.count)
        #expect(fromFHIR.costs?.count == fromCSV.costs?.count)
        if fromCSV.report[.assessments].removed > 0 { #expect(fromFHIR.report[.fhir].removed > 0, "entered-in-error rows are sent as FHIR errors") }

        for grouping in [Grouping.team, .month, .condition] {
            let expected = Self.figures(fromCSV, by: grouping), actual = Self.figures(fromFHIR, by: grouping)
            let differences = ReportComparison.differences(expected: expected, actual: actual)
                + ReportComparison.differences(expected: actual, actual: expected)
            #expect(differences.isEmpty, "--by \(grouping): \(differences.prefix(20).joined(separator: "\n"))")
        }
    }

    @Test("with a model switch and --harmonize simplified: the KL Gateway reports give the CSV's figures, by team and by harmonised condition")
    func identicalHarmonised() throws {
        var spec = SampleSpec()
        spec.citizens = 150
        spec.seed = 5
        spec.badRows = false
        spec.costDetail = .none
        spec.switchDate = Day(year: 2024, month: 3, day: 1)
        let generator = SampleGenerator(spec)
        let base = Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let csv = base.appendingPathComponent("csv").path, fhir = base.appendingPathComponent("fhir").path
        _ = try SampleCSVWriter.write(generator, to: csv)
        _ = try SampleFHIRWriter.write(generator, to: fhir)
        let fromCSV = try DatasetLoader.load([InputPath(csv)]), fromFHIR = try DatasetLoader.load([InputPath(fhir)])
        for grouping in [Grouping.team, .condition] {
            let expected = Self.figures(fromCSV, by: grouping, harmonize: true), actual = Self.figures(fromFHIR, by: grouping, harmonize: true)
            let differences = ReportComparison.differences(expected: expected, actual: actual)
                + ReportComparison.differences(expected: actual, actual: expected)
            #expect(differences.isEmpty, "--by \(grouping): \(differences.prefix(20).joined(separator: "\n"))")
            #expect(expected["crosswalk"]?["mapped_assessments"]?.int ?? 0 > 0)
        }
        // --by condition groups only simplified-model conditions once harmonised.
        let byCondition = EffectReporter.report(fromCSV, options: { var o = ReportOptions(); o.grouping = .condition; o.harmonize = .builtIn; o.minCell = 0; return o }())
        let simplified = Set(Terminology.builtIn.conditions.filter(\.simplifiedModel).map(\.display))
        #expect(!byCondition.groups.isEmpty && byCondition.groups.allSatisfy { simplified.contains($0.group) }, "\(byCondition.groups.map(\.group))")
    }
}
