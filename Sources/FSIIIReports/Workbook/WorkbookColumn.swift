/// One column of a worksheet: its header and how its numbers are shown.
package struct WorkbookColumn: Sendable, Hashable {
    /// How a column's numbers are displayed; the cell keeps the full value.
    package enum Format: Sendable, Hashable {
        /// Text or integers: General.
        case general
        /// Two decimals, `0.00`.
        case decimal
        /// A share 0…1 shown as `0.0%`.
        case percent
        /// Kroner, `#,##0`.
        case money
        /// A date, `yyyy-mm-dd`.
        case date
    }

    package var title: String
    package var format: Format
    /// Width in characters of the default font.
    package var width: Double

    package init(_ title: String, format: Format = .general, width: Double? = nil) {
        self.title = title
        self.format = format
        let natural: Double = switch format {
        case .date: 11
        case .percent: 8
        case .money, .decimal: 11
        case .general: 10
        }
        self.width = width ?? min(60, max(natural, Double(title.count) * 1.1 + 2))
    }

    /// The display format the report's keys call for: shares and the
    /// acceptability probabilities as percent, kroner as money, dates as
    /// dates, p-values and z-scores with every digit, other reals with two.
    package static func format(forKey key: String) -> Format {
        if key == "start" || key == "end" || key == "from" || key == "to" { return .date }
        if key.contains("share") || key.hasPrefix("goal_attainment") || key.hasPrefix("p_inmb") || key.hasPrefix("ceac") { return .percent }
        if key.contains("cost") || key.contains("savings") || key.hasPrefix("inmb") || key == "icer" || key == "wtp" { return .money }
        if key.hasSuffix("_p") || key.hasSuffix("_z") || key.contains("smd") || key.contains("correlation") || key.contains("variance") { return .general }
        return .decimal
    }
}
