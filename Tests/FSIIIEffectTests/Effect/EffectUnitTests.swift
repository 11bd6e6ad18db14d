import Testing
@testable import FSIIIEffect

@Suite("Effect units")
struct EffectUnitTests {
    @Test("64 bytes a unit, and every field comes back as given, nil included")
    func roundTrip() {
        #expect(MemoryLayout<EffectUnit>.stride == 64)
        let a = EffectUnit(citizen: 7, change: 0.5, outcome: .improved, goalsSet: 3, goalsMet: 2, effectiveness: 0.25,
                           baseline: 8, followUp: 6, points: 2, probability: 0.4, course: 1_000_000)
        #expect(a.citizen == 7 && a.change == 0.5 && a.outcome == .improved && a.goalsSet == 3 && a.goalsMet == 2)
        #expect(a.effectiveness == 0.25 && a.baseline == 8 && a.followUp == 6 && a.points == 2 && a.probability == 0.4 && a.course == 1_000_000)
        let b = EffectUnit(citizen: 0, change: -1, outcome: .worsened, goalsSet: 0, goalsMet: 0, effectiveness: nil,
                           baseline: 0, followUp: 1, points: -1, probability: nil, course: 0)
        #expect(b.effectiveness == nil && b.probability == nil && b.points == -1)
        let c = EffectUnit(citizen: 0, change: 0, outcome: .unchanged, goalsSet: 0, goalsMet: 0, effectiveness: 0,
                           baseline: 1, followUp: 1, points: 0, probability: 0, course: 0)
        #expect(c.effectiveness == 0 && c.probability == 0)
    }
}
