import Foundation
import Testing
@testable import FSIIIBytes
@testable import FSIIIEffect
@testable import FSIIIReports

/// The workbook of `fsiii report --format xlsx` (issue 22), read back:
/// the zip structure, the package parts, well-formed XML, and every cell
/// of the group sheet equal to the JSON report's figure.
@Suite("Excel workbook of the report")
struct ReportWorkbookTests {
    static func workbook(_ report: EffectReport, language: Language = .da, canOverwrite: Bool = true) throws -> [UInt8] {
        let sink = MemoryZipSink(canOverwrite: canOverwrite)
        try ReportWorkbook.write(report, language: language, to: sink)
        return sink.bytes
    }

    @Test("the package parts, content types and relationships are all there and agree",
          .enabled(if: SampleReport.shared != nil, "sample data could not be generated"))
    func structure() throws {
        let report = try #require(SampleReport.shared).report
        for canOverwrite in [true, false] {
            let book = try WorkbookReading(try Self.workbook(report, canOverwrite: canOverwrite))
            let names = Set(book.zip.names)
            for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"] {
                #expect(names.contains(part), "\(part) missing")
            }
            // Every part is well-formed XML.
            for name in book.zip.names { _ = try WorkbookReading.parse(try WorkbookReading.entry(book.zip, name)) }
            let types = try WorkbookReading.parse(try WorkbookReading.entry(book.zip, "[Content_Types].xml"))
            let overrides = Dictionary(uniqueKeysWithValues: types.filter { $0.name == "Override" }.map { ($0.attributes["PartName"]!, $0.attributes["ContentType"]!) })
            #expect(overrides["/xl/workbook.xml"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
            #expect(overrides["/xl/styles.xml"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")
            let sheets = book.zip.names.filter { $0.hasPrefix("xl/worksheets/") }
            #expect(sheets.count == book.sheetNames.count)
            for s in sheets { #expect(overrides["/" + s] == "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml") }
            #expect(types.contains { $0.name == "Default" && $0.attributes["Extension"] == "rels" })
            // The package relationship points at the workbook; the workbook's at each sheet and the styles.
            let root = try WorkbookReading.parse(try WorkbookReading.entry(book.zip, "_rels/.rels")).filter { $0.name == "Relationship" }
            #expect(root.map { $0.attributes["Target"] } == ["xl/workbook.xml"])
            let rels = try WorkbookReading.parse(try WorkbookReading.entry(book.zip, "xl/_rels/workbook.xml.rels")).filter { $0.name == "Relationship" }
            let targets = Dictionary(uniqueKeysWithValues: rels.map { ($0.attributes["Id"]!, $0.attributes["Target"]!) })
            let sheetElements = try WorkbookReading.parse(try WorkbookReading.entry(book.zip, "xl/workbook.xml")).filter { $0.name == "sheet" }
            for s in sheetElements {
                let target = try #require(targets[s.attributes["r:id"] ?? ""])
                #expect(names.contains("xl/" + target), "\(target) is not in the archive")
            }
            #expect(targets.values.contains("styles.xml"))
            #expect(book.sheetNames.first == "Effekt")
            #expect(book.sheetNames.contains("Om tallene") && book.sheetNames.contains("Indlæsning") && book.sheetNames.contains("Afviste rækker"))
            // Frozen header and autofilter on the group sheet.
            let sheet1 = try WorkbookReading.parse(try WorkbookReading.entry(book.zip, "xl/worksheets/sheet1.xml"))
            #expect(sheet1.contains { $0.name == "pane" && $0.attributes["state"] == "frozen" && $0.attributes["ySplit"] == "1" })
            #expect(sheet1.contains { $0.name == "autoFilter" && $0.attributes["ref"] == "A1:\(XLSXWriter.columnName(ReportCSV.table(report).columns.count - 1))\(report.groups.count + 2)" })
            #expect(sheet1.filter { $0.name == "col" }.count == ReportCSV.table(report).columns.count)
        }
    }

