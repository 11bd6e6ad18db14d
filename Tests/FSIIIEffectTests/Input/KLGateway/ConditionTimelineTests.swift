import Testing
@testable import FSIIIEffect
import FSIIITestSupport
import FSIIIStatistics
@testable import FSIIIBytes

/// `ConditionTimeline.lastRow(onOrBefore:)`, the binary search that keeps
/// follow-ups and goals on long condition histories linear (issue 16).
@Suite("Condition timelines")
struct ConditionTimelineTests {
    static func row(_ day: Int32) -> HistoryRow {
        HistoryRow(day: day, level: 1, status: .active, citizen: 0, team: 0, code: 0, time: 0, seq: 0)
    }

    @Test("the last row on or before a day, as a linear search finds it, when the first row is dated out of order")
    func matchesLinearSearch() {
        var rng = SeededGenerator(seed: 16)
        for _ in 0..<500 {
            var timeline = ConditionTimeline()
            let first = Int32(rng.index(below: 40))
            timeline.rows.append(Self.row(first))
            var day = Int32(rng.index(below: 40))
            for _ in 0..<rng.index(below: 12) {
                day += Int32(rng.index(below: 3))
                timeline.rows.append(Self.row(day))
            }
            for probe in Int32(-1)...Int32(60) {
                #expect(timeline.lastRow(onOrBefore: probe) == timeline.rows.lastIndex { $0.day <= probe })
            }
        }
        #expect(ConditionTimeline().lastRow(onOrBefore: 0) == nil)
    }
}
