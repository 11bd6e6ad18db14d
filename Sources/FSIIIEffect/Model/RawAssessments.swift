import Foundation
import FSIIIBytes

/// Status of an assessment row (SPEC §3, §4).
enum AssessmentStatus: UInt8 {
    /// An assessment (the default).
    case active = 0
    /// The condition no longer limits the citizen: an assessment at level 0.
    case resolved = 1
    /// Removes the record with the same id (or citizen, condition and date).
    case enteredInError = 2
}

/// One assessment row as a chunk reads it (one append per row); chunks
/// are turned into the columns of `RawAssessments` when they are merged.
struct RawAssessmentRow {
    var citizen: UInt32
    var day: Int32
    var condition: UInt8
    var level: UInt8
    var goal: UInt8
    var status: UInt8
    var team: UInt32
    var municipality: UInt32
    var idA: UInt64
    var idB: UInt64
}

/// Assessment rows as read, in input order, before the rules of SPEC §4.
/// Columns, not structs, so each pass touches only what it needs.
struct RawAssessments {
    /// Citizen index; `RawAssessments.noKey` for an entered-in-error row
    /// identified by its id alone.
    var citizen: [UInt32] = []
    var day: [Int32] = []
    var condition: [UInt8] = []
    var level: [UInt8] = []
    /// Goal level, or `RawAssessments.noGoal`.
    var goal: [UInt8] = []
    var status: [UInt8] = []
    var team: [UInt32] = []
    var municipality: [UInt32] = []
    /// 128-bit hash of the record id (two seeds); (0, 0) when the row has no id.
    var idHashA: [UInt64] = []
    var idHashB: [UInt64] = []

    static let noKey = UInt32.max
    /// A row to skip: every pass of the rules passes over it (imports
    /// close up the slots they do not fill, so only tests write it).
    static let hole = UInt32.max - 1
    static let noGoal: UInt8 = 0xFF

    var count: Int { day.count }

    mutating func reserve(_ n: Int) {
        citizen.reserveCapacity(n); day.reserveCapacity(n); condition.reserveCapacity(n); level.reserveCapacity(n)
        goal.reserveCapacity(n); status.reserveCapacity(n); team.reserveCapacity(n); municipality.reserveCapacity(n)
        idHashA.reserveCapacity(n); idHashB.reserveCapacity(n)
    }

    @inline(__always)
    mutating func append(citizen c: UInt32, day d: Int32, condition k: UInt8, level l: UInt8, goal g: UInt8,
                         status s: AssessmentStatus, team t: UInt32, municipality m: UInt32, id: (UInt64, UInt64)) {
        citizen.append(c); day.append(d); condition.append(k); level.append(l); goal.append(g)
        status.append(s.rawValue); team.append(t); municipality.append(m)
        idHashA.append(id.0); idHashB.append(id.1)
    }

    /// Adds `n` slots and returns their range, so chunks can write their
    /// rows in place, in parallel (`withWriter`). The new slots are not
    /// initialised — the writing threads touch their pages first, on both
    /// cores — so every slot must then be written (`Writer.set`) or closed
    /// up (`compact`).
    mutating func extend(by n: Int) -> Range<Int> {
        let start = count
        func grown<T>(_ column: [T]) -> [T] {
            [T](unsafeUninitializedCapacity: start + n) { buffer, initialized in
                column.withUnsafeBufferPointer { old in
                    if let b = old.baseAddress, let d = buffer.baseAddress { d.initialize(from: b, count: start) }
                }
                initialized = start + n
            }
        }
        citizen = grown(citizen); day = grown(day); condition = grown(condition); level = grown(level)
        goal = grown(goal); status = grown(status); team = grown(team); municipality = grown(municipality)
        idHashA = grown(idHashA); idHashB = grown(idHashB)
        return start..<count
    }

    /// Drops the slots from `n` on (what a read that is started again wrote).
    mutating func truncate(to n: Int) {
        guard n < count else { return }
        citizen.removeSubrange(n...); day.removeSubrange(n...); condition.removeSubrange(n...); level.removeSubrange(n...)
        goal.removeSubrange(n...); status.removeSubrange(n...); team.removeSubrange(n...); municipality.removeSubrange(n...)
        idHashA.removeSubrange(n...); idHashB.removeSubrange(n...)
    }

