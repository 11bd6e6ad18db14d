import FSIIIBytes
import FSIIIEffect

/// `fsiii report --format xlsx` (issue 22): the report as an Excel
/// workbook, with the same figures as the CSV and JSON reports.
///
/// Sheets, in order:
/// 1. the group table — the CSV report's columns and rows (`ReportCSV.table`),
///    one row per group and the total last;
/// 2. with `--compare-to matched`: the matched comparison (its facts, then
///    the covariate balance), and whenever estimable durability and
///    regression to the mean — the keys of the JSON report;
/// 3. with `--compare` and cost data: the cost comparison per group and,
///    with bootstrap replicates, the acceptability curve (one row per λ);
/// 4. the import accounting per input and the rejection reasons;
/// 5. "Om tallene" / "About": the period, the rules (lookback, grace days,
///    horizon, case mix, suppression K) and the tool's version.
///
/// Headers are Danish by default, English with `.en`. No identifier is
/// written: the fields are those of the CSV and JSON reports.
public enum ReportWorkbook {
    /// Writes the workbook of `report` to the file `path`, whole or not at
    /// all (a temporary file beside it is renamed into place). Throws
    /// when the file cannot be written; the error's description says why.
    public static func write(_ report: EffectReport, language: Language = .da, toFile path: String) throws {
        let file = try OutputFile(path: path)
        try write(report, language: language, to: file)
        try file.commit()
    }

    /// Streams the workbook of `report` into `sink`. `grid` is the
    /// acceptability curve's λ values (`--wtp-grid`, else the standard grid).
    package static func write(_ report: EffectReport, language L: Language = .da, grid: [Double] = WTPGrid.standard.values,
                              to sink: ZipSink) throws(OutputError) {
        let book = XLSXWriter(sink: sink)
        let da = L == .da

        let (keys, rows) = ReportCSV.table(report)
        try book.beginSheet(da ? "Effekt" : "Effect", columns: columns(keys, L))
        for row in rows { try book.row(row) }

        if let c = report.comparison, case .object(let o) = ComparisonJSON.comparison(c) {
            try facts(book, da ? "Sammenligning" : "Comparison", o, L)
            if case .array(let balance)? = o["balance"], !balance.isEmpty { try table(book, "Balance", balance, L) }
        }
        if let d = report.durability, case .array(let horizons) = ComparisonJSON.durability(d), !horizons.isEmpty {
            try table(book, da ? "Varighed" : "Durability", horizons, L)
        }
        if let r = report.regressionToTheMean, case .object(let o) = ComparisonJSON.regressionToTheMean(r) {
            try facts(book, da ? "Regression mod middelværdien" : "Regression to the mean", o, L)
        }

        if let cost = report.costComparison, cost.applies, case .object(let o) = CostComparisonJSON.value(cost),
           case .array(let groups)? = o["groups"] {
            try table(book, da ? "Omkostningssammenligning" : "Cost comparison", groups, L)
            if cost.options.bootstrap > 0 {
                let curves = cost.acceptabilityCurves(grid: grid)
                try book.beginSheet(da ? "Acceptabilitetskurve" : "Acceptability curve",
                                    columns: [WorkbookColumn(WorkbookHeaders.title("wtp", L), format: .money, width: 16)]
                                        + curves.map { WorkbookColumn($0.group, format: .percent) })
                for (i, lambda) in grid.enumerated() {
                    try book.row([.real(lambda)] + curves.map { $0.probabilities.map { .real($0[i]) } ?? .missing })
                }
            }
        }

        try imports(book, report.imports, L)
        try about(book, report, L)
        try book.finish()
    }

    /// The header of each key, with the display format the key calls for.
    static func columns(_ keys: [String], _ L: Language) -> [WorkbookColumn] {
        keys.map { key in
            let format = key == "group" || key == "status" || key == "quadrant" || key == "funnel_flag" || key == "suppressed"
                || key == "covariate" || key == "condition" || key == "reason" ? .general : WorkbookColumn.format(forKey: key)
            return WorkbookColumn(WorkbookHeaders.title(key, L), format: format, width: key == "group" ? 24 : nil)
        }
    }

