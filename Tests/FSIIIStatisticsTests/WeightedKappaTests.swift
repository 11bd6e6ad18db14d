import Testing
@testable import FSIIIStatistics

@Suite("Weighted kappa")
struct WeightedKappaTests {
    typealias Accuracy = StatisticsAccuracy

    @Test("a 3 × 3 table by hand: unweighted, linear and quadratic")
    func handComputed() throws {
        // Ten subjects, ratings (first, second): (0,0)×3, (0,1)×1, (1,1)×2, (1,2)×1, (2,2)×2, (2,0)×1.
        // Margins: first 0.4, 0.3, 0.3; second 0.4, 0.3, 0.3.
        // Observed disagreement: unweighted 0.3; linear 0.1 + 0.1 + 0.2 = 0.4; quadratic 0.1 + 0.1 + 0.4 = 0.6.
        // Expected: Σ wᵢⱼ rᵢcⱼ; off-diagonal |i − j| = 1: 2(0.4·0.3 + 0.3·0.3) = 0.42, |i − j| = 2: 2(0.4·0.3) = 0.24.
        //   unweighted 0.42 + 0.24 = 0.66, linear 0.42 + 2·0.24 = 0.90, quadratic 0.42 + 4·0.24 = 1.38.
        let first = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2], second = [0, 0, 0, 1, 1, 1, 2, 2, 2, 0]
        let u = try #require(WeightedKappa(first: first, second: second, categories: 3, weights: .unweighted))
        let l = try #require(WeightedKappa(first: first, second: second, categories: 3, weights: .linear))
        let q = try #require(WeightedKappa(first: first, second: second, categories: 3, weights: .quadratic))
        #expect(Accuracy.relativeError(u.kappa, 1 - 0.3 / 0.66) <= 1e-14)
        #expect(Accuracy.relativeError(l.kappa, 1 - 0.4 / 0.90) <= 1e-14)
        #expect(Accuracy.relativeError(q.kappa, 1 - 0.6 / 1.38) <= 1e-14)
        #expect(Accuracy.relativeError(q.expectedDisagreement, 1.38) <= 1e-14)
    }

    struct PeerCase: Decodable {
        var name: String
        var first: [Int], second: [Int]
        var categories: Int
        var unweighted: Double, linear: Double, quadratic: Double
    }

    struct PeerFile: Decodable { var cases: [PeerCase] }

    @Test("matches R's psych::cohen.kappa for unweighted, linear and quadratic weights")
    func matchesPsych() throws {
        let file = try PeerFixture.load("kappa.json", as: PeerFile.self)
        for c in file.cases {
            for (weights, expected) in [(WeightedKappa.Weights.unweighted, c.unweighted), (.linear, c.linear), (.quadratic, c.quadratic)] {
                let k = try #require(WeightedKappa(first: c.first, second: c.second, categories: c.categories, weights: weights))
                #expect(Accuracy.relativeError(k.kappa, expected) <= 1e-12, "\(c.name) \(weights)")
            }
        }
    }

    @Test("perfect agreement is 1; nothing to expect or out-of-scale ratings give nil")
    func edges() throws {
        #expect(try #require(WeightedKappa(first: [0, 1, 2], second: [0, 1, 2], categories: 3, weights: .quadratic)).kappa == 1)
        #expect(WeightedKappa(first: [1, 1], second: [1, 1], categories: 3, weights: .linear) == nil)
        #expect(WeightedKappa(first: [0, 5], second: [0, 1], categories: 3, weights: .linear) == nil)
        #expect(WeightedKappa(first: [], second: [], categories: 3, weights: .linear) == nil)
    }
}
