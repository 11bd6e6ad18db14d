import FSIIIEffect

/// The `--rejects` file (SPEC §4): one line per rejected row with where it
/// was, the reason, and the row's cells. The citizen cell holds the
/// citizen's pseudonym when a key is given, else `[fjernet]`; any other
/// CPR-shaped text is masked too (SPEC §10).
package enum RejectsFile {
    package static func write(_ report: ImportReport, pseudonymizer: Pseudonymizer?, dialect: CSVDialect = .standard) -> String {
        let rejected = report.rejected
        let width = rejected.map(\.cells.count).max() ?? 0
        var out = dialect.preamble
        out += dialect.line(["file", "line", "column", "reason", "message"] + (0..<width).map { "field\($0 + 1)" })
        for p in rejected {
            var cells = p.cells
            if let c = p.citizenCell, c < cells.count {
                if let pseudonymizer, let pseudonym = p.citizenPseudonym(pseudonymizer) {
                    cells[c] = pseudonym
                } else {
                    cells[c] = Redaction.placeholder
                }
            }
            out += dialect.line([p.file, String(p.line), p.column, p.reason, p.message] + cells.map(Redaction.mask))
        }
        return out
    }
}
