import Foundation
import Testing
@testable import FSIIIStatistics

@Suite("Nearest-neighbour matching on the logit")
struct PropensityMatchingTests {
    typealias Accuracy = StatisticsAccuracy

    // Ten citizens, logits in binary fractions so every distance is exact.
    //   treated:  T0 = 0, T1 = 1, T2 = 1.125, T3 = 3
    //   controls: C0 = 1.125, C1 = 0.9375, C2 = −0.125, C3 = 0.875, C4 = 1.0625, C5 = 0.1875
    // σ over all ten: mean 9.1875/10 = 0.91875, Σx² = 15.35546875,
    // SS = 15.35546875 − 10·0.91875² = 6.914453125, s² = SS/9 = 0.768272569…,
    // σ = 0.876511648…, caliper δ = 0.2σ = 0.175302329….
    //   T0 (0):     C2 at 0.125 ✓, C5 at 0.1875 > δ            → [C2]
    //   T1 (1):     C1 and C4 at 0.0625 (tie: index 1 before 4),
    //               C0 and C3 at 0.125 (tie: index 0 wins the third place) → [C1, C4, C0]
    //   T2 (1.125): C0 at 0, C4 at 0.0625, C1 at 0.1875 > δ     → [C0, C4]
    //   T3 (3):     nearest C0 at 1.875 > δ                      → unmatched
    // Weights: C0 = 1/3 (T1) + 1/2 (T2) = 5/6, C1 = 1/3, C2 = 1, C3 = 0,
    // C4 = 1/3 + 1/2 = 5/6, C5 = 0; they add up to 3, the matched treated.
    static let treated = [0, 1, 1.125, 3]
    static let controls = [1.125, 0.9375, -0.125, 0.875, 1.0625, 0.1875]

    @Test("ten citizens: the caliper, nearest-first sets with ties broken by index, weights 1/mᵢ summed over reuse")
    func tenCitizens() throws {
        let m = try PropensityMatching(treatedLogits: Self.treated, controlLogits: Self.controls)
        let sigma = (6.914453125 / 9).squareRoot()
        #expect(Accuracy.relativeError(m.logitStandardDeviation, sigma) <= 1e-15)
        #expect(Accuracy.relativeError(m.caliper, 0.2 * sigma) <= 1e-15)
        #expect(Array(m.controls(ofTreated: 0)) == [2])
        #expect(Array(m.controls(ofTreated: 1)) == [1, 4, 0])
        #expect(Array(m.controls(ofTreated: 2)) == [0, 4])
        #expect(m.controls(ofTreated: 3).isEmpty)
        #expect(m.unmatched == [.init(treated: 3, reason: .noControlWithinCaliper)])
        #expect(m.matchedTreatedCount == 3)
        #expect(m.treatedWeights == [1, 1, 1, 0])
        let expected = [5.0 / 6, 1.0 / 3, 1, 0, 5.0 / 6, 0]
        for (w, e) in zip(m.controlWeights, expected) { #expect(abs(w - e) <= 1e-15) }
    }

    @Test("the order of the controls in the input decides ties, not their position in the sorted array")
    func tiesByInputIndex() throws {
        // Controls 3 and 0 both at distance 0.125 from T1; swapping their places swaps the winner.
        let swapped = [0.875, 0.9375, -0.125, 1.125, 1.0625, 0.1875]
        let m = try PropensityMatching(treatedLogits: [1], controlLogits: swapped,
                                       options: .init(caliperWidth: 1))
        #expect(Array(m.controls(ofTreated: 0)) == [1, 4, 0])
        let k5 = try PropensityMatching(treatedLogits: [1], controlLogits: swapped, options: .init(ratio: 5, caliperWidth: 10))
        #expect(Array(k5.controls(ofTreated: 0)) == [1, 4, 0, 3, 5])
    }

    @Test("exact strata: controls only from the own stratum, σ over everyone; an empty stratum is reported or matched across")
    func exactStrata() throws {
        // Strata: C0, C1, C2 in 0; C3, C4, C5 in 1. T0, T2 in 0; T1 in 1; T3 in 2 (no controls).
        //   T0 (0) in 0: C2 at 0.125 → [C2];  T1 (1) in 1: C4 at 0.0625, C3 at 0.125 → [C4, C3]
        //   T2 (1.125) in 0: C0 at 0, C1 at 0.1875 > δ → [C0];  T3: no control in stratum 2
        let m = try PropensityMatching(treatedLogits: Self.treated, controlLogits: Self.controls,
                                       treatedStrata: [0, 1, 0, 2], controlStrata: [0, 0, 0, 1, 1, 1])
        #expect(Accuracy.relativeError(m.caliper, 0.2 * (6.914453125 / 9).squareRoot()) <= 1e-15)
        #expect(Array(m.controls(ofTreated: 0)) == [2])
        #expect(Array(m.controls(ofTreated: 1)) == [4, 3])
        #expect(Array(m.controls(ofTreated: 2)) == [0])
        #expect(m.unmatched == [.init(treated: 3, reason: .noControlInStratum)])
        #expect(m.controlWeights == [1, 0, 1, 0.5, 0.5, 0])

        // Across strata for T3, still nothing within the caliper; with a wide caliper C0, C4, C1.
        let across = try PropensityMatching(treatedLogits: Self.treated, controlLogits: Self.controls,
                                            treatedStrata: [0, 1, 0, 2], controlStrata: [0, 0, 0, 1, 1, 1],
                                            options: .init(matchAcrossEmptyStrata: true))
        #expect(across.unmatched == [.init(treated: 3, reason: .noControlWithinCaliper)])
        let wide = try PropensityMatching(treatedLogits: Self.treated, controlLogits: Self.controls,
                                          treatedStrata: [0, 1, 0, 2], controlStrata: [0, 0, 0, 1, 1, 1],
                                          options: .init(caliperWidth: 5, matchAcrossEmptyStrata: true))
        #expect(Array(wide.controls(ofTreated: 3)) == [0, 4, 1])
    }

    @Test("σ as the root of the average group variance (Rosenbaum–Rubin pooled SD)")
    func averageGroupVariance() throws {
        // Treated 0, 1, 1.125, 3: mean 1.28125, squared deviations 1.6416015625, 0.0791015625,
        // 0.0244140625, 2.9541015625, s² = 4.69921875/3 = 1.56640625; controls: s² over the six.
        let m = try PropensityMatching(treatedLogits: Self.treated, controlLogits: Self.controls,
                                       options: .init(caliperScale: .averageGroupVariance))
        func variance(_ v: [Double]) -> Double {
            let mean = v.reduce(0, +) / Double(v.count)
            return v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count - 1)
        }
        #expect(variance(Self.treated) == 1.56640625)
        let sigma = ((variance(Self.treated) + variance(Self.controls)) / 2).squareRoot()
        #expect(Accuracy.relativeError(m.logitStandardDeviation, sigma) <= 1e-15)
    }

