import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// The funnel choices against FunnelPlotR 0.6.0 (`funnelplotr.R` in
/// Tests/FSIIIStatisticsTests/Fixtures/peers/, which says how each block was
/// made): the same numerators (observed) and denominators (expected) per
/// team, on an overdispersed and a not overdispersed data set, within 1e-6.
/// Where the tool deliberately differs (docs/METHODS.md, "Funnel choices"),
/// the documented difference is what is tested.
@Suite("Funnel choices against FunnelPlotR (issue 21)")
struct FunnelPlotRPeerTests {
    struct Block: Decodable {
        let phi: Double
        let tau2: Double?
        let low95: [Double], high95: [Double], low998: [Double], high998: [Double]
    }

    struct DataSet: Decodable {
        let group: [String]
        let observed: [Int]
        let expected: [Double]
        let variance: [Double]
        let shmi: Block, shmi_winsorised: Block, cqc: Block, none: Block, multiplicative: Block
    }

    struct PeerFile: Decodable {
        let funnelplotr_version: String
        let datasets: [String: DataSet]
    }

    static let file: PeerFile? = {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/FSIIIStatisticsTests/Fixtures/peers/funnelplotr.json")
        return try? JSONDecoder().decode(PeerFile.self, from: Data(contentsOf: url))
    }()

    static let names = ["overdispersed", "not_overdispersed"]

    static func data(_ name: String) throws -> DataSet {
        let file = try #require(Self.file, "funnelplotr.json decodes")
        #expect(file.funnelplotr_version == "0.6.0")
        return try #require(file.datasets[name])
    }

    /// The teams as `EffectAnalysis` leaves them: O, E, Σp(1 − p), O/E and SPEC §7's z.
    static func groups(_ d: DataSet) -> [GroupFigures] {
        d.group.indices.map { i in
            var g = GroupFigures(group: d.group[i])
            g.observed = d.observed[i]
            g.expected = d.expected[i]
            g.variance = d.variance[i]
            g.ratio = Double(d.observed[i]) / d.expected[i]
            g.funnelZ = (Double(d.observed[i]) - d.expected[i]) / d.variance[i].squareRoot()
            return g
        }
    }

    /// Every group's four limits within `tolerance` relative to the peer's (absolute below 1).
    /// Relative, because FunnelPlotR writes z as 1.959964 and 3.090232: 3.1e-7 short of Φ⁻¹(0.999),
    /// which on the log scale moves an upper 99.8 % limit of 6.23 by 6.23 · 0.59 · 3.1e-7 = 1.1e-6.
    static func matches(_ g: [GroupFigures], _ b: Block, tolerance: Double = 1e-6, transform: (Double) -> Double = { $0 }) -> Bool {
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }
        return g.indices.allSatisfy { i in
            guard let l95 = g[i].limit95, let l998 = g[i].limit998 else { return false }
            return close(l95.low, transform(b.low95[i])) && close(l95.high, transform(b.high95[i]))
                && close(l998.low, transform(b.low998[i])) && close(l998.high, transform(b.high998[i]))
        }
    }

    @Test("random, log: φ, τ² and limits as FunnelPlotR's SHMI transform with its winsorisation", arguments: names)
    func randomLog(_ name: String) throws {
        let d = try Self.data(name)
        var g = Self.groups(d)
        let s = Funnel.apply(FunnelOptions(method: .random, transform: .log), groups: &g, phi: 1)
        #expect(abs(s.phi - d.shmi_winsorised.phi) < 1e-6)
        #expect(abs(s.tauSquared - (d.shmi_winsorised.tau2 ?? .nan)) < 1e-6)
        #expect(Self.matches(g, d.shmi_winsorised))
    }

    @Test("random, log: FunnelPlotR's SHMI mode truncates z (NHS Digital) — its limits from its own τ² are the same formula", arguments: names)
    func shmiTruncated(_ name: String) throws {
        let d = try Self.data(name)
        var g = Self.groups(d)
        for i in g.indices { Funnel.applyRandomLimits(&g[i], tau2: d.shmi.tau2 ?? .nan, transform: .log) }
        #expect(Self.matches(g, d.shmi))
        if name == "overdispersed" {
            // The documented difference: truncation drops the extreme 10 % instead of pulling them in.
            var w = Self.groups(d)
            let s = Funnel.apply(FunnelOptions(method: .random, transform: .log), groups: &w, phi: 1)
            #expect(abs(s.phi - d.shmi.phi) > 0.1)
        }
    }

    @Test("random, sqrt: φ and τ² as FunnelPlotR's CQC mode; its limits stay on the √ scale, ours are squared back to O/E", arguments: names)
    func randomSqrt(_ name: String) throws {
        let d = try Self.data(name)
        var g = Self.groups(d)
        let s = Funnel.apply(FunnelOptions(method: .random, transform: .sqrt), groups: &g, phi: 1)
        #expect(abs(s.phi - d.cqc.phi) < 1e-6)
        #expect(abs(s.tauSquared - (d.cqc.tau2 ?? .nan)) < 1e-6)
        #expect(Self.matches(g, d.cqc) { max(0, $0) * max(0, $0) })
        #expect(!Self.matches(g, d.cqc), "the unsquared CQC limits differ")
    }

    @Test("none, exact: FunnelPlotR's unadjusted Poisson limits (chi-square)", arguments: names)
    func noneExact(_ name: String) throws {
        let d = try Self.data(name)
        var g = Self.groups(d)
        _ = Funnel.apply(FunnelOptions(method: .none, limits: .exact), groups: &g, phi: 1)
        #expect(Self.matches(g, d.none))
    }

    @Test("phi (default): SPEC §7's multiplicative φ and limits, restated in base R (FunnelPlotR has no multiplicative mode)", arguments: names)
    func multiplicative(_ name: String) throws {
        let d = try Self.data(name)
        var g = Self.groups(d)
        let phi = Funnel.overdispersion(g.compactMap(\.funnelZ))
        #expect(abs(phi - d.multiplicative.phi) < 1e-9)
        for i in g.indices { Funnel.applyLimits(&g[i], phi: phi) }
        #expect(Self.matches(g, d.multiplicative, tolerance: 1e-9))
    }
}
