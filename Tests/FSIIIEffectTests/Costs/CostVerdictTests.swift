import Testing
@testable import FSIIIEffect
import FSIIIStatistics

@Suite("Cost-effectiveness verdict: break-even λ, acceptability thresholds, BCa intervals (issue 21)")
struct CostVerdictTests {
    /// Five replicates (ΔC_b, ΔE_b) and their own break-evens λ_b = ΔC_b/ΔE_b:
    /// (100, 1) positive above 100; (300, 1) above 300; (−50, 1) at every λ ≥ 0;
    /// (200, 2) above 100; (−100, −1) below 100.
    static let draws = BootstrapReplicates(deltaCost: [100, 300, -50, 200, -100], deltaEffect: [1, 1, 1, 2, -1])

    @Test("P(λ) from the draws: 2/5 at 0, 2/5 just below 100, 1/5 at 100, 3/5 above 100, 4/5 above 300")
    func curve() {
        #expect(Self.draws.probabilityCostEffective(wtp: 0) == 0.4)
        #expect(Self.draws.probabilityCostEffective(wtp: 99.9) == 0.4)
        #expect(Self.draws.probabilityCostEffective(wtp: 100) == 0.2)
        #expect(Self.draws.probabilityCostEffective(wtp: 100.1) == 0.6)
        #expect(Self.draws.probabilityCostEffective(wtp: 300.1) == 0.8)
        #expect(Self.draws.probabilityCostEffective(wtp: 1e9) == 0.8)
    }

    @Test("the λ where P first reaches p, exactly from the draws' own break-evens", arguments: [
        (40, 0.0 as Double?), (50, 100), (60, 100), (61, 300), (80, 300), (81, nil), (95, nil),
    ])
    func reaching(_ percent: Int, _ expected: Double?) {
        let found = CostEffectivenessVerdict.wtp(reaching: percent, Self.draws)
        #expect(found == expected)
        if let x = found, x > 0 {
            // Reached just above x, not just below it.
            #expect(Self.draws.probabilityCostEffective(wtp: x + 1e-6)! * 100 >= Double(percent))
            #expect(Self.draws.probabilityCostEffective(wtp: x - 1e-6)! * 100 < Double(percent))
        }
    }

    @Test("95 % of 20 replicates is 19 of them, counted in whole numbers")
    func wholeNumberLevel() {
        // 19 replicates positive above 10 (ΔC = 10, ΔE = 1), one never (ΔC = 1, ΔE = −1).
        let r = BootstrapReplicates(deltaCost: Array(repeating: 10, count: 19) + [1], deltaEffect: Array(repeating: 1, count: 19) + [-1])
        #expect(CostEffectivenessVerdict.wtp(reaching: 95, r) == 10)
        #expect(CostEffectivenessVerdict.wtp(reaching: 96, r) == nil)
    }

    @Test("break-even λ* = ΔC/ΔE when it is a willingness to pay, else why not", arguments: [
        (800.0, 2.0, 400.0 as Double?, nil as CostEffectivenessVerdict.Missing?),
        (0, 2, 0, nil),
        (-300, -2, 150, nil),
        (-800, 1, nil, .costEffectiveAtEveryWTP),
        (800, -1, nil, .costEffectiveAtNoWTP),
        (0, -1, nil, .costEffectiveAtNoWTP),
        (100, 0, nil, .noEffectDifference),
    ])
    func breakEven(_ dc: Double, _ de: Double, _ wtp: Double?, _ missing: CostEffectivenessVerdict.Missing?) {
        let t = CostEffectivenessVerdict.breakEven(deltaCost: dc, deltaEffect: de)
        #expect(t.wtp == wtp && t.missing == missing)
    }

    @Test("a comparison's verdict: NE trade-off at λ = 2000, ICER 2000, P from the bootstrap")
    func verdictOfComparison() throws {
        let c = CostEffectivenessComparison(courses: 3, referenceCourses: 4, deltaCost: 1000, deltaEffect: 0.5, wtp: 2000,
                                            bootstrap: BootstrapSummary(Self.draws, wtp: 2000, seed: 1), replicates: Self.draws)
        let v = c.verdict
        #expect(v.quadrant == .moreEffectiveMoreCostly && v.icer == 2000 && v.wtp == 2000)
        #expect(v.breakEven.wtp == 2000 && v.costEffectiveAboveBreakEven)
        #expect(v.probabilityCostEffective == 0.8)
        #expect(v.wtp50.wtp == 100 && v.wtp95.wtp == nil && v.wtp95.missing == .neverReached)
        let none = CostEffectivenessComparison(courses: 3, referenceCourses: 4, deltaCost: 1000, deltaEffect: 0.5, wtp: 2000).verdict
        #expect(none.probabilityCostEffective == nil && none.wtp50.missing == .noBootstrap && none.wtp95.missing == .noBootstrap)
    }

