import FSIIIStatistics

/// The comparison of a group A with a reference R (SPEC §8): differences
/// in mean cost and mean effect, the ICER and its quadrant, the
/// incremental net monetary benefit at a willingness to pay λ, and their
/// bootstrap uncertainty.
public struct CostEffectivenessComparison: Sendable, Hashable {
    /// Evaluable courses of A and of R.
    public package(set) var courses: Int
    /// Evaluable courses of R.
    public package(set) var referenceCourses: Int
    /// ΔC = mean cost A − mean cost R, in kr per course.
    public package(set) var deltaCost: Double
    /// ΔE = mean meanChange A − mean meanChange R, in points.
    public package(set) var deltaEffect: Double
    /// ICER = ΔC / ΔE in kr per point; nil when ΔE = 0.
    public package(set) var icer: Double?
    /// The quadrant of (ΔE, ΔC).
    public package(set) var quadrant: CostEffectivenessQuadrant
    /// λ, kr per point.
    public package(set) var wtp: Double
    /// INMB = λ·ΔE − ΔC (Stinnett, A. A. & Mullahy, J. (1998), "Net health
    /// benefits: a new framework for the analysis of uncertainty in
    /// cost-effectiveness analysis", Medical Decision Making 18(2 Suppl),
    /// S68–S80); positive means A is worth its cost at λ.
    public package(set) var inmb: Double
    /// nil when no bootstrap was asked for (B = 0).
    public package(set) var bootstrap: BootstrapSummary?
    /// The replicates behind `bootstrap`, for the acceptability curve.
    package var replicates: BootstrapReplicates?

    package init(courses: Int, referenceCourses: Int, deltaCost: Double, deltaEffect: Double, wtp: Double,
                bootstrap: BootstrapSummary? = nil, replicates: BootstrapReplicates? = nil) {
        self.courses = courses
        self.referenceCourses = referenceCourses
        self.deltaCost = deltaCost
        self.deltaEffect = deltaEffect
        self.icer = deltaEffect != 0 ? deltaCost / deltaEffect : nil
        self.quadrant = CostEffectivenessQuadrant(deltaCost: deltaCost, deltaEffect: deltaEffect)
        self.wtp = wtp
        self.inmb = wtp * deltaEffect - deltaCost
        self.bootstrap = bootstrap
        self.replicates = replicates
    }
}

/// What the bootstrap says about a comparison: 95 % intervals of ΔC, ΔE
/// and INMB over the replicates, and the probability that INMB > 0.
///
/// Percentile (the default, `--ci percentile`): the 2.5 and 97.5
/// percentiles, type 7 (``Percentile/linear(sorted:_:)``). BCa (`--ci
/// bca`): ``BCaInterval`` at 95 % with the type-7 quantiles (Efron, B.
/// (1987), "Better bootstrap confidence intervals", JASA 82(397),
/// 171–185), the acceleration a from the leave-one-course-out jackknife of
/// ``CostJackknife`` — the bootstrap resamples courses within A and within
/// R, so the jackknife leaves out one course of A or of R at a time. Where
/// BCa is undefined for a figure (every replicate on one side of the
/// estimate, or all jackknife values equal), that figure keeps its
/// percentile interval and is listed in `percentileFallback`.
public struct BootstrapSummary: Sendable, Hashable {
    /// The figures with an interval.
    public enum Figure: String, Sendable, Hashable, CaseIterable {
        case deltaCost = "delta_cost"
        case deltaEffect = "delta_effect"
        case inmb
    }

    /// B, the number of replicates.
    public package(set) var replicates: Int
    /// S, the seed of ``CostBootstrap``.
    public package(set) var seed: UInt64
    /// How the intervals were asked to be read.
    public package(set) var method: IntervalMethod = .percentile
    /// 95 % interval of ΔC.
    public package(set) var deltaCost: Interval
    /// 95 % interval of ΔE.
    public package(set) var deltaEffect: Interval
    /// 95 % interval of INMB.
    public package(set) var inmb: Interval
    /// With BCa: the figures whose BCa interval is undefined and which
    /// show the percentile interval instead (in ``Figure`` order). Empty
    /// with percentile intervals.
    public package(set) var percentileFallback: [Figure] = []
    /// Share of replicates with INMB_b = λ·ΔE_b − ΔC_b > 0.
    public package(set) var probabilityINMBPositive: Double

    /// nil without replicates. With `.bca`, `a` and `r` are the courses the
    /// replicates were drawn from (for the jackknife) and `estimates` the
    /// full-sample ΔC, ΔE and INMB.
    package init?(_ r: BootstrapReplicates, wtp: Double, seed: UInt64, method: IntervalMethod = .percentile,
                  a groupA: [CourseSample] = [], r groupR: [CourseSample] = [],
                  estimates: (deltaCost: Double, deltaEffect: Double, inmb: Double)? = nil) {
        guard r.count > 0, let p = r.probabilityCostEffective(wtp: wtp) else { return nil }
        replicates = r.count
        self.seed = seed
        self.method = method
        let inmbReplicates = r.inmb(wtp: wtp)
        deltaCost = Self.interval(r.deltaCost)
        deltaEffect = Self.interval(r.deltaEffect)
        inmb = Self.interval(inmbReplicates)
        probabilityINMBPositive = p
        guard method == .bca else { return }
        let e = estimates ?? (0, 0, 0)
        func bca(_ figure: Figure, _ estimate: Double, _ values: [Double], _ value: (CourseSample) -> Double) -> Interval? {
            let jackknife = CostJackknife.leaveOneOut(a: groupA.map(value), r: groupR.map(value), estimate: estimate)
            let b = BCaInterval(estimate: estimate, replicates: values, jackknife: jackknife, accelerationCentre: .estimate)
            if b == nil { percentileFallback.append(figure) }
            return b?.interval
        }
        if let i = bca(.deltaCost, e.deltaCost, r.deltaCost, { $0.cost }) { deltaCost = i }
        if let i = bca(.deltaEffect, e.deltaEffect, r.deltaEffect, { $0.effect }) { deltaEffect = i }
        if let i = bca(.inmb, e.inmb, inmbReplicates, { wtp * $0.effect - $0.cost }) { inmb = i }
    }

