import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
import FSIIITestSupport

/// The funnel plot's pixels for the five teams of `HTMLFixtures.funnelReport`,
/// worked out by hand from the axis mapping documented on `FunnelPlotSVG`:
///
/// - largest E shown = 16 (Hold D and E are suppressed), 1.1 · 16 = 17.6,
///   nice ceiling 20, so x(E) = 60 + E / 20 · 560 = 60 + 28 E;
/// - largest ratio shown = 1.5, ⌈2 · 1.6⌉ / 2 = 2, so yMax = 2 and
///   y(r) = 380 − r / 2 · 360 = 380 − 180 r;
/// - points: A (E 8, r 1) → (284, 200); B (16, 1.5) → (508, 110);
///   C (4, 0.25) → (172, 335);
/// - κ = 8 / 32 = 0.25; with φ = 1: c95 = 1.959964 · √0.25 = 0.979982 and
///   c998 = 3.090232 · 0.5 = 1.545116.
///   Upper 95 % curve: starts at E₀ = (c95 / (2 − 1))² = 0.960365,
///   x = 60 + 28 · 0.960365 = 86.89, on the top edge y = 20; ends at E = 20,
///   r = 1 + 0.979982 / √20 = 1.219131, y = 380 − 180 · 1.219131 = 160.556.
///   Lower 95 %: starts at E₀ = c95² = 0.960365 (x 86.89) on the bottom
///   edge y = 380; ends at r = 0.780869, y = 239.444.
///   Upper 99.8 %: E₀ = 1.545116² = 2.387384, x = 126.847; ends at
///   r = 1.345498, y = 137.810. Lower 99.8 % ends at r = 0.654502, y = 262.190.
/// - With φ = 2.25 the spreads widen by √φ = 1.5: c95 = 1.469973,
///   E₀ = 2.160821, x = 120.503; end r = 1.328697, y = 140.835.
/// - Flags (each team's own limits, SPEC §7), φ = 1: A within; B: 99.8 %
///   upper = 1 + 3.090232 · √4 / 16 = 1.386 < 1.5 → high alarm; C: 95 %
///   lower = 1 − 1.959964 · 1 / 4 = 0.510 > 0.25 > 99.8 % lower 0.227 →
///   low alert. φ = 2.25: B's 99.8 % upper becomes 1.579 → high alert.
@Suite("Funnel plot: points and limits at the documented pixels")
struct FunnelPlotSVGTests {
    static func svg(phi: Double) throws -> (plot: FunnelPlotSVG, svg: ParsedElement, text: String) {
        let plot = try #require(FunnelPlotSVG(HTMLFixtures.funnelReport(phi: phi)))
        let text = plot.svg(language: .da, grouping: GroupingSpec(.team))
        return (plot, try XMLTree.parse(text), text)
    }

    static func close(_ a: Double?, _ b: Double, within tolerance: Double = 0.051) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test("axes: x 0…20 over 60…620 px, y 0…2 over 380…20 px")
    func axes() throws {
        let (plot, _, _) = try Self.svg(phi: 1)
        #expect(plot.x == LinearScale(domainLow: 0, domainHigh: 20, pixelLow: 60, pixelHigh: 620))
        #expect(plot.y == LinearScale(domainLow: 0, domainHigh: 2, pixelLow: 380, pixelHigh: 20))
        #expect(plot.kappa == 0.25)
    }

    @Test("each shown team is a marker at (x(E), y(O/E)) with its flag")
    func points() throws {
        let (_, svg, _) = try Self.svg(phi: 1)
        let points = svg.withClass("point")
        #expect(points.count == 3)
        let expected: [(String, Double, Double, String)] = [("Hold A", 284, 200, "within"), ("Hold B", 508, 110, "high-alarm"), ("Hold C", 172, 335, "low-alert")]
        for (name, x, y, flag) in expected {
            let p = try #require(points.first { $0.attributes["data-group"] == name }, "\(name) is drawn")
            let t = try #require(p.translation)
            #expect(Self.close(t.x, x) && Self.close(t.y, y), "\(name) at \(t), expected (\(x), \(y))")
            #expect(p.attributes["class"] == "point \(flag)")
            #expect(p.first("title")?.text.hasPrefix(name) == true, "tooltip names the team")
        }
    }