    @Test("jackknife: leave one course of A, then of R, out of θ = x̄_A − ȳ_R")
    func jackknife() {
        // A = 1, 2, 6 (mean 3), R = 3, 5 (mean 4): θ̂ = −1. Without 1: 4 − 4 = 0; without 2: 3.5 − 4; without 6: 1.5 − 4;
        // without 3: 3 − 5; without 5: 3 − 3.
        #expect(CostJackknife.leaveOneOut(a: [1, 2, 6], r: [3, 5], estimate: -1) == [0, -0.5, -2.5, -2, 0])
        // A group of one course has no leave-one-out estimate.
        // A = 7, R = 3, 5: θ̂ = 3; without 3: 7 − 5 = 2; without 5: 7 − 3 = 4.
        #expect(CostJackknife.leaveOneOut(a: [7], r: [3, 5], estimate: 3) == [2, 4])
    }

    /// Courses A: cost 1, 2, 6 with effects 0, 1, 1; R: cost 3, 5 with effects 1, 0.
    static let a = [CourseSample(cost: 1, effect: 0), CourseSample(cost: 2, effect: 1), CourseSample(cost: 6, effect: 1)]
    static let r = [CourseSample(cost: 3, effect: 1), CourseSample(cost: 5, effect: 0)]

    @Test("--ci bca: the BCa interval of ΔC with the hand jackknife; a = 2.25 / (6 · 5.5^1.5); the rest unchanged")
    func bca() throws {
        let p = try #require(CostEffectiveness.compare(a: Self.a, r: Self.r, wtp: 10, bootstrap: 400, seed: 3))
        let b = try #require(CostEffectiveness.compare(a: Self.a, r: Self.r, wtp: 10, bootstrap: 400, seed: 3, intervals: .bca))
        let reps = try #require(b.replicates)
        #expect(b.deltaCost == -1)
        // ΔC: deviations θ̂ − θ₍ₖ₎ = −1, −0.5, 1.5, 1, −1: Σd² = 5.5, Σd³ = 2.25.
        let hand = try #require(BCaInterval(estimate: -1, replicates: reps.deltaCost, jackknife: [0, -0.5, -2.5, -2, 0], accelerationCentre: .estimate))
        #expect(abs(hand.acceleration - 2.25 / (6 * 5.5 * 5.5.squareRoot())) < 1e-15)
        let summary = try #require(b.bootstrap)
        #expect(summary.method == .bca && summary.deltaCost == hand.interval)
        // INMB per course = 10·e − c: A = −1, 8, 4; R = 7, −5 → the same construction.
        let inmbJack = CostJackknife.leaveOneOut(a: [-1, 8, 4], r: [7, -5], estimate: b.inmb)
        let inmb = try #require(BCaInterval(estimate: b.inmb, replicates: reps.inmb(wtp: 10), jackknife: inmbJack, accelerationCentre: .estimate))
        #expect(summary.inmb == inmb.interval)
        // Only the intervals change: same replicates, estimates and probability; percentile intervals differ.
        #expect(p.replicates == b.replicates && p.deltaCost == b.deltaCost && p.inmb == b.inmb)
        #expect(p.bootstrap?.probabilityINMBPositive == summary.probabilityINMBPositive)
        #expect(p.bootstrap?.method == .percentile && p.bootstrap?.percentileFallback == [])
        #expect(p.bootstrap?.deltaCost == BootstrapSummary.interval(reps.deltaCost))
        #expect(p.bootstrap?.deltaCost != summary.deltaCost)
    }

    @Test("BCa undefined (every replicate equals the estimate) keeps the percentile interval and says so")
    func fallback() throws {
        // Every course costs 1 in A and 0 in R: ΔC_b = 1 = ΔC in every replicate, so z₀ = Φ⁻¹(0) is infinite.
        let a = [CourseSample(cost: 1, effect: 0), CourseSample(cost: 1, effect: 2)]
        let r = [CourseSample(cost: 0, effect: 1), CourseSample(cost: 0, effect: 0), CourseSample(cost: 0, effect: 3)]
        let b = try #require(CostEffectiveness.compare(a: a, r: r, wtp: 100, bootstrap: 200, seed: 1, intervals: .bca)?.bootstrap)
        #expect(b.percentileFallback == [.deltaCost])
        #expect(b.deltaCost == Interval(low: 1, high: 1))
    }
}
