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

/// What the bootstrap says about a comparison: percentile intervals
/// (2.5 and 97.5 percentiles, type 7, ``Percentile/linear(sorted:_:)``) of
/// ΔC, ΔE and INMB over the replicates, and the probability that INMB > 0.
public struct BootstrapSummary: Sendable, Hashable {
    /// B, the number of replicates.
    public package(set) var replicates: Int
    /// S, the seed of ``CostBootstrap``.
    public package(set) var seed: UInt64
    /// 95 % percentile interval of ΔC.
    public package(set) var deltaCost: Interval
    /// 95 % percentile interval of ΔE.
    public package(set) var deltaEffect: Interval
    /// 95 % percentile interval of INMB.
    public package(set) var inmb: Interval
    /// Share of replicates with INMB_b = λ·ΔE_b − ΔC_b > 0.
    public package(set) var probabilityINMBPositive: Double

    /// nil without replicates.
    package init?(_ r: BootstrapReplicates, wtp: Double, seed: UInt64) {
        guard r.count > 0, let p = r.probabilityCostEffective(wtp: wtp) else { return nil }
        replicates = r.count
        self.seed = seed
        deltaCost = Self.interval(r.deltaCost)
        deltaEffect = Self.interval(r.deltaEffect)
        inmb = Self.interval(r.inmb(wtp: wtp))
        probabilityINMBPositive = p
    }

    /// [Q(0.025), Q(0.975)] of the values.
    static func interval(_ values: [Double]) -> Interval {
        let sorted = values.sorted()
        return Interval(low: Percentile.linear(sorted: sorted, 0.025), high: Percentile.linear(sorted: sorted, 0.975))
    }
}

/// Cost-effectiveness of a group against a reference (SPEC §8): the pure
/// functions behind `fsiii report`'s `cost_comparison` and `--ceac`.
enum CostEffectiveness {
    /// Compares A with R. Means are sums added left to right, divided by
    /// the count: ΔC = Σcost_A / n_A − Σcost_R / n_R, likewise ΔE with
    /// the effects. With `bootstrap` B > 0, B replicates of
    /// ``CostBootstrap`` from `seed`. nil when A or R has no course.
    package static func compare(a: [CourseSample], r: [CourseSample], wtp: Double,
                               bootstrap: Int = 0, seed: UInt64 = 1) -> CostEffectivenessComparison? {
        guard !a.isEmpty, !r.isEmpty else { return nil }
        let ma = means(a), mr = means(r)
        var replicates: BootstrapReplicates?
        var summary: BootstrapSummary?
        if bootstrap > 0 {
            let reps = CostBootstrap.replicates(a: a, r: r, count: bootstrap, seed: seed)
            replicates = reps
            summary = BootstrapSummary(reps, wtp: wtp, seed: seed)
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
