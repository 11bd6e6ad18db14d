import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// The command line's outputs (issue 16): a failed write is exit status 1
/// with a message, never a trap; an output that is an input or another
/// output is refused before anything is read; an earlier report survives a
/// failed or interrupted run; names in messages stay on one line.
@Suite("Command line outputs: failures, refusals, atomic files", .serialized,
       .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
struct OutputSafetyTests {
    static let assessments = """
    citizen;date;condition;level;team
    0101401234;2024-01-10;Vaske sig;3;Hold A
    0101401234;2024-03-10;Vaske sig;1;Hold A
    0202504321;2024-01-12;Vaske sig;2;Hold A
    0202504321;2024-03-12;Vaske sig;2;Hold A

    """
    static let courses = """
    citizen;start;end;team
    0101401234;2024-01-15;2024-03-01;Hold A
    0202504321;2024-01-15;2024-03-01;Hold A

    """

    /// A folder with the two inputs and an earlier `report.csv`.
    static func folder() throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        try Data(assessments.utf8).write(to: folder.appendingPathComponent("assessments.csv"))
        try Data(courses.utf8).write(to: folder.appendingPathComponent("courses.csv"))
        try Data("earlier report\n".utf8).write(to: folder.appendingPathComponent("report.csv"))
        return folder
    }

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func text(_ folder: URL, _ name: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// No trap, no crash report.
    static func noCrash(_ r: CLIRunner.Result) {
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("crashed") && !r.stderr.contains("Backtrac"), "\(r.stderr)")
        #expect(r.status != 132 && r.status != 134 && r.status != 135 && r.status != 139, "killed by a signal: \(r.status)")
    }

    @Test("standard output on a full disk (/dev/full) is exit status 1 with a message", arguments: [
        "report . --quiet --format csv", "report . --quiet --format json", "courses . --quiet --pseudonym-key key", "validate . --quiet",
        "codes", "codes --tokens", "report --help", "--version", "--help",
    ])
    func fullStandardOutput(_ command: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("0123456789abcdef0123".utf8).write(to: folder.appendingPathComponent("key"))
        let r = try CLIRunner.shell("$FSIII \(command) > /dev/full", in: folder)
        Self.noCrash(r)
        #expect(r.status == 1)
        #expect(r.stderr.contains("standard output: cannot write: No space left on device"))
    }

    @Test("-o /dev/full and --html /dev/full are exit status 1 with a message; the earlier report stays")
    func fullFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try CLIRunner.run(["report", ".", "--quiet", "-o", "/dev/full"], in: folder)
        Self.noCrash(full)
        #expect(full.status == 1 && full.stderr.contains("fsiii report: /dev/full: cannot write: No space left on device"))
        let html = try CLIRunner.run(["report", ".", "--quiet", "-o", "report.csv", "--html", "/dev/full"], in: folder)
        Self.noCrash(html)
        #expect(html.status == 1 && html.stderr.contains("/dev/full: cannot write: No space left on device"))
        #expect(Self.text(folder, "report.csv") == "earlier report\n", "one failed output: none is put in place")
        #expect(Self.entries(folder) == ["assessments.csv", "courses.csv", "report.csv"], "no temporary file is left")
    }

    @Test("a closed standard output (>&-) is exit status 1 with a message, and no input file is written to")
    func closedStandardOutput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.shell("$FSIII report . --quiet --format csv >&-", in: folder)
        Self.noCrash(r)
        #expect(r.status == 1 && r.stderr.contains("standard output: cannot write: it is closed"))
        #expect(Self.text(folder, "assessments.csv") == Self.assessments)
    }

    @Test("a pipe closed by its reader (| head -c1) ends the run with status 1 and no message (RULES.md)")
    func closedPipe() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // More than a pipe holds (64 KiB), so the write meets the closed pipe.
        let sample = Fixtures.packageRoot.appendingPathComponent("SampleData").path
        try Data("0123456789abcdef0123".utf8).write(to: folder.appendingPathComponent("key"))
        let r = try CLIRunner.shell("{ $FSIII courses '\(sample)' --quiet --pseudonym-key key --format json 2>err; echo $? > status; } | head -c1 > /dev/null; cat err status", in: folder)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "1", "exit status of fsiii")
        #expect(!lines.contains { $0.contains("cannot write") || $0.contains("Fatal") }, "\(r.stdout)")
    }

    @Test("generate on a full disk (a file-size limit) is status 1 naming the file; no half-written or temporary file, earlier files kept")
    func generateFull() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("earlier\n".utf8).write(to: out.appendingPathComponent("assessments.csv"))
        // ulimit -f counts blocks of 512 bytes: 100 KB, less than 3000 citizens' assessments.
        let r = try CLIRunner.shell("ulimit -f 200; $FSIII generate out --citizens 3000 --seed 2", in: folder)
        Self.noCrash(r)
        #expect(r.status == 1)
        #expect(r.stderr.contains("out/assessments.csv: cannot write: File too large") || r.stderr.contains("out/costs.csv: cannot write: File too large"), "\(r.stderr)")
        #expect(Self.entries(out) == ["assessments.csv"])
        #expect(Self.text(out, "assessments.csv") == "earlier\n")
    }

    /// `(arguments, the message)`: each refused with status 2 before anything is read.
    static let refusals: [([String], String)] = [
        (["report", ".", "-o", "assessments.csv"], "--output \"assessments.csv\" is the input \"./assessments.csv\" (found in the folder \".\"): an input is never overwritten"),
        (["report", ".", "--html", "./sub/../courses.csv"], "--html \"./sub/../courses.csv\" is the input \"./courses.csv\""),
        (["report", ".", "--rejects", "link.csv"], "--rejects \"link.csv\" is the input \"./assessments.csv\""),
        (["report", ".", "--ceac", "hard.csv"], "--ceac \"hard.csv\" is the input \"./assessments.csv\""),
        (["report", "assessments.csv", "courses.csv", "-o", "courses.csv"], "--output \"courses.csv\" is the input \"courses.csv\": an input is never overwritten"),
        (["report", "--assessments", "assessments.csv", "--courses", "courses.csv", "--html", "courses.csv"], "--html \"courses.csv\" is the input \"courses.csv\""),
        (["report", ".", "--pseudonym-key", "key", "--rejects", "key"], "--rejects \"key\" is the input \"key\""),
        (["courses", ".", "--pseudonym-key", "key", "-o", "key"], "--output \"key\" is the input \"key\""),
        (["validate", ".", "--rejects", "courses.csv"], "--rejects \"courses.csv\" is the input \"./courses.csv\""),
        (["report", ".", "-o", "r.csv", "--html", "./r.csv"], "--output and --html name the same file \"./r.csv\"; give each output its own file"),
        (["report", ".", "--rejects", "r.csv", "--ceac", "r.csv"], "--ceac and --rejects name the same file \"r.csv\""),
        (["report", ".", "--html", "-"], "--output (not given) and --html - would both write to standard output"),
        (["validate", ".", "--rejects", "-"], "the summary of validate and --rejects - would both write to standard output"),
        (["report", ".", "-o", ""], "--output needs a file name, not an empty one"),
        (["report", ".", "--html="], "--html needs a file name, not an empty one"),
    ]

    @Test("an output that is an input, or another output, is refused with status 2 before anything is read", arguments: refusals)
    func refused(_ arguments: [String], _ message: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("0123456789abcdef0123".utf8).write(to: folder.appendingPathComponent("key"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "assessments.csv")
        try FileManager.default.linkItem(atPath: folder.appendingPathComponent("assessments.csv").path, toPath: folder.appendingPathComponent("hard.csv").path)
        let before = Self.entries(folder)
        let r = try CLIRunner.run(arguments + ["--quiet"], in: folder)
        Self.noCrash(r)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains(": read "), "refused before the import")
        #expect(Self.text(folder, "assessments.csv") == Self.assessments && Self.text(folder, "courses.csv") == Self.courses)
        #expect(Self.entries(folder) == before, "nothing written, no temporary file")
    }

    @Test("several outputs may go to /dev/null, and an output beside an input is fine")
    func allowed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let null = try CLIRunner.run(["report", ".", "--quiet", "-o", "/dev/null", "--html", "/dev/null", "--rejects", "/dev/null"], in: folder)
        #expect(null.status == 0, "\(null.stderr)")
        let beside = try CLIRunner.run(["report", ".", "--quiet", "-o", "report.csv", "--html", "report.html"], in: folder)
        #expect(beside.status == 0)
        #expect(Self.text(folder, "report.csv")?.hasPrefix("group,courses,citizens,") == true)
        #expect(Self.text(folder, "report.html")?.hasPrefix("<!DOCTYPE html>") == true)
        #expect(Self.entries(folder) == ["assessments.csv", "courses.csv", "report.csv", "report.html"])
    }

    @Test("an output folder that does not exist, or a folder as output, is status 1 before anything is read")
    func unwritable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try CLIRunner.run(["report", ".", "--quiet", "--html", "nope/report.html"], in: folder)
        #expect(missing.status == 1 && missing.stderr.contains("nope/report.html: cannot write: the folder nope does not exist"))
        #expect(!missing.stderr.contains(": read "))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        let isFolder = try CLIRunner.run(["report", ".", "--quiet", "-o", "sub"], in: folder)
        #expect(isFolder.status == 1 && isFolder.stderr.contains("sub: cannot write: it is a folder"))
    }

    @Test("a run that stops on its inputs leaves the earlier report as it was")
    func failedRunKeepsReport() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("courses.csv"))
        let r = try CLIRunner.run(["report", ".", "--quiet", "-o", "report.csv", "--html", "report.html"], in: folder)
        #expect(r.status == 1 && r.stderr.contains("no courses were read"))
        #expect(Self.text(folder, "report.csv") == "earlier report\n")
        #expect(Self.entries(folder) == ["assessments.csv", "report.csv"])
    }

    @Test("an interrupted run (SIGINT) removes its temporary files, keeps the earlier files and dies of the signal")
    func interrupted() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("earlier\n".utf8).write(to: out.appendingPathComponent("courses.csv"))
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["generate", out.path, "--citizens", "2000000", "--quiet"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the temporary files exist and are being written.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && !Self.entries(out).contains(where: { $0.hasPrefix(".courses.csv.fsiii-") }) { usleep(20_000) }
        usleep(200_000)
        #expect(process.isRunning, "the run is long enough to be interrupted")
        process.interrupt()
        let stop = Date().addingTimeInterval(20)
        while process.isRunning && Date() < stop { usleep(20_000) }
        // Not stopped by SIGINT: kill it rather than let it fill the disk.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT)
        #expect(Self.entries(out) == ["courses.csv"])
        #expect(Self.text(out, "courses.csv") == "earlier\n")
    }

    @Test("generate writes each file whole; a second run replaces them and leaves no temporary file")
    func generateReplaces() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("earlier\n".utf8).write(to: folder.appendingPathComponent("courses.csv"))
        let r = try CLIRunner.run(["generate", folder.path, "--citizens", "20", "--seed", "4", "--quiet"])
        #expect(r.status == 0)
        #expect(Self.entries(folder) == ["assessments.csv", "costs.csv", "courses.csv", "rates.csv"])
        let courses = try Data(contentsOf: folder.appendingPathComponent("courses.csv"))
        #expect(courses.starts(with: Array("\u{FEFF}borger;start;end;hold;kommune;id;type\n".utf8)))
        #expect(Self.text(folder, "rates.csv") == "service;rate\nPersonlig pleje § 83;412,5\nPraktisk hjælp § 83;365\nRehabilitering § 83a;468\n")
        let fhir = try CLIRunner.run(["generate", folder.appendingPathComponent("fhir").path, "--citizens", "5", "--format", "fhir", "--quiet"])
        #expect(fhir.status == 0)
        #expect(Self.entries(folder.appendingPathComponent("fhir")) == ["klgateway.ndjson", "rates.csv"])
        let notFolder = try CLIRunner.run(["generate", folder.appendingPathComponent("courses.csv").path, "--quiet"])
        #expect(notFolder.status == 1 && notFolder.stderr.contains("courses.csv: cannot write: it is a file, not a folder"))
    }

    @Test("a line break in an output or folder name cannot add a fake line to standard error or to validate's list")
    func namesStayOnOneLine() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = "x\nassessments: read 9 = accepted 9 + rejected 0 + superseded 0 + removed 0"
        let missing = try CLIRunner.run(["report", ".", "--quiet", "-o", fake + "/r.csv"], in: folder)
        #expect(missing.status == 1)
        #expect(!missing.stderr.split(separator: "\n").contains { $0.hasPrefix("assessments: read 9") })
        #expect(missing.stderr.contains(#"x\nassessments: read 9 = accepted 9 + rejected 0 + superseded 0 + removed 0/r.csv: cannot write: the folder x\nassessments"#))
        let generated = try CLIRunner.run(["generate", fake, "--citizens", "3"], in: folder)
        #expect(generated.status == 0)
        #expect(generated.stderr.hasSuffix(#" to x\nassessments: read 9 = accepted 9 + rejected 0 + superseded 0 + removed 0"# + "\n"))
        #expect(generated.stderr.split(separator: "\n").count == 1)
        let listed = try CLIRunner.run(["validate", fake], in: folder)
        #expect(listed.status == 0)
        #expect(!listed.stdout.split(separator: "\n").contains { $0.hasPrefix("assessments: read 9") })
        #expect(listed.stdout.contains(#"x\nassessments: read 9 = accepted 9 + rejected 0 + superseded 0 + removed 0/assessments.csv: assessments"#))
    }
}
