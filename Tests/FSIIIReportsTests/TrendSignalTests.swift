import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
@testable import FSIIIBytes
import FSIIITestSupport

/// Issue 21's trend signals and minimal detectable change, on small data
/// sets made here: 16 months (2023-01 … 2024-04), 10 citizens with one
/// course each per month (start the 1st, end the 20th, "Vaske sig" assessed
/// on both days: level 3, then 2 if improved, else 3).
///
/// Planted shift: 2 of 10 improved in the first 8 months, 8 of 10 in the
/// last 8. p̄ = 0.5; around it 8 months below, 8 above: longest run 8 >
/// round(log₂ 16 + 3) = 7, crossings 1 < qbinom(0.05, 15, ½) = 4. p-chart
/// limits 0.5 ± 3·√(0.25/10) = [0.0257, 0.9743]: no month outside. Laney:
/// z = ∓0.3/0.1581139 = ∓1.8973666, one moving range of 3.7947332 and 14
/// of 0, σ_z = (3.7947332/15)/1.128 = 0.2242750, limits 0.5 ± 3·0.1581139·
/// 0.2242750 = [0.3936170, 0.6063830]: every month outside.
///
/// Flat: 4 and 6 of 10 in turn: 16 crossings of the line… 15, longest run 1.
@Suite("Trend: run rules and Laney's p′ in the report; MDC₉₅ per group (issue 21)")
struct TrendSignalTests {
    static func dataset(improved: [Int], repeatPairs: [(Int, Int)] = [], change: Int = 1) -> Dataset {
        var assessments = "citizen;date;condition;level;team;goal;status\n"
        var courses = "citizen;start;end;team\n"
        for (m, k) in improved.enumerated() {
            let year = 2023 + m / 12, month = m % 12 + 1
            let ym = "\(year)-\(month < 10 ? "0" : "")\(month)"
            for c in 0..<10 {
                let id = "C\(m)-\(c)"
                assessments += "\(id);\(ym)-01;Vaske sig;3;T1;;\n"
                assessments += "\(id);\(ym)-20;Vaske sig;\(c < k ? 3 - change : 3);T1;;\n"
                courses += "\(id);\(ym)-01;\(ym)-20;\(c % 2 == 0 ? "T1" : "T2")\n"
            }
        }
        for (i, pair) in repeatPairs.enumerated() {
            assessments += "R\(i);2023-02-01;Gå;\(pair.0);T1;;\nR\(i);2023-03-03;Gå;\(pair.1);T1;;\n"
        }
        return Fixtures.dataset([.init("assessments.csv", .assessments, assessments), .init("courses.csv", .courses, courses)])
    }

    static let shift = [Int](repeating: 2, count: 8) + [Int](repeating: 8, count: 8)
    static let flat = (0..<16).map { $0 % 2 == 0 ? 4 : 6 }

    static func report(_ d: Dataset, spc: SPCChart = .p, mdc: Bool = false) -> EffectReport {
        var o = ReportOptions()
        o.spc = spc
        o.mdcColumns = mdc
        return EffectReporter.report(d, options: o)
    }