    /// A JSON value of the report as a cell; arrays and objects are not cells.
    static func field(_ v: JSONValue) -> FieldValue {
        switch v {
        case .integer(let i): return .integer(i)
        case .number(let x): return .real(x)
        case .string(let s): return .text(s)
        case .bool(let b): return .flag(b)
        case .null, .array, .object: return .missing
        }
    }

    /// An array of JSON objects as a table: the first object's keys are the columns.
    static func table(_ book: XLSXWriter, _ name: String, _ objects: [JSONValue], _ L: Language) throws(OutputError) {
        guard case .object(let first)? = objects.first else { return }
        let keys = first.members.filter {
            switch $0.value {
            case .array, .object: return false
            // The cost comparison's verdict object (null for a group without a comparison) is not a column.
            default: return $0.key != "verdict"
            }
        }.map(\.key)
        try book.beginSheet(name, columns: columns(keys, L))
        for case .object(let o) in objects { try book.row(keys.map { o[$0].map(field) ?? .missing }) }
    }

    /// An object's scalar members as two columns, key and value; an array of text joined.
    static func facts(_ book: XLSXWriter, _ name: String, _ object: JSONObject, _ L: Language) throws(OutputError) {
        try book.beginSheet(name, columns: [WorkbookColumn(WorkbookHeaders.title("item", L), width: 34),
                                            WorkbookColumn(WorkbookHeaders.title("value", L), format: .decimal, width: 18)])
        for (key, value) in object.members {
            switch value {
            case .array(let items):
                let texts = items.compactMap(\.string)
                if !texts.isEmpty || items.isEmpty { try book.row([.text(WorkbookHeaders.title(key, L)), .text(texts.joined(separator: "; "))]) }
            case .object: continue
            default: try book.row([.text(WorkbookHeaders.title(key, L)), field(value)])
            }
        }
    }

    /// The accounting per input (read = accepted + rejected + superseded + removed) and the rejection reasons.
    static func imports(_ book: XLSXWriter, _ imports: ImportReport, _ L: Language) throws(OutputError) {
        let keys = ["read", "accepted", "rejected", "superseded", "removed"]
        try book.beginSheet(L == .da ? "Indlæsning" : "Import",
                            columns: [WorkbookColumn(WorkbookHeaders.title("input", L), width: 20)] + keys.map { WorkbookColumn(WorkbookHeaders.title($0, L)) })
        for kind in InputKind.allCases {
            guard let c = imports.counts[kind] else { continue }
            try book.row([.text(inputName(kind, L)), .integer(c.read), .integer(c.accepted), .integer(c.rejected), .integer(c.superseded), .integer(c.removed)])
        }
        try book.beginSheet(L == .da ? "Afviste rækker" : "Rejections",
                            columns: [WorkbookColumn(WorkbookHeaders.title("reason", L), width: 36), WorkbookColumn(WorkbookHeaders.title("count", L))])
        for r in imports.commonReasons(limit: Int.max) {
            try book.row([.text(HTMLSummaryText.reason(r.reason, L)), .integer(r.count)])
        }
    }

    static func inputName(_ kind: InputKind, _ L: Language) -> String {
        let da = L == .da
        switch kind.rawValue {
        case "assessments": return L.label(.assessments)
        case "courses": return L.label(.courses)
        case "costs": return L.label(.costs)
        case "rates": return L.label(.rates)
        case "fhir": return L.label(.fhirReports)
        default: return da ? kind.rawValue : kind.rawValue
        }
    }

