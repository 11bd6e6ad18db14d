import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
import FSIIITestSupport

/// The condition chart for five conditions, one citizen per pair, minCell 5:
///
/// | condition | pairs | changes            | mean   | shown              |
/// |-----------|-------|--------------------|--------|--------------------|
/// | #0        | 6     | 1, 1, 1, 0, 0, −1  | 0.3333 | yes, row 1         |
/// | #1        | 5     | 2, 1, 1, 1, 0      | 1.0    | yes, row 0         |
/// | #2        | 2     | 1, 1               | –      | suppressed (2 < 5) |
/// | #3        | 3     | 0, 0, 1            | –      | suppressed (3 < 5) |
/// | #4        | 6     | −1, −1, −1, 0, 0, 0| −0.5   | yes, row 2         |
///
/// From the mapping on `ConditionChartSVG`: values 1, 0.3333, −0.5 and 0,
/// step = nice(1.5 / 5) = 0.5, so [−0.5, 1] → [250, 540],
/// x(v) = 250 + (v + 0.5) / 1.5 · 290: x(0) = 346.667. Bars: #1 from
/// 346.667, width 193.333, top 12 + 5 = 17; #0 from 346.667, width 64.444,
/// top 41; #4 from 250, width 96.667, top 65. Height 12 + 3·24 + 40 = 124.
@Suite("Condition chart: bars at the documented pixels")
struct ConditionChartSVGTests {
    static let data: [(Int, [Int])] = [(0, [1, 1, 1, 0, 0, -1]), (1, [2, 1, 1, 1, 0]), (2, [1, 1]), (3, [0, 0, 1]), (4, [-1, -1, -1, 0, 0, 0])]

    static func chart() throws -> (chart: ConditionChartSVG, svg: ParsedElement) {
        let changes = ConditionChanges(HTMLFixtures.conditionEvaluation(data), terminology: .builtIn, minCell: 5)
        let chart = ConditionChartSVG(changes)
        return (chart, try XMLTree.parse(chart.svg(language: .da)))
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 0.051 } ?? false }

    @Test("shown conditions are sorted by mean change, suppressed ones last")
    func order() throws {
        let rows = try Self.chart().chart.changes.rows
        #expect(rows.map(\.code.index) == [1, 0, 4, 2, 3])
        #expect(rows.map(\.suppressed) == [false, false, false, true, true])
        #expect(rows.map(\.pairs) == [5, 6, 6, 2, 3])
        #expect(abs(rows[1].meanChange - 1.0 / 3) < 1e-12)
    }

    @Test("bars run from x(0) to x(mean) in rows of 24 px")
    func bars() throws {
        let (chart, svg) = try Self.chart()
        #expect(chart.height == 124)
        let names = Terminology.builtIn.conditions.map(\.display)
        let groups = svg.withClass("condition")
        #expect(groups.map { $0.attributes["data-condition"] ?? "" } == [names[1], names[0], names[4]])
        let bars = groups.compactMap { $0.first("rect") }
        let expected: [(Double, Double, Double)] = [(346.667, 193.333, 17), (346.667, 64.444, 41), (250, 96.667, 65)]
        for (bar, (x, width, y)) in zip(bars, expected) {
            #expect(Self.close(bar.double("x"), x) && Self.close(bar.double("width"), width) && Self.close(bar.double("y"), y),
                    "bar \(bar.attributes)")
            #expect(bar.double("height") == 14)
        }
        #expect(groups.map { $0.attributes["class"] ?? "" } == ["condition better", "condition better", "condition worse"])
    }

    @Test("suppressed conditions are not drawn; the data table shows <5 for them")
    func suppressed() throws {
        let (chart, svg) = try Self.chart()
        let names = Terminology.builtIn.conditions.map(\.display)
        let text = chart.svg(language: .da)
        #expect(!text.contains(names[2]) && !text.contains(names[3]))
        #expect(svg.withClass("condition").count == 3)
        let table = try XMLTree.parse(chart.dataTable(language: .da, minCell: 5))
        let row = try #require(table.descendants("tr").first { $0.fullText.hasPrefix(names[2]) })
        #expect(row.descendants("td").map(\.text) == ["<5", "skjult", "", ""])
    }
}
