import Foundation
import Testing
@testable import FSIIIBytes
import FSIIITestSupport

/// `OutputFile`: a temporary file beside the output, renamed into place;
/// the earlier file survives every failure.
@Suite("Output files are written atomically")
struct OutputFileTests {
    static func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    /// The folder's entries, hidden ones included.
    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("until commit the earlier file is untouched and the text is in a hidden temporary file beside it")
    func commitRenames() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.csv")
        try Data("old\n".utf8).write(to: target)
        let file = try OutputFile(path: target.path)
        try file.write("new\n")
        #expect(Self.read(target) == "old\n")
        let temporary = try #require(Self.entries(folder).first { $0 != "report.csv" })
        #expect(temporary.hasPrefix(".report.csv.fsiii-"), "hidden, so a folder scan never reads it as an input")
        #expect(Self.read(folder.appendingPathComponent(temporary)) == "new\n")
        try file.commit()
        #expect(Self.read(target) == "new\n")
        #expect(Self.entries(folder) == ["report.csv"])
    }

    @Test("discard (a failed run) removes the temporary file and keeps the earlier report")
    func discardKeepsEarlier() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.csv")
        try Data("old\n".utf8).write(to: target)
        do {
            let file = try OutputFile(path: target.path)
            try file.write("half a rep")
            file.discard()
        }
        do {
            // Dropped without commit, as when an error unwinds the command.
            let file = try OutputFile(path: target.path)
            try file.write("half a rep")
        }
        #expect(Self.read(target) == "old\n")
        #expect(Self.entries(folder) == ["report.csv"])
    }

    @Test("a device is written directly and its errors are reported: /dev/full is a full disk")
    func fullDevice() throws {
        let file = try OutputFile(path: "/dev/full")
        #expect(throws: OutputError(path: "/dev/full", reason: String(cString: strerror(ENOSPC)), code: ENOSPC)) {
            try file.write("report")
        }
        let null = try OutputFile(path: "/dev/null")
        try null.write("report")
        try null.commit()
    }

    @Test("a new file gets 0666 less the umask; a replaced file keeps its mode")
    func modes() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fresh = folder.appendingPathComponent("fresh.csv")
        try OutputFile.write("x", to: fresh.path)
        let mask = umask(0o022)
        umask(mask)
        #expect(try Self.mode(fresh) == 0o666 & ~mask)
        let kept = folder.appendingPathComponent("kept.csv")
        try Data("old".utf8).write(to: kept)
        chmod(kept.path, 0o640)
        try OutputFile.write("new", to: kept.path)
        #expect(try Self.mode(kept) == 0o640)
        #expect(Self.read(kept) == "new")
    }

    static func mode(_ url: URL) throws -> mode_t {
        var info = stat()
        try #require(stat(url.path, &info) == 0)
        return info.st_mode & 0o7777
    }

    @Test("a symbolic link stays a link: the file it points to is replaced")
    func symbolicLink() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.csv"), link = folder.appendingPathComponent("link.csv")
        try Data("old".utf8).write(to: real)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.csv")
        try OutputFile.write("new", to: link.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.csv")
        #expect(Self.read(real) == "new")
    }

    @Test("an empty name, a folder, a missing folder and a name ending in / are refused before anything is written")
    func refusedPaths() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: OutputError(path: "", reason: "the file name is empty")) { try OutputFile(path: "") }
        #expect(throws: OutputError(path: folder.path, reason: "it is a folder")) { try OutputFile(path: folder.path) }
        let missing = folder.appendingPathComponent("nope/report.csv").path
        #expect(throws: OutputError(path: missing, reason: "the folder \(folder.path)/nope does not exist", code: ENOENT)) { try OutputFile(path: missing) }
        #expect(throws: OutputError.self) { try OutputFile(path: folder.path + "/x/") }
        #expect(Self.entries(folder).isEmpty)
    }

    @Test("createFolder makes missing parents, accepts an existing folder and refuses a file")
    func createFolder() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deep = folder.appendingPathComponent("a/b/c").path
        try OutputFile.createFolder(deep)
        try OutputFile.createFolder(deep)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: deep, isDirectory: &isFolder) && isFolder.boolValue)
        let file = folder.appendingPathComponent("file")
        try Data().write(to: file)
        #expect(throws: OutputError(path: file.path, reason: "it is a file, not a folder", code: ENOTDIR)) { try OutputFile.createFolder(file.path) }
    }

    @Test("a very long name still gets a temporary file within the 255 bytes a name may have")
    func longName() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "æ", count: 120) + ".csv"  // 244 bytes
        try OutputFile.write("x", to: folder.appendingPathComponent(name).path)
        #expect(Self.entries(folder) == [name])
        #expect(OutputFile.shortened(String(repeating: "æ", count: 120)).utf8.count == 200)
    }

    @Test("the message names the path on one line")
    func message() {
        let e = OutputError(path: "out\nfake line", reason: "No space left on device", code: ENOSPC)
        #expect(e.description == #"out\nfake line: cannot write: No space left on device"#)
        #expect(OutputError(path: nil, reason: "Broken pipe", code: EPIPE).isBrokenPipe)
    }
}
