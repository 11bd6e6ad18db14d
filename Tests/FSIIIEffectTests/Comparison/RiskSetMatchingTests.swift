import Testing
@testable import FSIIIEffect

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
}
