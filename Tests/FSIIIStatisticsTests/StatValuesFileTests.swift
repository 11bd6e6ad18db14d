import Foundation
import Testing
@testable import FSIIIStatistics
import FSIIITestSupport

/// Checks every entry of the shared reference file stat_values.json (scipy 1.17.1 /
/// numpy 2.4.6), so a regenerated file is checked without copying it into the tests.
/// The literal tables in the other suites hold the same numbers for a fresh clone.
///
/// Note: JSONSerialization on Linux reads some doubles a few ulps off (e.g.
/// −0.16999999999999998 as −0.16999999999999993), so this test compares with the
/// tolerance even where the literal tests demand equality.
@Suite("Reference file stat_values.json")
struct StatValuesFileTests {
    typealias Accuracy = StatisticsAccuracy

    @Test("every entry of stat_values.json",
          .enabled(if: ReferenceFiles.directory != nil, "../shared/reference not found: reference-file test skipped"))
    func everyEntry() throws {
        let folder = try #require(ReferenceFiles.directory)
        let data = try Data(contentsOf: folder.appendingPathComponent("stat_values.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tolerance = Accuracy.tolerance

        for entry in try Self.entries(root, "t_quantile_0975") {
            let df = try Self.integer(entry, "df")
            let t = StudentT.quantile(0.975, degreesOfFreedom: df)
            #expect(Accuracy.relativeError(t, try Self.number(entry, "q")) <= tolerance, "t 0.975, df \(df)")
        }
        for entry in try Self.entries(root, "t_quantile") {
            let p = try Self.number(entry, "p"), df = try Self.integer(entry, "df")
            let t = StudentT.quantile(p, degreesOfFreedom: df)
            #expect(Accuracy.relativeError(t, try Self.number(entry, "q")) <= tolerance, "t \(p), df \(df)")
        }
        for entry in try Self.entries(root, "normal_quantile") {
            let p = try Self.number(entry, "p")
            #expect(Accuracy.relativeError(Normal.quantile(p), try Self.number(entry, "q")) <= tolerance, "Φ⁻¹(\(p))")
        }
        for entry in try Self.entries(root, "normal_cdf") {
            let x = try Self.number(entry, "x")
            #expect(Accuracy.relativeError(Normal.cdf(x), try Self.number(entry, "p")) <= tolerance, "Φ(\(x))")
        }
        for entry in try Self.entries(root, "wilson_95") {
            let k = try Self.integer(entry, "k"), n = try Self.integer(entry, "n")
            let interval = try #require(Wilson.interval(successes: k, trials: n))
            #expect(Accuracy.relativeError(interval.low, try Self.number(entry, "low")) <= tolerance, "Wilson \(k)/\(n)")
            #expect(Accuracy.relativeError(interval.high, try Self.number(entry, "high")) <= tolerance, "Wilson \(k)/\(n)")
        }
        for entry in try Self.entries(root, "wilcoxon_signed_rank") {
            let test = try #require(SignedRankTest(baseline: try Self.numbers(entry, "baseline"),
                                                   followUp: try Self.numbers(entry, "follow_up")))
            #expect(test.tPlus == (try Self.number(entry, "t_plus")))
            #expect(Accuracy.relativeError(test.z, try Self.number(entry, "z")) <= tolerance, "Wilcoxon z")
            #expect(Accuracy.relativeError(test.p, try Self.number(entry, "p_two_sided")) <= tolerance, "Wilcoxon p")
        }
        for entry in try Self.entries(root, "percentile_linear") {
            let values = try Self.numbers(entry, "values")
            let sorted = values.sorted()
            for (key, p) in [("p10", 0.1), ("p90", 0.9)] {
                let expected = try Self.number(entry, key)
                #expect(Accuracy.relativeError(Percentile.linear(sorted: sorted, p), expected) <= tolerance, "\(key) of \(values)")
            }
            let median = try #require(Percentile.median(values))
            #expect(Accuracy.relativeError(median, try Self.number(entry, "median")) <= tolerance, "median of \(values)")
        }
        let meanCase = try #require(root["mean_ci_t"] as? [String: Any], "mean_ci_t missing")
        let summary = try #require(MeanSummary(try Self.numbers(meanCase, "values")))
        let interval = try #require(summary.tInterval())
        #expect(Accuracy.relativeError(summary.mean, try Self.number(meanCase, "mean")) <= tolerance)
        #expect(Accuracy.relativeError(try #require(summary.standardDeviation), try Self.number(meanCase, "sd")) <= tolerance)
        #expect(Accuracy.relativeError(interval.low, try Self.number(meanCase, "low")) <= tolerance)
        #expect(Accuracy.relativeError(interval.high, try Self.number(meanCase, "high")) <= tolerance)
    }

    // A tiny typed reading of the JSON tree; a missing or mistyped field fails the test.

    private static func entries(_ root: [String: Any], _ key: String) throws -> [[String: Any]] {
        let list = try #require(root[key] as? [[String: Any]], "\(key) missing")
        #expect(!list.isEmpty, "\(key) is empty")
        return list
    }

    private static func number(_ entry: [String: Any], _ key: String) throws -> Double {
        try #require(entry[key] as? NSNumber, "\(key) missing").doubleValue
    }

    private static func integer(_ entry: [String: Any], _ key: String) throws -> Int {
        try #require(entry[key] as? NSNumber, "\(key) missing").intValue
    }

    private static func numbers(_ entry: [String: Any], _ key: String) throws -> [Double] {
        try #require(entry[key] as? [NSNumber], "\(key) missing").map(\.doubleValue)
    }
}
