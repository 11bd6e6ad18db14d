import Testing
@testable import FSIIIEffect
import FSIIIStatistics

/// The matched comparison's bootstrap over treated citizens splits its
/// replicates over the cores and shares one set of draws between outcomes;
/// neither may change a figure.
@Suite("Clustered ATT: threads and shared draws change nothing")
struct ClusteredATTParallelTests {
    /// 3,000 courses of 1,900 citizens (some with several courses), two outcomes.
    static func data() -> (citizens: [UInt32], y: [Double], m: [Double], improved: [Double], controlImproved: [Double]) {
        var g = SeededGenerator(seed: 5)
        var citizens: [UInt32] = [], y: [Double] = [], m: [Double] = [], yi: [Double] = [], mi: [Double] = []
        for _ in 0..<3_000 {
            citizens.append(UInt32(g.index(below: 1_900)))
            y.append(Double(g.index(below: 1_000)) / 250 - 2)
            m.append(Double(g.index(below: 1_000)) / 300 - 1.5)
            yi.append(g.index(below: 2) == 0 ? 1 : 0)
            mi.append(Double(g.index(below: 4)) / 3)
        }
        return (citizens, y, m, yi, mi)
    }

    /// The estimate as it was computed before the shared draws: one bootstrap
    /// of the per-citizen sums and one of the sizes, each from the seed.
    static func reference(citizens: [UInt32], y: [Double], m: [Double], replicates: Int, seed: UInt64) -> Interval {
        var slot: [UInt32: Int] = [:]
        var sums: [Double] = [], sizes: [Double] = []
        for i in citizens.indices {
            let s = slot[citizens[i]] ?? { slot[citizens[i]] = sums.count; sums.append(0); sizes.append(0); return sums.count - 1 }()
            sums[s] += y[i] - m[i]
            sizes[s] += 1
        }
        let d = MatchedBootstrap.replicates(sums, count: replicates, seed: seed)
        let k = MatchedBootstrap.replicates(sizes, count: replicates, seed: seed)
        let att = zip(d, k).map { $1 > 0 ? $0 / $1 : 0 }.sorted()
        return Interval(low: Percentile.linear(sorted: att, (1 - 0.95) / 2), high: Percentile.linear(sorted: att, (1 + 0.95) / 2))
    }

