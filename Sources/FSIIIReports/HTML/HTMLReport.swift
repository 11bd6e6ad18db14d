import FSIIIEffect
import FSIIIStatistics

/// The HTML report of `fsiii report … --html FILE` (SPEC §11): one
/// self-contained page a data team can mail or put on an intranet.
///
/// Top to bottom: the title with the data's period and counts; a
/// plain-language summary and key figures; the charts (funnel plot, trend
/// by month, change per condition), each with a legend and its figures as
/// a table for readers who cannot see it; the group table of SPEC §7
/// (sortable); the import accounting with the commonest rejection reasons;
/// notes on method. Styles and the few lines of script are inline, the
/// charts are inline SVG: the page refers to nothing outside itself.
///
/// Personal data (SPEC §10): suppressed groups show their name and `<k`
/// only; months and conditions follow the same rule (`ChartSuppression`);
/// the page holds no citizen id, CPR number or file path.
public enum HTMLReport {
    /// The page. `terminology` names the conditions; `title` replaces the
    /// default "Effekt af rehabilitering (§ 83a)". Throws nothing.
    public static func write(_ report: EffectReport, terminology: Terminology, language L: Language = .da, title: String? = nil) -> String {
        let title = title ?? L.label(.reportTitle)
        let minCell = report.options.minCell
        let conditions = ConditionChanges(report.evaluation, terminology: terminology, minCell: minCell)
        var out = """
        <!DOCTYPE html>
        <html lang="\(L.rawValue)">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(title.htmlEscaped)</title>
        <style>
        \(HTMLStyle.css)
        </style>
        </head>
        <body>
        <main>

        """
        out += header(report, title: title, L)
        out += summary(report, conditions: conditions, L)
        out += charts(report, conditions: conditions, L)
        out += "<section aria-labelledby=\"table-heading\">\n<h2 id=\"table-heading\">\(HTMLPhrases.tableTitle(report.options.groupBy, L).htmlEscaped)</h2>\n"
        out += HTMLTable.groupTable(report, language: L)
        out += "<p class=\"hint\">\(L.label(.sortHint).htmlEscaped)</p>\n</section>\n"
        out += ComparisonSection.write(report, L)  // issue 18
        out += CostEffectivenessSection.write(report, L)  // issue 21
        out += imports(report.imports, L)
        out += notes(report, L)
        out += "<footer>\(L.label(.madeWith).htmlEscaped) \(FSIIIEffect.version.htmlEscaped) · FSIII \(terminology.version.htmlEscaped)</footer>\n"
        out += "</main>\n<script>\n\(HTMLStyle.sortScript)\n</script>\n</body>\n</html>\n"
        return out
    }

    /// Title, period and counts.
    static func header(_ report: EffectReport, title: String, _ L: Language) -> String {
        var meta: [String] = []
        if let p = report.period {
            let (from, to) = L == .da ? (p.lowerBound.danish, p.upperBound.danish) : (p.lowerBound.iso, p.upperBound.iso)
            meta.append("\(L.label(.period)): \(from) – \(to)")
        }
        let citizens = report.total.suppressed ? SmallCellSuppression.maskedCount(minCell: report.options.minCell)
            : L.number(Double(report.citizenCount), digits: 0)
        meta.append("\(citizens) \(L.label(.citizens).lowercased())")
        meta.append("\(L.number(Double(report.evaluation.results.count), digits: 0)) \(L == .da ? "forløb" : "courses")")
        meta.append(HTMLPhrases.count(report.groups.count, report.options.groupBy, L))
        return "<header>\n<h1>\(title.htmlEscaped)</h1>\n<p class=\"meta\">\(meta.map(\.htmlEscaped).joined(separator: " · "))</p>\n</header>\n"
    }

