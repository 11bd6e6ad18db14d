import FSIIIBytes
import FSIIIEffect
import FSIIIReports

/// `fsiii report PATH…`: the effect per team (or `--by …`), SPEC §11.
enum ReportCommand {
    enum Format: String, CaseIterable { case table, csv, json, xlsx }

    static let command = Command(
        name: "report",
        summary: "Effect of rehabilitation per team (or --by …) from assessments and courses, with costs when given",
        usage: "PATH… [options]",
        details: """
        PATH is a file or a folder. A folder is searched (not recursively) for assessments*.csv,
        courses*.csv, costs*.csv, rates*.csv and KL Gateway *.json / *.ndjson reports.
        - reads standard input: assessments as PATH, or the kind of the option
        (--fhir -), e.g. `zcat export.csv.gz | fsiii report - --courses courses.csv`.
        Rejected rows are warnings on standard error; the import accounting
        (read = accepted + rejected + superseded + removed) is printed after every import.
        Exit status: 0 done, 1 the inputs could not be used, 2 bad command line.
        """,
        options: Shared.inputOptions + Shared.courseOptions + [.by, .minCell, .format, .dialect, .output, .html, .lang,
                                                               .horizonDays, .compare, .reference, .wtp, .bootstrap, .seed, .wtpGrid, .ci, .ceac,
                                                               .concentration, .harmonize, .crosswalk, .combine, .funnel, .funnelTransform, .limits,
                                                               .spc, .mdc, .caseMix, .modelReport]
                 + MatchedComparisonArguments.options,
        run: run)

    static func options(_ args: Arguments) throws(CLIError) -> ReportOptions {
        var o = ReportOptions()
        if let text = args.value(.by) {
            do { o.groupBy = try GroupingSpec(parsing: text) } catch { throw CLIError.usage("--by \(error)", command: args.command) }
        }
        o.windows = CourseWindows(lookbackDays: try args.int(.lookbackDays, default: 30, in: 0...3650),
                                  baselineGraceDays: try args.int(.baselineGraceDays, default: 14, in: 0...3650),
                                  followUpGraceDays: try args.int(.followUpGraceDays, default: 14, in: 0...3650))
        o.horizonDays = try args.int(.horizonDays, default: 90, in: 1...3650)
        o.minCell = try args.int(.minCell, default: 5, in: 0...1_000_000)
        if let text = args.value(.window) {
            let parts = text.components(separatedBy: "..")
            guard parts.count == 2, let from = DateParser.parse(parts[0]), let to = DateParser.parse(parts[1]) else {
                let range = "\(Day.supportedRange.lowerBound.iso) … \(Day.supportedRange.upperBound.iso)"
                throw CLIError.usage("--window needs FROM..TO with two dates of \(range), e.g. 2024-01-01..2024-12-31, not \"\(ControlEscaping.escaped(text))\"", command: args.command)
            }
            guard from <= to else {
                throw CLIError.usage("--window ends before it starts: \(from.iso) is after \(to.iso); give FROM..TO, e.g. 2024-01-01..2024-12-31", command: args.command)
            }
            o.window = from...to
        }
        try harmonization(args, into: &o)
        if let m = try args.choice(.funnel, as: FunnelOptions.Method.self) { o.funnel.method = m }
        if let t = try args.choice(.funnelTransform, as: FunnelOptions.Transform.self) {
            guard o.funnel.method == .random else {
                throw CLIError.usage("--funnel-transform applies with --funnel random; add it", command: args.command)
            }
            o.funnel.transform = t
        }
        if let l = try args.choice(.limits, as: FunnelOptions.Limits.self) { o.funnel.limits = l }
        if let c = try args.choice(.spc, as: SPCChart.self) { o.spc = c }
        o.mdcColumns = args.has(.mdc)
        if let c = try args.choice(.caseMix, as: CaseMixMethod.self) { o.caseMix = c }
        if args.value(.modelReport) != nil && o.caseMix != .model {
            throw CLIError.usage("--model-report applies with --case-mix model; add it", command: args.command)
        }
        _ = try modelReportFormat(args)
        o.comparison = try comparisonOptions(args)
        o.matched = try MatchedComparisonArguments.options(args)
        // SPEC §12: the key orders citizens tied at the k-th total. A bad
        // --pseudonym-key stops the run; a bad FSIII_PSEUDONYM_KEY, which the
        // report needs for nothing else, leaves the built-in tie order.
        o.pseudonymizer = args.value(.pseudonymKey) != nil ? try Shared.pseudonymizer(args) : try? Shared.pseudonymizer(args)
        return o
    }

