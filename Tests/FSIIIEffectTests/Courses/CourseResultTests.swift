import Testing
@testable import FSIIIEffect

/// `CourseResult` stores its figures narrow (a run holds a million) and
/// reads them back as `Int`s.
@Suite("Course result storage")
struct CourseResultTests {
    @Test("every field reads back what was written; the struct stays under 80 bytes")
    func roundTrip() {
        var r = CourseResult(course: 1_174_619, citizen: 7, team: 3, municipality: 2, start: Day(rawValue: 20_000), end: nil)
        #expect(r.course == 1_174_619)
        #expect(r.end == nil && r.age == nil && r.isEvaluable)
        r.n = 4; r.baselineSum = 11; r.followUpSum = 6
        r.improved = 2; r.unchanged = 1; r.worsened = 1; r.goalsSet = 3; r.goalsMet = 2
        r.pairs = 4_000_000_000..<4_000_000_004
        r.age = 87
        r.end = Day(rawValue: 20_069)
        #expect([r.n, r.baselineSum, r.followUpSum, r.improved, r.unchanged, r.worsened, r.goalsSet, r.goalsMet] == [4, 11, 6, 2, 1, 1, 3, 2])
        #expect(r.change == 5 && r.meanChange == 1.25 && r.outcome == .improved)
        #expect(r.pairs == 4_000_000_000..<4_000_000_004)
        #expect(r.age == 87 && r.days == 70)
        r.age = nil
        #expect(r.age == nil)
        #expect(MemoryLayout<CourseResult>.stride <= 80)
    }
}
