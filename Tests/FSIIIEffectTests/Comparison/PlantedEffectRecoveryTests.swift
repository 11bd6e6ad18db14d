import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// Issue 18 "done when", at test size: 20 data sets with a planted effect
/// 0.30 on `meanChange` and natural recovery 0.20 (``PlantedEffectData``;
/// switch to `fsiii generate --effect --natural` once it exists).
@Suite("Matched comparison: recovers a planted effect over 20 seeds (issue 18)")
struct PlantedEffectRecoveryTests {
    @Test("the interval covers 0.30 in ≥ 18 of 20, the mean is within 0.10, the naive change is not, every |SMD| after < 0.1")
    func recovery() {
        var covered = 0, estimates: [Double] = [], naive: [Double] = [], worstSMD = 0.0
        for seed in 1...20 {
            var o = ReportOptions()
            o.comparison.bootstrap = 200
            o.comparison.seed = UInt64(seed)
            let c = MatchedComparison.compare(PlantedEffectData.dataset(seed: UInt64(seed), controls: 1800), options: o)
            #expect(c.problem == nil, "seed \(seed): \(String(describing: c.problem))")
            guard let e = c.effect, let ci = e.interval, let n = c.naiveMeanChange else { continue }
            if ci.low <= 0.30 && 0.30 <= ci.high { covered += 1 }
            estimates.append(e.effect)
            naive.append(n)
            worstSMD = max(worstSMD, c.balance.compactMap(\.smdAfter).map(abs).max() ?? 0)
            #expect(c.unmatched * 20 <= c.treated, "seed \(seed): \(c.unmatched) of \(c.treated) unmatched")
        }
        let mean = estimates.reduce(0, +) / Double(max(estimates.count, 1))
        let naiveMean = naive.reduce(0, +) / Double(max(naive.count, 1))
        #expect(estimates.count == 20)
        #expect(covered >= 18, "covered \(covered) of 20")
        #expect(abs(mean - 0.30) < 0.10, "mean ATT \(mean)")
        #expect(abs(naiveMean - 0.30) >= 0.10, "naive \(naiveMean)")
        #expect(worstSMD < 0.1, "largest |SMD| after matching \(worstSMD)")
        print("planted effect 0.30: covered \(covered)/20, mean ATT \(mean), naive \(naiveMean), largest |SMD| after \(worstSMD)")
    }

    @Test("regression to the mean: repeat pairs of the citizens without a course give ρ and an expected shift")
    func regressionToTheMean() {
        let d = PlantedEffectData.dataset(seed: 1)
        let e = CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens)
        let r = RegressionToTheMeanEstimate.make(e, inputs: ComparisonInputs(d, courses: d.courses))
        #expect(r.meanLevel.pairs == 600)
        #expect(r.meanLevel.correlation.map { $0 > 0.5 && $0 < 1 } == true)
        // The courses start worse than the population (x̄₀ > μ), so the RTM shift looks like improvement.
        #expect(r.expectedShift.map { $0 > 0 } == true)
        #expect(r.conditions.count == 4 && r.conditions.allSatisfy { $0.pairs == 600 })
    }
}