    /// The plain-language paragraph and the key figures.
    static func summary(_ report: EffectReport, conditions: ConditionChanges, _ L: Language) -> String {
        var out = "<section aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">\(L.label(.summary).htmlEscaped)</h2>\n"
        out += "<p class=\"summary\">\(HTMLSummaryText.summary(report, conditions: conditions, L).htmlEscaped)</p>\n"
        // SPEC §12: one sentence on how concentrated the home-care cost is.
        if let c = report.costConcentration, let sentence = ConcentrationText.sentence(c.overall, language: L) {
            out += "<p class=\"summary concentration\">\(sentence.htmlEscaped)</p>\n"
        }
        // Issue 21: the case-mix model's fit in one sentence.
        if let c = report.caseMix, c.requested == .model {
            out += "<p class=\"summary case-mix\">\(caseMixSentence(c, L).htmlEscaped)</p>\n"
        }
        let t = report.total
        if !t.suppressed {
            let evaluable = report.evaluation.results.count(where: \.isEvaluable)
            var tiles: [(String, String)] = []
            if let share = t.improvedShare { tiles.append((HTMLPhrases.percent(share, L), L.label(.improvedShare))) }
            if let mean = t.meanChange { tiles.append((L.number(mean), "\(L.label(.meanChange)) (\(L.label(.points)))")) }
            if let goals = t.goalAttainment { tiles.append((HTMLPhrases.percent(goals, L), L.label(.goals))) }
            tiles.append(("\(evaluable) / \(report.evaluation.results.count)", L.label(.evaluated)))
            out += "<ul class=\"tiles\" aria-label=\"\(L.label(.keyFigures).htmlEscaped)\">\n"
            for (value, label) in tiles {
                out += "<li><span class=\"value\">\(value.htmlEscaped)</span> <span class=\"label\">\(label.htmlEscaped)</span></li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    /// "Expected outcome per course from a risk model … on N courses: AUC …, R² …", or why it fell back to the strata.
    static func caseMixSentence(_ c: CaseMixSummary, _ L: Language) -> String {
        guard let m = c.model else {
            let reason = c.fallbackReason ?? ""
            return L == .da ? "Risikomodellen kunne ikke tilpasses (\(reason)); forventet fremgang er fra strata (baseline-niveau × aldersgruppe)."
                            : "The risk model could not be fitted (\(reason)); expected improvement is from the strata (baseline level × age band)."
        }
        let auc = m.cStatistic.map { L.number($0, digits: 2) } ?? "–"
        let r2 = m.rSquared.map { L.number($0, digits: 2) } ?? "–"
        let adjusted = m.adjustedRSquared.map { L.number($0, digits: 2) } ?? "–"
        let n = L.number(Double(m.courses), digits: 0)
        return L == .da
            ? "Forventet udfald pr. forløb er fra en risikomodel (logistisk for fremgang, lineær for gennemsnitlig ændring) tilpasset på \(n) forløb: C-statistik (AUC) \(auc), R² \(r2) (justeret \(adjusted))."
            : "Expected outcome per course is from a risk model (logistic for improvement, linear for mean change) fitted on \(n) courses: C-statistic (AUC) \(auc), R² \(r2) (adjusted \(adjusted))."
    }

    /// The three charts, each in a figure with a legend and a data table.
    static func charts(_ report: EffectReport, conditions: ConditionChanges, _ L: Language) -> String {
        let grouping = report.options.groupBy
        let minCell = report.options.minCell
        var figures: [String] = []
        if let funnel = FunnelPlotSVG(report) {
            let legend = legendList([
                ("<span class=\"sym within\">●</span>", L.label(.within)),
                ("<span class=\"sym better\">▲</span>", L == .da ? "over grænserne" : "above the limits"),
                ("<span class=\"sym worse\">▼</span>", L == .da ? "under grænserne" : "below the limits"),
                ("<span class=\"swatch dashed\"></span>", L.label(.limits95)),
                ("<span class=\"swatch\"></span>", L.label(.limits998)),
            ])
            figures.append(figure(id: "funnel", caption: HTMLPhrases.funnelTitle(grouping, L), svg: funnel.svg(language: L, grouping: grouping),
                                  legend: legend, table: funnel.dataTable(language: L, grouping: grouping), L))
        }
        if let meanFunnel = MeanChangeFunnelSVG(report) {
            let legend = legendList([
                ("<span class=\"sym within\">●</span>", L.label(.within)),
                ("<span class=\"sym better\">▲</span>", L == .da ? "over grænserne" : "above the limits"),
                ("<span class=\"sym worse\">▼</span>", L == .da ? "under grænserne" : "below the limits"),
                ("<span class=\"swatch dashed\"></span>", L.label(.limits95)),
                ("<span class=\"swatch\"></span>", L.label(.limits998)),
            ])
            figures.append(figure(id: "mean-change-funnel", caption: HTMLPhrases.meanChangeFunnelTitle(grouping, L),
                                  svg: meanFunnel.svg(language: L, grouping: grouping), legend: legend,
                                  table: meanFunnel.dataTable(language: L, grouping: grouping), L))
        }
        if let trend = MonthlyTrend(report.evaluation, minCell: minCell, spc: report.options.spc), !trend.shown.isEmpty {
            // A switch in the data's first month is where the data starts, not a switch.
            let firstDay = report.period?.lowerBound.rawValue ?? .min
            let switches = (report.modelSwitch?.municipalities ?? []).compactMap { g -> (name: String, year: Int, month: Int)? in
                guard let d = g.firstSimplified, d.rawValue - firstDay > 31 else { return nil }
                return (L == .da ? "\(g.name): forenklet model" : "\(g.name): simplified model", d.civil.year, d.civil.month)
            }
            let chart = TrendChartSVG(trend, switches: switches)
            var items: [(symbol: String, text: String)] = [
                ("<span class=\"sym series\">●</span>", L.label(.improvedShare)),
                ("<span class=\"swatch centre\"></span>", L.label(.centreLine)),
                ("<span class=\"swatch dashed\"></span>", trend.chart.method == .laney
                    ? (L == .da ? "3-sigma-grænser (Laneys p′-kort)" : "3-sigma limits (Laney's p′ chart)") : L.label(.pChartLimits)),
                ("<span class=\"sym better\">▲</span><span class=\"sym worse\">▼</span>", L.label(.outsidePChart)),
            ]
            // Issue 21: the Anhøj run rules, only when they signal.
            if chart.hasLongRun {
                items.append(("<span class=\"sym run\">◌</span>", L == .da ? "i et usædvanligt langt løb (Anhøj-regler)" : "in an unusually long run (Anhøj rules)"))
            }
            for (signals, name) in [(trend.shareRules?.crossingsSignal ?? false, L.label(.improvedShare)),
                                    (trend.changeRules?.crossingsSignal ?? false, L.label(.meanChange))] where signals {
                items.append(("<span class=\"sym run\">✕</span>", L == .da ? "\(name): for få krydsninger af centerlinjen (Anhøj-regler)"
                                  : "\(name): too few crossings of the centre line (Anhøj rules)"))
            }
            let legend = legendList(items)
            figures.append(figure(id: "trend", caption: L.label(.trendTitle), svg: chart.svg(language: L), legend: legend,
                                  table: chart.dataTable(language: L, minCell: minCell), L))
        }
        if !conditions.shown.isEmpty {
            let chart = ConditionChartSVG(conditions)
            let legend = legendList([
                ("<span class=\"sym within\">■</span>", L == .da ? "fremgang (positiv ændring)" : "improvement (positive change)"),
                ("<span class=\"sym worse\">■</span>", L == .da ? "tilbagegang (negativ ændring)" : "decline (negative change)"),
            ])
            figures.append(figure(id: "conditions", caption: L.label(.conditionTitle), svg: chart.svg(language: L), legend: legend,
                                  table: chart.dataTable(language: L, minCell: minCell), L))
        }
        if let lorenz = LorenzCurveSVG(report.costConcentration) {
            let legend = legendList([
                ("<span class=\"sym series\">●</span>", L == .da ? "borgernes andel af udgiften" : "the citizens' share of the cost"),
                ("<span class=\"swatch centre\"></span>", L == .da ? "lige fordeling" : "equal shares"),
            ])
            figures.append(figure(id: "lorenz", caption: LorenzCurveSVG.title(L), svg: lorenz.svg(language: L), legend: legend,
                                  table: lorenz.dataTable(language: L), L))
        }
        guard !figures.isEmpty else { return "" }
        return "<section aria-labelledby=\"charts-heading\">\n<h2 id=\"charts-heading\">\(L.label(.chartsTitle).htmlEscaped)</h2>\n"
            + "<div class=\"charts\">\n" + figures.joined() + "</div>\n</section>\n"
    }

    /// Legend items: (symbol markup, escaped here: the text).
    static func legendList(_ items: [(symbol: String, text: String)]) -> String {
        "<ul class=\"legend\">" + items.map { "<li>\($0.symbol)\($0.text.htmlEscaped)</li>" }.joined() + "</ul>\n"
    }

    static func figure(id: String, caption: String, svg: String, legend: String, table: String, _ L: Language) -> String {
        "<figure id=\"figure-\(id)\">\n<figcaption>\(caption.htmlEscaped)</figcaption>\n\(svg)\(legend)"
            + "<details>\n<summary>\(L.label(.chartData).htmlEscaped)</summary>\n\(table)</details>\n</figure>\n"
    }

    /// The import accounting of every input read, and the commonest rejection reasons.
    static func imports(_ imports: ImportReport, _ L: Language) -> String {
        let names: [InputKind: LabelKey] = [.assessments: .assessments, .courses: .courses, .costs: .costs, .rates: .rates, .fhir: .fhirReports]
        let rows = InputKind.allCases.compactMap { kind -> [String]? in
            guard let c = imports.counts[kind], c.read > 0 || kind == .assessments else { return nil }
            return [L.label(names[kind] ?? .input)] + [c.read, c.accepted, c.rejected, c.superseded, c.removed].map { L.number(Double($0), digits: 0) }
        }
        var out = "<section aria-labelledby=\"import-heading\">\n<h2 id=\"import-heading\">\(L.label(.importTitle).htmlEscaped)</h2>\n<div class=\"import\">\n<div>\n"
        out += HTMLTable.simple(header: [L.label(.input), L.label(.rowsRead), L.label(.accepted), L.label(.rejected), L.label(.superseded), L.label(.removed)],
                                rows: rows, numericColumns: 1...5)
        out += "</div>\n<div>\n<h3>\(L.label(.commonReasons).htmlEscaped)</h3>\n"
        let reasons = imports.commonReasons(limit: 5)
        if reasons.isEmpty {
            out += "<p>\((L == .da ? "Ingen rækker blev afvist." : "No rows were rejected.").htmlEscaped)</p>\n"
        } else {
            out += "<ol class=\"reasons\">\n"
            for r in reasons {
                out += "<li>\(HTMLSummaryText.reason(r.reason, L).htmlEscaped): \(L.number(Double(r.count), digits: 0))</li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</div>\n</div>\n</section>\n"
    }

    static func notes(_ report: EffectReport, _ L: Language) -> String {
        var out = "<section aria-labelledby=\"notes-heading\">\n<h2 id=\"notes-heading\">\(L.label(.methodTitle).htmlEscaped)</h2>\n<dl class=\"notes\">\n"
        for note in HTMLSummaryText.notes(report, L) {
            out += "<dt>\(note.lead.htmlEscaped)</dt>\n<dd>\(note.text.htmlEscaped)</dd>\n"
        }
        return out + "</dl>\n</section>\n"
    }
}
