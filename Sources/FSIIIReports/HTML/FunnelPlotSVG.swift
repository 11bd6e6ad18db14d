import Foundation
import FSIIIEffect
import FSIIIStatistics

/// The funnel plot of SPEC §7: each group's observed/expected ratio of
/// improved courses against its expected count, with the 95 % and 99.8 %
/// limits around 1 (Spiegelhalter 2005), widened by √φ when φ > 1.
///
/// Axis mapping (viewBox 640 × 470; plot area x 60…620, y 20…380):
/// - x = expected count E: [0, xMax] → [60, 620] px, so
///   `x(E) = 60 + E / xMax · 560`, with xMax = `NiceNumber.ceil(1.1 · largest E shown)`.
/// - y = ratio O/E: [0, yMax] → [380, 20] px, so
///   `y(r) = 380 − r / yMax · 360`, with yMax = max(2, ⌈2 · (largest ratio + 0.1)⌉ / 2).
/// - Limit curves `r(E) = 1 ± c/√E`, c = z · √(φ′ · κ), φ′ = max(φ, 1),
///   z = 1.96 (95 %) or 3.09 (99.8 %). A group's own limits use its own
///   `Σp(1 − p)`; a curve needs the variance as a function of E, so it uses
///   κ = Σp(1 − p) / Σp over all courses (the total's variance / expected),
///   i.e. variance ≈ κ·E. Each curve starts where it enters the plot —
///   E₀ = (c / (yMax − 1))² for the upper curve, E₀ = c² for the lower one
///   (where it reaches 0) — and runs to xMax through `curveSamples` points
///   evenly spaced in √E.
/// - Under another `--funnel`/`--limits` choice (issue 21) the curves are
///   that choice's limits as a function of E, the same formulas as each
///   group's own: `none` with normal limits as above with φ′ = 1; exact
///   limits `Funnel.exactLimits` (widened by √φ′ under `phi`); `random`
///   `Funnel.randomLimits` with the run's τ² (log: exp(±z√(1/E + τ²)),
///   sqrt: (1 ± z√(1/(4E) + τ²))²). Each curve starts where it enters the
///   plot — E₀ found by bisection on √E in [√xMax/1000, √xMax] where the
///   curve crosses yMax (upper) or 0 (lower), or √xMax/1000 when it does
///   not cross — and runs to xMax through `curveSamples` points evenly
///   spaced in √E, each ratio kept within [0, yMax].
/// - One marker per group that is not suppressed and has an expected count,
///   at (x(E), y(O/E)); its shape and colour tell the flag (`ChartMarker`),
///   and groups outside the 95 % limits are labelled with their name
///   (above a high point, below a low one).
/// Suppressed groups (SPEC §10) are left out entirely: no marker, no label,
/// no tooltip.
struct FunnelPlotSVG: Sendable {
    struct Point: Sendable, Hashable {
        var group: String
        var expected: Double
        var observed: Int
        var ratio: Double
        var flag: FunnelFlag?
        var limit95: Interval?
        var limit998: Interval?
    }

    static let width = 640.0, height = 470.0
    static let plotLeft = 60.0, plotRight = 620.0, plotTop = 20.0, plotBottom = 380.0
    static let curveSamples = 41

    let points: [Point]
    /// Groups not drawn: suppressed, or without an expected count.
    let hiddenGroups: Int
    let kappa: Double
    let phi: Double
    /// The limits' method, transform and form; SPEC §7's by default.
    let options: FunnelOptions
    /// τ² of `--funnel random`; 0 otherwise.
    let tauSquared: Double
    /// φ, τ² and the test of overdispersion, for the figure's description (issue 21).
    let summary: FunnelSummary?
    let x: LinearScale
    let y: LinearScale

    /// nil when there is nothing to plot: no case mix (`--by area|condition`)
    /// or no group that may be shown.
    init?(_ report: EffectReport) {
        guard let expected = report.total.expected, let variance = report.total.variance, expected > 0 else { return nil }
        let points = report.groups.compactMap { g -> Point? in
            guard !g.suppressed, let e = g.expected, e > 0, let o = g.observed, let r = g.ratio else { return nil }
            return Point(group: g.group, expected: e, observed: o, ratio: r, flag: g.funnelFlag, limit95: g.limit95, limit998: g.limit998)
        }
        guard let maxE = points.map(\.expected).max(), let maxRatio = points.map(\.ratio).max() else { return nil }
        self.points = points
        hiddenGroups = report.groups.count - points.count
        kappa = variance / expected
        options = report.funnel?.options ?? FunnelOptions()
        tauSquared = report.funnel?.tauSquared ?? 0
        summary = report.funnel
        phi = options.method == .none ? 1 : report.phi
        let xMax = NiceNumber.ceil(1.1 * maxE)
        let yMax = max(2, Foundation.ceil(2 * (maxRatio + 0.1)) / 2)
        x = LinearScale(domainLow: 0, domainHigh: xMax, pixelLow: Self.plotLeft, pixelHigh: Self.plotRight)
        y = LinearScale(domainLow: 0, domainHigh: yMax, pixelLow: Self.plotBottom, pixelHigh: Self.plotTop)
    }

    /// `c = z · √(max(φ, 1) · κ)`, the half-width of the limits at E = 1.
    func spread(z: Double) -> Double { z * (max(phi, 1) * kappa).squareRoot() }

    /// Whether the curves are SPEC §7's `1 ± c/√E` (normal limits under `phi` or `none`).
    var usesSpread: Bool { options.limits == .normal && options.method != .random }

