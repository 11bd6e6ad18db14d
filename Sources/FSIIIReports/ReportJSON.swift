import FSIIIEffect
import FSIIIBytes

/// The JSON report of SPEC §11: `import`, `groups` (sorted by name),
/// `total` and `phi`, with the keys of ReportFields, and with cost data
/// `cost_comparison` (CostComparisonJSON). Undefined figures are `null`; a
/// suppressed group has `null` figures and `"suppressed": true`.
public enum ReportJSON {
    /// `revealSuppressed` writes the figures of suppressed groups too (for
    /// comparing with reference reports, which show them); outputs that
    /// leave the tool never set it.
    package static func value(_ report: EffectReport, revealSuppressed: Bool = false) -> JSONValue {
        let minCell = report.options.minCell
        let costs = report.courseCosts != nil && !report.options.grouping.groupsPairs
        var root = JSONObject()
        root.append(key: "import", value: imports(report.imports))
        root.append(key: "by", value: .string(report.options.groupBy.description))
        root.append(key: "phi", value: .number(report.phi))
        let c = report.comparison
        let parts = report.options.groupBy.secondary == nil ? [] : report.options.groupBy.parts
        root.append(key: "groups", value: .array(report.groups.map {
            group($0, minCell: minCell, costs: costs, reveal: revealSuppressed, comparison: c, parts: parts)
        }))
        root.append(key: "total", value: group(report.total, minCell: minCell, costs: costs, reveal: revealSuppressed, comparison: c, isTotal: true,
                                               parts: parts))
        // SPEC §8: with cost data, each group against the reference.
        if let comparison = report.costComparison { root.append(key: "cost_comparison", value: CostComparisonJSON.value(comparison)) }
        // SPEC §12: with cost data, how concentrated the cost is over the citizens.
        if let c = report.costConcentration { root.append(key: "cost_concentration", value: ConcentrationJSON.value(c, minCell: minCell)) }
        // Issue 18: the matched comparison, durability and regression to the mean.
        if let c { root.append(key: "comparison", value: ComparisonJSON.comparison(c)) }
        if let d = report.durability { root.append(key: "durability", value: ComparisonJSON.durability(d)) }
        if let r = report.regressionToTheMean { root.append(key: "regression_to_the_mean", value: ComparisonJSON.regressionToTheMean(r)) }
        return .object(root)
    }

    /// The JSON text of `report` (UTF-8, keys in the order SPEC §11 lists
    /// them; `pretty` indents it). Suppressed groups have `null` figures.
    /// Throws nothing: every report has a JSON form.
    public static func write(_ report: EffectReport, pretty: Bool = true) -> String {
        JSONWriter(pretty: pretty).write(value(report)) + "\n"
    }

    /// Assessment counts at the top; the other inputs under their own key.
    static func imports(_ report: ImportReport) -> JSONValue {
        var o = counts(report[.assessments])
        for kind in InputKind.allCases where kind != .assessments {
            if let c = report.counts[kind] { o.append(key: kind.rawValue, value: .object(counts(c))) }
        }
        return .object(o)
    }

    static func counts(_ c: ImportCounts) -> JSONObject {
        JSONObject([("read", .integer(c.read)), ("accepted", .integer(c.accepted)), ("rejected", .integer(c.rejected)),
                    ("superseded", .integer(c.superseded)), ("removed", .integer(c.removed))])
    }

    static func json(_ v: FieldValue) -> JSONValue {
        switch v {
        case .integer(let i): return .integer(i)
        case .real(let x): return .number(x)
        case .text(let s): return .string(s)
        case .day(let d): return .string(d.iso)
        case .flag(let b): return .bool(b)
        case .missing, .suppressedCount: return .null
        }
    }

    /// `parts` are the groupings of a two-way `--by`: each gets a key with
    /// the group's name in it (`"team": "Hold A", "age_band": "67–79"`;
    /// null in the total), so a BI tool can pivot without splitting names.
    static func group(_ figures: GroupFigures, minCell: Int, costs: Bool, reveal: Bool, comparison: MatchedComparisonResult? = nil, isTotal: Bool = false,
                      parts: [Grouping] = []) -> JSONValue {
        var g = figures
        if reveal { g.suppressed = false }
        var o = JSONObject()
        o.append(key: "group", value: .string(g.group))
        for (i, p) in parts.enumerated() { o.append(key: p.key, value: i < g.parts.count ? .string(g.parts[i]) : .null) }
        for (k, v) in ReportFields.counts(g, minCell: minCell) { o.append(key: k, value: json(v)) }
        o.append(key: "not_evaluable", value: .object(JSONObject(ReportFields.notEvaluable(g, minCell: minCell).map { ($0.0, json($0.1)) })))
        for (k, v) in ReportFields.effect(g, minCell: minCell) { o.append(key: k, value: json(v)) }
        o.append(key: "suppressed", value: .bool(figures.suppressed))
        if costs { for (k, v) in ReportFields.costs(g) { o.append(key: k, value: json(v)) } }
        if let comparison { for (k, v) in ComparisonFields.group(figures, comparison, isTotal: isTotal) { o.append(key: k, value: json(v)) } }
        return .object(o)
    }
}
