import Foundation
import Testing
import FSIIIBytes
@testable import FSIIISampleData
import FSIIITestSupport

/// The mean-change funnel (issue 21) through the command line, on generated
/// data: in the JSON report always, under `--funnel`'s method; its CSV
/// columns last under a funnel choice other than the default.
@Suite("Mean-change funnel on the command line (issue 21)", .serialized)
struct MeanChangeFunnelCLITests {
    static func generated() throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        var spec = SampleSpec()
        spec.citizens = 120
        spec.seed = 11
        _ = try SampleCSVWriter.write(SampleGenerator(spec), to: folder.path)
        return folder
    }

    @Test("JSON: mean_change_funnel under --funnel random; each limit is θ₀ ± z·√(σ²/n + τ²)",
          .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func json() throws {
        let folder = try Self.generated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.run(["report", folder.path, "--format", "json", "--quiet", "--min-cell", "1", "--funnel", "random"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let f = try #require(root["mean_change_funnel"] as? [String: Any])
        #expect(f["method"] as? String == "random")
        let target = try #require(f["target"] as? Double), sigma = try #require(f["sigma"] as? Double)
        let tau2 = try #require(f["tau2"] as? Double)
        let groups = try #require(f["groups"] as? [[String: Any]])
        #expect(!groups.isEmpty)
        for g in groups {
            let n = try #require(g["courses"] as? Int), high = try #require(g["limit95_high"] as? Double)
            let low = try #require(g["limit998_low"] as? Double)
            #expect(abs(high - (target + 1.959963984540054 * (sigma * sigma / Double(n) + tau2).squareRoot())) < 1e-12)
            #expect(abs(low - (target - 3.090232306167813 * (sigma * sigma / Double(n) + tau2).squareRoot())) < 1e-12)
            #expect(["within", "high_alert", "high_alarm", "low_alert", "low_alarm"].contains(g["flag"] as? String ?? ""))
        }
    }

    @Test("CSV: the mean-change funnel's columns last under --funnel none, absent by default",
          .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func csv() throws {
        let folder = try Self.generated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chosen = try CLIRunner.run(["report", folder.path, "--format", "csv", "--quiet", "--funnel", "none"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let header = chosen.stdout.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        #expect(header.hasSuffix("mean_change_limit95_low,mean_change_limit95_high,mean_change_limit998_low,mean_change_limit998_high,mean_change_flag"),
                "\(header)")
        let plain = try CLIRunner.run(["report", folder.path, "--format", "csv", "--quiet"])
        #expect(!plain.stdout.contains("mean_change_flag"))
        let bad = try CLIRunner.run(["report", folder.path, "--format", "csv", "--quiet", "--funnel", "wide"])
        #expect(bad.status != 0 && bad.stderr.contains("phi") && bad.stderr.contains("random") && bad.stderr.contains("none"))
    }

    @Test("table: the funnel's method, φ, τ² and overdispersion test in one line, the numbers the JSON has",
          .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func tableLine() throws {
        let folder = try Self.generated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let args = ["report", folder.path, "--quiet", "--min-cell", "1", "--funnel", "random", "--lang", "en"]
        let json = try JSONParser.parse(try CLIRunner.run(args + ["--format", "json"]).stdout)
        let f = try #require(json["funnel"])
        let chi = try #require(f["overdispersion_chi2"]?.double), groups = try #require(f["groups"]?.int)
        let phi = try #require(f["phi"]?.double), tau2 = try #require(f["tau2"]?.double)
        let table = try CLIRunner.run(args + ["--format", "table"]).stdout
        // The line wraps at 100 columns with an indent: compare with the whitespace collapsed.
        let flat = table.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Funnel: random (log), normal limits; φ = \(String(format: "%.2f", phi)), τ² = \(String(format: "%.4f", tau2));"))
        #expect(flat.contains("overdispersion test: n·φ = \(String(format: "%.2f", chi)) on \(groups - 1) degrees of freedom, p "))
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let da = try CLIRunner.run(["report", folder.path, "--quiet", "--min-cell", "1", "--format", "table"]).stdout
        #expect(da.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("Tragt: phi, normale grænser; φ = "))
    }
}
