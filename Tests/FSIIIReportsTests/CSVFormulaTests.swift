import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
import FSIIIBytes
import FSIIITestSupport

/// CSV formula injection (OWASP): a text cell that a spreadsheet would run
/// as a formula gets a leading `'` in every CSV output and dialect; numbers,
/// negative ones included, stay numbers.
@Suite("CSV cells that look like formulas are neutralised")
struct CSVFormulaTests {
    static let formulas = [
        "=1+2", "+1+2", "-1+2", "@SUM(A1:A2)", "\t=1", "\r=1", "\n=1", "=HYPERLINK(\"http://x\";\"y\")",
        "=cmd|' /C calc'!A0", "  =1", "－1", "＋1", "＝1", "＠x", "-", "-e", "-1-", "-1.", "-.5", "-0x10",
    ]

    @Test("a field that starts like a formula gets a leading ', in both dialects", arguments: formulas, CSVDialect.allCases)
    func formulaGetsQuote(field: String, dialect: CSVDialect) {
        #expect(dialect.neutralized(field) == "'" + field)
        let written = dialect.quote(field)
        // Quoted or not, the cell starts with ' once the quotes are read.
        let unquoted = written.hasPrefix("\"") ? String(written.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : written
        #expect(unquoted == "'" + field)
    }

    @Test("negative numbers as each dialect writes them stay numbers")
    func numbersStay() {
        for x in ["-0.25", "-2", "-10.706204736174694", "-8.39e-05", "-1e+16", "-1.5E-5"] {
            #expect(CSVDialect.standard.neutralized(x) == x)
        }
        for x in ["-0,25", "-2", "-0,0000839378770666504"] {
            #expect(CSVDialect.excelDA.neutralized(x) == x)
        }
        // The other dialect's decimal separator is text there, not a number.
        #expect(CSVDialect.standard.neutralized("-0,25") == "'-0,25")
        #expect(CSVDialect.excelDA.neutralized("-0.25") == "'-0.25")
        #expect(CSVDialect.excelDA.neutralized("-1e-05") == "'-1e-05", "excel-da writes no exponent")
    }

    @Test("ordinary text, dates and the suppression mark are unchanged")
    func ordinaryText() {
        for field in ["Hold Østerbro", "2024-03-05", "05-03-2024", "<5", "(ukendt)", "", " ", "a=b", "a-b", "'quoted", "x@y.dk", "0,5", "１"] {
            #expect(CSVDialect.standard.neutralized(field) == field)
            #expect(CSVDialect.excelDA.neutralized(field) == field)
        }
    }

    /// The data of `CSVDialectTests` with its team renamed.
    static func dataset(team: String) -> Dataset {
        Fixtures.dataset([.init("assessments.csv", .assessments, HandComputedCourses.assessments.replacingOccurrences(of: ";T1;", with: ";\(team);")),
                          .init("courses.csv", .courses, HandComputedCourses.courses.replacingOccurrences(of: ";T1", with: ";\(team)"))])
    }

    static func report(_ d: Dataset) -> EffectReport {
        var o = ReportOptions()
        o.minCell = 0
        return EffectReporter.report(d, options: o)
    }

    @Test("the group report: a formula team name is neutralised, its negative CI bound stays a number", arguments: CSVDialect.allCases)
    func reportCSV(dialect: CSVDialect) throws {
        let text = ReportCSV.write(Self.report(Self.dataset(team: "=1+2")), dialect: dialect)
        let d = String(dialect.delimiter)
        let line = try #require(text.components(separatedBy: "\r\n").first { $0.contains("=1+2") })
        // Mean change 2, CI low 2 − 12.706204736174694 (as in CSVDialectTests).
        let low = dialect == .standard ? "-10.706204736174694" : "-10,706204736174694"
        #expect(line.hasPrefix("'=1+2\(d)2\(d)2\(d)1\(d)0\(d)0\(d)0\(d)0\(d)\(dialect.format(2.0))\(d)\(low)\(d)"))
    }

    @Test("the per-course export neutralises team names", arguments: CSVDialect.allCases)
    func courseExport(dialect: CSVDialect) throws {
        let d = Self.dataset(team: "@SUM(A1)")
        let report = Self.report(d)
        let key = try PseudonymKey(bytes: Array("0123456789abcdef".utf8))
        let text = CourseExport.csv(report, dataset: d, pseudonymizer: Pseudonymizer(key: key), dialect: dialect)
        let teams = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            .map { $0.components(separatedBy: String(dialect.delimiter))[2] }
        #expect(teams.contains("'@SUM(A1)"))
        #expect(!teams.contains("@SUM(A1)"))
    }

    @Test("the rejects file neutralises echoed cells, reasons stay readable", arguments: CSVDialect.allCases)
    func rejectsFile(dialect: CSVDialect) throws {
        let d = Fixtures.assessments("""
        citizen;date;condition;level;team
        0101401234;2024-01-01;Vaske sig;=2+5;Hold A
        0101401234;2024-01-02;Vaske sig;-5;-Hold
        """)
        let text = RejectsFile.write(d.report, pseudonymizer: nil, dialect: dialect)
        let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 2)
        let sep = String(dialect.delimiter)
        let first = rows[0].components(separatedBy: sep)
        #expect(first.contains("'=2+5") && !first.contains("=2+5"))
        let second = rows[1].components(separatedBy: sep)
        #expect(second.contains("-5"), "a negative number is a number, not a formula")
        #expect(second.contains("'-Hold"))
        // Every field of the file: none starts with a formula character unless it is a number.
        for field in rows.flatMap({ $0.components(separatedBy: sep) }) {
            let f = field.hasPrefix("\"") ? String(field.dropFirst()) : field
            if let c = f.first, "=+@-".contains(c) { #expect(f == "-5", "\(field)") }
        }
    }
}
