import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// Files above 4 MB are read in parallel chunks: a UTF-8 file on disk
/// speculatively (cut at line ends, checked as it is read), a file that is
/// not UTF-8 again after its re-encoding, cut from the census its encoding
/// check takes, or at the scanner's quote-aware boundaries when it has
/// quotes. Every way must give every row exactly once.
@Suite("Large files in chunks")
struct LargeFileTests {
    /// 200,000 rows (about 8 MB): citizen `i / 100`, a date from `i`, a
    /// level from `i`. Row `quoted`, when given, quotes its condition.
    static func body(lineEnd: String, quoted: Int? = nil) -> String {
        var s = "citizen;date;condition;level\(lineEnd)"
        for i in 0..<200_000 {
            let condition = i == quoted ? "\"Vaske sig\"" : "Vaske sig"
            s += "C\(i / 100);20\(10 + i % 10)-0\(1 + i % 9)-1\(i % 10);\(condition);\(i % 5)\(lineEnd)"
        }
        return s
    }

    static func load(_ text: String, windows1252: Bool = false) throws -> Dataset {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("assessments.csv").path
        let bytes = windows1252 ? try #require(text.data(using: .windowsCP1252)) : Data(text.utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        return try DatasetLoader.load([InputPath(path)], options: ImportOptions())
    }

    @Test("LF and CR LF files, with and without a quote, give the same rows", arguments: ["\n", "\r\n"])
    func chunked(lineEnd: String) throws {
        let plain = try Self.load(Self.body(lineEnd: lineEnd))
        let quoted = try Self.load(Self.body(lineEnd: lineEnd, quoted: 123_457))
        let counts = plain.report[.assessments]
        #expect(counts.read == 200_000)
        #expect(counts.read == counts.accepted + counts.rejected + counts.superseded + counts.removed)
        // 2,000 citizens × 100 rows; dates repeat every 90 rows (10 years ×
        // 9 months × 10 days), so each citizen's last 10 rows supersede
        // earlier ones of the same day: 2,000 × 10 superseded.
        #expect(counts.superseded == 20_000)
        #expect(counts.rejected == 0)
        #expect(quoted.report[.assessments] == counts)
        #expect(plain.assessments.level == quoted.assessments.level)
        #expect(plain.assessments.day == quoted.assessments.day)
    }

    @Test("a large Windows-1252 file is re-encoded and read in chunks whose pages are dropped behind the scan")
    func windows1252() throws {
        let text = Self.body(lineEnd: "\r\n").replacingOccurrences(of: "citizen;date;condition;level", with: "citizen;date;condition;level;team")
            .replacingOccurrences(of: "\r\n", with: ";Hold Ærø\r\n")
            .replacingOccurrences(of: "level;team;Hold Ærø", with: "level;team")
        let utf8 = try Self.load(text)
        let cp1252 = try Self.load(text, windows1252: true)
        #expect(cp1252.report.files.first?.encoding == .windows1252)
        #expect(cp1252.report[.assessments] == utf8.report[.assessments])
        #expect(cp1252.report[.assessments].read == 200_000 && cp1252.report[.assessments].rejected == 0)
        #expect(cp1252.teams.names.filter { !$0.isEmpty } == ["Hold Ærø"])
        #expect(cp1252.assessments.level == utf8.assessments.level)
        #expect(cp1252.assessments.day == utf8.assessments.day)
    }
}