    /// Closes the gaps a read leaves in its chunks' regions (rejected rows,
    /// blank lines, a speculative estimate's room to spare): from slot `start` on, the rows of each
    /// piece — its written `slots`, then its `extra` rows (those beyond its
    /// estimate, with global indices already) — one after the other in
    /// piece order, and the columns end there. In place, each piece moved
    /// down, unless a piece's rows would reach the slots of the next before
    /// they have moved (an estimate far off): then into new columns. The
    /// pages past the new end are handed back, so the room to spare that
    /// was written costs no memory.
    mutating func compact(from start: Int, pieces: [(slots: Range<Int>, extra: [RawAssessmentRow])]) {
        let old = count
        guard old > 0 else { return }
        var end = start
        var inPlace = true
        for (k, piece) in pieces.enumerated() {
            if end > piece.slots.lowerBound { inPlace = false }
            end += piece.slots.count + piece.extra.count
            if end > (k + 1 < pieces.count ? pieces[k + 1].slots.lowerBound : old) { inPlace = false }
        }
        /// Lays out one column's pieces from `from` into `to` (the same
        /// buffer when in place: moving down, left to right, is safe).
        func layOut<T>(_ from: UnsafePointer<T>, into to: UnsafeMutablePointer<T>, _ field: (RawAssessmentRow) -> T) {
            var d = start
            for piece in pieces {
                memmove(to + d, from + piece.slots.lowerBound, piece.slots.count * MemoryLayout<T>.stride)
                d += piece.slots.count
                for row in piece.extra {
                    (to + d).initialize(to: field(row))
                    d += 1
                }
            }
        }
        if inPlace {
            // Each column on its own, on both cores; the pages past the end
            // are handed back before the columns are cut there.
            func shift<T>(_ base: UnsafeMutablePointer<T>, _ field: (RawAssessmentRow) -> T) {
                layOut(base, into: base, field)
                if old > end { dropPages(UnsafeRawPointer(base + end).assumingMemoryBound(to: UInt8.self), (old - end) * MemoryLayout<T>.stride) }
            }
            withWriter { w in
                _ = Parallel.map(0..<10) { c in
                    switch c {
                    case 0: shift(w.idHashA, \.idA)
                    case 1: shift(w.idHashB, \.idB)
                    case 2: shift(w.citizen, \.citizen)
                    case 3: shift(w.day, \.day)
                    case 4: shift(w.team, \.team)
                    case 5: shift(w.municipality, \.municipality)
                    case 6: shift(w.condition, \.condition)
                    case 7: shift(w.level, \.level)
                    case 8: shift(w.goal, \.goal)
                    default: shift(w.status, \.status)
                    }
                    return 0
                }
            }
            truncate(to: end)
        } else {
            func rebuilt<T>(_ column: [T], _ field: (RawAssessmentRow) -> T) -> [T] {
                column.withUnsafeBufferPointer { b in
                    [T](unsafeUninitializedCapacity: end) { out, initialized in
                        if let from = b.baseAddress, let to = out.baseAddress {
                            to.initialize(from: from, count: start)
                            layOut(from, into: to, field)
                        }
                        initialized = end
                    }
                }
            }
            citizen = rebuilt(citizen, \.citizen); day = rebuilt(day, \.day); condition = rebuilt(condition, \.condition)
            level = rebuilt(level, \.level); goal = rebuilt(goal, \.goal); status = rebuilt(status, \.status)
            team = rebuilt(team, \.team); municipality = rebuilt(municipality, \.municipality)
            idHashA = rebuilt(idHashA, \.idA); idHashB = rebuilt(idHashB, \.idB)
        }
    }

    /// Pointers to every column, for writing rows in place from several
    /// threads, each into its own slots. Valid only inside `withWriter`.
    struct Writer: @unchecked Sendable {
        let citizen, team, municipality: UnsafeMutablePointer<UInt32>
        let day: UnsafeMutablePointer<Int32>
        let condition, level, goal, status: UnsafeMutablePointer<UInt8>
        let idHashA, idHashB: UnsafeMutablePointer<UInt64>

        @inline(__always)
        func set(_ i: Int, _ r: RawAssessmentRow) {
            citizen[i] = r.citizen; day[i] = r.day; condition[i] = r.condition; level[i] = r.level; goal[i] = r.goal
            status[i] = r.status; team[i] = r.team; municipality[i] = r.municipality; idHashA[i] = r.idA; idHashB[i] = r.idB
        }
    }

    /// Runs `body` with pointers to the columns; needs `count > 0` (so every
    /// column has storage and its base address is not nil).
    mutating func withWriter<T>(_ body: (Writer) -> T) -> T {
        citizen.withUnsafeMutableBufferPointer { c in team.withUnsafeMutableBufferPointer { t in
            municipality.withUnsafeMutableBufferPointer { m in day.withUnsafeMutableBufferPointer { d in
                condition.withUnsafeMutableBufferPointer { k in level.withUnsafeMutableBufferPointer { l in
                    goal.withUnsafeMutableBufferPointer { g in status.withUnsafeMutableBufferPointer { s in
                        idHashA.withUnsafeMutableBufferPointer { a in idHashB.withUnsafeMutableBufferPointer { b in
                            body(Writer(citizen: c.baseAddress!, team: t.baseAddress!,
                                        municipality: m.baseAddress!, day: d.baseAddress!,
                                        condition: k.baseAddress!, level: l.baseAddress!,
                                        goal: g.baseAddress!, status: s.baseAddress!,
                                        idHashA: a.baseAddress!, idHashB: b.baseAddress!))
                        } }
                    } }
                } }
            } }
        } }
    }
}

/// The 128-bit hash of a record id: equal ids have equal hashes, and two
/// different ids collide with probability about 2⁻¹²⁸ per pair.
@inline(__always)
func recordIDHash(_ s: ByteSlice) -> (UInt64, UInt64) {
    if s.n == 0 { return (0, 0) }
    let (a, b) = byteHashPair(s.p, s.n, seeds: 0x9E37_79B9_7F4A_7C15, 0x2545_F491_4F6C_DD1D)
    return (a == 0 && b == 0) ? (1, 0) : (a, b)
}
