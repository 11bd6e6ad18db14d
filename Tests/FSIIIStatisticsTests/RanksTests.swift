import Testing
@testable import FSIIIStatistics

@Suite("Average ranks")
struct RanksTests {
    @Test("ties share the mean of their ranks, like scipy.stats.rankdata")
    func ties() {
        // scipy 1.17.1: stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
        #expect(Ranks.average([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
                == [4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8])
        #expect(Ranks.average([2, 2, 2, 2]) == [2.5, 2.5, 2.5, 2.5])
        #expect(Ranks.average([0.0, -0.0, 2]) == [1.5, 1.5, 3])
    }

    @Test("no ties: the 1-based positions in ascending order")
    func distinct() {
        #expect(Ranks.average([0.3, -1, 7, 2]) == [2, 1, 4, 3])
        #expect(Ranks.average([5]) == [1])
        #expect(Ranks.average([]) == [])
    }

    @Test("the tie term is Σ(t³ − t) over tie groups")
    func tieTerm() {
        // groups of 2, 1, 1, 3, 1, 1, 2 → 6 + 24 + 6
        #expect(Ranks.averageWithTies([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]).tieTerm == 36)
        #expect(Ranks.averageWithTies([1, 2, 3]).tieTerm == 0)
    }

    @Test("a NaN makes every rank NaN (scipy's nan_policy='propagate')")
    func nan() {
        let ranks = Ranks.average([1, .nan, 2])
        #expect(ranks.count == 3 && ranks.allSatisfy { $0.isNaN })
    }
}
