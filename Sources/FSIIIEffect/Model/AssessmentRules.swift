/// SPEC §4 applied to the rows read: a row supersedes every earlier alive row
/// with the same `id` and every earlier alive row of the same citizen,
/// condition and date; `entered-in-error` removes the record with that id
/// (without an id: of that citizen, condition and date) and is removed
/// itself. Every row ends in exactly one bucket.
///
/// The pass is sort-based, so tens of millions of rows need no hash table:
/// rows are ordered by citizen (counting sort) and, per citizen, by condition
/// and day; only rows that share a key or an id with another row, and
/// removals, take the sequential path in input order.
enum AssessmentRules {
    struct Outcome {
        var table: AssessmentTable
        var superseded: Int
        var removed: Int
    }

    private enum Fate: UInt8 { case alive = 0, superseded = 1, removed = 2 }

    static func apply(_ raw: RawAssessments, citizenCount: Int) -> Outcome {
        let n = raw.count
        // 1. Counting sort by citizen, stable (input order within a citizen).
        var start = [Int](repeating: 0, count: citizenCount + 1)
        for c in raw.citizen where c != RawAssessments.noKey { start[Int(c) + 1] += 1 }
        for c in 0..<citizenCount { start[c + 1] += start[c] }
        var order = [UInt32](repeating: 0, count: start[citizenCount])
        var keyless: [UInt32] = []
        do {
            var next = start
            for r in 0..<n {
                let c = raw.citizen[r]
                if c == RawAssessments.noKey { keyless.append(UInt32(r)); continue }
                order[next[Int(c)]] = UInt32(r)
                next[Int(c)] += 1
            }
        }

        // 2. Per citizen: order by (condition, day, input order); mark rows
        //    that share their key with another row.
        var interesting = [Bool](repeating: false, count: n)
        let citizenParts = partition(start: start, parts: Parallel.workers * 4)
        order.withUnsafeMutableBufferPointer { orderBuffer in
            interesting.withUnsafeMutableBufferPointer { flags in
                let o = UnsafeSendable(orderBuffer.baseAddress!)
                let f = UnsafeSendable(flags.baseAddress!)
                _ = Parallel.map(0..<citizenParts.count) { k in
                    var pairs: [(UInt64, UInt32)] = []
                    for c in citizenParts[k] {
                        let lo = start[c], hi = start[c + 1]
                        if hi - lo < 2 { continue }
                        pairs.removeAll(keepingCapacity: true)
                        for i in lo..<hi {
                            let r = Int(o.value[i])
                            pairs.append((sortKey(raw.condition[r], raw.day[r]), UInt32(r)))
                        }
                        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                        for (j, p) in pairs.enumerated() {
                            o.value[lo + j] = p.1
                            if j > 0 && pairs[j - 1].0 == p.0 {
                                f.value[Int(p.1)] = true
                                f.value[Int(pairs[j - 1].1)] = true
                            }
                        }
                    }
                    return 0
                }
            }
        }

        // 3. Rows that share an id with another row; removals.
        var withID: [(UInt64, UInt64, UInt32)] = []
        for r in 0..<n where raw.idHashA[r] != 0 || raw.idHashB[r] != 0 {
            withID.append((raw.idHashA[r], raw.idHashB[r], UInt32(r)))
        }
        if !withID.isEmpty {
            withID.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
            for j in 1..<withID.count where withID[j].0 == withID[j - 1].0 && withID[j].1 == withID[j - 1].1 {
                interesting[Int(withID[j].2)] = true
                interesting[Int(withID[j - 1].2)] = true
            }
        }
        for r in 0..<n where raw.status[r] == AssessmentStatus.enteredInError.rawValue { interesting[r] = true }

        // 4. The rules, in input order, over the interesting rows only.
        var fate = [Fate](repeating: .alive, count: n)
        var superseded = 0, removed = 0
        struct Key: Hashable { var citizen: UInt32; var key: UInt64 }
        struct ID: Hashable { var a: UInt64; var b: UInt64 }
        var aliveByKey: [Key: Int] = [:]
        var aliveByID: [ID: Int] = [:]
        for r in 0..<n where interesting[r] {
            let hasKey = raw.citizen[r] != RawAssessments.noKey
            let key = Key(citizen: raw.citizen[r], key: sortKey(raw.condition[r], raw.day[r]))
            let id = ID(a: raw.idHashA[r], b: raw.idHashB[r])
            let hasID = id.a != 0 || id.b != 0
            if raw.status[r] == AssessmentStatus.enteredInError.rawValue {
                fate[r] = .removed
                removed += 1
                let target = hasID ? aliveByID[id] : (hasKey ? aliveByKey[key] : nil)
                if let t = target, fate[t] == .alive {
                    fate[t] = .removed
                    removed += 1
                }
                continue
            }
            if hasKey, let t = aliveByKey[key], fate[t] == .alive { fate[t] = .superseded; superseded += 1 }
            if hasID, let t = aliveByID[id], fate[t] == .alive { fate[t] = .superseded; superseded += 1 }
            if hasKey { aliveByKey[key] = r }
            if hasID { aliveByID[id] = r }
        }
        // Keyless rows are removals by id; all were handled above.
        _ = keyless

        // 5. The survivors, already in (citizen, condition, day) order.
        var table = AssessmentTable()
        let alive = order.count - (superseded + removed - keyless.count)
        table.citizen.reserveCapacity(alive)
        table.day.reserveCapacity(alive)
        table.condition.reserveCapacity(alive)
        table.level.reserveCapacity(alive)
        table.goal.reserveCapacity(alive)
        table.team.reserveCapacity(alive)
        table.municipality.reserveCapacity(alive)
        table.sequence.reserveCapacity(alive)
        table.citizenStart = [Int](repeating: 0, count: citizenCount + 1)
        for c in 0..<citizenCount {
            for i in start[c]..<start[c + 1] {
                let r = Int(order[i])
                if fate[r] != .alive { continue }
                table.citizen.append(raw.citizen[r])
                table.day.append(raw.day[r])
                table.condition.append(raw.condition[r])
                table.level.append(raw.level[r])
                table.goal.append(raw.goal[r])
                table.team.append(raw.team[r])
                table.municipality.append(raw.municipality[r])
                table.sequence.append(UInt32(r))
            }
            table.citizenStart[c + 1] = table.day.count
        }
        return Outcome(table: table, superseded: superseded, removed: removed)
    }

    /// (condition, day) as one integer that sorts like the pair.
    @inline(__always)
    static func sortKey(_ condition: UInt8, _ day: Int32) -> UInt64 {
        UInt64(condition) << 32 | UInt64(UInt32(bitPattern: day) ^ 0x8000_0000)
    }

    /// Citizens split into contiguous ranges of about equal row counts.
    static func partition(start: [Int], parts: Int) -> [Range<Int>] {
        let citizens = start.count - 1
        guard citizens > 0 else { return [] }
        let total = start[citizens]
        var ranges: [Range<Int>] = []
        var lo = 0
        for k in 1...parts {
            let target = total * k / parts
            var hi = lo
            while hi < citizens && start[hi + 1] <= target { hi += 1 }
            if k == parts { hi = citizens }
            if hi > lo { ranges.append(lo..<hi); lo = hi }
        }
        return ranges
    }
}
