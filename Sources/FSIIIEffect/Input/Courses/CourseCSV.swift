import FSIIIBytes

/// The columns of a courses file (SPEC §3).
enum CourseColumns {
    static let citizen = 0, start = 1, end = 2, team = 3, municipality = 4, id = 5, type = 6
    static let specs: [ColumnSpec] = [
        ColumnSpec("citizen", ["cpr", "borger", "cpr_nr", "cprnr"], required: true),
        ColumnSpec("start", ["startdato", "start_dato", "fra"], required: true),
        ColumnSpec("end", ["slut", "slutdato", "slut_dato", "til"], required: true),
        ColumnSpec("team", ["hold", "gruppe", "enhed"]),
        ColumnSpec("municipality", ["kommune"]),
        ColumnSpec("id"),
        ColumnSpec("type", ["forloebstype", "forløbstype"]),
    ]
}

/// Reads one chunk of a courses file. Duplicates are resolved after all
/// chunks (`CourseRules`).
struct CourseSink: CSVRowSink {
    let path: String
    let header: CSVHeader
    /// The import's citizens so far (from the assessments files): a course's
    /// citizen is found there, so only citizens new to the import enter the
    /// chunk's own `citizens` — numbered from `known.count` on in `courses`
    /// until they are merged — and a course file costs one table lookup per
    /// row, not one in the chunk's table and another when it is merged.
    let known: ByteInterner.Lookup
    var courses: [Course] = []
    var citizens = CitizenRegistry()
    var teams = NameTable()
    var municipalities = NameTable()
    var problems: [ImportProblem] = []
    var rowsRead = 0
    /// A normalised citizen id; only ids of at most `CitizenID.maximumLength` bytes are written here.
    private let normalized = UnsafeMutablePointer<UInt8>.allocate(capacity: CitizenID.maximumLength)
    private var dates = TokenCache<Int32>()
    private var lastCitizen = RepeatMemo(), lastTeam = RepeatMemo(), lastMunicipality = RepeatMemo()
    private let column: [Int]

    init(path: String, header: CSVHeader, known: ByteInterner.Lookup) {
        self.path = path
        self.header = header
        self.known = known
        column = header.index.map { $0 ?? Int.max }
    }

    func release() {
        normalized.deallocate()
        lastCitizen.release()
        lastTeam.release()
        lastMunicipality.release()
    }

    /// A date cell through the cache; nil when it is not a date.
    private mutating func date(_ cell: ByteSlice) -> Day? {
        let raw = dates.day(cell)
        return raw == Int32.min ? nil : Day(rawValue: raw)
    }

    mutating func reject(line: Int, column: String, message: String, reason: String, cells: [String]) {
        problems.append(ImportProblem(file: path, line: line, column: column, message: message, reason: reason,
                                      cells: cells, citizenColumn: header.index[CourseColumns.citizen]))
    }

    private mutating func reject(_ record: CSVRecordCursor, line: Int, _ c: Int, _ message: String, reason: String) {
        reject(line: line, column: header.names[column[c]], message: message, reason: reason, cells: record.strings)
    }

    mutating func consume(_ record: CSVRecordCursor, line: Int) {
        typealias C = CourseColumns
        let citizenCell = record.field(column[C.citizen])
        guard !citizenCell.isEmpty else { return reject(record, line: line, C.citizen, "missing value; every course needs the citizen", reason: "missing citizen") }
        guard citizenCell.n <= CitizenID.maximumLength else { return reject(record, line: line, C.citizen, CitizenID.tooLongMessage(citizenCell.n), reason: "bad citizen") }
        let startCell = record.field(column[C.start])
        guard let start = date(startCell) else {
            if startCell.isEmpty { return reject(record, line: line, C.start, "missing value; every course needs its start date", reason: "missing date") }
            return reject(record, line: line, C.start, "\"\(startCell.shown)\" \(DateParser.problem(with: startCell))", reason: "bad date")
        }
        let endCell = record.field(column[C.end])
        var end: Day?
        if !endCell.isEmpty {
            guard let e = date(endCell) else {
                return reject(record, line: line, C.end, "\"\(endCell.shown)\" \(DateParser.problem(with: endCell)), or leave it empty for an open course", reason: "bad date")
            }
            guard e >= start else {
                return reject(record, line: line, C.end, "the course ends (\(e.iso)) before it starts (\(start.iso))", reason: "end before start")
            }
            end = e
        }
        let n = CitizenID.normalize(citizenCell, into: normalized)
        let citizen = lastCitizen.resolve(normalized, n) { known.find($0, $1) ?? UInt32(known.count) + citizens.intern($0, $1) }
        let team = lastTeam.name(record, column: column[C.team], in: &teams)
        let municipality = lastMunicipality.name(record, column: column[C.municipality], in: &municipalities)
        let id = column[C.id] != Int.max ? record.field(column[C.id]).string : ""
        let type = column[C.type] != Int.max ? record.field(column[C.type]).string : ""
        courses.append(Course(citizen: citizen, start: start, end: end, team: team, municipality: municipality, id: id, type: type))
    }
}

/// Duplicate courses: a later course with the same `id` replaces the
/// earlier one (superseded). SPEC §4 states the rule for assessments;
/// courses follow it by analogy for ids only — two courses of one citizen
/// may well start on the same day (say personal care and practical help),
/// so without an id nothing is superseded (docs/RULES.md).
enum CourseRules {
    static func deduplicate(_ courses: [Course]) -> (kept: [Course], superseded: Int) {
        // Ids by their 128-bit hash (as assessment ids) in an open-addressing
        // table of course indices (the hashes are read through the index):
        // no String hashing per course, and 4 bytes a slot.
        var capacity = 16
        while capacity < 2 * courses.count { capacity <<= 1 }
        var slotCourse = [Int32](repeating: -1, count: capacity)
        var alive = [Bool](repeating: true, count: courses.count)
        var superseded = 0
        // The ids' hashes on both cores; the table is filled in order.
        let parts = Parallel.chunks(courses.count)
        let hashes = Parallel.map(0..<parts.count) { k in
            parts[k].map { i -> (UInt64, UInt64) in
                var text = courses[i].id
                return text.withUTF8 { u in recordIDHash(ByteSlice(p: u.baseAddress ?? emptyBytes, n: u.count)) }
            }
        }.flatMap { $0 }
        for (i, c) in courses.enumerated() where !c.id.isEmpty {
            let (a, b) = hashes[i]
            var slot = Int(truncatingIfNeeded: a ^ (b >> 17)) & (capacity - 1)
            while slotCourse[slot] >= 0 && hashes[Int(slotCourse[slot])] != (a, b) { slot = (slot + 1) & (capacity - 1) }
            if slotCourse[slot] >= 0 {
                alive[Int(slotCourse[slot])] = false
                superseded += 1
            }
            slotCourse[slot] = Int32(i)
        }
        return superseded == 0 ? (courses, 0) : (courses.indices.filter { alive[$0] }.map { courses[$0] }, superseded)
    }
}
