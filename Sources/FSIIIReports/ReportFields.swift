import FSIIIEffect

/// A value of one report field, before it is written as JSON, CSV or a
/// table cell. Keeps integers, reals, text and "undefined" apart so every
/// writer can format them its own way.
package enum FieldValue: Sendable, Hashable {
    case integer(Int)
    case real(Double)
    case text(String)
    case flag(Bool)
    /// A date: ISO in JSON and standard CSV, `DD-MM-YYYY` in `excel-da`.
    case day(Day)
    /// Undefined: `null` in JSON, empty in CSV.
    case missing
    /// A count hidden by small-cell suppression: `<k` in CSV and tables, `null` in JSON.
    case suppressedCount(Int)

    static func real(_ x: Double?) -> FieldValue { x.map { $0.isFinite ? .real($0) : .missing } ?? .missing }
    static func integer(_ x: Int?) -> FieldValue { x.map { .integer($0) } ?? .missing }
}

/// The columns of a group row in SPEC §11's order, flattened the way the
/// CSV report writes them (`not_evaluable_open`, …). The JSON writer nests
/// `not_evaluable`. One definition for every format (STYLE.md).
package enum ReportFields {
    package static let notEvaluableKeys = NotEvaluableReason.allCases.map(\.rawValue)

    package static let effectKeys = [
        "mean_change", "mean_change_ci_low", "mean_change_ci_high", "median_change",
        "improved_share", "improved_share_ci_low", "improved_share_ci_high",
        "worsened_share", "worsened_share_ci_low", "worsened_share_ci_high",
        "goal_attainment", "goal_attainment_ci_low", "goal_attainment_ci_high",
        "mean_effectiveness", "wilcoxon_z", "wilcoxon_p",
        "observed", "expected", "ratio", "funnel_z",
        "limit95_low", "limit95_high", "limit998_low", "limit998_high", "funnel_flag",
    ]

    package static let costKeys = ["total_cost", "mean_cost", "cost_per_point", "cost_per_improved", "mean_savings", "mean_net_cost"]

    /// Every CSV column of the group report.
    package static func csvColumns(costs: Bool) -> [String] {
        ["group", "courses", "citizens"] + notEvaluableKeys.map { "not_evaluable_\($0)" } + effectKeys + ["suppressed"] + (costs ? costKeys : [])
    }

    /// The risk-adjusted mean change of `--case-mix model` (issue 21), last in the CSV.
    package static let riskAdjustedKeys = ["expected_mean_change", "risk_adjusted_mean_change",
                                           "risk_adjusted_mean_change_ci_low", "risk_adjusted_mean_change_ci_high"]

    /// Whether the report carries the risk-adjusted mean change (a fitted case-mix model).
    package static func hasRiskAdjusted(_ report: EffectReport) -> Bool { report.caseMix?.model != nil }

    /// A group's expected and risk-adjusted mean change; empty when suppressed.
    static func riskAdjusted(_ g: GroupFigures) -> [(String, FieldValue)] {
        let values: [FieldValue] = [.real(g.expectedMeanChange), .real(g.riskAdjustedMeanChange),
                                    .real(g.riskAdjustedMeanChangeCI?.low), .real(g.riskAdjustedMeanChangeCI?.high)]
        return zip(riskAdjustedKeys, values).map { ($0, g.suppressed ? .missing : $1) }
    }

    /// The CSV columns of `GroupFigures.models` (issue 20).
    package static let modelKeys = ["models_legacy", "models_simplified", "models_mixed"]

    /// The CSV columns of the mean-change funnel (issue 21).
    package static let meanChangeFunnelKeys = ["mean_change_limit95_low", "mean_change_limit95_high", "mean_change_limit998_low",
                                               "mean_change_limit998_high", "mean_change_flag"]

    /// A group's mean-change funnel limits and flag; empty for the total, a suppressed group or one without a mean change.
    static func meanChangeFunnel(_ p: MeanChangeFunnel.Point?) -> [FieldValue] {
        guard let p else { return [.missing, .missing, .missing, .missing, .missing] }
        return [.real(p.limit95.low), .real(p.limit95.high), .real(p.limit998.low), .real(p.limit998.high), .text(p.flag.rawValue)]
    }

    /// A group's courses by FSIII model; hidden when suppressed, empty for none.
    static func models(_ g: GroupFigures, minCell: Int) -> [FieldValue] {
        guard let m = g.models else { return [.missing, .missing, .missing] }
        return [m.legacy, m.simplified, m.mixed].map { g.suppressed ? .suppressedCount(minCell) : .integer($0) }
    }

    /// The counts of a group (hidden when suppressed).
    static func counts(_ g: GroupFigures, minCell: Int) -> [(String, FieldValue)] {
        func count(_ x: Int) -> FieldValue { g.suppressed ? .suppressedCount(minCell) : .integer(x) }
        return [("courses", count(g.courses)), ("citizens", count(g.citizens))]
    }

    static func notEvaluable(_ g: GroupFigures, minCell: Int) -> [(String, FieldValue)] {
        NotEvaluableReason.allCases.map { ($0.rawValue, g.suppressed ? .suppressedCount(minCell) : .integer(g.notEvaluable[$0])) }
    }

    /// The effect figures of a group; all `.missing` when suppressed.
    static func effect(_ g: GroupFigures, minCell: Int) -> [(String, FieldValue)] {
        let values: [FieldValue] = [
            .real(g.meanChange), .real(g.meanChangeCI?.low), .real(g.meanChangeCI?.high), .real(g.medianChange),
            .real(g.improvedShare), .real(g.improvedCI?.low), .real(g.improvedCI?.high),
            .real(g.worsenedShare), .real(g.worsenedCI?.low), .real(g.worsenedCI?.high),
            .real(g.goalAttainment), .real(g.goalCI?.low), .real(g.goalCI?.high),
            .real(g.meanEffectiveness), .real(g.wilcoxonZ), .real(g.wilcoxonP),
            g.suppressed && g.observed != nil ? .suppressedCount(minCell) : .integer(g.observed), .real(g.expected), .real(g.ratio), .real(g.funnelZ),
            .real(g.limit95?.low), .real(g.limit95?.high), .real(g.limit998?.low), .real(g.limit998?.high),
            g.funnelFlag.map { .text($0.rawValue) } ?? .missing,
        ]
        return zip(effectKeys, values).map { key, value in
            if g.suppressed, case .suppressedCount = value { return (key, value) }
            return (key, g.suppressed ? .missing : value)
        }
    }

    /// `improved_beyond_mdc_share` (issue 21): the share of courses whose
    /// mean change exceeds MDC₉₅; missing when suppressed or not estimable.
    static func beyondMDC(_ g: GroupFigures) -> FieldValue { g.suppressed ? .missing : .real(g.improvedBeyondMDCShare) }

    static func costs(_ g: GroupFigures) -> [(String, FieldValue)] {
        let c = g.costs
        let values: [FieldValue] = [.real(c?.totalCost), .real(c?.meanCost), .real(c?.costPerPoint), .real(c?.costPerImproved),
                                    .real(c?.meanSavings), .real(c?.meanNetCost)]
        return zip(costKeys, values).map { ($0, g.suppressed ? .missing : $1) }
    }
}
