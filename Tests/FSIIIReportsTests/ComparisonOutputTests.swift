import Testing
import FSIIIBytes
@testable import FSIIIEffect
@testable import FSIIIReports
import FSIIITestSupport

/// The JSON and CSV contract of issue 18 §4 on planted-effect data.
@Suite("Matched comparison outputs: JSON and CSV contract (issue 18 §4)")
struct ComparisonOutputTests {
    static func report(matched: Bool = true, minCell: Int = 5, treated: Int = 150) -> EffectReport {
        var o = ReportOptions()
        o.matched.enabled = matched
        o.comparison.bootstrap = 100
        o.minCell = minCell
        return EffectReporter.report(PlantedEffectData.dataset(seed: 3, treated: treated), options: o)
    }

    static func keys(_ v: JSONValue?) -> [String] {
        if case .object(let o)? = v { return o.keys }
        return []
    }

    @Test("comparison: every field issue 18 names, with the balance rows and the effect's interval")
    func comparisonFields() throws {
        let json = ReportJSON.value(Self.report())
        let c = json["comparison"]
        let names = Self.keys(c)
        for key in ["method", "treated", "matched", "unmatched", "controls", "balance", "treated_mean_change", "control_mean_change",
                    "naive_mean_change", "effect", "effect_ci_low", "effect_ci_high", "improved_share_effect",
                    "improved_share_effect_ci_low", "improved_share_effect_ci_high", "rtm_expected"] {
            #expect(names.contains(key), "comparison.\(key)")
        }
        #expect(c?["treated"]?.int == 150)
        let balance = try #require(c?["balance"]?.array)
        #expect(!balance.isEmpty && balance.allSatisfy { Self.keys($0) == ["covariate", "smd_before", "smd_after"] })
        let effect = try #require(c?["effect"]?.double), low = try #require(c?["effect_ci_low"]?.double), high = try #require(c?["effect_ci_high"]?.double)
        #expect(low < effect && effect < high)
        #expect(c?["problem"].map { if case .null = $0 { true } else { false } } == true)
    }

    @Test("durability: three horizons with the issue's fields and the controls' beside them")
    func durabilityFields() throws {
        let d = try #require(ReportJSON.value(Self.report())["durability"]?.array)
        #expect(d.map { $0["months"]?.int } == [3, 6, 12])
        for h in d {
            let k = Self.keys(h)
            for key in ["months", "followed", "censored", "mean_change", "mean_change_ci_low", "mean_change_ci_high", "kept_share",
                        "hours_per_week_change", "left_home_care_share", "control_mean_change"] {
                #expect(k.contains(key), "durability.\(key)")
            }
        }
    }

    @Test("groups gain effect, its interval and control_mean_change; null (not 0) for a suppressed group; CSV the same columns")
    func groupFields() throws {
        // --min-cell 100: each team (75 citizens) is suppressed, the total (150) is not.
        let r = Self.report(minCell: 100)
        let json = ReportJSON.value(r)
        let groups = try #require(json["groups"]?.array)
        #expect(groups.count == 2)
        for g in groups {
            for key in ComparisonFields.groupKeys {
                #expect(g[key].map { if case .null = $0 { true } else { false } } == true, "\(key) of a suppressed group")
            }
        }
        #expect(json["total"]?["effect"]?.double != nil)
        let csv = ReportCSV.write(r)
        let lines = csv.split(whereSeparator: \.isNewline)
        #expect(lines[0].hasSuffix(",effect,effect_ci_low,effect_ci_high,control_mean_change"))
        #expect(lines[1].hasSuffix(",,,,"))
        #expect(!lines[3].hasSuffix(",,,,"))
    }

    @Test("without --compare-to matched: no comparison object and no effect columns; durability and RTM still")
    func withoutComparison() {
        let r = Self.report(matched: false)
        let json = ReportJSON.value(r)
        #expect(json["comparison"] == nil)
        #expect(json["groups"]?[0]?["effect"] == nil)
        #expect(json["durability"] != nil && json["regression_to_the_mean"]?["pairs"]?.int == 600)
        #expect(!ReportCSV.write(r).contains("effect_ci_low"))
    }

    @Test("the table names the comparison, balance, RTM and durability, within 100 columns, in Danish and English")
    func table() {
        let r = Self.report()
        for L in Language.allCases {
            let t = ReportTable.write(r, language: L)
            #expect(t.contains(L == .da ? "Matchet sammenligning" : "Matched comparison"))
            #expect(t.contains("SMD"))
            #expect(t.contains(L == .da ? "Regression mod middelværdien" : "Regression to the mean"))
            #expect(t.contains(L == .da ? "Varighed" : "Durability"))
            #expect(t.split(separator: "\n").allSatisfy { $0.count <= 100 })
        }
    }

    @Test("the HTML page has the comparison section: the effect, the chart of courses against controls and the balance table")
    func html() {
        let r = Self.report()
        let page = HTMLReport.write(r, terminology: .builtIn, language: .en)
        #expect(page.contains("Does rehabilitation work?"))
        #expect(page.contains("Mean change from baseline over time: courses against matched controls"))
        #expect(page.contains("<caption>Balance before and after matching"))
        #expect(page.contains("Effect with 95% CI"))
        let da = HTMLReport.write(r, terminology: .builtIn, language: .da)
        #expect(da.contains("Virker rehabiliteringen?") && da.contains("Varighed"))
    }
}
