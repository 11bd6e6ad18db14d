import Foundation
import Testing
@testable import FSIIIEffect

/// The funnel choices of issue 21: FunnelPlotR's additive random effects
/// and exact Poisson limits. Expected values from the formulas in
/// `FunnelOptions` worked in Python (scipy.stats.chi2 for the quantiles):
/// three teams O/E = 10/8, 5/10, 20/12.
@Suite("Funnel options (issue 21)")
struct FunnelOptionsTests {
    static func groups() -> [GroupFigures] {
        zip([10, 5, 20], [8.0, 10, 12]).enumerated().map { i, oe in
            var g = GroupFigures(group: "T\(i)")
            g.observed = oe.0
            g.expected = oe.1
            g.ratio = Double(oe.0) / oe.1
            g.variance = oe.1 * 0.5
            g.funnelZ = (Double(oe.0) - oe.1) / (oe.1 * 0.5).squareRoot()
            return g
        }
    }

    @Test("random, log: z = √E·log(O/E) winsorised (type 7, 10 %/90 %), φ, DerSimonian–Laird τ², limits exp(±z√(1/E + τ²))")
    func randomLog() {
        var g = Self.groups()
        let s = Funnel.apply(FunnelOptions(method: .random), groups: &g, phi: 1)
        #expect(abs(s.phi - 1.8079490168538788) < 1e-12)
        #expect(abs(s.tauSquared - 0.1735057626973802) < 1e-12)
        #expect(s.groups == 3 && abs(s.chiSquare - 3 * 1.8079490168538788) < 1e-12)
        #expect(abs((s.p ?? .nan) - 0.06640894449772296) < 1e-9)
        let expected: [(Double, Double)] = [(0.34272062493409333, 2.917828479661253), (0.35879014288791206, 2.7871445741261778),
                                            (0.37035401509922167, 2.7001192351920085)]
        for (group, (low, high)) in zip(g, expected) {
            #expect(abs((group.limit95?.low ?? .nan) - low) < 1e-12 && abs((group.limit95?.high ?? .nan) - high) < 1e-12)
            #expect(group.funnelFlag == .within)
        }
    }

    @Test("exact limits: χ²_{2E}(0.025)/(2E) and χ²_{2(E+1)}(0.975)/(2E) at E = 8")
    func exactLimits() {
        var g = Self.groups()
        _ = Funnel.apply(FunnelOptions(method: .none, limits: .exact), groups: &g, phi: 1)
        #expect(abs((g[0].limit95?.low ?? .nan) - 0.4317290220935627) < 1e-9)
        #expect(abs((g[0].limit95?.high ?? .nan) - 1.9703986525241641) < 1e-9)
    }

    @Test("edges: a group with 0 observed is left out of φ under log and said so; one group has no test; never NaN")
    func edges() {
        var g = Self.groups()
        g[1].observed = 0
        g[1].ratio = 0
        let s = Funnel.apply(FunnelOptions(method: .random), groups: &g, phi: 1)
        #expect(s.excluded == 1 && s.groups == 2 && s.note?.contains("log of 0") == true)
        #expect(s.phi.isFinite && s.tauSquared.isFinite && g.allSatisfy { $0.limit95.map { $0.low.isFinite && $0.high.isFinite } ?? false })
        #expect(g[1].funnelFlag == .lowAlarm)
        var one = [Self.groups()[0]]
        let single = Funnel.apply(FunnelOptions(method: .random, transform: .sqrt), groups: &one, phi: 1)
        #expect(single.p == nil && single.tauSquared == 0 && single.note != nil)
        var same = Self.groups().map { g -> GroupFigures in var g = g; g.observed = 8; g.expected = 8; g.ratio = 1; return g }
        let identical = Funnel.apply(FunnelOptions(method: .random), groups: &same, phi: 1)
        #expect(identical.phi == 0 && identical.tauSquared == 0 && identical.p == 1)
    }
}
