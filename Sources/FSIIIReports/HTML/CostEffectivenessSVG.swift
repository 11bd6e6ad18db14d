import Foundation
import FSIIIEffect

/// The cost-effectiveness plane of one comparison (issue 21): the
/// bootstrap replicates (ΔE_b across, ΔC_b up) as points, the point
/// estimate (ΔE, ΔC), and the willingness-to-pay line ΔC = λ·ΔE through
/// the origin — points below it have INMB > 0 (Black, W. C. (1990), "The
/// CE plane: a graphic representation of cost-effectiveness", Medical
/// Decision Making 10(3), 212–214).
///
/// Axis mapping (viewBox 480 × 400): x: [xLow, xHigh] → [80, 450] px,
/// y: [yLow, yHigh] → [350, 30] px, each range from
/// ``NiceNumber/domain(covering:intervals:)`` over the drawn replicates,
/// the estimate and 0. At most `maximumPoints` replicates are drawn, the
/// deterministic subset b = ⌊i·B/maximumPoints⌋, i = 0 … maximumPoints − 1
/// (all of them when B ≤ maximumPoints), so the page stays small and the
/// same on every run. The λ line is clipped to the plot area.
struct CostEffectivenessPlaneSVG: Sendable {
    static let width = 480.0, height = 400.0
    static let plotLeft = 80.0, plotRight = 450.0, plotTop = 30.0, plotBottom = 350.0
    static let maximumPoints = 1000

    let comparison: CostEffectivenessComparison
    let points: [(deltaEffect: Double, deltaCost: Double)]
    let x: LinearScale
    let y: LinearScale

    init?(_ c: CostEffectivenessComparison) {
        guard let r = c.replicates, r.count > 0 else { return nil }
        comparison = c
        points = Self.subset(count: r.count).map { (r.deltaEffect[$0], r.deltaCost[$0]) }
        let xd = NiceNumber.domain(covering: points.map(\.deltaEffect) + [c.deltaEffect], intervals: 4)
        let yd = NiceNumber.domain(covering: points.map(\.deltaCost) + [c.deltaCost], intervals: 4)
        x = LinearScale(domainLow: xd.low, domainHigh: xd.high, pixelLow: Self.plotLeft, pixelHigh: Self.plotRight)
        y = LinearScale(domainLow: yd.low, domainHigh: yd.high, pixelLow: Self.plotBottom, pixelHigh: Self.plotTop)
    }

    /// The replicates drawn: all of 0 ..< count, or ⌊i·count/cap⌋ for i < cap.
    static func subset(count: Int, cap: Int = maximumPoints) -> [Int] {
        count <= cap ? Array(0..<count) : (0..<cap).map { $0 * count / cap }
    }

    /// The λ line ΔC = λ·ΔE within the plot's data ranges, as two data
    /// points; nil when it misses the plot.
    func wtpLine() -> (x1: Double, y1: Double, x2: Double, y2: Double)? {
        let lambda = comparison.wtp
        var lo = x.domainLow, hi = x.domainHigh
        if lambda > 0 {
            lo = max(lo, y.domainLow / lambda)
            hi = min(hi, y.domainHigh / lambda)
        } else if y.domainLow > 0 || y.domainHigh < 0 {
            return nil
        }
        guard lo < hi else { return nil }
        return (lo, lambda * lo, hi, lambda * hi)
    }

    static func title(_ L: Language) -> String { L == .da ? "Omkostningseffektivitetsplanen" : "The cost-effectiveness plane" }

