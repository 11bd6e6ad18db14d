import Testing
@testable import FSIIIEffect
@testable import FSIIIStatistics

@Suite("Cost bootstrap: documented draws, percentiles, acceptability curve (SPEC §8)")
struct CostBootstrapTests {
    static let a = [CourseSample(cost: 1000, effect: 0.5), CourseSample(cost: 2500, effect: 1.0), CourseSample(cost: 400, effect: -0.25)]
    static let r = [CourseSample(cost: 800, effect: 0), CourseSample(cost: 1200, effect: 0.5),
                    CourseSample(cost: 3000, effect: 0.25), CourseSample(cost: 0, effect: -0.5)]

    // Expected values from an independent Python 3 re-implementation of the draw order documented
    // on CostBootstrap, with the Gen class of SeededGeneratorTests (SplitMix64 seeding, xoshiro256**,
    // Lemire index) and numpy 2.4 for the type 7 percentiles:
    //
    //   def draw_counts(n, g):
    //       k = [0] * n
    //       for _ in range(n): k[g.index(n)] += 1
    //       return k
    //   def weighted_sums(xs, k):
    //       c = e = 0.0
    //       for (cost, effect), w in zip(xs, k):
    //           c += float(w) * cost; e += float(w) * effect
    //       return c, e
    //   def bootstrap(a, r, B, seed):
    //       master = Gen(seed); out = []
    //       for b in range(B):
    //           g = Gen(master.next())
    //           kA = draw_counts(len(a), g); kR = draw_counts(len(r), g)
    //           ca, ea = weighted_sums(a, kA); cr, er = weighted_sums(r, kR)
    //           out.append((ca / len(a) - cr / len(r), ea / len(a) - er / len(r)))
    //       return out
    //   A = [(1000.0, 0.5), (2500.0, 1.0), (400.0, -0.25)]
    //   R = [(800.0, 0.0), (1200.0, 0.5), (3000.0, 0.25), (0.0, -0.5)]
    //   reps = bootstrap(A, R, 5, 42)
    //   inmb = [500.0 * de - dc for dc, de in reps]
    //   numpy.percentile([dc for dc, _ in reps], [2.5, 97.5])    # likewise ΔE and INMB
    //   sum(x > 0 for x in inmb) / 5
    //   [sum(l * de - dc > 0 for dc, de in reps) / 5 for l in (0, 500, 1000, 1500)]
    static let expectedCost: [Double] = [850, 250, 300, -250, -250]
    static let expectedEffect: [Double] = [0.8958333333333334, 0.27083333333333337, 0.7083333333333334,
                                           0.7708333333333334, -0.020833333333333343]

