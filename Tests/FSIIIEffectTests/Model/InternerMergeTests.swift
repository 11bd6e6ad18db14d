import Testing
@testable import FSIIIEffect

/// Chunks of an import intern their own citizens and names; the merge maps
/// each chunk's indices to the import's, adding only what is new.
@Suite("Interner merge")
struct InternerMergeTests {
    @Test("overlapping names map to the existing index, new names are appended in order")
    func overlapping() {
        var whole = NameTable()               // index 0 is the empty name
        for k in ["a", "bb", "ccc"] { whole.intern(k) }
        var chunk = NameTable()
        // Enough names to make `whole` grow its table and arena.
        let keys = ["ccc", "d"] + (0..<5_000).map { "key-\($0)" } + ["a"]
        for k in keys { chunk.intern(k) }
        let map = whole.merge(chunk)
        #expect(map.count == keys.count + 1)
        #expect(map[0] == 0)                  // the empty name
        #expect(map[1] == 3 && map[2] == 4 && map[3] == 5 && map[keys.count] == 1)
        #expect(map[5_002] == 5_004)
        #expect(whole.count == 4 + 5_001)
        for (i, k) in keys.enumerated() { #expect(whole.index(of: k) == map[i + 1]) }
        #expect(whole.name(5_004) == "key-4999")
    }

    @Test("citizens: birth dates follow the merged ids")
    func citizens() {
        var whole = CitizenRegistry()
        _ = whole.intern(rawID: "010140-1234")
        var chunk = CitizenRegistry()
        _ = chunk.intern(rawID: "A-17")          // not a CPR number: no birth date
        _ = chunk.intern(rawID: "0101401234")    // the same citizen as above
        _ = chunk.intern(rawID: "311299-4321")
        let map = whole.merge(chunk)
        #expect(map == [1, 0, 2])
        #expect(whole.birthDay(0)?.iso == "1940-01-01")
        #expect(whole.birthDay(1) == nil)
        #expect(whole.birthDay(2)?.iso == "1999-12-31")   // 7th digit 4, year 99: the 1900s
        #expect(whole.find(rawID: "311299-4321") == 2)
    }
}