    func svg(id: String, group: String, language L: Language) -> String {
        let da = L == .da
        let description = da
            ? "\(group): \(points.count) bootstrap-gentagelser af (ΔE, ΔC), estimatet og linjen ΔC = λ·ΔE ved λ = \(L.number(comparison.wtp, digits: 0)) kr. pr. point; punkter under linjen er omkostningseffektive."
            : "\(group): \(points.count) bootstrap replicates of (ΔE, ΔC), the estimate and the line ΔC = λ·ΔE at λ = \(L.number(comparison.wtp, digits: 0)) kr per point; points below the line are cost-effective."
        var w = SVGWriter(id: id, width: Self.width, height: Self.height, title: "\(Self.title(L)): \(group)", description: description)
        w.rect(x: Self.plotLeft, y: Self.plotTop, width: Self.plotRight - Self.plotLeft, height: Self.plotBottom - Self.plotTop, class: "plot-area")
        for t in NiceNumber.ticks(y.domainLow, y.domainHigh, target: 4) {
            w.line(Self.plotLeft, y(t), Self.plotRight, y(t), class: "grid")
            w.text(L.number(t, digits: 0), x: Self.plotLeft - 6, y: y(t) + 4, class: "tick", anchor: "end")
        }
        for t in NiceNumber.ticks(x.domainLow, x.domainHigh, target: 4) {
            w.line(x(t), Self.plotTop, x(t), Self.plotBottom, class: "grid")
            w.text(L.number(t), x: x(t), y: Self.plotBottom + 18, class: "tick", anchor: "middle")
        }
        w.line(Self.plotLeft, y(0), Self.plotRight, y(0), class: "reference")
        w.line(x(0), Self.plotTop, x(0), Self.plotBottom, class: "reference")
        var dots = ""
        for p in points { dots += "<circle class=\"draw\" cx=\"\(SVGWriter.f(x(p.deltaEffect)))\" cy=\"\(SVGWriter.f(y(p.deltaCost)))\" r=\"2\"/>\n" }
        w.raw(dots)
        if let l = wtpLine() { w.line(x(l.x1), y(l.y1), x(l.x2), y(l.y2), class: "wtp-line") }
        w.openGroup(class: "estimate", translate: (x(comparison.deltaEffect), y(comparison.deltaCost)))
        w.tooltip("ΔE = \(L.number(comparison.deltaEffect)), ΔC = \(L.number(comparison.deltaCost, digits: 0)) kr")
        w.raw("<path class=\"marker\" d=\"M-6,0 L0,-6 L6,0 L0,6 Z\"/>\n")
        w.closeGroup()
        w.text(da ? "ΔE, forskel i gns. ændring (point)" : "ΔE, difference in mean change (points)",
               x: (Self.plotLeft + Self.plotRight) / 2, y: Self.height - 12, class: "axis-title", anchor: "middle")
        w.text(da ? "ΔC, forskel i gns. udgift (kr.)" : "ΔC, difference in mean cost (kr)", x: 16, y: (Self.plotTop + Self.plotBottom) / 2,
               class: "axis-title", anchor: "middle", rotate: -90)
        return w.finished()
    }
}

/// The cost-effectiveness acceptability curve of one comparison (issue
/// 21): P(λ), the share of replicates with λ·ΔE_b − ΔC_b > 0 (Fenwick,
/// Claxton & Sculpher 2001), at `samples` + 1 evenly spaced λ from 0 to
/// λ_max, with the 50 % and 95 % levels and the configured λ marked.
///
/// λ_max = ``NiceNumber/ceil(_:)`` of the largest of 2λ, 1.25 times the
/// break-even λ* and the 50 % and 95 % thresholds (those that exist), and
/// 1 000 kr; at most 10⁹ kr per point (`--wtp`'s bound). Axis mapping
/// (viewBox 480 × 400): x: [0, λ_max] → [80, 450] px, y: [0, 1] → [350, 30] px.
struct AcceptabilityCurveSVG: Sendable {
    static let width = 480.0, height = 400.0
    static let plotLeft = 80.0, plotRight = 450.0, plotTop = 30.0, plotBottom = 350.0
    static let samples = 200

    let verdict: CostEffectivenessVerdict
    let curve: [(wtp: Double, probability: Double)]
    let x: LinearScale
    let y = LinearScale(domainLow: 0, domainHigh: 1, pixelLow: plotBottom, pixelHigh: plotTop)

    init?(_ c: CostEffectivenessComparison) {
        guard let r = c.replicates, r.count > 0 else { return nil }
        let v = c.verdict
        verdict = v
        let candidates = [2 * c.wtp, 1_000] + [v.breakEven.wtp, v.wtp50.wtp, v.wtp95.wtp].compactMap { $0.map { 1.25 * $0 } }
        let top = min(1e9, NiceNumber.ceil(candidates.max() ?? 1_000))
        curve = (0...Self.samples).map { i in
            let lambda = top * Double(i) / Double(Self.samples)
            return (lambda, r.probabilityCostEffective(wtp: lambda) ?? 0)
        }
        x = LinearScale(domainLow: 0, domainHigh: top, pixelLow: Self.plotLeft, pixelHigh: Self.plotRight)
    }

    static func title(_ L: Language) -> String { L == .da ? "Acceptabilitetskurve" : "Acceptability curve" }

