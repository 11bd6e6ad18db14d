import Testing
@testable import FSIIIStatistics

@Suite("Standardised mean difference (balance)")
struct StandardizedMeanDifferenceTests {
    typealias Accuracy = StatisticsAccuracy

    @Test("before and after matching, with the denominator from before")
    func beforeAndAfter() throws {
        // Treated 1, 2, 3, 4: mean 2.5, s² = 5/3. Candidates 0, 1, 1, 2, 6: mean 2,
        // s² = (4 + 1 + 1 + 0 + 16)/4 = 5.5. SD = √((5/3 + 5.5)/2) = √(43/12).
        // Before: 0.5/√(43/12). After: matched treated 1, 2, 3 (mean 2); controls
        // weighted 0, 0.5, 1.5, 1, 0: (0.5·1 + 1.5·1 + 1·2)/3 = 4/3; (2 − 4/3)/√(43/12).
        let d = try #require(StandardizedMeanDifference(treated: [1, 2, 3, 4], candidates: [0, 1, 1, 2, 6],
                                                         treatedWeights: [1, 1, 1, 0], controlWeights: [0, 0.5, 1.5, 1, 0]))
        let sd = (43.0 / 12).squareRoot()
        #expect(Accuracy.relativeError(d.standardDeviation, sd) <= 1e-15)
        #expect(Accuracy.relativeError(d.before, 0.5 / sd) <= 1e-15)
        #expect(Accuracy.relativeError(try #require(d.after), (2.0 / 3) / sd) <= 1e-14)
        #expect(d.treatedMeanAfter == 2)
        #expect(Accuracy.relativeError(try #require(d.controlMeanAfter), 4.0 / 3) <= 1e-15)
        #expect(d.isImbalancedAfterMatching == true)
    }

    @Test("a binary covariate uses the same formula on 0/1 (sample variances)")
    func binary() throws {
        // Treated 1, 1, 0, 1: p = 3/4, s² = 4·(3/4)(1/4)/3 = 1/4. Candidates 0, 0, 1, 0, 0, 1:
        // p = 1/3, s² = 6·(1/3)(2/3)/5 = 4/15. d = (3/4 − 1/3)/√((1/4 + 4/15)/2) = (5/12)/√(31/120).
        let d = try #require(StandardizedMeanDifference(treated: [1, 1, 0, 1], candidates: [0, 0, 1, 0, 0, 1]))
        #expect(Accuracy.relativeError(d.before, (5.0 / 12) / (31.0 / 120).squareRoot()) <= 1e-14)
        #expect(d.after == nil && d.isImbalancedAfterMatching == nil)
    }

    @Test("weights proportional to each other give the same after; balance below 0.1 is not flagged")
    func weightScale() throws {
        let treated = [3.0, 4, 5, 6], candidates = [2.0, 4, 5, 7, 9]
        let a = try #require(StandardizedMeanDifference(treated: treated, candidates: candidates,
                                                         treatedWeights: [1, 1, 1, 1], controlWeights: [1, 1, 1, 1, 0]))
        let b = try #require(StandardizedMeanDifference(treated: treated, candidates: candidates,
                                                         treatedWeights: [2, 2, 2, 2], controlWeights: [0.5, 0.5, 0.5, 0.5, 0]))
        // Treated mean 4.5, control mean (2 + 4 + 5 + 7)/4 = 4.5: after = 0.
        #expect(a.after == 0 && b.after == 0)
        #expect(a.isImbalancedAfterMatching == false)
    }

    @Test("constant in both groups: 0 when equal, ±∞ when not; too few values: nil")
    func degenerate() throws {
        #expect(try #require(StandardizedMeanDifference(treated: [1, 1], candidates: [1, 1, 1])).before == 0)
        #expect(try #require(StandardizedMeanDifference(treated: [1, 1], candidates: [0, 0])).before == .infinity)
        #expect(try #require(StandardizedMeanDifference(treated: [0, 0], candidates: [1, 1])).before == -.infinity)
        #expect(StandardizedMeanDifference(treated: [1], candidates: [0, 2]) == nil)
        let noMatches = try #require(StandardizedMeanDifference(treated: [1, 2], candidates: [0, 2],
                                                                 treatedWeights: [0, 0], controlWeights: [1, 1]))
        #expect(noMatches.after == nil)
    }

    @Test("every column at once from the rows is each column's own SMD, bit for bit, with and without weights; degenerate columns nil or ±∞")
    func allColumns() {
        var g = SeededGenerator(seed: 21)
        let n = 5_000, nt = 1_300, p = 7
        // Continuous of mixed scale, 0/1 dummies, a constant column, a column constant per group, one with an infinity.
        var x = [Double](repeating: 0, count: n * p)
        for i in 0..<n {
            x[i * p] = 1
            x[i * p + 1] = (Double(g.next() >> 11) / Double(1 << 53) - 0.3) * 1e3
            x[i * p + 2] = g.index(below: 3) == 0 ? 1 : 0
            x[i * p + 3] = i % 7 == 0 ? -0.0 : Double(g.index(below: 5)) / 4   // a −0 is no entry of the sparse form
            x[i * p + 4] = i < nt ? 2 : 0
            x[i * p + 5] = Double(g.index(below: 1000)) * 1e-7
            x[i * p + 6] = i == 4_000 ? .infinity : 1
        }
        let design = DesignMatrix(columnNames: (0..<p).map { "x\($0)" }, rowMajor: x)
        // The same matrix held by its nonzero entries, as CovariateDesign builds it.
        let sparse = DesignMatrix(columnNames: design.columnNames, sparse: SparseRows(x, columns: p))
        #expect(sparse == design)
        let tw = (0..<nt).map { _ in g.index(below: 4) == 0 ? 0.0 : 1.0 }
        let cw = (0..<(n - nt)).map { _ in [0, 0, 1.0 / 3, 2.0 / 3, 1][g.index(below: 5)] }
        let wanted = [6, 1, 2, 3, 4, 5, 0, 3]   // column 3 twice
        for weights in [false, true] {
            let all = StandardizedMeanDifference.columns(of: design, treatedRows: nt, columns: wanted,
                                                         treatedWeights: weights ? tw : nil, controlWeights: weights ? cw : nil)
            let one = wanted.map { j in
                StandardizedMeanDifference(treated: Array(design.column(j)[0..<nt]), candidates: Array(design.column(j)[nt...]),
                                           treatedWeights: weights ? tw : nil, controlWeights: weights ? cw : nil)
            }
            #expect(all == one)
            let fromEntries = StandardizedMeanDifference.columns(of: sparse, treatedRows: nt, columns: wanted,
                                                                 treatedWeights: weights ? tw : nil, controlWeights: weights ? cw : nil)
            #expect(fromEntries == one)
            #expect(all[0] == nil && all[6]?.before == 0 && all[4]?.before == .infinity && all[7] == all[3])
            #expect(all[1]?.after == nil || weights)
        }
        // Too few in a group: nil everywhere; weights that cannot serve: no "after".
        #expect(StandardizedMeanDifference.columns(of: design, treatedRows: 1, columns: [1]) == [nil])
        let bad = StandardizedMeanDifference.columns(of: design, treatedRows: nt, columns: [1],
                                                     treatedWeights: tw.map { _ in -1 }, controlWeights: cw)
        #expect(bad[0] != nil && bad[0]?.after == nil)
    }
}
