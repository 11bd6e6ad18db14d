import FSIIIEffect

/// Small-cell suppression of the HTML report's breakdowns that are not
/// groups of the report: months of the trend chart and conditions of the
/// condition chart (SPEC §10).
///
/// The rule is the groups' rule, applied by the same code
/// (`SmallCellSuppression.apply`): a month or condition with fewer than
/// `minCell` distinct citizens is hidden, and when exactly one is hidden the
/// next smallest is hidden too, so it cannot be recovered from the overall
/// figures. Empty cells (no courses at all) are not counted: there is
/// nothing to hide.
enum ChartSuppression {
    /// Whether each cell is suppressed; `names` break ties as group names do.
    static func suppressed(citizens: [Int], names: [String], minCell: Int) -> [Bool] {
        let present = citizens.indices.filter { citizens[$0] > 0 }
        var cells = present.map { i -> GroupFigures in
            var g = GroupFigures(group: names[i])
            g.citizens = citizens[i]
            return g
        }
        // The total is not shown here; a total that large never suppresses.
        var total = GroupFigures(group: "")
        total.citizens = Int.max
        SmallCellSuppression.apply(&cells, total: &total, minCell: minCell)
        var flags = [Bool](repeating: false, count: citizens.count)
        for (k, i) in present.enumerated() { flags[i] = cells[k].suppressed }
        return flags
    }
}
