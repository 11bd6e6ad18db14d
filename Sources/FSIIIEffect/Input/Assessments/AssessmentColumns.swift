import FSIIIBytes

/// The columns of an assessments file (SPEC §3), with their Danish names.
enum AssessmentColumns {
    static let citizen = 0, date = 1, condition = 2, level = 3, team = 4, municipality = 5, goal = 6, status = 7, id = 8
    static let specs: [ColumnSpec] = [
        ColumnSpec("citizen", ["cpr", "borger", "cpr_nr", "cprnr"], required: true),
        ColumnSpec("date", ["dato", "vurderingsdato"], required: true),
        ColumnSpec("condition", ["tilstand", "funktionsevnetilstand"], required: true),
        ColumnSpec("level", ["niveau", "funktionsniveau"], required: true),
        ColumnSpec("team", ["hold", "gruppe", "enhed"]),
        ColumnSpec("municipality", ["kommune"]),
        ColumnSpec("goal", ["forventet_niveau", "forventet_tilstand"]),
        ColumnSpec("status"),
        ColumnSpec("id"),
    ]
}

/// Reads one chunk of an assessments file into `RawAssessments`, resolving
/// every token on the way (SPEC §2) and rejecting what cannot be read
/// (SPEC §4). Local citizen and team indices are merged after all chunks.
struct AssessmentSink: CSVRowSink {
    let path: String
    let header: CSVHeader
    let terminology: Terminology
    /// Where this chunk writes its rows: slots `region` of the import's
    /// columns; rows beyond it (a speculative read's estimate that fell
    /// short) go to `overflow`, and are placed after the region's rows.
    let writer: RawAssessments.Writer
    let region: Range<Int>
    private(set) var written = 0
    var overflow: [RawAssessmentRow] = []
    var citizens = CitizenRegistry()
    var teams = NameTable()
    var municipalities = NameTable()
    var problems: [ImportProblem] = []
    var rowsRead = 0
    private var conditions = TokenCache<UInt8>()
    private var levels = TokenCache<UInt8>()
    private var statuses = TokenCache<UInt8>()
    private var dates = TokenCache<Int32>()
    /// "did you mean" per unknown condition cell, computed once.
    private var suggestions: [String: String] = [:]
    /// A normalised citizen id; only ids of at most `CitizenID.maximumLength` bytes are written here.
    private let normalized = UnsafeMutablePointer<UInt8>.allocate(capacity: CitizenID.maximumLength)
    private var lastCitizen = RepeatMemo(), lastTeam = RepeatMemo(), lastMunicipality = RepeatMemo()
    /// The last citizen cell as written (before normalising) and its citizen.
    private var lastCitizenCell = RepeatMemo()
    private let column: [Int]

    init(path: String, header: CSVHeader, terminology: Terminology, writer: RawAssessments.Writer, region: Range<Int>) {
        self.path = path
        self.header = header
        self.terminology = terminology
        self.writer = writer
        self.region = region
        column = header.index.map { $0 ?? Int.max }
    }

    @inline(__always)
    private mutating func emit(_ row: RawAssessmentRow) {
        if written < region.count {
            writer.set(region.lowerBound + written, row)
            written += 1
        } else {
            overflow.append(row)
        }
    }

    /// Maps the chunk's local citizen, team and municipality indices in its
    /// slots to the import's global ones.
    func remap(_ w: RawAssessments.Writer, citizens: [UInt32], teams: [UInt32], municipalities: [UInt32]) {
        for i in region.lowerBound..<(region.lowerBound + written) {
            let c = w.citizen[i]
            if c != RawAssessments.noKey { w.citizen[i] = citizens[Int(c)] }
            w.team[i] = teams[Int(w.team[i])]
            w.municipality[i] = municipalities[Int(w.municipality[i])]
        }
    }

    /// The rows beyond the region with the import's global indices.
    func overflowRows(citizens: [UInt32], teams: [UInt32], municipalities: [UInt32]) -> [RawAssessmentRow] {
        overflow.map { r in
            var g = r
            if r.citizen != RawAssessments.noKey { g.citizen = citizens[Int(r.citizen)] }
            g.team = teams[Int(r.team)]
            g.municipality = municipalities[Int(r.municipality)]
            return g
        }
    }

    /// Frees the scratch buffer; called once the chunk is merged.
    func release() {
        normalized.deallocate()
        lastCitizen.release()
        lastCitizenCell.release()
        lastTeam.release()
        lastMunicipality.release()
    }

    private func name(_ c: Int) -> String { header.names[column[c]] }

    mutating func reject(line: Int, column: String, message: String, reason: String, cells: [String]) {
        problems.append(ImportProblem(file: path, line: line, column: column, message: message, reason: reason,
                                      cells: cells, citizenColumn: header.index[AssessmentColumns.citizen]))
    }

    private mutating func reject(_ record: CSVRecordCursor, line: Int, _ c: Int, _ message: String, reason: String) {
        var problem = ImportProblem(file: path, line: line, column: name(c), message: message, reason: reason, cells: record.strings)
        let ci = column[AssessmentColumns.citizen]
        if ci < record.count {
            // The id goes to the rejects file's pseudonym; one too long to
            // be a citizen (the row may be rejected for that) has none.
            let s = record.field(ci)
            if s.n <= CitizenID.maximumLength {
                let n = CitizenID.normalize(s, into: normalized)
                problem.citizenID = Array(UnsafeBufferPointer(start: normalized, count: n))
            }
            problem.cells[ci] = Redaction.placeholder
            problem.citizenCell = ci
        }
        problems.append(problem)
    }

