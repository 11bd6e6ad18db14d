import Foundation
import Testing
@testable import FSIIIBytes
import FSIIITestSupport

/// An input is memory-mapped (`FileBytes`); another program that truncates
/// it while it is read used to kill the process with SIGBUS. Now the
/// process names the file, removes its temporary outputs and exits with
/// status 1. Run in a child process (an exit test): the fault is real.
@Suite("A mapped input truncated while it is read")
struct TruncatedMappingTests {
    @Test("is reported by name with exit status 1, and the temporary outputs are removed")
    func truncatedWhileRead() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("assessments.csv").path
        let result = await #expect(processExitsWith: .exitCode(1), observing: [\.standardErrorContent]) { [path = path as String] in
            FatalSignals.install()
            let line = Array("0101401234;2024-01-01;Vaske sig;2\n".utf8)
            let text = [UInt8]((0..<40_000).flatMap { _ in line })
            guard FileManager.default.createFile(atPath: path, contents: Data(text)) else { return }
            let report = try OutputFile(path: (path as NSString).deletingLastPathComponent + "/report.csv")
            try report.write("half a report")
            let bytes = try FileBytes(path: path, shownPath: "shown\nname.csv")
            // What another program does: cut the file to nothing.
            guard truncate(path, 0) == 0 else { return }
            var sum = 0
            for i in stride(from: 0, to: bytes.bytes.count, by: 4096) { sum &+= Int(bytes.bytes[i]) }
            // Not reached: the read above faults.
            print(sum)
        }
        let message = String(decoding: try #require(result).standardErrorContent, as: UTF8.self)
        // The name the caller gave for messages (the domain masks identifiers in it), on one line.
        #expect(message == "fsiii: shown\\nname.csv: the file became shorter while it was being read (is another program writing or replacing it?); "
                         + "nothing was written. Run again when the file is complete.\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["assessments.csv"], "the temporary report was removed, none was put in place")
    }

    @Test("a file that keeps its size reads as before with the handlers installed")
    func unchangedFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("assessments.csv").path
        let text = "citizen;date;condition;level\n0101401234;2024-01-01;Vaske sig;2\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let bytes = try FileBytes(path: path, shownPath: path)
        #expect(String(decoding: UnsafeBufferPointer(rebasing: bytes.bytes[...]), as: UTF8.self) == text)
    }
}
