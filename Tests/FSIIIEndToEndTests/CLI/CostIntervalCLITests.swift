import Testing
import Foundation
import FSIIIBytes
import FSIIITestSupport

@Suite("fsiii report --ci percentile|bca on the sample data (issue 21)")
struct CostIntervalCLITests {
    static let sample = Fixtures.packageRoot.appendingPathComponent("SampleData").path

    static func comparison(_ extra: [String]) throws -> JSONValue {
        let r = try CLIRunner.run(["report", sample, "--compare", "--bootstrap", "300", "--format", "json", "--quiet"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONParser.parse(r.stdout)["cost_comparison"])
    }

    @Test("--ci percentile is the default, byte for byte; --ci bca changes only the intervals and names the method")
    func onlyIntervals() throws {
        let plain = try Self.comparison([]), percentile = try Self.comparison(["--ci", "percentile"]), bca = try Self.comparison(["--ci", "BCA"])
        #expect(plain == percentile && plain["ci_method"] == nil && bca["ci_method"] == .string("bca"))
        let p = try #require(plain["groups"]?.array), b = try #require(bca["groups"]?.array)
        #expect(p.count == b.count && !p.isEmpty)
        var changed = 0
        for (x, y) in zip(p, b) {
            for (key, value) in try #require(x.object).members where !key.contains("_ci_") {
                #expect(y[key] == value, "\(key)")
            }
            for key in ["delta_cost_ci_low", "inmb_ci_high"] where x[key] != y[key] { changed += 1 }
        }
        #expect(changed > 0, "BCa moves some interval")
    }

    @Test("--ci takes percentile or bca")
    func badValue() throws {
        let r = try CLIRunner.run(["report", Self.sample, "--compare", "--ci", "normal"])
        #expect(r.status == 2 && r.stderr.contains("--ci must be one of percentile, bca, not \"normal\""))
    }
}
