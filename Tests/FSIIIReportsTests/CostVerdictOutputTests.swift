import Testing
import Foundation
import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIIEffect
import FSIIITestSupport

@Suite("Cost-effectiveness verdict in the outputs: sentences, JSON, table, HTML plane and curve (issue 21)")
struct CostVerdictOutputTests {
    /// Five replicates (ΔC_b, ΔE_b); see CostVerdictTests: P reaches 50 % just above λ = 100, never 95 %; P(2000) = 4/5.
    static let draws = BootstrapReplicates(deltaCost: [100, 300, -50, 200, -100], deltaEffect: [1, 1, 1, 2, -1])
    /// North-east: ΔC = 1000, ΔE = 0.5, ICER = λ* = 2000 kr per point, λ = 2000.
    static let comparison = CostEffectivenessComparison(courses: 3, referenceCourses: 4, deltaCost: 1000, deltaEffect: 0.5, wtp: 2000,
                                                        bootstrap: BootstrapSummary(draws, wtp: 2000, seed: 1), replicates: draws)

    @Test("the sentence in English and in Danish")
    func sentences() {
        #expect(CostVerdictText.sentence(Self.comparison.verdict, language: .en)
            == "More effective and costlier than the reference; ICER 2,000 kr per point; net benefit is 0 at λ = 2,000 kr per point, "
            + "positive at higher λ. Cost-effective with probability 80% at λ = 2,000 kr per point; the probability reaches 50% at λ = 100 kr "
            + "but never 95%.")
        #expect(CostVerdictText.sentence(Self.comparison.verdict, language: .da)
            == "Mere effektiv og dyrere end referencen; ICER 2.000 kr. pr. point; nettogevinsten er 0 ved λ = 2.000 kr. pr. point, "
            + "positiv ved højere λ. Omkostningseffektiv med sandsynlighed 80 % ved λ = 2.000 kr. pr. point; sandsynligheden når 50 % "
            + "ved λ = 100 kr., men aldrig 95 %.")
        // Both levels reached: P = 1/2 above λ = 10, 1 above 20; the Danish "kr." ends the sentence once.
        let two = BootstrapReplicates(deltaCost: [10, 20], deltaEffect: [1, 1])
        let both = CostEffectivenessComparison(courses: 2, referenceCourses: 2, deltaCost: 15, deltaEffect: 1, wtp: 100,
                                               bootstrap: BootstrapSummary(two, wtp: 100, seed: 1), replicates: two)
        #expect(CostVerdictText.sentence(both.verdict, language: .da).hasSuffix("; sandsynligheden når 50 % ved λ = 10 kr. og 95 % ved λ = 20 kr."))
        #expect(CostVerdictText.sentence(both.verdict, language: .en).hasSuffix("; the probability reaches 50% at λ = 10 kr and 95% at λ = 20 kr."))
        let none = CostEffectivenessComparison(courses: 1, referenceCourses: 1, deltaCost: -5, deltaEffect: 0, wtp: 100)
        #expect(CostVerdictText.sentence(none.verdict, language: .en)
            == "Dominant: no costlier and at least as effective as the reference; no difference in effect, so the net benefit does not depend on λ.")
    }

    @Test("the verdict object: figures, reasons for missing λ, both sentences")
    func json() throws {
        let v = CostComparisonJSON.verdict(Self.comparison.verdict)
        #expect(v["quadrant"] == .string("more_effective_more_costly") && v["icer"] == .number(2000) && v["wtp"] == .number(2000))
        #expect(v["p_cost_effective"] == .number(0.8))
        #expect(v["break_even_wtp"] == .number(2000) && v["break_even_wtp_reason"] == .null)
        #expect(v["wtp_p50"] == .number(100) && v["wtp_p50_reason"] == .null)
        #expect(v["wtp_p95"] == .null && v["wtp_p95_reason"] == .string("never_reached"))
        #expect(v["cost_effective_above_break_even"] == .bool(true))
        #expect(v["sentence_en"]?.string?.hasPrefix("More effective and costlier") == true)
        #expect(v["sentence_da"]?.string?.hasPrefix("Mere effektiv og dyrere") == true)
    }

    @Test("in the report: a verdict per compared group; --ci bca changes only the intervals and says so")
    func report() throws {
        let plain = try CostComparisonReportTests.report()
        let groups = try #require(ReportJSON.value(plain)["cost_comparison"]?["groups"]?.array)
        // Hold X: ΔC = 800, ΔE = −1, dominated: no break-even.
        #expect(groups[0]["verdict"]?["quadrant"] == .string("dominated"))
        #expect(groups[0]["verdict"]?["break_even_wtp"] == .null)
        #expect(groups[0]["verdict"]?["break_even_wtp_reason"] == .string("cost_effective_at_no_wtp"))
        #expect(groups[1]["verdict"]?["break_even_wtp_reason"] == .string("cost_effective_at_every_wtp"))
        #expect(ReportJSON.value(plain)["cost_comparison"]?["ci_method"] == nil && groups[0]["ci_fallback"] == nil)

        let bca = try CostComparisonReportTests.report { $0.comparison.intervalMethod = .bca }
        let root = try #require(ReportJSON.value(bca)["cost_comparison"])
        #expect(root["ci_method"] == .string("bca"))
        let bcaGroups = try #require(root["groups"]?.array)
        for (p, b) in zip(groups, bcaGroups) {
            let po = try #require(p.object), bo = try #require(b.object)
            #expect(bo["ci_fallback"]?.array != nil)
            for (key, value) in po.members where !key.contains("_ci_") && key != "verdict" { #expect(bo[key] == value, "\(key)") }
            #expect(b["verdict"]?["p_cost_effective"] == p["verdict"]?["p_cost_effective"])
        }
        let table = CostComparisonTable.write(try #require(bca.costComparison), language: .en, minCell: 0, groupHeader: "Team")
        #expect(table.contains("CI: BCa (bias-corrected and accelerated) from 200 bootstrap replicates"))
    }

    @Test("the table ends with the verdicts, every line within 100 columns", arguments: [Language.da, .en])
    func table(_ L: Language) throws {
        let report = try CostComparisonReportTests.report()
        let text = CostComparisonTable.write(try #require(report.costComparison), language: L, minCell: 0, groupHeader: "Team")
        #expect(text.contains(L == .da ? "\nVurdering\nHold X: Domineret" : "\nVerdict\nHold X: Dominated"))
        for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
    }

    @Test("the plane: one point per replicate, the λ line ΔC = λ·ΔE clipped to the plot, the estimate")
    func plane() throws {
        let plane = try #require(CostEffectivenessPlaneSVG(Self.comparison))
        let svg = plane.svg(id: "p", group: "Hold <A>", language: .en)
        #expect(svg.components(separatedBy: "class=\"draw\"").count - 1 == 5)
        // x: [−1, 2] → [80, 450]; y: [−500, 1000] → [350, 30]. The line runs from ΔE = −500/2000 = −0.25 (x 172.5)
        // to ΔE = 1000/2000 = 0.5 (x 265): slope (1000 − (−500)) / (0.5 − (−0.25)) = 2000 = λ.
        #expect(plane.x.domainLow == -1 && plane.x.domainHigh == 2 && plane.y.domainLow == -500 && plane.y.domainHigh == 1000)
        #expect(svg.contains("<line class=\"wtp-line\" x1=\"172.5\" y1=\"350.0\" x2=\"265.0\" y2=\"30.0\"/>"))
        let l = try #require(plane.wtpLine())
        #expect((l.y2 - l.y1) / (l.x2 - l.x1) == 2000)
        // The estimate (0.5, 1000) at (265, 30); the group's name escaped.
        #expect(svg.contains("<g class=\"estimate\" transform=\"translate(265.0 30.0)\">"))
        #expect(svg.contains("Hold &lt;A&gt;") && !svg.contains("Hold <A>"))
        _ = try XMLTree.parse(svg)
    }

    @Test("the plane draws at most 1,000 replicates, the same subset ⌊i·B/1000⌋ every time")
    func cap() throws {
        let b = 2500
        let many = BootstrapReplicates(deltaCost: (0..<b).map(Double.init), deltaEffect: (0..<b).map { Double($0 % 7) })
        let c = CostEffectivenessComparison(courses: 3, referenceCourses: 4, deltaCost: 10, deltaEffect: 1, wtp: 100,
                                            bootstrap: BootstrapSummary(many, wtp: 100, seed: 1), replicates: many)
        let svg = try #require(CostEffectivenessPlaneSVG(c)).svg(id: "p", group: "G", language: .da)
        #expect(svg.components(separatedBy: "class=\"draw\"").count - 1 == 1000)
        let subset = CostEffectivenessPlaneSVG.subset(count: b)
        #expect(subset.prefix(5) == [0, 2, 5, 7, 10] && Set(subset).count == 1000 && subset.last == 2497)
    }

    @Test("the acceptability curve: 201 λ from 0 to λ_max = 5000, the λ line at 2000, the 50 % and 95 % levels")
    func curve() throws {
        let chart = try #require(AcceptabilityCurveSVG(Self.comparison))
        // λ_max = nice ceiling of max(2λ = 4000, 1000, 1.25·λ* = 2500, 1.25·100) = 5000.
        #expect(chart.x.domainHigh == 5000 && chart.curve.count == 201)
        #expect(chart.curve[4].wtp == 100 && chart.curve[4].probability == 0.2 && chart.curve[5].probability == 0.6)
        let svg = chart.svg(id: "c", group: "G", language: .en)
        // x(2000) = 80 + 2000/5000 · 370 = 228.
        #expect(svg.contains("<line class=\"wtp-line\" x1=\"228.0\" y1=\"30.0\" x2=\"228.0\" y2=\"350.0\"/>"))
        #expect(svg.components(separatedBy: "class=\"plimit\"").count - 1 == 2)
        let path = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<path class=\"series\"") })
        #expect(path.components(separatedBy: " L").count == 201)
        _ = try XMLTree.parse(svg)
    }

    @Test("the HTML report has the section: verdicts and both charts for each compared group")
    func html() throws {
        let report = try CostComparisonReportTests.report()
        let page = HTMLReport.write(report, terminology: .builtIn, language: .en)
        #expect(page.contains("<h2 id=\"ce-heading\">Cost-effectiveness</h2>"))
        #expect(page.contains("<li><strong>Hold X</strong>: Dominated"))
        #expect(page.components(separatedBy: "class=\"draw\"").count - 1 == 400)
        #expect(page.contains("id=\"ce-plane-1\"") && page.contains("id=\"ceac-1\""))
        let off = try CostComparisonReportTests.report { $0.comparison.enabled = false }
        #expect(!HTMLReport.write(off, terminology: .builtIn, language: .en).contains("ce-heading"))
    }
}
