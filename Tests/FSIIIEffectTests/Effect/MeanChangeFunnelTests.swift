import Foundation
import Testing
@testable import FSIIIEffect

/// The funnel of mean change (issue 21), worked by hand (numpy for the
/// arithmetic): overall mean θ₀ = 0.5, σ = 1; four teams (n, ȳ) = (4, 1.5),
/// (9, 0.2), (16, 0.5), (1, −1).
///
/// z = (ȳ − θ₀)/(σ/√n) = 2, −0.9, 0, −1.5; type-7 10th/90th percentiles
/// −1.32 and 1.4, winsorised z = 1.4, −0.9, 0, −1.32, φ = (1.96 + 0.81 +
/// 0 + 1.7424)/4 = 1.1281. τ²: w = n/σ² = 4, 9, 16, 1; Σw = 30, Σw² = 354,
/// τ² = (4·1.1281 − 3)/(30 − 354/30) = 1.5124/18.2 = 0.0830989010989.
/// Team A's 95 % upper limit: phi 0.5 + 1.959964·√1.1281·0.5 = 1.540859;
/// random 0.5 + 1.959964·√(0.25 + τ²) = 1.631188; none 0.5 + 1.959964·0.5
/// = 1.479982, so A (1.5) is a high alert only under `none`.
@Suite("Mean-change funnel (issue 21)")
struct MeanChangeFunnelTests {
    static func groups() -> (groups: [GroupFigures], total: GroupFigures) {
        let groups = zip([4, 9, 16, 1], [1.5, 0.2, 0.5, -1.0]).enumerated().map { i, g in
            var f = GroupFigures(group: "T\(i)")
            f.courses = g.0
            f.meanChange = g.1
            return f
        }
        var total = GroupFigures(group: "Total")
        total.courses = 30
        total.meanChange = 0.5
        total.changeSD = 1
        return (groups, total)
    }

    static func funnel(_ method: FunnelOptions.Method) throws -> MeanChangeFunnel {
        let (g, t) = groups()
        return try #require(MeanChangeFunnel.make(groups: g, total: t, method: method))
    }

    @Test("phi: winsorised z, φ = 1.1281, limits θ₀ ± z·√φ·σ/√n")
    func phi() throws {
        let f = try Self.funnel(.phi)
        #expect(abs(f.phi - 1.1281) < 1e-12 && f.tauSquared == 0)
        let z = f.points.map(\.z)
        #expect(zip(z, [2, -0.9, 0, -1.5]).allSatisfy { abs($0 - $1) < 1e-12 })
        let high95 = [1.540858983679471, 1.1939059891196473, 1.0204294918397356, 2.581717967358942]
        let low998 = [-1.1410995726975641, -0.594066381798376, -0.32054978634878206, -2.7821991453951282]
        for (p, (h, l)) in zip(f.points, zip(high95, low998)) {
            #expect(abs(p.limit95.high - h) < 1e-12 && abs(p.limit998.low - l) < 1e-12)
        }
        #expect(f.points.allSatisfy { $0.flag == .within })
    }

    @Test("random: DerSimonian–Laird τ² = 1.5124/18.2, limits θ₀ ± z·√(σ²/n + τ²)")
    func random() throws {
        let f = try Self.funnel(.random)
        #expect(abs(f.tauSquared - 0.08309890109890117) < 1e-12)
        let high95 = [1.6311877438294202, 1.363741723243277, 1.2478717690284515, 2.5397744550097907]
        let low998 = [-1.2835189513153615, -0.8618426656843934, -0.6791530455417731, -2.7160677277171072]
        for (p, (h, l)) in zip(f.points, zip(high95, low998)) {
            #expect(abs(p.limit95.high - h) < 1e-12 && abs(p.limit998.low - l) < 1e-12)
        }
        #expect(abs(f.limits(courses: 4, z: Funnel.z95).high - high95[0]) < 1e-12)
    }

    @Test("none: plain θ₀ ± z·σ/√n; team A is a high alert")
    func none() throws {
        let f = try Self.funnel(.none)
        #expect(f.phi == 1 && f.tauSquared == 0)
        #expect(abs(f.points[0].limit95.high - 1.479981992270027) < 1e-12)
        #expect(abs(f.points[3].limit998.low - -2.590232306167813) < 1e-12)
        #expect(f.points.map(\.flag) == [.highAlert, .within, .within, .within])
    }

    @Test("edges: σ = 0, a single group, no overall mean — defined figures, never NaN")
    func edges() throws {
        var (g, t) = Self.groups()
        t.changeSD = 0
        let flat = try #require(MeanChangeFunnel.make(groups: g, total: t, method: .random))
        #expect(flat.phi == 1 && flat.tauSquared == 0 && flat.note?.contains("σ = 0") == true)
        #expect(flat.points.allSatisfy { $0.flag == .within && $0.limit95.low == 0.5 && $0.z == 0 })
        t.changeSD = 1
        let one = try #require(MeanChangeFunnel.make(groups: [g[0]], total: t, method: .random))
        #expect(one.tauSquared == 0 && one.note != nil && abs(one.phi - 4) < 1e-12)
        #expect(one.points.allSatisfy { $0.limit95.low.isFinite && $0.limit998.high.isFinite })
        t.meanChange = nil
        #expect(MeanChangeFunnel.make(groups: g, total: t, method: .phi) == nil)
        g = g.map { var f = $0; f.courses = 0; f.meanChange = nil; return f }
        t.meanChange = 0.5
        #expect(MeanChangeFunnel.make(groups: g, total: t, method: .phi) == nil)
    }
}
