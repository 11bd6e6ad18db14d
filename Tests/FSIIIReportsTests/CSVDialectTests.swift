import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
import FSIIITestSupport

/// `--dialect excel-da` (issue 6): semicolon, decimal comma, UTF-8 with BOM,
/// dates DD-MM-YYYY, CRLF — the bytes a Danish Excel opens with numbers as
/// numbers and æøå intact.
@Suite("CSV dialects")
struct CSVDialectTests {
    static func report(minCell: Int = 0) -> EffectReport {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, HandComputedCourses.assessments.replacingOccurrences(of: ";T1;", with: ";Hold Ærø;")),
                                  .init("courses.csv", .courses, HandComputedCourses.courses.replacingOccurrences(of: ";T1", with: ";Hold Ærø"))])
        var o = ReportOptions()
        o.minCell = minCell
        return EffectReporter.report(d, options: o)
    }

    @Test("the exact bytes of an excel-da report")
    func excelBytes() {
        let text = ReportCSV.write(Self.report(), dialect: .excelDA)
        let bytes = Array(text.utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("group;courses;citizens;not_evaluable_open;not_evaluable_no_baseline;not_evaluable_no_follow_up;not_evaluable_not_relevant;not_evaluable_model_switch;mean_change;mean_change_ci_low;"))
        // Hold Ærø: 2 courses, mean change 2, CI 2 ± 12.706204736174694, median 2, improved 1 (Wilson low 0.342…), effectiveness 0.7.
        // (Wilson's low end prints as 0.3423802275066531 here, one ulp from scipy's 0.34238022750665303.)
        #expect(lines[1] == "Hold Ærø;2;2;1;0;0;0;0;2;-10,706204736174694;14,706204736174694;2;1;0,3423802275066531;1;0;0;0,6576197724933469;0;0;0,7934506856227626;0,7;1,3416407864998738;0,17971249487899985;2;2;1;;;;;;;false")
        #expect(lines.last == "")
        #expect(!text.contains("\n\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("the standard dialect: comma, decimal point, no BOM")
    func standardBytes() {
        let text = ReportCSV.write(Self.report())
        #expect(text.hasPrefix("group,courses,citizens,"))
        #expect(text.contains("\r\nHold Ærø,2,2,1,0,0,0,0,2.0,-10.706204736174694,14.706204736174694,2.0,1.0,0.3423802275066531,1.0,0.0,0.0,0.6576197724933469,0.0,0.0,0.7934506856227626,0.7,1.3416407864998738,0.17971249487899985,2,2.0,1.0,,,,,,,false\r\n"))
    }

    @Test("numbers without exponent and with a decimal comma in excel-da", arguments: [
        (8.39378770666504e-05, "0,0000839378770666504"), (1e16, "10000000000000000"), (-0.5, "-0,5"), (2.0, "2"),
        (12345.678, "12345,678"), (1.5e-10, "0,00000000015"), (Double.nan, ""),
    ])
    func excelNumbers(x: Double, text: String) {
        #expect(CSVDialect.excelDA.format(x) == text)
    }

    @Test("quoting and dates")
    func quotingAndDates() {
        #expect(CSVDialect.excelDA.quote("a;b") == "\"a;b\"")
        #expect(CSVDialect.standard.quote("a;b") == "a;b")
        #expect(CSVDialect.standard.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        let day = Day(year: 2024, month: 3, day: 5)!
        #expect(CSVDialect.excelDA.format(day) == "05-03-2024" && CSVDialect.standard.format(day) == "2024-03-05")
    }

    @Test("Danish and English number formatting for people")
    func language() {
        #expect(Language.da.number(1234.5) == "1.234,50" && Language.en.number(1234.5) == "1,234.50")
        #expect(Language.da.number(-0.001) == "0,00" && Language.da.number(-0.01) == "-0,01")
        #expect(Language.da.percent(0.714) == "71 %" && Language.en.percent(0.714) == "71%")
        #expect(Language.da.number(1_234_567, digits: 0) == "1.234.567")
    }
}
