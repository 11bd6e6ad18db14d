import Testing
@testable import FSIIIEffect
import FSIIIStatistics

/// The matched comparison's bootstrap (FSIIIStatistics) draws exactly as the
/// cost bootstrap does (SPEC §8): same seed, same resamples.
@Suite("Matched bootstrap and cost bootstrap share their draws")
struct MatchedBootstrapDrawsTests {
    @Test("the replicates are bit for bit the cost bootstrap's effect replicates for the same seed")
    func sameDrawsAsCostBootstrap() {
        let d: [Double] = [0.5, -1, 2, 0.25, 3, -0.75, 1, 0.125]
        // Group A carries Dᵢ as its effect; R, one course of effect 0, is drawn after A and adds nothing.
        let a = d.map { CourseSample(cost: 0, effect: $0) }
        let cost = CostBootstrap.replicates(a: a, r: [CourseSample(cost: 0, effect: 0)], count: 300, seed: 99)
        #expect(MatchedBootstrap.replicates(d, count: 300, seed: 99) == cost.deltaEffect)
    }
}
