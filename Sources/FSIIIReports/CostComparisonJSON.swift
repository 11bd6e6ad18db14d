import FSIIIEffect
import FSIIIBytes

/// The `cost_comparison` object of the JSON report (SPEC §8, §11), also
/// the `--ceac FILE.json` file with the acceptability curves added.
///
///     { "applies": true, "reference": "all other courses" | GROUP,
///       "wtp": λ, "bootstrap": B, "seed": S, ["wtp_grid": [λ…],]
///       "groups": [ { "group", "status", "suppressed", "courses", "reference_courses",
///                     "delta_cost", "delta_effect", "icer", "quadrant", "inmb",
///                     "delta_cost_ci_low", "delta_cost_ci_high", "delta_effect_ci_low",
///                     "delta_effect_ci_high", "inmb_ci_low", "inmb_ci_high",
///                     "p_inmb_positive"[, "ci_fallback": [figure…]], "verdict": {…} | null
///                     [, "ceac": [p…]] } … ] }
///
/// The `_ci_` keys are the bootstrap's 2.5 and 97.5 percentiles; with
/// `--ci bca` the root has `"ci_method": "bca"` (absent: percentile), the
/// intervals are BCa, and `ci_fallback` names the figures whose BCa
/// interval is undefined and which keep the percentile one. `verdict`:
/// see ``verdict(_:)``. A group
/// without a comparison (`status` other than `compared`: suppressed, the
/// reference itself, no courses, …) has `null` figures. With `--by
/// area|condition`: `{ "applies": false, "reason": … }`.
package enum CostComparisonJSON {
    package static let groupKeys = [
        "courses", "reference_courses", "delta_cost", "delta_effect", "icer", "quadrant", "inmb",
        "delta_cost_ci_low", "delta_cost_ci_high", "delta_effect_ci_low", "delta_effect_ci_high",
        "inmb_ci_low", "inmb_ci_high", "p_inmb_positive",
    ]

    /// Why the comparison does not apply to pair groupings.
    package static func notApplicableReason(_ grouping: Grouping) -> String {
        "the cost comparison applies to course groupings (--by team, municipality, month or a subgroup), not to condition pairs (--by \(grouping.rawValue))"
    }

    /// The object; with `grid`, the acceptability curve of each group too.
    package static func value(_ report: CostComparisonReport, grid: [Double]? = nil) -> JSONValue {
        var o = JSONObject()
        o.append(key: "applies", value: .bool(report.applies))
        guard report.applies else {
            o.append(key: "reason", value: .string(notApplicableReason(report.grouping)))
            return .object(o)
        }
        o.append(key: "reference", value: .string(report.reference.name))
        o.append(key: "wtp", value: .number(report.options.wtp))
        o.append(key: "bootstrap", value: .integer(report.options.bootstrap))
        o.append(key: "seed", value: Int(exactly: report.options.seed).map { .integer($0) } ?? .string(String(report.options.seed)))
        if report.options.intervalMethod != .percentile { o.append(key: "ci_method", value: .string(report.options.intervalMethod.rawValue)) }
        if let grid { o.append(key: "wtp_grid", value: .array(grid.map { .number($0) })) }
        let curves = grid.map { report.acceptabilityCurves(grid: $0) }
        o.append(key: "groups", value: .array(report.entries.indices.map { i in
            var g = JSONObject()
            let entry = report.entries[i]
            g.append(key: "group", value: .string(entry.group))
            g.append(key: "status", value: .string(entry.status.rawValue))
            g.append(key: "suppressed", value: .bool(entry.status == .suppressed))
            for (k, v) in zip(groupKeys, figures(entry.comparison)) { g.append(key: k, value: v) }
            if report.options.intervalMethod != .percentile, let b = entry.comparison?.bootstrap {
                g.append(key: "ci_fallback", value: .array(b.percentileFallback.map { .string($0.rawValue) }))
            }
            g.append(key: "verdict", value: entry.comparison.map { verdict($0.verdict) } ?? .null)
            if let curves {
                g.append(key: "ceac", value: curves[i].probabilities.map { .array($0.map { .number($0) }) } ?? .null)
            }
            return .object(g)
        }))
        return .object(o)
    }

    /// The `verdict` object: the figures of ``CostEffectivenessVerdict`` (a
    /// λ that is not given is `null` with its `_reason`) and the sentence
    /// in Danish and in English.
    package static func verdict(_ v: CostEffectivenessVerdict) -> JSONValue {
        var o = JSONObject()
        func real(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .number($0) : .null } ?? .null }
        o.append(key: "quadrant", value: .string(v.quadrant.rawValue))
        o.append(key: "icer", value: real(v.icer))
        o.append(key: "wtp", value: real(v.wtp))
        o.append(key: "p_cost_effective", value: real(v.probabilityCostEffective))
        for (key, t) in [("break_even_wtp", v.breakEven), ("wtp_p50", v.wtp50), ("wtp_p95", v.wtp95)] {
            o.append(key: key, value: real(t.wtp))
            o.append(key: key + "_reason", value: t.missing.map { .string($0.rawValue) } ?? .null)
        }
        o.append(key: "cost_effective_above_break_even", value: .bool(v.costEffectiveAboveBreakEven))
        o.append(key: "sentence_da", value: .string(CostVerdictText.sentence(v, language: .da)))
        o.append(key: "sentence_en", value: .string(CostVerdictText.sentence(v, language: .en)))
        return .object(o)
    }

    /// The values of `groupKeys`, all `null` without a comparison.
    static func figures(_ c: CostEffectivenessComparison?) -> [JSONValue] {
        guard let c else { return groupKeys.map { _ in .null } }
        func real(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .number($0) : .null } ?? .null }
        let b = c.bootstrap
        return [.integer(c.courses), .integer(c.referenceCourses), real(c.deltaCost), real(c.deltaEffect), real(c.icer),
                .string(c.quadrant.rawValue), real(c.inmb),
                real(b?.deltaCost.low), real(b?.deltaCost.high), real(b?.deltaEffect.low), real(b?.deltaEffect.high),
                real(b?.inmb.low), real(b?.inmb.high), real(b?.probabilityINMBPositive)]
    }
}
