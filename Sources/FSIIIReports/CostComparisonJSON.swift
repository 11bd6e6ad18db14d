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
///                     "p_inmb_positive"[, "ceac": [p…]] } … ] }
///
/// The `_ci_` keys are the bootstrap's 2.5 and 97.5 percentiles. A group
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
        if let grid { o.append(key: "wtp_grid", value: .array(grid.map { .number($0) })) }
        let curves = grid.map { report.acceptabilityCurves(grid: $0) }
        o.append(key: "groups", value: .array(report.entries.indices.map { i in
            var g = JSONObject()
            let entry = report.entries[i]
            g.append(key: "group", value: .string(entry.group))
            g.append(key: "status", value: .string(entry.status.rawValue))
            g.append(key: "suppressed", value: .bool(entry.status == .suppressed))
            for (k, v) in zip(groupKeys, figures(entry.comparison)) { g.append(key: k, value: v) }
            if let curves {
                g.append(key: "ceac", value: curves[i].probabilities.map { .array($0.map { .number($0) }) } ?? .null)
            }
            return .object(g)
        }))
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