    func svg(id: String, group: String, language L: Language) -> String {
        let da = L == .da
        let description = "\(group): " + CostVerdictText.sentence(verdict, language: L)
        var w = SVGWriter(id: id, width: Self.width, height: Self.height, title: "\(Self.title(L)): \(group)", description: description)
        w.rect(x: Self.plotLeft, y: Self.plotTop, width: Self.plotRight - Self.plotLeft, height: Self.plotBottom - Self.plotTop, class: "plot-area")
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            w.line(Self.plotLeft, y(t), Self.plotRight, y(t), class: "grid")
            w.text(HTMLPhrases.percent(t, L), x: Self.plotLeft - 6, y: y(t) + 4, class: "tick", anchor: "end")
        }
        for t in NiceNumber.ticks(x.domainLow, x.domainHigh, target: 4) {
            w.text(L.number(t, digits: 0), x: x(t), y: Self.plotBottom + 18, class: "tick", anchor: "middle")
        }
        for level in [0.5, 0.95] { w.line(Self.plotLeft, y(level), Self.plotRight, y(level), class: "plimit") }
        if verdict.wtp <= x.domainHigh { w.line(x(verdict.wtp), Self.plotTop, x(verdict.wtp), Self.plotBottom, class: "wtp-line") }
        w.path(curve.map { (x: x($0.wtp), y: y($0.probability)) }, class: "series")
        w.text(da ? "Betalingsvilje λ (kr. pr. point)" : "Willingness to pay λ (kr per point)",
               x: (Self.plotLeft + Self.plotRight) / 2, y: Self.height - 12, class: "axis-title", anchor: "middle")
        w.text(da ? "Sandsynlighed for omkostningseffektiv" : "Probability cost-effective", x: 16, y: (Self.plotTop + Self.plotBottom) / 2,
               class: "axis-title", anchor: "middle", rotate: -90)
        return w.finished()
    }
}

/// The HTML section "Cost-effectiveness" (issue 21): for each compared
/// group its verdict sentence and, for the first `maximumCharted` groups
/// with bootstrap replicates, the plane and the acceptability curve. Empty
/// without a cost comparison or when no group could be compared.
enum CostEffectivenessSection {
    static let maximumCharted = 12

    static func write(_ report: EffectReport, _ L: Language) -> String {
        guard let c = report.costComparison, c.applies else { return "" }
        let compared = c.entries.compactMap { e in e.comparison.map { (group: e.group, comparison: $0) } }
        guard !compared.isEmpty else { return "" }
        let da = L == .da
        var out = "<section aria-labelledby=\"ce-heading\">\n<h2 id=\"ce-heading\">"
            + (da ? "Omkostningseffektivitet" : "Cost-effectiveness").htmlEscaped + "</h2>\n"
        let reference = c.reference == .allOtherCourses ? (da ? "alle øvrige forløb" : "all other courses") : c.reference.name
        out += "<p>" + (da ? "Hver gruppe sammenlignet med \(reference) ved betalingsviljen λ = \(L.number(c.options.wtp, digits: 0)) kr. pr. point."
                           : "Each group compared with \(reference) at the willingness to pay λ = \(L.number(c.options.wtp, digits: 0)) kr per point.").htmlEscaped + "</p>\n"
        out += "<ul class=\"verdicts\">\n"
        for e in compared {
            out += "<li><strong>\(e.group.htmlEscaped)</strong>: \(CostVerdictText.sentence(e.comparison.verdict, language: L).htmlEscaped)</li>\n"
        }
        out += "</ul>\n"
        var figures: [String] = []
        for (k, e) in compared.filter({ $0.comparison.replicates != nil }).prefix(maximumCharted).enumerated() {
            guard let plane = CostEffectivenessPlaneSVG(e.comparison), let ceac = AcceptabilityCurveSVG(e.comparison) else { continue }
            figures.append("<figure id=\"figure-ce-plane-\(k)\">\n<figcaption>\("\(CostEffectivenessPlaneSVG.title(L)): \(e.group)".htmlEscaped)</figcaption>\n"
                           + plane.svg(id: "ce-plane-\(k)", group: e.group, language: L) + "</figure>\n")
            figures.append("<figure id=\"figure-ceac-\(k)\">\n<figcaption>\("\(AcceptabilityCurveSVG.title(L)): \(e.group)".htmlEscaped)</figcaption>\n"
                           + ceac.svg(id: "ceac-\(k)", group: e.group, language: L) + "</figure>\n")
        }
        if !figures.isEmpty { out += "<div class=\"charts\">\n" + figures.joined() + "</div>\n" }
        let charted = compared.filter { $0.comparison.replicates != nil }.count
        if charted > maximumCharted {
            out += "<p class=\"hint\">" + (da ? "Diagrammer vises for de første \(maximumCharted) af \(charted) grupper; alle står i JSON-rapporten og --ceac."
                                              : "Charts are shown for the first \(maximumCharted) of \(charted) groups; all are in the JSON report and --ceac.").htmlEscaped + "</p>\n"
        }
        out += "<p class=\"hint\">" + (da ? "Punkter under den stiplede linje ΔC = λ·ΔE har positiv nettogevinst; kurven er andelen af bootstrap-gentagelserne med positiv nettogevinst ved hver λ."
                                          : "Points below the dashed line ΔC = λ·ΔE have a positive net benefit; the curve is the share of bootstrap replicates with a positive net benefit at each λ.").htmlEscaped + "</p>\n"
        return out + "</section>\n"
    }
}
