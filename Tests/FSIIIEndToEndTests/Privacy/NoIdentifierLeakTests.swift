import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIISampleData
import FSIIITestSupport

/// SPEC §10: no CPR number, name or raw citizen id in any output, log line
/// or error message of any command. Every command runs on CPR-shaped data
/// with good and bad rows (including CPR numbers in the wrong columns), and
/// every byte it writes — standard output, standard error, files — is
/// searched for every CPR number of the inputs, with and without hyphen.
@Suite("No identifier leaks from any command", .serialized)
struct NoIdentifierLeakTests {
    /// Bad rows that put CPR numbers where messages quote cells.
    static let badRows = """
    citizen;date;condition;level;team;goal;status;id;note
    1212129999;2024-01-01;0101401234;2;Hold A;;;X1;
    1212129999;0202504321;Vaske sig;2;Hold A;;;X2;
    1212129999;2024-01-01;Vaske sig;111111-1118;Hold A;;;X3;
    1212129999;2024-01-01;Vaske sig;2;Hold A;230345-1234;;X4;
    1212129999;2024-01-01;Vaske sig;2;Hold A;;121212-9999;X5;
    1212129999;2024-01-01;Vaske sig;2;Hold A;;;X6;050505-5555;extra
    1212129999;2024-01-01;Vaske sig;2
    060606-6666;"2024-01-01"0606066666;Vaske sig;2;Hold A;;;X8;
    """

    static func cprSequences(in folder: URL) throws -> Set<String> {
        var found = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            let regex = try NSRegularExpression(pattern: #"(?<![0-9])([0-9]{6})-?([0-9]{4})(?![0-9])"#)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let a = (text as NSString).substring(with: m.range(at: 1)), b = (text as NSString).substring(with: m.range(at: 2))
                found.insert(a + b)
                found.insert(a + "-" + b)
            }
        }
        return found
    }

    static func leaks(_ text: String, _ cprs: Set<String>) -> [String] {
        cprs.filter { text.contains($0) }.sorted()
    }

    @Test("every command, every output", .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func noLeaks() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        var spec = SampleSpec()
        spec.citizens = 60
        spec.seed = 11
        _ = try SampleCSVWriter.write(SampleGenerator(spec), to: data.path)
        try Data(Self.badRows.utf8).write(to: data.appendingPathComponent("assessments-bad.csv"))
        let cprs = try Self.cprSequences(in: data)
        #expect(cprs.count > 100, "the inputs hold CPR numbers")
        #expect(Self.leaks("cell 010140-1234 and 0202504321", cprs) == ["010140-1234", "0202504321"], "the search finds them")
        let key = folder.appendingPathComponent("key")
        try Data("a secret key of more than sixteen bytes\n".utf8).write(to: key)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        func o(_ name: String) -> String { out.appendingPathComponent(name).path }
        let runs: [[String]] = [
            ["report", data.path, "--format", "table"],
            ["report", data.path, "--format", "csv", "--dialect", "excel-da", "-o", o("report.csv")],
            ["report", data.path, "--format", "json", "-o", o("report.json"), "--rejects", o("rejects.csv")],
            ["report", data.path, "--html", o("report.html"), "--format", "csv", "--by", "condition", "--min-cell", "1"],
            ["report", data.path, "--rejects", o("rejects-pseudonyms.csv"), "--pseudonym-key", key.path, "--format", "json"],
            ["validate", data.path],
            ["validate", data.path, "--rejects", o("rejects2.csv")],
            ["courses", data.path, "--pseudonym-key", key.path, "-o", o("courses.csv")],
            ["courses", data.path, "--pseudonym-key", key.path, "--format", "json"],
            ["courses", data.path],
            ["codes", "Vaske"],
            ["report", data.path, "--by", "nonsense"],
            ["report", o("missing-folder")],
        ]
        var problems: [String] = []
        for args in runs {
            let r = try CLIRunner.run(args)
            for (stream, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
                let found = Self.leaks(text, cprs)
                if !found.isEmpty { problems.append("fsiii \(args.joined(separator: " ")) → \(stream): \(found.prefix(3))") }
            }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            let text = String(decoding: try Data(contentsOf: out.appendingPathComponent(name)), as: UTF8.self)
            let found = Self.leaks(text, cprs)
            if !found.isEmpty { problems.append("\(name): \(found.prefix(3))") }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // The rejects file was written, with the citizen replaced.
        let rejects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: o("rejects.csv"))), as: UTF8.self)
        #expect(rejects.contains(Redaction.placeholder))
        #expect(rejects.split(separator: "\r\n").count > 8)
        let pseudonymized = String(decoding: try Data(contentsOf: URL(fileURLWithPath: o("rejects-pseudonyms.csv"))), as: UTF8.self)
        let pseudonym = Pseudonymizer(key: try PseudonymKey(contentsOfFile: key.path)).pseudonym(of: "1212129999")
        #expect(pseudonymized.contains(pseudonym))
    }
}
