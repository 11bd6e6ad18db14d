import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIStatistics
import FSIIITestSupport

/// A large file on disk is read speculatively: taken as UTF-8 without an
/// encoding pass, cut at line ends, each chunk's rows estimated. Whatever the
/// file holds, the result must be the plain read's (the file from memory,
/// its encoding checked first, cut at true record boundaries): the checks
/// must catch a byte that is not UTF-8 anywhere and a cut inside a quoted
/// field, and rows beyond an estimate must keep their place in file order.
@Suite("Speculative reads of large files")
struct SpeculativeReadTests {
    static let header = "citizen;date;condition;level;team;note"

    /// Row `i`: citizen `i / 100`, a date from `i` (each citizen's last 10
    /// rows repeat the dates of its first 10, with other levels: which row
    /// survives depends on file order), Danish text, and a note.
    static func row(_ i: Int, note: String = "") -> String {
        "C\(i / 100);20\(10 + i % 10)-0\(1 + i % 9)-1\(i % 10);Vaske sig;\(i % 5);Hold Nørrebro;\(note)"
    }

    /// 100,000 rows (5.5 MB and more) of `row`, LF line ends.
    static func text(note: (Int) -> String = { _ in "" }) -> String {
        var s = header + "\n"
        for i in 0..<100_000 { s += row(i, note: note(i)) + "\n" }
        return s
    }

    /// Counts the records it is given.
    struct CountingSink: CSVRowSink {
        var problems: [ImportProblem] = []
        var rowsRead = 0
        var consumed = 0
        mutating func consume(_ record: CSVRecordCursor, line: Int) { consumed += 1 }
        mutating func reject(line: Int, column: String, message: String, reason: String, cells: [String]) {
            problems.append(ImportProblem(file: "test", line: line, column: column, message: message, reason: reason))
        }
    }

