import Dispatch
import FSIIIBytes

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

    private typealias Fate = RowFate
    /// A record id's 128-bit hash.
    private struct ID: Hashable { var a: UInt64; var b: UInt64 }

    /// Applies the rules to `raw`, consuming it: each column is freed once
    /// no later step reads it (the id hashes before the sort, the rest as
    /// the survivors are gathered), so the rows are never held twice.
    /// `idsDone` is called once the id hashes are freed (the pass's peak of
    /// memory is behind it), so a caller can start other work then.
    static func apply(_ raw: inout RawAssessments, citizenCount: Int, timings: inout StageTimings, idsDone: () -> Void = {}) -> Outcome {
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            timings.record("rules: " + name, seconds: Double(now - clock) / 1e9)
            clock = now
        }
        let n = raw.count
        // 1. Rows that share an id with another row (bucketed by the top
        //    bits of the hash, then compared within buckets), and removals.
        //    Only these rows' ids can matter to the rules (an id no other row
        //    has supersedes nothing; a removal's id names its target even
        //    when no row has it), so they are kept and the hash columns freed.
        var interesting = [Bool](repeating: false, count: n)
        markSharedIDs(raw, &interesting)
        for r in 0..<n where raw.status[r] == AssessmentStatus.enteredInError.rawValue { interesting[r] = true }
        var idRows: [UInt32] = []
        var ids: [ID] = []
        for r in 0..<n where interesting[r] && (raw.idHashA[r] != 0 || raw.idHashB[r] != 0) {
            idRows.append(UInt32(r))
            ids.append(ID(a: raw.idHashA[r], b: raw.idHashB[r]))
        }
        raw.idHashA = []
        raw.idHashB = []

        lap("shared ids")
        idsDone()
        // 2. Counting sort by citizen, stable (input order within a citizen),
        //    on both cores: each counts its half of the rows, then writes
        //    them after the rows of the same citizen in the halves before.
        //    Holes and keyless rows (removals by id, handled in step 4) are
        //    not sorted.
        let workers = min(Parallel.workers, max(1, n >> 10))
        let rowParts = (0..<workers).map { w in (n * w / workers)..<(n * (w + 1) / workers) }
        var order: [UInt32] = []
        let start = raw.citizen.withUnsafeBufferPointer { citizens -> [Int] in
            let cs = UnsafeSendable(citizens)
            let partCounts: [[Int32]] = Parallel.map(0..<workers) { w in
                var c = [Int32](repeating: 0, count: citizenCount)
                for r in rowParts[w] where cs.value[r] < RawAssessments.hole { c[Int(cs.value[r])] += 1 }
                return c
            }
            // Where each part's rows of each citizen go, and the citizens' offsets.
            var offsets = [[Int]](repeating: [], count: workers)
            for w in 0..<workers { offsets[w].reserveCapacity(citizenCount) }
            var counts = [Int](repeating: 0, count: citizenCount + 1)
            var total = 0
            for c in 0..<citizenCount {
                counts[c] = total
                for w in 0..<workers {
                    offsets[w].append(total)
                    total += Int(partCounts[w][c])
                }
            }
            counts[citizenCount] = total
            order = [UInt32](unsafeUninitializedCapacity: total) { out, initialized in
                let o = UnsafeSendable(out.baseAddress)
                _ = Parallel.map(0..<workers) { w in
                    guard let dst = o.value else { return 0 }
                    var next = offsets[w]
                    for r in rowParts[w] {
                        let c = cs.value[r]
                        if c >= RawAssessments.hole { continue }
                        (dst + next[Int(c)]).initialize(to: UInt32(r))
                        next[Int(c)] += 1
                    }
                    return 0
                }
                initialized = total
            }
            return counts
        }

        lap("by citizen")
        // 3. Per citizen: order by (condition, day, input order); mark rows
        //    that share their key with another row. Keys are packed into one
        //    integer — condition, day offset, position within the citizen —
        //    so the sort compares plain UInt64s.
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

        lap("by condition and day")
        // 4. The rules (`WhichRowWins`, SPEC §4), in input order, over the
        //    interesting rows only; a row's id (when it can matter) is found
        //    by walking `idRows`.
        struct Key: Hashable { var citizen: UInt32; var key: UInt64 }
        var rule = WhichRowWins<Key, ID>(rowCount: n)
        var nextID = 0
        for r in 0..<n where interesting[r] {
            let hasKey = raw.citizen[r] != RawAssessments.noKey
            let hasID = nextID < idRows.count && idRows[nextID] == UInt32(r)
            let id = hasID ? ids[nextID] : nil
            if hasID { nextID += 1 }
            rule.take(row: r, key: hasKey ? Key(citizen: raw.citizen[r], key: sortKey(raw.condition[r], raw.day[r])) : nil,
                      id: id, enteredInError: raw.status[r] == AssessmentStatus.enteredInError.rawValue)
        }
        let fate = rule.fate
        let superseded = rule.superseded, removed = rule.removed
        lap("rules")
        // 5. The survivors, already in (citizen, condition, day) order,
        //    gathered on both cores into exactly sized columns.
        let table = gather(&raw, order: order, start: start, fate: fate, citizenCount: citizenCount, parts: citizenParts)
        lap("gather")
        return Outcome(table: table, superseded: superseded, removed: removed)
    }

    /// Gathers the alive rows column by column, freeing each column of
    /// `raw` once it is copied.
    private static func gather(_ raw: inout RawAssessments, order: [UInt32], start: [Int], fate: [Fate], citizenCount: Int,
                               parts: [Range<Int>]) -> AssessmentTable {
        // Each citizen's alive rows, counted on both cores, then summed up.
        var citizenStart = [Int](repeating: 0, count: citizenCount + 1)
        citizenStart.withUnsafeMutableBufferPointer { out in
            let o = UnsafeSendable(out.baseAddress!)
            _ = Parallel.map(0..<parts.count) { k in
                for c in parts[k] {
                    var alive = 0
                    for i in start[c]..<start[c + 1] where fate[Int(order[i])] == .alive { alive += 1 }
                    o.value[c + 1] = alive
                }
                return 0
            }
        }
        for c in 0..<citizenCount { citizenStart[c + 1] += citizenStart[c] }
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
        raw.citizen = []    // the table's citizens are its `citizenStart` runs
        table.day = column(raw.day, zero: 0); raw.day = []
        table.condition = column(raw.condition, zero: 0); raw.condition = []
        table.level = column(raw.level, zero: 0); raw.level = []
        table.goal = column(raw.goal, zero: 0); raw.goal = []
        table.team = column(raw.team, zero: 0); raw.team = []
        table.municipality = column(raw.municipality, zero: 0); raw.municipality = []
        raw.status = []
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
    /// The rows with an id are split by the top 10 bits of the hash into
    /// 1,024 partitions (small enough for a core's cache at 10M rows),
    /// copying a 64-bit fragment of the hash with each row (so later passes
    /// never miss the cache on the hash columns): each core counts and then
    /// scatters its half of the rows. Then each partition, on its own core,
    /// is counting-sorted by the next bits (about two rows a bucket) and
    /// fragments are compared within each bucket, reading the full 128-bit
    /// hashes only when fragments match. Tasks never touch the same row.
    /// The partitions are handled in two rounds, so the copies take half
    /// the memory.
    private static func markSharedIDs(_ raw: RawAssessments, _ interesting: inout [Bool]) {
        let n = raw.count
        let partitionBits = 10
        let partitions = 1 << partitionBits
        let rounds = 2
        let workers = Parallel.workers
        let rowParts = (0..<workers).map { w in (n * w / workers)..<(n * (w + 1) / workers) }
        raw.idHashA.withUnsafeBufferPointer { a in
            raw.idHashB.withUnsafeBufferPointer { b in
                interesting.withUnsafeMutableBufferPointer { flags in
                    let ua = UnsafeSendable(a), ub = UnsafeSendable(b)
                    for round in 0..<rounds {
                        let firstPartition = partitions * round / rounds, endPartition = partitions * (round + 1) / rounds
                        @inline(__always) func partition(_ r: Int) -> Int? {
                            let x = ua.value[r], y = ub.value[r]
                            guard x != 0 || y != 0 else { return nil }
                            let p = Int(x >> UInt64(64 - partitionBits))
                            return p >= firstPartition && p < endPartition ? p : nil
                        }
                        let counts: [[Int]] = Parallel.map(0..<workers) { w in
                            var c = [Int](repeating: 0, count: partitions)
                            for r in rowParts[w] { if let p = partition(r) { c[p] += 1 } }
                            return c
                        }
                        // Partition p is starts[p] ..< starts[p + 1]; within it, each worker's rows in turn.
                        var starts = [Int](repeating: 0, count: partitions + 1)
                        var writeAt = [[Int]](repeating: [Int](repeating: 0, count: partitions), count: workers)
                        var total = 0
                        for p in firstPartition..<endPartition {
                            starts[p] = total
                            for w in 0..<workers { writeAt[w][p] = total; total += counts[w][p] }
                        }
                        starts[endPartition] = total
                        guard total > 1 else { continue }
                        // Fragment: the 32 bits after the partition bits (bucket), then 32 low bits of b (check).
                        var fragments = [UInt64](repeating: 0, count: total)
                        var rows = [UInt32](repeating: 0, count: total)
                        fragments.withUnsafeMutableBufferPointer { fb in rows.withUnsafeMutableBufferPointer { rb in
                            let fo = UnsafeSendable(fb.baseAddress!), ro = UnsafeSendable(rb.baseAddress!)
                            _ = Parallel.map(0..<workers) { w in
                                var next = writeAt[w]
                                for r in rowParts[w] {
                                    guard let p = partition(r) else { continue }
                                    fo.value[next[p]] = (ua.value[r] << UInt64(partitionBits)) & 0xFFFF_FFFF_0000_0000 | (ub.value[r] & 0xFFFF_FFFF)
                                    ro.value[next[p]] = UInt32(r)
                                    next[p] += 1
                                }
                                return 0
                            }
                            let f = UnsafeSendable(flags.baseAddress!)
                            _ = Parallel.map(firstPartition..<endPartition) { part in
                                let lo = starts[part], count = starts[part + 1] - lo
                                guard count > 1 else { return 0 }
                                let half = max(1, count / 2)
                                let bucketBits = max(4, min(24, half.bitWidth - half.leadingZeroBitCount))
                                let buckets = 1 << bucketBits
                                let fragment = fo.value + lo, row = ro.value + lo
                                @inline(__always) func bucket(_ x: UInt64) -> Int { Int(x >> UInt64(64 - bucketBits)) }
                                // The partition's fragments and rows, bucket by bucket (a counting sort).
                                var first = [Int](repeating: 0, count: buckets + 1)
                                for i in 0..<count { first[bucket(fragment[i]) + 1] += 1 }
                                for k in 0..<buckets { first[k + 1] += first[k] }
                                var fill = first
                                var sortedFragments = [UInt64](repeating: 0, count: count)
                                var sortedRows = [UInt32](repeating: 0, count: count)
                                for i in 0..<count {
                                    let k = bucket(fragment[i])
                                    sortedFragments[fill[k]] = fragment[i]
                                    sortedRows[fill[k]] = row[i]
                                    fill[k] += 1
                                }
                                for k in 0..<buckets where first[k + 1] - first[k] > 1 {
                                    // A bucket holds a few rows: compare each pair's fragments, then the hashes.
                                    for i in first[k]..<(first[k + 1] - 1) {
                                        for j in (i + 1)..<first[k + 1] where sortedFragments[i] == sortedFragments[j] {
                                            let rx = Int(sortedRows[i]), ry = Int(sortedRows[j])
                                            if ua.value[rx] == ua.value[ry] && ub.value[rx] == ub.value[ry] {
                                                f.value[rx] = true
                                                f.value[ry] = true
                                            }
                                        }
                                    }
                                }
                                return 0
                            }
                        } }
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
