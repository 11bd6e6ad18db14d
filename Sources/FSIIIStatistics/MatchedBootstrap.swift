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
    ///
    /// How, for speed (the sums are the same bits as one replicate at a
    /// time): the replicates go in groups of four (the last group may have
    /// empty lanes). Each replicate draws its n indices on its own
    /// generator, as specified (a full group's four generators run side by
    /// side in SIMD lanes, ``FourGenerators``; a last, partial group's one
    /// after another), into its lane of a one-byte tally interleaved by
    /// replicate (tally[4i + r], 4n bytes: as small as one 32-bit tally,
    /// so the random increments stay in cache). Then one pass
    /// over i = 0 … n−1 reads row i once for all four replicates and keeps
    /// each replicate's own accumulators, two replicates to a SIMD2 lane
    /// pair: lane r computes s_r + k_r·x exactly as the scalar
    /// `s += Double(k) * x` does (IEEE multiply, then add; no fused
    /// multiply-add), in the same order, so every sum is bit for bit the
    /// one-at-a-time sum. The pass also resets the tally. The four
    /// independent accumulator chains per column hide the add latency that
    /// bounds a single replicate's pass. (The draws are bound by the
    /// generator's instruction count, not its latency: four scalar
    /// generators interleaved measured slower, four in SIMD lanes faster.)
    ///
    /// A count above 255 would wrap its byte; the pass detects it exactly
    /// (a lane's counts then sum to n − 256·w, w ≥ 1 wraps, w < 2²⁴
    /// because n < 2³², so the sum modulo 2³² differs from n) and the group
    /// is then redone one replicate at a time with 32-bit counts
    /// (``replicateSumsOneByOne(columns:width:seeds:)``). With n draws over n
    /// units a count of 256 is practically impossible, but it is handled.
    public static func replicateSums(columns: [Double], width: Int, seeds: ArraySlice<UInt64>) -> [Double] {
        replicateSums(columns: columns, width: width, seeds: seeds, domains: nil).sums
    }

    /// ``replicateSums(columns:width:seeds:)`` and, from the same draws,
    /// each replicate's sums of every domain of `domains`
    /// (``DomainRatios``): for replicate b and domain g, Σ k_i·numerator_e
    /// and Σ k_i·denominator_e over the entries e of domain g (row i =
    /// `row[e]`), in the entries' order, each term
    /// `s + Double(k) * x` as the columns' are. `domainSums` holds
    /// `seeds.count × domainCount` pairs (numerator sum, denominator sum),
    /// replicate-major; empty without `domains`.
    ///
    /// This is the bootstrap of a domain (subgroup) estimate from the
    /// resamples of the whole: a domain's m rows get counts whose total is
    /// Binomial(n, m/n), for m ≪ n nearly independent Poisson(1) counts —
    /// the Poisson bootstrap of the domain's own rows (Hanley, J. A. &
    /// MacGibbon, B. (2006), "Creating non-parametric bootstrap samples
    /// using Poisson frequencies", Computer Methods and Programs in
    /// Biomedicine 83(1), 57–62). Every domain costs one pass over its
    /// entries per four replicates instead of its own m draws per replicate.
    public static func replicateSums(columns: [Double], width: Int, seeds: ArraySlice<UInt64>,
                                     domains: DomainRatios?) -> (sums: [Double], domainSums: [Double]) {
        replicateSums(columns: columns, width: width, sizes: nil, seeds: seeds, domains: domains)
    }

    /// ``replicateSums(columns:width:seeds:domains:)`` with one column more,
    /// `sizes` (a whole number ≥ 0 per row, such as a cluster's number of
    /// courses), whose sums Σᵢ kᵢ·sizes[i] are worked out in integers: a
    /// replicate's n counts add up to n, so the sum is n + Σ kᵢ·(sizes[i] − 1)
    /// over the rows whose size is not 1, a pass over those rows only. The
    /// floating sum of such a column is the same number, bit for bit (its
    /// terms and partial sums are whole numbers below 2⁵³, added exactly in
    /// any order), so `sums` holds, `width + 1` per replicate, what it would
    /// hold with `sizes` as the last column of `columns`.
    public static func replicateSums(columns: [Double], width: Int, sizes: [Int], seeds: ArraySlice<UInt64>,
                                     domains: DomainRatios?) -> (sums: [Double], domainSums: [Double]) {
        replicateSums(columns: columns, width: width, sizes: .some(sizes), seeds: seeds, domains: domains)
    }

    private static func replicateSums(columns: [Double], width: Int, sizes: [Int]?, seeds: ArraySlice<UInt64>,
                                      domains: DomainRatios?) -> (sums: [Double], domainSums: [Double]) {
        precondition(width > 0 && columns.count % width == 0, "row-major columns must fill whole rows")
        let n = columns.count / width
        guard n > 0, !seeds.isEmpty else { return ([], []) }
        precondition(n <= Int(UInt32.max), "too many treated units")
        precondition(domains?.row.allSatisfy { $0 >= 0 && $0 < n } ?? true, "domain entries of existing rows")
        precondition(sizes.map { $0.count == n && $0.allSatisfy { $0 >= 0 } } ?? true, "a whole size ≥ 0 per row")
        // The rows whose size is not 1, with size − 1.
        var odd: [(row: Int, extra: Int64)] = []
        for (i, size) in (sizes ?? []).enumerated() where size != 1 { odd.append((i, Int64(size) - 1)) }
        let outWidth = width + (sizes == nil ? 0 : 1)
        let lanes = 4
        var result = [Double](repeating: 0, count: seeds.count * outWidth)
        let domainCount = domains?.domainCount ?? 0
        var domainResult = [Double](repeating: 0, count: seeds.count * domainCount * 2)
        // A group's domain sums: numerator and denominator of domain g in [2g] and [2g + 1], a lane per replicate.
        var domainGroup = [SIMD4<Double>](repeating: .zero, count: domainCount * 2)
        let tally = UnsafeMutableRawPointer.allocate(byteCount: lanes * n, alignment: lanes)
        tally.initializeMemory(as: UInt8.self, repeating: 0, count: lanes * n)
        defer { tally.deallocate() }
        let counts = tally.assumingMemoryBound(to: UInt8.self)
        let seeds = Array(seeds)
        let bound = UInt64(n), rotations = FourGenerators.Rotations.make()
        let group = UnsafeMutableBufferPointer<Double>.allocate(capacity: lanes * width)   // a group's sums, column-major
        group.initialize(repeating: 0)
        defer { group.deallocate() }
        columns.withUnsafeBufferPointer { x in
            for first in stride(from: 0, to: seeds.count, by: lanes) {
                let used = min(lanes, seeds.count - first)
                if used == lanes {
                    // The four replicates' draws side by side, each exactly its own generator's.
                    var g = FourGenerators(seeds: SIMD4(seeds[first], seeds[first + 1], seeds[first + 2], seeds[first + 3]))
                    for _ in 0..<n {
                        let j = g.indices(below: bound, rotations)
                        counts[4 &* j.0] &+= 1
                        counts[4 &* j.1 &+ 1] &+= 1
                        counts[4 &* j.2 &+ 2] &+= 1
                        counts[4 &* j.3 &+ 3] &+= 1
                    }
                } else {
                    for r in 0..<used {
                        var g = SeededGenerator(seed: seeds[first + r])
                        let lane = counts + r
                        for _ in 0..<n { lane[g.index(below: n) &* lanes] &+= 1 }
                    }
                }
                var extra = SIMD4<Int64>()   // Σ k·(size − 1) over the odd rows, a lane per replicate
                for (row, e) in odd {
                    // Before the columns' pass, which resets the tally.
                    extra &+= SIMD4<Int64>(truncatingIfNeeded: tally.load(fromByteOffset: 4 &* row, as: SIMD4<UInt8>.self)) &* e
                }
                if let domains {
                    // Before the columns' pass, which resets the tally.
                    Self.domainPass(tally: tally, domains: domains, into: &domainGroup)
                    for r in 0..<used {
                        for g in 0..<domainCount {
                            domainResult[((first + r) * domainCount + g) * 2] = domainGroup[2 * g][r]
                            domainResult[((first + r) * domainCount + g) * 2 + 1] = domainGroup[2 * g + 1][r]
                        }
                    }
                }
                var total = SIMD4<UInt32>()
                Self.fourLanePass(n: n, width: width, x: x, out: group) { i in
                    // Row i's four counts as (k₀, k₁) and (k₂, k₃), exactly converted; the row's bytes reset.
                    let bytes = tally.load(fromByteOffset: 4 &* i, as: SIMD4<UInt8>.self)
                    tally.storeBytes(of: 0, toByteOffset: 4 &* i, as: UInt32.self)
                    total &+= SIMD4<UInt32>(truncatingIfNeeded: bytes)
                    let k = SIMD4<Int32>(truncatingIfNeeded: bytes)
                    return (SIMD2<Double>(k.lowHalf), SIMD2<Double>(k.highHalf))
                }
                let o = first * outWidth
                if (0..<used).allSatisfy({ total[$0] == UInt32(truncatingIfNeeded: n) }) {
                    for r in 0..<used {
                        for j in 0..<width { result[o + r * outWidth + j] = group[j * lanes + r] }
                        if sizes != nil { result[o + r * outWidth + width] = Double(Int64(n) + extra[r]) }
                    }
                } else {
                    // A byte wrapped (see above): this group one replicate at a time instead, the sizes as a column.
                    var all = columns
                    if let sizes {
                        all = []
                        all.reserveCapacity(n * outWidth)
                        for i in 0..<n {
                            all.append(contentsOf: columns[(i * width)..<((i + 1) * width)])
                            all.append(Double(sizes[i]))
                        }
                    }
                    let wide = replicateSumsOneByOne(columns: all, width: outWidth, seeds: seeds[first..<(first + used)], domains: domains)
                    result.replaceSubrange(o..<(o + wide.sums.count), with: wide.sums)
                    let od = first * domainCount * 2
                    domainResult.replaceSubrange(od..<(od + wide.domainSums.count), with: wide.domainSums)
                }
            }
        }
        return (result, domainResult)
    }

    /// The domain sums of one group of four replicates from the tally
    /// (tally[4i + r]: row i's count in replicate r), lane r of `out[2g]`
    /// and `out[2g + 1]` being replicate r's numerator and denominator
    /// sums of domain g. Reads the tally and leaves it as it is. A domain at
    /// a time, so each sum is a chain in registers (not a store and reload
    /// per row, as a pass in row order would be when consecutive rows share
    /// a domain).
    private static func domainPass(tally: UnsafeMutableRawPointer, domains d: DomainRatios, into out: inout [SIMD4<Double>]) {
        d.start.withUnsafeBufferPointer { start in
            d.row.withUnsafeBufferPointer { row in
                d.numerator.withUnsafeBufferPointer { numerator in
                    d.denominator.withUnsafeBufferPointer { denominator in
                        for g in 0..<d.domainCount {
                            var a01 = SIMD2<Double>(), a23 = SIMD2<Double>(), b01 = SIMD2<Double>(), b23 = SIMD2<Double>()
                            for e in start[g]..<start[g + 1] {
                                let bytes = tally.load(fromByteOffset: 4 &* row[e], as: SIMD4<UInt8>.self)
                                let k = SIMD4<Int32>(truncatingIfNeeded: bytes)
                                let k01 = SIMD2<Double>(k.lowHalf), k23 = SIMD2<Double>(k.highHalf)
                                let x = SIMD2(repeating: numerator[e]), y = SIMD2(repeating: denominator[e])
                                a01 += k01 * x; a23 += k23 * x
                                b01 += k01 * y; b23 += k23 * y
                            }
                            out[2 * g] = SIMD4(lowHalf: a01, highHalf: a23)
                            out[2 * g + 1] = SIMD4(lowHalf: b01, highHalf: b23)
                        }
                    }
                }
            }
        }
    }

    /// Σᵢ kᵢ,r·x[i·width + j] for the four lanes r into out[4j + r],
    /// each in the order i = 0 … n−1 with the one-at-a-time operations;
    /// `counts(i)` gives row i's counts as the pairs (k₀, k₁), (k₂, k₃).
    @inline(__always)
    private static func fourLanePass(n: Int, width: Int, x: UnsafeBufferPointer<Double>, out: UnsafeMutableBufferPointer<Double>,
                                     counts: (Int) -> (SIMD2<Double>, SIMD2<Double>)) {
        // Column-major, so that a pair of lanes is stored as it is held.
        @inline(__always) func store(_ pair: SIMD2<Double>, lanes first: Int, column j: Int) {
            out[4 * j + first] = pair[0]
            out[4 * j + first + 1] = pair[1]
        }
        switch width {
        case 1:
            var s01 = SIMD2<Double>(), s23 = SIMD2<Double>()
            for i in 0..<n {
                let (k01, k23) = counts(i)
                let v = SIMD2(repeating: x[i])
                s01 += k01 * v; s23 += k23 * v
            }
            store(s01, lanes: 0, column: 0); store(s23, lanes: 2, column: 0)
        case 2:
            var a01 = SIMD2<Double>(), a23 = SIMD2<Double>(), b01 = SIMD2<Double>(), b23 = SIMD2<Double>()
            for i in 0..<n {
                let (k01, k23) = counts(i)
                let v0 = SIMD2(repeating: x[2 * i]), v1 = SIMD2(repeating: x[2 * i + 1])
                a01 += k01 * v0; a23 += k23 * v0
                b01 += k01 * v1; b23 += k23 * v1
            }
            store(a01, lanes: 0, column: 0); store(a23, lanes: 2, column: 0)
            store(b01, lanes: 0, column: 1); store(b23, lanes: 2, column: 1)
        case 3:
            var a01 = SIMD2<Double>(), a23 = SIMD2<Double>(), b01 = SIMD2<Double>(), b23 = SIMD2<Double>()
            var c01 = SIMD2<Double>(), c23 = SIMD2<Double>()
            for i in 0..<n {
                let (k01, k23) = counts(i)
                let v0 = SIMD2(repeating: x[3 * i]), v1 = SIMD2(repeating: x[3 * i + 1]), v2 = SIMD2(repeating: x[3 * i + 2])
                a01 += k01 * v0; a23 += k23 * v0
                b01 += k01 * v1; b23 += k23 * v1
                c01 += k01 * v2; c23 += k23 * v2
            }
            store(a01, lanes: 0, column: 0); store(a23, lanes: 2, column: 0)
            store(b01, lanes: 0, column: 1); store(b23, lanes: 2, column: 1)
            store(c01, lanes: 0, column: 2); store(c23, lanes: 2, column: 2)
        default:
            for j in 0..<(4 * width) { out[j] = 0 }
            for i in 0..<n {
                let (k01, k23) = counts(i)
                for j in 0..<width {
                    let v = SIMD2(repeating: x[i * width + j])
                    store(SIMD2(out[4 * j], out[4 * j + 1]) + k01 * v, lanes: 0, column: j)
                    store(SIMD2(out[4 * j + 2], out[4 * j + 3]) + k23 * v, lanes: 2, column: j)
                }
            }
        }
    }

    /// ``replicateSums(columns:width:seeds:)`` one replicate at a time with
    /// 32-bit counts: the plain form of the same sums, used when a
    /// one-byte count would wrap.
    static func replicateSumsOneByOne(columns: [Double], width: Int, seeds: ArraySlice<UInt64>,
                                      domains: DomainRatios? = nil) -> (sums: [Double], domainSums: [Double]) {
        precondition(width > 0 && columns.count % width == 0, "row-major columns must fill whole rows")
        let n = columns.count / width
        guard n > 0, !seeds.isEmpty else { return ([], []) }
        precondition(n <= Int(UInt32.max), "too many treated units")
        var result = [Double](repeating: 0, count: seeds.count * width)
        let domainCount = domains?.domainCount ?? 0
        var domainResult = [Double](repeating: 0, count: seeds.count * domainCount * 2)
        precondition(domains?.row.allSatisfy { $0 >= 0 && $0 < n } ?? true, "domain entries of existing rows")
        let tally = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: n)
        tally.initialize(repeating: 0)
        defer { tally.deallocate() }
        columns.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { out in
                for (b, seed) in seeds.enumerated() {
                    var g = SeededGenerator(seed: seed)
                    for _ in 0..<n { tally[g.index(below: n)] &+= 1 }
                    if let d = domains {
                        for g in 0..<domainCount {
                            var a = 0.0, c = 0.0
                            for e in d.start[g]..<d.start[g + 1] {
                                let k = Double(tally[d.row[e]])
                                a += k * d.numerator[e]
                                c += k * d.denominator[e]
                            }
                            domainResult[(b * domainCount + g) * 2] = a
                            domainResult[(b * domainCount + g) * 2 + 1] = c
                        }
                    }
                    let o = b * width
                    for i in 0..<n {
                        let k = Double(tally[i])
                        for j in 0..<width { out[o + j] += k * x[i * width + j] }
                        tally[i] = 0
                    }
                }
            }
        }
        return (result, domainResult)
    }
}

