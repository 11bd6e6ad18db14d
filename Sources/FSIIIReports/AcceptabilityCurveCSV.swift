import FSIIIEffect

/// The cost-effectiveness acceptability curves as CSV (`--ceac FILE.csv`,
/// SPEC §8): one row per λ of the grid, one column per group, each cell the
/// share of bootstrap replicates with λ·ΔE_b − ΔC_b > 0 — the layout a
/// spreadsheet charts directly. A group without a comparison (suppressed,
/// the reference, no courses) has empty cells. In the chosen `--dialect`.
package enum AcceptabilityCurveCSV {
    package static func write(_ report: CostComparisonReport, grid: [Double], dialect: CSVDialect = .standard) -> String {
        let curves = report.acceptabilityCurves(grid: grid)
        var out = dialect.preamble + dialect.line(["wtp"] + curves.map(\.group))
        for (i, lambda) in grid.enumerated() {
            out += dialect.line([dialect.format(lambda)] + curves.map { $0.probabilities.map { dialect.format($0[i]) } ?? "" })
        }
        return out
    }
}
