import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIStatistics

/// The sort-based rules (`AssessmentRules`) against the SPEC §4 rules
/// written the plain way — every row in input order, with a dictionary of
/// the alive row per key and per id — on random rows that share keys and
/// ids often, with removals by id (some naming no row), removals by key,
/// keyless removals and holes.
@Suite("Import rules against a plain reference")
struct ImportRulesReferenceTests {
    struct Row {
        var citizen: UInt32
        var day: Int32
        var condition: UInt8
        var level: UInt8
        var status: AssessmentStatus
        var id: (UInt64, UInt64)
    }

    /// The reference: fates in input order, then the survivors by citizen, condition, day.
    static func reference(_ rows: [Row]) -> (survivors: [Int], superseded: Int, removed: Int) {
        struct Key: Hashable { var citizen: UInt32; var condition: UInt8; var day: Int32 }
        struct ID: Hashable { var a: UInt64; var b: UInt64 }
        var alive = [Bool](repeating: false, count: rows.count)
        var byKey: [Key: Int] = [:], byID: [ID: Int] = [:]
        var superseded = 0, removed = 0
        for (r, row) in rows.enumerated() where row.citizen != RawAssessments.hole {
            let hasKey = row.citizen != RawAssessments.noKey
            let key = Key(citizen: row.citizen, condition: row.condition, day: row.day)
            let hasID = row.id != (0, 0)
            let id = ID(a: row.id.0, b: row.id.1)
            if row.status == .enteredInError {
                removed += 1
                if let t = hasID ? byID[id] : (hasKey ? byKey[key] : nil), alive[t] { alive[t] = false; removed += 1 }
                continue
            }
            alive[r] = true
            if hasKey, let t = byKey[key], alive[t] { alive[t] = false; superseded += 1 }
            if hasID, let t = byID[id], alive[t] { alive[t] = false; superseded += 1 }
            if hasKey { byKey[key] = r }
            if hasID { byID[id] = r }
        }
        let survivors = rows.indices.filter { alive[$0] }.sorted {
            (rows[$0].citizen, rows[$0].condition, rows[$0].day) < (rows[$1].citizen, rows[$1].condition, rows[$1].day)
        }
        return (survivors, superseded, removed)
    }

    @Test("equal fates and table on 20 random sets of 4,000 rows", arguments: 0..<20)
    func randomRows(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        func next(_ n: Int) -> Int { random.index(below: n) }
        let citizens = 60
        var ids: [(UInt64, UInt64)] = [(0, 0)]
        for k in 0..<500 {
            let text = Array("R\(seed)-\(k)".utf8)
            ids.append(text.withUnsafeBufferPointer { recordIDHash(ByteSlice(p: $0.baseAddress!, n: $0.count)) })
        }
        var rows: [Row] = []
        for _ in 0..<4_000 {
            var status: AssessmentStatus = next(10) == 0 ? .enteredInError : next(10) == 0 ? .resolved : .active
            var citizen = UInt32(next(citizens))
            var id = next(3) == 0 ? ids[0] : ids[next(ids.count)]
            if status == .enteredInError && id != (0, 0) && next(3) == 0 { citizen = RawAssessments.noKey }
            // A hole (a rejected row's slot) as the reader writes it: no id, no status.
            if next(50) == 0 { (citizen, id, status) = (RawAssessments.hole, (0, 0), .active) }
            rows.append(Row(citizen: citizen, day: Int32(19_000 + next(25)), condition: UInt8(next(4)), level: UInt8(next(5)), status: status, id: id))
        }
        var raw = RawAssessments()
        for r in rows {
            raw.append(citizen: r.citizen, day: r.day, condition: r.condition, level: r.level, goal: RawAssessments.noGoal,
                       status: r.status, team: 0, municipality: 0, id: r.id)
        }
        var timings = StageTimings()
        let outcome = AssessmentRules.apply(&raw, citizenCount: citizens, timings: &timings)
        let expected = Self.reference(rows)
        #expect(outcome.superseded == expected.superseded)
        #expect(outcome.removed == expected.removed)
        #expect(outcome.table.sequence.map(Int.init) == expected.survivors)
        #expect(outcome.table.day == expected.survivors.map { rows[$0].day })
        #expect(outcome.table.level == expected.survivors.map { rows[$0].level })
        for c in 0..<citizens {
            #expect(outcome.table.rows(ofCitizen: c).map { Int(outcome.table.sequence[$0]) } == expected.survivors.filter { rows[$0].citizen == UInt32(c) })
        }
        #expect(expected.superseded > 50 && expected.removed > 50, "the random rows exercise both rules")
    }
}
