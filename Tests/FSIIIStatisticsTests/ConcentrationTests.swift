import Testing
@testable import FSIIIStatistics

/// SPEC §12's concentration figures, against values worked out by hand.
@Suite("Cost concentration: top shares, Gini, Lorenz curve")
struct ConcentrationTests {
    @Test("k = ⌈P/100 · N⌉ in integer arithmetic")
    func topCount() {
        #expect(Concentration.topCount(percent: 5, of: 100) == 5)   // not 6 from 0.05·100 rounding up
        #expect(Concentration.topCount(percent: 5, of: 101) == 6)
        #expect(Concentration.topCount(percent: 1, of: 99) == 1)
        #expect(Concentration.topCount(percent: 10, of: 20) == 2)
        #expect(Concentration.topCount(percent: 10, of: 21) == 3)
        #expect(Concentration.topCount(percent: 1, of: 0) == 0)
    }

    @Test("[1, 2, 3, 4]: Gini (−3·1 − 1·2 + 1·3 + 3·4) / (4 · 10) = 0.25; top shares 4/10 and 7/10")
    func handComputed() {
        let x: [Double] = [1, 2, 3, 4]
        #expect(Concentration.gini(ascending: x) == 0.25)
        #expect(Concentration.topShare(ascending: x, percent: 1) == 0.4)    // k = ⌈0.04⌉ = 1
        #expect(Concentration.topShare(ascending: x, percent: 5) == 0.4)
        #expect(Concentration.topShare(ascending: x, percent: 10) == 0.4)
        #expect(Concentration.topShare(ascending: x, percent: 50) == 0.7)   // k = 2: (3 + 4) / 10
        #expect(Concentration.topShare(ascending: x, percent: 100) == 1)
    }

    @Test("Gini: equal totals 0, one carrier (N − 1)/N, zero sum and N ≤ 1 give 0")
    func giniEdges() {
        #expect(Concentration.gini(ascending: [5, 5, 5]) == 0)
        #expect(Concentration.gini(ascending: [0, 0, 0, 8]) == 0.75)
        #expect(Concentration.gini(ascending: [0, 0]) == 0)
        #expect(Concentration.gini(ascending: [7]) == 0)
        #expect(Concentration.gini(ascending: []) == 0)
        #expect(Concentration.topShare(ascending: [0, 0], percent: 5) == nil)
        #expect(Concentration.topShare(ascending: [], percent: 5) == nil)
        #expect(Concentration.topShare(ascending: [3], percent: 5) == 1)
    }

    @Test("Lorenz for N ≤ 20 has every point: [1, 2, 3, 4] → 0, 0.1, 0.3, 0.6, 1")
    func lorenzTiny() {
        let points = Concentration.lorenz(ascending: [1, 2, 3, 4])
        #expect(points.map(\.population) == [0, 0.25, 0.5, 0.75, 1])
        #expect(points.map(\.share) == [0, 0.1, 0.3, 0.6, 1])
        #expect(Concentration.lorenz(ascending: [0, 0]).isEmpty)
        #expect(Concentration.lorenz(ascending: []).isEmpty)
    }

    @Test("Lorenz for N > 20: 21 points at i = ⌊j·N/20⌋")
    func lorenzLarge() {
        // 1…30, Σ = 465; i = ⌊1.5 j⌋: j = 1 → i = 1 (1/465), j = 3 → i = 4 (10/465), j = 10 → i = 15 (120/465).
        let x = (1...30).map(Double.init)
        let points = Concentration.lorenz(ascending: x)
        #expect(points.count == 21)
        #expect(points[0] == (0, 0))
        #expect(points[1].population == 1.0 / 30 && points[1].share == 1.0 / 465)
        #expect(points[3].population == 4.0 / 30 && points[3].share == 10.0 / 465)
        #expect(points[10].population == 0.5 && points[10].share == 120.0 / 465)
        #expect(points[20] == (1, 1))
    }

    @Test("Lorenz with a minimum step: every step covers at least that many units")
    func lorenzMinimumStep() {
        let points = Concentration.lorenz(ascending: [1, 2, 3, 4], minimumStep: 2)
        #expect(points.map(\.population) == [0, 0.5, 1])
        #expect(points.map(\.share) == [0, 0.3, 1])
        #expect(Concentration.lorenz(ascending: [1, 2, 3, 4], minimumStep: 5).isEmpty)
        // N = 60, step ≥ 5: s = min(20, 12) = 12 steps of 5.
        let sixty = Concentration.lorenz(ascending: [Double](repeating: 1, count: 60), minimumStep: 5)
        #expect(sixty.count == 13)
        #expect(zip(sixty, sixty.dropFirst()).allSatisfy { ($1.population - $0.population) * 60 >= 5 - 1e-9 })
    }
}
