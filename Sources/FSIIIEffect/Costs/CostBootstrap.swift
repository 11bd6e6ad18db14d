import FSIIIBytes
import FSIIIStatistics

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
///         kA = [0] * n_A; repeat n_A times: kA[g.index(below: n_A)] += 1
///         kR = [0] * n_R; repeat n_R times: kR[g.index(below: n_R)] += 1
///         cA = eA = 0.0; for i = 0 … n_A−1: cA += kA[i]·a_i.cost; eA += kA[i]·a_i.effect
///         cR = eR = 0.0; for j = 0 … n_R−1: cR += kR[j]·r_j.cost; eR += kR[j]·r_j.effect
///         ΔC_b = cA / n_A − cR / n_R
///         ΔE_b = eA / n_A − eR / n_R
///
/// That is: all n_A draws for A, then all n_R draws for R, from the
/// replicate's generator; each course counts as often as it was drawn, and
/// the weighted sums run in course order (IEEE 754 double arithmetic, the
/// count converted to a double and multiplied, then added; not
/// compensated or pairwise — Python's `sum` of floats is compensated since
/// 3.12, so a re-implementation should add in a loop). Counting first and
/// summing in course order keeps the random accesses in a small array of
/// counts (one byte per course): a course costs about 3.5 ns of one core
/// per replicate, so B = 2000 over 300 000 courses is about 2 s of CPU
/// (drawing at random from the 5 MB table of costs was 10–30 ns a course).
///
/// Because every replicate has its own generator, replicates are computed
/// on both cores and the results do not depend on the number of threads.
/// Every comparison of a report uses the same S, so a group's figures do
/// not change when other groups come or go.
package enum CostBootstrap {
    /// seed₁ … seed_B: the first `count` outputs of `SeededGenerator(seed:)`.
    package static func replicateSeeds(seed: UInt64, count: Int) -> [UInt64] {
        var master = SeededGenerator(seed: seed)
        return (0..<max(0, count)).map { _ in master.next() }
    }

    /// `count` replicates of (ΔC_b, ΔE_b) in replicate order. Empty when
    /// `count` ≤ 0 or either group has no course.
    package static func replicates(a: [CourseSample], r: [CourseSample], count: Int, seed: UInt64) -> BootstrapReplicates {
        guard count > 0, !a.isEmpty, !r.isEmpty else { return BootstrapReplicates(deltaCost: [], deltaEffect: []) }
        let seeds = replicateSeeds(seed: seed, count: count)
        let chunks = Parallel.chunks(count, minimum: 1)
        let groupA = Columns(a), groupR = Columns(r)
        let parts: [[(Double, Double)]] = Parallel.map(0..<chunks.count) { k in
            // Each chunk of replicates has its own draw counts, reused replicate after replicate.
            var tallyA = DrawCounts(groupA.count), tallyR = DrawCounts(groupR.count)
            return chunks[k].map { b in replicate(seed: seeds[b], a: groupA, r: groupR, tallyA: &tallyA, tallyR: &tallyR) }
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
    static func replicate(seed: UInt64, a: Columns, r: Columns, tallyA: inout DrawCounts, tallyR: inout DrawCounts) -> (Double, Double) {
        var generator = SeededGenerator(seed: seed)
        tallyA.draw(&generator)
        tallyR.draw(&generator)
        let x = tallyA.weightedSums(a), y = tallyR.weightedSums(r)
        let nA = Double(a.count), nR = Double(r.count)
        return (x.cost / nA - y.cost / nR, x.effect / nA - y.effect / nR)
    }

    /// Costs and effects of a group as two arrays, for the summing pass.
    struct Columns: Sendable {
        let cost: [Double]
        let effect: [Double]
        var count: Int { cost.count }

        init(_ samples: [CourseSample]) {
            cost = samples.map(\.cost)
            effect = samples.map(\.effect)
        }
    }

    /// How often each course of a group was drawn in one replicate. Drawing
    /// touches only this array of bytes (300 000 courses: 300 kB, which
    /// stays in a core's cache); the costs and effects are then read once,
    /// in order, instead of at random in a 5 MB table.
    ///
    /// A count lives in one byte; the 256th draw of a course (about never
    /// with n ≥ 256 draws, impossible with fewer) wraps it to 0 and notes
    /// 256 more for that course in `carries`, so every count stays exact.
    struct DrawCounts {
        private var counts: [UInt8]
        /// One entry per 256 draws of a course beyond its byte.
        private var carries: [Int] = []

        init(_ n: Int) { counts = [UInt8](repeating: 0, count: n) }

        var count: Int { counts.count }

        /// n draws `g.index(below: n)`, each adding one to its course.
        mutating func draw(_ g: inout SeededGenerator) {
            let n = counts.count
            counts.withUnsafeMutableBufferPointer { k in
                for _ in 0..<n { Self.add(g.index(below: n), to: k, carries: &carries) }
            }
        }

        /// Adds one draw of course `i` (the drawing loop's step; tests use it to force carries).
        mutating func add(_ i: Int) {
            counts.withUnsafeMutableBufferPointer { Self.add(i, to: $0, carries: &carries) }
        }

        @inline(__always)
        private static func add(_ i: Int, to k: UnsafeMutableBufferPointer<UInt8>, carries: inout [Int]) {
            if k[i] == .max {
                k[i] = 0
                carries.append(i)
            } else {
                k[i] &+= 1
            }
        }

        /// Σ kᵢ·costᵢ and Σ kᵢ·effectᵢ, added left to right in course
        /// order; the counts are reset to zero on the way.
        mutating func weightedSums(_ c: Columns) -> (cost: Double, effect: Double) {
            precondition(c.count == counts.count, "one count per course")
            var extra: [Int: Int] = [:]
            for i in carries { extra[i, default: 0] += 256 }
            carries.removeAll(keepingCapacity: true)
            var cost = 0.0, effect = 0.0
            counts.withUnsafeMutableBufferPointer { k in
                c.cost.withUnsafeBufferPointer { x in
                    c.effect.withUnsafeBufferPointer { y in
                        if extra.isEmpty {
                            for i in 0..<k.count {
                                let w = Double(k[i])
                                cost += w * x[i]
                                effect += w * y[i]
                                k[i] = 0
                            }
                        } else {
                            for i in 0..<k.count {
                                let w = Double(Int(k[i]) + (extra[i] ?? 0))
                                cost += w * x[i]
                                effect += w * y[i]
                                k[i] = 0
                            }
                        }
                    }
                }
            }
            return (cost, effect)
        }
    }
}

/// The bootstrap replicates of one comparison, in replicate order b = 1 … B.
package struct BootstrapReplicates: Sendable, Hashable {
    /// ΔC_b = mean cost of the resampled A − mean cost of the resampled R.
    package var deltaCost: [Double]
    /// ΔE_b = mean effect of the resampled A − mean effect of the resampled R.
    package var deltaEffect: [Double]

    package init(deltaCost: [Double], deltaEffect: [Double]) {
        precondition(deltaCost.count == deltaEffect.count, "one ΔC and one ΔE per replicate")
        self.deltaCost = deltaCost
        self.deltaEffect = deltaEffect
    }

    package var count: Int { deltaCost.count }

    /// INMB_b = λ·ΔE_b − ΔC_b.
    package func inmb(wtp lambda: Double) -> [Double] {
        zip(deltaEffect, deltaCost).map { lambda * $0 - $1 }
    }

    /// The share of replicates with λ·ΔE_b − ΔC_b > 0: the probability
    /// that A is cost-effective at λ, one point of the acceptability curve
    /// (van Hout, B. A. et al. (1994), "Costs, effects and C/E-ratios
    /// alongside a clinical trial", Health Economics 3(5), 309–319; Fenwick,
    /// E., Claxton, K. & Sculpher, M. (2001), "Representing uncertainty: the
    /// role of cost-effectiveness acceptability curves", Health Economics
    /// 10(8), 779–787). nil without replicates.
    package func probabilityCostEffective(wtp lambda: Double) -> Double? {
        guard count > 0 else { return nil }
        var positive = 0
        for b in 0..<count where lambda * deltaEffect[b] - deltaCost[b] > 0 { positive += 1 }
        return Double(positive) / Double(count)
    }
}