    @Test("one, two and eight workers give the same estimates, bit for bit, as the two-pass bootstrap")
    func threadsChangeNothing() throws {
        let d = Self.data()
        let outcomes = [(treated: d.y, controls: d.m), (treated: d.improved, controls: d.controlImproved)]
        let serial = ClusteredATT.estimates(citizens: d.citizens, outcomes: outcomes, replicates: 199, seed: 42, workers: 1)
        for workers in [2, 3, 8] {
            let parallel = ClusteredATT.estimates(citizens: d.citizens, outcomes: outcomes, replicates: 199, seed: 42, workers: workers)
            #expect(parallel == serial)
        }
        let mean = try #require(serial[0]), share = try #require(serial[1])
        #expect(mean.interval == Self.reference(citizens: d.citizens, y: d.y, m: d.m, replicates: 199, seed: 42))
        #expect(share.interval == Self.reference(citizens: d.citizens, y: d.improved, m: d.controlImproved, replicates: 199, seed: 42))
        // An outcome alone gets the same estimate as beside another.
        #expect(ClusteredATT.estimate(citizens: d.citizens, treated: d.improved, controls: d.controlImproved,
                                      replicates: 199, seed: 42) == share)
        #expect(mean.citizens == Set(d.citizens).count && mean.courses == 3_000)
    }

    @Test("a domain's effect, means and counts are its courses' own; its interval is the domain ratio of the whole's resamples, on any number of threads")
    func domains() throws {
        let d = Self.data()
        var g = SeededGenerator(seed: 11)
        // Four domains at random per course (so citizens span domains), and domain 4: citizen 7's courses alone.
        var domain = d.citizens.map { _ in Int32(g.index(below: 4)) }
        for i in d.citizens.indices where d.citizens[i] == 7 { domain[i] = 4 }
        let own = d.citizens.indices.filter { d.citizens[$0] == 7 }
        #expect(own.count >= 1)
        let outcomes = [(treated: d.y, controls: d.m), (treated: d.improved, controls: d.controlImproved)]
        let (overall, byDomain) = ClusteredATT.estimates(citizens: d.citizens, outcomes: outcomes, replicates: 199, seed: 42,
                                                         workers: 1, domains: (domain, 5))
        #expect(overall == ClusteredATT.estimates(citizens: d.citizens, outcomes: outcomes, replicates: 199, seed: 42, workers: 1))
        for workers in [2, 8] {
            let parallel = ClusteredATT.estimates(citizens: d.citizens, outcomes: outcomes, replicates: 199, seed: 42,
                                                  workers: workers, domains: (domain, 5))
            #expect(parallel.overall == overall && parallel.domains == byDomain)
        }
        // The clusters' draws as documented (citizens numbered by first course), for the reference ratios.
        var cluster: [UInt32: Int] = [:]
        for c in d.citizens where cluster[c] == nil { cluster[c] = cluster.count }
        let seeds = MatchedBootstrap.replicateSeeds(count: 199, seed: 42)
        let counts: [[Int]] = seeds.map { seed in
            var draw = SeededGenerator(seed: seed)
            var k = [Int](repeating: 0, count: cluster.count)
            for _ in 0..<cluster.count { k[draw.index(below: cluster.count)] += 1 }
            return k
        }
        for k in 0..<5 {
            let members = d.citizens.indices.filter { domain[$0] == Int32(k) }
            let alone = try #require(ClusteredATT.estimate(citizens: members.map { d.citizens[$0] }, treated: members.map { d.y[$0] },
                                                           controls: members.map { d.m[$0] }, replicates: 0, seed: 42))
            let mine = try #require(byDomain[k])
            #expect(mine.effect == alone.effect && mine.treatedMean == alone.treatedMean && mine.controlMean == alone.controlMean)
            #expect(mine.courses == alone.courses && mine.citizens == alone.citizens)
            // Σ k_c D_cg / Σ k_c n_cg, the domain's citizens in order of first course there; undrawn replicates left out.
            var order: [UInt32] = [], sums: [UInt32: (d: Double, n: Double)] = [:]
            for i in members {
                if sums[d.citizens[i]] == nil { order.append(d.citizens[i]) }
                sums[d.citizens[i], default: (0, 0)].d += d.y[i] - d.m[i]
                sums[d.citizens[i], default: (0, 0)].n += 1
            }
            let ratios = counts.compactMap { kc -> Double? in
                var a = 0.0, b = 0.0
                for c in order {
                    a += Double(kc[cluster[c]!]) * sums[c]!.d
                    b += Double(kc[cluster[c]!]) * sums[c]!.n
                }
                return b > 0 ? a / b : nil
            }.sorted()
            #expect(mine.interval == Interval(low: Percentile.linear(sorted: ratios, (1 - 0.95) / 2), high: Percentile.linear(sorted: ratios, (1 + 0.95) / 2)))
            if k == 4 {
                // One citizen: every replicate that draws it has its own ratio; about e⁻¹ of them do not.
                #expect(ratios.count < 199 && ratios.count > 100)
                #expect(mine.interval?.low == mine.interval?.high && mine.citizens == 1 && mine.courses == own.count)
            }
        }
    }

    @Test("the replicate sums of several columns are each column's own replicates")
    func sharedColumns() {
        let a: [Double] = [0.5, -1, 2, 0.25, 3, -0.75, 1, 0.125]
        let b: [Double] = [1, 1, 2, 1, 1, 3, 1, 1]
        let c: [Double] = [-3, 0, 0.5, 7, 1, 1, -2, 0.0625]
        let seeds = MatchedBootstrap.replicateSeeds(count: 50, seed: 9)
        for columns in [[a], [a, b], [a, b, c]] {
            let width = columns.count
            let rowMajor = (0..<a.count).flatMap { i in columns.map { $0[i] } }
            let sums = MatchedBootstrap.replicateSums(columns: rowMajor, width: width, seeds: seeds[...])
            for (j, column) in columns.enumerated() {
                let alone = MatchedBootstrap.replicates(column, count: 50, seed: 9)
                #expect((0..<50).map { sums[$0 * width + j] / Double(a.count) } == alone)
            }
        }
        // A later block of seeds gives the later replicates.
        let tail = MatchedBootstrap.replicateSums(columns: a, width: 1, seeds: seeds[20..<50])
        #expect(tail.map { $0 / Double(a.count) } == Array(MatchedBootstrap.replicates(a, count: 50, seed: 9)[20...]))
    }
}
