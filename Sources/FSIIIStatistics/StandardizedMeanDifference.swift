/// The standardised mean difference of a covariate between treated and
/// controls, before and after matching: the balance diagnostic of Austin,
/// P. C. (2009), "Balance diagnostics for comparing the distribution of
/// baseline covariates between treatment groups in propensity-score
/// matched samples", Statistics in Medicine 28(25), 3083–3107.
///
///     d = (x̄ₜ − x̄_c) / √((s²ₜ + s²_c)/2)
///
/// - s²ₜ and s²_c are the sample variances (n − 1) of all treated and all
///   candidates **before** matching, and the same denominator serves
///   before and after, so a change in d is a change in the means only
///   (issue 18; Stuart, E. A. (2010), "Matching methods for causal
///   inference: a review and a look forward", Statistical Science 25(1),
///   1–21, §6.1).
/// - Before: unweighted means of all treated and all candidates.
/// - After: x̄ₜ over the matched treated (weight 1, unmatched 0) and x̄_c
///   weighted by the matching weights (1/k per match, summed over reuse):
///   x̄ = Σwᵢxᵢ / Σwᵢ.
/// - Binary covariates: the same formula on 0/1 values, so s² is the
///   sample variance n·p(1 − p)/(n − 1); Austin (2009, eq. 2) writes the
///   Bernoulli variance p(1 − p) instead, which makes |d| smaller by a
///   factor of at most √((n − 1)/n) (under 0.5 % for n ≥ 100).
/// - When both variances are 0, d is 0 for equal means and ±∞ otherwise
///   (a covariate constant in each group but different between them is as
///   unbalanced as it gets).
public struct StandardizedMeanDifference: Sendable, Hashable {
    /// √((s²ₜ + s²_c)/2), from before matching.
    public var standardDeviation: Double
    /// x̄ₜ − x̄_c over all treated and all candidates, divided by the SD.
    public var before: Double
    /// The same for the matched sample (weighted means); nil when no
    /// weights were given or no treated unit or control has weight.
    public var after: Double?
    /// The means of all treated and all candidates (for `before`).
    public var treatedMeanBefore: Double, candidateMeanBefore: Double
    /// The means of the matched treated and the weighted controls (for `after`).
    public var treatedMeanAfter: Double?, controlMeanAfter: Double?

    /// d before (and, with weights, after) matching.
    ///
    /// - Parameters:
    ///   - treated, candidates: the covariate for every treated unit and
    ///     every candidate control (at least two of each).
    ///   - treatedWeights, controlWeights: the matching weights, one per
    ///     treated unit and per candidate (``PropensityMatching/treatedWeights``,
    ///     ``PropensityMatching/controlWeights``), or nil for "before" only.
    /// - Returns: nil when either group has fewer than two values (no
    ///   variance) or a value or weight is not finite.
    public init?(treated: [Double], candidates: [Double], treatedWeights: [Double]? = nil, controlWeights: [Double]? = nil) {
        guard treated.count >= 2, candidates.count >= 2,
              treated.allSatisfy(\.isFinite), candidates.allSatisfy(\.isFinite) else { return nil }
        precondition(treatedWeights.map { $0.count == treated.count } ?? true, "one weight per treated unit")
        precondition(controlWeights.map { $0.count == candidates.count } ?? true, "one weight per candidate")
        let t = Self.moments(treated), c = Self.moments(candidates)
        let sd = ((t.variance + c.variance) / 2).squareRoot()
        standardDeviation = sd
        treatedMeanBefore = t.mean
        candidateMeanBefore = c.mean
        before = Self.standardized(t.mean - c.mean, sd)
        if let tw = treatedWeights, let cw = controlWeights,
           let mt = Self.weightedMean(treated, tw), let mc = Self.weightedMean(candidates, cw) {
            treatedMeanAfter = mt
            controlMeanAfter = mc
            after = Self.standardized(mt - mc, sd)
        } else {
            treatedMeanAfter = nil
            controlMeanAfter = nil
            after = nil
        }
    }

