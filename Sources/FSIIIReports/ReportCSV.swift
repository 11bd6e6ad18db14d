import FSIIIEffect

/// The CSV report (SPEC §11): one row per group and the total, the keys of
/// the JSON report as columns with `not_evaluable` flattened.
public enum ReportCSV {
    /// The CSV text of `report` in `dialect`: a header line, one line per
    /// group in the report's order, then `Total`; a suppressed group's
    /// figures are empty. Throws nothing.
    public static func write(_ report: EffectReport, dialect: CSVDialect = .standard) -> String {
        let (columns, rows) = table(report)
        var out = dialect.preamble + dialect.line(columns)
        for values in rows { out += dialect.line(values.map(dialect.format)) }
        return out
    }

    /// The group table as the CSV report and the workbook write it: the
    /// column keys, then one row per group and the total last.
    package static func table(_ report: EffectReport) -> (columns: [String], rows: [[FieldValue]]) {
        let costs = report.courseCosts != nil && !report.options.grouping.groupsPairs
        let c = report.comparison
        // A two-way --by adds a column per part after `group` (empty in the total).
        let parts = report.options.groupBy.secondary == nil ? [] : report.options.groupBy.parts
        var columns = ReportFields.csvColumns(costs: costs)
        columns.insert(contentsOf: parts.map(\.key), at: 1)
        columns += c == nil ? [] : ComparisonFields.groupKeys
        // Issue 20: the courses by FSIII model, last, when the data has both models or was harmonised.
        let models = (report.modelSwitch != nil || report.harmonization != nil) && !report.options.grouping.groupsPairs
        columns += models ? ReportFields.modelKeys : []
        // Issue 21: with --mdc, the share improved beyond MDC₉₅ and MDC₉₅ itself, last.
        let mdc = report.options.mdcColumns
        columns += mdc ? ["improved_beyond_mdc_share", "mdc95"] : []
        // Issue 21: the mean-change funnel's limits and flag, last, under a funnel choice other than the default.
        let meanFunnel = report.options.funnel == FunnelOptions() ? nil : report.meanChangeFunnel
        columns += meanFunnel == nil ? [] : ReportFields.meanChangeFunnelKeys
        let meanPoints = Dictionary((meanFunnel?.points ?? []).map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        // Issue 21: with a fitted case-mix model, the risk-adjusted mean change, last.
        let adjusted = ReportFields.hasRiskAdjusted(report)
        columns += adjusted ? ReportFields.riskAdjustedKeys : []
        let rows = (report.groups + [report.total]).enumerated().map { i, g in
            var values = row(g, minCell: report.options.minCell, costs: costs)
            values.insert(contentsOf: parts.indices.map { $0 < g.parts.count ? FieldValue.text(g.parts[$0]) : .missing }, at: 1)
            if let c { values += ComparisonFields.group(g, c, isTotal: i == report.groups.count).map(\.1) }
            if models { values += ReportFields.models(g, minCell: report.options.minCell) }
            if mdc { values += [ReportFields.beyondMDC(g), .real(report.minimalDetectableChange.mdc95)] }
            if meanFunnel != nil { values += ReportFields.meanChangeFunnel(g.suppressed ? nil : meanPoints[i]) }
            if adjusted { values += ReportFields.riskAdjusted(g).map(\.1) }
            return values
        }
        return (columns, rows)
    }

    static func row(_ g: GroupFigures, minCell: Int, costs: Bool) -> [FieldValue] {
        var values: [FieldValue] = [.text(g.group)]
        values += ReportFields.counts(g, minCell: minCell).map(\.1)
        values += ReportFields.notEvaluable(g, minCell: minCell).map(\.1)
        values += ReportFields.effect(g, minCell: minCell).map(\.1)
        values.append(.flag(g.suppressed))
        if costs { values += ReportFields.costs(g).map(\.1) }
        return values
    }
}
