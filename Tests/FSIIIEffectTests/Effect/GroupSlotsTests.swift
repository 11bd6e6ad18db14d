import Testing
@testable import FSIIIEffect

@Suite("Group slots")
struct GroupSlotsTests {
    @Test("slots in first-seen order, dense keys in the array, others (negative, large) in the dictionary")
    func firstSeen() {
        var slots = GroupSlots(denseKeys: 4)
        var added: [Int] = []
        let keys = [2, 0, 2, Int.min, 9, 0, Int.min, 3, 9, 4]
        let got = keys.map { key in slots.slot(key) { added.append(key) } }
        #expect(got == [0, 1, 0, 2, 3, 1, 2, 4, 3, 5])
        #expect(added == [2, 0, Int.min, 9, 3, 4])
        #expect(slots.count == 6)
    }

    @Test("citizen stamps count each citizen once per set")
    func stamps() {
        var stamps = CitizenStamps(count: 3)
        stamps.begin()
        #expect([0, 2, 0, 5, 5].map { stamps.insert(UInt32($0)) } == [true, true, false, true, false])
        stamps.begin()
        #expect([5, 0, 0].map { stamps.insert(UInt32($0)) } == [true, true, false])
    }
}
