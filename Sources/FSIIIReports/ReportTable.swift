import Foundation
import FSIIIEffect

/// The terminal table of `fsiii report` (SPEC §11): readable at 100
/// columns — group, courses, mean change with its interval, improved share,
/// goal attainment, O/E ratio and a funnel flag marker; cost per point and
/// mean savings when cost data is given.
public enum ReportTable {
    /// The table of `report` as text in `language`, one line per group and
    /// the total (suppressed groups as `<k`), with the accounting above it.
    /// Throws nothing.
    public static func write(_ report: EffectReport, language: Language = .da) -> String {
        let L = language
        let minCell = report.options.minCell
        let costs = report.courseCosts != nil && !report.options.grouping.groupsPairs
        let groupLabel = HTMLPhrases.groupLabel(report.options.groupBy, L)
        let all = report.groups + [report.total]
        func name(_ g: GroupFigures, _ i: Int) -> String { i == report.groups.count ? L.label(.total) : g.group }
        var header = [groupLabel, L.label(.courses), "\(L.label(.meanChange)) (\(L.label(.ci95)))", L.label(.improved), L.label(.goals), L.label(.oe), ""]
        var rows: [[String]] = all.enumerated().map { i, g in
            if g.suppressed { return [name(g, i), SmallCellSuppression.maskedCount(minCell: minCell)] }
            var change = g.meanChange.map { L.number($0) } ?? "–"
            if let ci = g.meanChangeCI { change += " (\(L.number(ci.low)) – \(L.number(ci.high)))" }
            return [name(g, i), String(g.courses), change, g.improvedShare.map { L.percent($0) } ?? "–",
                    g.goalAttainment.map { L.percent($0) } ?? "–", g.ratio.map { L.number($0) } ?? "–", marker(g.funnelFlag)]
        }
        // Issue 21: with a fitted case-mix model, the risk-adjusted mean change after O/E.
        let adjusted = ReportFields.hasRiskAdjusted(report)
        if adjusted {
            header.insert(L == .da ? "Justeret" : "Adjusted", at: 6)
            for i in rows.indices where rows[i].count > 6 {
                rows[i].insert(all[i].riskAdjustedMeanChange.map { L.number($0) } ?? "–", at: 6)
            }
        }
        var out = TextTable(header: header, rows: rows, leftAligned: [0, adjusted ? 7 : 6], rulesBefore: [report.groups.count]).render()
        if adjusted, let m = report.caseMix?.model {
            let auc = m.cStatistic.map { L.number($0) } ?? "–", r2 = m.rSquared.map { L.number($0) } ?? "–"
            out += ComparisonText.wrapped(L == .da
                ? "Justeret = risikojusteret gns. ændring (observeret − forventet + samlet gennemsnit); O/F og tragt fra risikomodellen (AUC \(auc), R² \(r2), --model-report)."
                : "Adjusted = risk-adjusted mean change (observed − expected + overall mean); O/E and funnel from the risk model (AUC \(auc), R² \(r2), --model-report).") + "\n"
        }
        if costs {
            // Short headers so the table fits 100 columns; the note below says what they mean.
            let costHeader = [groupLabel] + (L == .da
                ? ["Udgift i alt", "Kr./forløb", "Kr./point", "Kr./forbedret", "Besparelse", "Nettoudgift"]
                : ["Total cost", "Kr/course", "Kr/point", "Kr/improved", "Savings", "Net cost"])
            let costRows: [[String]] = all.enumerated().map { i, g in
                guard !g.suppressed, let c = g.costs else { return [name(g, i), g.suppressed ? SmallCellSuppression.maskedCount(minCell: minCell) : "–"] }
                func kr(_ x: Double?) -> String { x.map { L.number($0, digits: 0) } ?? "–" }
                return [name(g, i), kr(c.totalCost), kr(c.meanCost), kr(c.costPerPoint), kr(c.costPerImproved), kr(c.meanSavings), kr(c.meanNetCost)]
            }
            out += "\n" + TextTable(header: costHeader, rows: costRows, rulesBefore: [report.groups.count]).render()
            let h = report.options.horizonDays
            out += L == .da
                ? "Udgift i forløbet. Besparelse = udgift de \(h) dage før minus de \(h) dage efter forløbet\n(gns. pr. forløb med hele perioden i data); nettoudgift = udgift − besparelse.\n"
                : "Cost during the course. Savings = cost in the \(h) days before minus the \(h) days after the course\n(mean over courses with the whole period in the data); net cost = cost − savings.\n"
        }
        out += "\n"
        if !report.options.grouping.groupsPairs {
            out += L == .da
                ? "▲/▼ over/under 95 %-grænsen, ▲▲/▼▼ over/under 99,8 %-grænsen for forventet forbedring; φ = \(L.number(report.phi))\n"
                : "▲/▼ above/below the 95% limit, ▲▲/▼▼ above/below the 99.8% limit of expected improvement; φ = \(L.number(report.phi))\n"
            if let f = report.funnel { out += ComparisonText.wrapped(Self.funnelLine(f, L)) + "\n" }
        }
        if report.groups.contains(where: \.suppressed) || report.total.suppressed {
            out += "\(SmallCellSuppression.maskedCount(minCell: minCell)): \(L.label(.suppressedNote)) (--min-cell \(minCell)).\n"
        }
        let ne = report.total.notEvaluable
        if ne.total > 0 {
            out += ComparisonText.wrapped("\(L.label(.notEvaluable)): \(ne.total) (open \(ne.open), no_baseline \(ne.noBaseline), no_follow_up \(ne.noFollowUp), not_relevant \(ne.notRelevant)\(ne.modelSwitch > 0 ? ", model_switch \(ne.modelSwitch): add --harmonize simplified to compare them" : ""))") + "\n"
        }
        // Issue 21: the trend's run rules, one line when a series signals.
        if let trend = TrendOutput.line(report, language: L) { out += trend + "\n" }
        if report.options.mdcColumns { out += mdcLine(report, L) + "\n" }
        if let h = report.harmonization { out += ComparisonText.wrapped(CrosswalkText.harmonizationNote(h, language: L)) + "\n" }
        if let warning = CrosswalkText.mixedModelsWarning(report, language: L) { out += ComparisonText.wrapped(warning) + "\n" }
        // Issue 18: the matched comparison, regression to the mean, durability.
        let outcomes = ComparisonText.write(report, language: L)
        if !outcomes.isEmpty { out += "\n" + outcomes }
        // SPEC §12: with cost data, how concentrated the cost is.
        if let c = report.costConcentration { out += "\n" + ConcentrationText.block(c, language: L, minCell: minCell) }
        // SPEC §8: with cost data, a second table compares each group with the reference.
        if let comparison = report.costComparison { out += "\n" + CostComparisonTable.write(comparison, language: L, minCell: minCell, groupHeader: groupLabel) }
        return out
    }