    /// The limit of the selected funnel at expected count `e` > 0, for the
    /// 95 % (`z` = z95) or 99.8 % limits.
    func limit(at e: Double, z: Double, upper: Bool) -> Double {
        let interval: Interval
        if options.method == .random {
            interval = Funnel.randomLimits(expected: e, z: z, tau2: tauSquared, transform: options.transform)
        } else if options.limits == .exact {
            interval = Funnel.exactLimits(expected: e, alpha: z == Funnel.z95 ? 0.05 : 0.002, phi: phi)
        } else {
            let c = spread(z: z)
            return upper ? 1 + c / e.squareRoot() : 1 - c / e.squareRoot()
        }
        return upper ? interval.high : interval.low
    }

    /// The points (E, ratio) of one limit curve, as drawn.
    func limitCurve(z: Double, upper: Bool) -> [(expected: Double, ratio: Double)] {
        guard usesSpread else { return generalCurve(z: z, upper: upper) }
        let c = spread(z: z)
        let xMax = x.domainHigh
        guard c > 0 else { return [(0, 1), (xMax, 1)] }
        let edge = upper ? y.domainHigh - 1 : 1 - y.domainLow
        let s0 = c / edge, s1 = xMax.squareRoot()
        guard s0 < s1 else { return [] }
        let n = Self.curveSamples
        return (0..<n).map { k in
            let s = s0 + (s1 - s0) * Double(k) / Double(n - 1)
            return (s * s, upper ? 1 + c / s : 1 - c / s)
        }
    }

    /// A curve of another funnel choice: from where it enters the plot (bisection on √E) to xMax.
    func generalCurve(z: Double, upper: Bool) -> [(expected: Double, ratio: Double)] {
        FunnelCurve.sample(to: x.domainHigh, low: y.domainLow, high: y.domainHigh, enterLow: y.domainLow + 1e-9, upper: upper,
                           samples: Self.curveSamples) {
            limit(at: $0, z: z, upper: upper)
        }.map { (expected: $0.x, ratio: $0.y) }
    }

    func svg(language L: Language, grouping: GroupingSpec) -> String {
        var w = SVGWriter(id: "funnel", width: Self.width, height: Self.height,
                          title: HTMLPhrases.funnelTitle(grouping, L), description: HTMLPhrases.funnelDescription(self, grouping: grouping, L))
        w.rect(x: Self.plotLeft, y: Self.plotTop, width: Self.plotRight - Self.plotLeft, height: Self.plotBottom - Self.plotTop, class: "plot-area")
        for t in NiceNumber.ticks(0, x.domainHigh) {
            w.line(x(t), Self.plotTop, x(t), Self.plotBottom, class: "grid")
            w.text(L.number(t, digits: t.rounded() == t ? 0 : 1), x: x(t), y: Self.plotBottom + 16, class: "tick", anchor: "middle")
        }
        for t in stride(from: 0.0, through: y.domainHigh + 1e-9, by: 0.5) {
            w.line(Self.plotLeft, y(t), Self.plotRight, y(t), class: "grid")
            w.text(L.number(t, digits: 1), x: Self.plotLeft - 6, y: y(t) + 4, class: "tick", anchor: "end")
        }
        w.line(Self.plotLeft, y(1), Self.plotRight, y(1), class: "reference")
        w.text(L.label(.expectedLevel), x: Self.plotRight - 4, y: y(1) - 5, class: "note", anchor: "end")
        for (z, name) in [(Funnel.z95, "limit95"), (Funnel.z998, "limit998")] {
            for upper in [true, false] {
                let curve = limitCurve(z: z, upper: upper).map { (x: x($0.expected), y: y($0.ratio)) }
                w.path(curve, class: "limit \(name) \(upper ? "upper" : "lower")")
            }
        }
        for p in points {
            let (px, py) = (x(p.expected), y(p.ratio))
            w.openGroup(class: "point \(ChartMarker.cssClass(p.flag))", translate: (px, py), attributes: [("data-group", p.group)])
            w.tooltip(HTMLPhrases.funnelTooltip(p, L))
            w.raw(ChartMarker.markup(for: p.flag))
            w.closeGroup()
            if let flag = p.flag, flag != .within {
                // Above a high point, below a low one: away from the cloud of
                // points around 1; kept inside the picture at the sides.
                let high = flag == .highAlert || flag == .highAlarm
                let halfWidth = 3.5 * Double(p.group.count)
                let (lx, anchor) = px + halfWidth > Self.width - 4 ? (px + 8, "end") : px - halfWidth < 4 ? (px - 8, "start") : (px, "middle")
                w.text(p.group, x: lx, y: high ? py - 12 : py + 22, class: "point-label", anchor: anchor)
            }
        }
        w.text(L.label(.expectedCount), x: (Self.plotLeft + Self.plotRight) / 2, y: Self.plotBottom + 38, class: "axis-title", anchor: "middle")
        let midY = (Self.plotTop + Self.plotBottom) / 2
        w.text(L.label(.ratio), x: 16, y: midY, class: "axis-title", anchor: "middle", rotate: -90)
        return w.finished()
    }

    /// The text alternative: the plotted figures as a table.
    func dataTable(language L: Language, grouping: GroupingSpec) -> String {
        var rows: [[String]] = []
        for p in points {
            rows.append([p.group, L.number(p.expected, digits: 1), String(p.observed), L.number(p.ratio),
                         p.limit95.map { "\(L.number($0.low)) – \(L.number($0.high))" } ?? "–",
                         p.limit998.map { "\(L.number($0.low)) – \(L.number($0.high))" } ?? "–",
                         HTMLPhrases.flagText(p.flag, L)])
        }
        let header = [HTMLPhrases.groupLabel(grouping, L), L.label(.expected), L.label(.observed), L.label(.oe),
                      L.label(.limits95), L.label(.limits998), L.label(.flag)]
        return HTMLTable.simple(header: header, rows: rows, numericColumns: 1...5)
    }
}
