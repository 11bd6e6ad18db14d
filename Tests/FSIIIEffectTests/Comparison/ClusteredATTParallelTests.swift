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
