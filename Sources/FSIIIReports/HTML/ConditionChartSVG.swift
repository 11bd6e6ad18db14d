import FSIIIEffect

/// The condition chart: one horizontal bar per FSIII condition with the
/// mean change `b − f` over its compared pairs, largest improvement on
/// top, so a reader sees which functions improve (`ConditionChanges`).
///
/// Axis mapping (viewBox 640 × (12 + 24·n + 40) for n shown conditions):
/// - y: condition i (0 = largest mean change) is the row from
///   `12 + 24·i`; its bar is 14 px high from `y = 12 + 24·i + 5`, its name
///   right-aligned at x = 242.
/// - x = mean change v in points: [lo, hi] → [250, 540] px (the right
///   margin holds the value labels), `x(v) = 250 + (v − lo) / (hi − lo) · 290`,
///   where [lo, hi] is `NiceNumber.domain` over the means and 0 in 5 steps:
///   step = nice((max − min) / 5), hi = ⌈max / step⌉ · step,
///   lo = ⌊min / step⌋ · step.
/// - A bar runs from x(0) to x(v): rightwards is improvement, leftwards
///   worsening (a worsening bar is also a different colour and its value
///   has a minus).
/// Suppressed conditions (SPEC §10) are not drawn; the description says
/// how many were hidden.
struct ConditionChartSVG: Sendable {
    static let width = 640.0
    static let plotLeft = 250.0, plotRight = 540.0, top = 12.0, rowHeight = 24.0, barHeight = 14.0
    static let nameLength = 36

    let changes: ConditionChanges
    let x: LinearScale

    var rows: [ConditionChanges.Row] { changes.shown }
    var height: Double { Self.top + Self.rowHeight * Double(rows.count) + 40 }
    func barTop(_ i: Int) -> Double { Self.top + Self.rowHeight * Double(i) + 5 }

    init(_ changes: ConditionChanges) {
        self.changes = changes
        let (lo, hi) = NiceNumber.domain(covering: changes.shown.map(\.meanChange), intervals: 5)
        x = LinearScale(domainLow: lo, domainHigh: hi, pixelLow: Self.plotLeft, pixelHigh: Self.plotRight)
    }

    func svg(language L: Language) -> String {
        var w = SVGWriter(id: "conditions", width: Self.width, height: height, title: L.label(.conditionTitle),
                          description: HTMLPhrases.conditionDescription(self, L))
        let bottom = Self.top + Self.rowHeight * Double(rows.count)
        for t in NiceNumber.ticks(x.domainLow, x.domainHigh, target: 5) {
            w.line(x(t), Self.top - 4, x(t), bottom, class: t == 0 ? "reference" : "grid")
            w.text(L.number(t, digits: 1), x: x(t), y: bottom + 16, class: "tick", anchor: "middle")
        }
        w.text(L.label(.meanChangeByMonth), x: (Self.plotLeft + Self.plotRight) / 2, y: bottom + 34, class: "axis-title", anchor: "middle")
        for (i, row) in rows.enumerated() {
            let v = row.meanChange
            let (x0, x1) = (x(0), x(v))
            let y = barTop(i)
            w.openGroup(class: "condition \(v < 0 ? "worse" : "better")", attributes: [("data-condition", row.name)])
            w.tooltip(HTMLPhrases.conditionTooltip(row, L))
            w.rect(x: min(x0, x1), y: y, width: abs(x1 - x0), height: Self.barHeight, class: "bar")
            w.closeGroup()
            let name = row.name.count > Self.nameLength ? String(row.name.prefix(Self.nameLength - 1)) + "…" : row.name
            w.text(name, x: Self.plotLeft - 8, y: y + 11, class: "bar-name", anchor: "end")
            let value = L.number(v) + " (n = \(row.pairs))"
            if v < 0 {
                w.text(value, x: x1 - 4, y: y + 11, class: "bar-value", anchor: "end")
            } else {
                w.text(value, x: x1 + 4, y: y + 11, class: "bar-value", anchor: "start")
            }
        }
        return w.finished()
    }

    /// The text alternative: every condition's figures, suppressed ones marked.
    func dataTable(language L: Language, minCell: Int) -> String {
        let rows = changes.rows.map { r -> [String] in
            if r.suppressed { return [r.name, SmallCellSuppression.maskedCount(minCell: minCell), L.label(.hidden), "", ""] }
            return [r.name, String(r.pairs), L.number(r.meanChange), HTMLPhrases.percent(Double(r.improved) / Double(r.pairs), L),
                    HTMLPhrases.percent(Double(r.worsened) / Double(r.pairs), L)]
        }
        let header = [L.label(.condition), L.label(.comparedConditions), L.label(.meanChange), L.label(.improved), L.label(.worsened)]
        return HTMLTable.simple(header: header, rows: rows, numericColumns: 1...4)
    }
}
