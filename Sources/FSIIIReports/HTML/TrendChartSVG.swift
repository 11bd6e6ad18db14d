import Foundation
import FSIIIEffect

/// The trend chart: by month of course end, the share of improved courses
/// as a p-chart or Laney's p′ chart (centre line p̄, 3-sigma limits per
/// month, see `MonthlyTrend`) and, below it, the mean change in points.
///
/// Axis mapping (viewBox 640 × 480):
/// - x: month i of the n months from the first to the last course end
///   (empty months keep their place) is the centre of band i:
///   `x(i) = 60 + (i + ½) · 560 / n` (`BandScale` over 60…620).
/// - Upper panel, improved share: [0, 1] → [220, 30] px,
///   `y(p) = 220 − p · 190`. The centre line is drawn at y(p̄); each month's
///   limits are a horizontal step across its band, from x(i) − ½·560/n to
///   x(i) + ½·560/n, at y(limit).
/// - Lower panel, mean change: [lo, hi] → [430, 280] px,
///   `y(v) = 430 − (v − lo) / (hi − lo) · 150`, where [lo, hi] is
///   `NiceNumber.domain` over the shown months' means, the overall mean and
///   0 in 4 steps: step = nice((max − min) / 4), hi = ⌈max / step⌉ · step,
///   lo = ⌊min / step⌋ · step.
/// Suppressed months (SPEC §10, `ChartSuppression`) and empty months are
/// not drawn; lines break there.
struct TrendChartSVG: Sendable {
    static let width = 640.0, height = 480.0
    static let plotLeft = 60.0, plotRight = 620.0
    static let shareTop = 30.0, shareBottom = 220.0
    static let changeTop = 280.0, changeBottom = 430.0

    let trend: MonthlyTrend
    /// Municipalities' switches to the simplified FSIII model (issue 20):
    /// a vertical line at the month of each one's first simplified assessment.
    let switches: [(name: String, year: Int, month: Int)]
    let x: BandScale
    let share: LinearScale
    let change: LinearScale

    init(_ trend: MonthlyTrend, switches: [(name: String, year: Int, month: Int)] = []) {
        self.trend = trend
        self.switches = switches
        x = BandScale(count: trend.months.count, start: Self.plotLeft, end: Self.plotRight)
        share = LinearScale(domainLow: 0, domainHigh: 1, pixelLow: Self.shareBottom, pixelHigh: Self.shareTop)
        let (lo, hi) = NiceNumber.domain(covering: trend.shown.map(\.meanChange) + [trend.overallMeanChange], intervals: 4)
        change = LinearScale(domainLow: lo, domainHigh: hi, pixelLow: Self.changeBottom, pixelHigh: Self.changeTop)
    }

    /// The marker flag of a month: a 3-sigma alarm above or below its limits.
    func flag(_ m: MonthlyTrend.Month) -> FunnelFlag {
        let limits = trend.limits(m)
        return m.improvedShare > limits.high ? .highAlarm : m.improvedShare < limits.low ? .lowAlarm : .within
    }

    /// The mark of a point in an unusually long run: a ring drawn under the marker.
    static let runRing = "<circle class=\"run-ring\" cx=\"0\" cy=\"0\" r=\"8\"/>\n"

    /// Whether any point of either series is in an unusually long run.
    var hasLongRun: Bool { trend.shareInLongRun.contains(true) || trend.changeInLongRun.contains(true) }

