import FSIIIBytes
import FSIIIEffect

/// Writes an Office Open XML workbook (ECMA-376 Part 1, SpreadsheetML) as
/// it goes: each worksheet is streamed row by row into a stored zip entry
/// (`ZipWriter`), so a sheet of a million rows passes through a 1 MiB
/// buffer, never held whole.
///
/// The package has the minimal set of parts Excel, LibreOffice and
/// openpyxl need: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`,
/// `xl/_rels/workbook.xml.rels`, `xl/styles.xml` and
/// `xl/worksheets/sheetN.xml`. Text is written as inline strings (no shared
/// string table to hold in memory), numbers as typed numbers with the full
/// double, dates as date serials (days since 1899-12-30) shown
/// `yyyy-mm-dd`, shares as `0.0%`. A missing or suppressed value is an
/// absent cell — empty, never 0. Every tabular sheet has its header row
/// frozen and an autofilter over its rows.
///
/// A sheet that would pass Excel's 1,048,576 rows continues in a new
/// sheet with the same header (`Forløb (2)`, …). The parts that list the
/// sheets are written last, when all sheets are known. A cell's text is
/// never run as a formula (a workbook's formulas are `<f>` elements, which
/// this writer does not write), so no CSV-style neutralising is needed.
package final class XLSXWriter {
    /// Excel's limit of rows per sheet, the header included.
    package static let maximumRows = 1_048_576
    /// Excel's limit of characters in a cell.
    package static let maximumCellCharacters = 32_767

    private struct Sheet {
        var name: String
        var columns: Int
        var rows: Int
        var table: Bool
    }

    private let zip: ZipWriter
    private var sheets: [Sheet] = []
    private var current: (base: String, columns: [WorkbookColumn], table: Bool, part: Int)?
    private var rowsInSheet = 0
    private var letters: [String] = []
    private var line = ""

    package init(sink: ZipSink) {
        zip = ZipWriter(sink: sink)
        line.reserveCapacity(4096)
    }

    /// Starts a worksheet named `name` (cut to Excel's 31 characters, without
    /// `[]:*?/\`) with a header row of `columns`. `table` freezes the header
    /// and sets an autofilter; a two-column list of facts sets neither.
    package func beginSheet(_ name: String, columns: [WorkbookColumn], table: Bool = true) throws(OutputError) {
        try endSheet()
        current = (name, columns, table, 1)
        try openPart()
    }

    /// Appends one row; values beyond the columns are ignored.
    package func row(_ values: [FieldValue]) throws(OutputError) {
        guard let c = current else { throw OutputError(path: nil, reason: "no worksheet is open") }
        if rowsInSheet >= Self.maximumRows {
            try closePart()
            current!.part += 1
            try openPart()
        }
        rowsInSheet += 1
        let r = String(rowsInSheet)
        line.removeAll(keepingCapacity: true)
        line += "<row r=\"" + r + "\">"
        for (i, v) in values.prefix(c.columns.count).enumerated() {
            Self.cell(v, ref: letters[i] + r, format: c.columns[i].format, into: &line)
        }
        line += "</row>"
        try zip.write(line)
    }

    /// Ends the open worksheet (nothing to do when none is open).
    package func endSheet() throws(OutputError) {
        guard current != nil else { return }
        try closePart()
        current = nil
    }

    /// Writes the parts that list the sheets and the zip directory. The workbook is complete after this.
    package func finish() throws(OutputError) {
        try endSheet()
        if sheets.isEmpty {
            try beginSheet("Sheet1", columns: [], table: false)
            try endSheet()
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

        var types = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        types += "</Types>"
        try part("[Content_Types].xml", types)

        try part("_rels/.rels", declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 + "<Relationship Id=\"rId1\" Type=\"\(rels)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")

        var workbook = declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rels)\"><bookViews><workbookView/></bookViews><sheets>"
        for (i, s) in sheets.enumerated() {
            workbook += "<sheet name=\"\(XMLText.escaped(s.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        workbook += "</sheets>"
        let filtered = sheets.enumerated().filter { $0.element.table && $0.element.columns > 0 }
        if !filtered.isEmpty {
            workbook += "<definedNames>"
            for (i, s) in filtered {
                let quoted = "'" + s.name.replacingOccurrences(of: "'", with: "''") + "'"
                workbook += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                    + XMLText.escaped("\(quoted)!$A$1:$\(Self.columnName(s.columns - 1))$\(max(1, s.rows))") + "</definedName>"
            }
            workbook += "</definedNames>"
        }
        workbook += "</workbook>"
        try part("xl/workbook.xml", workbook)

        var workbookRels = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in sheets.indices {
            workbookRels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rels)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        workbookRels += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(rels)/styles\" Target=\"styles.xml\"/></Relationships>"
        try part("xl/_rels/workbook.xml.rels", workbookRels)
        try part("xl/styles.xml", declaration + Self.styles)
        try zip.finish()
    }

    // MARK: - Sheets

    private func openPart() throws(OutputError) {
        guard let c = current else { return }
        let name = uniqueName(c.part == 1 ? c.base : "\(c.base) (\(c.part))")
        sheets.append(Sheet(name: name, columns: c.columns.count, rows: 0, table: c.table))
        letters = c.columns.indices.map(Self.columnName)
        rowsInSheet = 0
        try zip.beginEntry("xl/worksheets/sheet\(sheets.count).xml")
        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        head += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        if c.table && !c.columns.isEmpty {
            head += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        } else {
            head += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        }
        if !c.columns.isEmpty {
            head += "<cols>"
            for (i, col) in c.columns.enumerated() {
                head += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(Self.width(col.width))\" customWidth=\"1\"/>"
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        try zip.write(head)
        guard !c.columns.isEmpty else { return }
        rowsInSheet = 1
        var header = "<row r=\"1\">"
        for (i, col) in c.columns.enumerated() {
            header += "<c r=\"\(letters[i])1\" s=\"\(Style.header)\" t=\"inlineStr\"><is>\(Self.textElement(col.title))</is></c>"
        }
        header += "</row>"
        try zip.write(header)
    }

    private func closePart() throws(OutputError) {
        guard let c = current else { return }
        var tail = "</sheetData>"
        if c.table && !c.columns.isEmpty {
            tail += "<autoFilter ref=\"A1:\(Self.columnName(c.columns.count - 1))\(max(1, rowsInSheet))\"/>"
        }
        tail += "</worksheet>"
        try zip.write(tail)
        try zip.endEntry()
        sheets[sheets.count - 1].rows = rowsInSheet
    }

    private func part(_ name: String, _ text: String) throws(OutputError) {
        try zip.beginEntry(name)
        try zip.write(text)
        try zip.endEntry()
    }

    /// A valid, unused sheet name: no `[]:*?/\`, not empty, at most 31 characters.
    private func uniqueName(_ name: String) -> String {
        var clean = String(name.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 })
        while clean.hasPrefix("'") { clean.removeFirst() }
        while clean.hasSuffix("'") { clean.removeLast() }
        if clean.isEmpty { clean = "Sheet" }
        var candidate = String(clean.prefix(31))
        var n = 2
        while sheets.contains(where: { $0.name.lowercased() == candidate.lowercased() }) {
            let suffix = " \(n)"
            candidate = String(clean.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        return candidate
    }

    // MARK: - Cells

    /// The indices into `cellXfs` of `styles`.
    enum Style {
        static let general = 0, header = 1, decimal = 2, percent = 3, date = 4, money = 5
    }

    static func style(_ format: WorkbookColumn.Format) -> Int {
        switch format {
        case .general: return Style.general
        case .decimal: return Style.decimal
        case .percent: return Style.percent
        case .money: return Style.money
        case .date: return Style.date
        }
    }

    /// Days from Excel's epoch (1899-12-30, so 1900-03-01 and later are right) to 1970-01-01.
    static let serialOf1970 = 25_569

    static func cell(_ value: FieldValue, ref: String, format: WorkbookColumn.Format, into out: inout String) {
        switch value {
        case .missing, .suppressedCount:
            return
        case .integer(let i):
            let s = format == .money || format == .percent ? style(format) : Style.general
            out += "<c r=\"" + ref + (s == 0 ? "\">" : "\" s=\"\(s)\">") + "<v>" + String(i) + "</v></c>"
        case .real(let x):
            guard x.isFinite else { return }
            let s = style(format == .general || format == .date ? .general : format)
            out += "<c r=\"" + ref + (s == 0 ? "\">" : "\" s=\"\(s)\">") + "<v>" + x.description + "</v></c>"
        case .day(let d):
            out += "<c r=\"" + ref + "\" s=\"\(Style.date)\"><v>" + String(Int(d.rawValue) + serialOf1970) + "</v></c>"
        case .flag(let b):
            out += "<c r=\"" + ref + "\" t=\"b\"><v>" + (b ? "1" : "0") + "</v></c>"
        case .text(let t):
            guard !t.isEmpty else { return }
            out += "<c r=\"" + ref + "\" t=\"inlineStr\"><is>" + textElement(t) + "</is></c>"
        }
    }

    /// `<t>` with the text escaped, cut to Excel's limit, spaces kept.
    static func textElement(_ text: String) -> String {
        var t = text
        if t.utf16.count > maximumCellCharacters { t = String(t.prefix(maximumCellCharacters / 2)) }
        let escaped = XMLText.escaped(t)
        let keepSpaces = t.first?.isWhitespace == true || t.last?.isWhitespace == true || t.contains("\n")
        return (keepSpaces ? "<t xml:space=\"preserve\">" : "<t>") + escaped + "</t>"
    }

    /// `A`, …, `Z`, `AA`, … for a zero-based column index.
    package static func columnName(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    static func width(_ w: Double) -> String {
        let rounded = (w * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Number formats 164 and 165 are ours (the built-in 2 is `0.00`, 3 is
    /// `#,##0`); `cellXfs` in the order of `Style`.
    static let styles = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
