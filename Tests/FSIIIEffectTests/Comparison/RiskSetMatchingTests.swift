import Testing
@testable import FSIIIEffect
import FSIIIStatistics

/// The matcher on hand-set logits: σ = sample SD of all seven logits
/// (0, 1 | 0.1, −0.05, 0.9, 2, 0.5) = 0.735252, caliper 0.2σ = 0.147050.
@Suite("Matched comparison: nearest neighbour within each course's candidates (issue 18 §1)")
struct RiskSetMatchingTests {
    static let treated = [0.0, 1.0], controls = [0.1, -0.05, 0.9, 2.0, 0.5]

    @Test("k nearest within the caliper, nearest first; weights 1/m summed over reuse")
    func nearest() {
        let m = RiskSetMatching(treatedLogits: Self.treated, controlLogits: Self.controls, eligible: [[0, 1, 2, 3, 4], [0, 2, 3, 4]],
                                ratio: 2, caliperWidth: 0.2)
        #expect(abs(m.logitStandardDeviation - 0.7352518195) < 1e-9)
        #expect(abs(m.caliper - 0.1470503639) < 1e-9)
        #expect(m.sets == [[1, 0], [2]])       // |Δ| 0.05, 0.1; for η = 1 only 0.9 is within 0.147
        #expect(m.controlWeights == [0.5, 0.5, 1, 0, 0])
        #expect(m.matchedCount == 2)
    }

    @Test("a course matches only its own candidates: none at all, or none within the caliper, are told apart")
    func unmatched() {
        let m = RiskSetMatching(treatedLogits: Self.treated, controlLogits: Self.controls, eligible: [[], [3, 4]], ratio: 3, caliperWidth: 0.2)
        #expect(m.sets == [[], []])
        #expect(m.unmatched == [.noCandidate, .noneWithinCaliper])
        #expect(m.controlWeights.allSatisfy { $0 == 0 })
    }

    @Test("exact municipality: the course's own municipality when it has a candidate, else all its candidates")
    func exact() {
        let m = RiskSetMatching(treatedLogits: Self.treated, controlLogits: Self.controls, eligible: [[0, 1, 2, 3, 4], [0, 2, 3, 4]],
                                ratio: 2, caliperWidth: 0.2, treatedStrata: [7, 9], controlStrata: [1, 7, 1, 1, 1])
        // Treated 0 (municipality 7): only control 1 is in 7. Treated 1 (9): none in 9, so all.
        #expect(m.sets == [[1], [2]])
        #expect(m.controlWeights == [0, 1, 1, 0, 0])
    }

    @Test("many courses, matched in pieces on all cores: the same sets, reasons and weights as one course after another",
          arguments: [(3, false), (1, true), (2, true)])
    func pieces(k: Int, coarse: Bool) {
        var g = SeededGenerator(seed: 11)
        // Coarse logits (steps of 1/16, exact in binary) make many exact ties in distance: ties go to the smaller index.
        func logit() -> Double { coarse ? Double(Int.random(in: -32...32, using: &g)) / 16 : Double.random(in: -2...2, using: &g) }
        let treated = (0..<20_000).map { _ in logit() }
        let controls = (0..<3_000).map { _ in logit() }
        // Lists in no particular order (the rules do not depend on it).
        let eligible: [[Int]] = treated.indices.map { i in
            i % 97 == 0 ? [] : Array(Set((0..<Int.random(in: 1...12, using: &g)).map { _ in Int.random(in: 0..<3_000, using: &g) }))
        }
        let strata = (treated.map { _ in UInt32.random(in: 0..<3, using: &g) }, controls.map { _ in UInt32.random(in: 0..<3, using: &g) })
        for exact in [false, true] {
            let m = RiskSetMatching(treatedLogits: treated, controlLogits: controls, eligible: eligible, ratio: k, caliperWidth: 0.2,
                                    treatedStrata: exact ? strata.0 : nil, controlStrata: exact ? strata.1 : nil)
            // The rules one course after another: all inside the caliper, sorted by (distance, index), the first k.
            var weights = [Double](repeating: 0, count: controls.count)
            var sets: [[Int]] = []
            var boundaryTies = 0   // the k-th and the (k+1)-th inside the caliper equally near: the index decides
            for (i, eta) in treated.enumerated() {
                var pool = eligible[i]
                if exact, case let same = pool.filter({ strata.1[$0] == strata.0[i] }), !same.isEmpty { pool = same }
                let inside = pool.map { (abs(controls[$0] - eta), $0) }.filter { $0.0 <= m.caliper }.sorted { $0 < $1 }
                if inside.count > k && inside[k - 1].0 == inside[k].0 { boundaryTies += 1 }
                let near = inside.prefix(k).map(\.1)
                sets.append(near)
                for j in near { weights[j] += 1 / Double(near.count) }
            }
            #expect(m.sets == sets)
            #expect(m.controlWeights == weights)
            #expect(m.unmatched.filter { $0 == .noCandidate }.count == treated.indices.filter { $0 % 97 == 0 }.count)
            #expect(m.unmatched.indices.allSatisfy { (m.unmatched[$0] == nil) == !sets[$0].isEmpty })
            #expect(m.matchedCount == sets.filter { !$0.isEmpty }.count)
            #expect(m.matchedCount > 4_000 && m.unmatched.contains(.noneWithinCaliper))   // both kinds occur
            #expect(coarse ? boundaryTies > 20 : boundaryTies == 0)   // coarse logits do test the tie rule
        }
    }
}