    /// `--model-report FILE`: JSON when it ends in .json, CSV when in .csv; nil without it.
    static func modelReportFormat(_ args: Arguments) throws(CLIError) -> Bool? {
        guard let path = args.value(.modelReport) else { return nil }
        let lower = path.lowercased()
        guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") else {
            throw CLIError.usage("--model-report FILE must end in .csv or .json (the format follows the extension), not \"\(ControlEscaping.escaped(path))\"", command: args.command)
        }
        return lower.hasSuffix(".json")
    }

    /// Warns when the case-mix model fell back to the strata; writes `--model-report`.
    static func writeModelReport(_ report: EffectReport, args: Arguments, dialect: CSVDialect, outputs: Outputs) throws(CLIError) {
        if let reason = report.caseMix?.fallbackReason, !args.has(.quiet) {
            Diagnostics.line("warning: --case-mix model could not be fitted, the strata of SPEC §7 are used instead: \(reason)")
        }
        guard let json = try modelReportFormat(args) else { return }
        guard let model = report.caseMix?.model else {
            let why = report.caseMix?.fallbackReason ?? "the grouping compares condition pairs (--by area|condition), where case mix does not apply"
            throw CLIError.input("--model-report: no case-mix model was fitted: \(why)")
        }
        try outputs.write(json ? CaseMixModelOutput.json(model) : CaseMixModelOutput.csv(model, dialect: dialect), to: .modelReport)
    }

    /// `--harmonize simplified`, `--crosswalk FILE`, `--combine max|mean` (issue 20).
    static func harmonization(_ args: Arguments, into o: inout ReportOptions) throws(CLIError) {
        if let rule = args.value(.combine) {
            guard let c = LevelCombination(rawValue: rule) else {
                throw CLIError.usage("--combine is max or mean, not \"\(ControlEscaping.escaped(rule))\"", command: args.command)
            }
            o.combine = c
        }
        guard let model = args.value(.harmonize) else {
            for option in [Option.crosswalk, .combine] where args.value(option) != nil {
                throw CLIError.usage("--\(option.name) applies with --harmonize simplified; add it", command: args.command)
            }
            return
        }
        guard model == "simplified" else {
            throw CLIError.usage("--harmonize takes simplified (the legacy J conditions mapped onto the simplified model), not \"\(ControlEscaping.escaped(model))\"", command: args.command)
        }
        let terminology = try Shared.terminology(args)
        o.harmonize = try Shared.crosswalk(args, terminology: terminology, option: .crosswalk) ?? .derived(for: terminology)
    }

    /// The largest willingness to pay `--wtp` and `--wtp-grid` take, in kr
    /// per point: far above any real one, and small enough that λ·ΔE
    /// stays a finite number.
    static let maximumWTP = 1e9

    /// `--reference`, `--wtp`, `--bootstrap`, `--seed`, `--ci` (SPEC §8).
    static func comparisonOptions(_ args: Arguments) throws(CLIError) -> CostComparisonOptions {
        var c = CostComparisonOptions()
        // --bootstrap and --seed also serve --compare-to matched; with it they do not turn the cost comparison on.
        let implying: [Option] = args.value(.compareTo) == nil ? [.reference, .wtp, .bootstrap, .seed, .wtpGrid, .ci, .ceac] : [.reference, .wtp, .wtpGrid, .ci, .ceac]
        c.enabled = args.has(.compare) || implying.contains { args.value($0) != nil }
        c.reference = args.value(.reference)
        if let wtp = try args.double(.wtp, in: 0...maximumWTP, unit: "kr per point") { c.wtp = wtp }
        c.bootstrap = try args.int(.bootstrap, default: c.bootstrap, in: 0...100_000)
        c.seed = try args.seed(.seed, default: c.seed)
        if let m = try args.choice(.ci, as: IntervalMethod.self) { c.intervalMethod = m }
        return c
    }

    /// `--ceac FILE` with its format from the extension, and `--wtp-grid`.
    static func acceptabilityCurveRequest(_ args: Arguments) throws(CLIError) -> (path: String, json: Bool, grid: WTPGrid)? {
        let grid = try wtpGrid(args)
        guard let path = args.value(.ceac) else { return nil }
        let lower = path.lowercased()
        guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") else {
            throw CLIError.usage("--ceac FILE must end in .csv or .json (the format follows the extension), not \"\(ControlEscaping.escaped(path))\"", command: "report")
        }
        return (path, lower.hasSuffix(".json"), grid)
    }

    /// `--wtp-grid FROM:TO:STEP`, else the standard grid (for `--ceac` and the workbook's curve).
    static func wtpGrid(_ args: Arguments) throws(CLIError) -> WTPGrid {
        var grid = WTPGrid.standard
        if let text = args.value(.wtpGrid) {
            // Each number as strictly as --wtp: no nan, inf or hexadecimal, none above maximumWTP.
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Arguments.decimal(String($0)) }
            guard parts.count == 3, let from = parts[0], let to = parts[1], let step = parts[2], to <= maximumWTP,
                  let parsed = WTPGrid(from: from, to: to, step: step) else {
                throw CLIError.usage("--wtp-grid needs FROM:TO:STEP in kr per point with 0 ≤ FROM ≤ TO ≤ \(Arguments.readable(maximumWTP)) and STEP > 0 "
                                     + "(at most \(Arguments.readable(Double(WTPGrid.maximumCount))) values), e.g. 0:50000:2500, not \"\(ControlEscaping.escaped(text))\"", command: "report")
            }
            grid = parsed
        }
        return grid
    }

    /// Writes `--ceac`; refuses an unknown `--reference` and a curve that cannot be drawn.
    static func writeComparison(_ report: EffectReport, args: Arguments, dialect: CSVDialect, outputs: Outputs) throws(CLIError) {
        let ceac = try acceptabilityCurveRequest(args)
        guard let comparison = report.costComparison else {
            if ceac != nil { throw CLIError.usage("--ceac needs cost data: give a costs file (costs*.csv or --costs FILE)", command: "report") }
            let given = (args.value(.compareTo) == nil ? [Option.reference, .wtp, .bootstrap, .seed, .wtpGrid, .ci] : [.reference, .wtp, .wtpGrid, .ci])
                .filter { args.value($0) != nil }
            if !given.isEmpty && !args.has(.quiet) {
                Diagnostics.line("warning: \(given.map { "--" + $0.name }.joined(separator: ", ")) \(given.count == 1 ? "has" : "have") no effect without cost data (costs*.csv or --costs FILE)")
            }
            return
        }
        if !comparison.referenceFound, let name = report.options.comparison.reference {
            let names = report.groups.map(\.group)
            let shown = names.prefix(30).map { "\"\(ControlEscaping.escaped($0))\"" }.joined(separator: ", ") + (names.count > 30 ? ", … (\(names.count - 30) more)" : "")
            throw CLIError.usage("--reference \"\(ControlEscaping.escaped(name))\" is not a group of this report (--by \(report.options.groupBy)); the groups are: \(shown)", command: "report")
        }
        guard let ceac else { return }
        guard comparison.applies else {
            throw CLIError.usage("--ceac needs a course grouping: \(CostComparisonJSON.notApplicableReason(report.options.grouping))", command: "report")
        }
        guard report.options.comparison.bootstrap > 0 else {
            throw CLIError.usage("--ceac needs bootstrap replicates: give --bootstrap B with B ≥ 1", command: "report")
        }
        let grid = ceac.grid.values
        let text = ceac.json ? JSONWriter(pretty: true).write(CostComparisonJSON.value(comparison, grid: grid)) + "\n"
                             : AcceptabilityCurveCSV.write(comparison, grid: grid, dialect: dialect)
        try outputs.write(text, to: .ceac)
    }

    static func run(_ args: Arguments) throws(CLIError) -> Int32 {
        let options = try options(args)
        // Without --format, `-o FILE.xlsx` chooses the workbook (issue 22).
        let format = try args.choice(.format, as: Format.self)
            ?? (Shared.outputIsWorkbook(args) ? .xlsx : Shared.standardOutputIsTerminal && args.value(.output) == nil ? .table : .csv)
        if format == .xlsx { try Outputs.refuseBinaryOnTerminal(args, .output, format: "xlsx") }
        let dialect = try args.choice(.dialect, as: CSVDialect.self) ?? .standard
        let language = try args.choice(.lang, as: Language.self) ?? .da
        _ = try acceptabilityCurveRequest(args)  // a bad --ceac or --wtp-grid stops before the import
        let outputs = try Outputs(args, options: [.output, .html, .ceac, .concentration, .modelReport, .rejects], standardOutputByDefault: .output)
        let dataset = try Shared.load(args, outputs: outputs)
        guard dataset.assessments.count > 0 else {
            throw CLIError.input("no usable assessments were read; nothing to report (see the problems above)")
        }
        if dataset.courses.isEmpty && options.window == nil {
            throw CLIError.input("no courses were read; give a courses file (courses*.csv or --courses FILE), KL Gateway reports with § 83a interventions, or --window FROM..TO")
        }
        let terminology = dataset.terminology
        // The dataset is not used after this: the report frees its rows as it goes.
        let report = EffectReporter.report(consume dataset, options: options)
        try writeComparison(report, args: args, dialect: dialect, outputs: outputs)
        try writeModelReport(report, args: args, dialect: dialect, outputs: outputs)
        switch format {
        case .table: try outputs.write(ReportTable.write(report, language: language), to: .output)
        case .csv: try outputs.write(ReportCSV.write(report, dialect: dialect), to: .output)
        case .json: try outputs.write(ReportJSON.write(report), to: .output)
        case .xlsx:
            let grid = try wtpGrid(args).values
            try outputs.stream(to: .output) { (sink) throws(OutputError) in
                try ReportWorkbook.write(report, language: language, grid: grid, to: sink)
            }
        }
        if args.value(.concentration) != nil {
            // SPEC §12: the concentration as its own CSV file.
            guard let csv = ConcentrationCSV.write(report, dialect: dialect) else {
                throw CLIError.usage("--concentration needs cost data: give a costs file (costs*.csv or --costs FILE)", command: "report")
            }
            try outputs.write(csv, to: .concentration)
        }
        if args.value(.html) != nil {
            // SPEC §11: the same report as one self-contained page with charts.
            try outputs.write(HTMLReport.write(report, terminology: terminology, language: language), to: .html)
        }
        try outputs.commit()
        return 0
    }
}