/// Rows' shares of domains (subgroups) for the domain sums of
/// ``MatchedBootstrap/replicateSums(columns:width:seeds:domains:)``, by
/// domain: domain g's entries are `start[g] ..< start[g + 1]`, and entry
/// e adds `numerator[e]` and `denominator[e]` times row `row[e]`'s count
/// to it, in the entries' order (a row may belong to several domains, or
/// to none).
public struct DomainRatios: Sendable, Hashable {
    /// The number of domains, G.
    public var domainCount: Int { start.count - 1 }
    /// G + 1 offsets into the entries, ascending, from 0. (Constants: the
    /// sums read the entries through unchecked pointers, so the offsets
    /// the initializer checked must stay as they are.)
    public let start: [Int]
    public let row: [Int]
    public let numerator: [Double]
    public let denominator: [Double]

    public init(start: [Int], row: [Int], numerator: [Double], denominator: [Double]) {
        precondition(start.first == 0 && start.last == row.count && zip(start, start.dropFirst()).allSatisfy { $0 <= $1 },
                     "entry offsets from 0 to the entry count, ascending")
        precondition(row.count == numerator.count && row.count == denominator.count, "one numerator and denominator per entry")
        self.start = start
        self.row = row
        self.numerator = numerator
        self.denominator = denominator
    }
}