    static func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("assessments.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    /// Reads `bytes` from a file speculatively: whether the speculation
    /// held, the records read, and each chunk's estimate and true rows.
    static func speculate(_ bytes: [UInt8]) throws -> (holds: Bool, records: Int, bounds: [Int], rows: [Int]) {
        try withFile(bytes) { path in
            let file = try FileBytes(path: path, shownPath: path, checkEncoding: false)
            #expect(!file.encodingChecked && file.census == nil)
            let layout = try CSVTableReader.open(file, path: path, columns: AssessmentColumns.specs)
            let plan = try #require(CSVTableReader.speculativePlan(file, layout: layout))
            #expect(plan.chunks == Parallel.workers * 8)
            let sinks = CSVTableReader.readSpeculatively(file, layout: layout, plan: plan) { _ in CountingSink() }
            return (sinks != nil, sinks?.reduce(0) { $0 + $1.consumed } ?? 0, plan.recordBounds, sinks?.map(\.rowsRead) ?? [])
        }
    }

    /// The file loaded from disk (speculatively first) and from memory.
    static func bothWays(_ bytes: [UInt8]) throws -> (disk: Dataset, memory: Dataset) {
        let disk = try withFile(bytes) { path in try DatasetLoader.load([InputPath(path)], options: ImportOptions()) }
        let memory = Fixtures.dataset([.init("assessments.csv", .assessments, bytes: bytes)])
        return (disk, memory)
    }

    static func expectSame(_ a: Dataset, _ b: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.report[.assessments] == b.report[.assessments], sourceLocation: sourceLocation)
        #expect(a.report.files.first?.encoding == b.report.files.first?.encoding, sourceLocation: sourceLocation)
        #expect(a.report.problems.map { "\($0.line) \($0.column) \($0.reason)" } == b.report.problems.map { "\($0.line) \($0.column) \($0.reason)" },
                sourceLocation: sourceLocation)
        #expect(a.citizens.count == b.citizens.count && a.teams.names == b.teams.names, sourceLocation: sourceLocation)
        #expect(a.assessments.citizenStart == b.assessments.citizenStart, sourceLocation: sourceLocation)
        #expect(a.assessments.day == b.assessments.day && a.assessments.level == b.assessments.level, sourceLocation: sourceLocation)
        #expect(a.assessments.condition == b.assessments.condition && a.assessments.team == b.assessments.team, sourceLocation: sourceLocation)
    }

    @Test("a clean UTF-8 file: the speculation holds and gives the plain read's rows, rejects and line numbers")
    func clean() throws {
        // CR LF, a row with a field too many every 997th row, a blank line
        // every 5,003rd, quoted notes without line breaks.
        var s = Self.header + "\r\n"
        for i in 0..<100_000 {
            let r = Self.row(i, note: i % 997 == 5 ? "x;y" : i % 7 == 0 ? "\"a; b\"" : "ø")
            s += r + "\r\n" + (i % 5_003 == 0 ? "\r\n" : "")
        }
        let bytes = Array(s.utf8)
        let speculation = try Self.speculate(bytes)
        #expect(speculation.holds)
        #expect(speculation.rows.reduce(0, +) == 100_000)
        #expect(speculation.records == 100_000 - 101)
        let (disk, memory) = try Self.bothWays(bytes)
        #expect(disk.report[.assessments].read == 100_000 && disk.report[.assessments].rejected == 101)
        // Each citizen's last 10 rows supersede its first 10 (by date), but rejected rows supersede nothing.
        #expect(disk.report[.assessments].superseded == memory.report[.assessments].superseded)
        #expect(disk.report.files.first?.encoding == .utf8)
        Self.expectSame(disk, memory)
    }

    /// Where a byte that is not UTF-8 (0xE6, "æ" in Windows-1252) goes.
    enum Stray: String, CaseIterable {
        case firstRow, ignoredColumnInTheMiddle, lastByteBeforeTheLastLineEnd, lastByteWithoutLineEnd
    }

    @Test("a byte that is not UTF-8 anywhere in the body fails the speculation; the file is read as Windows-1252", arguments: Stray.allCases)
    func notUTF8(_ stray: Stray) throws {
        var bytes = Array(Self.text().utf8)
        switch stray {
        case .firstRow: bytes.insert(0xE6, at: Self.header.utf8.count + 3)
        case .ignoredColumnInTheMiddle: bytes.insert(0xE6, at: bytes[(bytes.count / 2)...].firstIndex(of: 0x0A)!)
        case .lastByteBeforeTheLastLineEnd: bytes.insert(0xE6, at: bytes.count - 1)
        case .lastByteWithoutLineEnd: bytes[bytes.count - 1] = 0xE6
        }
        #expect(try Self.speculate(bytes).holds == false)
        let (disk, memory) = try Self.bothWays(bytes)
        #expect(disk.report.files.first?.encoding == .windows1252)
        #expect(disk.teams.names.contains("Hold NÃ¸rrebro"), "UTF-8 text read as Windows-1252, as the whole file is")
        Self.expectSame(disk, memory)
    }

    @Test("a header that is not UTF-8 sends the file to the plain read")
    func headerNotUTF8() throws {
        var raw = Array(Self.text().replacingOccurrences(of: "note", with: "næ").utf8)
        // The header's "æ" (C3 A6, the file's first byte ≥ 0x80) becomes the single byte E6.
        let at = try #require(raw.firstIndex(of: 0xC3))
        #expect(at < Self.header.utf8.count)
        raw.replaceSubrange(at...(at + 1), with: [0xE6])
        let (disk, memory) = try Self.bothWays(raw)
        #expect(disk.report.files.first?.encoding == .windows1252)
        Self.expectSame(disk, memory)
    }

    @Test("line breaks inside quotes fail the speculation when a cut falls inside one; the plain read cuts at record boundaries")
    func lineBreaksInQuotes() throws {
        let bytes = Array(Self.text(note: { i in "\"first line\nsecond line \(i)\"" }).utf8)
        #expect(try Self.speculate(bytes).holds == false)
        let (disk, memory) = try Self.bothWays(bytes)
        #expect(disk.report[.assessments].read == 100_000 && disk.report[.assessments].rejected == 0)
        Self.expectSame(disk, memory)
    }

    @Test("rows beyond a chunk's estimate keep their place in file order")
    func beyondTheEstimate() throws {
        // Runs of 2,000 short rows and 2,000 long ones: a chunk whose middle
        // is long rows expects far fewer rows than it holds.
        let bytes = Array(Self.text(note: { i in (i / 2_000) % 2 == 0 ? "" : String(repeating: "x", count: 200) }).utf8)
        let speculation = try Self.speculate(bytes)
        #expect(speculation.holds)
        #expect(zip(speculation.bounds, speculation.rows).contains { $1 > $0 }, "some chunk has more rows than estimated")
        #expect(zip(speculation.bounds, speculation.rows).contains { $1 < $0 }, "and some fewer")
        let (disk, memory) = try Self.bothWays(bytes)
        #expect(disk.report[.assessments].superseded == 10_000)
        Self.expectSame(disk, memory)
    }

    /// Raw rows whose citizen is their slot and whose level says which piece wrote them.
    static func raw(_ count: Int) -> RawAssessments {
        var raw = RawAssessments()
        for i in 0..<count {
            raw.append(citizen: UInt32(i), day: Int32(i), condition: 1, level: 0, goal: RawAssessments.noGoal, status: .active,
                       team: 0, municipality: 0, id: (UInt64(i), 0))
        }
        return raw
    }

    static func extra(_ citizen: UInt32) -> RawAssessmentRow {
        RawAssessmentRow(citizen: citizen, day: Int32(citizen), condition: 2, level: 9, goal: 3, status: 0, team: 7, municipality: 8, idA: UInt64(citizen), idB: 1)
    }

    @Test("closing up regions: in place when every piece moves down, into new columns when one would overrun the next")
    func compact() {
        // Slots 0–1 before the read; regions 2..<7 (3 written), 7..<10 (2 written, 2 extra), 10..<12 (2 written).
        var a = Self.raw(12)
        a.compact(from: 2, pieces: [(2..<5, []), (7..<9, [Self.extra(100), Self.extra(101)]), (10..<12, [])])
        #expect(a.citizen == [0, 1, 2, 3, 4, 7, 8, 100, 101, 10, 11])
        #expect(a.level == [0, 0, 0, 0, 0, 0, 0, 9, 9, 0, 0])
        #expect(a.goal[7] == 3 && a.team[8] == 7 && a.municipality[7] == 8 && a.idHashB[8] == 1 && a.idHashA[8] == 101)
        #expect(a.count == 11 && a.day.count == 11 && a.status.count == 11 && a.condition.count == 11)
        // The first region's extra rows reach past the second region's start (slot 3): new columns.
        var b = Self.raw(6)
        b.compact(from: 0, pieces: [(0..<2, [Self.extra(50), Self.extra(51), Self.extra(52)]), (3..<6, [Self.extra(60)])])
        #expect(b.citizen == [0, 1, 50, 51, 52, 3, 4, 5, 60])
        #expect(b.condition == [1, 1, 2, 2, 2, 1, 1, 1, 2])
        #expect(b.count == 9 && b.idHashA == [0, 1, 50, 51, 52, 3, 4, 5, 60])
    }
}
