/// The average treatment effect on the treated (ATT) of a matched
/// comparison, with a cluster-bootstrap percentile interval: the treated
/// units are resampled with replacement, each together with its matched
/// set (Austin, P. C. & Small, D. S. (2014), "The use of bootstrapping when
/// using propensity-score matching without replacement: a simulation
/// study", Statistics in Medicine 33(24), 4306–4319; Efron, B. &
/// Tibshirani, R. J. (1993), *An Introduction to the Bootstrap*, §13.3).
///
/// With the matched treated i = 0 … n−1 (in the order given), Yᵢ the
/// outcome of treated i and Mᵢ = Σ_{j ∈ set i} Y_j / mᵢ the mean outcome of
/// its mᵢ controls, Dᵢ = Yᵢ − Mᵢ and
///
///     ATT = (1/n) Σ Dᵢ = mean treated outcome − weighted mean control outcome
///
/// (the weights being ``PropensityMatching/controlWeights``). For a 0/1
/// outcome (improved or not) it is the difference of improved shares.
///
/// The draws, exactly as ``CostBootstrap`` makes them (the generator is
/// specified on ``SeededGenerator``; S is the seed):
///
///     master = SeededGenerator(seed: S)
///     for b = 1 … B:
///         g = SeededGenerator(seed: master.next())   // one generator per replicate
///         k = [0] * n; repeat n times: k[g.index(below: n)] += 1
///         s = 0.0; for i = 0 … n−1: s += k[i]·D_i      // in order, plain double arithmetic
///         ATT_b = s / n
///
/// and the interval is the type-7 percentiles (``Percentile/linear(sorted:_:)``)
/// at (1 − level)/2 and (1 + level)/2 of the sorted ATT_b. The same S gives
/// the same resamples for every outcome, so the interval of the mean
/// change and of the improved share come from the same draws.
///
/// Caveat: with matching *with replacement* a control can serve several
/// treated units, so the Dᵢ are not independent; resampling treated units
/// with their sets ignores that and can make the interval somewhat too
/// narrow when controls are reused heavily (Austin, P. C. & Cafri, G.
/// (2020), "Variance estimation when using propensity-score matching with
/// replacement with survival or time-to-event outcomes", Statistics in
/// Medicine 39(11), 1623–1640). Re-matching inside each replicate is no
/// remedy: the bootstrap of the whole matching estimator is not valid
/// (Abadie, A. & Imbens, G. W. (2008), "On the failure of the bootstrap
/// for matching estimators", Econometrica 76(6), 1537–1557).
public enum MatchedBootstrap {
    /// The ATT from per-treated outcomes and per-treated control means
    /// (both for matched treated only, in the same order).
    ///
    /// - Returns: nil without a matched treated unit; the interval is nil
    ///   when `replicates` ≤ 0 or `level` is not in (0, 1).
    public static func att(treatedOutcomes: [Double], controlMeans: [Double], replicates: Int, seed: UInt64,
                           level: Double = 0.95) -> MatchedEffect? {
        precondition(treatedOutcomes.count == controlMeans.count, "one control mean per treated unit")
        let n = treatedOutcomes.count
        guard n > 0 else { return nil }
        let differences = zip(treatedOutcomes, controlMeans).map { $0 - $1 }
        let treatedMean = treatedOutcomes.reduce(0, +) / Double(n)
        let controlMean = controlMeans.reduce(0, +) / Double(n)
        var interval: Interval?
        if replicates > 0, level > 0, level < 1 {
            let sorted = Self.replicates(differences, count: replicates, seed: seed).sorted()
            interval = Interval(low: Percentile.linear(sorted: sorted, (1 - level) / 2),
                                high: Percentile.linear(sorted: sorted, (1 + level) / 2))
        }
        return MatchedEffect(matchedTreated: n, treatedMean: treatedMean, controlMean: controlMean,
                             estimate: differences.reduce(0, +) / Double(n), interval: interval, replicates: max(0, replicates))
    }

    /// The ATT of an outcome given for every treated unit and every
    /// control of `matching` (unmatched treated are left out).
    public static func att(matching: PropensityMatching, treatedOutcomes: [Double], controlOutcomes: [Double],
                           replicates: Int, seed: UInt64, level: Double = 0.95) -> MatchedEffect? {
        precondition(treatedOutcomes.count == matching.treatedCount, "one outcome per treated unit")
        precondition(controlOutcomes.count == matching.controlWeights.count, "one outcome per control")
        var y: [Double] = [], m: [Double] = []
        for i in 0..<matching.treatedCount {
            let set = matching.controls(ofTreated: i)
            guard !set.isEmpty else { continue }
            y.append(treatedOutcomes[i])
            m.append(set.reduce(0.0) { $0 + controlOutcomes[$1] } / Double(set.count))
        }
        return att(treatedOutcomes: y, controlMeans: m, replicates: replicates, seed: seed, level: level)
    }

