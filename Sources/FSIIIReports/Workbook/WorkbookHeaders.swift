/// The column headers of the workbook, Danish or English, for the keys
/// the CSV and JSON reports use (ReportFields, ComparisonFields,
/// CostComparisonJSON, CourseExport). Where the table and HTML reports
/// already have a label (`LabelKey`) it is reused; a key not listed is
/// shown as it is, so a new CSV column still gets a header.
package enum WorkbookHeaders {
    package static func title(_ key: String, _ L: Language) -> String {
        if let label = labels[key] { return L.label(label) }
        if key.hasPrefix("not_evaluable_") {
            let reason = String(key.dropFirst("not_evaluable_".count))
            let r = reasons[reason] ?? (reason, reason)
            return L.label(.notEvaluable) + ": " + (L == .da ? r.da : r.en)
        }
        guard let t = titles[key] else { return key }
        return L == .da ? t.da : t.en
    }

    static let labels: [String: LabelKey] = [
        "team": .team, "municipality": .municipality, "month": .month, "area": .area, "condition": .condition,
        "age_band": .ageBand, "sex": .sex, "baseline_level": .baselineLevel, "baseline_hours": .baselineHours,
        "courses": .courses, "citizens": .citizens, "mean_change": .meanChange, "median_change": .mediansChange,
        "observed": .observed, "expected": .expected, "ratio": .ratio, "funnel_flag": .flag,
        "total_cost": .totalCost, "mean_cost": .meanCost, "cost_per_point": .costPerPoint, "cost_per_improved": .costPerImproved,
        "mean_savings": .meanSavings, "mean_net_cost": .meanNetCost,
        "read": .rowsRead, "accepted": .accepted, "rejected": .rejected, "superseded": .superseded, "removed": .removed,
    ]

    static let reasons: [String: (da: String, en: String)] = [
        "open": ("åbent", "open"), "no_baseline": ("ingen baseline", "no baseline"),
        "no_follow_up": ("ingen opfølgning", "no follow-up"), "not_relevant": ("ikke relevant", "not relevant"),
        "model_switch": ("skift af FSIII-model", "FSIII model switch"),
    ]

    static let titles: [String: (da: String, en: String)] = [
        "group": ("Gruppe", "Group"),
        "models_legacy": ("Forløb i gammel model", "Courses, legacy model"),
        "models_simplified": ("Forløb i forenklet model", "Courses, simplified model"),
        "models_mixed": ("Forløb i begge modeller", "Courses, both models"),
        "mean_change_ci_low": ("Gns. ændring, 95 % KI nedre", "Mean change, 95% CI low"),
        "mean_change_ci_high": ("Gns. ændring, 95 % KI øvre", "Mean change, 95% CI high"),
        "improved_share": ("Andel forbedret", "Share improved"),
        "improved_share_ci_low": ("Andel forbedret, KI nedre", "Share improved, CI low"),
        "improved_share_ci_high": ("Andel forbedret, KI øvre", "Share improved, CI high"),
        "improved_beyond_mdc_share": ("Andel forbedret mere end MDC95", "Share improved beyond MDC95"),
        "mdc95": ("MDC95 (point)", "MDC95 (points)"),
        "worsened_share": ("Andel forværret", "Share worsened"),
        "worsened_share_ci_low": ("Andel forværret, KI nedre", "Share worsened, CI low"),
        "worsened_share_ci_high": ("Andel forværret, KI øvre", "Share worsened, CI high"),
        "goal_attainment": ("Andel mål nået", "Goal attainment"),
        "goal_attainment_ci_low": ("Mål nået, KI nedre", "Goal attainment, CI low"),
        "goal_attainment_ci_high": ("Mål nået, KI øvre", "Goal attainment, CI high"),
        "mean_effectiveness": ("Gns. effektivitet", "Mean effectiveness"),
        "wilcoxon_z": ("Wilcoxon z", "Wilcoxon z"), "wilcoxon_p": ("Wilcoxon p", "Wilcoxon p"),
        "funnel_z": ("Tragt z", "Funnel z"),
        "limit95_low": ("95 %-grænse nedre", "95% limit low"), "limit95_high": ("95 %-grænse øvre", "95% limit high"),
        "limit998_low": ("99,8 %-grænse nedre", "99.8% limit low"), "limit998_high": ("99,8 %-grænse øvre", "99.8% limit high"),
        "suppressed": ("Skjult", "Suppressed"),
        // Mean-change funnel (issue 21)
        "mean_change_limit95_low": ("Gns. ændring, 95 %-grænse nedre", "Mean change, 95% limit low"),
        "mean_change_limit95_high": ("Gns. ændring, 95 %-grænse øvre", "Mean change, 95% limit high"),
        "mean_change_limit998_low": ("Gns. ændring, 99,8 %-grænse nedre", "Mean change, 99.8% limit low"),
        "mean_change_limit998_high": ("Gns. ændring, 99,8 %-grænse øvre", "Mean change, 99.8% limit high"),
        "mean_change_flag": ("Gns. ændring, tragt", "Mean change, funnel flag"),
        // Matched comparison (ComparisonFields)
        "effect": ("Effekt (matchet)", "Effect (matched)"),
        "effect_ci_low": ("Effekt, KI nedre", "Effect, CI low"), "effect_ci_high": ("Effekt, KI øvre", "Effect, CI high"),
        "control_mean_change": ("Kontroller, gns. ændring", "Controls, mean change"),
        // Cost comparison (CostComparisonJSON)
        "status": ("Status", "Status"), "reference_courses": ("Reference, forløb", "Reference courses"),
        "delta_cost": ("ΔUdgift", "ΔCost"), "delta_effect": ("ΔEffekt", "ΔEffect"), "icer": ("ICER (kr. pr. point)", "ICER (kr per point)"),
        "quadrant": ("Kvadrant", "Quadrant"), "inmb": ("INMB", "INMB"),
        "delta_cost_ci_low": ("ΔUdgift, KI nedre", "ΔCost, CI low"), "delta_cost_ci_high": ("ΔUdgift, KI øvre", "ΔCost, CI high"),
        "delta_effect_ci_low": ("ΔEffekt, KI nedre", "ΔEffect, CI low"), "delta_effect_ci_high": ("ΔEffekt, KI øvre", "ΔEffect, CI high"),
        "inmb_ci_low": ("INMB, KI nedre", "INMB, CI low"), "inmb_ci_high": ("INMB, KI øvre", "INMB, CI high"),
        "p_inmb_positive": ("P(INMB > 0)", "P(INMB > 0)"),
        "wtp": ("Betalingsvilje (kr. pr. point)", "Willingness to pay (kr per point)"),
        // Per-course export (CourseExport)
        "pseudonym": ("Pseudonym", "Pseudonym"), "course_id": ("Forløbs-id", "Course id"),
        "start": ("Start", "Start"), "end": ("Slut", "End"), "days": ("Dage", "Days"), "n": ("Tilstande (n)", "Conditions (n)"),
        "baseline_sum": ("Sum før", "Baseline sum"), "follow_up_sum": ("Sum efter", "Follow-up sum"), "change": ("Ændring", "Change"),
        "unchanged": ("Uændret", "Unchanged"), "improved": ("Forbedret", "Improved"), "worsened": ("Forværret", "Worsened"),
        "effectiveness": ("Effektivitet", "Effectiveness"), "outcome": ("Resultat", "Outcome"),
        "goals_set": ("Mål sat", "Goals set"), "goals_met": ("Mål nået", "Goals met"),
        "cost": ("Udgift", "Cost"), "hours_before": ("Timer før", "Hours before"), "cost_before": ("Udgift før", "Cost before"),
        "hours_after": ("Timer efter", "Hours after"), "cost_after": ("Udgift efter", "Cost after"),
        "hours_change_per_week": ("Ændring i timer pr. uge", "Change in hours per week"), "savings": ("Besparelse", "Savings"),
        "net_cost": ("Nettoudgift", "Net cost"),
        // Import accounting and the facts sheets
        "input": ("Data", "Input"), "reason": ("Årsag", "Reason"), "count": ("Antal", "Count"),
        "item": ("Emne", "Item"), "value": ("Værdi", "Value"), "note": ("Forklaring", "Explanation"),
    ]
}
