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
        for c in raw.citizen where c < RawAssessments.hole { start[Int(c) + 1] += 1 }
        for c in 0..<citizenCount { start[c + 1] += start[c] }
        var order = [UInt32](repeating: 0, count: start[citizenCount])
        var keyless: [UInt32] = []
        do {
            var next = start
            for r in 0..<n {
                let c = raw.citizen[r]
                if c == RawAssessments.hole { continue }
                if c == RawAssessments.noKey { keyless.append(UInt32(r)); continue }
                order[next[Int(c)]] = UInt32(r)
                next[Int(c)] += 1
            }
        }

        // 2. Per citizen: order by (condition, day, input order); mark rows
        //    that share their key with another row. Keys are packed into one
        //    integer — condition, day offset, position within the citizen —
        //    so the sort compares plain UInt64s.
        var interesting = [Bool](repeating: false, count: n)
        let minDay = raw.day.min() ?? 0
        let citizenParts = partition(start: start, parts: Parallel.workers * 4)
        order.withUnsafeMutableBufferPointer { orderBuffer in
            interesting.withUnsafeMutableBufferPointer { flags in
                raw.condition.withUnsafeBufferPointer { conditions in
                    raw.day.withUnsafeBufferPointer { days in
                        let o = UnsafeSendable(orderBuffer.baseAddress!)
                        let f = UnsafeSendable(flags.baseAddress!)
                        let cs = UnsafeSendable(conditions.baseAddress!), ds = UnsafeSendable(days.baseAddress!)
                        _ = Parallel.map(0..<citizenParts.count) { k in
                            var keys: [UInt64] = []
                            var rows: [UInt32] = []
                            for c in citizenParts[k] {
                                let lo = start[c], hi = start[c + 1]
                                if hi - lo < 2 { continue }
                                keys.removeAll(keepingCapacity: true)
                                rows.removeAll(keepingCapacity: true)
                                if hi - lo >= (1 << 24) {
                                    // More than 16 M rows of one citizen: too many for the packed position.
                                    let sorted = (lo..<hi).map { i -> (UInt64, UInt32) in
                                        let r = Int(o.value[i])
                                        return (packedKey(cs.value[r], ds.value[r], minDay: minDay), UInt32(r))
                                    }.sorted { $0 < $1 }
                                    for (j, p) in sorted.enumerated() {
                                        o.value[lo + j] = p.1
                                        rows.append(p.1)
                                        keys.append(p.0 << 24 | UInt64(j & 0xFF_FFFF))
                                    }
                                } else {
                                    for i in lo..<hi {
                                        let r = Int(o.value[i])
                                        rows.append(UInt32(r))
                                        keys.append(packedKey(cs.value[r], ds.value[r], minDay: minDay) << 24 | UInt64(i - lo))
                                    }
                                    sortSmall(&keys)
                                }
                                var previous = UInt64.max
                                var previousRow: UInt32 = 0
                                for (j, key) in keys.enumerated() {
                                    let row = hi - lo >= (1 << 24) ? rows[j] : rows[Int(key & 0xFF_FFFF)]
                                    o.value[lo + j] = row
                                    if key >> 24 == previous {
                                        f.value[Int(row)] = true
                                        f.value[Int(previousRow)] = true
                                    }
                                    previous = key >> 24
                                    previousRow = row
                                }
                            }
                            return 0
                        }
                    }
                }
            }
        }

        // 3. Rows that share an id with another row (bucketed by the top
        //    bits of the hash, then compared within buckets); removals.
        markSharedIDs(raw, &interesting)
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
        // 5. The survivors, already in (citizen, condition, day) order,
        //    gathered on both cores into exactly sized columns.
        let table = gather(raw, order: order, start: start, fate: fate, citizenCount: citizenCount, parts: citizenParts)
        return Outcome(table: table, superseded: superseded, removed: removed)
    }

    private static func gather(_ raw: RawAssessments, order: [UInt32], start: [Int], fate: [Fate], citizenCount: Int,
                               parts: [Range<Int>]) -> AssessmentTable {
        var citizenStart = [Int](repeating: 0, count: citizenCount + 1)
        for c in 0..<citizenCount {
            var alive = 0
            for i in start[c]..<start[c + 1] where fate[Int(order[i])] == .alive { alive += 1 }
            citizenStart[c + 1] = citizenStart[c] + alive
        }
        let count = citizenStart[citizenCount]
        var table = AssessmentTable()
        table.citizenStart = citizenStart
        func column<T>(_ source: [T], zero: T) -> [T] {
            [T](unsafeUninitializedCapacity: count) { out, initialized in
                let o = UnsafeSendable(out.baseAddress)
                source.withUnsafeBufferPointer { src in
                    let s = UnsafeSendable(src.baseAddress)
                    _ = Parallel.map(0..<parts.count) { k in
                        guard let dst = o.value, let from = s.value else { return 0 }
                        var w = citizenStart[parts[k].lowerBound]
                        for c in parts[k] {
                            for i in start[c]..<start[c + 1] {
                                let r = Int(order[i])
                                if fate[r] == .alive {
                                    (dst + w).initialize(to: from[r])
                                    w += 1
                                }
                            }
                        }
                        return 0
                    }
                }
                initialized = count
            }
        }
        table.citizen = column(raw.citizen, zero: 0)
        table.day = column(raw.day, zero: 0)
        table.condition = column(raw.condition, zero: 0)
        table.level = column(raw.level, zero: 0)
        table.goal = column(raw.goal, zero: 0)
        table.team = column(raw.team, zero: 0)
        table.municipality = column(raw.municipality, zero: 0)
        table.sequence = [UInt32](unsafeUninitializedCapacity: count) { out, initialized in
            let o = UnsafeSendable(out.baseAddress)
            _ = Parallel.map(0..<parts.count) { k in
                guard let dst = o.value else { return 0 }
                var w = citizenStart[parts[k].lowerBound]
                for c in parts[k] {
                    for i in start[c]..<start[c + 1] where fate[Int(order[i])] == .alive {
                        (dst + w).initialize(to: order[i])
                        w += 1
                    }
                }
                return 0
            }
            initialized = count
        }
        return table
    }

    /// Marks every row whose record id (128-bit hash) another row shares.
    /// Rows are split by the top bits of the hash into one partition per
    /// task (so tasks never touch the same row), each partition bucketed by
    /// the next 16 bits (a counting sort), and each small bucket compared
    /// within itself.
    private static func markSharedIDs(_ raw: RawAssessments, _ interesting: inout [Bool]) {
        let n = raw.count
        let partitionBits = Parallel.workers > 1 ? 3 : 0
        let partitions = 1 << partitionBits
        // About two rows per bucket: the pairwise comparison stays cheap.
        let perBucketPair = max(1, (n >> partitionBits) / 2)
        let bucketBits = max(8, min(24, perBucketPair.bitWidth - perBucketPair.leadingZeroBitCount))
        let buckets = 1 << bucketBits
        raw.idHashA.withUnsafeBufferPointer { a in
            raw.idHashB.withUnsafeBufferPointer { b in
                interesting.withUnsafeMutableBufferPointer { flags in
                    let f = UnsafeSendable(flags.baseAddress!)
                    let ua = UnsafeSendable(a), ub = UnsafeSendable(b)
                    _ = Parallel.map(0..<partitions) { part in
                        let a = ua.value, b = ub.value
                        func partition(_ h: UInt64) -> Int { partitionBits == 0 ? 0 : Int(h >> UInt64(64 - partitionBits)) }
                        func bucket(_ h: UInt64) -> Int { Int((h << UInt64(partitionBits)) >> UInt64(64 - bucketBits)) }
                        var starts = [Int](repeating: 0, count: buckets + 1)
                        var members = 0
                        for r in 0..<n where (a[r] != 0 || b[r] != 0) && partition(a[r]) == part {
                            starts[bucket(a[r]) + 1] += 1
                            members += 1
                        }
                        guard members > 1 else { return 0 }
                        for k in 0..<buckets { starts[k + 1] += starts[k] }
                        var next = starts
                        var entries = [UInt32](repeating: 0, count: members)
                        for r in 0..<n where (a[r] != 0 || b[r] != 0) && partition(a[r]) == part {
                            let k = bucket(a[r])
                            entries[next[k]] = UInt32(r)
                            next[k] += 1
                        }
                        for k in 0..<buckets where starts[k + 1] - starts[k] > 1 {
                            // Buckets hold a few rows: compare each pair.
                            for i in starts[k]..<(starts[k + 1] - 1) {
                                let x = Int(entries[i])
                                for j in (i + 1)..<starts[k + 1] {
                                    let y = Int(entries[j])
                                    if a[x] == a[y] && b[x] == b[y] {
                                        f.value[x] = true
                                        f.value[y] = true
                                    }
                                }
                            }
                        }
                        return 0
                    }
                }
            }
        }
    }

    /// Condition and day offset as one integer that sorts like the pair
    /// (32 bits of day offset, then shifted left 24 for the position).
    @inline(__always)
    static func packedKey(_ condition: UInt8, _ day: Int32, minDay: Int32) -> UInt64 {
        UInt64(condition) << 32 | UInt64(UInt32(truncatingIfNeeded: Int64(day) - Int64(minDay)))
    }

    /// Insertion sort for the few rows of one citizen; the standard sort beyond.
    @inline(__always)
    static func sortSmall(_ keys: inout [UInt64]) {
        if keys.count > 32 { keys.sort(); return }
        keys.withUnsafeMutableBufferPointer { k in
            for i in 1..<k.count {
                let x = k[i]
                var j = i - 1
                while j >= 0 && k[j] > x {
                    k[j + 1] = k[j]
                    j -= 1
                }
                k[j + 1] = x
            }
        }
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
