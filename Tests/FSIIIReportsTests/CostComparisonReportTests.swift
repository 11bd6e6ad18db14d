import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
import FSIIITestSupport

/// The comparison in a report, on TinyCostData.teams (see CourseCostsTests
/// for the course figures): Hold X has mean cost (1300 + 1200)/2 = 1250 and
/// mean effect (1.0 − 1.0)/2 = 0; Hold Y has (0 + 900)/2 = 450 and
/// (2.0 + 0.0)/2 = 1.0.
@Suite("Cost comparison in the report: reference, suppression, outputs (SPEC §8, §10, §11)")
struct CostComparisonReportTests {
    static func report(_ configure: (inout ReportOptions) -> Void = { _ in }) throws -> EffectReport {
        let data = try TinyCostData(files: TinyCostData.teams)
        defer { data.remove() }
        var options = ReportOptions()
        options.minCell = 0
        options.comparison.enabled = true
        options.comparison.bootstrap = 200
        options.comparison.seed = 5
        configure(&options)
        return EffectReporter.report(try data.load(hourlyRate: 300), options: options)
    }

    @Test("against all other courses: X is dominated (ΔC = 800, ΔE = −1), Y dominant")
    func allOthers() throws {
        let c = try #require(try Self.report().costComparison)
        #expect(c.applies && c.referenceFound && c.reference == .allOtherCourses)
        #expect(c.entries.map(\.group) == ["Hold X", "Hold Y"])
        let x = try #require(c.entries[0].comparison), y = try #require(c.entries[1].comparison)
        // ΔC = 1250 − 450 = 800; ΔE = 0 − 1 = −1; ICER = −800; INMB(10 000) = −10 000 − 800.
        #expect(x.deltaCost == 800 && x.deltaEffect == -1 && x.icer == -800 && x.quadrant == .dominated && x.inmb == -10_800)
        #expect(y.deltaCost == -800 && y.deltaEffect == 1 && y.quadrant == .dominant && y.inmb == 10_800)
        #expect(x.courses == 2 && x.referenceCourses == 2)
        #expect(x.bootstrap?.replicates == 200 && x.bootstrap?.seed == 5)
    }

    @Test("--reference names a group (case and spacing aside); that group shows no figures")
    func namedReference() throws {
        let c = try #require(try Self.report { $0.comparison.reference = "hold  y"; $0.comparison.wtp = 500 }.costComparison)
        #expect(c.reference == .group("Hold Y"))
        #expect(c.entries[1].status == .reference && c.entries[1].comparison == nil)
        let x = try #require(c.entries[0].comparison)
        // INMB(500) = −500 − 800.
        #expect(x.deltaCost == 800 && x.inmb == -1300)
    }

    @Test("an unknown --reference is reported, with no entries")
    func unknownReference() throws {
        let c = try #require(try Self.report { $0.comparison.reference = "Hold Z" }.costComparison)
        #expect(!c.referenceFound && c.entries.isEmpty)
        #expect(CostComparisonReport.resolveReference("HOLD X", in: ["Hold X", "Hold Y"]) == "Hold X")
        #expect(CostComparisonReport.resolveReference("hold x", in: ["Hold X", "hold x"]) == "hold x")
        #expect(CostComparisonReport.resolveReference("HOLD X", in: ["Hold X", "hold x"]) == nil)
    }

