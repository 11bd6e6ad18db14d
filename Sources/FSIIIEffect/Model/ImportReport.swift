import FSIIIBytes

/// The kinds of input SPEC §3 defines.
public enum InputKind: String, Sendable, CaseIterable, Comparable {
    case assessments, courses, costs, rates, fhir

    /// Assessments, courses, costs, rates, FHIR: the order of the accounting lines.
    public static func < (a: InputKind, b: InputKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// The four buckets every row read ends in (SPEC §4):
/// `read = accepted + rejected + superseded + removed`.
public struct ImportCounts: Sendable, Hashable {
    /// Rows (or resources) read.
    public package(set) var read = 0
    /// Rows used.
    public package(set) var accepted = 0
    /// Rows refused, each with an `ImportProblem`.
    public package(set) var rejected = 0
    /// Rows replaced by a later row of the same key (SPEC §4, "which row wins").
    public package(set) var superseded = 0
    /// Rows removed by a later deletion or an entered-in-error status.
    public package(set) var removed = 0

    package init(read: Int = 0, accepted: Int = 0, rejected: Int = 0, superseded: Int = 0, removed: Int = 0) {
        self.read = read
        self.accepted = accepted
        self.rejected = rejected
        self.superseded = superseded
        self.removed = removed
    }

    /// Whether the identity holds: no row was lost or counted twice.
    public var balances: Bool { read == accepted + rejected + superseded + removed }

    package static func + (a: ImportCounts, b: ImportCounts) -> ImportCounts {
        ImportCounts(read: a.read + b.read, accepted: a.accepted + b.accepted, rejected: a.rejected + b.rejected,
                     superseded: a.superseded + b.superseded, removed: a.removed + b.removed)
    }

    /// `read 2987 = accepted 2968 + rejected 6 + superseded 3 + removed 10`
    public var identity: String {
        "read \(read) = accepted \(accepted) + rejected \(rejected) + superseded \(superseded) + removed \(removed)"
    }
}

/// A row that could not be used, or a warning about the input, with where
/// it is: `file:line: column: message` (SPEC §4). Never contains a citizen
/// id: every text is made safe as it is stored (SPEC §10, `Echo`) — CPR-shaped
/// numbers masked, control characters escaped, the file name and label too;
/// quoted parts of the message at most `Echo.quotedLimit` characters, the
/// message at most `Echo.messageLimit`, each cell at most
/// `Echo.rejectsCellLimit` — however the problem was built or changed later.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// A refused row, or a warning about a row or file that was still used.
    public enum Severity: String, Sendable { case rejected, warning }
    private var storedFile: String
    private var storedColumn: String
    private var storedMessage: String
    private var storedCells: [String]
    private var storedReason: String
    /// The input file, as shown.
    public var file: String {
        get { storedFile }
        set { storedFile = Echo.text(newValue) }
    }
    /// The physical line in the file (1-based); 0 when about the whole file.
    public package(set) var line: Int
    /// The column (header name), or a place such as `(row)`, `(file)` or a
    /// KL Gateway entry's `Condition/<id>`, as shown.
    public var column: String {
        get { storedColumn }
        set { storedColumn = Echo.text(newValue, limit: Echo.labelLimit) }
    }
    /// What is wrong, with a suggestion where one is clear, as shown.
    public var message: String {
        get { storedMessage }
        set { storedMessage = Echo.message(newValue) }
    }
    /// Whether the row was refused or only warned about.
    public package(set) var severity: Severity
    /// The rejected row's cells for `--rejects`, made safe as above; empty
    /// for warnings.
    package var cells: [String] {
        get { storedCells }
        set { storedCells = newValue.map { Echo.text($0, limit: Echo.rejectsCellLimit) } }
    }
    /// A short, stable reason ("unknown condition", "bad date", …) for
    /// summaries such as the HTML report's list of common rejection reasons.
    public var reason: String {
        get { storedReason }
        set { storedReason = Echo.text(newValue, limit: Echo.labelLimit) }
    }
    /// The normalised citizen id of a rejected row, so `--rejects` can write
    /// its pseudonym; internal, never printed.
    var citizenID: [UInt8]?
    /// Index of the citizen cell in `cells` (already `[fjernet]`).
    package var citizenCell: Int?

    package init(file: String, line: Int, column: String, message: String, reason: String,
                severity: Severity = .rejected, cells: [String] = []) {
        storedFile = Echo.text(file)
        self.line = line
        storedColumn = Echo.text(column, limit: Echo.labelLimit)
        storedMessage = Echo.message(message)
        storedReason = Echo.text(reason, limit: Echo.labelLimit)
        self.severity = severity
        storedCells = cells.map { Echo.text($0, limit: Echo.rejectsCellLimit) }
    }

    /// A rejected row whose citizen cell (at `citizenColumn`, when the file
    /// has one) is set aside for the rejects file's pseudonym and replaced by
    /// `Redaction.placeholder` in `cells`.
    init(file: String, line: Int, column: String, message: String, reason: String, cells: [String], citizenColumn: Int?) {
        self.init(file: file, line: line, column: column, message: message, reason: reason, cells: cells)
        if let c = citizenColumn, c < cells.count {
            citizenID = CitizenID.normalized(cells[c])
            storedCells[c] = Redaction.placeholder
            citizenCell = c
        }
    }

    /// The pseudonym of a rejected row's citizen under `pseudonymizer`, for
    /// the citizen cell of `--rejects`; nil when the row has no citizen id.
    /// The id itself never leaves the library.
    package func citizenPseudonym(_ pseudonymizer: Pseudonymizer) -> String? {
        guard let id = citizenID, !id.isEmpty else { return nil }
        var normalized = [UInt8](repeating: 0, count: max(id.count, 1))
        let n = id.withUnsafeBufferPointer { b in
            normalized.withUnsafeMutableBufferPointer { o in
                CitizenID.normalize(ByteSlice(p: b.baseAddress ?? emptyBytes, n: b.count).trimmed, into: o.baseAddress!)
            }
        }
        return pseudonymizer.pseudonym(of: normalized[0..<n])
    }

    /// `file:line: column: message`; a problem with a whole file has no
    /// column, and no line when it is about no line in particular.
    public var description: String {
        let place = line > 0 ? "\(file):\(line):" : "\(file):"
        return column == "(file)" ? "\(place) \(message)" : "\(place) \(column): \(message)"
    }
}

/// What was read from one file. The path and the unknown header cells are
/// stored as shown (`Echo.text`: CPR-shaped numbers masked, controls
/// escaped), as `fsiii validate` prints them.
package struct FileSummary: Sendable, Hashable {
    private var storedPath: String
    private var storedUnknownColumns: [String]
    package var path: String {
        get { storedPath }
        set { storedPath = Echo.text(newValue) }
    }
    package var kind: InputKind
    package var encoding: FileEncoding?
    package var delimiter: String?
    package var rows: Int
    package var bytes: Int
    /// Header cells no known column matched (SPEC §3: ignored, listed once).
    package var unknownColumns: [String] {
        get { storedUnknownColumns }
        set { storedUnknownColumns = newValue.map { Echo.text($0, limit: Echo.labelLimit) } }
    }

    package init(path: String, kind: InputKind, encoding: FileEncoding?, delimiter: String?, rows: Int, bytes: Int, unknownColumns: [String]) {
        storedPath = Echo.text(path)
        self.kind = kind
        self.encoding = encoding
        self.delimiter = delimiter
        self.rows = rows
        self.bytes = bytes
        storedUnknownColumns = unknownColumns.map { Echo.text($0, limit: Echo.labelLimit) }
    }
}

/// The accounting of an import: counts per input kind, every problem, the
/// files read.
public struct ImportReport: Sendable {
    /// The four buckets per kind of input read (`self[kind]` for zero when absent).
    public package(set) var counts: [InputKind: ImportCounts] = [:]
    /// Every problem in the order found: rejected rows and warnings.
    public package(set) var problems: [ImportProblem] = []
    package var files: [FileSummary] = []
    /// Files that could not be read at all (each also has a problem).
    public package(set) var unreadableFiles = 0
    /// Time spent per import stage (`read assessments`, `rules`, …).
    package var timings = StageTimings()

    package init() {}

    /// Counts of `kind`, zero when it was not read.
    public subscript(kind: InputKind) -> ImportCounts {
        get { counts[kind] ?? ImportCounts() }
        set { counts[kind] = newValue }
    }

    /// The problems of refused rows.
    public var rejected: [ImportProblem] { problems.filter { $0.severity == .rejected } }
    /// The warnings (the rows were used).
    public var warnings: [ImportProblem] { problems.filter { $0.severity == .warning } }

    /// The most frequent rejection reasons, most common first.
    package func commonReasons(limit: Int = 5) -> [(reason: String, count: Int)] {
        var tally: [String: Int] = [:]
        for p in problems where p.severity == .rejected { tally[p.reason, default: 0] += 1 }
        return tally.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ($0.key, $0.value) }
    }
}
