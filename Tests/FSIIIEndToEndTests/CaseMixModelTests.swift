import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIStatistics
import FSIIITestSupport

/// `--case-mix model` and `--model-report` (issue 21) on the bundled sample
/// data. The estimators are checked against R (LinearRegressionTests,
/// LogisticRegressionTests); here the wiring: the properties a fitted
/// model with an intercept must have (the logistic score equation makes
/// Σ expected = Σ observed over all courses; least squares makes the mean
/// fitted change the mean change), the CMS form per group, and the outputs.
@Suite("Case-mix model (issue 21)", .serialized)
struct CaseMixModelTests {
    static let sample = Fixtures.packageRoot.appendingPathComponent("SampleData").path

    static func report(_ caseMix: CaseMixMethod) throws -> EffectReport {
        let dataset = try DatasetLoader.load([InputPath(sample)], options: ImportOptions())
        var o = ReportOptions()
        o.caseMix = caseMix
        return EffectReporter.report(dataset, options: o)
    }

    @Test("model: Σ expected = observed in total, mean expected change = mean change, risk-adjusted = observed − expected + overall")
    func modelProperties() throws {
        let r = try Self.report(.model)
        let summary = try #require(r.caseMix)
        #expect(summary.requested == .model && summary.fallbackReason == nil)
        let m = try #require(summary.model)
        let t = r.total
        #expect(m.courses == t.courses)
        #expect(m.logistic.first?.name == "(Intercept)" && m.linear.first?.name == "(Intercept)")
        let names = Set(m.logistic.map(\.name))
        #expect(names.contains("compared conditions") && names.contains("prior trend"))
        #expect(names.contains { $0.hasPrefix("baseline level: ") } && names.contains { $0.hasPrefix("age band=") })
        #expect(!names.contains { $0.hasPrefix("municipality") || $0.hasPrefix("quarter") })
        #expect(m.logistic.allSatisfy { $0.standardError > 0 && $0.estimate.isFinite })
        // Score equation of the intercept: Σ(y − μ) = 0.
        let observed = Double(try #require(t.observed)), expected = try #require(t.expected)
        #expect(abs(observed - expected) <= 1e-7 * observed)
        let mean = try #require(t.meanChange)
        #expect(abs(try #require(t.expectedMeanChange) - mean) <= 1e-9)
        #expect(abs(try #require(t.riskAdjustedMeanChange) - mean) <= 1e-9)
        let c = try #require(m.cStatistic)
        #expect(c > 0.5 && c < 1)
        #expect(m.calibration.count == 10 && m.calibration.map(\.count).reduce(0, +) == t.courses)
        let predicted = m.calibration.reduce(0.0) { $0 + Double($1.count) * $1.meanPredicted }
        #expect(abs(predicted - expected) <= 1e-7 * expected)
        let r2 = try #require(m.rSquared)
        let adjustedR2 = try #require(m.adjustedRSquared)
        #expect(r2 > 0 && r2 < 1 && adjustedR2 < r2)
        for g in r.groups where g.courses > 0 {
            let e = try #require(g.expectedMeanChange), o = try #require(g.meanChange)
            let adjusted = try #require(g.riskAdjustedMeanChange)
            #expect(abs(adjusted - (o - e + mean)) <= 1e-12)
            if let ci = g.meanChangeCI {
                let shifted = try #require(g.riskAdjustedMeanChangeCI)
                #expect(abs(shifted.low - (ci.low - e + mean)) <= 1e-12 && abs(shifted.high - (ci.high - e + mean)) <= 1e-12)
            }
            // O/E and the funnel use the model's expectation.
            if let ex = g.expected, ex > 0, let o = g.observed { #expect(g.ratio == Double(o) / ex) }
        }
        // The strata give other expectations.
        let strata = try Self.report(.strata)
        #expect(strata.caseMix?.model == nil && strata.total.riskAdjustedMeanChange == nil)
        #expect(zip(strata.groups, r.groups).contains { $0.expected != $1.expected })
    }

    @Test("outputs: case_mix_model and the risk-adjusted keys only with --case-mix model; the default JSON and CSV are unchanged")
    func outputs() throws {
        let model = try Self.report(.model), strata = try Self.report(.strata)
        let json = ReportJSON.write(model), plain = ReportJSON.write(strata)
        #expect(json.contains("\"case_mix_model\"") && json.contains("\"risk_adjusted_mean_change_ci_low\""))
        #expect(!plain.contains("case_mix_model") && !plain.contains("risk_adjusted"))
        let header = ReportCSV.write(model).split(separator: "\r\n").first.map(String.init) ?? ""
        #expect(header.hasSuffix("expected_mean_change,risk_adjusted_mean_change,risk_adjusted_mean_change_ci_low,risk_adjusted_mean_change_ci_high"))
        #expect(!ReportCSV.write(strata).contains("risk_adjusted"))
        let csv = CaseMixModelOutput.csv(try #require(model.caseMix?.model))
        #expect(csv.hasPrefix("model,kind,name,value,std_error,statistic,courses,mean_predicted,observed_share"))
        #expect(csv.contains("logistic,fit,c_statistic,") && csv.contains("linear,fit,r_squared,") && csv.contains("logistic,calibration,decile 10,"))
        #expect(!csv.contains("nan") && !json.contains("nan"))
        let html = HTMLReport.write(model, terminology: .builtIn, language: .en)
        #expect(html.contains("C-statistic (AUC)"))
        let table = ReportTable.write(model, language: .en)
        #expect(table.contains("Adjusted") && table.contains("risk-adjusted mean change"))
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(!ReportTable.write(strata, language: .en).contains("Adjusted"))
    }

    @Test("model report CSV: coefficients, fit rows with n, deciles, dropped columns and notes; undefined figures empty")
    func modelReportCSV() {
        let m = CaseMixModelReport(
            courses: 12, logistic: [.init(name: "(Intercept)", estimate: 0.5, standardError: 0.25, statistic: 2)],
            linear: [.init(name: "(Intercept)", estimate: 1.5, standardError: 0, statistic: nil)], droppedColumns: ["sex=unknown"],
            notes: ["age band: 1 level(s) where every course improved or none did pooled into \"75-84\""], cStatistic: nil,
            calibration: [.init(count: 12, meanPredicted: 0.25, observedShare: 0.5)], rSquared: nil, adjustedRSquared: nil, residualStandardError: 0.5)
        let lines = CaseMixModelOutput.csv(m).split(separator: "\r\n").map(String.init)
        #expect(lines == [
            "model,kind,name,value,std_error,statistic,courses,mean_predicted,observed_share",
            "logistic,coefficient,(Intercept),0.5,0.25,2.0,,,",
            "logistic,fit,c_statistic,,,,12,,",
            "logistic,calibration,decile 1,,,,12,0.25,0.5",
            "linear,coefficient,(Intercept),1.5,0.0,,,,",
            "linear,fit,r_squared,,,,12,,",
            "linear,fit,adjusted_r_squared,,,,12,,",
            "linear,fit,residual_standard_error,0.5,,,12,,",
            "both,dropped_column,sex=unknown,,,,,,",
            "both,note,\"age band: 1 level(s) where every course improved or none did pooled into \"\"75-84\"\"\",,,,,,",
        ])
        let json = CaseMixModelOutput.json(m)
        #expect(json.contains("\"c_statistic\": null") && json.contains("\"r_squared\": null") && !json.contains("nan"))
    }

    @Test("--case-mix and --model-report on the command line: bad values named, the file written, never over an input",
          .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func commandLine() throws {
        let bad = try CLIRunner.run(["report", Self.sample, "--quiet", "--case-mix", "logit"])
        #expect(bad.status == 2 && bad.stderr.contains("strata, model"), "\(bad.stderr)")
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("model.json"), csv = folder.appendingPathComponent("model.csv")
        let without = try CLIRunner.run(["report", Self.sample, "--quiet", "-o", "/dev/null", "--model-report", json.path])
        #expect(without.status == 2 && without.stderr.contains("--case-mix model"), "\(without.stderr)")
        let txt = try CLIRunner.run(["report", Self.sample, "--quiet", "-o", "/dev/null", "--case-mix", "model", "--model-report", folder.appendingPathComponent("m.txt").path])
        #expect(txt.status == 2 && txt.stderr.contains(".csv or .json"), "\(txt.stderr)")
        let r = try CLIRunner.run(["report", Self.sample, "--quiet", "-o", "/dev/null", "--case-mix", "model", "--model-report", json.path])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let logistic = try #require(root["logistic"] as? [String: Any]), linear = try #require(root["linear"] as? [String: Any])
        #expect(logistic["c_statistic"] is Double && (logistic["calibration"] as? [Any])?.count == 10)
        #expect(linear["r_squared"] is Double && linear["adjusted_r_squared"] is Double && root["courses"] is Int)
        let first = try #require((logistic["coefficients"] as? [[String: Any]])?.first)
        #expect(first["name"] as? String == "(Intercept)" && first["z"] is Double && first["std_error"] is Double)
        let c = try CLIRunner.run(["report", Self.sample, "--quiet", "-o", "/dev/null", "--case-mix", "model", "--model-report", csv.path])
        let csvText = try String(contentsOf: csv, encoding: .utf8)
        #expect(c.status == 0 && csvText.hasPrefix("model,kind,name,value"))
        let input = Fixtures.packageRoot.appendingPathComponent("SampleData/courses.csv").path
        let refused = try CLIRunner.run(["report", Self.sample, "--quiet", "-o", "/dev/null", "--case-mix", "model", "--model-report", input])
        #expect(refused.status == 2 && refused.stderr.contains("an input is never overwritten"), "\(refused.stderr)")
    }
}