/// Four ``SeededGenerator``s side by side, one per SIMD lane: lane r's
/// outputs and bounded draws are exactly those of
/// `SeededGenerator(seed: seeds[r])` (the same SplitMix64 seeding,
/// xoshiro256** steps and Lemire draws, on 64-bit lanes), so the
/// bootstrap's draws stay as specified. The state updates (shifts, xors,
/// adds; ·5 and ·9 as shifts and adds) run in the vector unit, leaving the
/// general registers to the 128-bit products and the tally increments.
struct FourGenerators {
    private var s0: SIMD4<UInt64>, s1: SIMD4<UInt64>, s2: SIMD4<UInt64>, s3: SIMD4<UInt64>

    /// The rotation amounts of xoshiro256** (7 and 45), as values the
    /// optimizer cannot see: it would otherwise recognise the shift pairs
    /// as rotations, which the baseline x86-64 vector unit lacks, and do
    /// them lane by lane in general registers (much slower). Same values,
    /// same results.
    struct Rotations {
        var left7: UInt64, right57: UInt64, left45: UInt64, right19: UInt64
        @inline(never) static func make() -> Rotations { Rotations(left7: 7, right57: 57, left45: 45, right19: 19) }
    }

    init(seeds: SIMD4<UInt64>) {
        var x = seeds
        func splitMix64() -> SIMD4<UInt64> {
            x &+= SIMD4(repeating: 0x9E37_79B9_7F4A_7C15)
            var z = x
            z = (z ^ (z &>> 30)) &* SIMD4(repeating: 0xBF58_476D_1CE4_E5B9)
            z = (z ^ (z &>> 27)) &* SIMD4(repeating: 0x94D0_49BB_1331_11EB)
            return z ^ (z &>> 31)
        }
        s0 = splitMix64(); s1 = splitMix64(); s2 = splitMix64(); s3 = splitMix64()
    }

