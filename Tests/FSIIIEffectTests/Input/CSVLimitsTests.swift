import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport
import FSIIIStatistics
@testable import FSIIIBytes

/// The documented limits of a CSV input (docs/RULES.md, "Limits"): a field
/// over 64 KiB, a row over 1,024 fields, a header over 1,024 columns or
/// 64 KiB give a rejected row or one error for the file, with the line, and
/// the rest is read; time stays linear in the input.
@Suite("CSV limits: long fields, wide rows and headers, stray quotes")
struct CSVLimitsTests {
    static let header = "citizen;date;condition;level\n"
    static let good = "1111111118;2024-01-01;Vaske sig;2\n"

    static func rejected(_ d: Dataset) -> [String] {
        d.report.rejected.map { "\($0.line): \($0.column): \($0.reason)" }
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test("a field over 64 KiB is rejected with its line, the rest is read; 64 KiB exactly is a field")
    func longField() {
        let limit = String(repeating: "x", count: CSVLimits.fieldBytes)
        let text = Self.header + Self.good + "1111111118;2024-01-02;\(limit)y;2\n" + "1111111118;2024-01-03;Vaske sig;\(limit)\n" + Self.good.replacingOccurrences(of: "01-01", with: "01-04")
        let d = Fixtures.assessments(text)
        #expect(Self.rejected(d) == ["3: condition: field too long", "4: level: bad level"])
        #expect(d.report.rejected.first?.message == "the field has 65537 bytes, more than the limit of 65536 (64 KiB); check for a stray quote that runs on over many lines")
        #expect(d.report[.assessments] == ImportCounts(read: 4, accepted: 2, rejected: 2))
    }

    @Test("a quoted field of 8 MB with line breaks is one rejected row at the line it opens on; the next row is read")
    func hugeQuotedField() {
        var field = ""
        for _ in 0..<(8 << 10) { field += String(repeating: "z", count: 1023) + "\n" }
        let text = Self.header + Self.good + "1111111118;2024-01-02;\"\(field)\";2\n" + Self.good.replacingOccurrences(of: "01-01", with: "01-03")
        var d = Dataset()
        let s = Self.seconds { d = Fixtures.assessments(text) }
        #expect(Self.rejected(d) == ["3: condition: field too long"])
        #expect(d.report[.assessments] == ImportCounts(read: 3, accepted: 2, rejected: 1))
        #expect(Fixtures.rows(d).map(\.day) == ["2024-01-01", "2024-01-03"])
        #expect(s < 20, "\(s) s")
    }

    @Test("an unterminated quote at the top of a large file rejects its line only: the rest is read, in one pass")
    func unterminatedQuoteAtTheTop() {
        var text = Self.header + "1111111118;\"2024-01-01;Vaske sig;2\n"
        for k in 0..<50_000 { text += "\(1_111_111_118 + 0);2024-01-01;Vaske sig;\(k % 5)\n" }
        var d = Dataset()
        let s = Self.seconds { d = Fixtures.assessments(text) }
        #expect(Self.rejected(d) == ["2: (row): unterminated quote"])
        #expect(d.report[.assessments] == ImportCounts(read: 50_001, accepted: 1, rejected: 1, superseded: 49_999))
        #expect(s < 20, "\(s) s")
    }

    @Test("a line of a million delimiters is one rejected row that keeps no fields; the rest is read")
    func millionDelimiters() {
        let text = Self.header + Self.good + String(repeating: ";", count: 1_000_000) + "\n" + Self.good.replacingOccurrences(of: "01-01", with: "01-02")
        let d = Fixtures.assessments(text)
        #expect(Self.rejected(d) == ["3: (row): wrong number of fields"])
        #expect(d.report.rejected.first?.message == "the row has more than 1024 fields, the header has 4; a value containing ';' must be quoted")
        #expect(d.report.rejected.first?.cells == [])
        #expect(d.report[.assessments] == ImportCounts(read: 3, accepted: 2, rejected: 1))
    }

    @Test("a row of 1,025 fields whose extra fields are empty is still too wide: no row is cut to fit")
    func wideRowWithEmptyTail() {
        let text = Self.header + "1111111118;2024-01-01;Vaske sig;2" + String(repeating: ";", count: 1021) + "\n"
            + "1111111118;2024-01-02;Vaske sig;2" + String(repeating: ";", count: 1020) + "\n"
        let d = Fixtures.assessments(text)
        #expect(Self.rejected(d) == ["2: (row): wrong number of fields"])
        #expect(d.report[.assessments] == ImportCounts(read: 2, accepted: 1, rejected: 1))
    }

    @Test("a header of 100,000 columns is one error for the file, naming the limit")
    func hugeHeader() {
        let names = (0..<100_000).map { "c\($0)" }.joined(separator: ";")
        let d = Fixtures.assessments("citizen;date;condition;level;\(names)\n" + Self.good)
        #expect(d.report.problems.map(\.description) == ["assessments.csv:1: the header line has more than 1024 columns, the most a file may have; is this the right file, and its first line the header?"])
        #expect(d.report.unreadableFiles == 1)
        #expect(d.report[.assessments] == ImportCounts())
    }

    @Test("a header line over 64 KiB is one error for the file")
    func longHeaderLine() {
        let d = Fixtures.assessments("citizen;date;condition;level;" + String(repeating: "n", count: 70_000) + "\n" + Self.good)
        #expect(d.report.problems.map(\.description) == ["assessments.csv:1: the header line is longer than 65536 bytes (64 KiB), the most it may be; is its first line the header, and are its quotes closed?"])
    }

    @Test("a thousand unknown columns are listed once, the first twenty by name")
    func manyUnknownColumns() {
        let names = (0..<1000).map { "extra\($0)" }.joined(separator: ";")
        let d = Fixtures.assessments("citizen;date;condition;level;\(names)\n" + "1111111118;2024-01-01;Vaske sig;2" + String(repeating: ";", count: 1000) + "\n")
        let warnings = d.report.warnings.map(\.message)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("ignoring unknown columns \"extra0\", \"extra1\",") == true)
        #expect(warnings.first?.hasSuffix("\"extra19\", … (980 more)") == true)
        #expect(d.report[.assessments] == ImportCounts(read: 1, accepted: 1))
    }

    @Test("a message quotes a long cell by its start and its length")
    func longCellsInMessages() {
        let cell = String(repeating: "æ", count: 100)   // 200 bytes
        let d = Fixtures.assessments(Self.header + "1111111118;\(cell);Vaske sig;2\n")
        #expect(d.report.rejected.first?.message == "\"\(String(repeating: "æ", count: 30))… (200 bytes)\" is not a date; use \(DateParser.formats)")
    }

    @Test("a header with a trailing delimiter reads rows with and without the empty field")
    func trailingDelimiterInHeader() {
        let d = Fixtures.dataset([.init("rates.csv", .rates, "service;rate;\nPleje;412,5\nHjælp;365;\nRengøring;300;x\n")])
        #expect(d.pricing.rates == ["pleje": 412.5, "hjælp": 365])
        #expect(Self.rejected(d) == ["4: (row): wrong number of fields"])
        #expect(d.report[.rates] == ImportCounts(read: 3, accepted: 2, rejected: 1))
    }
}
