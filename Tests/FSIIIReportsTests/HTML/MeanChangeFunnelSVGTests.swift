import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
import FSIIITestSupport

/// The mean-change funnel's pixels for the four teams of
/// `MeanChangeFunnelTests` (θ₀ = 0.5, σ = 1; (n, ȳ) = (4, 1.5), (9, 0.2),
/// (16, 0.5), (1, −1)) under `--funnel none`, by hand from the mapping on
/// `MeanChangeFunnelSVG`:
/// - xMax = nice ceiling of 1.1 · 16 = 20, x(n) = 60 + 28n;
/// - the values covered run from D's 99.8 % low 0.5 − 3.090232 = −2.590 to
///   its high 3.590; step = nice ceiling of 6.18/5 = 2, so y ∈ [−4, 4] and
///   y(v) = 200 − 45v;
/// - upper 95 % curve 0.5 + 1.959964/√n: enters the top (4) at
///   √n = 1.959964/3.5, n₀ = 0.313589, x = 68.780; at n = 20 it is 0.938262,
///   y = 157.778; the lower one ends at 0.061738, y = 197.222;
/// - team A at (172, 132.5), a high alert (1.5 > 1.479982).
@Suite("Mean-change funnel plot: points and curves at the documented pixels")
struct MeanChangeFunnelSVGTests {
    static func plot() throws -> MeanChangeFunnelSVG {
        let groups = zip([4, 9, 16, 1], [1.5, 0.2, 0.5, -1.0]).enumerated().map { i, g in
            var f = GroupFigures(group: "Hold \(i)")
            f.courses = g.0
            f.citizens = g.0
            f.meanChange = g.1
            return f
        }
        var total = GroupFigures(group: "Total")
        total.courses = 30
        total.meanChange = 0.5
        total.changeSD = 1
        var report = HTMLFixtures.report(groups: groups, total: total, phi: 1, evaluation: CourseEvaluation(results: [], pairs: [], windows: CourseWindows()))
        report.meanChangeFunnel = MeanChangeFunnel.make(groups: groups, total: total, method: .none)
        return try #require(MeanChangeFunnelSVG(report))
    }

    static func close(_ a: Double?, _ b: Double, within tolerance: Double = 0.051) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test("axes, a point, and the 95 % curves from the plot's edge to xMax")
    func pixels() throws {
        let plot = try Self.plot()
        #expect(plot.x == LinearScale(domainLow: 0, domainHigh: 20, pixelLow: 60, pixelHigh: 620))
        #expect(plot.y == LinearScale(domainLow: -4, domainHigh: 4, pixelLow: 380, pixelHigh: 20))
        let svg = try XMLTree.parse(plot.svg(language: .en, grouping: GroupingSpec(.team)))
        let a = try #require(svg.withClass("point").first { $0.attributes["data-group"] == "Hold 0" })
        let t = try #require(a.translation)
        #expect(Self.close(t.x, 172) && Self.close(t.y, 132.5))
        #expect(a.attributes["class"] == "point high-alert")
        let u95 = try #require(svg.withClass("limit95", "upper").first).pathPoints
        let l95 = try #require(svg.withClass("limit95", "lower").first).pathPoints
        #expect(u95.count == MeanChangeFunnelSVG.curveSamples)
        #expect(Self.close(u95.first?.x, 68.780) && Self.close(u95.first?.y, 20))
        #expect(Self.close(u95.last?.x, 620) && Self.close(u95.last?.y, 157.778))
        #expect(Self.close(l95.first?.y, 380) && Self.close(l95.last?.y, 197.222))
        // The first vertex (on the top edge) is checked above; after it x is rounded to 0.1 px where the curve is steep.
        for (px, py) in u95.dropFirst() {
            let n = (px - 60) / 28
            #expect(Self.close(py, 200 - 45 * (0.5 + 1.959963984540054 / n.squareRoot()), within: 0.35), "vertex (\(px), \(py))")
        }
    }
}
