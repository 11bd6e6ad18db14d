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
    /// A slot reserved for a row that was never written (a rejected row, a
    /// blank line): skipped by every pass.
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
    /// cores — so every slot must then be written (`Writer.set`) or made a
    /// hole (`Writer.holes`).
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

        /// Makes the slots of `range` holes: skipped by every pass.
        func holes(_ range: Range<Int>) {
            let hole = RawAssessmentRow(citizen: RawAssessments.hole, day: 0, condition: 0, level: 0, goal: RawAssessments.noGoal,
                                        status: 0, team: 0, municipality: 0, idA: 0, idB: 0)
            for i in range { set(i, hole) }
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

    /// Appends a chunk's rows with its local citizen, team and
    /// municipality indices mapped to global ones.
    mutating func append(_ rows: [RawAssessmentRow], citizens: [UInt32], teams: [UInt32], municipalities: [UInt32]) {
        reserve(count + rows.count)
        for r in rows {
            citizen.append(r.citizen == RawAssessments.noKey ? r.citizen : citizens[Int(r.citizen)])
            day.append(r.day)
            condition.append(r.condition)
            level.append(r.level)
            goal.append(r.goal)
            status.append(r.status)
            team.append(teams[Int(r.team)])
            municipality.append(municipalities[Int(r.municipality)])
            idHashA.append(r.idA)
            idHashB.append(r.idB)
        }
    }
}

/// The 128-bit hash of a record id: equal ids have equal hashes, and two
/// different ids collide with probability about 2⁻¹²⁸ per pair.
@inline(__always)
func recordIDHash(_ s: ByteSlice) -> (UInt64, UInt64) {
    if s.n == 0 { return (0, 0) }
    let a = byteHash(s.p, s.n), b = byteHash(s.p, s.n, seed: 0x2545_F491_4F6C_DD1D)
    return (a == 0 && b == 0) ? (1, 0) : (a, b)
}