    struct PeerCase: Decodable {
        var name: String
        var exact: Bool
        var caliper: Double
        var matches: [[Int]]
        var control_weights: [Double]
    }

    struct PeerFile: Decodable {
        var treated_logits: [Double]
        var control_logits: [Double]
        var treated_strata: [Int]
        var control_strata: [Int]
        var cases: [PeerCase]
    }

    @Test("agrees with R's MatchIt (1:3 with replacement, caliper 0.2 SD; without and with exact strata) on 40 treated and 160 controls")
    func matchesMatchIt() throws {
        let file = try PeerFixture.load("matching.json", as: PeerFile.self)
        #expect(file.cases.count == 2)
        for c in file.cases {
            let m = try PropensityMatching(treatedLogits: file.treated_logits, controlLogits: file.control_logits,
                                           treatedStrata: c.exact ? file.treated_strata : nil,
                                           controlStrata: c.exact ? file.control_strata : nil)
            #expect(Accuracy.relativeError(m.caliper, c.caliper) <= 1e-13, "\(c.name)")
            #expect(c.matches.contains { $0.count == 1 } && c.matches.contains(where: \.isEmpty), "the fixture has short sets")
            for (i, expected) in c.matches.enumerated() {
                // The same controls; ours nearest first (MatchIt's column order is not always).
                let ours = Array(m.controls(ofTreated: i))
                #expect(ours.sorted() == expected.sorted(), "\(c.name) treated \(i)")
                let distances = ours.map { abs(file.control_logits[$0] - file.treated_logits[i]) }
                #expect(distances == distances.sorted(), "\(c.name) treated \(i) nearest first")
            }
            // MatchIt scales control weights to sum to the number of matched controls.
            let matchedControls = Double(m.controlWeights.filter { $0 > 0 }.count)
            let scale = matchedControls / m.controlWeights.reduce(0, +)
            for (j, (ours, theirs)) in zip(m.controlWeights, c.control_weights).enumerated() {
                #expect(abs(ours * scale - theirs) <= 1e-12, "\(c.name) control \(j)")
            }
        }
    }

    @Test("the expanding search equals ranking every control by (distance, index), on 300 random sets with ties")
    func equalsBruteForce() throws {
        var g = SeededGenerator(seed: 2011)
        for round in 0..<300 {
            let nt = 1 + g.index(below: 30), nc = g.index(below: 60)
            // Logits on a coarse grid, so ties are common.
            let grid = Double(1 + g.index(below: 8))
            let t = (0..<nt).map { _ in Double(g.index(below: 41) - 20) / grid }
            let c = (0..<nc).map { _ in Double(g.index(below: 41) - 20) / grid }
            let k = 1 + g.index(below: 4)
            let width = [0.05, 0.2, 1, 100][g.index(below: 4)]
            let m = try PropensityMatching(treatedLogits: t, controlLogits: c, options: .init(ratio: k, caliperWidth: width))
            for (i, eta) in t.enumerated() {
                let expected = c.indices.filter { abs(c[$0] - eta) <= m.caliper }
                    .sorted { abs(c[$0] - eta) != abs(c[$1] - eta) ? abs(c[$0] - eta) < abs(c[$1] - eta) : $0 < $1 }
                    .prefix(k)
                #expect(Array(m.controls(ofTreated: i)) == Array(expected), "round \(round) treated \(i)")
            }
            let total = m.controlWeights.reduce(0, +)
            #expect(abs(total - Double(m.matchedTreatedCount)) <= 1e-9)
        }
    }

    @Test("no controls, bad logits, bad k and mismatched strata")
    func edges() throws {
        let none = try PropensityMatching(treatedLogits: [0, 1], controlLogits: [])
        #expect(none.matchedTreatedCount == 0)
        #expect(none.unmatched.map(\.treated) == [0, 1])
        #expect(throws: MatchingError.nonFiniteLogit(treated: false, index: 1)) {
            try PropensityMatching(treatedLogits: [0], controlLogits: [0, .infinity])
        }
        #expect(throws: MatchingError.invalidRatio(0)) {
            try PropensityMatching(treatedLogits: [0], controlLogits: [0], options: .init(ratio: 0))
        }
        #expect(throws: MatchingError.strataMismatch) {
            try PropensityMatching(treatedLogits: [0], controlLogits: [0], treatedStrata: [1])
        }
    }
}
