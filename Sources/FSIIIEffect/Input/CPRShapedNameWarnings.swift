/// The one warning per kind of name — team, municipality, service — whose
/// names hold a CPR-shaped number (SPEC §10; docs/RULES.md "Personal data
/// in outputs"). `NameTable` shows such a name with `[fjernet N]` in place
/// of the number; this says so once, naming the file the first such name
/// was read from, instead of once per row.
///
/// The loader calls `note` after each file (one compare per kind, so
/// nothing per row) and `report` at the end.
struct CPRShapedNameWarnings {
    private enum Kind: String, CaseIterable {
        case team, municipality, service

        func table(_ dataset: Dataset) -> NameTable {
            switch self {
            case .team: return dataset.teams
            case .municipality: return dataset.municipalities
            case .service: return dataset.costServices
            }
        }
    }

    /// The reason of the warnings, for summaries and tests.
    static let reason = "CPR-shaped name"

    /// The file each kind's first CPR-shaped name was read from.
    private var firstFile: [Kind: String] = [:]

    /// Records `path` for each kind that has its first CPR-shaped name now.
    mutating func note(_ dataset: Dataset, afterReading path: String) {
        for kind in Kind.allCases where firstFile[kind] == nil && kind.table(dataset).identifierCount > 0 {
            firstFile[kind] = path
        }
    }

    /// One warning per kind with CPR-shaped names, placed before the other
    /// problems of its file so it is among the first shown.
    func report(into dataset: inout Dataset) {
        for kind in Kind.allCases {
            guard let file = firstFile[kind] else { continue }
            let names = kind.table(dataset).identifierNames
            let shown = names.prefix(3).map(Echo.quoted).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
            let message = names.count == 1
                ? "a \(kind.rawValue) name holds a number shaped like a CPR number; it is shown as \(shown)"
                : "\(names.count) \(kind.rawValue) names hold numbers shaped like CPR numbers; they are shown as \(shown) (numbered in the order first read)"
            let warning = ImportProblem(file: file, line: 0, column: kind.rawValue, message: message,
                                        reason: Self.reason, severity: .warning)
            let place = dataset.report.problems.firstIndex { $0.file == warning.file && $0.reason != Self.reason }
                ?? dataset.report.problems.endIndex
            dataset.report.problems.insert(warning, at: place)
        }
    }
}