    @Test("replicate seeds are the master generator's outputs")
    func seeds() {
        // The first outputs of SeededGenerator(seed: 42), as in SeededGeneratorTests.
        #expect(CostBootstrap.replicateSeeds(seed: 42, count: 3) == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    }

    @Test("a tiny comparison reproduces the Python re-implementation bit for bit")
    func knownValues() throws {
        let reps = CostBootstrap.replicates(a: Self.a, r: Self.r, count: 5, seed: 42)
        #expect(reps.deltaCost == Self.expectedCost)
        #expect(reps.deltaEffect == Self.expectedEffect)
        let c = try #require(CostEffectiveness.compare(a: Self.a, r: Self.r, wtp: 500, bootstrap: 5, seed: 42))
        // Point estimates by hand: mean cost A = 3900/3 = 1300, R = 5000/4 = 1250 → ΔC = 50;
        // mean effect A = 1.25/3, R = 0.25/4 → ΔE = 0.3541666…; ICER = 141.176…; INMB(500) = 127.08…
        #expect(c.deltaCost == 50)
        #expect(abs(c.deltaEffect - 0.3541666666666667) < 1e-15)
        #expect(abs(try #require(c.icer) - 141.17647058823528) < 1e-10)
        #expect(c.quadrant == .moreEffectiveMoreCostly)
        let b = try #require(c.bootstrap)
        #expect(b.replicates == 5 && b.seed == 42)
        #expect(b.deltaCost == Interval(low: -250, high: 795))
        #expect(abs(b.deltaEffect.low - 0.008333333333333331) < 1e-15 && abs(b.deltaEffect.high - 0.8833333333333333) < 1e-15)
        #expect(abs(b.inmb.low - -373.3333333333333) < 1e-9 && abs(b.inmb.high - 595.8333333333334) < 1e-9)
        #expect(b.probabilityINMBPositive == 0.6)
        #expect(CostEffectiveness.ceac(reps, grid: [0, 500, 1000, 1500]) == [0.4, 0.6, 1.0, 1.0])
    }

    /// Courses whose sums round: cost (i·7919 mod 20000) + 0.01·(i mod 97), effect ((31·i mod 16) − 6) / (i mod 7 + 1).
    static func synthetic(_ n: Int, offset: Int) -> [CourseSample] {
        (offset..<offset + n).map { (i: Int) -> CourseSample in
            let cost: Double = Double(i * 7919 % 20000) + 0.01 * Double(i % 97)
            let effect: Double = Double(i * 31 % 16 - 6) / Double(i % 7 + 1)
            return CourseSample(cost: cost, effect: effect)
        }
    }

    @Test("sums that round reproduce the Python re-implementation bit for bit too")
    func roundedSums() {
        // Python, with the functions above:
        //   def synthetic(n, offset):
        //       return [(float((i + offset) * 7919 % 20000) + 0.01 * float((i + offset) % 97),
        //                float((i + offset) * 31 % 16 - 6) / float((i + offset) % 7 + 1)) for i in range(n)]
        //   bootstrap(synthetic(37, 0), synthetic(53, 1000), 4, 2024)
        let reps = CostBootstrap.replicates(a: Self.synthetic(37, offset: 0), r: Self.synthetic(53, offset: 1000), count: 4, seed: 2024)
        #expect(reps.deltaCost == [939.1733350331506, -524.8988067312603, 2502.124844467113, -1514.9363182050001])
        #expect(reps.deltaEffect == [0.137926470945339, -0.5951251790874432, -0.025593113328962636, -0.5918943201962071])
    }

    @Test("a course drawn 256 times or more still counts exactly (the byte carries)")
    func carries() {
        var counts = CostBootstrap.DrawCounts(3)
        for _ in 0..<600 { counts.add(0) }
        counts.add(2)
        let columns = CostBootstrap.Columns([CourseSample(cost: 1, effect: 0.5), CourseSample(cost: 10, effect: 1), CourseSample(cost: 100, effect: 2)])
        let sums = counts.weightedSums(columns)
        #expect(sums.cost == 600 + 100 && sums.effect == 300 + 2)
        // The counts are back to zero afterwards.
        let again = counts.weightedSums(columns)
        #expect(again.cost == 0 && again.effect == 0)
    }

    @Test("same seed, same numbers; another seed, other numbers")
    func reproducible() {
        let a = Self.a + Self.r, r = Self.r + Self.a + Self.a
        let first = CostBootstrap.replicates(a: a, r: r, count: 500, seed: 7)
        #expect(first == CostBootstrap.replicates(a: a, r: r, count: 500, seed: 7))
        #expect(first != CostBootstrap.replicates(a: a, r: r, count: 500, seed: 8))
        // The first replicates do not depend on how many follow.
        let fewer = CostBootstrap.replicates(a: a, r: r, count: 100, seed: 7)
        #expect(Array(first.deltaCost.prefix(100)) == fewer.deltaCost)
    }

    @Test("replicates computed in parallel equal replicates computed one by one")
    func independentOfThreads() {
        let a = Self.a + Self.r, r = Self.r + Self.a
        let parallel = CostBootstrap.replicates(a: a, r: r, count: 257, seed: 3)
        let seeds = CostBootstrap.replicateSeeds(seed: 3, count: 257)
        let columnsA = CostBootstrap.Columns(a), columnsR = CostBootstrap.Columns(r)
        var tallyA = CostBootstrap.DrawCounts(a.count), tallyR = CostBootstrap.DrawCounts(r.count)
        let serial = seeds.map { CostBootstrap.replicate(seed: $0, a: columnsA, r: columnsR, tallyA: &tallyA, tallyR: &tallyR) }
        #expect(parallel.deltaCost == serial.map(\.0))
        #expect(parallel.deltaEffect == serial.map(\.1))
    }

    @Test("B = 0 or an empty group: no replicates, no summary")
    func none() throws {
        #expect(CostBootstrap.replicates(a: Self.a, r: [], count: 10, seed: 1).count == 0)
        #expect(CostBootstrap.replicates(a: Self.a, r: Self.r, count: 0, seed: 1).count == 0)
        let c = try #require(CostEffectiveness.compare(a: Self.a, r: Self.r, wtp: 1, bootstrap: 0))
        #expect(c.bootstrap == nil)
        #expect(CostEffectiveness.ceac(BootstrapReplicates(deltaCost: [], deltaEffect: []), grid: [0]) == nil)
    }

    @Test("a large synthetic comparison: the 95 % intervals contain the true differences")
    func coverage() throws {
        // A: 3000 courses, cost 12 000 + U(−4000, 4000), effect 0.6 + U(−1, 1);
        // R: 5000 courses, cost 10 000 + U(−4000, 4000), effect 0.4 + U(−1, 1).
        // True ΔC = 2000 kr, ΔE = 0.2 points, INMB(λ = 20 000) = 4000 − 2000 = 2000.
        // Standard errors: ΔC ≈ 4000/√3 · √(1/3000 + 1/5000) ≈ 53, so the interval is about ±105 wide.
        var g = SeededGenerator(seed: 2024)
        func uniform(_ half: Double) -> Double { (Double(g.next() >> 11) / 9_007_199_254_740_992 * 2 - 1) * half }
        let a = (0..<3000).map { _ in CourseSample(cost: 12_000 + uniform(4000), effect: 0.6 + uniform(1)) }
        let r = (0..<5000).map { _ in CourseSample(cost: 10_000 + uniform(4000), effect: 0.4 + uniform(1)) }
        let c = try #require(CostEffectiveness.compare(a: a, r: r, wtp: 20_000, bootstrap: 1000, seed: 11))
        let b = try #require(c.bootstrap)
        #expect(b.deltaCost.low < 2000 && 2000 < b.deltaCost.high)
        #expect(b.deltaEffect.low < 0.2 && 0.2 < b.deltaEffect.high)
        #expect(b.inmb.low < 2000 && 2000 < b.inmb.high)
        // The intervals are about as wide as the standard errors say: ±1.96 · 53 ≈ ±105 kr.
        #expect(b.deltaCost.high - b.deltaCost.low > 150 && b.deltaCost.high - b.deltaCost.low < 270)
        // And the point estimates lie inside their intervals.
        #expect(b.deltaCost.low < c.deltaCost && c.deltaCost < b.deltaCost.high)
        #expect(b.probabilityINMBPositive > 0.95)
    }
}
