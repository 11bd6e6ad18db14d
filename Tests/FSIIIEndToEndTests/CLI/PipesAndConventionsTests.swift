import Foundation
import Testing
import FSIIIBytes
@testable import FSIIIEffect
import FSIIITestSupport

/// Issue 22, part 2: `-` reads standard input, `fsiii version`, and the
/// completion scripts for bash and zsh.
@Suite("Command line: pipes, version, completions", .serialized,
       .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
struct PipesAndConventionsTests {
    static let sample = Fixtures.packageRoot.appendingPathComponent("SampleData")

    static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @Test("cat assessments.csv | fsiii report - gives the figures of the folder run (courses, costs and rates as options)")
    func pipedAssessmentsEqualFolderRun() throws {
        let folder = try CLIRunner.run(["report", Self.sample.path, "--format", "json", "--quiet"])
        #expect(folder.status == 0)
        let s = Self.shellQuoted(Self.sample.path)
        let piped = try CLIRunner.shell("cat \(s)/assessments.csv | $FSIII report - --courses \(s)/courses.csv --costs \(s)/costs.csv --rates \(s)/rates.csv --format json --quiet",
                                        in: Self.sample)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == folder.stdout)
        #expect(piped.stdout.contains("\"groups\""))
        // The accounting names the same counts as the folder run's.
        #expect(piped.stderr.components(separatedBy: "\n").first == folder.stderr.components(separatedBy: "\n").first)
    }

    @Test("--fhir - reads a KL Gateway NDJSON file from a pipe: the same accounting and report as the file")
    func pipedFHIR() throws {
        let file = Self.sample.appendingPathComponent("klgateway/klgateway.ndjson").path
        let direct = try CLIRunner.run(["report", "--fhir", file, "--format", "json", "--quiet"])
        let piped = try CLIRunner.shell("$FSIII report --fhir - --format json --quiet < \(Self.shellQuoted(file))", in: Self.sample)
        let catted = try CLIRunner.shell("cat \(Self.shellQuoted(file)) | $FSIII report --fhir - --format json --quiet", in: Self.sample)
        #expect(direct.status == 0 && piped.status == 0 && catted.status == 0)
        #expect(piped.stdout == direct.stdout && catted.stdout == direct.stdout)
        #expect(catted.stderr == direct.stderr)
        #expect(direct.stderr.contains("fhir: read "))
    }

    @Test("problems in piped input are named <stdin>:LINE, and a Windows-1252 pipe is decoded as a file would be")
    func pipedProblemsNameStdin() throws {
        let text = "citizen;date;condition;level\n0101401234;2024-01-10;Vaske sig;3\n0101401234;2024-13-10;Lave mad;3\n0202504321;2024-02-01;Af- og påklædning;2\n"
        var bytes = [UInt8]()
        for scalar in text.unicodeScalars { bytes.append(scalar.value < 0x80 ? UInt8(scalar.value) : scalar == "å" ? 0xE5 : scalar == "æ" ? 0xE6 : 0x3F) }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bytes).write(to: folder.appendingPathComponent("export.bin"))
        let r = try CLIRunner.shell("cat export.bin | $FSIII validate -", in: folder)
        #expect(r.status == 0)
        #expect(r.stderr.contains("<stdin>:3: date: \"2024-13-10\" is not a date"))
        #expect(r.stdout.contains("assessments: read 3 = accepted 2 + rejected 1 + superseded 0 + removed 0"))
        #expect(r.stdout.contains("Windows-1252"), "\(r.stdout)")
        #expect(!r.stdout.contains("0101401234") && !r.stderr.contains("0101401234"))
    }

    @Test("- named twice, or an empty pipe: a clear message and status 2 or 1, never a hang")
    func stdinMistakes() throws {
        let twice = try CLIRunner.shell("$FSIII report - --courses - < /dev/null", in: Self.sample)
        #expect(twice.status == 2 && twice.stderr.contains("standard input) is named twice"))
        let empty = try CLIRunner.shell("$FSIII report - < /dev/null", in: Self.sample)
        #expect(empty.status == 1 && empty.stderr.contains("<stdin>: the file is empty"))
        // A file called "-" on disk is not what `-` means, and output to `-` is standard output.
        let out = try CLIRunner.shell("cat \(Self.shellQuoted(Self.sample.path))/assessments.csv | $FSIII report - --courses courses.csv -o - --format csv --quiet", in: Self.sample)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("group,courses,citizens,") && out.stdout.split(whereSeparator: \.isNewline).count > 3)
    }

    @Test("fsiii version and --version: the tool's and the terminology's versions; --json for scripts")
    func version() throws {
        let text = try CLIRunner.run(["version"])
        let flag = try CLIRunner.run(["--version"])
        #expect(text.status == 0 && flag.status == 0 && text.stdout == flag.stdout)
        #expect(text.stdout == "fsiii \(FSIIIEffect.version)\nFSIII terminology \(Terminology.builtIn.version) (built-in)\ncrosswalk: none\n")
        let json = try CLIRunner.run(["version", "--json"])
        let value = try JSONParser.parse(json.stdout)
        #expect(value["version"]?.string == FSIIIEffect.version)
        #expect(value["terminology_version"]?.string == "20240530")
        #expect(value["terminology_source"]?.string == "built-in")
        #expect(value["crosswalk_version"] == .null)
    }

    /// The options `fsiii COMMAND --help` lists.
    static func helpOptions(_ command: String) throws -> [String] {
        let help = try CLIRunner.run([command, "--help"]).stdout
        return help.components(separatedBy: "\n").compactMap { line in
            guard let r = line.range(of: #"--[a-z][a-z0-9-]*"#, options: .regularExpression), line.hasPrefix("  -") else { return nil }
            return String(line[r])
        }
    }

    @Test("bash completion: commands, every option of a command, and file names after an option that takes a FILE")
    func bashCompletion() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("assessments-2024.csv"))
        func complete(_ words: [String]) throws -> [String] {
            let array = words.map(Self.shellQuoted).joined(separator: " ")
            let r = try CLIRunner.shell("bash -c 'source <($FSIII completions bash); COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _fsiii; printf \"%s\\n\" \"${COMPREPLY[@]}\"' _ \(array)", in: folder)
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try complete(["fsiii", "rep"]) == ["report"])
        #expect(Set(try complete(["fsiii", ""])) == ["report", "courses", "validate", "codes", "generate", "version", "completions", "--help", "--version"])
        #expect(Set(try complete(["fsiii", "report", "--compare"])) == ["--compare", "--compare-to"])
        #expect(try complete(["fsiii", "report", "--assessments", "ass"]) == ["assessments-2024.csv"])
        #expect(try complete(["fsiii", "completions", "z"]) == ["zsh"])
        for command in ["report", "courses", "validate", "codes", "generate"] {
            let offered = Set(try complete(["fsiii", command, "--"]))
            let listed = try Self.helpOptions(command)
            #expect(!listed.isEmpty)
            #expect(Set(listed) == offered.filter { $0.hasPrefix("--") }, "\(command)")
        }
    }

    static let zsh = ["/usr/bin/zsh", "/bin/zsh"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("zsh completion: every command and option, quoted so zsh parses it (zsh -n when zsh is installed)")
    func zshCompletion() throws {
        let r = try CLIRunner.run(["completions", "zsh"])
        #expect(r.status == 0 && r.stdout.hasPrefix("#compdef fsiii\n"))
        for command in ["report", "courses", "validate", "codes", "generate", "version", "completions"] {
            #expect(r.stdout.contains("'\(command):") && r.stdout.contains("        \(command))\n"))
        }
        for option in try Self.helpOptions("report") { #expect(r.stdout.contains("'\(option)[") || r.stdout.contains("'*\(option)["), "\(option)") }
        #expect(r.stdout.contains("'*--assessments[") && r.stdout.contains("]:FILE:_files'"))
        guard let zsh = Self.zsh else {
            print("zsh is not installed: the zsh syntax check of the completion script is skipped (.ci/run installs zsh)")
            return
        }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(r.stdout.utf8).write(to: folder.appendingPathComponent("_fsiii"))
        let check = try CLIRunner.runProgram(URL(fileURLWithPath: zsh), ["-n", folder.appendingPathComponent("_fsiii").path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("completions without a shell, or an unknown one: status 2 with the shells named")
    func completionMistakes() throws {
        let none = try CLIRunner.run(["completions"])
        #expect(none.status == 2 && none.stderr.contains("fsiii completions bash"))
        let fish = try CLIRunner.run(["completions", "fish"])
        #expect(fish.status == 2 && fish.stderr.contains("the shells are bash and zsh"))
    }
}