    /// `--mdc`: MDC₉₅ with its SEM, reliability and pairs, and the share of the
    /// total improved beyond it; or why it is not estimable.
    /// Issue 21: the funnel's method, τ² and test of overdispersion (n·φ
    /// against χ² with n − 1 degrees of freedom), as the JSON `funnel` has them.
    static func funnelLine(_ f: FunnelSummary, _ L: Language) -> String {
        let o = f.options
        let method = o.method == .random ? "\(o.method.rawValue) (\(o.transform.rawValue))" : o.method.rawValue
        let p = f.p.map { $0 < 0.001 ? "< \(L.number(0.001, digits: 3))" : "= \(L.number($0, digits: 3))" }
        if L == .da {
            let test = p.map { "test for overspredning: n·φ = \(L.number(f.chiSquare)) med \(f.groups - 1) frihedsgrader, p \($0)" }
                ?? "ingen test for overspredning med færre end to grupper"
            return "Tragt: \(method), \(o.limits == .exact ? "eksakte" : "normale") grænser; φ = \(L.number(f.phi)), τ² = \(L.number(f.tauSquared, digits: 4)); \(test)."
        }
        let test = p.map { "overdispersion test: n·φ = \(L.number(f.chiSquare)) on \(f.groups - 1) degrees of freedom, p \($0)" }
            ?? "no overdispersion test with fewer than two groups"
        return "Funnel: \(method), \(o.limits.rawValue) limits; φ = \(L.number(f.phi)), τ² = \(L.number(f.tauSquared, digits: 4)); \(test)."
    }

    static func mdcLine(_ report: EffectReport, _ L: Language) -> String {
        let m = report.minimalDetectableChange
        guard let mdc = m.mdc95, let sem = m.standardErrorOfMeasurement, let icc = m.reliability else {
            return ComparisonText.wrapped("MDC95: \(m.reason ?? "not estimable")")
        }
        let share = report.total.suppressed ? nil : report.total.improvedBeyondMDCShare
        let text = L == .da
            ? "MDC95 = \(L.number(mdc)) point (SEM \(L.number(sem)), ICC \(L.number(icc)), \(m.pairs) gentagne par)"
                + (share.map { "; forbedret mere end MDC95: \(L.percent($0)) af forløbene" } ?? "")
            : "MDC95 = \(L.number(mdc)) points (SEM \(L.number(sem)), ICC \(L.number(icc)), \(m.pairs) repeat pairs)"
                + (share.map { "; improved beyond MDC95: \(L.percent($0)) of courses" } ?? "")
        return ComparisonText.wrapped(text)
    }

    static func marker(_ flag: FunnelFlag?) -> String {
        switch flag {
        case .highAlarm: return "▲▲"
        case .highAlert: return "▲"
        case .lowAlert: return "▼"
        case .lowAlarm: return "▼▼"
        default: return ""
        }
    }
}
