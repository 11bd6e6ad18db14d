import Testing
@testable import FSIIIStatistics

@Suite("ATT of a matched comparison with the cluster bootstrap")
struct MatchedBootstrapTests {
    typealias Accuracy = StatisticsAccuracy

    @Test("ATT = mean of Yᵢ − Mᵢ; the percentile interval brackets it")
    func handComputed() throws {
        // D = 3 − 1, 5 − 2, 4 − 4 = 2, 3, 0: ATT = 5/3; treated mean 4, control mean 7/3.
        let e = try #require(MatchedBootstrap.att(treatedOutcomes: [3, 5, 4], controlMeans: [1, 2, 4], replicates: 999, seed: 7))
        #expect(Accuracy.relativeError(e.estimate, 5.0 / 3) <= 1e-15)
        #expect(e.treatedMean == 4 && Accuracy.relativeError(e.controlMean, 7.0 / 3) <= 1e-15)
        let ci = try #require(e.interval)
        #expect(ci.low <= e.estimate && e.estimate <= ci.high)
        // A replicate mean of three values from {0, 2, 3} lies in [0, 3].
        #expect(ci.low >= 0 && ci.high <= 3 && ci.low < ci.high)
        #expect(e.matchedTreated == 3 && e.replicates == 999)
    }

    @Test("the interval is the type-7 percentiles of the replicates, which follow the documented draws")
    func replicatesFollowTheSpecification() throws {
        let d: [Double] = [0.5, -1, 2, 0.25, 3, -0.75, 1]
        let b = 200, seed: UInt64 = 20240518
        // The specification, written out again: one generator per replicate from the master's outputs.
        var master = SeededGenerator(seed: seed)
        var expected: [Double] = []
        for _ in 0..<b {
            var g = SeededGenerator(seed: master.next())
            var counts = [Int](repeating: 0, count: d.count)
            for _ in d.indices { counts[g.index(below: d.count)] += 1 }
            var s = 0.0
            for i in d.indices { s += Double(counts[i]) * d[i] }
            expected.append(s / Double(d.count))
        }
        #expect(MatchedBootstrap.replicates(d, count: b, seed: seed) == expected)
        let e = try #require(MatchedBootstrap.att(treatedOutcomes: d, controlMeans: [Double](repeating: 0, count: d.count),
                                                  replicates: b, seed: seed, level: 0.9))
        let sorted = expected.sorted()
        #expect(e.interval == Interval(low: Percentile.linear(sorted: sorted, 0.05), high: Percentile.linear(sorted: sorted, 0.95)))
    }

    // The ten-citizen matching of PropensityMatchingTests: T0 → [C2], T1 → [C1, C4, C0],
    // T2 → [C0, C4], T3 unmatched. Outcomes: treated 1, 2, 3, 4; controls 0, 1, 2, 3, 4, 5.
    // M = 2, (1 + 4 + 0)/3 = 5/3, (0 + 4)/2 = 2; ATT = ((1 − 2) + (2 − 5/3) + (3 − 2))/3 = 1/9,
    // the same as 2 − Σ wⱼyⱼ/3 = 2 − (1/3 + 2 + 10/3)/3 = 2 − 17/9.
    @Test("from a matching: matched sets averaged per treated unit, unmatched treated left out")
    func fromMatching() throws {
        let m = try PropensityMatching(treatedLogits: PropensityMatchingTests.treated,
                                       controlLogits: PropensityMatchingTests.controls)
        let e = try #require(MatchedBootstrap.att(matching: m, treatedOutcomes: [1, 2, 3, 4],
                                                  controlOutcomes: [0, 1, 2, 3, 4, 5], replicates: 100, seed: 1))
        #expect(e.matchedTreated == 3)
        #expect(Accuracy.relativeError(e.estimate, 1.0 / 9) <= 1e-14)
        #expect(e.treatedMean == 2)
        #expect(Accuracy.relativeError(e.controlMean, 17.0 / 9) <= 1e-15)
        let weighted = zip(m.controlWeights, [0.0, 1, 2, 3, 4, 5]).reduce(0.0) { $0 + $1.0 * $1.1 } / 3
        #expect(Accuracy.relativeError(e.controlMean, weighted) <= 1e-15)

        // Improved: treated yes, no, yes, yes; controls C0 … C5 no, yes, yes, no, no, yes.
        // Treated share 2/3; control means: C2 → 1, (C1, C4, C0) → 1/3, (C0, C4) → 0: 4/9. ATT = 2/9.
        let share = try #require(MatchedBootstrap.att(matching: m, treatedImproved: [true, false, true, true],
                                                      controlImproved: [false, true, true, false, false, true],
                                                      replicates: 100, seed: 1))
        #expect(Accuracy.relativeError(share.estimate, 2.0 / 9) <= 1e-14)
    }

    @Test("no matched treated: no estimate; no replicates: no interval")
    func edges() throws {
        #expect(MatchedBootstrap.att(treatedOutcomes: [], controlMeans: [], replicates: 10, seed: 1) == nil)
        let e = try #require(MatchedBootstrap.att(treatedOutcomes: [1], controlMeans: [0], replicates: 0, seed: 1))
        #expect(e.estimate == 1 && e.interval == nil)
        #expect(MatchedBootstrap.replicates([1, 2], count: 0, seed: 1).isEmpty)
    }

    /// The documented draws and sums, one replicate at a time, written out
    /// plainly: what ``MatchedBootstrap/replicateSums(columns:width:seeds:)``
    /// must give bit for bit, however it groups the replicates.
    static func referenceSums(columns x: [Double], width: Int, seeds: ArraySlice<UInt64>) -> [Double] {
        let n = x.count / width
        var out: [Double] = []
        for seed in seeds {
            var g = SeededGenerator(seed: seed)
            var k = [Int](repeating: 0, count: n)
            for _ in 0..<n { k[g.index(below: n)] += 1 }
            for j in 0..<width {
                var s = 0.0
                for i in 0..<n { s += Double(k[i]) * x[i * width + j] }
                out.append(s)
            }
        }
        return out
    }

    @Test("replicate sums in groups of four are bit for bit the one-at-a-time sums, for any count of seeds and any width",
          arguments: [7, 5000])
    func groupedSumsMatchTheReference(n: Int) {
        // Values of mixed sign and magnitude, so that a changed order of additions would change the bits.
        var g = SeededGenerator(seed: 42)
        func value() -> Double {
            let u = Double(g.next() >> 11) / Double(1 << 53)
            return (u - 0.3) * [1e-3, 1, 7, 1e6][Int(g.next() % 4)]
        }
        for width in [1, 2, 3, 4] {
            var x = (0..<(n * width)).map { _ in value() }
            x[0] = -0.0
            for count in [1, 3, 4, 5, 9] {
                let seeds = MatchedBootstrap.replicateSeeds(count: count + 2, seed: UInt64(100 + count))[2...]   // a slice not from 0
                let expected = Self.referenceSums(columns: x, width: width, seeds: seeds)
                let sums = MatchedBootstrap.replicateSums(columns: x, width: width, seeds: seeds)
                #expect(sums.count == count * width)
                #expect(sums.map(\.bitPattern) == expected.map(\.bitPattern), "n \(n), width \(width), \(count) seeds")
                #expect(MatchedBootstrap.replicateSumsOneByOne(columns: x, width: width, seeds: seeds).sums.map(\.bitPattern)
                        == expected.map(\.bitPattern), "one by one: n \(n), width \(width), \(count) seeds")
            }
        }
    }

    /// The domain sums written out plainly: replicate b's counts drawn as
    /// specified, then for each domain Σ k·numerator and Σ k·denominator over
    /// its entries in their order.
    static func referenceDomainSums(n: Int, domains d: DomainRatios, seeds: ArraySlice<UInt64>) -> [Double] {
        var out: [Double] = []
        for seed in seeds {
            var g = SeededGenerator(seed: seed)
            var k = [Int](repeating: 0, count: n)
            for _ in 0..<n { k[g.index(below: n)] += 1 }
            for domain in 0..<d.domainCount {
                var a = 0.0, c = 0.0
                for e in d.start[domain]..<d.start[domain + 1] {
                    a += Double(k[d.row[e]]) * d.numerator[e]
                    c += Double(k[d.row[e]]) * d.denominator[e]
                }
                out += [a, c]
            }
        }
        return out
    }

    @Test("domain sums from the same draws are bit for bit the plain sums, the columns' sums unchanged, for any count of seeds",
          arguments: [7, 5000])
    func domainSumsMatchTheReference(n: Int) throws {
        var g = SeededGenerator(seed: 7)
        func value() -> Double { (Double(g.next() >> 11) / Double(1 << 53) - 0.4) * [1e-3, 1, 1e6][Int(g.next() % 3)] }
        let x = (0..<(2 * n)).map { _ in value() }
        // Three domains: rows in one, in two (every fifth row is also in domain 2), in none (every seventh);
        // domain 1's rows in descending order, as a domain's first courses may be.
        var rows: [[Int]] = [[], [], []]
        for i in 0..<n where i % 7 != 0 { rows[i % 2].append(i) }
        for i in stride(from: 0, to: n, by: 5) { rows[2].append(i) }
        rows[1].reverse()
        let start = [0, rows[0].count, rows[0].count + rows[1].count, rows.joined().count]
        let all = Array(rows.joined())
        let domains = DomainRatios(start: start, row: all, numerator: all.map { _ in value() },
                                   denominator: all.map { Double($0 % 3 + 1) })
        for count in [1, 4, 6] {
            let seeds = MatchedBootstrap.replicateSeeds(count: count + 1, seed: UInt64(count))[1...]
            let both = MatchedBootstrap.replicateSums(columns: x, width: 2, seeds: seeds, domains: domains)
            #expect(both.sums.map(\.bitPattern) == MatchedBootstrap.replicateSums(columns: x, width: 2, seeds: seeds).map(\.bitPattern))
            let expected = Self.referenceDomainSums(n: n, domains: domains, seeds: seeds)
            #expect(both.domainSums.count == count * 3 * 2)
            #expect(both.domainSums.map(\.bitPattern) == expected.map(\.bitPattern), "n \(n), \(count) seeds")
            let plain = MatchedBootstrap.replicateSumsOneByOne(columns: x, width: 2, seeds: seeds, domains: domains)
            #expect(plain.domainSums.map(\.bitPattern) == expected.map(\.bitPattern), "one by one: n \(n), \(count) seeds")
        }
        // Tiny case by hand: n = 2, seed 1's first replicate; domain 0 = row 1 with (3, 1).
        let seeds = MatchedBootstrap.replicateSeeds(count: 1, seed: 1)
        var draw = SeededGenerator(seed: seeds[0])
        var k = [0, 0]
        for _ in 0..<2 { k[draw.index(below: 2)] += 1 }
        let tiny = MatchedBootstrap.replicateSums(columns: [10, 20], width: 1, seeds: seeds[...],
                                                 domains: DomainRatios(start: [0, 1], row: [1], numerator: [3], denominator: [1]))
        #expect(tiny.sums == [Double(10 * k[0] + 20 * k[1])] && tiny.domainSums == [Double(3 * k[1]), Double(k[1])])
    }

    @Test("sizes summed in integers are bit for bit the sums of the sizes as the last column, domains unchanged",
          arguments: [7, 5000])
    func sizesSumLikeALastColumn(n: Int) {
        var g = SeededGenerator(seed: 11)
        func value() -> Double { (Double(g.next() >> 11) / Double(1 << 53) - 0.5) * [1e-3, 1, 1e6][Int(g.next() % 3)] }
        // Mostly 1, as a citizen's number of courses is; some 0, 2, 3 and 40.
        let sizes = (0..<n).map { i in i % 9 == 0 ? [0, 2, 3, 40][(i / 9) % 4] : 1 }
        let x = (0..<(2 * n)).map { _ in value() }
        var withSizes: [Double] = []
        for i in 0..<n { withSizes += [x[2 * i], x[2 * i + 1], Double(sizes[i])] }
        let rows = Array(stride(from: 0, to: n, by: 2))
        let domains = DomainRatios(start: [0, rows.count], row: rows, numerator: rows.map { _ in value() }, denominator: rows.map { Double(sizes[$0]) })
        for count in [1, 4, 7] {
            let seeds = MatchedBootstrap.replicateSeeds(count: count, seed: UInt64(30 + count))[...]
            let split = MatchedBootstrap.replicateSums(columns: x, width: 2, sizes: sizes, seeds: seeds, domains: domains)
            let plain = MatchedBootstrap.replicateSums(columns: withSizes, width: 3, seeds: seeds, domains: domains)
            #expect(split.sums.count == count * 3)
            #expect(split.sums.map(\.bitPattern) == plain.sums.map(\.bitPattern), "n \(n), \(count) seeds")
            #expect(split.domainSums.map(\.bitPattern) == plain.domainSums.map(\.bitPattern))
            #expect(split.sums.map(\.bitPattern) == Self.referenceSums(columns: withSizes, width: 3, seeds: seeds).map(\.bitPattern))
        }
        // By hand: n = 2, sizes 1 and 3: Σ k·size = k₀ + 3k₁ = 2 + 2k₁.
        let seeds = MatchedBootstrap.replicateSeeds(count: 1, seed: 1)
        var draw = SeededGenerator(seed: seeds[0])
        var k = [0, 0]
        for _ in 0..<2 { k[draw.index(below: 2)] += 1 }
        let tiny = MatchedBootstrap.replicateSums(columns: [10, 20], width: 1, sizes: [1, 3], seeds: seeds[...], domains: nil)
        #expect(tiny.sums == [Double(10 * k[0] + 20 * k[1]), Double(2 + 2 * k[1])])
    }

    @Test("four generators in SIMD lanes draw exactly what four SeededGenerators draw, rejections included",
          arguments: [7, 5000, (1 << 62) + 12345])
    func fourGeneratorsAreFourSeededGenerators(bound: Int) {
        // With bound 2⁶² + 12345 about a quarter of the draws are rejected and redrawn on their lane alone.
        let seeds: [UInt64] = [0, 1, 20240518, .max]
        var lanes = FourGenerators(seeds: SIMD4(seeds[0], seeds[1], seeds[2], seeds[3]))
        var scalar = seeds.map { SeededGenerator(seed: $0) }
        let rotations = FourGenerators.Rotations.make()
        var same = true
        for step in 0..<3000 {
            if step % 3 == 0 {
                let v = lanes.next(rotations)
                for r in 0..<4 where v[r] != scalar[r].next() { same = false }
            } else {
                let j = lanes.indices(below: UInt64(bound), rotations)
                let mine = [j.0, j.1, j.2, j.3]
                for r in 0..<4 where mine[r] != scalar[r].index(below: bound) { same = false }
            }
        }
        #expect(same)
    }
}
