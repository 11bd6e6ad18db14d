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
    var courses: [Course] = []
    var citizens = CitizenRegistry()
    var teams = NameTable()
    var municipalities = NameTable()
    var problems: [ImportProblem] = []
    var rowsRead = 0
    private let normalized = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    private let column: [Int]

    init(path: String, header: CSVHeader) {
        self.path = path
        self.header = header
        column = header.index.map { $0 ?? Int.max }
    }

    func release() { normalized.deallocate() }

    mutating func reject(line: Int, column: String, message: String, reason: String, cells: [String]) {
        var problem = ImportProblem(file: path, line: line, column: column, message: message, reason: reason, cells: cells)
        if let c = header.index[CourseColumns.citizen], c < problem.cells.count {
            problem.citizenID = Array(problem.cells[c].utf8)
            problem.cells[c] = Redaction.placeholder
            problem.citizenCell = c
        }
        problems.append(problem)
    }

    private mutating func reject(_ record: CSVRecordCursor, line: Int, _ c: Int, _ message: String, reason: String) {
        reject(line: line, column: header.names[column[c]], message: message, reason: reason, cells: record.strings)
    }

    mutating func consume(_ record: CSVRecordCursor, line: Int) {
        typealias C = CourseColumns
        let citizenCell = record.field(column[C.citizen])
        guard !citizenCell.isEmpty else { return reject(record, line: line, C.citizen, "missing value; every course needs the citizen", reason: "missing citizen") }
        guard citizenCell.n <= 64 else { return reject(record, line: line, C.citizen, "the citizen id is longer than 64 characters", reason: "bad citizen") }
        let startCell = record.field(column[C.start])
        guard let start = DateParser.parse(startCell) else {
            if startCell.isEmpty { return reject(record, line: line, C.start, "missing value; every course needs its start date", reason: "missing date") }
            return reject(record, line: line, C.start, "\"\(startCell.string)\" is not a date; use \(DateParser.formats)", reason: "bad date")
        }
        let endCell = record.field(column[C.end])
        var end: Day?
        if !endCell.isEmpty {
            guard let e = DateParser.parse(endCell) else {
                return reject(record, line: line, C.end, "\"\(endCell.string)\" is not a date; use \(DateParser.formats), or leave it empty for an open course", reason: "bad date")
            }
            guard e >= start else {
                return reject(record, line: line, C.end, "the course ends (\(e.iso)) before it starts (\(start.iso))", reason: "end before start")
            }
            end = e
        }
        let n = CitizenID.normalize(citizenCell, into: normalized)
        let citizen = citizens.intern(normalized, n)
        let team = column[C.team] != Int.max ? teams.intern(record.field(column[C.team])) : 0
        let municipality = column[C.municipality] != Int.max ? municipalities.intern(record.field(column[C.municipality])) : 0
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
        // Ids by their 128-bit hash (as assessment ids): no String hashing per course.
        struct ID: Hashable { var a: UInt64; var b: UInt64 }
        var byID: [ID: Int] = [:]
        byID.reserveCapacity(courses.count)
        var alive = [Bool](repeating: true, count: courses.count)
        var superseded = 0
        for (i, c) in courses.enumerated() where !c.id.isEmpty {
            var text = c.id
            let h = text.withUTF8 { b in recordIDHash(ByteSlice(p: b.baseAddress ?? emptyBytes, n: b.count)) }
            let id = ID(a: h.0, b: h.1)
            if let j = byID[id], alive[j] { alive[j] = false; superseded += 1 }
            byID[id] = i
        }
        return superseded == 0 ? (courses, 0) : (courses.indices.filter { alive[$0] }.map { courses[$0] }, superseded)
    }
}