    @Test("suppressed groups get no comparison figures; JSON shows null with suppressed: true")
    func suppressed() throws {
        // Each team has 2 citizens: with --min-cell 3 both are suppressed.
        let report = try Self.report { $0.minCell = 3 }
        let c = try #require(report.costComparison)
        #expect(c.entries.allSatisfy { $0.status == .suppressed && $0.comparison == nil })
        let groups = try #require(ReportJSON.value(report)["cost_comparison"]?["groups"])
        let first = try #require(groups[0])
        #expect(first["suppressed"] == .bool(true) && first["status"] == .string("suppressed"))
        for key in CostComparisonJSON.groupKeys { #expect(first[key] == .null, "\(key)") }
    }

    @Test("a suppressed reference hides every comparison; a suppressed group only its own")
    func suppressedReference() {
        var a = GroupFigures(group: "A"), b = GroupFigures(group: "B"), c = GroupFigures(group: "C")
        a.suppressed = true
        let samples: [(group: Int, sample: CourseSample)] = [(0, CourseSample(cost: 1, effect: 1)), (1, CourseSample(cost: 2, effect: 0)),
                                                             (2, CourseSample(cost: 3, effect: 2))]
        var options = CostComparisonOptions()
        options.bootstrap = 0
        options.reference = "A"
        let hidden = CostComparisonReport.make(samples: samples, groups: [a, b, c], grouping: .team, options: options)
        #expect(hidden.entries.map(\.status) == [.reference, .referenceSuppressed, .referenceSuppressed])
        #expect(hidden.referenceProblem == .referenceSuppressed)
        #expect(CostComparisonTable.write(hidden, language: .en).contains("The reference A is suppressed (fewer than 5 citizens); choose another with --reference."))
        options.reference = "B"
        let shown = CostComparisonReport.make(samples: samples, groups: [a, b, c], grouping: .team, options: options)
        #expect(shown.entries.map(\.status) == [.suppressed, .reference, .compared])
        #expect(shown.referenceProblem == nil)
        #expect(shown.entries[2].comparison?.deltaCost == 1 && shown.entries[2].comparison?.deltaEffect == 2)
        // A group without evaluable courses, and a reference without any.
        let empty = CostComparisonReport.make(samples: Array(samples.prefix(2)), groups: [b, c, GroupFigures(group: "D")], grouping: .team,
                                              options: { var o = options; o.reference = "D"; return o }())
        #expect(empty.entries.map(\.status) == [.noReferenceCourses, .noReferenceCourses, .reference])
        #expect(empty.referenceProblem == .noReferenceCourses)
        options.reference = nil
        let one = CostComparisonReport.make(samples: Array(samples.prefix(2)), groups: [b, c, GroupFigures(group: "D")], grouping: .team, options: options)
        #expect(one.entries.map(\.status) == [.compared, .compared, .noCourses])
    }

    @Test("--by area or condition: the comparison does not apply, and the outputs say so")
    func pairGroupings() throws {
        let report = try Self.report { $0.grouping = .area }
        let c = try #require(report.costComparison)
        #expect(!c.applies && c.entries.isEmpty)
        let json = try #require(ReportJSON.value(report)["cost_comparison"])
        #expect(json["applies"] == .bool(false))
        #expect(json["reason"]?.string?.contains("--by area") == true)
        #expect(ReportTable.write(report, language: .en).contains("The cost comparison applies to course groupings only"))
    }

    @Test("without cost data there is no comparison and no cost_comparison key")
    func noCostData() throws {
        var files = TinyCostData.teams
        files["costs.csv"] = nil
        let data = try TinyCostData(files: files)
        defer { data.remove() }
        let report = EffectReporter.report(try data.load())
        #expect(report.costComparison == nil)
        #expect(ReportJSON.value(report)["cost_comparison"] == nil)
    }

    @Test("the JSON object: reference, λ, B, seed and the figures of each group")
    func json() throws {
        let report = try Self.report()
        let c = try #require(ReportJSON.value(report)["cost_comparison"])
        #expect(c["applies"] == .bool(true) && c["reference"] == .string("all other courses"))
        #expect(c["wtp"] == .number(10_000) && c["bootstrap"] == .integer(200) && c["seed"] == .integer(5))
        let x = try #require(c["groups"]?[0])
        #expect(x["group"] == .string("Hold X") && x["status"] == .string("compared") && x["suppressed"] == .bool(false))
        #expect(x["delta_cost"] == .number(800) && x["delta_effect"] == .number(-1) && x["icer"] == .number(-800))
        #expect(x["quadrant"] == .string("dominated") && x["inmb"] == .number(-10_800))
        let b = try #require(report.costComparison?.entries[0].comparison?.bootstrap)
        #expect(x["delta_cost_ci_low"] == .number(b.deltaCost.low) && x["inmb_ci_high"] == .number(b.inmb.high))
        #expect(x["p_inmb_positive"] == .number(b.probabilityINMBPositive))
        // Same seed, same report.
        #expect(ReportJSON.write(report) == ReportJSON.write(try Self.report()))
    }

    @Test("the acceptability curve files: CSV one row per λ (in the dialect), JSON with the comparison")
    func acceptabilityCurveFiles() throws {
        let c = try #require(try Self.report().costComparison)
        let grid = try #require(WTPGrid(parsing: "0:1000:500")).values
        let curves = c.acceptabilityCurves(grid: grid)
        let x = try #require(curves[0].probabilities)
        // The curve is the share of replicates with λ·ΔE_b − ΔC_b > 0 at each λ.
        let reps = try #require(c.entries[0].comparison?.replicates)
        #expect(x == grid.map { l in Double(zip(reps.deltaEffect, reps.deltaCost).filter { l * $0 - $1 > 0 }.count) / 200 })
        let csv = AcceptabilityCurveCSV.write(c, grid: grid, dialect: .excelDA)
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "\u{FEFF}wtp;Hold X;Hold Y")
        #expect(lines[2] == "500;" + [x[1], try #require(curves[1].probabilities)[1]].map { CSVDialect.excelDA.format($0) }.joined(separator: ";"))
        #expect(lines.count == 5 && lines[4] == "")
        let json = CostComparisonJSON.value(c, grid: grid)
        #expect(json["wtp_grid"] == .array([.number(0), .number(500), .number(1000)]))
        #expect(json["groups"]?[0]?["ceac"] == .array(x.map { .number($0) }))
    }

    @Test("the table: a second table within 100 columns, in both languages")
    func table() throws {
        let report = try Self.report()
        for language in Language.allCases {
            let text = CostComparisonTable.write(try #require(report.costComparison), language: language, groupHeader: "Team")
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(text)")
            #expect(ReportTable.write(report, language: language).hasSuffix(text))
        }
        let en = ReportTable.write(report, language: .en)
        #expect(en.contains("Compared with all other courses · λ = 10,000 kr per point · bootstrap 200, seed 5"))
        let row = try #require(en.split(separator: "\n").first { $0.hasPrefix("Hold X") && $0.contains("dominated") })
        #expect(row.contains("800") && row.contains("-1.00") && row.contains("-10,800"))
    }
}
