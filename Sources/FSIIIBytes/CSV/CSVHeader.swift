import Foundation

/// A column an input kind knows, with the Danish and English names SPEC §3
/// accepts for it.
package struct ColumnSpec: Sendable {
    package let name: String
    let aliases: [String]
    package let required: Bool

    package init(_ name: String, _ aliases: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.required = required
    }

    /// All names, for messages: `level (also: niveau, funktionsniveau)`.
    var described: String { aliases.isEmpty ? "\"\(name)\"" : "\"\(name)\" (also accepted: \(aliases.joined(separator: ", ")))" }
}

/// The header line of a CSV file resolved against the columns of an input
/// kind: which field holds which column, and which columns are unknown.
package struct CSVHeader: Sendable {
    /// Field index of each known column, or nil when absent; indexed like the spec list.
    package let index: [Int?]
    /// The header cells as written (for messages and the rejects file).
    package let names: [String]
    /// Header cells no column matched; SPEC §3: ignored and listed once.
    package let unknown: [String]
    package let fieldCount: Int

    /// Normalises a header cell: trimmed, lowercased, spaces and dashes as `_`,
    /// `ø`/`æ`/`å` spelt both ways (`beløb` = `beloeb`).
    static func normalize(_ name: String) -> String {
        var s = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        s = s.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        s = s.replacingOccurrences(of: "ø", with: "oe").replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "å", with: "aa")
        return s
    }

    /// Matches `cells` to `columns`; the error names the first missing required column.
    package init(cells: [String], columns: [ColumnSpec]) throws(HeaderError) {
        var index = [Int?](repeating: nil, count: columns.count)
        var lookup: [String: Int] = [:]
        for (k, column) in columns.enumerated() {
            for alias in [column.name] + column.aliases { lookup[CSVHeader.normalize(alias)] = k }
        }
        var unknown: [String] = []
        for (i, cell) in cells.enumerated() {
            let key = CSVHeader.normalize(cell)
            if let k = lookup[key] {
                if let first = index[k] {
                    throw HeaderError.duplicate(column: columns[k].name, first: (first, cells[first]), second: (i, cell))
                }
                index[k] = i
            } else if !key.isEmpty {
                unknown.append(cell)
            }
        }
        for (k, column) in columns.enumerated() where column.required && index[k] == nil {
            throw HeaderError.missing(column: column, found: cells)
        }
        self.index = index
        self.names = cells
        self.unknown = unknown
        self.fieldCount = cells.count
    }

    /// Picks the delimiter of a header line: the most frequent of `;`, `,`
    /// and tab outside quotes (SPEC §3). Ties prefer `;`, then tab, then `,`.
    package static func detectDelimiter(_ base: UnsafePointer<UInt8>, _ n: Int) -> UInt8? {
        var semicolons = 0, commas = 0, tabs = 0
        var inQuotes = false
        var p = 0
        while p < n {
            let b = base[p]
            if b == 0x22 { inQuotes.toggle() } else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                if b == 0x3B { semicolons += 1 } else if b == 0x2C { commas += 1 } else if b == 0x09 { tabs += 1 }
            }
            p += 1
        }
        let best = max(semicolons, commas, tabs)
        if best == 0 { return nil }
        if semicolons == best { return 0x3B }
        if tabs == best { return 0x09 }
        return 0x2C
    }
}

/// A header line that cannot be used.
package enum HeaderError: Error, Sendable {
    case missing(column: ColumnSpec, found: [String])
    /// Two header cells name the same column (the same name, or two of its
    /// aliases): which of them holds the column is anyone's guess, so the
    /// file is refused rather than read by one of them.
    case duplicate(column: String, first: (index: Int, cell: String), second: (index: Int, cell: String))

    package var message: String {
        switch self {
        case .missing(let column, let found):
            let shown = found.prefix(12).map { "\"\($0.shown)\"" }.joined(separator: ", ") + (found.count > 12 ? ", … (\(found.count) columns)" : "")
            return "missing required column \(column.described); the header has \(shown)"
        case .duplicate(let column, let first, let second):
            return "columns \(first.index + 1) (\"\(first.cell.shown)\") and \(second.index + 1) (\"\(second.cell.shown)\") both name the column \"\(column)\"; remove or rename one of them"
        }
    }
}