    static func series(_ json: JSONValue, _ k: Int) throws -> JSONValue { try #require(json["trend"]?["series"]?[k]) }

    @Test("a planted shift: both series signal an unusually long run and too few crossings; every month is in a long run")
    func plantedShift() throws {
        let r = Self.report(Self.dataset(improved: Self.shift))
        let json = ReportJSON.value(r)
        for k in 0...1 {
            let s = try Self.series(json, k)
            #expect(s["longest_run"] == .integer(8) && s["longest_run_limit"] == .integer(7))
            #expect(s["crossings"] == .integer(1) && s["crossings_minimum"] == .integer(4))
            #expect(s["runs_signal"] == .bool(true) && s["crossings_signal"] == .bool(true) && s["signal"] == .bool(true))
        }
        #expect(try Self.series(json, 0)["outside_limits"] == .array([]))
        #expect(try Self.series(json, 1)["outside_limits"] == .null)
        let months = try #require(json["trend"]?["months"]?.array)
        #expect(months.count == 16)
        #expect(months.allSatisfy { $0["share_in_long_run"] == .bool(true) && $0["signal"] == .bool(true) && $0["outside_limits"] == .bool(false) })
        #expect(months[0]["month"] == .string("2023-01") && months[0]["improved_share"] == .number(0.2))
        let line = try #require(TrendOutput.line(r, language: .en))
        #expect(line == "Trend by month (p-chart, Anhøj rules): improved share: longest run 8 > 7, crossings 1 < 4; mean"
            + "\n  change: longest run 8 > 7, crossings 1 < 4")
        #expect(line.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(ReportTable.write(r, language: .en).contains("Trend by month (p-chart, Anhøj rules)"))
        // The HTML chart rings the points in the long run and says so in the legend.
        let html = HTMLReport.write(r, terminology: .builtIn, language: .en)
        #expect(html.components(separatedBy: "class=\"run-ring\"").count - 1 == 32)
        #expect(html.contains("in an unusually long run (Anhøj rules)") && html.contains("too few crossings of the centre line"))
    }

    @Test("a flat series: no signal, no table line, no rings")
    func flatSeries() throws {
        let r = Self.report(Self.dataset(improved: Self.flat))
        let json = ReportJSON.value(r)
        let s = try Self.series(json, 0)
        #expect(s["longest_run"] == .integer(1) && s["crossings"] == .integer(15) && s["signal"] == .bool(false))
        #expect(try Self.series(json, 1)["signal"] == .bool(false))
        #expect(try #require(json["trend"]?["months"]?.array).allSatisfy { $0["signal"] == .bool(false) })
        #expect(TrendOutput.line(r, language: .en) == nil)
        #expect(!ReportTable.write(r, language: .en).contains("Anhøj"))
        #expect(!HTMLReport.write(r, terminology: .builtIn, language: .en).contains("class=\"run-ring\""))
    }

    @Test("--spc laney: σ_z from the moving range of z narrows the limits so every month of the shift is outside")
    func laney() throws {
        let r = Self.report(Self.dataset(improved: Self.shift), spc: .laney)
        let json = ReportJSON.value(r)
        let t = try #require(json["trend"])
        #expect(t["chart"] == .string("laney") && t["centre"] == .number(0.5))
        #expect(abs((t["sigma_z"]?.double ?? .nan) - 0.22427501135945954) < 1e-12)
        let months = try #require(t["months"]?.array)
        #expect(abs((months[0]["lower_limit"]?.double ?? .nan) - 0.39361702127659576) < 1e-12)
        #expect(abs((months[0]["upper_limit"]?.double ?? .nan) - 0.6063829787234043) < 1e-12)
        #expect(months.allSatisfy { $0["outside_limits"] == .bool(true) })
        #expect(try Self.series(json, 0)["outside_limits"]?.array?.count == 16)
        #expect(HTMLReport.write(r, terminology: .builtIn, language: .en).contains("p′ chart"))
        // The default p-chart: σ_z = 1.
        #expect(ReportJSON.value(Self.report(Self.dataset(improved: Self.shift)))["trend"]?["sigma_z"] == .number(1))
    }

    /// 20 repeat pairs (1, 2), (1, 0), (3, 4), (3, 2), five of each: m₁ = m₂ = 2,
    /// s₁² = 20/19, s₂² = 40/19, s₁₂ = 20/19; MS_s = 100/38, MS_e = 20/38, MS_o = 0;
    /// ICC(2,1) = 80/118 = 0.6779661; SD of all 40 values = √(60/39) = 1.2403473;
    /// SEM = 1.2403473·√(38/118) = 0.7038727; MDC₉₅ = 1.959964·√2·SEM = 1.9509997.
    static let pairs: [(Int, Int)] = Array(repeating: [(1, 2), (1, 0), (3, 4), (3, 2)], count: 5).flatMap { $0 }

