import Testing
@testable import FSIIIStatistics

@Suite("Percentiles, median and winsorising")
struct PercentileTests {
    // stat_values.json "percentile_linear": numpy.percentile(values, [10, 90]) and
    // numpy.median(values), numpy 2.4.6. Percentile.linear reproduces numpy's
    // interpolation step for step, so these agree exactly.
    static let table: [(values: [Double], p10: Double, p90: Double, median: Double)] = [
        ([-1.19], -1.19, -1.19, -1.19),
        ([-1.867, 1.479], -1.5324, 1.1444, -0.19399999999999995),
        ([2.772, 3.43, 2.026, 3.782, -3.087], -1.0418000000000003, 3.6412, 2.772),
        ([3.638, -1.157, -1.273, -1.715, 2.144, 2.42, -3.689, -0.207, 1.414, -2.064, 1.509, -0.133],
         -2.0291, 2.3924, -0.16999999999999998),
    ]

    @Test("10th and 90th percentiles and the median match numpy exactly")
    func matchesReference() {
        for (values, p10, p90, median) in Self.table {
            let sorted = values.sorted()
            #expect(Percentile.linear(sorted: sorted, 0.1) == p10, "\(values)")
            #expect(Percentile.linear(sorted: sorted, 0.9) == p90, "\(values)")
            #expect(Percentile.median(values) == median, "\(values)")
            #expect(Percentile.linear(sorted: sorted, 0.5) == median, "\(values)")
        }
    }

    @Test("one value is every percentile of itself")
    func oneValue() {
        for p in [0, 0.1, 0.5, 0.9, 1] {
            #expect(Percentile.linear(sorted: [4.25], p) == 4.25)
        }
        #expect(Percentile.median([4.25]) == 4.25)
    }

    @Test("p = 0 and p = 1 are the minimum and the maximum; type 7 in between")
    func ends() {
        let sorted: [Double] = [1, 2, 4, 8]
        #expect(Percentile.linear(sorted: sorted, 0) == 1)
        #expect(Percentile.linear(sorted: sorted, 1) == 8)
        // h = 3·0.5 = 1.5: halfway between 2 and 4
        #expect(Percentile.linear(sorted: sorted, 0.5) == 3)
        // h = 3·0.25 = 0.75: 1 + 0.75·(2 − 1)
        #expect(Percentile.linear(sorted: sorted, 0.25) == 1.75)
    }

    @Test("selection gives the sorted order's k-th value, and the median the sorted middle, on 2,000 random arrays with ties")
    func selectionEqualsSorting() {
        var random = SeededGenerator(seed: 7_919)
        func next(_ n: Int) -> Int { random.index(below: n) }
        for round in 0..<2_000 {
            let count = 1 + next(round % 10 == 0 ? 5_000 : 40)
            // Few distinct values (course changes), or many; negative too.
            let spread = [3, 17, 1_000_000][next(3)]
            let values = (0..<count).map { _ in Double(next(spread) - spread / 2) / 4 }
            let sorted = values.sorted()
            let k = next(count)
            var v = values
            #expect(Percentile.select(&v, k) == sorted[k])
            #expect(v[k] == sorted[k] && v[..<k].allSatisfy { $0 <= sorted[k] } && v[(k + 1)...].allSatisfy { $0 >= sorted[k] })
            #expect(v.sorted() == sorted, "a permutation")
            let middle = count / 2
            #expect(Percentile.median(values) == (count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2))
        }
        // Already sorted, reversed and constant inputs (bad cases for naive pivots).
        for values in [(0..<10_000).map(Double.init), (0..<10_000).reversed().map(Double.init), [Double](repeating: 2.5, count: 9_999)] {
            #expect(Percentile.median(values) == Percentile.linear(sorted: values.sorted(), 0.5))
        }
    }

    @Test("median of nothing is nil, of NaN is NaN")
    func medianEdges() throws {
        #expect(Percentile.median([]) == nil)
        #expect(try #require(Percentile.median([1, .nan, 3])).isNaN)
        #expect(Percentile.median([3, 1, 2, 10]) == 2.5)
    }

    @Test("winsorising 12 values at the 10th and 90th percentiles")
    func winsorizeTwelve() {
        // numpy 2.4.6: v = np.array(values); np.clip(v, np.percentile(v, 10), np.percentile(v, 90))
        // Limits: h = 11·0.1 = 1.1 gives −2.064 + 0.1·0.349 = −2.0291, h = 9.9 gives
        // 2.144 + 0.9·0.276 = 2.3924; two values are raised, two lowered, the rest kept in place.
        let values: [Double] = [3.638, -1.157, -1.273, -1.715, 2.144, 2.42, -3.689, -0.207, 1.414, -2.064, 1.509, -0.133]
        let expected: [Double] = [2.3924, -1.157, -1.273, -1.715, 2.144, 2.3924, -2.0291, -0.207, 1.414, -2.0291, 1.509, -0.133]
        #expect(Percentile.winsorized(values, lower: 0.1, upper: 0.9) == expected)
    }

    @Test("winsorising keeps order and count; nothing in, nothing out")
    func winsorizeEdges() {
        #expect(Percentile.winsorized([], lower: 0.1, upper: 0.9) == [])
        #expect(Percentile.winsorized([7], lower: 0.1, upper: 0.9) == [7])
        #expect(Percentile.winsorized([5, 1, 3], lower: 0, upper: 1) == [5, 1, 3])
    }
}
