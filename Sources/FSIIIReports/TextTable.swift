/// A plain-text table for the terminal: right-aligned numbers, chosen
/// columns left-aligned, the first column shortened with "…" so that every
/// line fits `maxWidth` characters (SPEC §11: readable at 100 columns).
struct TextTable {
    var header: [String]
    var rows: [[String]]
    /// Columns aligned left (names, words); the others align right.
    var leftAligned: Set<Int> = [0]
    /// Rows before which a rule is drawn (e.g. the total).
    var rulesBefore: Set<Int> = []
    var maxWidth = 100

    func render() -> String {
        var widths = header.indices.map { k in max(header[k].count, rows.map { k < $0.count ? $0[k].count : 0 }.max() ?? 0) }
        let others = widths.dropFirst().reduce(0, +) + 2 * (widths.count - 1)
        widths[0] = max(8, min(widths[0], 24, maxWidth - others))
        let ruleWidth = min(maxWidth, widths.reduce(0, +) + 2 * (widths.count - 1))
        func format(_ row: [String]) -> String {
            var cells: [String] = []
            for k in widths.indices {
                var cell = k < row.count ? row[k] : ""
                if cell.count > widths[k] { cell = String(cell.prefix(widths[k] - 1)) + "…" }
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                cells.append(leftAligned.contains(k) ? cell + pad : pad + cell)
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
        let rule = String(repeating: "─", count: ruleWidth) + "\n"
        var out = format(header) + "\n" + rule
        for (i, row) in rows.enumerated() {
            if rulesBefore.contains(i) { out += rule }
            out += format(row) + "\n"
        }
        return out
    }
}
