import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// The `fsiii` command line: exit statuses of SPEC §11, help, usage errors,
/// validate, codes and the accounting printed after every import.
@Suite("Command line", .serialized, .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
struct CommandLineTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test("--quiet: standard error holds the import accounting and nothing else (no progress line, no warnings)")
    func quietReportIsSilent() throws {
        let r = try CLIRunner.run(["report", Fixtures.packageRoot.appendingPathComponent("SampleData").path, "--format", "json", "--quiet"])
        #expect(r.status == 0)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.dropLast().map { String($0.prefix { $0 != ":" }) } == ["assessments", "courses", "costs", "rates"])
        #expect(lines.last == "" && !r.stderr.contains("\r") && !r.stderr.contains("\u{1B}"))
        #expect(r.stdout.hasPrefix("{"))
    }

    @Test("report on the sample data: a team table, exit 0, the accounting on standard error")
    func reportSample() throws {
        let r = try CLIRunner.run(["report", Fixtures.packageRoot.appendingPathComponent("SampleData").path, "--format", "table", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Team") && r.stdout.contains("Hold Nørrebro") && r.stdout.contains("Total"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "readable at 100 columns")
        #expect(r.stderr.contains("assessments: read ") && r.stderr.contains(" = accepted "))
        #expect(r.stderr.contains("rejected: "))
    }

    @Test("validate: 0 when rows were read, 1 when nothing usable was")
    func validate() throws {
        let good = try Self.folder(["assessments.csv": "citizen;date;condition;level\n0101401234;2024-01-01;Vaske sig;2\n"])
        defer { try? FileManager.default.removeItem(at: good) }
        let ok = try CLIRunner.run(["validate", good.path])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("assessments: read 1 = accepted 1 + rejected 0 + superseded 0 + removed 0"))
        #expect(ok.stdout.contains("UTF-8, delimiter ;"))
        let bad = try Self.folder(["assessments.csv": "citizen;date;condition;level\n0101401234;2024-13-01;Vaske sig;2\n", "courses.csv": ""])
        defer { try? FileManager.default.removeItem(at: bad) }
        let none = try CLIRunner.run(["validate", bad.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("assessments.csv:2: date: \"2024-13-01\" is not a date"))
        #expect(none.stderr.contains("courses.csv: the file is empty"))
    }

    @Test("bad command lines exit 2 with a hint; inputs that cannot be used exit 1")
    func exitStatuses() throws {
        let unknown = try CLIRunner.run(["report", "SampleData", "--by", "teams"])
        #expect(unknown.status == 2 && unknown.stderr.contains("--by must be one of team, municipality, month, area, condition"))
        let typo = try CLIRunner.run(["report", "SampleData", "--min-cel", "5"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean --min-cell?"))
        let noCommand = try CLIRunner.run(["reprt"])
        #expect(noCommand.status == 2 && noCommand.stderr.contains("unknown command"))
        let missing = try CLIRunner.run(["report", "/nonexistent/folder"])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/folder: no such file or folder"))
        let noInput = try CLIRunner.run(["report"])
        #expect(noInput.status == 2 && noInput.stderr.contains("give at least one input file or folder"))
        let window = try CLIRunner.run(["report", "SampleData", "--window", "2024-01-01"])
        #expect(window.status == 2 && window.stderr.contains("--window needs FROM..TO"))
    }

    @Test("--help explains every option of a command, once")
    func help() throws {
        let r = try CLIRunner.run(["report", "--help"])
        #expect(r.status == 0)
        for option in ["--by", "--min-cell", "--format", "--dialect", "--lookback-days", "--horizon-days", "--window", "--rejects", "--html", "--compare"] {
            // A space after the name: "--compare" is not "--compare-to".
            #expect(r.stdout.components(separatedBy: "  \(option) ").count == 2, "\(option) described once")
        }
        let generate = try CLIRunner.run(["generate", "--help"])
        #expect(generate.status == 0)
        for option in ["--effect", "--natural", "--decay-months", "--counterfactual", "--citizens", "--rows"] {
            #expect(generate.stdout.components(separatedBy: "  \(option)").count == 2, "generate: \(option) described once")
        }
        #expect(generate.stdout.contains("meanChange"), "the effect's scale is named")
        #expect(generate.stdout.contains("seed of the sample generator") && !generate.stdout.contains("bootstrap"), "generate's --seed is the generator's, not the bootstrap's")
        let top = try CLIRunner.run(["--help"])
        #expect(top.status == 0 && top.stdout.contains("report") && top.stdout.contains("validate") && top.stdout.contains("codes"))
    }

    @Test("codes lists conditions and levels; --tokens prints every accepted token")
    func codes() throws {
        let r = try CLIRunner.run(["codes", "vaske"])
        #expect(r.status == 0 && r.stdout.contains("J1.1") && r.stdout.contains("4d46bd94-9518-431c-82e8-ebb91bca307a  Vaske sig"))
        let tokens = try CLIRunner.run(["codes", "--tokens"])
        let lines = tokens.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "kind,token,value")
        #expect(lines.contains("condition,J1.1,4d46bd94-9518-431c-82e8-ebb91bca307a"))
        #expect(lines.contains("level,B3,2") && lines.contains("level,Moderate begrænsninger,2"))
        let none = try CLIRunner.run(["codes", "vaske sigg"])
        #expect(none.status == 1 && none.stdout.contains("did you mean \"Vaske sig\"?"))
    }

    @Test("no progress line when standard error is not a terminal")
    func quietProgress() throws {
        let r = try CLIRunner.run(["validate", Fixtures.packageRoot.appendingPathComponent("SampleData").path])
        #expect(!r.stderr.contains("\r") && !r.stderr.contains("MB/s"))
    }
}
