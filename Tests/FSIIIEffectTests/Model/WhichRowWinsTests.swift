import Testing
@testable import FSIIIEffect

/// SPEC §4's rule on its own, row by row in input order.
@Suite("Which row wins (SPEC §4)")
struct WhichRowWinsTests {
    typealias Rule = WhichRowWins<String, Int>

    @Test("a later row with the same citizen, condition and date supersedes the earlier one")
    func sameKey() {
        var rule = Rule(rowCount: 3)
        rule.take(row: 0, key: "c1|J1.1|2026-01-05", id: nil, enteredInError: false)
        rule.take(row: 1, key: "c1|J1.1|2026-01-06", id: nil, enteredInError: false)
        rule.take(row: 2, key: "c1|J1.1|2026-01-05", id: nil, enteredInError: false)
        #expect(rule.fate == [.superseded, .alive, .alive])
        #expect(rule.superseded == 1 && rule.removed == 0)
    }

    @Test("a later row with the same record id supersedes the earlier one, whatever its key")
    func sameID() {
        var rule = Rule(rowCount: 2)
        rule.take(row: 0, key: "c1|J1.1|2026-01-05", id: 7, enteredInError: false)
        rule.take(row: 1, key: "c1|J1.1|2026-02-01", id: 7, enteredInError: false)
        #expect(rule.fate == [.superseded, .alive])
    }

    @Test("one row sharing both the key and the id of one earlier row supersedes it once")
    func keyAndIDOfOneRow() {
        var rule = Rule(rowCount: 2)
        rule.take(row: 0, key: "k", id: 1, enteredInError: false)
        rule.take(row: 1, key: "k", id: 1, enteredInError: false)
        #expect(rule.fate == [.superseded, .alive] && rule.superseded == 1)
    }

    @Test("entered-in-error removes the record with its id, and itself; without an id, the row of its key")
    func removals() {
        var rule = Rule(rowCount: 5)
        rule.take(row: 0, key: "a", id: 1, enteredInError: false)
        rule.take(row: 1, key: "b", id: 2, enteredInError: false)
        rule.take(row: 2, key: "zz", id: 1, enteredInError: true)   // by id: removes row 0, not a key look-up
        rule.take(row: 3, key: "b", id: nil, enteredInError: true)  // by key: removes row 1
        rule.take(row: 4, key: nil, id: 9, enteredInError: true)    // names nothing alive: only itself
        #expect(rule.fate == [.removed, .removed, .removed, .removed, .removed])
        #expect(rule.removed == 5 && rule.superseded == 0)
    }

    @Test("a removal by an id that is not alive does not fall back to the key")
    func idWithoutFallback() {
        var rule = Rule(rowCount: 2)
        rule.take(row: 0, key: "a", id: nil, enteredInError: false)
        rule.take(row: 1, key: "a", id: 5, enteredInError: true)
        #expect(rule.fate == [.alive, .removed] && rule.removed == 1)
    }

    @Test("a row after a removal is alive again: the removal names only rows before it")
    func rowAfterRemoval() {
        var rule = Rule(rowCount: 3)
        rule.take(row: 0, key: "a", id: 1, enteredInError: false)
        rule.take(row: 1, key: nil, id: 1, enteredInError: true)
        rule.take(row: 2, key: "a", id: 1, enteredInError: false)
        #expect(rule.fate == [.removed, .removed, .alive])
        #expect(rule.fate.count == 3 && rule.removed + rule.superseded + 1 == 3, "every row in one bucket")
    }
}