    @Test("MDC₉₅ from 20 repeat pairs, and the share of courses whose mean change exceeds it, per team")
    func mdc() throws {
        // Every course changes 0 or 2 points (3 → 1): 2 > 1.951, so the improved are beyond the MDC.
        let r = Self.report(Self.dataset(improved: Self.shift, repeatPairs: Self.pairs, change: 2), mdc: true)
        let json = ReportJSON.value(r)
        let m = try #require(json["mdc95"])
        #expect(m["pairs"] == .integer(20) && m["reason"] == .null)
        #expect(abs((m["reliability"]?.double ?? .nan) - 80.0 / 118) < 1e-12)
        #expect(abs((m["sem"]?.double ?? .nan) - 0.7038726920567435) < 1e-12)
        #expect(abs((m["value"]?.double ?? .nan) - 1.950999711553488) < 1e-12)
        // T1 has the even citizens: months 1–8 improved c = 0, 1 → 1 of 5; months 9–16 c < 8 → 4 of 5. 40/80 = 0.5; T2 likewise.
        for g in try #require(json["groups"]?.array) + [try #require(json["total"])] {
            #expect(g["improved_beyond_mdc_share"] == .number(0.5) && g["improved_share"] == .number(0.5))
        }
        let csv = ReportCSV.write(r)
        let header = try #require(csv.split(separator: "\n").first)
        #expect(header.contains(",suppressed,improved_beyond_mdc_share,mdc95"))
        #expect(ReportTable.write(r, language: .en).contains("MDC95 = 1.95 points (SEM 0.70, ICC 0.68, 20 repeat pairs); improved beyond MDC95: 50% of courses"))
        // Without --mdc the CSV keeps its columns.
        #expect(!ReportCSV.write(Self.report(Self.dataset(improved: Self.shift, repeatPairs: Self.pairs, change: 2))).contains("mdc"))
    }

    @Test("a change of 1 point is not beyond an MDC of 1.95; 19 pairs are too few: null with the reason")
    func mdcEdges() throws {
        let r = Self.report(Self.dataset(improved: Self.shift, repeatPairs: Self.pairs))
        #expect(ReportJSON.value(r)["total"]?["improved_beyond_mdc_share"] == .number(0))
        let few = ReportJSON.value(Self.report(Self.dataset(improved: Self.shift, repeatPairs: Array(Self.pairs.prefix(19)))))
        #expect(few["mdc95"]?["value"] == .null && few["mdc95"]?["pairs"] == .integer(19))
        #expect(few["mdc95"]?["reason"]?.string?.contains("19 repeat pair(s), at least 20 needed") == true)
        #expect(few["total"]?["improved_beyond_mdc_share"] == .null)
        let none = ReportJSON.value(Self.report(Self.dataset(improved: Self.shift)))
        #expect(none["mdc95"]?["pairs"] == .integer(0) && none["mdc95"]?["reason"]?.string?.contains("no repeat pairs") == true)
    }

    @Test("fsiii report --spc laney --mdc: the JSON names the chart; the CSV ends in the two MDC columns; the default CSV has neither")
    func commandLine() throws {
        let sample = Fixtures.packageRoot.appendingPathComponent("SampleData").path
        let json = try CLIRunner.run(["report", sample, "--spc", "laney", "--format", "json", "--quiet"])
        #expect(json.status == 0)
        let value = try JSONParser.parse(Array(json.stdout.utf8))
        #expect(value["trend"]?["chart"] == .string("laney") && (value["trend"]?["sigma_z"]?.double ?? 0) > 0)
        let csv = try CLIRunner.run(["report", sample, "--mdc", "--format", "csv", "--quiet"])
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").first?.contains(",improved_beyond_mdc_share,mdc95") == true)
        let plain = try CLIRunner.run(["report", sample, "--format", "csv", "--quiet"])
        #expect(plain.status == 0 && !plain.stdout.contains("mdc"))
        let table = try CLIRunner.run(["report", sample, "--mdc", "--format", "table", "--lang", "en", "--quiet"])
        #expect(table.stdout.contains("MDC95 = 0.96 points (SEM 0.35, ICC 0.35, 187 repeat pairs)"))
    }
}