    @Test("teams outside the limits are labelled, teams within are not")
    func labels() throws {
        let (_, svg, _) = try Self.svg(phi: 1)
        let labels = svg.withClass("point-label").map(\.text)
        #expect(Set(labels) == ["Hold B", "Hold C"])
        // B is high: its label sits 12 px above its marker; C is low: 22 px below.
        let b = try #require(svg.withClass("point-label").first { $0.text == "Hold B" })
        #expect(Self.close(b.double("y"), 98))
        let c = try #require(svg.withClass("point-label").first { $0.text == "Hold C" })
        #expect(Self.close(c.double("y"), 357))
    }

    @Test("the 95 % and 99.8 % limit curves start on the plot's edge and end at xMax")
    func limitEnds() throws {
        let (_, svg, _) = try Self.svg(phi: 1)
        func curve(_ limit: String, _ side: String) throws -> [(x: Double, y: Double)] {
            try #require(svg.withClass(limit, side).first).pathPoints
        }
        let u95 = try curve("limit95", "upper"), l95 = try curve("limit95", "lower")
        let u998 = try curve("limit998", "upper"), l998 = try curve("limit998", "lower")
        #expect(u95.count == FunnelPlotSVG.curveSamples)
        #expect(Self.close(u95.first?.x, 86.890) && Self.close(u95.first?.y, 20))
        #expect(Self.close(u95.last?.x, 620) && Self.close(u95.last?.y, 160.556))
        #expect(Self.close(l95.first?.x, 86.890) && Self.close(l95.first?.y, 380))
        #expect(Self.close(l95.last?.x, 620) && Self.close(l95.last?.y, 239.444))
        #expect(Self.close(u998.first?.x, 126.847) && Self.close(u998.first?.y, 20))
        #expect(Self.close(u998.last?.y, 137.810))
        #expect(Self.close(l998.first?.x, 126.847) && Self.close(l998.first?.y, 380))
        #expect(Self.close(l998.last?.y, 262.190))
    }

    @Test("every vertex of every limit curve lies on 1 ± c/√E", arguments: [1.0, 2.25])
    func limitCurves(phi: Double) throws {
        let (_, svg, _) = try Self.svg(phi: phi)
        let widen = max(phi, 1).squareRoot()
        for path in svg.withClass("limit") {
            let cls = path.attributes["class"] ?? ""
            let c = (cls.contains("limit95") ? 1.959963984540054 : 3.090232306167813) * 0.5 * widen
            let upper = cls.contains("upper")
            for (px, py) in path.pathPoints {
                let e = (px - 60) / 28
                let ratio = upper ? 1 + c / e.squareRoot() : 1 - c / e.squareRoot()
                // x is rounded to 0.1 px; where the curve is steep that moves y by up to ~0.3 px.
                #expect(Self.close(py, 380 - 180 * ratio, within: 0.35), "\(cls) vertex (\(px), \(py))")
            }
        }
    }

    @Test("overdispersion φ = 2.25 widens the curves by 1.5 and can change a flag")
    func overdispersion() throws {
        let (_, svg, _) = try Self.svg(phi: 2.25)
        let u95 = try #require(svg.withClass("limit95", "upper").first).pathPoints
        #expect(Self.close(u95.first?.x, 120.503) && Self.close(u95.first?.y, 20))
        #expect(Self.close(u95.last?.y, 140.835))
        let b = try #require(svg.withClass("point").first { $0.attributes["data-group"] == "Hold B" })
        #expect(b.attributes["class"] == "point high-alert")
    }

