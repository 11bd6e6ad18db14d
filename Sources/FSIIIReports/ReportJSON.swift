import FSIIIEffect
import FSIIIBytes

/// The JSON report of SPEC §11: `import`, `groups` (sorted by name),
/// `total` and `phi`, with the keys of ReportFields, `trend` and `mdc95`
/// (issue 21), and with cost data
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
        let adjusted = ReportFields.hasRiskAdjusted(report)
        root.append(key: "groups", value: .array(report.groups.map {
            group($0, minCell: minCell, costs: costs, reveal: revealSuppressed, comparison: c, parts: parts, riskAdjusted: adjusted)
        }))
        root.append(key: "total", value: group(report.total, minCell: minCell, costs: costs, reveal: revealSuppressed, comparison: c, isTotal: true,
                                               parts: parts, riskAdjusted: adjusted))
        // SPEC §8: with cost data, each group against the reference.
        if let comparison = report.costComparison { root.append(key: "cost_comparison", value: CostComparisonJSON.value(comparison)) }
        // SPEC §12: with cost data, how concentrated the cost is over the citizens.
        if let c = report.costConcentration { root.append(key: "cost_concentration", value: ConcentrationJSON.value(c, minCell: minCell)) }
        // Issue 18: the matched comparison, durability and regression to the mean.
        if let c { root.append(key: "comparison", value: ComparisonJSON.comparison(c)) }
        if let d = report.durability { root.append(key: "durability", value: ComparisonJSON.durability(d)) }
        if let r = report.regressionToTheMean { root.append(key: "regression_to_the_mean", value: ComparisonJSON.regressionToTheMean(r)) }
        // Issue 20: the crosswalk, whenever --harmonize used one.
        if let h = report.harmonization { root.append(key: "crosswalk", value: crosswalk(h)) }
        if let m = report.modelSwitch { root.append(key: "model_switch", value: modelSwitch(m)) }
        if let f = report.funnel { root.append(key: "funnel", value: funnel(f)) }
        // Issue 21: the trend's control chart and run rules, and the minimal detectable change.
        root.append(key: "trend", value: TrendOutput.json(report))
        root.append(key: "mdc95", value: mdc(report.minimalDetectableChange))
        if let f = report.meanChangeFunnel { root.append(key: "mean_change_funnel", value: meanChangeFunnel(f)) }
        // Issue 21: only when --case-mix model was asked for (the default report is unchanged).
        if let m = report.caseMix, m.requested == .model { root.append(key: "case_mix_model", value: CaseMixModelOutput.summary(m)) }
        return .object(root)
    }

    /// The JSON text of `report` (UTF-8, keys in the order SPEC §11 lists
    /// them; `pretty` indents it). Suppressed groups have `null` figures.
    /// Throws nothing: every report has a JSON form.
    public static func write(_ report: EffectReport, pretty: Bool = true) -> String {
        JSONWriter(pretty: pretty).write(value(report)) + "\n"
    }

    /// Assessment counts at the top; the other inputs under their own key.
    /// `{version, derived, combine, mapped_assessments, left_out_assessments,
    /// unmapped_legacy_conditions, agreement: [{condition, pairs, exact_agreement, weighted_kappa}]}`;
    /// a suppressed condition's pairs and figures are null.
    static func crosswalk(_ h: HarmonizationSummary) -> JSONValue {
        var o = JSONObject()
        o.append(key: "version", value: .string(h.version))
        o.append(key: "derived", value: .bool(h.derived))
        o.append(key: "combine", value: .string(h.combine.rawValue))
        o.append(key: "mapped_assessments", value: .integer(h.mappedAssessments))
        o.append(key: "left_out_assessments", value: .integer(h.leftOutAssessments))
        o.append(key: "unmapped_legacy_conditions", value: .array(h.unmappedLegacyConditions.map { .string($0) }))
        o.append(key: "agreement", value: .array(h.agreement.conditions.map { c in
            var a = JSONObject()
            a.append(key: "condition", value: .string(c.condition))
            a.append(key: "pairs", value: c.suppressed ? .null : .integer(c.pairs))
            a.append(key: "exact_agreement", value: c.exactAgreement.map { .number($0) } ?? .null)
            a.append(key: "weighted_kappa", value: c.weightedKappa.map { .number($0) } ?? .null)
            return .object(a)
        }))
        return .object(o)
    }

    /// `{municipalities: [...], teams: [...]}`, each `{name, first_simplified, months: [{month, legacy, simplified, simplified_share}]}`.
    static func modelSwitch(_ m: ModelSwitchMarkers) -> JSONValue {
        func group(_ g: ModelSwitchMarkers.Group) -> JSONValue {
            .object(JSONObject([("name", .string(g.name)), ("first_simplified", g.firstSimplified.map { .string($0.iso) } ?? .null),
                                ("months", .array(g.months.map { m in
                                    .object(JSONObject([("month", .string(m.month)), ("legacy", .integer(m.legacy)), ("simplified", .integer(m.simplified)),
                                                        ("simplified_share", m.simplifiedShare.map { .number($0) } ?? .null)]))
                                }))]))
        }
        return .object(JSONObject([("municipalities", .array(m.municipalities.map(group))), ("teams", .array(m.teams.map(group)))]))
    }

    /// `{method, transform, limits, phi, tau2, groups, overdispersion_chi2, overdispersion_df, overdispersion_p, excluded, note}`.
    static func funnel(_ f: FunnelSummary) -> JSONValue {
        .object(JSONObject([
            ("method", .string(f.options.method.rawValue)), ("transform", .string(f.options.transform.rawValue)),
            ("limits", .string(f.options.limits.rawValue)), ("phi", .number(f.phi)), ("tau2", .number(f.tauSquared)),
            ("groups", .integer(f.groups)), ("overdispersion_chi2", .number(f.chiSquare)),
            ("overdispersion_df", f.groups >= 2 ? .integer(f.groups - 1) : .null), ("overdispersion_p", f.p.map { .number($0) } ?? .null),
            ("excluded", .integer(f.excluded)), ("note", f.note.map { .string($0) } ?? .null),
        ]))
    }

    /// `{value, sem, reliability, pairs, minimum_pairs, reason}`: MDC₉₅ in
    /// points, null with the reason when not estimable.
    static func mdc(_ m: MinimalDetectableChangeEstimate) -> JSONValue {
        .object(JSONObject([
            ("value", m.mdc95.map { .number($0) } ?? .null), ("sem", m.standardErrorOfMeasurement.map { .number($0) } ?? .null),
            ("reliability", m.reliability.map { .number($0) } ?? .null), ("pairs", .integer(m.pairs)),
            ("minimum_pairs", .integer(MinimalDetectableChangeEstimate.minimumPairs)), ("reason", m.reason.map { .string($0) } ?? .null),
        ]))
    }

    /// `{method, target, sigma, phi, tau2, note, groups: [{group, courses, mean_change, z, limit95_low, …, flag}]}`;
    /// suppressed groups left out (SPEC §10).
    static func meanChangeFunnel(_ f: MeanChangeFunnel) -> JSONValue {
        let groups: [JSONValue] = f.points.filter { !$0.suppressed }.map { p in
            .object(JSONObject([
                ("group", .string(p.group)), ("courses", .integer(p.courses)), ("mean_change", .number(p.meanChange)), ("z", .number(p.z)),
                ("limit95_low", .number(p.limit95.low)), ("limit95_high", .number(p.limit95.high)),
                ("limit998_low", .number(p.limit998.low)), ("limit998_high", .number(p.limit998.high)), ("flag", .string(p.flag.rawValue)),
            ]))
        }
        return .object(JSONObject([
            ("method", .string(f.method.rawValue)), ("target", .number(f.target)), ("sigma", .number(f.sigma)), ("phi", .number(f.phi)),
            ("tau2", .number(f.tauSquared)), ("note", f.note.map { .string($0) } ?? .null), ("groups", .array(groups)),
        ]))
    }

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
                      parts: [Grouping] = [], riskAdjusted: Bool = false) -> JSONValue {
        var g = figures
        if reveal { g.suppressed = false }
        var o = JSONObject()
        o.append(key: "group", value: .string(g.group))
        for (i, p) in parts.enumerated() { o.append(key: p.key, value: i < g.parts.count ? .string(g.parts[i]) : .null) }
        for (k, v) in ReportFields.counts(g, minCell: minCell) { o.append(key: k, value: json(v)) }
        o.append(key: "not_evaluable", value: .object(JSONObject(ReportFields.notEvaluable(g, minCell: minCell).map { ($0.0, json($0.1)) })))
        for (k, v) in ReportFields.effect(g, minCell: minCell) {
            o.append(key: k, value: json(v))
            // Issue 21: beside the improved share, the share improved by more than MDC₉₅.
            if k == "improved_share_ci_high" { o.append(key: "improved_beyond_mdc_share", value: json(ReportFields.beyondMDC(g))) }
        }
        // Issue 20: the group's courses by FSIII model (null counts when suppressed).
        if let m = g.models {
            func count(_ x: Int) -> JSONValue { g.suppressed ? .null : .integer(x) }
            o.append(key: "models", value: .object(JSONObject([("legacy", count(m.legacy)), ("simplified", count(m.simplified)), ("mixed", count(m.mixed))])))
        }
        o.append(key: "suppressed", value: .bool(figures.suppressed))
        if costs { for (k, v) in ReportFields.costs(g) { o.append(key: k, value: json(v)) } }
        if let comparison { for (k, v) in ComparisonFields.group(figures, comparison, isTotal: isTotal) { o.append(key: k, value: json(v)) } }
        if riskAdjusted { for (k, v) in ReportFields.riskAdjusted(g) { o.append(key: k, value: json(v)) } }
        return .object(o)
    }
}
