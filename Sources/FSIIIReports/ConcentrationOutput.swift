import FSIIIBytes
import FSIIIEffect

/// The cost concentration (SPEC §12) as fields, JSON and CSV: one list of
/// keys for every format, so JSON and CSV never disagree. A suppressed
/// population (fewer than `--min-cell` citizens) shows `citizens` as `<k`
/// (null in JSON) and every figure empty; a suppressed figure is never 0.
package enum ConcentrationFields {
    /// The figures of one population, in the order of the JSON contract
    /// (the Lorenz curve apart: it is not a scalar).
    package static func fields(_ f: CostConcentration.Figures, minCell: Int) -> [(String, FieldValue)] {
        func real(_ x: Double?) -> FieldValue { x.map(FieldValue.real) ?? .missing }
        return [
            ("citizens", f.suppressed ? .suppressedCount(minCell) : .integer(f.citizens)),
            ("total_cost", real(f.totalCost)),
            ("top1_share", real(f.top1Share)), ("top5_share", real(f.top5Share)), ("top10_share", real(f.top10Share)),
            ("gini", real(f.gini)),
            ("top5_with_course_share", real(f.top5WithCourseShare)),
            ("top5_mean_change", real(f.top5MeanChange)), ("others_mean_change", real(f.othersMeanChange)),
            ("top5_mean_savings", real(f.top5MeanSavings)), ("others_mean_savings", real(f.othersMeanSavings)),
            ("suppressed", .flag(f.suppressed)),
        ]
    }
}

/// `"cost_concentration"` of the JSON report: the fields of the whole
/// population with `lorenz` as `[[population_share, cost_share], …]`, and
/// `by_municipality`, one object per municipality (same fields, no curve).
package enum ConcentrationJSON {
    package static func value(_ c: CostConcentration, minCell: Int) -> JSONValue {
        var o = object(c.overall, minCell: minCell)
        o.append(key: "lorenz", value: .array(c.overall.lorenz.map { .array([.number($0.population), .number($0.cost)]) }))
        o.append(key: "by_municipality", value: .array(c.byMunicipality.map { m in
            var row = JSONObject([("municipality", .string(m.name))])
            for (k, v) in ConcentrationFields.fields(m.figures, minCell: minCell) { row.append(key: k, value: ReportJSON.json(v)) }
            return .object(row)
        }))
        return .object(o)
    }

    static func object(_ f: CostConcentration.Figures, minCell: Int) -> JSONObject {
        JSONObject(ConcentrationFields.fields(f, minCell: minCell).map { ($0.0, ReportJSON.json($0.1)) })
    }
}

/// `fsiii report --concentration FILE`: one row for all citizens with cost
/// rows (`municipality` is the total's name) and one per municipality, the
/// columns of `ConcentrationFields`. The Lorenz curve is in the JSON and HTML.
public enum ConcentrationCSV {
    /// The CSV text in `dialect`; nil when the report has no cost data.
    public static func write(_ report: EffectReport, dialect: CSVDialect = .standard) -> String? {
        guard let c = report.costConcentration else { return nil }
        let minCell = report.options.minCell
        let columns = ["municipality"] + ConcentrationFields.fields(c.overall, minCell: minCell).map(\.0)
        var out = dialect.preamble + dialect.line(columns)
        let rows = [(report.total.group, c.overall)] + c.byMunicipality.map { ($0.name, $0.figures) }
        for (name, f) in rows {
            out += dialect.line([dialect.format(.text(name))] + ConcentrationFields.fields(f, minCell: minCell).map { dialect.format($0.1) })
        }
        return out
    }
}
