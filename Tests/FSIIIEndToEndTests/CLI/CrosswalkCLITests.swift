import Foundation
import Testing
import FSIIIBytes
@testable import FSIIIEffect
import FSIIITestSupport

/// `fsiii codes --crosswalk`, `--crosswalk FILE` and `--harmonize simplified` (issue 20).
@Suite("Command line: crosswalk and harmonisation", .serialized,
       .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
struct CrosswalkCLITests {
    static let sample = Fixtures.packageRoot.appendingPathComponent("SampleData").path

    @Test("codes --crosswalk --format csv is a file --crosswalk-file reads back to the same rows")
    func roundTrip() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try CLIRunner.run(["codes", "--crosswalk", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("legacy,simplified,basis,legacy_name,simplified_name\r\n"))
        #expect(csv.stdout.split(whereSeparator: \.isNewline).count == 31)
        let file = folder.appendingPathComponent("cw.csv")
        try Data(csv.stdout.utf8).write(to: file)
        let builtIn = try CLIRunner.run(["codes", "--crosswalk"])
        let fromFile = try CLIRunner.run(["codes", "--crosswalk-file", file.path])
        #expect(fromFile.status == 0)
        // The same rows; only the title (version, derived or not) differs.
        let rows = { (s: String) in s.components(separatedBy: "\n").filter { $0.hasPrefix("  J") } }
        #expect(rows(builtIn.stdout).count == 30 && rows(builtIn.stdout) == rows(fromFile.stdout))
        #expect(builtIn.stdout.contains("derived-20240530.1") && fromFile.stdout.contains("Read from a file"))
    }

    @Test("report --harmonize simplified: the crosswalk object in JSON, labelled derived; a bad file stops the run with file:line")
    func harmonizedReport() throws {
        let r = try CLIRunner.run(["report", Self.sample, "--harmonize", "simplified", "--format", "json", "--quiet"])
        #expect(r.status == 0)
        let json = try JSONParser.parse(r.stdout)
        #expect(json["crosswalk"]?["version"]?.string == "derived-20240530.1")
        #expect(json["crosswalk"]?["derived"] == .bool(true))
        #expect(json["crosswalk"]?["combine"]?.string == "max")
        #expect((json["crosswalk"]?["mapped_assessments"]?.int ?? 0) > 0)
        #expect(json["total"]?["not_evaluable"]?["model_switch"]?.int == 0)
        let plain = try CLIRunner.run(["report", Self.sample, "--format", "json", "--quiet"])
        #expect(try JSONParser.parse(plain.stdout)["crosswalk"] == nil)

        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("mine.csv")
        try Data("legacy;simplified;basis\nJ1.1;Personlig_pleje;judgement\nJ1.1;Spise_og_drikke;judgement\n".utf8).write(to: bad)
        let refused = try CLIRunner.run(["report", Self.sample, "--harmonize", "simplified", "--crosswalk", bad.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("mine.csv:3: legacy: J1.1 is mapped twice (line 2 to Personlig pleje, here to Spise og drikke)"))
        let withoutHarmonize = try CLIRunner.run(["report", Self.sample, "--crosswalk", bad.path])
        #expect(withoutHarmonize.status == 2 && withoutHarmonize.stderr.contains("--crosswalk applies with --harmonize simplified"))
        // The crosswalk file is an input: never overwritten by an output.
        let good = folder.appendingPathComponent("good.csv")
        try Data("legacy;simplified;basis\nJ1.1;Personlig_pleje;judgement\n".utf8).write(to: good)
        let overwrite = try CLIRunner.run(["report", Self.sample, "--harmonize", "simplified", "--crosswalk", good.path, "-o", good.path])
        #expect(overwrite.status == 2 && overwrite.stderr.contains("is the input"))
    }

    @Test("generate --switch-date --switch-stagger 420: two municipalities switch, model_switch courses only in them; --switch-stagger alone is refused")
    func generatedSwitch() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try CLIRunner.run(["generate", folder.path, "--citizens", "1500", "--seed", "3", "--costs", "none",
                                      "--switch-date", "2024-06-01", "--switch-stagger", "420", "--quiet"])
        #expect(made.status == 0, "\(made.stderr)")
        let r = try CLIRunner.run(["report", folder.path, "--by", "municipality", "--min-cell", "0", "--format", "json", "--quiet"])
        #expect(r.status == 0)
        let json = try JSONParser.parse(r.stdout)
        let total = json["total"]?["not_evaluable"]?["model_switch"]?.int ?? 0
        #expect(total > 0)
        var switchedGroups = 0, sum = 0
        for g in json["groups"]?.array ?? [] {
            let n = g["not_evaluable"]?["model_switch"]?.int ?? 0
            sum += n
            if n > 0 { switchedGroups += 1 }
        }
        #expect(sum == total && switchedGroups == 2, "model_switch in exactly the two switching municipalities")
        let harmonised = try CLIRunner.run(["report", folder.path, "--harmonize", "simplified", "--format", "json", "--quiet"])
        #expect(try JSONParser.parse(harmonised.stdout)["total"]?["not_evaluable"]?["model_switch"]?.int == 0)
        let alone = try CLIRunner.run(["generate", folder.appendingPathComponent("x").path, "--switch-stagger", "30"])
        #expect(alone.status == 2 && alone.stderr.contains("--switch-stagger needs --switch-date"))
    }
}
