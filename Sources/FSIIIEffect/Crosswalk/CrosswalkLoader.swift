import FSIIIBytes

/// Why a crosswalk file (`--crosswalk FILE`) cannot be used: every problem
/// as `file:line: column: what is wrong`. A crosswalk is used whole or not
/// at all — half a mapping would move courses silently.
public struct CrosswalkFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The problems, one per line of the file that is wrong.
    public let problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

/// Reads a crosswalk from CSV (`;`, `,` or tab; UTF-8 or Windows-1252):
///
///     legacy;simplified;basis
///     J1.1;Personlig_pleje;definition contains
///     4d46bd94-9518-431c-82e8-ebb91bca307a;feb38b55-c2d7-4d57-99c2-93622eaa0025;judgement
///     J5.1;;no successor
///
/// `legacy` is a legacy condition's J key, tree code or UUID; `simplified`
/// a simplified-model condition's tree code (`Personlig_pleje`), J key
/// (for the six that keep theirs) or UUID, empty for no successor;
/// `basis` one of `same key`, `definition contains`, `judgement`,
/// `no successor` (Danish headers `gammel`, `forenklet`, `grundlag` too).
/// The file replaces the built-in crosswalk: a legacy condition it does
/// not name has no successor. A legacy condition mapped to two simplified
/// conditions is an error, as is a code the terminology does not know.
public enum CrosswalkLoader {
    static let headers: [(names: [String], column: String)] = [(["legacy", "gammel"], "legacy"),
                                                                (["simplified", "forenklet", "ny"], "simplified"),
                                                                (["basis", "grundlag"], "basis")]

    /// The crosswalk in `path`, resolved against `terminology`.
    public static func load(path: String, terminology: Terminology = .builtIn) throws(CrosswalkFileError) -> Crosswalk {
        let shown = Redaction.mask(path)
        let bytes: FileBytes
        do {
            bytes = try FileBytes(path: path, shownPath: shown)
        } catch {
            throw CrosswalkFileError(problems: ["\(shown): cannot read: \(error.reason)"])
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let digest = Hex.encode(SHA256.hash(UnsafeBufferPointer(rebasing: bytes.bytes[...]))).prefix(12)
        return try parse(CSVSmallTable(bytes), shownPath: shown, version: "file:\(Redaction.mask(name)):sha256-\(digest)", terminology: terminology)
    }

    /// The crosswalk in `table` (tests, and `load`).
    package static func parse(_ table: CSVSmallTable, shownPath: String, version: String, terminology: Terminology) throws(CrosswalkFileError) -> Crosswalk {
        var problems: [String] = table.unterminatedQuoteLines.map { "\(shownPath):\($0): a quoted field never closes" }
        guard let header = table.records.first else {
            throw CrosswalkFileError(problems: ["\(shownPath): the file is empty; expected a header line legacy;simplified;basis"])
        }
        var column: [String: Int] = [:]
        for (i, cell) in header.fields.enumerated() {
            let key = Terminology.normalize(cell)
            if let h = headers.first(where: { $0.names.contains(key) }) { column[h.column] = i }
        }
        let missing = headers.map(\.column).filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw CrosswalkFileError(problems: ["\(shownPath):\(header.line): (header): no \(missing.joined(separator: ", ")) column; expected legacy;simplified;basis"])
        }
        let bases = Crosswalk.Basis.allCases.map(\.rawValue)
        var seen: [ConditionCode: (line: Int, target: ConditionCode?)] = [:]
        var rows: [Crosswalk.Row] = []
        for record in table.records.dropFirst() {
            func cell(_ name: String) -> String { column[name].map { $0 < record.fields.count ? record.fields[$0] : "" } ?? "" }
            let at = "\(shownPath):\(record.line)"
            let legacyText = cell("legacy"), simplifiedText = cell("simplified"), basisText = cell("basis")
            guard let legacy = terminology.condition(forCode: legacyText) ?? terminology.condition(forToken: legacyText) else {
                problems.append("\(at): legacy: unknown condition \(Echo.quoted(legacyText)); use a J key such as J1.1, a tree code or a UUID (`fsiii codes` lists them)")
                continue
            }
            let legacyConcept = terminology.conditions[legacy.index]
            guard let legacyKey = legacyConcept.legacyKey else {
                problems.append("\(at): legacy: \"\(legacyConcept.display)\" is a condition of the simplified model, not a legacy one")
                continue
            }
            var target: ConditionCode?
            if !simplifiedText.isEmpty {
                guard let t = terminology.condition(forCode: simplifiedText) ?? terminology.condition(forToken: simplifiedText) else {
                    problems.append("\(at): simplified: unknown condition \(Echo.quoted(simplifiedText)); use a tree code such as Personlig_pleje, a J key or a UUID (`fsiii codes` lists them)")
                    continue
                }
                guard terminology.conditions[t.index].simplifiedModel else {
                    problems.append("\(at): simplified: \"\(terminology.conditions[t.index].display)\" is a legacy condition, not one of the simplified model")
                    continue
                }
                target = t
            }
            guard let basis = Crosswalk.Basis(rawValue: Terminology.normalize(basisText)) else {
                problems.append("\(at): basis: \(Echo.quoted(basisText)) is not a basis; use \(bases.map { "\"\($0)\"" }.joined(separator: ", "))")
                continue
            }
            if (target == nil) != (basis == .noSuccessor) {
                problems.append("\(at): basis: \"\(basis.rawValue)\" \(target == nil ? "needs a simplified condition; leave basis as \"no successor\" for none" : "is for a row without a simplified condition")")
                continue
            }
            if legacyConcept.simplifiedModel && target != legacy {
                problems.append("\(at): simplified: \(legacyKey) keeps its key in the simplified model and maps to itself")
                continue
            }
            if let earlier = seen[legacy] {
                if earlier.target != target {
                    let name = { (t: ConditionCode?) in t.map { terminology.conditions[$0.index].display } ?? "no successor" }
                    problems.append("\(at): legacy: \(legacyKey) is mapped twice (line \(earlier.line) to \(name(earlier.target)), here to \(name(target))); a legacy condition maps to one simplified condition")
                }
                continue
            }
            seen[legacy] = (record.line, target)
            rows.append(Crosswalk.Row(legacyKey: legacyKey, legacyName: legacyConcept.display,
                                      simplifiedName: target.map { terminology.conditions[$0.index].display }, basis: basis,
                                      legacy: legacy, simplified: target))
        }
        guard problems.isEmpty else { throw CrosswalkFileError(problems: problems) }
        // Unnamed legacy conditions: no successor; the kept keys map to themselves.
        for c in terminology.conditions where c.legacyKey != nil && seen[c.code] == nil {
            let key = c.legacyKey ?? c.legacyTreeCode
            rows.append(c.simplifiedModel
                ? Crosswalk.Row(legacyKey: key, legacyName: c.display, simplifiedName: c.display, basis: .sameKey, legacy: c.code, simplified: c.code)
                : Crosswalk.Row(legacyKey: key, legacyName: c.display, simplifiedName: nil, basis: .noSuccessor, legacy: c.code, simplified: nil))
        }
        rows.sort { $0.legacy < $1.legacy }
        return Crosswalk(version: version, derived: false, rows: rows, terminology: terminology)
    }
}
