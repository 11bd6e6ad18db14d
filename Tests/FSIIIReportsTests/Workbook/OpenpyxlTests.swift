import Foundation
import Testing
@testable import FSIIIBytes
@testable import FSIIIEffect
@testable import FSIIIReports
import FSIIITestSupport

/// The report workbook read by a real spreadsheet reader, openpyxl
/// (`pip install openpyxl`; `.ci/run` installs it), through
/// `scripts/read-xlsx.py`: the group sheet's typed numbers equal the JSON
/// report's, shares carry the percent format, the period reads as dates,
/// the header is frozen and filtered. Where openpyxl is not installed the
/// test is skipped with a message saying so.
@Suite("The workbook opens in openpyxl with the JSON report's figures")
struct OpenpyxlTests {
    /// `$PYTHON`, else python3 on PATH (where pip installs for it).
    static let python: String? = ProcessInfo.processInfo.environment["PYTHON"].flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
        ?? ChromiumScreenshotTests.executable("python3")

    static let openpyxlAvailable: Bool = {
        guard let python else { return false }
        let available = (try? ChromiumScreenshotTests.run(python, ["-c", "import openpyxl"], timeout: 60).status) == 0
        if !available { print("openpyxl is not installed (pip install openpyxl): the openpyxl workbook test is skipped") }
        return available
    }()

    @Test("openpyxl reads typed numbers equal to the JSON report's, percent and date formats, frozen header, filter",
          .enabled(if: openpyxlAvailable, "openpyxl is not installed (pip install openpyxl): skipped"),
          .enabled(if: SampleReport.shared != nil, "sample data could not be generated"))
    func openpyxlReads() throws {
        let report = try #require(SampleReport.shared).report
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ReportWorkbook.write(report, language: .da, toFile: path)   // the public entry point
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/read-xlsx.py").path
        let result = try ChromiumScreenshotTests.run(try #require(Self.python), [script, path], timeout: 120)
        try #require(result.status == 0, "read-xlsx.py failed")
        let read = try JSONParser.parse(Array(result.output.utf8))
        let sheets = try #require(read["sheets"]?.array)
        let group = try #require(sheets.first)
        #expect(group["name"]?.string == "Effekt")
        #expect(group["freeze"]?.string == "A2")
        #expect(group["filter"]?.string?.hasPrefix("A1:") == true)
        let rows = try #require(group["rows"]?.array)
        let formats = try #require(group["formats"]?.array)
        let keys = ReportCSV.table(report).columns
        let json = ReportJSON.value(report)
        let objects = (json["groups"]?.array ?? []) + [try #require(json["total"])]
        #expect(rows.count == objects.count + 1)
        var compared = 0
        for (i, object) in objects.enumerated() {
            let row = try #require(rows[i + 1].array)
            for (j, key) in keys.enumerated() {
                let expected = key.hasPrefix("not_evaluable_") ? object["not_evaluable"]?[String(key.dropFirst("not_evaluable_".count))]
                    : key.hasPrefix("models_") ? object["models"]?[String(key.dropFirst("models_".count))] : object[key]
                let actual = j < row.count ? row[j] : .null
                switch try #require(expected) {
                case .null: #expect(actual.isNull, "row \(i + 2) \(key): \(actual)")
                case .integer(let n): #expect(actual.int == n, "row \(i + 2) \(key)"); compared += 1
                case .number(let x): #expect(actual.double == x, "row \(i + 2) \(key): \(actual) vs \(x)"); compared += 1
                case .bool(let b): #expect(actual.bool == b, "row \(i + 2) \(key)")
                case .string(let s): #expect(actual.string == s, "row \(i + 2) \(key)")
                default: break
                }
            }
        }
        #expect(compared > 100)
        let share = try #require(keys.firstIndex(of: "improved_share"))
        #expect(formats[1][share]?.string == "0.0%")
        let about = try #require(sheets.first { $0["name"]?.string == "Om tallene" })
        let aboutRows = try #require(about["rows"]?.array)
        let period = try #require(report.period)
        #expect(aboutRows.contains { $0[1]?.string == period.lowerBound.iso })
    }
}
