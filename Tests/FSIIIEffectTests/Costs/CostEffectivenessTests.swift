import Testing
@testable import FSIIIEffect

@Suite("Cost-effectiveness comparison: ΔC, ΔE, ICER, quadrant, INMB (SPEC §8)")
struct CostEffectivenessTests {
    /// Courses with the given costs and effects.
    static func samples(_ pairs: [(Double, Double)]) -> [CourseSample] { pairs.map { CourseSample(cost: $0.0, effect: $0.1) } }

    // R: costs 1000, 3000 → mean 2000; effects 0.5, 1.5 → mean 1.0.
    static let r = samples([(1000, 0.5), (3000, 1.5)])

    @Test("dominant: cheaper and more effective; ICER negative; INMB = λΔE − ΔC")
    func dominant() throws {
        // A: mean cost 1500, mean effect 1.5 → ΔC = −500, ΔE = 0.5, ICER = −1000, INMB(λ = 2000) = 1000 + 500 = 1500.
        let c = try #require(CostEffectiveness.compare(a: Self.samples([(1000, 1.0), (2000, 2.0)]), r: Self.r, wtp: 2000))
        #expect(c.deltaCost == -500 && c.deltaEffect == 0.5)
        #expect(c.icer == -1000)
        #expect(c.quadrant == .dominant)
        #expect(c.inmb == 1500)
        #expect(c.bootstrap == nil && c.replicates == nil)
        #expect(c.courses == 2 && c.referenceCourses == 2)
    }

    @Test("dominated: dearer and less effective")
    func dominated() throws {
        // A: mean cost 2600, mean effect 0.75 → ΔC = 600, ΔE = −0.25, ICER = −2400, INMB(1000) = −250 − 600 = −850.
        let c = try #require(CostEffectiveness.compare(a: Self.samples([(2600, 0.75)]), r: Self.r, wtp: 1000))
        #expect(c.deltaCost == 600 && c.deltaEffect == -0.25)
        #expect(c.icer == -2400)
        #expect(c.quadrant == .dominated)
        #expect(c.inmb == -850)
    }

    @Test("north-east trade-off: more effective, more costly")
    func northEast() throws {
        // A: mean cost 3000, mean effect 1.5 → ΔC = 1000, ΔE = 0.5, ICER = 2000 kr per point.
        // INMB at λ = 1000: 500 − 1000 = −500 (not worth it); at λ = 4000: 2000 − 1000 = 1000.
        let a = Self.samples([(3000, 1.0), (3000, 2.0)])
        let low = try #require(CostEffectiveness.compare(a: a, r: Self.r, wtp: 1000))
        #expect(low.quadrant == .moreEffectiveMoreCostly && low.quadrant.isTradeOff)
        #expect(low.icer == 2000)
        #expect(low.inmb == -500)
        #expect(try #require(CostEffectiveness.compare(a: a, r: Self.r, wtp: 4000)).inmb == 1000)
    }

    @Test("south-west trade-off: less effective, less costly")
    func southWest() throws {
        // A: mean cost 500, mean effect 0.5 → ΔC = −1500, ΔE = −0.5, ICER = 3000 (kr saved per point given up).
        // INMB at λ = 2000: −1000 + 1500 = 500.
        let c = try #require(CostEffectiveness.compare(a: Self.samples([(500, 0.5)]), r: Self.r, wtp: 2000))
        #expect(c.quadrant == .lessEffectiveLessCostly && c.quadrant.isTradeOff)
        #expect(c.icer == 3000)
        #expect(c.inmb == 500)
    }

    @Test("ΔE = 0: no ICER; dominant or dominated by cost alone, no difference when ΔC = 0 too")
    func zeroEffectDifference() throws {
        let cheaper = try #require(CostEffectiveness.compare(a: Self.samples([(1500, 1.0)]), r: Self.r, wtp: 1000))
        #expect(cheaper.deltaEffect == 0 && cheaper.icer == nil)
        #expect(cheaper.quadrant == .dominant)
        #expect(cheaper.inmb == 500)
        let dearer = try #require(CostEffectiveness.compare(a: Self.samples([(2500, 1.0)]), r: Self.r, wtp: 1000))
        #expect(dearer.icer == nil && dearer.quadrant == .dominated)
        let same = try #require(CostEffectiveness.compare(a: Self.samples([(2000, 1.0)]), r: Self.r, wtp: 1000))
        #expect(same.icer == nil && same.quadrant == .noDifference && same.inmb == 0)
    }

    @Test("ΔC = 0 with ΔE ≠ 0: dominant or dominated, ICER 0")
    func zeroCostDifference() throws {
        let better = try #require(CostEffectiveness.compare(a: Self.samples([(2000, 2.0)]), r: Self.r, wtp: 1000))
        #expect(better.quadrant == .dominant && better.icer == 0)
        let worse = try #require(CostEffectiveness.compare(a: Self.samples([(2000, 0.0)]), r: Self.r, wtp: 1000))
        #expect(worse.quadrant == .dominated)
    }

    @Test("the quadrant rule on its own, axes included",
          arguments: [(-1.0, 1.0, CostEffectivenessQuadrant.dominant), (0, 1, .dominant), (-1, 0, .dominant),
                      (1, -1, .dominated), (0, -1, .dominated), (1, 0, .dominated),
                      (1, 1, .moreEffectiveMoreCostly), (-1, -1, .lessEffectiveLessCostly), (0, 0, .noDifference)])
    func quadrantRule(dc: Double, de: Double, expected: CostEffectivenessQuadrant) {
        #expect(CostEffectivenessQuadrant(deltaCost: dc, deltaEffect: de) == expected)
    }

    @Test("no comparison when either group is empty")
    func empty() {
        #expect(CostEffectiveness.compare(a: [], r: Self.r, wtp: 1) == nil)
        #expect(CostEffectiveness.compare(a: Self.r, r: [], wtp: 1) == nil)
    }
}
