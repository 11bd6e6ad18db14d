/// The non-parametric bootstrap of a comparison of group A with reference R
/// (SPEC §8): courses are resampled with replacement within A and within R
/// independently, and each replicate gives a difference in mean cost and in
/// mean effect. Efron, B. & Tibshirani, R. J. (1993), *An Introduction to
/// the Bootstrap*, Chapman & Hall; for cost-effectiveness, Briggs, A. H.,
/// Wonderling, D. E. & Mooney, C. Z. (1997), "Pulling cost-effectiveness
/// analysis up by its bootstraps", Health Economics 6(4), 327–340.
///
/// The draws, exactly, so that another tool can reproduce them bit for bit
/// (the generator is specified on ``SeededGenerator``). A = a₀ … a_{n_A−1}
/// and R = r₀ … r_{n_R−1} are the courses in the order given (the report
/// gives them in course input order), S is the seed:
///
///     master = SeededGenerator(seed: S)
///     for b = 1 … B:
///         seed_b = master.next()                  // the b-th master output
///         g = SeededGenerator(seed: seed_b)       // one generator per replicate
///         cA = eA = 0.0
///         repeat n_A times: i = g.index(below: n_A); cA += a_i.cost; eA += a_i.effect
///         cR = eR = 0.0
///         repeat n_R times: j = g.index(below: n_R); cR += r_j.cost; eR += r_j.effect
///         ΔC_b = cA / n_A − cR / n_R
///         ΔE_b = eA / n_A − eR / n_R
///
/// Sums are IEEE 754 double additions left to right in draw order (not
/// compensated or pairwise: Python's `sum` of floats is compensated since
/// 3.12, so a re-implementation should add in a loop). Because every
/// replicate has its own generator, replicates are computed on both cores
/// and the results do not depend on the number of threads. Every
/// comparison of a report uses the same S, so a group's figures do not
/// change when other groups come or go.
public enum CostBootstrap {
    /// seed₁ … seed_B: the first `count` outputs of `SeededGenerator(seed:)`.
    public static func replicateSeeds(seed: UInt64, count: Int) -> [UInt64] {
        var master = SeededGenerator(seed: seed)
        return (0..<max(0, count)).map { _ in master.next() }
    }

    /// `count` replicates of (ΔC_b, ΔE_b) in replicate order. Empty when
    /// `count` ≤ 0 or either group has no course.
    public static func replicates(a: [CourseSample], r: [CourseSample], count: Int, seed: UInt64) -> BootstrapReplicates {
        guard count > 0, !a.isEmpty, !r.isEmpty else { return BootstrapReplicates(deltaCost: [], deltaEffect: []) }
        let seeds = replicateSeeds(seed: seed, count: count)
        let chunks = Parallel.chunks(count, minimum: 1)
        let parts: [[(Double, Double)]] = a.withUnsafeBufferPointer { a in
            r.withUnsafeBufferPointer { r in
                Parallel.map(0..<chunks.count) { k in chunks[k].map { b in replicate(seed: seeds[b], a: a, r: r) } }
            }
        }
        var deltaCost: [Double] = [], deltaEffect: [Double] = []
        deltaCost.reserveCapacity(count)
        deltaEffect.reserveCapacity(count)
        for part in parts {
            for (c, e) in part {
                deltaCost.append(c)
                deltaEffect.append(e)
            }
        }
        return BootstrapReplicates(deltaCost: deltaCost, deltaEffect: deltaEffect)
    }

    /// One replicate: n_A draws for A, then n_R draws for R, from one generator.
    static func replicate(seed: UInt64, a: UnsafeBufferPointer<CourseSample>, r: UnsafeBufferPointer<CourseSample>) -> (Double, Double) {
        var generator = SeededGenerator(seed: seed)
        let x = resampledSums(a, &generator)
        let y = resampledSums(r, &generator)
        let nA = Double(a.count), nR = Double(r.count)
        return (x.cost / nA - y.cost / nR, x.effect / nA - y.effect / nR)
    }

    /// Σ cost and Σ effect over `samples.count` draws with replacement, in draw order.
    @inline(__always)
    static func resampledSums(_ samples: UnsafeBufferPointer<CourseSample>, _ g: inout SeededGenerator) -> (cost: Double, effect: Double) {
        let n = samples.count
        var cost = 0.0, effect = 0.0
        for _ in 0..<n {
            let s = samples[g.index(below: n)]
            cost += s.cost
            effect += s.effect
        }
        return (cost, effect)
    }
}

/// The bootstrap replicates of one comparison, in replicate order b = 1 … B.
public struct BootstrapReplicates: Sendable, Hashable {
    /// ΔC_b = mean cost of the resampled A − mean cost of the resampled R.
    public var deltaCost: [Double]
    /// ΔE_b = mean effect of the resampled A − mean effect of the resampled R.
    public var deltaEffect: [Double]

    public init(deltaCost: [Double], deltaEffect: [Double]) {
        precondition(deltaCost.count == deltaEffect.count, "one ΔC and one ΔE per replicate")
        self.deltaCost = deltaCost
        self.deltaEffect = deltaEffect
    }

    public var count: Int { deltaCost.count }

    /// INMB_b = λ·ΔE_b − ΔC_b.
    public func inmb(wtp lambda: Double) -> [Double] {
        zip(deltaEffect, deltaCost).map { lambda * $0 - $1 }
    }

    /// The share of replicates with λ·ΔE_b − ΔC_b > 0: the probability
    /// that A is cost-effective at λ, one point of the acceptability curve
    /// (van Hout, B. A. et al. (1994), "Costs, effects and C/E-ratios
    /// alongside a clinical trial", Health Economics 3(5), 309–319; Fenwick,
    /// E., Claxton, K. & Sculpher, M. (2001), "Representing uncertainty: the
    /// role of cost-effectiveness acceptability curves", Health Economics
    /// 10(8), 779–787). nil without replicates.
    public func probabilityCostEffective(wtp lambda: Double) -> Double? {
        guard count > 0 else { return nil }
        var positive = 0
        for b in 0..<count where lambda * deltaEffect[b] - deltaCost[b] > 0 { positive += 1 }
        return Double(positive) / Double(count)
    }
}