    /// [Q(0.025), Q(0.975)] of the values.
    static func interval(_ values: [Double]) -> Interval {
        let sorted = values.sorted()
        return Interval(low: Percentile.linear(sorted: sorted, 0.025), high: Percentile.linear(sorted: sorted, 0.975))
    }
}

/// The jackknife behind the BCa acceleration of a difference of means
/// θ = x̄_A − ȳ_R (ΔC, ΔE, and INMB, whose per-course value is λ·e − c).
///
/// The bootstrap resamples courses (the cluster: one course of one
/// citizen) within A and within R, so the jackknife leaves out one course
/// at a time, first each course of A, then each of R:
///
///     θ₍ᵢ₎ = θ̂ − (xᵢ − x̄_A)/(n_A − 1)      i in A (only when n_A ≥ 2)
///     θ₍ⱼ₎ = θ̂ + (yⱼ − ȳ_R)/(n_R − 1)      j in R (only when n_R ≥ 2)
///
/// — exactly the difference of the means without that course, written
/// through the deviation so that it does not cancel in rounding. With
/// deviations dₖ = θ̂ − θ₍ₖ₎ the acceleration of ``BCaInterval`` (centred
/// on θ̂, which is also the mean of these θ₍ₖ₎) is
/// a = Σ dₖ³ / (6 (Σ dₖ²)^{3/2}) = [Σ_A lᵢ³/(n_A−1)³ − Σ_R lⱼ³/(n_R−1)³] /
/// (6 [Σ_A lᵢ²/(n_A−1)² + Σ_R lⱼ²/(n_R−1)²]^{3/2}) with l the deviations
/// from the group mean: the two-sample (stratified) acceleration of
/// Davison, A. C. & Hinkley, D. V. (1997), *Bootstrap Methods and their
/// Application*, Cambridge, §3.2.1 and §5.3.2, with the jackknife's n − 1
/// in place of n.
package enum CostJackknife {
    package static func leaveOneOut(a: [Double], r: [Double], estimate: Double) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(a.count + r.count)
        if a.count >= 2 {
            let m = mean(a), k = Double(a.count - 1)
            for x in a { out.append(estimate - (x - m) / k) }
        }
        if r.count >= 2 {
            let m = mean(r), k = Double(r.count - 1)
            for y in r { out.append(estimate + (y - m) / k) }
        }
        return out
    }

    /// Left-to-right sum over the count.
    static func mean(_ x: [Double]) -> Double {
        var s = 0.0
        for v in x { s += v }
        return s / Double(x.count)
    }
}

/// Cost-effectiveness of a group against a reference (SPEC §8): the pure
/// functions behind `fsiii report`'s `cost_comparison` and `--ceac`.
enum CostEffectiveness {
    /// Compares A with R. Means are sums added left to right, divided by
    /// the count: ΔC = Σcost_A / n_A − Σcost_R / n_R, likewise ΔE with
    /// the effects. With `bootstrap` B > 0, B replicates of
    /// ``CostBootstrap`` from `seed`, intervals read by `intervals`. nil
    /// when A or R has no course.
    package static func compare(a: [CourseSample], r: [CourseSample], wtp: Double,
                               bootstrap: Int = 0, seed: UInt64 = 1, intervals: IntervalMethod = .percentile) -> CostEffectivenessComparison? {
        guard !a.isEmpty, !r.isEmpty else { return nil }
        let ma = means(a), mr = means(r)
        var replicates: BootstrapReplicates?
        var summary: BootstrapSummary?
        if bootstrap > 0 {
            let reps = CostBootstrap.replicates(a: a, r: r, count: bootstrap, seed: seed)
            replicates = reps
            let dc = ma.cost - mr.cost, de = ma.effect - mr.effect
            summary = BootstrapSummary(reps, wtp: wtp, seed: seed, method: intervals, a: a, r: r,
                                       estimates: (dc, de, wtp * de - dc))
        }
        return CostEffectivenessComparison(courses: a.count, referenceCourses: r.count,
                                           deltaCost: ma.cost - mr.cost, deltaEffect: ma.effect - mr.effect,
                                           wtp: wtp, bootstrap: summary, replicates: replicates)
    }

    /// The cost-effectiveness acceptability curve: for each λ of `grid`,
    /// the share of replicates with λ·ΔE_b − ΔC_b > 0 (Fenwick, Claxton &
    /// Sculpher 2001). nil without replicates.
    package static func ceac(_ replicates: BootstrapReplicates, grid: [Double]) -> [Double]? {
        guard replicates.count > 0 else { return nil }
        return grid.compactMap { replicates.probabilityCostEffective(wtp: $0) }
    }

    /// Mean cost and mean effect, each a left-to-right sum over the count.
    static func means(_ samples: [CourseSample]) -> (cost: Double, effect: Double) {
        var cost = 0.0, effect = 0.0
        for s in samples {
            cost += s.cost
            effect += s.effect
        }
        let n = Double(samples.count)
        return (cost / n, effect / n)
    }
}
