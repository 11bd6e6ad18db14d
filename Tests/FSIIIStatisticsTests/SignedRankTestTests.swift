import Testing
@testable import FSIIIStatistics

@Suite("Wilcoxon signed-rank test")
struct SignedRankTestTests {
    typealias Accuracy = StatisticsAccuracy

    struct Case {
        var baseline: [Double], followUp: [Double], tPlus: Double, z: Double, p: Double
    }

    // stat_values.json "wilcoxon_signed_rank": scipy.stats.wilcoxon(baseline, follow_up,
    // zero_method="wilcox", correction=False, method="approx"), scipy 1.17.1; z with the
    // sign of T⁺ − n(n + 1)/4. The second case has zero differences and ties, the third
    // ties of several sizes.
    static let cases: [Case] = [
        Case(baseline: [5, 0, 1, 4, 14],
             followUp: [4, 0, 0, 3, 13],
             tPlus: 10.0, z: 2.0, p: 0.04550026389635839),
        Case(baseline: [7, 2, 0, 1, 4, 14, 9, 0],
             followUp: [4, 0, 0, 0, 4, 13, 9, 1],
             tPlus: 13.0, z: 1.5109662034355793, p: 0.13079706180685857),
        Case(baseline: [2, 16, 8, 5, 14, 10, 7, 8, 8, 8, 11, 4],
             followUp: [1, 16, 9, 5, 15, 10, 8, 8, 7, 5, 10, 1],
             tPlus: 25.5, z: 1.0998533626601497, p: 0.27139601757306),
        Case(baseline: [12, 15, 12, 16, 13, 6, 10, 6, 5, 3, 6, 15, 12, 6, 2, 13, 5, 13, 12, 15, 3, 14, 1, 15,
                        13, 3, 1, 15, 6, 11],
             followUp: [11, 15, 10, 16, 11, 5, 7, 4, 5, 4, 6, 12, 11, 5, 2, 12, 3, 13, 11, 16, 4, 15, 1, 12,
                        12, 3, 1, 13, 3, 10],
             tPlus: 205.0, z: 3.187799848150455, p: 0.0014335973295896691),
        Case(baseline: [16, 2, 6, 1, 14, 1, 0, 10, 14, 9, 15, 12, 6, 12, 7, 6, 14, 8, 6, 11, 11, 8, 0, 11, 0,
                        15, 10, 12, 0, 4, 6, 7, 6, 12, 4, 1, 6, 1, 11, 1, 13, 15, 11, 9, 6, 2, 9, 16, 8, 6, 2,
                        4, 10, 4, 0, 12, 7, 13, 1, 14, 1, 9, 4, 16, 8, 12, 13, 16, 7, 5, 16, 0, 4, 5, 14, 5,
                        10, 11, 10, 16, 6, 9, 7, 1, 14, 15, 10, 10, 15, 4, 10, 15, 1, 16, 9, 2, 9, 6, 10, 1],
             followUp: [15, 1, 6, 1, 13, 0, 0, 7, 13, 9, 15, 11, 6, 10, 5, 7, 13, 7, 6, 10, 12, 8, 0, 11, 0,
                        15, 9, 10, 0, 5, 6, 7, 5, 10, 4, 0, 4, 0, 10, 1, 12, 16, 10, 8, 7, 0, 8, 15, 5, 5, 1,
                        4, 8, 2, 1, 10, 7, 12, 1, 11, 0, 8, 2, 14, 7, 11, 12, 15, 7, 4, 14, 0, 4, 5, 14, 5, 10,
                        11, 9, 13, 7, 8, 6, 1, 11, 12, 11, 9, 14, 5, 9, 15, 0, 17, 8, 2, 8, 6, 10, 1],
             tPlus: 1966.0, z: 5.780230731133779, p: 7.459824547879597e-09),
    ]

    @Test("T⁺, z and p match the scipy reference cases")
    func matchesReference() throws {
        for (index, reference) in Self.cases.enumerated() {
            let test = try #require(SignedRankTest(baseline: reference.baseline, followUp: reference.followUp))
            #expect(test.tPlus == reference.tPlus, "case \(index)")
            #expect(Accuracy.relativeError(test.z, reference.z) <= 1e-14, "case \(index)")
            #expect(Accuracy.relativeError(test.p, reference.p) <= Accuracy.tolerance, "case \(index)")
        }
    }

    @Test("zero differences are dropped and ties get average ranks")
    func zerosAndTies() throws {
        // differences 3, 2, 0, 1, 0, 1, 0, −1: n = 5; |d| ranks 5, 4, 2, 2, 2 (three tied 1s)
        let reference = Self.cases[1]
        let test = try #require(SignedRankTest(baseline: reference.baseline, followUp: reference.followUp))
        #expect(test.pairs == 5)
        #expect(test.tPlus == 13)
        // σ² = 5·6·11/24 − (3³ − 3)/48 = 13.75 − 0.5
        #expect(Accuracy.relativeError(test.z, (13 - 7.5) / 13.25.squareRoot()) <= 1e-15)
    }

    @Test("no non-zero difference: no test")
    func noDifferences() {
        #expect(SignedRankTest(baseline: [1, 2, 3], followUp: [1, 2, 3]) == nil)
        #expect(SignedRankTest(baseline: [], followUp: []) == nil)
    }

    @Test("one pair")
    func onePair() throws {
        // n = 1: T⁺ = 1, mean ½, σ² = ¼, z = 1; scipy 1.17.1 gives p = 0.31731050786291415
        let test = try #require(SignedRankTest(baseline: [2], followUp: [1]))
        #expect(test.pairs == 1 && test.tPlus == 1 && test.z == 1)
        #expect(Accuracy.relativeError(test.p, 0.31731050786291415) <= Accuracy.tolerance)
    }

    @Test("swapping the samples negates z and keeps p")
    func swapped() throws {
        let reference = Self.cases[3]
        let forward = try #require(SignedRankTest(baseline: reference.baseline, followUp: reference.followUp))
        let backward = try #require(SignedRankTest(baseline: reference.followUp, followUp: reference.baseline))
        let n = Double(forward.pairs)
        #expect(backward.tPlus == n * (n + 1) / 2 - forward.tPlus)
        #expect(backward.z == -forward.z)
        #expect(backward.p == forward.p)
    }
}

@Suite("Wilcoxon: the counting path equals the sorting path")
struct SignedRankCountingTests {
    @Test("integral differences with many ties give the same T⁺, z and p either way")
    func countingEqualsSorting() throws {
        var rng = SeededGenerator(seed: 9)
        for n in [1, 2, 5, 50, 2000] {
            let b = (0..<n).map { _ in Double(rng.index(below: 20)) }
            let f = (0..<n).map { _ in Double(rng.index(below: 20)) }
            let differences = zip(b, f).map { $0 - $1 }.filter { $0 != 0 }
            guard !differences.isEmpty else { continue }
            let counted = try #require(SignedRankTest.integralRanks(differences))
            let (ranks, tieTerm) = Ranks.averageWithTies(differences.map { abs($0) })
            let sorted = zip(differences, ranks).filter { $0.0 > 0 }.reduce(0.0) { $0 + $1.1 }
            #expect(counted.tPlus == sorted && counted.tieTerm == tieTerm)
        }
        #expect(SignedRankTest.integralRanks([0.5, 1]) == nil)   // not integral: the sorting path
    }
}