    /// A level cell through the cache (levels and goals share it).
    @inline(__always)
    private mutating func resolveLevel(_ cell: ByteSlice) -> UInt8 {
        if let known = levels.lookup(cell) { return known }
        let level = terminology.level(forToken: cell.string)?.rawValue ?? Token.unknown
        levels.remember(cell, level)
        return level
    }

    mutating func consume(_ record: CSVRecordCursor, line: Int) {
        typealias C = AssessmentColumns
        // Status first: an entered-in-error row needs less than an assessment.
        var status = AssessmentStatus.active
        if column[C.status] != Int.max {
            let cell = record.field(column[C.status])
            if !cell.isEmpty {
                let code = statuses.resolve(cell) { token in
                    switch Terminology.normalize(token.string) {
                    case "active", "aktiv": return AssessmentStatus.active.rawValue
                    case "resolved", "afsluttet": return AssessmentStatus.resolved.rawValue
                    case "entered-in-error", "entered_in_error", "fejlregistreret": return AssessmentStatus.enteredInError.rawValue
                    default: return Token.unknown
                    }
                }
                guard code != Token.unknown, let s = AssessmentStatus(rawValue: code) else {
                    return reject(record, line: line, C.status, "unknown status \"\(cell.shown)\"; use active, resolved or entered-in-error", reason: "unknown status")
                }
                status = s
            }
        }
        let id = column[C.id] != Int.max ? recordIDHash(record.field(column[C.id])) : (0, 0)
        let removalByID = status == .enteredInError && id != (0, 0)

        // Citizen.
        let citizenCell = record.field(column[C.citizen])
        var citizen = RawAssessments.noKey
        if citizenCell.isEmpty {
            if !removalByID { return reject(record, line: line, C.citizen, "missing value; every row needs the citizen", reason: "missing citizen") }
        } else if let same = lastCitizenCell.lookup(citizenCell.p, citizenCell.n) {
            // The cell is byte for byte the last row's: no normalising.
            citizen = same
        } else {
            let n = citizenCell.n <= CitizenID.maximumLength ? CitizenID.normalize(citizenCell, into: normalized) : -1
            guard n >= 0 else { return reject(record, line: line, C.citizen, CitizenID.tooLongMessage(citizenCell.n), reason: "bad citizen") }
            citizen = lastCitizen.resolve(normalized, n) { citizens.intern($0, $1) }
            lastCitizenCell.remember(citizenCell.p, citizenCell.n, citizen)
        }

        // Date.
        let dateCell = record.field(column[C.date])
        var day = dates.day(dateCell)
        if day != Int32.min {
            // A date.
        } else if !removalByID {
            if dateCell.isEmpty { return reject(record, line: line, C.date, "missing value; every row needs the assessment date", reason: "missing date") }
            return reject(record, line: line, C.date, "\"\(dateCell.shown)\" \(DateParser.problem(with: dateCell))", reason: "bad date")
        } else {
            citizen = RawAssessments.noKey
            day = 0
        }

        // Condition.
        let conditionCell = record.field(column[C.condition])
        var condition = Token.unknown
        if !conditionCell.isEmpty {
            if let known = conditions.lookup(conditionCell) { condition = known } else {
                condition = terminology.condition(forToken: conditionCell.string)?.rawValue ?? Token.unknown
                conditions.remember(conditionCell, condition)
            }
        }
        if condition == Token.unknown {
            if removalByID {
                citizen = RawAssessments.noKey
                condition = 0
            } else if conditionCell.isEmpty {
                return reject(record, line: line, C.condition, "missing value; every row needs the condition", reason: "missing condition")
            } else {
                let token = conditionCell.string
                let message: String
                if let known = suggestions[token] { message = known } else {
                    if let near = terminology.nearestConditionName(to: token) {
                        message = "unknown condition \"\(conditionCell.shown)\" — did you mean \"\(near)\"?"
                    } else {
                        message = "unknown condition \"\(conditionCell.shown)\"; use an FSIII home-care condition (UUID, key such as J1.1, or name; `fsiii codes` lists them)"
                    }
                    // Remembered for short cells only, and a few thousand of
                    // them: a file of distinct long cells cannot fill memory.
                    if conditionCell.n <= CSVLimits.cachedBytes && suggestions.count < 4096 { suggestions[token] = message }
                }
                return reject(record, line: line, C.condition, message, reason: "unknown condition")
            }
        }

        // Level: resolved rows are level 0 (SPEC §4); removals need none.
        var level: UInt8 = 0
        if status == .active {
            let cell = record.field(column[C.level])
            if cell.isEmpty { return reject(record, line: line, C.level, "missing value; give a level 0–4 or 9", reason: "missing level") }
            level = resolveLevel(cell)
            if level == Token.unknown {
                return reject(record, line: line, C.level, "\"\(cell.shown)\" is not a level; use 0–4 or 9, B1–B6, a scale UUID or a label such as \"Moderate begrænsninger\"", reason: "bad level")
            }
        }

        // Goal.
        var goal = RawAssessments.noGoal
        if column[C.goal] != Int.max {
            let cell = record.field(column[C.goal])
            if !cell.isEmpty {
                goal = resolveLevel(cell)
                if goal == Token.unknown && status != .enteredInError {
                    return reject(record, line: line, C.goal, "\"\(cell.shown)\" is not a level; the goal is an expected level 0–4 (or 9)", reason: "bad goal")
                }
            }
        }

        let team = lastTeam.name(record, column: column[C.team], in: &teams)
        let municipality = lastMunicipality.name(record, column: column[C.municipality], in: &municipalities)
        emit(RawAssessmentRow(citizen: citizen, day: day, condition: condition, level: level, goal: goal, status: status.rawValue,
                              team: team, municipality: municipality, idA: id.0, idB: id.1))
    }
}
