import Foundation
import FSIIIEffect
import FSIIIStatistics

/// The funnel of mean change (issue 21, `MeanChangeFunnel`): each group's
/// mean change against its number of courses, with the 95 % and 99.8 %
/// limits around the overall mean under `--funnel`'s method.
///
/// Axis mapping (viewBox 640 × 470; plot area x 60…620, y 20…380):
/// - x = courses n: [0, xMax] → [60, 620] px, xMax = `NiceNumber.ceil(1.1 · largest n shown)`.
/// - y = mean change: [yLow, yHigh] → [380, 20] px, from
///   `NiceNumber.domain(covering:intervals: 5)` of the shown means and
///   their own 99.8 % limits (0 always inside).
/// - Limit curves `MeanChangeFunnel.limits(courses:z:)`: θ₀ ± z·sd(n). Each
///   starts where it enters the plot — n₀ by bisection on √n in
///   [√xMax/1000, √xMax] where it crosses yHigh (upper) or yLow (lower) —
///   and runs to xMax through `curveSamples` points evenly spaced in √n,
///   each value kept within [yLow, yHigh].
/// - A marker per group that is not suppressed, shaped by its flag.
struct MeanChangeFunnelSVG: Sendable {
    static let width = 640.0, height = 470.0
    static let plotLeft = 60.0, plotRight = 620.0, plotTop = 20.0, plotBottom = 380.0
    static let curveSamples = 41

    let funnel: MeanChangeFunnel
    let points: [MeanChangeFunnel.Point]
    let x: LinearScale
    let y: LinearScale

    /// nil without a mean-change funnel or a group that may be shown.
    init?(_ report: EffectReport) {
        guard let funnel = report.meanChangeFunnel else { return nil }
        let points = funnel.points.filter { !$0.suppressed }
        guard let maxN = points.map(\.courses).max() else { return nil }
        self.funnel = funnel
        self.points = points
        let values = points.flatMap { [$0.meanChange, $0.limit998.low, $0.limit998.high] } + [funnel.target]
        let domain = NiceNumber.domain(covering: values, intervals: 5)
        x = LinearScale(domainLow: 0, domainHigh: NiceNumber.ceil(1.1 * Double(maxN)), pixelLow: Self.plotLeft, pixelHigh: Self.plotRight)
        y = LinearScale(domainLow: domain.low, domainHigh: domain.high, pixelLow: Self.plotBottom, pixelHigh: Self.plotTop)
    }

    func limit(at n: Double, z: Double, upper: Bool) -> Double {
        let l = funnel.limits(courses: n, z: z)
        return upper ? l.high : l.low
    }

    /// The points (n, mean change) of one limit curve, as drawn.
    func limitCurve(z: Double, upper: Bool) -> [(courses: Double, value: Double)] {
        FunnelCurve.sample(to: x.domainHigh, low: y.domainLow, high: y.domainHigh, upper: upper, samples: Self.curveSamples) {
            limit(at: $0, z: z, upper: upper)
        }.map { (courses: $0.x, value: $0.y) }
    }

    func svg(language L: Language, grouping: GroupingSpec) -> String {
        var w = SVGWriter(id: "mean-change-funnel", width: Self.width, height: Self.height,
                          title: HTMLPhrases.meanChangeFunnelTitle(grouping, L), description: HTMLPhrases.meanChangeFunnelDescription(self, grouping: grouping, L))
        w.rect(x: Self.plotLeft, y: Self.plotTop, width: Self.plotRight - Self.plotLeft, height: Self.plotBottom - Self.plotTop, class: "plot-area")
        for t in NiceNumber.ticks(0, x.domainHigh) {
            w.line(x(t), Self.plotTop, x(t), Self.plotBottom, class: "grid")
            w.text(L.number(t, digits: t.rounded() == t ? 0 : 1), x: x(t), y: Self.plotBottom + 16, class: "tick", anchor: "middle")
        }
        for t in NiceNumber.ticks(y.domainLow, y.domainHigh) {
            w.line(Self.plotLeft, y(t), Self.plotRight, y(t), class: "grid")
            w.text(L.number(t, digits: 1), x: Self.plotLeft - 6, y: y(t) + 4, class: "tick", anchor: "end")
        }
        w.line(Self.plotLeft, y(funnel.target), Self.plotRight, y(funnel.target), class: "reference")
        w.text(L == .da ? "samlet gennemsnit" : "overall mean", x: Self.plotRight - 4, y: y(funnel.target) - 5, class: "note", anchor: "end")
        for (z, name) in [(Funnel.z95, "limit95"), (Funnel.z998, "limit998")] {
            for upper in [true, false] {
                w.path(limitCurve(z: z, upper: upper).map { (x: x($0.courses), y: y($0.value)) }, class: "limit \(name) \(upper ? "upper" : "lower")")
            }
        }
        for p in points {
            w.openGroup(class: "point \(ChartMarker.cssClass(p.flag))", translate: (x(Double(p.courses)), y(p.meanChange)),
                        attributes: [("data-group", p.group)])
            w.tooltip(L == .da
                ? "\(p.group): \(p.courses) forløb, gns. ændring \(L.number(p.meanChange)) – \(HTMLPhrases.flagText(p.flag, L))"
                : "\(p.group): \(p.courses) courses, mean change \(L.number(p.meanChange)) – \(HTMLPhrases.flagText(p.flag, L))")
            w.raw(ChartMarker.markup(for: p.flag))
            w.closeGroup()
        }
        w.text(L.label(.courses), x: (Self.plotLeft + Self.plotRight) / 2, y: Self.plotBottom + 38, class: "axis-title", anchor: "middle")
        w.text(L.label(.meanChange), x: 16, y: (Self.plotTop + Self.plotBottom) / 2, class: "axis-title", anchor: "middle", rotate: -90)
        return w.finished()
    }

    /// The text alternative: the plotted figures as a table.
    func dataTable(language L: Language, grouping: GroupingSpec) -> String {
        let rows = points.map { p in
            [p.group, String(p.courses), L.number(p.meanChange), "\(L.number(p.limit95.low)) – \(L.number(p.limit95.high))",
             "\(L.number(p.limit998.low)) – \(L.number(p.limit998.high))", HTMLPhrases.flagText(p.flag, L)]
        }
        let header = [HTMLPhrases.groupLabel(grouping, L), L.label(.courses), L.label(.meanChange), L.label(.limits95), L.label(.limits998), L.label(.flag)]
        return HTMLTable.simple(header: header, rows: rows, numericColumns: 1...4)
    }
}
