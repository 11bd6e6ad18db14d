import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIISampleData
import FSIIIReports
import FSIIITestSupport

/// SPEC §12 on generated data: the citizens' totals recomputed here from
/// the raw cost rows and rates (Windows-1252, decimal commas, this file's
/// own parser and its own Gini and top shares), against the report; and
/// the command line's `--concentration` file.
@Suite("Cost concentration on generated data (SPEC §12)", .serialized)
struct ConcentrationSampleTests {
    static func generated(citizens: Int = 80, seed: UInt64 = 7) throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        var spec = SampleSpec()
        spec.citizens = citizens
        spec.seed = seed
        _ = try SampleCSVWriter.write(SampleGenerator(spec), to: folder.path)
        return folder
    }

    /// A decimal with a comma or a point.
    static func number(_ s: Substring) -> Double? { Double(s.replacingOccurrences(of: ",", with: ".")) }

    /// Per citizen (digits of the CPR number): Σ hours × the rate of the row's service.
    static func totals(in folder: URL) throws -> [String: Double] {
        func lines(_ name: String) throws -> [[Substring]] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252)!
            return text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        }
        var rate: [String: Double] = [:]
        for f in try lines("rates.csv") { rate[f[0].lowercased()] = number(f[1]) }
        var total: [String: Double] = [:]
        for f in try lines("costs.csv") {
            let hours = try #require(number(f[2]), "hours \(f[2])")
            let r = try #require(rate[f[3].lowercased()], "rate of \(f[3])")
            total[String(f[0].filter(\.isNumber)), default: 0] += hours * r
        }
        return total
    }

    @Test("N, Σx, Gini and the top shares equal a recomputation from the raw cost rows and rates")
    func independentRecomputation() throws {
        let folder = try Self.generated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let x = try Self.totals(in: folder).values.sorted()
        let n = x.count, sum = x.reduce(0, +)
        var g = 0.0
        for i in 0..<n { g += Double(2 * (i + 1) - n - 1) * x[i] }
        g /= Double(n) * sum
        func top(_ p: Int) -> Double { x.suffix(Int((Double(p * n) / 100).rounded(.up))).reduce(0, +) / sum }
        var options = ReportOptions()
        options.minCell = 1
        let report = EffectReporter.report(try DatasetLoader.load([InputPath(folder.path)], options: ImportOptions()), options: options)
        let f = try #require(report.costConcentration).overall
        #expect(n > 50)
        #expect(f.citizens == n)
        #expect(abs(f.totalCost! - sum) <= 1e-9 * sum)
        #expect(abs(f.gini! - g) < 1e-9)
        #expect(abs(f.top1Share! - top(1)) < 1e-9)
        #expect(abs(f.top5Share! - top(5)) < 1e-9)
        #expect(abs(f.top10Share! - top(10)) < 1e-9)
        #expect(f.lorenz.count == 21)
        let byMunicipality = try #require(report.costConcentration).byMunicipality
        #expect(byMunicipality.map(\.figures.citizens).reduce(0, +) == n)
        #expect(abs(byMunicipality.compactMap(\.figures.totalCost).reduce(0, +) - sum) <= 1e-9 * sum)
    }

    @Test("the JSON report carries cost_concentration with costs, and not without",
          .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func jsonContract() throws {
        let folder = try Self.generated(citizens: 40)
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.run(["report", folder.path, "--format", "json", "--quiet", "--min-cell", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let c = try #require(root["cost_concentration"] as? [String: Any])
        for key in ["citizens", "total_cost", "top1_share", "top5_share", "top10_share", "gini", "lorenz", "top5_with_course_share",
                    "top5_mean_change", "others_mean_change", "top5_mean_savings", "others_mean_savings", "by_municipality"] {
            #expect(c[key] != nil, "\(key)")
        }
        let lorenz = try #require(c["lorenz"] as? [[Double]])
        #expect(lorenz.first == [0, 0])
        #expect(lorenz.last == [1, 1])
        let rows = try #require(c["by_municipality"] as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["lorenz"] == nil && $0["municipality"] is String })
        try FileManager.default.removeItem(at: folder.appendingPathComponent("costs.csv"))
        let none = try CLIRunner.run(["report", folder.path, "--format", "json", "--quiet"])
        #expect(!none.stdout.contains("cost_concentration"))
    }

    @Test("--concentration FILE writes one row overall and one per municipality; it never overwrites an input",
          .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func concentrationFile() throws {
        let folder = try Self.generated(citizens: 60)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out-concentration.csv")
        let r = try CLIRunner.run(["report", folder.path, "--quiet", "-o", "/dev/null", "--concentration", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("municipality,citizens,total_cost,top1_share,top5_share,top10_share,gini,top5_with_course_share") == true)
        #expect(lines.count >= 3)   // the total and at least two municipalities
        // An input, directly or found in the folder, is refused before anything is read.
        let costs = folder.appendingPathComponent("costs.csv")
        let before = try Data(contentsOf: costs)
        let refused = try CLIRunner.run(["report", folder.path, "--quiet", "-o", "/dev/null", "--concentration", costs.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("an input is never overwritten"), "\(refused.stderr)")
        #expect(try Data(contentsOf: costs) == before)
        // Without cost data the option is a usage error, and no file appears.
        try FileManager.default.removeItem(at: costs)
        let other = folder.appendingPathComponent("c2.csv")
        let noCosts = try CLIRunner.run(["report", folder.path, "--quiet", "-o", "/dev/null", "--concentration", other.path])
        #expect(noCosts.status == 2)
        #expect(!FileManager.default.fileExists(atPath: other.path))
    }

    @Test("the HTML report draws the Lorenz curve and says the sentence, in Danish and English",
          .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func html() throws {
        let folder = try Self.generated(citizens: 120)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (lang, phrase) in [("da", "af borgerne står for"), ("en", "of the citizens account for")] {
            let page = folder.appendingPathComponent("r-\(lang).html")
            let r = try CLIRunner.run(["report", folder.path, "--quiet", "-o", "/dev/null", "--html", page.path, "--lang", lang])
            #expect(r.status == 0, "\(r.stderr)")
            let text = try String(contentsOf: page, encoding: .utf8)
            #expect(text.contains("<svg id=\"lorenz\""))
            #expect(text.contains(phrase))
        }
    }
}
