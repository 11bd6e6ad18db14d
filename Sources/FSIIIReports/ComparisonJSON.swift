import FSIIIEffect
import FSIIIBytes

/// The issue 18 objects of the JSON report:
///
///     "comparison": { "method", "controls", "k", "caliper", "bootstrap", "seed",
///                     "treated", "matched", "unmatched", "unmatched_no_candidate",
///                     "unmatched_outside_caliper", "candidate_citizens",
///                     "candidate_pseudo_courses", "controls_used",
///                     "balance": [ { "covariate", "smd_before", "smd_after" } … ],
///                     "imbalanced": [covariate…],
///                     "treated_mean_change", "control_mean_change", "naive_mean_change",
///                     "effect", "effect_ci_low", "effect_ci_high",
///                     "improved_share_effect", "improved_share_effect_ci_low",
///                     "improved_share_effect_ci_high", "rtm_expected",
///                     "problem", "notes": [text…] }
///     "durability": [ { "months", "followed", "censored", "not_assessed",
///                       "mean_change", "mean_change_ci_low", "mean_change_ci_high",
///                       "kept_share", "hours_per_week_change", "left_home_care_share"
///                       [, "control_followed", "control_censored", "control_mean_change",
///                       "control_kept_share", "control_hours_per_week_change",
///                       "control_left_home_care_share", "mean_change_difference"] } … ]
///     "regression_to_the_mean": { "pairs", "correlation", "within_variance",
///                       "population_mean", "course_baseline_mean", "expected_shift",
///                       "observed_mean_change", "reason", "conditions": [ {"condition", …} ] }
///
/// `"controls"` is the pool (`never-treated` / `not-yet-treated`) and
/// `"controls_used"` the number of distinct matched pseudo-courses. A figure
/// that cannot be estimated is `null`, never 0; `"problem"` then says why.
public enum ComparisonJSON {
    package static func comparison(_ c: MatchedComparisonResult) -> JSONValue {
        var o = JSONObject()
        o.append(key: "method", value: .string(c.method))
        o.append(key: "controls", value: .string(c.options.controls.rawValue))
        o.append(key: "k", value: .integer(c.options.ratio))
        o.append(key: "exact_municipality", value: .bool(c.options.exactMunicipality))
        o.append(key: "index_window_days", value: .integer(c.options.indexWindowDays))
        o.append(key: "spacing_tolerance", value: .number(c.options.spacingTolerance))
        o.append(key: "caliper", value: real(c.caliper))
        o.append(key: "bootstrap", value: .integer(c.bootstrap))
        o.append(key: "seed", value: Int(exactly: c.seed).map { .integer($0) } ?? .string(String(c.seed)))
        o.append(key: "treated", value: .integer(c.treated))
        o.append(key: "matched", value: .integer(c.matched))
        o.append(key: "unmatched", value: .integer(c.unmatched))
        o.append(key: "unmatched_no_candidate", value: .integer(c.unmatchedNoCandidate))
        o.append(key: "unmatched_outside_caliper", value: .integer(c.unmatchedOutsideCaliper))
        o.append(key: "candidate_citizens", value: .integer(c.candidateCitizens))
        o.append(key: "candidate_pseudo_courses", value: .integer(c.candidatePseudoCourses))
        o.append(key: "controls_used", value: .integer(c.controls))
        o.append(key: "balance", value: .array(c.balance.map { b in
            .object(JSONObject([("covariate", .string(b.covariate)), ("smd_before", real(b.smdBefore)), ("smd_after", real(b.smdAfter))]))
        }))
        o.append(key: "imbalanced", value: .array(c.imbalanced.map { .string($0) }))
        o.append(key: "treated_mean_change", value: real(c.treatedMeanChange))
        o.append(key: "control_mean_change", value: real(c.controlMeanChange))
        o.append(key: "naive_mean_change", value: real(c.naiveMeanChange))
        o.append(key: "effect", value: real(c.effect?.effect))
        o.append(key: "effect_ci_low", value: real(c.effect?.interval?.low))
        o.append(key: "effect_ci_high", value: real(c.effect?.interval?.high))
        o.append(key: "improved_share_effect", value: real(c.improvedShareEffect?.effect))
        o.append(key: "improved_share_effect_ci_low", value: real(c.improvedShareEffect?.interval?.low))
        o.append(key: "improved_share_effect_ci_high", value: real(c.improvedShareEffect?.interval?.high))
        o.append(key: "rtm_expected", value: real(c.rtmExpected))
        o.append(key: "problem", value: c.problem.map { .string(ComparisonText.problem($0, language: .en)) } ?? .null)
        o.append(key: "notes", value: .array(c.notes.map { .string($0) }))
        return .object(o)
    }

