import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// Course costs, before/after windows, savings and group cost figures of
/// SPEC §8 on TinyCostData.teams, worked out by hand. H = 90 days,
/// `--hourly-rate 300`; the last date in the cost data is 2024-06-30.
///
/// A1, course 2024-03-01 … 2024-03-31 (Hold X):
///   before [2023-12-02, 2024-03-01): 3 h × 400 (12-02, on the edge) + 120 min × 400 (02-29)
///           = 5 h, 2000 kr; 2023-12-01 is one day too early
///   during: 1.5 h træning × 500 (03-01, start included) + 1 h "ukendt ydelse" × 300 (--hourly-rate)
///           + amount 250 (03-31, end included) = 750 + 300 + 250 = 1300 kr
///   after (2024-03-31, 2024-06-29]: 1 h × 400 (04-01) + 0.5 h × 400 (06-29, on the edge)
///           = 1.5 h, 600 kr; 06-30 is one day too late
///   after-window ends 2024-06-29 ≤ 2024-06-30: complete; savings = 2000 − 600 = 1400
///   hoursChangePerWeek = (5 − 1.5) / (90/7) = 24.5/90 = 0.27222…
///   effect: J1.1 3 → 1, J1.2 2 → 2: change 2, meanChange 1.0, improved
/// B2, course 2024-05-01 … 2024-05-31 (Hold X):
///   before: 2 h × 400 (04-01) = 800 kr; during: 3 h × 400 = 1200 kr; after: none
///   after-window ends 2024-08-29 > 2024-06-30: incomplete, no savings
///   effect: 2 → 3: change −1, meanChange −1.0, worsened
/// C3, course 2024-04-01 … 2024-04-30 (Hold Y): no cost rows: cost 0;
///   after-window ends 2024-07-29: incomplete; effect 4 → 2: change 2, meanChange 2.0, improved
/// D4, course 2024-02-01 … 2024-02-29 (Hold Y): amount 900 during; after: 1 h × 400 (03-10);
///   after-window ends 2024-05-29: complete; savings = 0 − 400 = −400;
///   hoursChangePerWeek = (0 − 1) / (90/7) = −0.077…; effect 2 → 2: change 0, unchanged
@Suite("Course costs and group cost figures, by hand (SPEC §8)")
struct CourseCostsTests {
    static func report() throws -> EffectReport {
        let data = try TinyCostData(files: TinyCostData.teams)
        defer { data.remove() }
        let dataset = try data.load(hourlyRate: 300)
        #expect(dataset.report[.costs].read == 13 && dataset.report[.costs].accepted == 13)
        var options = ReportOptions()
        options.minCell = 0
        options.comparison.bootstrap = 0
        return EffectReporter.report(dataset, options: options)
    }

