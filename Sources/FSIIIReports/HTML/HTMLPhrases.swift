import FSIIIEffect
import FSIIIStatistics

/// The texts of the HTML report's charts that are sentences with figures
/// in them (titles, descriptions for screen readers, tooltips), in Danish
/// and English. Short fixed labels live in `LabelKey` (Language.swift);
/// the summary and the method notes in `HTMLSummaryText`.
enum HTMLPhrases {
    /// A share as a percentage with a no-break space before `%` in Danish,
    /// so `71 %` never breaks over two lines.
    static func percent(_ x: Double, _ L: Language) -> String {
        L.percent(x).replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// "1 team" / "3 teams"; nouns by grouping.
    static func count(_ n: Int, _ grouping: GroupingSpec, _ L: Language) -> String {
        let noun = nouns(grouping, L)
        return "\(n) \(n == 1 ? noun.one : noun.many)"
    }

    static func count(_ n: Int, _ grouping: Grouping, _ L: Language) -> String { count(n, GroupingSpec(grouping), L) }

    /// The singular and plural of what a grouping groups by.
    static func nouns(_ spec: GroupingSpec, _ L: Language) -> (one: String, many: String) {
        if spec.secondary != nil { return L == .da ? ("kombination", "kombinationer") : ("combination", "combinations") }
        switch (spec.primary, L) {
        case (.team, _): return ("team", "teams")
        case (.municipality, .da): return ("kommune", "kommuner")
        case (.municipality, .en): return ("municipality", "municipalities")
        case (.month, .da): return ("måned", "måneder")
        case (.month, .en): return ("month", "months")
        case (.area, .da): return ("område", "områder")
        case (.area, .en): return ("area", "areas")
        case (.condition, .da): return ("tilstand", "tilstande")
        case (.condition, .en): return ("condition", "conditions")
        case (.ageBand, .da): return ("aldersgruppe", "aldersgrupper")
        case (.ageBand, .en): return ("age band", "age bands")
        case (.sex, .da), (.baselineLevel, .da), (.baselineHours, .da): return ("gruppe", "grupper")
        case (.sex, .en), (.baselineLevel, .en), (.baselineHours, .en): return ("group", "groups")
        }
    }

    /// The grouping's column header: Team, Kommune, Måned, …
    static func groupLabel(_ spec: GroupingSpec, _ L: Language) -> String {
        spec.parts.map { groupLabel($0, L) }.joined(separator: GroupingSpec.nameSeparator)
    }

    /// The column header of one grouping.
    static func groupLabel(_ grouping: Grouping, _ L: Language) -> String {
        switch grouping {
        case .team: return L.label(.team)
        case .municipality: return L.label(.municipality)
        case .month: return L.label(.month)
        case .area: return L.label(.area)
        case .condition: return L.label(.condition)
        case .ageBand: return L.label(.ageBand)
        case .sex: return L.label(.sex)
        case .baselineLevel: return L.label(.baselineLevel)
        case .baselineHours: return L.label(.baselineHours)
        }
    }

    static func tableTitle(_ grouping: GroupingSpec, _ L: Language) -> String {
        let noun = groupLabel(grouping, L).lowercased()
        return L == .da ? "Resultater pr. \(noun)" : "Results by \(noun)"
    }

    static func suppressedCell(_ minCell: Int, _ L: Language) -> String {
        L == .da ? "Skjult: færre end \(minCell) borgere" : "Hidden: fewer than \(minCell) citizens"
    }

    static func flagText(_ flag: FunnelFlag?, _ L: Language) -> String {
        switch flag {
        case .highAlarm: return L.label(.highAlarm)
        case .highAlert: return L.label(.highAlert)
        case .lowAlert: return L.label(.lowAlert)
        case .lowAlarm: return L.label(.lowAlarm)
        case .within: return L.label(.within)
        case nil: return "–"
        }
    }

    static func monthName(_ month: Int, _ L: Language) -> String {
        let names = L == .da
            ? ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return names[(month - 1 + 12) % 12]
    }

    static func monthYear(_ m: MonthlyTrend.Month, _ L: Language) -> String { monthName(m.monthNumber, L) + " " + String(m.year) }

    // MARK: Funnel plot

    static func funnelTitle(_ grouping: GroupingSpec, _ L: Language) -> String {
        if grouping == GroupingSpec(.team) { return L.label(.funnelTitle) }
        let noun = groupLabel(grouping, L).lowercased()
        return L == .da ? "Tragtdiagram: observeret/forventet forbedring pr. \(noun)" : "Funnel plot: observed/expected improvement by \(noun)"
    }

    static func meanChangeFunnelTitle(_ grouping: GroupingSpec, _ L: Language) -> String {
        let noun = groupLabel(grouping, L).lowercased()
        return L == .da ? "Tragtdiagram: gennemsnitlig ændring pr. \(noun)" : "Funnel plot: mean change by \(noun)"
    }

    static func meanChangeFunnelDescription(_ plot: MeanChangeFunnelSVG, grouping: GroupingSpec, _ L: Language) -> String {
        let f = plot.funnel
        let flagged = plot.points.filter { $0.flag != .within }
        let method: String
        switch f.method {
        case .phi: method = f.phi > 1 ? (L == .da ? "udvidet for overspredning (φ = \(L.number(f.phi)))" : "widened for overdispersion (φ = \(L.number(f.phi)))")
            : (L == .da ? "uden overspredning" : "without overdispersion")
        case .random: method = L == .da ? "med tilfældige effekter (τ² = \(L.number(f.tauSquared, digits: 4)))" : "with random effects (τ² = \(L.number(f.tauSquared, digits: 4)))"
        case .none: method = L == .da ? "uden justering for overspredning" : "not adjusted for overdispersion"
        }
        if L == .da {
            return "Tragtdiagram for \(count(plot.points.count, grouping, L)). Vandret akse: antal forløb. Lodret akse: gennemsnitlig ændring i point; "
                + "linjen er det samlede gennemsnit \(L.number(f.target)). Grænserne er ±z·σ/√n, σ = \(L.number(f.sigma)), \(method). "
                + (flagged.isEmpty ? "Alle ligger inden for 95 %-grænserne." : "Uden for grænserne: "
                    + flagged.map { "\($0.group) (\(L.number($0.meanChange)), \(flagText($0.flag, L)))" }.joined(separator: "; ") + ".")
        }
        return "Funnel plot of \(count(plot.points.count, grouping, L)). Horizontal axis: number of courses. Vertical axis: mean change in points; "
            + "the line is the overall mean \(L.number(f.target)). The limits are ±z·σ/√n, σ = \(L.number(f.sigma)), \(method). "
            + (flagged.isEmpty ? "All lie within the 95% limits." : "Outside the limits: "
                + flagged.map { "\($0.group) (\(L.number($0.meanChange)), \(flagText($0.flag, L)))" }.joined(separator: "; ") + ".")
    }

    static func funnelDescription(_ plot: FunnelPlotSVG, grouping: GroupingSpec, _ L: Language) -> String {
        let flagged = plot.points.filter { $0.flag != nil && $0.flag != .within }
        var s: String
        if L == .da {
            s = "Tragtdiagram for \(count(plot.points.count, grouping, L)). Vandret akse: forventet antal forbedrede forløb, "
                + "0 til \(L.number(plot.x.domainHigh, digits: 0)). Lodret akse: observeret/forventet, 0 til \(L.number(plot.y.domainHigh, digits: 1)); "
                + "linjen ved 1 er det forventede niveau. "
            s += plot.options.method == .random
                ? "Grænserne har tilfældige effekter mellem enhederne (τ² = \(L.number(plot.tauSquared, digits: 4))). "
                : plot.phi > 1 ? "Grænserne er udvidet for overspredning (φ = \(L.number(plot.phi))). " : ""
            s += flagged.isEmpty ? "Alle ligger inden for 95 %-grænserne." : "Uden for grænserne: "
                + flagged.map { "\($0.group) (\(L.number($0.ratio)), \(flagText($0.flag, L)))" }.joined(separator: "; ") + "."
            if plot.hiddenGroups > 0 { s += " \(count(plot.hiddenGroups, grouping, L)) er ikke vist (for få borgere)." }
        } else {
            s = "Funnel plot of \(count(plot.points.count, grouping, L)). Horizontal axis: expected number of improved courses, "
                + "0 to \(L.number(plot.x.domainHigh, digits: 0)). Vertical axis: observed/expected, 0 to \(L.number(plot.y.domainHigh, digits: 1)); "
                + "the line at 1 is the expected level. "
            s += plot.options.method == .random
                ? "The limits add random effects between the units (τ² = \(L.number(plot.tauSquared, digits: 4))). "
                : plot.phi > 1 ? "The limits are widened for overdispersion (φ = \(L.number(plot.phi))). " : ""
            s += flagged.isEmpty ? "All lie within the 95% limits." : "Outside the limits: "
                + flagged.map { "\($0.group) (\(L.number($0.ratio)), \(flagText($0.flag, L)))" }.joined(separator: "; ") + "."
            if plot.hiddenGroups > 0 { s += " \(count(plot.hiddenGroups, grouping, L)) not shown (too few citizens)." }
        }
        if let f = plot.summary { s += " " + ReportTable.funnelLine(f, L) }
        return s
    }

    static func funnelTooltip(_ p: FunnelPlotSVG.Point, _ L: Language) -> String {
        L == .da
            ? "\(p.group): observeret \(p.observed), forventet \(L.number(p.expected, digits: 1)), O/F \(L.number(p.ratio)) – \(flagText(p.flag, L))"
            : "\(p.group): observed \(p.observed), expected \(L.number(p.expected, digits: 1)), O/E \(L.number(p.ratio)) – \(flagText(p.flag, L))"
    }

    // MARK: Trend chart

    static func trendDescription(_ chart: TrendChartSVG, _ L: Language) -> String {
        let t = chart.trend
        let span = t.months.first.map { monthYear($0, L) } ?? "", end = t.months.last.map { monthYear($0, L) } ?? ""
        let outside = t.shown.filter { chart.flag($0) != .within }
        let hidden = t.months.filter(\.suppressed).count
        if L == .da {
            var s = "Andel forbedrede forløb og gennemsnitlig ændring pr. måned for forløbets slutning, \(span) til \(end). "
                + "Samlet andel forbedrede \(percent(t.overallShare, L)), samlet gennemsnitlig ændring \(L.number(t.overallMeanChange)) point. "
            s += outside.isEmpty ? "Ingen måned ligger uden for 3-sigma-grænserne."
                : "Uden for 3-sigma-grænserne: " + outside.map { "\(monthYear($0, L)) (\(percent($0.improvedShare, L)))" }.joined(separator: ", ") + "."
            if hidden > 0 { s += " \(count(hidden, .month, L)) er skjult (for få borgere)." }
            return s
        }
        var s = "Share of courses improved and mean change by month of course end, \(span) to \(end). "
            + "Overall share improved \(percent(t.overallShare, L)), overall mean change \(L.number(t.overallMeanChange)) points. "
        s += outside.isEmpty ? "No month lies outside the 3-sigma limits."
            : "Outside the 3-sigma limits: " + outside.map { "\(monthYear($0, L)) (\(percent($0.improvedShare, L)))" }.joined(separator: ", ") + "."
        if hidden > 0 { s += " \(count(hidden, .month, L)) hidden (too few citizens)." }
        return s
    }

    static func monthShareTooltip(_ m: MonthlyTrend.Month, limits: Interval, _ L: Language) -> String {
        let range = "\(percent(limits.low, L)) – \(percent(limits.high, L))"
        return L == .da
            ? "\(monthYear(m, L)): \(percent(m.improvedShare, L)) af \(m.courses) forløb forbedret (grænser \(range))"
            : "\(monthYear(m, L)): \(percent(m.improvedShare, L)) of \(m.courses) courses improved (limits \(range))"
    }

    static func monthChangeTooltip(_ m: MonthlyTrend.Month, _ L: Language) -> String {
        L == .da
            ? "\(monthYear(m, L)): gennemsnitlig ændring \(L.number(m.meanChange)) point (\(m.courses) forløb)"
            : "\(monthYear(m, L)): mean change \(L.number(m.meanChange)) points (\(m.courses) courses)"
    }

    // MARK: Condition chart

    static func conditionDescription(_ chart: ConditionChartSVG, _ L: Language) -> String {
        let rows = chart.rows
        let hidden = chart.changes.rows.count - rows.count
        let best = rows.prefix(3).map { "\($0.name) (\(L.number($0.meanChange)))" }.joined(separator: ", ")
        let worst = rows.last.map { "\($0.name) (\(L.number($0.meanChange)))" } ?? ""
        if L == .da {
            var s = "Vandrette søjler med den gennemsnitlige ændring i point for \(count(rows.count, .condition, L)); positiv er fremgang. "
            if !rows.isEmpty { s += "Størst fremgang: \(best). Mindst: \(worst)." }
            if hidden > 0 { s += " \(count(hidden, .condition, L)) er skjult (for få borgere)." }
            return s
        }
        var s = "Horizontal bars with the mean change in points for \(count(rows.count, .condition, L)); positive is improvement. "
        if !rows.isEmpty { s += "Largest improvement: \(best). Smallest: \(worst)." }
        if hidden > 0 { s += " \(count(hidden, .condition, L)) hidden (too few citizens)." }
        return s
    }

    static func conditionTooltip(_ r: ConditionChanges.Row, _ L: Language) -> String {
        let improved = percent(Double(r.improved) / Double(r.pairs), L), worsened = percent(Double(r.worsened) / Double(r.pairs), L)
        return L == .da
            ? "\(r.name): gennemsnitlig ændring \(L.number(r.meanChange)) point over \(r.pairs) forløb; \(improved) forbedret, \(worsened) forværret"
            : "\(r.name): mean change \(L.number(r.meanChange)) points over \(r.pairs) courses; \(improved) improved, \(worsened) worsened"
    }
}
