import FSIIIBytes
import FSIIIEffect

/// `fsiii report --case-mix model`'s model report (issue 21): both
/// models' coefficients, the logistic model's C-statistic and calibration
/// by deciles, the linear model's R². Aggregates over all evaluable
/// courses only: no group, course or citizen appears in it.
public enum CaseMixModelOutput {
    /// `--model-report FILE.json`: `{courses, logistic: {outcome,
    /// coefficients: [{name, estimate, std_error, z}], c_statistic,
    /// calibration: [{decile, courses, mean_predicted, observed_share}]},
    /// linear: {outcome, coefficients: [{name, estimate, std_error, t}],
    /// r_squared, adjusted_r_squared, residual_standard_error},
    /// dropped_columns, notes}`.
    public static func json(_ m: CaseMixModelReport) -> String {
        JSONWriter(pretty: true).write(value(m)) + "\n"
    }

    static func number(_ x: Double?) -> JSONValue { x.flatMap { $0.isFinite ? JSONValue.number($0) : nil } ?? .null }

    static func value(_ m: CaseMixModelReport) -> JSONValue {
        func coefficients(_ list: [CaseMixModelReport.Coefficient], statistic: String) -> JSONValue {
            .array(list.map { c in
                .object(JSONObject([("name", .string(c.name)), ("estimate", number(c.estimate)), ("std_error", number(c.standardError)),
                                    (statistic, number(c.statistic))]))
            })
        }
        let logistic = JSONObject([
            ("outcome", .string("improved")), ("coefficients", coefficients(m.logistic, statistic: "z")),
            ("c_statistic", number(m.cStatistic)),
            ("calibration", .array(m.calibration.enumerated().map { i, g in
                .object(JSONObject([("decile", .integer(i + 1)), ("courses", .integer(g.count)), ("mean_predicted", number(g.meanPredicted)),
                                    ("observed_share", number(g.observedShare))]))
            })),
        ])
        let linear = JSONObject([
            ("outcome", .string("mean_change")), ("coefficients", coefficients(m.linear, statistic: "t")),
            ("r_squared", number(m.rSquared)), ("adjusted_r_squared", number(m.adjustedRSquared)),
            ("residual_standard_error", number(m.residualStandardError)),
        ])
        return .object(JSONObject([
            ("courses", .integer(m.courses)), ("logistic", .object(logistic)), ("linear", .object(linear)),
            ("dropped_columns", .array(m.droppedColumns.map { .string($0) })), ("notes", .array(m.notes.map { .string($0) })),
        ]))
    }

    /// The CSV columns of `--model-report FILE.csv`.
    package static let csvColumns = ["model", "kind", "name", "value", "std_error", "statistic", "courses", "mean_predicted", "observed_share"]

    /// `--model-report FILE.csv`: one row per coefficient (`kind`
    /// `coefficient`: estimate, standard error, z or t), per fit statistic
    /// (`fit`: `c_statistic`, `r_squared`, `adjusted_r_squared`,
    /// `residual_standard_error`, with the courses) and per calibration
    /// decile (`calibration`: courses, mean predicted, observed share);
    /// then, for both models (`both`), each dropped design column
    /// (`dropped_column`) and each pooling note (`note`) in `name`.
    public static func csv(_ m: CaseMixModelReport, dialect: CSVDialect = .standard) -> String {
        var rows: [[FieldValue]] = []
        func coefficient(_ model: String, _ c: CaseMixModelReport.Coefficient) -> [FieldValue] {
            [.text(model), .text("coefficient"), .text(c.name), .real(c.estimate), .real(c.standardError), .real(c.statistic), .missing, .missing, .missing]
        }
        func fit(_ model: String, _ name: String, _ x: Double?) -> [FieldValue] {
            [.text(model), .text("fit"), .text(name), .real(x), .missing, .missing, .integer(m.courses), .missing, .missing]
        }
        rows += m.logistic.map { coefficient("logistic", $0) }
        rows.append(fit("logistic", "c_statistic", m.cStatistic))
        rows += m.calibration.enumerated().map { i, g in
            [.text("logistic"), .text("calibration"), .text("decile \(i + 1)"), .missing, .missing, .missing, .integer(g.count),
             .real(g.meanPredicted), .real(g.observedShare)]
        }
        rows += m.linear.map { coefficient("linear", $0) }
        rows.append(fit("linear", "r_squared", m.rSquared))
        rows.append(fit("linear", "adjusted_r_squared", m.adjustedRSquared))
        rows.append(fit("linear", "residual_standard_error", m.residualStandardError))
        let empty = [FieldValue](repeating: .missing, count: 6)
        rows += m.droppedColumns.map { [.text("both"), .text("dropped_column"), .text($0)] + empty }
        rows += m.notes.map { [.text("both"), .text("note"), .text($0)] + empty }
        var out = dialect.preamble + dialect.line(csvColumns)
        for r in rows { out += dialect.line(r.map(dialect.format)) }
        return out
    }

    /// `"case_mix_model"` of the JSON report with `--case-mix model`:
    /// `{method, courses, c_statistic, r_squared, adjusted_r_squared,
    /// fallback_reason}` — the method in force (`model`, or `strata` after
    /// a fallback) and the fit summary (null after a fallback).
    package static func summary(_ s: CaseMixSummary) -> JSONValue {
        let m = s.model
        return .object(JSONObject([
            ("method", .string(m == nil ? CaseMixMethod.strata.rawValue : CaseMixMethod.model.rawValue)),
            ("courses", m.map { .integer($0.courses) } ?? .null), ("c_statistic", number(m?.cStatistic)),
            ("r_squared", number(m?.rSquared)), ("adjusted_r_squared", number(m?.adjustedRSquared)),
            ("fallback_reason", s.fallbackReason.map { .string($0) } ?? .null),
        ]))
    }
}