    /// Runs of adjacent shown months, as indices into `trend.months`.
    var runs: [[Int]] {
        var runs: [[Int]] = []
        var current: [Int] = []
        for (i, m) in trend.months.enumerated() {
            if m.isEmpty || m.suppressed {
                if !current.isEmpty { runs.append(current) }
                current = []
            } else {
                current.append(i)
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    func svg(language L: Language) -> String {
        var w = SVGWriter(id: "trend", width: Self.width, height: Self.height, title: L.label(.trendTitle),
                          description: HTMLPhrases.trendDescription(self, L))
        let months = trend.months
        let half = x.bandwidth / 2
        // Upper panel: improved share with p-chart limits.
        w.text(L.label(.improvedShare), x: Self.plotLeft, y: Self.shareTop - 12, class: "panel-title")
        w.rect(x: Self.plotLeft, y: Self.shareTop, width: Self.plotRight - Self.plotLeft, height: Self.shareBottom - Self.shareTop, class: "plot-area")
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            w.line(Self.plotLeft, share(t), Self.plotRight, share(t), class: "grid")
            w.text(HTMLPhrases.percent(t, L), x: Self.plotLeft - 6, y: share(t) + 4, class: "tick", anchor: "end")
        }
        w.line(Self.plotLeft, share(trend.overallShare), Self.plotRight, share(trend.overallShare), class: "centre")
        for run in runs {
            for upper in [true, false] {
                let steps = run.flatMap { i -> [(x: Double, y: Double)] in
                    let l = trend.limits(months[i])
                    let py = share(upper ? l.high : l.low)
                    return [(x.center(i) - half, py), (x.center(i) + half, py)]
                }
                w.path(steps, class: "plimit \(upper ? "upper" : "lower")")
            }
            w.path(run.map { (x: x.center($0), y: share(months[$0].improvedShare)) }, class: "series")
        }
        for i in months.indices where !months[i].isEmpty && !months[i].suppressed {
            let m = months[i]
            let run = trend.shareInLongRun[i]
            w.openGroup(class: "month-point \(ChartMarker.cssClass(flag(m)))" + (run ? " run-signal" : ""),
                        translate: (x.center(i), share(m.improvedShare)), attributes: [("data-month", m.month)])
            w.tooltip(HTMLPhrases.monthShareTooltip(m, limits: trend.limits(m), L))
            // Issue 21: a point in an unusually long run (Anhøj) gets a ring around its marker.
            if run { w.raw(Self.runRing) }
            w.raw(ChartMarker.markup(for: flag(m)))
            w.closeGroup()
        }
        // Lower panel: mean change.
        w.text(L.label(.meanChangeByMonth), x: Self.plotLeft, y: Self.changeTop - 12, class: "panel-title")
        w.rect(x: Self.plotLeft, y: Self.changeTop, width: Self.plotRight - Self.plotLeft, height: Self.changeBottom - Self.changeTop, class: "plot-area")
        for t in NiceNumber.ticks(change.domainLow, change.domainHigh, target: 4) {
            w.line(Self.plotLeft, change(t), Self.plotRight, change(t), class: t == 0 ? "reference" : "grid")
            w.text(L.number(t), x: Self.plotLeft - 6, y: change(t) + 4, class: "tick", anchor: "end")
        }
        w.line(Self.plotLeft, change(trend.overallMeanChange), Self.plotRight, change(trend.overallMeanChange), class: "centre")
        for run in runs {
            w.path(run.map { (x: x.center($0), y: change(months[$0].meanChange)) }, class: "series")
        }
        for i in months.indices where !months[i].isEmpty && !months[i].suppressed {
            let m = months[i]
            let run = trend.changeInLongRun[i]
            w.openGroup(class: "change-point within" + (run ? " run-signal" : ""), translate: (x.center(i), change(m.meanChange)),
                        attributes: [("data-month", m.month)])
            w.tooltip(HTMLPhrases.monthChangeTooltip(m, L))
            if run { w.raw(Self.runRing) }
            w.raw(ChartMarker.markup(for: .within))
            w.closeGroup()
        }
        // Model switches: a line over both panels where a municipality moved to the simplified model.
        for (k, sw) in switches.enumerated() {
            guard let i = months.firstIndex(where: { $0.year == sw.year && $0.monthNumber == sw.month }) else { continue }
            let px = x.center(i) - half
            w.line(px, Self.shareTop, px, Self.changeBottom, class: "model-switch")
            w.text(sw.name, x: px + 3, y: Self.shareTop + 12 + Double(k % 4) * 12, class: "tick model-switch-label")
        }
        // Month labels: every k-th, so that at most about 12 are written; the year under January and the first.
        let every = max(1, Int(Foundation.ceil(Double(months.count) / 12)))
        for i in stride(from: 0, to: months.count, by: every) {
            w.text(HTMLPhrases.monthName(months[i].monthNumber, L), x: x.center(i), y: Self.changeBottom + 16, class: "tick", anchor: "middle")
            if i == 0 || months[i].monthNumber <= every {
                w.text(String(months[i].year), x: x.center(i), y: Self.changeBottom + 30, class: "tick", anchor: "middle")
            }
        }
        return w.finished()
    }

    /// The text alternative: the figures of every month as a table.
    func dataTable(language L: Language, minCell: Int) -> String {
        let rows = trend.months.map { m -> [String] in
            let name = HTMLPhrases.monthName(m.monthNumber, L) + " " + String(m.year)
            if m.isEmpty { return [name, "0", "–", "–", "–", "–"] }
            if m.suppressed {
                let masked = SmallCellSuppression.maskedCount(minCell: minCell)
                return [name, masked, L.label(.hidden), "", "", ""]
            }
            let l = trend.limits(m)
            return [name, String(m.courses), HTMLPhrases.percent(m.improvedShare, L), HTMLPhrases.percent(l.low, L),
                    HTMLPhrases.percent(l.high, L), L.number(m.meanChange)]
        }
        let header = [L.label(.month), L.label(.courses), L.label(.improvedShare), L.label(.lowerLimit), L.label(.upperLimit), L.label(.meanChange)]
        return HTMLTable.simple(header: header, rows: rows, numericColumns: 1...5)
    }
}