    static func costs(of citizen: String, in report: EffectReport) throws -> (CourseCosts, CourseResult) {
        let index = ["A1": 0, "B2": 1, "C3": 2, "D4": 3][citizen]!
        let result = report.evaluation.results[index]
        return (try #require(report.courseCosts)[index], result)
    }

    @Test("A1: cost within the course, before and after windows with their edges, savings")
    func completeCourse() throws {
        let report = try Self.report()
        let (c, r) = try Self.costs(of: "A1", in: report)
        #expect(r.isEvaluable && r.change == 2 && r.meanChange == 1.0)
        #expect(c.cost == 1300)
        #expect(c.hoursBefore == 5 && c.costBefore == 2000)
        #expect(c.hoursAfter == 1.5 && c.costAfter == 600)
        #expect(c.afterWindowComplete)
        #expect(c.savings == 1400)
        #expect(c.netCost == -100)
        #expect(abs(try #require(c.hoursChangePerWeek) - 24.5 / 90) < 1e-15)
    }

    @Test("B2 and C3: after-window incomplete, so no savings and no hours change")
    func incompleteAfterWindow() throws {
        let report = try Self.report()
        let (b, _) = try Self.costs(of: "B2", in: report)
        #expect(b.cost == 1200 && b.costBefore == 800 && b.costAfter == 0)
        #expect(!b.afterWindowComplete && b.savings == nil && b.hoursChangePerWeek == nil && b.netCost == nil)
        let (c, _) = try Self.costs(of: "C3", in: report)
        #expect(c.cost == 0 && !c.afterWindowComplete && c.savings == nil)
    }

    @Test("D4: an amount row counts as cost without hours; negative savings")
    func amountsAndNegativeSavings() throws {
        let report = try Self.report()
        let (d, r) = try Self.costs(of: "D4", in: report)
        #expect(r.change == 0)
        #expect(d.cost == 900 && d.hoursBefore == 0 && d.hoursAfter == 1)
        #expect(d.savings == -400)
        #expect(abs(try #require(d.hoursChangePerWeek) - -7.0 / 90) < 1e-15)
    }

    @Test("group figures: total, mean, per point, per improved, mean savings and net cost")
    func groupFigures() throws {
        let report = try Self.report()
        #expect(report.groups.map(\.group) == ["Hold X", "Hold Y"])
        // Hold X: A1 (1300, change 2, improved, savings 1400), B2 (1200, change −1, worsened, no savings).
        // total 2500; mean 1250; Σchange 1 → 2500 per point; 1 improved → 2500;
        // savings over A1 only: 1400; net cost 1300 − 1400 = −100; hours change 0.2722….
        let x = try #require(report.groups[0].costs)
        #expect(x.totalCost == 2500 && x.meanCost == 1250 && x.costPerPoint == 2500 && x.costPerImproved == 2500)
        #expect(x.meanSavings == 1400 && x.meanNetCost == -100 && x.coursesWithSavings == 1)
        #expect(abs(try #require(x.meanHoursChangePerWeek) - 24.5 / 90) < 1e-15)
        // Hold Y: C3 (0, change 2, improved, no savings), D4 (900, change 0, savings −400).
        // total 900; mean 450; Σchange 2 → 450 per point; 1 improved → 900; savings −400; net 900 + 400 = 1300.
        let y = try #require(report.groups[1].costs)
        #expect(y.totalCost == 900 && y.meanCost == 450 && y.costPerPoint == 450 && y.costPerImproved == 900)
        #expect(y.meanSavings == -400 && y.meanNetCost == 1300)
        // Total: 3400; mean 850; Σchange 3 → 1133.33…; 2 improved → 1700; savings (1400 − 400)/2 = 500;
        // net (−100 + 1300)/2 = 600.
        let t = try #require(report.total.costs)
        #expect(t.totalCost == 3400 && t.meanCost == 850 && t.costPerImproved == 1700)
        #expect(abs(try #require(t.costPerPoint) - 3400.0 / 3) < 1e-9)
        #expect(t.meanSavings == 500 && t.meanNetCost == 600 && t.coursesWithSavings == 2)
    }

    @Test("no cost per point without points gained, no cost per improved course without one")
    func undefinedRatios() {
        // One worsened course: Σchange < 0 and no improved course.
        let unit = EffectUnit(citizen: 0, change: -1, outcome: .worsened, goalsSet: 0, goalsMet: 0, effectiveness: nil,
                              baseline: 2, followUp: 3, points: -1, probability: nil, course: 0)
        let costs = [CourseCosts(cost: 500, hoursBefore: 0, costBefore: 0, hoursAfter: 0, costAfter: 0, afterWindowComplete: false, horizonDays: 90)]
        let g = CostAnalysis.groupCosts([unit], costs: costs)
        #expect(g.totalCost == 500 && g.meanCost == 500)
        #expect(g.costPerPoint == nil && g.costPerImproved == nil && g.meanSavings == nil && g.meanNetCost == nil)
        #expect(CostAnalysis.groupCosts([EffectUnit](), costs: []).meanCost == nil)
    }
}
