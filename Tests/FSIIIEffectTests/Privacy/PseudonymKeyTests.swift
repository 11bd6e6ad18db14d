import Foundation
import Testing
@testable import FSIIIEffect

/// The pseudonym key: at least 16 bytes, from a file or FSIII_PSEUDONYM_KEY (SPEC §10).
@Suite("Pseudonym key (SPEC §10)")
struct PseudonymKeyTests {
    /// Writes `bytes` to a new temporary file, runs `body` with its path, removes it.
    @discardableResult
    func withTemporaryFile<Result>(_ bytes: [UInt8], _ body: (String) throws -> Result) throws -> Result {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("fsiii-key-test-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test("a key shorter than 16 bytes is refused with a message that says how to make one")
    func tooShortIsRefused() {
        #expect(throws: PseudonymKeyError.tooShort(length: 15)) {
            try PseudonymKey(bytes: [UInt8](repeating: 0x41, count: 15))
        }
        let message = PseudonymKeyError.tooShort(length: 15).description
        #expect(message.contains("16"))
        #expect(message.contains("openssl rand"))
        #expect(message.contains("--pseudonym-key"))
        #expect(message.contains("FSIII_PSEUDONYM_KEY"))
        #expect(PseudonymKeyError.tooShort(length: 0).description.contains("empty"))
    }

    @Test("a key of exactly 16 bytes is accepted")
    func sixteenBytesAccepted() throws {
        let bytes = [UInt8](repeating: 0x41, count: PseudonymKey.minimumLength)
        #expect(try PseudonymKey(bytes: bytes).bytes == bytes)
    }

    @Test("a key file's trailing newline and white space are trimmed; leading bytes are kept")
    func keyFileTrailingNewlineTrimmed() throws {
        let key = " 0123456789abcdef0123456789abcdef"
        let fromFile = try withTemporaryFile(Array((key + " \t\r\n\n").utf8)) { path in
            try PseudonymKey(contentsOfFile: path)
        }
        #expect(fromFile.bytes == Array(key.utf8))
    }

    @Test("a key file that is only white space is too short")
    func blankKeyFileIsTooShort() throws {
        try withTemporaryFile(Array("\n".utf8)) { path in
            #expect(throws: PseudonymKeyError.tooShort(length: 0)) { try PseudonymKey(contentsOfFile: path) }
        }
    }

    @Test("a missing key file is reported as unreadable, naming the path")
    func missingKeyFileIsUnreadable() {
        let path = "/nonexistent/fsiii-\(UUID().uuidString).key"
        do {
            _ = try PseudonymKey(contentsOfFile: path)
            Issue.record("a missing file was accepted")
        } catch {
            guard case .unreadable(let reportedPath, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reportedPath == path)
            #expect(reason == "there is no such file")
            #expect(error.description.contains(path))
        }
    }

    @Test("a folder given as the key file is reported as unreadable")
    func folderIsUnreadable() {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: PseudonymKeyError.unreadable(path: folder, reason: "it is a folder, not a file")) {
            try PseudonymKey(contentsOfFile: folder)
        }
    }

    @Test("FSIII_PSEUDONYM_KEY is read as UTF-8 bytes; unset or empty gives nil")
    func environmentVariableRead() throws {
        let value = "æøå-environment-key-0123"
        let key = try PseudonymKey.fromEnvironment(["FSIII_PSEUDONYM_KEY": value, "PATH": "/usr/bin"])
        #expect(key?.bytes == Array(value.utf8))
        #expect(try PseudonymKey.fromEnvironment(["PATH": "/usr/bin"]) == nil)
        #expect(try PseudonymKey.fromEnvironment(["FSIII_PSEUDONYM_KEY": ""]) == nil)
        #expect(throws: PseudonymKeyError.tooShort(length: 5)) {
            try PseudonymKey.fromEnvironment(["FSIII_PSEUDONYM_KEY": "short"])
        }
    }

    @Test("the key never appears in its description or dump")
    func keyIsRedacted() throws {
        let key = try PseudonymKey(bytes: Array("secret-secret-secret".utf8))
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains("secret"))
        #expect(!String(describing: key).contains("secret"))
        #expect(!String(reflecting: key).contains("secret"))
    }
}