    /// The ATT of a binary outcome (improved or not): the improved share of
    /// the matched treated minus the weighted improved share of their
    /// controls, with its interval.
    public static func att(matching: PropensityMatching, treatedImproved: [Bool], controlImproved: [Bool],
                           replicates: Int, seed: UInt64, level: Double = 0.95) -> MatchedEffect? {
        att(matching: matching, treatedOutcomes: treatedImproved.map { $0 ? 1 : 0 },
            controlOutcomes: controlImproved.map { $0 ? 1 : 0 }, replicates: replicates, seed: seed, level: level)
    }

    /// ATT_b for b = 1 … `count`, in replicate order, from the per-treated
    /// differences Dᵢ (the draws of the type's documentation).
    public static func replicates(_ differences: [Double], count: Int, seed: UInt64) -> [Double] {
        let n = differences.count
        guard n > 0, count > 0 else { return [] }
        let sums = replicateSums(columns: differences, width: 1, seeds: replicateSeeds(count: count, seed: seed)[...])
        return sums.map { $0 / Double(n) }
    }

    /// seed_1 … seed_B: the first `count` outputs of `SeededGenerator(seed:)`,
    /// the master generator of the type's documentation. Replicate b's
    /// draws depend on seed_b alone, so any split of the replicates over
    /// threads gives the same replicates.
    public static func replicateSeeds(count: Int, seed: UInt64) -> [UInt64] {
        var master = SeededGenerator(seed: seed)
        return (0..<max(0, count)).map { _ in master.next() }
    }

    /// For each seed in `seeds` (in order) and each of the `width` columns
    /// of `columns` (row-major, n rows × width: row i holds the columns'
    /// values for treated unit i), s = Σᵢ kᵢ·columns[i·width + j] with the
    /// counts kᵢ of that replicate's n draws: exactly the sums of
    /// ``replicates(_:count:seed:)`` for each column alone (each sum runs in
    /// the order i = 0 … n−1), from one set of draws for all columns.
    /// Returns `seeds.count × width` sums, replicate-major. One tally
    /// buffer for all replicates; nothing is allocated per replicate.
    public static func replicateSums(columns: [Double], width: Int, seeds: ArraySlice<UInt64>) -> [Double] {
        precondition(width > 0 && columns.count % width == 0, "row-major columns must fill whole rows")
        let n = columns.count / width
        guard n > 0, !seeds.isEmpty else { return [] }
        precondition(n <= Int(UInt32.max), "too many treated units")
        var result = [Double](repeating: 0, count: seeds.count * width)
        let tally = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: n)
        tally.initialize(repeating: 0)
        defer { tally.deallocate() }
        columns.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { out in
                for (b, seed) in seeds.enumerated() {
                    var g = SeededGenerator(seed: seed)
                    for _ in 0..<n { tally[g.index(below: n)] &+= 1 }
                    let o = b * width
                    if width == 1 {
                        var s = 0.0
                        for i in 0..<n { s += Double(tally[i]) * x[i]; tally[i] = 0 }
                        out[o] = s
                    } else if width == 2 {
                        var s0 = 0.0, s1 = 0.0
                        for i in 0..<n {
                            let k = Double(tally[i])
                            s0 += k * x[2 * i]
                            s1 += k * x[2 * i + 1]
                            tally[i] = 0
                        }
                        out[o] = s0; out[o + 1] = s1
                    } else if width == 3 {
                        var s0 = 0.0, s1 = 0.0, s2 = 0.0
                        for i in 0..<n {
                            let k = Double(tally[i])
                            s0 += k * x[3 * i]
                            s1 += k * x[3 * i + 1]
                            s2 += k * x[3 * i + 2]
                            tally[i] = 0
                        }
                        out[o] = s0; out[o + 1] = s1; out[o + 2] = s2
                    } else {
                        for i in 0..<n {
                            let k = Double(tally[i])
                            for j in 0..<width { out[o + j] += k * x[i * width + j] }
                            tally[i] = 0
                        }
                    }
                }
            }
        }
        return result
    }
}

/// A matched effect estimate with its bootstrap interval.
public struct MatchedEffect: Sendable, Hashable {
    /// n, the matched treated units it rests on.
    public var matchedTreated: Int
    /// (1/n) Σ Yᵢ.
    public var treatedMean: Double
    /// (1/n) Σ Mᵢ, the weighted mean of the controls.
    public var controlMean: Double
    /// ATT = (1/n) Σ (Yᵢ − Mᵢ).
    public var estimate: Double
    /// The percentile interval; nil without replicates.
    public var interval: Interval?
    /// B, the number of replicates.
    public var replicates: Int
}
