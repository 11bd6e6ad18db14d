/// The figures of a comparison's one-line verdict (issue 21): its
/// quadrant and ICER, the probability that A is cost-effective at the
/// willingness to pay λ, the break-even λ* where INMB = 0, and the λ at
/// which the acceptability curve first reaches 50 % and 95 %.
///
/// Break-even: INMB(λ) = λ·ΔE − ΔC is 0 at λ* = ΔC/ΔE (ΔE ≠ 0). With
/// ΔE > 0, A is cost-effective for λ > λ*; with ΔE < 0, for λ < λ*. Only
/// λ ≥ 0 is a willingness to pay, so λ* is given when it is ≥ 0 (ΔE > 0)
/// or > 0 (ΔE < 0), and otherwise a reason: cost-effective at every λ ≥ 0
/// (ΔE > 0, ΔC < 0), at none (ΔE < 0, ΔC ≥ 0), or INMB = −ΔC whatever λ
/// (ΔE = 0). Stinnett & Mullahy (1998); Drummond et al. (2015), ch. 11.
///
/// Acceptability thresholds: P(λ) = #{b : λ·ΔE_b − ΔC_b > 0} / B (van
/// Hout et al. 1994; Fenwick, Claxton & Sculpher 2001) is a step
/// function of λ that changes only at the replicates' own break-evens
/// λ_b = ΔC_b/ΔE_b: a replicate with ΔE_b > 0 turns positive just above
/// λ_b, one with ΔE_b < 0 stops being positive at λ_b. `wtp(reaching:)`
/// sweeps these points in order and gives, exactly, λ_p = inf{λ ≥ 0 :
/// P(λ) ≥ p} — 0 when P(0) ≥ p already; nil when P stays below p for
/// every λ ≥ 0 (the curve tends to the share of replicates with ΔE_b > 0,
/// or ΔE_b = 0 and ΔC_b < 0). P need not be monotone (replicates with
/// ΔE_b < 0), so λ_p is where the curve first reaches p.
public struct CostEffectivenessVerdict: Sendable, Hashable {
    /// Why a λ of the verdict is not given.
    public enum Missing: String, Sendable, Hashable {
        /// ΔE = 0: INMB = −ΔC does not depend on λ.
        case noEffectDifference = "no_effect_difference"
        /// λ* < 0 with ΔE > 0: INMB > 0 at every λ ≥ 0.
        case costEffectiveAtEveryWTP = "cost_effective_at_every_wtp"
        /// λ* ≤ 0 with ΔE < 0: INMB ≤ 0 at every λ ≥ 0.
        case costEffectiveAtNoWTP = "cost_effective_at_no_wtp"
        /// No bootstrap (B = 0): no acceptability curve.
        case noBootstrap = "no_bootstrap"
        /// The curve stays below the level for every λ ≥ 0.
        case neverReached = "never_reached"
    }

    /// A λ in kr per point, or why there is none.
    public struct Threshold: Sendable, Hashable {
        public package(set) var wtp: Double?
        public package(set) var missing: Missing?
    }

    public package(set) var quadrant: CostEffectivenessQuadrant
    /// ΔC/ΔE in kr per point; nil when ΔE = 0.
    public package(set) var icer: Double?
    /// λ, the configured willingness to pay.
    public package(set) var wtp: Double
    /// P(λ) at the configured λ; nil without bootstrap.
    public package(set) var probabilityCostEffective: Double?
    /// λ* where INMB = 0.
    public package(set) var breakEven: Threshold
    /// True when A is cost-effective above λ* (ΔE > 0), false below it (ΔE < 0).
    public package(set) var costEffectiveAboveBreakEven: Bool
    /// Where P(λ) first reaches 50 %.
    public package(set) var wtp50: Threshold
    /// Where P(λ) first reaches 95 %.
    public package(set) var wtp95: Threshold

    package init(_ c: CostEffectivenessComparison) {
        quadrant = c.quadrant
        icer = c.icer
        wtp = c.wtp
        probabilityCostEffective = c.bootstrap?.probabilityINMBPositive
        costEffectiveAboveBreakEven = c.deltaEffect > 0
        breakEven = Self.breakEven(deltaCost: c.deltaCost, deltaEffect: c.deltaEffect)
        if let r = c.replicates, r.count > 0 {
            wtp50 = Self.threshold(Self.wtp(reaching: 50, r))
            wtp95 = Self.threshold(Self.wtp(reaching: 95, r))
        } else {
            wtp50 = Threshold(wtp: nil, missing: .noBootstrap)
            wtp95 = Threshold(wtp: nil, missing: .noBootstrap)
        }
    }

    static func threshold(_ x: Double?) -> Threshold { Threshold(wtp: x, missing: x == nil ? .neverReached : nil) }

    /// λ* = ΔC/ΔE when it is a willingness to pay, else why not (see the type).
    package static func breakEven(deltaCost dc: Double, deltaEffect de: Double) -> Threshold {
        guard de != 0 else { return Threshold(wtp: nil, missing: .noEffectDifference) }
        let x = dc / de
        if de > 0 { return x < 0 ? Threshold(wtp: nil, missing: .costEffectiveAtEveryWTP) : Threshold(wtp: x == 0 ? 0 : x, missing: nil) }
        return x <= 0 ? Threshold(wtp: nil, missing: .costEffectiveAtNoWTP) : Threshold(wtp: x, missing: nil)
    }

    /// inf{λ ≥ 0 : P(λ) ≥ percent/100}, exactly from the replicates' own
    /// break-evens (see the type); nil when never reached or without
    /// replicates. The level test is on whole numbers, 100·count ≥
    /// percent·B, so 95 % of B = 20 is 19 replicates, not a rounding.
    package static func wtp(reaching percent: Int, _ r: BootstrapReplicates) -> Double? {
        let b = r.count
        guard b > 0 else { return nil }
        func reached(_ k: Int) -> Bool { 100 * k >= percent * b }
        var positive = 0
        // (λ_b, +1 just above it | −1 from it on)
        var events: [(at: Double, step: Int)] = []
        for i in 0..<b {
            let dc = r.deltaCost[i], de = r.deltaEffect[i]
            if dc < 0 { positive += 1 }  // positive at λ = 0
            if de > 0, dc >= 0 { events.append((dc / de, 1)) }
            if de < 0, dc < 0 { events.append((dc / de, -1)) }
        }
        if reached(positive) { return 0 }
        events.sort { $0.at < $1.at }
        var i = 0
        while i < events.count {
            let t = events[i].at
            while i < events.count, events[i].at == t {
                positive += events[i].step
                i += 1
            }
            // On (t, next event) the count is `positive`; it is reached just above t.
            if reached(positive) { return t }
        }
        return nil
    }
}

extension CostEffectivenessComparison {
    /// The verdict's figures.
    public var verdict: CostEffectivenessVerdict { CostEffectivenessVerdict(self) }
}