    /// Every cell of the group sheet against the JSON report: numbers typed
    /// and equal to the last bit, text equal, null as an absent cell.
    @discardableResult
    static func checkGroupSheet(_ report: EffectReport) throws -> Int {
        let book = try WorkbookReading(try workbook(report))
        let cells = try book.cells(sheet: 1)
        let keys = ReportCSV.table(report).columns
        let json = ReportJSON.value(report)
        let objects = (json["groups"]?.array ?? []) + [try #require(json["total"])]
        #expect(objects.count == report.groups.count + 1)
        var numbers = 0
        for (i, object) in objects.enumerated() {
            for (j, key) in keys.enumerated() {
                let ref = XLSXWriter.columnName(j) + String(i + 2)
                let expected = key.hasPrefix("not_evaluable_") ? object["not_evaluable"]?[String(key.dropFirst("not_evaluable_".count))]
                    : key.hasPrefix("models_") ? object["models"]?[String(key.dropFirst("models_".count))] : object[key]
                let cell = cells[ref]
                switch try #require(expected, "\(key) is not in the JSON report") {
                case .null: #expect(cell == nil, "\(ref) \(key): expected empty, got \(String(describing: cell))")
                case .integer(let n):
                    #expect(cell?.type == nil && cell.flatMap { Int($0.text) } == n, "\(ref) \(key)")
                    numbers += 1
                case .number(let x):
                    #expect(cell?.type == nil && cell.flatMap { Double($0.text) } == x, "\(ref) \(key): \(x) vs \(String(describing: cell))")
                    numbers += 1
                case .bool(let b): #expect(cell?.type == "b" && cell?.text == (b ? "1" : "0"), "\(ref) \(key)")
                case .string(let s): #expect(cell?.type == "inlineStr" && cell?.text == s, "\(ref) \(key)")
                default: Issue.record("\(key): unexpected JSON value")
                }
            }
        }
        return numbers
    }

    @Test("every cell of the group sheet equals the JSON report's figure",
          .enabled(if: SampleReport.shared != nil, "sample data could not be generated"))
    func roundTrip() throws {
        #expect(try Self.checkGroupSheet(try #require(SampleReport.shared).report) > 100)
    }

    @Test("suppressed groups have empty cells, never 0",
          .enabled(if: SampleReport.shared != nil, "sample data could not be generated"))
    func suppressedEmpty() throws {
        let sample = try #require(SampleReport.shared)
        let report = sample.report(minCell: 60)
        let suppressed = report.groups.indices.filter { report.groups[$0].suppressed }
        try #require(!suppressed.isEmpty, "no group suppressed at K = 60")
        try Self.checkGroupSheet(report)
        let cells = try WorkbookReading(try Self.workbook(report)).cells(sheet: 1)
        let row = String(suppressed[0] + 2)
        // Courses (B) and mean change are empty; the name and the suppressed flag are not.
        #expect(cells["B" + row] == nil && cells["C" + row] == nil)
        #expect(cells["A" + row]?.text == report.groups[suppressed[0]].group)
    }

    @Test("the cost comparison and acceptability curve sheets with --compare; the figures the JSON has",
          .enabled(if: SampleReport.shared != nil, "sample data could not be generated"))
    func costComparison() throws {
        let sample = try #require(SampleReport.shared)
        var options = ReportOptions()
        options.comparison.enabled = true
        options.comparison.bootstrap = 50
        let report = EffectReporter.report(sample.dataset, options: options)
        let comparison = try #require(report.costComparison)
        let book = try WorkbookReading(try Self.workbook(report, language: .en))
        #expect(book.sheetNames.first == "Effect")
        let costIndex = try #require(book.sheetNames.firstIndex(of: "Cost comparison")) + 1
        let curveIndex = try #require(book.sheetNames.firstIndex(of: "Acceptability curve")) + 1
        let costCells = try book.cells(sheet: costIndex)
        #expect(costCells["A1"]?.text == "Group")
        for (i, entry) in comparison.entries.enumerated() {
            #expect(costCells["A\(i + 2)"]?.text == entry.group)
            if let d = entry.comparison?.deltaCost, d.isFinite {
                // group, status, suppressed, courses, reference_courses, delta_cost
                #expect(costCells["F\(i + 2)"].flatMap { Double($0.text) } == d)
            }
        }
        let curve = try book.cells(sheet: curveIndex)
        let grid = WTPGrid.standard.values
        #expect(curve["A\(grid.count + 1)"].flatMap { Double($0.text) } == grid.last)
        let curves = comparison.acceptabilityCurves(grid: grid)
        if let j = curves.firstIndex(where: { $0.probabilities != nil }) {
            #expect(curve[XLSXWriter.columnName(j + 1) + "2"].flatMap { Double($0.text) } == curves[j].probabilities![0])
            #expect(curve[XLSXWriter.columnName(j + 1) + "2"]?.style == XLSXWriter.Style.percent)
        }
    }