    @Test("suppressed teams are not drawn, labelled or mentioned")
    func suppressed() throws {
        let (plot, _, text) = try Self.svg(phi: 1)
        #expect(plot.hiddenGroups == 2)
        #expect(!text.contains("Hold D"))
        #expect(!text.contains("Hold E"))
        let table = plot.dataTable(language: .da, grouping: GroupingSpec(.team))
        #expect(!table.contains("Hold D") && !table.contains("Hold E"))
    }

    @Test("no funnel plot without case mix or without a team that may be shown")
    func absent() {
        var report = HTMLFixtures.funnelReport(phi: 1)
        for i in report.groups.indices { report.groups[i].suppressed = true }
        #expect(FunnelPlotSVG(report) == nil)
        report = HTMLFixtures.funnelReport(phi: 1)
        report.total.expected = nil
        #expect(FunnelPlotSVG(report) == nil)
    }

    /// The same five teams under another funnel choice (issue 21); x(E) = 60 + 28E, y(r) = 380 − 180r.
    /// `--funnel random` (log), τ² = 0.04: the upper 95 % curve exp(1.959964·√(1/E + 0.04)) enters
    /// the top edge (r = 2) at 1/E = (ln 2/1.959964)² − 0.04, E₀ = 11.754962, x = 389.139; at E = 20
    /// r = exp(1.959964·0.3) = 1.800365, y = 55.934; the lower one, exp(−…) > 0, never reaches 0 and
    /// ends at r = 0.555443, y = 280.020. `--funnel none --limits exact`: at E = 20 the 95 % limits
    /// are χ²₄₂(0.975)/40 = 1.544419 (y 102.005) and χ²₄₀(0.025)/40 = 0.610826 (y 270.051)
    /// (scipy.stats.chi2).
    static func svg(_ options: FunnelOptions, tau2: Double) throws -> ParsedElement {
        var report = HTMLFixtures.funnelReport(phi: 1)
        report.funnel = FunnelSummary(options: options, phi: 1, tauSquared: tau2, groups: 3, chiSquare: 3, p: 0.5, excluded: 0, note: nil)
        let plot = try #require(FunnelPlotSVG(report))
        return try XMLTree.parse(plot.svg(language: .en, grouping: GroupingSpec(.team)))
    }

    @Test("--funnel random: the curves are exp(±z·√(1/E + τ²)), from where they enter the plot")
    func randomCurves() throws {
        let svg = try Self.svg(FunnelOptions(method: .random), tau2: 0.04)
        let u95 = try #require(svg.withClass("limit95", "upper").first).pathPoints
        #expect(u95.count == FunnelPlotSVG.curveSamples)
        #expect(Self.close(u95.first?.x, 389.139) && Self.close(u95.first?.y, 20))
        #expect(Self.close(u95.last?.x, 620) && Self.close(u95.last?.y, 55.934))
        let l95 = try #require(svg.withClass("limit95", "lower").first).pathPoints
        #expect(Self.close(l95.first?.y, 380) && Self.close(l95.last?.y, 280.020))
        for (px, py) in u95 {
            let e = (px - 60) / 28
            let r = Foundation.exp(1.959963984540054 * (1 / e + 0.04).squareRoot())
            #expect(Self.close(py, 380 - 180 * r, within: 0.35), "vertex (\(px), \(py))")
        }
        #expect(svg.first("desc")?.text.contains("τ² = 0.0400") == true)
    }

    @Test("--funnel none --limits exact: the curves are the exact Poisson limits at E")
    func exactCurves() throws {
        let svg = try Self.svg(FunnelOptions(method: .none, limits: .exact), tau2: 0)
        let u95 = try #require(svg.withClass("limit95", "upper").first).pathPoints
        let l95 = try #require(svg.withClass("limit95", "lower").first).pathPoints
        #expect(Self.close(u95.last?.x, 620) && Self.close(u95.last?.y, 102.005))
        #expect(Self.close(l95.last?.y, 270.051))
        #expect(Self.close(u95.first?.y, 20) && Self.close(l95.first?.y, 380))
    }
}
