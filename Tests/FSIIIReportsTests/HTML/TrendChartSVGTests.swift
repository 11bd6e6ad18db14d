import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
import FSIIITestSupport

/// The trend chart for courses ending in January to May 2024, one citizen
/// per course, minCell 5:
///
/// | month    | courses | improved | share | shown              |
/// |----------|---------|----------|-------|--------------------|
/// | 2024-01  | 10      | 7        | 0.70  | yes                |
/// | 2024-02  | 0       | –        | –     | empty              |
/// | 2024-03  | 20      | 9        | 0.45  | yes                |
/// | 2024-04  | 3       | 1        | –     | suppressed (3 < 5) |
/// | 2024-05  | 3       | 1        | –     | suppressed (3 < 5) |
///
/// p̄ = 18 / 36 = 0.5 over all months. p-chart limits: January
/// 0.5 ± 3·√(0.25/10) = [0.025658, 0.974342]; March 0.5 ± 3·√(0.25/20) =
/// [0.164590, 0.835410]. Pixels from the mapping on `TrendChartSVG`:
/// 5 bands of 112 px from 60, centres 116 (Jan), 340 (Mar); share
/// y(p) = 220 − 190 p: Jan 0.7 → 87.0, Mar 0.45 → 134.5, p̄ → 125.0;
/// January's upper limit step runs from x 60 to 172 at y 34.875, March's
/// from 284 to 396 at 61.272 (upper) and 188.728 (lower). Mean change
/// (improved courses change 1 point, others 0): Jan 0.7, Mar 0.45, overall
/// 0.5; step = nice(0.7 / 4) = 0.2, so [0, 0.8] → [430, 280],
/// y(v) = 430 − v / 0.8 · 150: Jan 298.75, Mar 345.625, overall 336.25.
@Suite("Trend chart: p-chart by month at the documented pixels")
struct TrendChartSVGTests {
    static let months: [(Day, Int, Int)] = [
        (Day(year: 2024, month: 1, day: 20)!, 10, 7), (Day(year: 2024, month: 3, day: 5)!, 20, 9),
        (Day(year: 2024, month: 4, day: 30)!, 3, 1), (Day(year: 2024, month: 5, day: 1)!, 3, 1),
    ]

    static func chart() throws -> (chart: TrendChartSVG, svg: ParsedElement) {
        let trend = try #require(MonthlyTrend(HTMLFixtures.trendEvaluation(months), minCell: 5))
        let chart = TrendChartSVG(trend)
        return (chart, try XMLTree.parse(chart.svg(language: .da)))
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 0.051 } ?? false }

    @Test("months run without gaps from the first to the last course end; small months are suppressed")
    func months() throws {
        let trend = try Self.chart().chart.trend
        #expect(trend.months.map(\.month) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"])
        #expect(trend.months.map(\.courses) == [10, 0, 20, 3, 3])
        #expect(trend.months.map(\.suppressed) == [false, false, false, true, true])
        #expect(trend.overallShare == 0.5)
        #expect(trend.overallMeanChange == 0.5)
    }

    @Test("p-chart limits are p̄ ± 3·√(p̄(1 − p̄)/n), clipped to [0, 1]")
    func pChartLimits() {
        let jan = MonthlyTrend.pChartLimits(share: 0.5, courses: 10)
        #expect(abs(jan.low - 0.025658350974743) < 1e-12 && abs(jan.high - 0.974341649025257) < 1e-12)
        let small = MonthlyTrend.pChartLimits(share: 0.9, courses: 4)
        #expect(small.high == 1)
        #expect(abs(small.low - 0.45) < 1e-12)
    }

    @Test("points, centre line and limit steps sit at the documented pixels")
    func pixels() throws {
        let svg = try Self.chart().svg
        let points = svg.withClass("month-point")
        #expect(points.map { $0.attributes["data-month"] ?? "" } == ["2024-01", "2024-03"])
        #expect(Self.close(points[0].translation?.x, 116) && Self.close(points[0].translation?.y, 87))
        #expect(Self.close(points[1].translation?.x, 340) && Self.close(points[1].translation?.y, 134.5))
        let centre = try #require(svg.withClass("centre").first)
        #expect(Self.close(centre.double("y1"), 125))
        let upper = svg.withClass("plimit", "upper").map(\.pathPoints)
        #expect(upper.count == 2, "one step line per run of shown months")
        #expect(Self.close(upper[0][0].x, 60) && Self.close(upper[0][1].x, 172) && Self.close(upper[0][0].y, 34.875))
        #expect(Self.close(upper[1][0].x, 284) && Self.close(upper[1][1].x, 396) && Self.close(upper[1][0].y, 61.272))
        let lower = svg.withClass("plimit", "lower").map(\.pathPoints)
        #expect(Self.close(lower[1][0].y, 188.728))
        let change = svg.withClass("change-point")
        #expect(Self.close(change[0].translation?.y, 298.75) && Self.close(change[1].translation?.y, 345.625))
        #expect(Self.close(svg.withClass("centre").last?.double("y1"), 336.25))
    }

    @Test("suppressed months are not drawn and their data-table row shows <5 only")
    func suppressedMonths() throws {
        let (chart, svg) = try Self.chart()
        #expect(!svg.all.contains { $0.attributes["data-month"] == "2024-04" || $0.attributes["data-month"] == "2024-05" })
        let table = try XMLTree.parse(chart.dataTable(language: .da, minCell: 5))
        let april = try #require(table.descendants("tr").first { $0.fullText.hasPrefix("apr 2024") })
        #expect(april.descendants("td").map(\.text) == ["<5", "skjult", "", "", ""])
    }

    @Test("one small month alone also hides the next smallest (SPEC §10 complementary rule)")
    func complementary() throws {
        let months: [(Day, Int, Int)] = [
            (Day(year: 2024, month: 1, day: 20)!, 10, 7), (Day(year: 2024, month: 2, day: 5)!, 3, 1), (Day(year: 2024, month: 3, day: 5)!, 20, 9),
        ]
        let trend = try #require(MonthlyTrend(HTMLFixtures.trendEvaluation(months), minCell: 5))
        #expect(trend.months.map(\.suppressed) == [true, true, false])
        #expect(ChartSuppression.suppressed(citizens: [10, 3, 20, 0], names: ["a", "b", "c", "d"], minCell: 5) == [true, true, false, false])
        #expect(ChartSuppression.suppressed(citizens: [10, 3, 20], names: ["a", "b", "c"], minCell: 0) == [false, false, false])
    }
}
