import Foundation
import FSIIIEffect

/// The Lorenz curve of the home-care cost (SPEC §12): the share of the
/// citizens with the smallest totals (x) against their share of the cost
/// (y), with the line of equality for reference.
///
/// Axis mapping (viewBox 480 × 400): x: [0, 1] → [60, 440] px,
/// `x(p) = 60 + p · 380`; y: [0, 1] → [350, 30] px, `y(s) = 350 − s · 320`.
/// The curve holds only the points the figures keep (each step at least
/// `--min-cell` citizens); without points there is no chart.
struct LorenzCurveSVG: Sendable {
    static let width = 480.0, height = 400.0
    static let plotLeft = 60.0, plotRight = 440.0, plotTop = 30.0, plotBottom = 350.0

    let figures: CostConcentration.Figures
    let x = LinearScale(domainLow: 0, domainHigh: 1, pixelLow: plotLeft, pixelHigh: plotRight)
    let y = LinearScale(domainLow: 0, domainHigh: 1, pixelLow: plotBottom, pixelHigh: plotTop)

    init?(_ concentration: CostConcentration?) {
        guard let c = concentration, c.overall.lorenz.count >= 2 else { return nil }
        figures = c.overall
    }

    static func title(_ L: Language) -> String { L == .da ? "Koncentration af hjemmeplejeudgiften (Lorenz-kurve)" : "Concentration of the home-care cost (Lorenz curve)" }

    func svg(language L: Language) -> String {
        let description = ConcentrationText.sentence(figures, language: L)
            ?? (L == .da ? "Lorenz-kurve over borgernes samlede udgift." : "Lorenz curve of the citizens' total cost.")
        var w = SVGWriter(id: "lorenz", width: Self.width, height: Self.height, title: Self.title(L), description: description)
        w.rect(x: Self.plotLeft, y: Self.plotTop, width: Self.plotRight - Self.plotLeft, height: Self.plotBottom - Self.plotTop, class: "plot-area")
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            w.line(Self.plotLeft, y(t), Self.plotRight, y(t), class: "grid")
            w.text(HTMLPhrases.percent(t, L), x: Self.plotLeft - 6, y: y(t) + 4, class: "tick", anchor: "end")
            w.text(HTMLPhrases.percent(t, L), x: x(t), y: Self.plotBottom + 18, class: "tick", anchor: "middle")
        }
        w.line(x(0), y(0), x(1), y(1), class: "centre")
        w.path(figures.lorenz.map { (x: x($0.population), y: y($0.cost)) }, class: "series")
        for p in figures.lorenz {
            w.openGroup(class: "point within", translate: (x(p.population), y(p.cost)))
            w.tooltip("\(HTMLPhrases.percent(p.population, L)) → \(HTMLPhrases.percent(p.cost, L))")
            w.raw(ChartMarker.markup(for: .within))
            w.closeGroup()
        }
        w.text(L == .da ? "Andel af borgerne (laveste udgift først)" : "Share of the citizens (lowest cost first)",
               x: (Self.plotLeft + Self.plotRight) / 2, y: Self.height - 12, class: "axis-title", anchor: "middle")
        w.text(L == .da ? "Andel af udgiften" : "Share of the cost", x: 16, y: (Self.plotTop + Self.plotBottom) / 2,
               class: "axis-title", anchor: "middle", rotate: -90)
        return w.finished()
    }

    func dataTable(language L: Language) -> String {
        let header = L == .da ? ["Andel af borgerne", "Andel af udgiften"] : ["Share of the citizens", "Share of the cost"]
        let rows = figures.lorenz.map { [HTMLPhrases.percent($0.population, L), HTMLPhrases.percent($0.cost, L)] }
        return HTMLTable.simple(header: header, rows: rows, numericColumns: 0...1)
    }
}