    /// d of every column of a design at once, from its rows: column j's is
    /// `StandardizedMeanDifference(treated:candidates:treatedWeights:controlWeights:)`
    /// of rows 0 ..< `treatedRows` against the rest, bit for bit (every sum
    /// runs over the rows in the same order with the same operations), but
    /// the matrix is read row by row in two passes instead of gathered one
    /// strided column at a time. The columns are split over the cores.
    ///
    /// - Parameters:
    ///   - design: the rows (treated first).
    ///   - treatedRows: nₜ, the treated rows' count.
    ///   - columns: the columns wanted, in the order of the result.
    ///   - treatedWeights, controlWeights: as for the one-column form.
    public static func columns(of design: DesignMatrix, treatedRows nt: Int, columns wanted: [Int],
                               treatedWeights: [Double]? = nil, controlWeights: [Double]? = nil) -> [StandardizedMeanDifference?] {
        let n = design.rowCount, p = design.columnCount, nc = n - nt
        precondition(nt >= 0 && nt <= n, "the treated rows are a prefix of the rows")
        precondition(wanted.allSatisfy { $0 >= 0 && $0 < p }, "column indices in range")
        precondition(treatedWeights.map { $0.count == nt } ?? true, "one weight per treated unit")
        precondition(controlWeights.map { $0.count == nc } ?? true, "one weight per candidate")
        guard nt >= 2, nc >= 2 else { return wanted.map { _ in nil } }
        // Σw over the weighted rows (the same for every column), and whether the weights can serve at all.
        func total(_ w: [Double]?) -> Double? {
            guard let w, w.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
            var total = 0.0
            for weight in w where weight > 0 { total += weight }
            return total
        }
        let tTotal = total(treatedWeights), cTotal = total(controlWeights)
        let weighted = tTotal != nil && cTotal != nil
        // A part of the columns per worker (each column's figures do not depend on the split).
        let per = max(1, (wanted.count + RowBlocks.workers - 1) / RowBlocks.workers)
        let parts = stride(from: 0, to: wanted.count, by: per).map { $0..<min(wanted.count, $0 + per) }
        var out = [StandardizedMeanDifference?](repeating: nil, count: wanted.count)
        let rows = design.sparseRows
        out.withUnsafeMutableBufferPointer { result in
            let shared = Shared(result.baseAddress!)
            rows.withRows { start, column, value in
                RowBlocks.run(parts.count) { k in
                    let mine = parts[k].map { wanted[$0] }
                    let m = mine.count
                    // Row i's values of the wanted columns, from its entries (0 where it has none).
                    let slot = UnsafeMutableBufferPointer<Int>.allocate(capacity: p)
                    slot.initialize(repeating: -1)
                    for (c, j) in mine.enumerated() where slot[j] < 0 { slot[j] = c }
                    let repeated = mine.enumerated().filter { slot[$0.element] != $0.offset }   // a column wanted twice
                    let x = UnsafeMutableBufferPointer<Double>.allocate(capacity: m)
                    defer { slot.deallocate(); x.deallocate() }
                    @inline(__always) func load(_ i: Int) {
                        x.update(repeating: 0)
                        for e in start[i]..<start[i + 1] {
                            let c = slot[Int(column[e])]
                            if c >= 0 { x[c] = value[e] }
                        }
                        for (c, j) in repeated { x[c] = x[slot[j]] }
                    }
                    // Per wanted column: Σx, finiteness, Σwx (pass 1); Σ(x − x̄)², Σ(x − x̄) (pass 2); treated then candidates.
                    // In buffers of their own: arrays written in the loops cost a uniqueness and a bounds check per entry.
                    let sum = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * m), wsum = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * m)
                    let squares = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * m), deviations = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * m)
                    let finite = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 2 * m)
                    for b in [sum, wsum, squares, deviations] { b.initialize(repeating: 0) }
                    finite.initialize(repeating: true)
                    defer { for b in [sum, wsum, squares, deviations] { b.deallocate() }; finite.deallocate() }
                    // Over the rows' entries alone: a 0 adds nothing to a sum that starts at +0 (nor does
                    // w·0), so each sum is the one over every row, bit for bit.
                    func firstPass(_ rows: Range<Int>, _ g: Int, _ w: [Double]?, _ offset: Int) {
                        let sum = sum.baseAddress! + g * m, wsum = wsum.baseAddress! + g * m, finite = finite.baseAddress! + g * m
                        (w ?? []).withUnsafeBufferPointer { w in
                            for i in rows {
                                let weight = w.isEmpty ? 0 : w[i - offset]
                                for e in start[i]..<start[i + 1] {
                                    let c = slot[Int(column[e])]
                                    if c < 0 { continue }
                                    let v = value[e]
                                    sum[c] += v
                                    if !v.isFinite { finite[c] = false }
                                    if weight > 0 { wsum[c] += weight * v }
                                }
                            }
                        }
                    }
                    firstPass(0..<nt, 0, weighted ? treatedWeights : nil, 0)
                    firstPass(nt..<n, 1, weighted ? controlWeights : nil, nt)
                    for (c, j) in repeated {   // a column wanted twice has the figures of its first place
                        for g in 0..<2 {
                            sum[g * m + c] = sum[g * m + slot[j]]
                            wsum[g * m + c] = wsum[g * m + slot[j]]
                            finite[g * m + c] = finite[g * m + slot[j]]
                        }
                    }
                    let mean = (0..<(2 * m)).map { sum[$0] / Double($0 < m ? nt : nc) }
                    mean.withUnsafeBufferPointer { mean in
                        for (g, rows) in [0..<nt, nt..<n].enumerated() {
                            let squares = squares.baseAddress! + g * m, deviations = deviations.baseAddress! + g * m
                            let mean = mean.baseAddress! + g * m
                            for i in rows {
                                load(i)
                                for c in 0..<m {
                                    let d = x[c] - mean[c]
                                    squares[c] += d * d
                                    deviations[c] += d
                                }
                            }
                        }
                    }
                    for c in 0..<m where finite[c] && finite[m + c] {
                        let sd = ((Self.variance(squares: squares[c], deviations: deviations[c], count: nt)
                                   + Self.variance(squares: squares[m + c], deviations: deviations[m + c], count: nc)) / 2).squareRoot()
                        var d = StandardizedMeanDifference(standardDeviation: sd, before: Self.standardized(mean[c] - mean[m + c], sd),
                                                           after: nil, treatedMeanBefore: mean[c], candidateMeanBefore: mean[m + c],
                                                           treatedMeanAfter: nil, controlMeanAfter: nil)
                        if let tTotal, let cTotal, tTotal > 0, cTotal > 0 {
                            let mt = wsum[c] / tTotal, mc = wsum[m + c] / cTotal
                            d.treatedMeanAfter = mt
                            d.controlMeanAfter = mc
                            d.after = Self.standardized(mt - mc, sd)
                        }
                        (shared.value + parts[k].lowerBound + c).pointee = d
                    }
                }
            }
        }
        return out
    }

    private init(standardDeviation: Double, before: Double, after: Double?, treatedMeanBefore: Double, candidateMeanBefore: Double,
                 treatedMeanAfter: Double?, controlMeanAfter: Double?) {
        self.standardDeviation = standardDeviation
        self.before = before
        self.after = after
        self.treatedMeanBefore = treatedMeanBefore
        self.candidateMeanBefore = candidateMeanBefore
        self.treatedMeanAfter = treatedMeanAfter
        self.controlMeanAfter = controlMeanAfter
    }

    /// |d| ≥ 0.1 after matching: the threshold the report names (Austin
    /// 2009, §3.1; Normand, S.-L. T. et al. (2001), J Clin Epidemiol 54(4),
    /// 387–398). nil without an "after".
    public var isImbalancedAfterMatching: Bool? {
        after.map { abs($0) >= 0.1 }
    }

    private static func standardized(_ difference: Double, _ sd: Double) -> Double {
        if sd > 0 { return difference / sd }
        return difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
    }

    /// Mean and sample variance (two-pass).
    private static func moments(_ v: [Double]) -> (mean: Double, variance: Double) {
        let mean = v.reduce(0, +) / Double(v.count)
        var squares = 0.0, deviations = 0.0
        for x in v {
            squares += (x - mean) * (x - mean)
            deviations += x - mean
        }
        return (mean, variance(squares: squares, deviations: deviations, count: v.count))
    }

    /// The sample variance from Σ(x − x̄)² and Σ(x − x̄) over `count`
    /// values (the second sum corrects the rounding of x̄).
    private static func variance(squares: Double, deviations: Double, count: Int) -> Double {
        let n = Double(count)
        return max(0, (squares - deviations * deviations / n) / (n - 1))
    }

    /// Σwᵢxᵢ / Σwᵢ; nil when Σwᵢ is 0 or a weight is negative or not finite.
    static func weightedMean(_ x: [Double], _ w: [Double]) -> Double? {
        guard w.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        var sum = 0.0, total = 0.0
        for (value, weight) in zip(x, w) where weight > 0 {
            sum += weight * value
            total += weight
        }
        return total > 0 ? sum / total : nil
    }
}
