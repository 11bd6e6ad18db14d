import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIStatistics
import FSIIITestSupport

/// SPEC §3: UTF-8 with or without BOM, Windows-1252 fallback, header names
/// in Danish and English, unknown columns listed once.
@Suite("Encodings and headers")
struct EncodingAndHeaderTests {
    @Test("a real Windows-1252 file with æøå (a Danish Excel export) reads as text")
    func windows1252File() throws {
        let path = Fixtures.fixtureFolder().appendingPathComponent("cp1252/assessments.csv").path
        let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(raw.contains(0xE5) && raw.contains(0xF8), "the fixture holds cp1252 å and ø")
        let d = try DatasetLoader.load([InputPath(path)], options: ImportOptions())
        #expect(d.report[.assessments] == ImportCounts(read: 3, accepted: 3))
        #expect(d.report.files.first?.encoding == .windows1252)
        #expect(d.teams.names.sorted() == ["", "Hold Nørrebro", "Hold Ærø", "Hold Østerbro"])
        #expect(Fixtures.rows(d).map(\.condition).sorted() == ["Af- og påklædning", "Færden i forskellige omgivelser", "Gå på toilet"])
        #expect(Fixtures.rows(d).map(\.level).sorted() == [2, 3, 4])
    }

    @Test("Windows-1252 re-encoding: the symbols of 0x80–0x9F, Latin-1 letters, and a large file split over the cores")
    func windows1252Bytes() {
        // € (0x80) is U+20AC: three UTF-8 bytes; æ (0xE6) is U+00E6: two; 'a' stays one.
        #expect(TextEncoding.windows1252ToUTF8([0x80, 0xE6, 0x61], 3) == [0xE2, 0x82, 0xAC, 0xC3, 0xA6, 0x61])
        // “ (0x93) is U+201C; the unassigned 0x81 maps to U+0081.
        #expect(TextEncoding.windows1252ToUTF8([0x93, 0x81], 2) == [0xE2, 0x80, 0x9C, 0xC2, 0x81])
        // 6 MB of every byte value in a repeating pattern goes the parallel
        // way; it must equal the 1 KB pattern re-encoded alone, repeated.
        var pattern = [UInt8](repeating: 0x41, count: 1024)
        for b in 0..<256 { pattern[b * 4] = UInt8(b == 0 ? 0x20 : b) }
        let large = [[UInt8]](repeating: pattern, count: 6 << 10).flatMap { $0 }
        let expected = [[UInt8]](repeating: TextEncoding.windows1252ToUTF8(pattern, pattern.count), count: 6 << 10).flatMap { $0 }
        let got = large.withUnsafeBufferPointer { TextEncoding.windows1252ToUTF8($0.baseAddress!, $0.count) }
        #expect(got.count == expected.count)
        #expect(got == expected)
    }

    @Test("UTF-8 with a byte-order mark, and without")
    func byteOrderMark() {
        let body = "citizen;date;condition;level\n0101401234;2024-01-01;Vaske sig;2\n"
        let withBOM = Fixtures.dataset([.init("assessments.csv", .assessments, bytes: [0xEF, 0xBB, 0xBF] + Array(body.utf8))])
        let without = Fixtures.assessments(body)
        #expect(withBOM.report[.assessments].accepted == 1 && without.report[.assessments].accepted == 1)
        #expect(withBOM.report.files.first?.encoding == .utf8WithBOM)
        #expect(without.report.files.first?.encoding == .utf8)
    }

    @Test("Danish and English header names, any case; unknown columns listed once")
    func headerAliases() {
        let d = Fixtures.assessments("""
        BORGER,Vurderingsdato,Tilstand,Niveau,Gruppe,Kommune,Forventet_niveau,Status,ID,Noter,Sagsbehandler
        0101401234,2024-01-01,Vaske sig,3,Hold A,Kommune Nord,1,active,R1,x,y
        0101401234,2024-02-01,Vaske sig,2,Hold A,Kommune Nord,,,R2,,

        """)
        #expect(d.report[.assessments] == ImportCounts(read: 2, accepted: 2))
        #expect(d.teams.names == ["", "Hold A"])
        #expect(Fixtures.rows(d).map(\.goal) == [1, nil])
        let warnings = d.report.warnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.description == "assessments.csv:1: (header): ignoring unknown columns \"Noter\", \"Sagsbehandler\"")
    }

    @Test("a missing required column makes the file unusable, with the accepted names")
    func missingColumn() {
        let d = Fixtures.assessments("citizen;date;condition\n0101401234;2024-01-01;Vaske sig\n")
        #expect(d.report.unreadableFiles == 1)
        #expect(d.report.problems.first?.description.hasPrefix("assessments.csv:1: missing required column \"level\" (also accepted: niveau, funktionsniveau)") == true)
    }

    @Test("an empty file, and a file with only a header")
    func emptyAndHeaderOnly() {
        let empty = Fixtures.assessments("")
        #expect(empty.report.problems.first?.message.contains("the file is empty") == true)
        #expect(empty.report[.assessments] == ImportCounts())
        let headerOnly = Fixtures.assessments("citizen;date;condition;level\n")
        #expect(headerOnly.report[.assessments] == ImportCounts())
        #expect(headerOnly.report.warnings.map(\.message) == ["the file has a header but no rows"])
    }

    @Test("binary garbage is refused as not a text file")
    func binaryGarbage() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<4000 { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, bytes: bytes)])
        #expect(d.report.unreadableFiles == 1)
        #expect(d.report.problems.first?.message.contains("not a text file") == true)
        #expect(d.assessments.count == 0)
    }
}