    /// The next output of each lane (``SeededGenerator/next()``).
    @inline(__always)
    mutating func next(_ k: Rotations) -> SIMD4<UInt64> {
        let times5 = (s1 &<< 2) &+ s1
        let rotated = (times5 &<< SIMD4(repeating: k.left7)) | (times5 &>> SIMD4(repeating: k.right57))
        let result = (rotated &<< 3) &+ rotated
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 &<< SIMD4(repeating: k.left45)) | (s3 &>> SIMD4(repeating: k.right19))
        return result
    }

    /// The next output of lane r alone (the others stay), for the rare redraw.
    mutating func next(lane r: Int) -> UInt64 {
        let rotl = { (x: UInt64, k: UInt64) in (x << k) | (x >> (64 - k)) }
        let result = rotl(s1[r] &* 5, 7) &* 9
        let t = s1[r] << 17
        s2[r] ^= s0[r]
        s3[r] ^= s1[r]
        s1[r] ^= s2[r]
        s0[r] ^= s3[r]
        s2[r] ^= t
        s3[r] = rotl(s3[r], 45)
        return result
    }

    /// Each lane's ``SeededGenerator/index(below:)`` with `bound` = s > 0:
    /// one output per lane, and for a lane whose product's low half is
    /// below s the same rejection loop on that lane alone. (Each index is
    /// below s, so it fits an Int.)
    @inline(__always)
    mutating func indices(below s: UInt64, _ k: Rotations) -> (Int, Int, Int, Int) {
        let v = next(k)
        let p0 = v[0].multipliedFullWidth(by: s), p1 = v[1].multipliedFullWidth(by: s)
        let p2 = v[2].multipliedFullWidth(by: s), p3 = v[3].multipliedFullWidth(by: s)
        if _fastPath(p0.low >= s && p1.low >= s && p2.low >= s && p3.low >= s) {
            return (Int(truncatingIfNeeded: p0.high), Int(truncatingIfNeeded: p1.high),
                    Int(truncatingIfNeeded: p2.high), Int(truncatingIfNeeded: p3.high))
        }
        var copy = self
        defer { self = copy }
        return (Int(truncatingIfNeeded: copy.redraw(lane: 0, s, p0)), Int(truncatingIfNeeded: copy.redraw(lane: 1, s, p1)),
                Int(truncatingIfNeeded: copy.redraw(lane: 2, s, p2)), Int(truncatingIfNeeded: copy.redraw(lane: 3, s, p3)))
    }

    /// ``SeededGenerator/index(below:)``'s rejection for lane r, from its first product.
    @inline(never)
    private mutating func redraw(lane r: Int, _ s: UInt64, _ first: (high: UInt64, low: UInt64)) -> UInt64 {
        var product = first
        if product.low < s {
            let threshold = (0 &- s) % s
            while product.low < threshold { product = next(lane: r).multipliedFullWidth(by: s) }
        }
        return product.high
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
