import Foundation
import Testing
@testable import FSIIIBytes
import FSIIITestSupport

/// `fsiii report|courses --format xlsx` and `-o FILE.xlsx` (issue 22): the
/// extension chooses the workbook, a pipe gets one too (with data
/// descriptors), a terminal is refused, an input is never overwritten.
@Suite("Command line: Excel workbooks", .serialized,
       .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
struct WorkbookCLITests {
    static func workbook(_ url: URL) throws -> ZipReader {
        try ZipReader([UInt8](try Data(contentsOf: url)))
    }

    @Test("-o report.xlsx chooses the workbook by its extension; --format xlsx through a pipe is one too")
    func byExtensionAndPipe() throws {
        let folder = try OutputSafetyTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.shell("$FSIII report . -o report.xlsx --quiet && $FSIII report . --format xlsx --quiet | cat > piped.xlsx", in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["report.xlsx", "piped.xlsx"] {
            let zip = try Self.workbook(folder.appendingPathComponent(name))
            #expect(zip.names.contains("xl/workbook.xml") && zip.names.contains("xl/worksheets/sheet1.xml"), "\(name)")
            // On a pipe the local headers cannot be rewritten: data descriptors.
            #expect(zip.entries.allSatisfy { ($0.flags & 0x8 != 0) == (name == "piped.xlsx") }, "\(name)")
        }
        #expect(OutputSafetyTests.text(folder, "report.csv") == "earlier report\n")
    }

    @Test("a terminal is refused without -o, with a message naming -o FILE.xlsx",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) is not installed: skipped"))
    func terminalRefused() throws {
        let folder = try OutputSafetyTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // script(1) gives the command a pseudo-terminal as standard output.
        let r = try CLIRunner.shell("script -qec \"$FSIII report . --format xlsx --quiet\" /dev/null; echo \"status=$?\"", in: folder)
        #expect(r.stdout.contains("writes a binary workbook") && r.stdout.contains("-o FILE.xlsx"), "\(r.stdout)")
        #expect(r.stdout.contains("status=2"), "\(r.stdout)")
        #expect(!r.stdout.contains("PK\u{3}\u{4}"))
    }

    @Test("an input is never overwritten by a workbook")
    func inputRefused() throws {
        let folder = try OutputSafetyTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.run(["report", ".", "--format", "xlsx", "-o", "assessments.csv", "--quiet"], in: folder)
        #expect(r.status == 2 && r.stderr.contains("an input is never overwritten"), "\(r.stderr)")
        #expect(OutputSafetyTests.text(folder, "assessments.csv") == OutputSafetyTests.assessments)
    }

    @Test("fsiii courses -o courses.xlsx: one row per course, pseudonyms, no citizen id")
    func courses() throws {
        let folder = try OutputSafetyTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("0123456789abcdef0123".utf8).write(to: folder.appendingPathComponent("key"))
        let r = try CLIRunner.shell("$FSIII courses . --pseudonym-key key -o courses.xlsx --quiet && $FSIII courses . --pseudonym-key key --quiet > export.csv", in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let zip = try Self.workbook(folder.appendingPathComponent("courses.xlsx"))
        let sheet = String(decoding: try #require(try zip.data("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.components(separatedBy: "<row ").count - 1 == 3)   // header and two courses
        let csv = try #require(OutputSafetyTests.text(folder, "export.csv"))
        let pseudonym = String(try #require(csv.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first))
        #expect(sheet.contains(">\(pseudonym)<"))
        let all = zip.names.compactMap { try? zip.data($0) }.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(!all.contains("0101401234") && !all.contains("0202504321"))
        #expect(all.contains("Forløb") && all.contains("Om tallene"))
    }
}
