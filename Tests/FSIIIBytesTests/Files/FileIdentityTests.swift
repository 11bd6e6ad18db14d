import Foundation
import Testing
@testable import FSIIIBytes
import FSIIITestSupport

/// `FileIdentity`: the paths that lead to one file are recognised as one.
@Suite("File identity: ./, .., symbolic and hard links name the same file")
struct FileIdentityTests {
    @Test("every spelling of an existing file, and its links, is the same file; another file is not")
    func existing() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("assessments.csv")
        try Data("x".utf8).write(to: file)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("soft.csv").path, withDestinationPath: "assessments.csv")
        try FileManager.default.linkItem(atPath: file.path, toPath: folder.appendingPathComponent("hard.csv").path)
        try Data("y".utf8).write(to: folder.appendingPathComponent("other.csv"))
        let original = FileIdentity(path: file.path)
        for spelling in ["/./assessments.csv", "/sub/../assessments.csv", "//assessments.csv", "/soft.csv", "/hard.csv"] {
            #expect(FileIdentity(path: folder.path + spelling).isSameFile(as: original), "\(spelling)")
        }
        #expect(!FileIdentity(path: folder.appendingPathComponent("other.csv").path).isSameFile(as: original))
    }

    @Test("a relative path is resolved against the current folder")
    func relative() throws {
        let here = try #require(realpath(".", nil))
        defer { free(here) }
        let folder = String(cString: here)
        #expect(FileIdentity(path: "not-there/../x.csv").resolvedPath == (folder == "/" ? "" : folder) + "/x.csv")
    }

    @Test("paths that do not exist yet compare by their resolved names")
    func missing() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = FileIdentity(path: folder.path + "/new/../report.csv")
        let b = FileIdentity(path: folder.path + "/./report.csv")
        #expect(a.device == nil && a.isSameFile(as: b))
        #expect(!a.isSameFile(as: FileIdentity(path: folder.path + "/report.html")))
        // Through a symbolic link to the folder.
        let alias = folder.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: folder.path)
        #expect(FileIdentity(path: alias.path + "/report.csv").isSameFile(as: b))
    }

    @Test("/dev/null is a character device")
    func device() {
        #expect(FileIdentity(path: "/dev/null").isCharacterDevice)
        #expect(!FileIdentity(path: "/tmp").isCharacterDevice)
    }
}