    package static func durability(_ d: DurabilityResult) -> JSONValue {
        .array(d.horizons.map { h in
            var o = JSONObject()
            o.append(key: "months", value: .integer(h.months))
            o.append(key: "followed", value: .integer(h.followed))
            o.append(key: "censored", value: .integer(h.censored))
            o.append(key: "not_assessed", value: .integer(h.notAssessed))
            o.append(key: "mean_change", value: real(h.meanChange))
            o.append(key: "mean_change_ci_low", value: real(h.meanChangeCI?.low))
            o.append(key: "mean_change_ci_high", value: real(h.meanChangeCI?.high))
            o.append(key: "kept_share", value: real(h.keptShare))
            o.append(key: "hours_per_week_change", value: real(h.hoursPerWeekChange))
            o.append(key: "left_home_care_share", value: real(h.leftHomeCareShare))
            if let c = h.control {
                o.append(key: "control_followed", value: .integer(c.followed))
                o.append(key: "control_censored", value: .integer(c.censored))
                o.append(key: "control_mean_change", value: real(c.meanChange))
                o.append(key: "control_kept_share", value: real(c.keptShare))
                o.append(key: "control_hours_per_week_change", value: real(c.hoursPerWeekChange))
                o.append(key: "control_left_home_care_share", value: real(c.leftHomeCareShare))
                o.append(key: "mean_change_difference", value: real(h.meanChange.flatMap { t in c.meanChange.map { t - $0 } }))
            }
            return .object(o)
        })
    }

    package static func regressionToTheMean(_ r: RegressionToTheMeanEstimate) -> JSONValue {
        func row(_ x: RegressionToTheMeanEstimate.Row, key: String?) -> JSONObject {
            var o = JSONObject()
            if let key { o.append(key: key, value: .string(x.name)) }
            o.append(key: "pairs", value: .integer(x.pairs))
            o.append(key: "correlation", value: real(x.correlation))
            o.append(key: "within_variance", value: real(x.withinVariance))
            o.append(key: "population_mean", value: real(x.populationMean))
            o.append(key: "course_baseline_mean", value: real(x.courseBaselineMean))
            o.append(key: "expected_shift", value: real(x.expectedShift))
            o.append(key: "observed_mean_change", value: real(x.observedMeanChange))
            o.append(key: "reason", value: x.reason.map { .string($0) } ?? .null)
            return o
        }
        var o = row(r.meanLevel, key: nil)
        o.append(key: "conditions", value: .array(r.conditions.map { .object(row($0, key: "condition")) }))
        return .object(o)
    }

    static func real(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .number($0) : .null } ?? .null }
}

/// The per-group columns of the matched comparison, for JSON and CSV:
/// `effect`, `effect_ci_low`, `effect_ci_high`, `control_mean_change`;
/// missing (null / empty) when the group has no estimate or is suppressed.
public enum ComparisonFields {
    public static let groupKeys = ["effect", "effect_ci_low", "effect_ci_high", "control_mean_change"]

    static func group(_ g: GroupFigures, _ c: MatchedComparisonResult, isTotal: Bool) -> [(String, FieldValue)] {
        let e = g.suppressed ? nil : isTotal ? c.effect : c.groups[g.group]
        let values: [FieldValue] = [.real(e?.effect), .real(e?.interval?.low), .real(e?.interval?.high), .real(e?.controlMean)]
        return Array(zip(groupKeys, values))
    }
}