    @Test("English headers with --lang en, Danish by default; the About sheet names the rules and the version",
          .enabled(if: SampleReport.shared != nil, "sample data could not be generated"))
    func languagesAndAbout() throws {
        let report = try #require(SampleReport.shared).report
        let da = try WorkbookReading(try Self.workbook(report)).cells(sheet: 1)
        let en = try WorkbookReading(try Self.workbook(report, language: .en)).cells(sheet: 1)
        #expect(da["A1"]?.text == "Gruppe" && en["A1"]?.text == "Group")
        #expect(da["B1"]?.text == "Forløb" && en["B1"]?.text == "Courses")
        let book = try WorkbookReading(try Self.workbook(report, language: .en))
        let about = try book.cells(sheet: try #require(book.sheetNames.firstIndex(of: "About")) + 1)
        let texts = about.values.map(\.text)
        #expect(texts.contains("fsiii \(FSIIIEffect.version)"))
        #expect(texts.contains { $0.contains("--lookback-days") } && texts.contains { $0.contains("--min-cell") } && texts.contains { $0.contains("Case mix") })
        // The period as date serials with the date style.
        let period = try #require(report.period)
        let dates = about.values.filter { $0.style == XLSXWriter.Style.date }.compactMap { Int($0.text) }.sorted()
        #expect(dates == [Int(period.lowerBound.rawValue) + 25_569, Int(period.upperBound.rawValue) + 25_569])
        // Import accounting equals the report's.
        let imports = try book.cells(sheet: try #require(book.sheetNames.firstIndex(of: "Import")) + 1)
        let a = report.imports[.assessments]
        #expect(imports["A2"]?.text == "Assessments")
        #expect(["B2", "C2", "D2", "E2", "F2"].map { imports[$0].flatMap { Int($0.text) } } == [a.read, a.accepted, a.rejected, a.superseded, a.removed])
    }

    @Test("no citizen id appears anywhere in the workbook",
          .enabled(if: SampleReport.shared != nil, "sample data could not be generated"))
    func noIdentifiers() throws {
        let sample = try #require(SampleReport.shared)
        let text = String(decoding: try Self.workbook(sample.report), as: UTF8.self)
        let leaked = sample.citizenIDs.filter { text.contains($0) }
        #expect(leaked.isEmpty, "\(leaked.prefix(3))")
    }

    @Test("the public entry point writes the same workbook to a file",
          .enabled(if: SampleReport.shared != nil, "sample data could not be generated"))
    func publicEntryPoint() throws {
        let report = try #require(SampleReport.shared).report
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ReportWorkbook.write(report, language: .en, toFile: path)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == (try Self.workbook(report, language: .en)))
    }

    @Test("XML escaping and the characters XML 1.0 forbids")
    func escaping() throws {
        #expect(XMLText.escaped("Hold A&B <1> \"x\" 'y'") == "Hold A&amp;B &lt;1&gt; &quot;x&quot; &apos;y&apos;")
        #expect(XMLText.escaped("a\u{0}b\u{1}c\u{8}d\te\nf\u{FFFE}g\u{FFFF}h") == "abcd\te\nfgh")
        #expect(XMLText.escaped("Brønshøj ＝1") == "Brønshøj ＝1")
        // Through the writer: the part stays well-formed and the text survives.
        let sink = MemoryZipSink()
        let book = XLSXWriter(sink: sink)
        try book.beginSheet("A/B:C*?[x]", columns: [WorkbookColumn("<Navn & \u{7}>")])
        try book.row([.text(" =cmd|' /C calc'!A0 \u{1B}& ")])
        try book.finish()
        let read = try WorkbookReading(sink.bytes)
        #expect(read.sheetNames == ["ABCx"])
        let cells = try read.cells(sheet: 1)
        #expect(cells["A1"]?.text == "<Navn & >")
        #expect(cells["A2"]?.text == " =cmd|' /C calc'!A0 & ")
        #expect(cells["A2"]?.type == "inlineStr")
    }

    @Test("column names A … Z, AA … and a sheet past Excel's row limit continues in a new sheet")
    func columnsAndRowLimit() throws {
        #expect([0, 25, 26, 51, 52, 701, 702, 16383].map(XLSXWriter.columnName) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"])
        let sink = MemoryZipSink()
        let book = XLSXWriter(sink: sink)
        try book.beginSheet("Forløb", columns: [WorkbookColumn("n")])
        let rows = XLSXWriter.maximumRows + 10
        for i in 0..<rows { try book.row([.integer(i)]) }
        try book.finish()
        let read = try WorkbookReading(sink.bytes)
        #expect(read.sheetNames == ["Forløb", "Forløb (2)"])
        let second = try read.cells(sheet: 2)
        #expect(second["A1"]?.text == "n")
        #expect(second.count == 1 + rows - (XLSXWriter.maximumRows - 1))
        #expect(second["A2"]?.text == String(XLSXWriter.maximumRows - 1))
    }
}