    /// "Om tallene" / "About": what a reader needs to read the figures.
    static func about(_ book: XLSXWriter, _ report: EffectReport, _ L: Language) throws(OutputError) {
        let da = L == .da
        let o = report.options
        try book.beginSheet(da ? "Om tallene" : "About",
                            columns: [WorkbookColumn(WorkbookHeaders.title("item", L), width: 40), WorkbookColumn(WorkbookHeaders.title("value", L), width: 16),
                                      WorkbookColumn(WorkbookHeaders.title("note", L), width: 90)], table: false)
        func row(_ item: String, _ value: FieldValue, _ note: String = "") throws(OutputError) {
            try book.row([.text(item), value, .text(note)])
        }
        try row(da ? "Periode, første vurdering" : "Period, first assessment", report.period.map { .day($0.lowerBound) } ?? .missing)
        try row(da ? "Periode, sidste vurdering" : "Period, last assessment", report.period.map { .day($0.upperBound) } ?? .missing)
        if let w = o.window {
            try row(da ? "--window fra" : "--window from", .day(w.lowerBound), da ? "ét forløb pr. borger i vinduet" : "one course per citizen in the window")
            try row(da ? "--window til" : "--window to", .day(w.upperBound))
        }
        try row(da ? "Grupperet efter (--by)" : "Grouped by (--by)", .text(o.groupBy.description))
        try row(da ? "Forløbskilde" : "Course source", .text(report.courseSource.rawValue))
        try row(L.label(.citizens), .integer(report.citizenCount))
        try row(da ? "Baseline: dage før start (--lookback-days)" : "Baseline: days before start (--lookback-days)", .integer(o.windows.lookbackDays),
                da ? "Baseline er den seneste vurdering fra så mange dage før forløbets start" : "The baseline is the latest assessment from this many days before the course start")
        try row(da ? "Baseline: dage efter start (--baseline-grace-days)" : "Baseline: days after start (--baseline-grace-days)", .integer(o.windows.baselineGraceDays))
        try row(da ? "Opfølgning: dage efter slut (--follow-up-grace-days)" : "Follow-up: days after end (--follow-up-grace-days)", .integer(o.windows.followUpGraceDays))
        try row(da ? "Udgifter: dage før og efter (--horizon-days)" : "Costs: days before and after (--horizon-days)", .integer(o.horizonDays))
        try row(da ? "Case mix" : "Case mix", .text(da ? "udgangsniveau × aldersgruppe" : "baseline level × age band"),
                da ? "Forventet andel forbedrede: den samlede andel i hver kombination af udgangsniveau (0–1, 1–2, 2–3, 3–4) og aldersgruppe (<67, 67–79, 80–89, ≥90) (SPEC §7)"
                   : "Expected share improved: the overall share in each combination of baseline level band (0–1, 1–2, 2–3, 3–4) and age band (<67, 67–79, 80–89, ≥90) (SPEC §7)")
        try row(da ? "Mindste antal borgere pr. gruppe (--min-cell, K)" : "Smallest group shown, citizens (--min-cell, K)", .integer(o.minCell),
                L.label(.suppressedNote) + (da ? "; skjulte og udefinerede tal er tomme celler, aldrig 0." : "; hidden and undefined figures are empty cells, never 0."))
        try row(L.label(.phi), .real(report.phi))
        if let c = report.costComparison, c.applies {
            try row(da ? "Reference (--reference)" : "Reference (--reference)", .text(c.reference.name))
            try row(da ? "Betalingsvilje (--wtp)" : "Willingness to pay (--wtp)", .real(c.options.wtp))
            try row(da ? "Bootstrap-replikater (--bootstrap)" : "Bootstrap replicates (--bootstrap)", .integer(c.options.bootstrap))
        }
        try row(da ? "Værktøj" : "Tool", .text("fsiii \(FSIIIEffect.version)"), da ? "Lavet med fsiii; tallene er de samme som i CSV- og JSON-rapporten" : "Made with fsiii; the figures are those of the CSV and JSON reports")
    }
}
