import FSIIIEffect

/// `fsiii report PATH…`: the effect per team (or `--by …`), SPEC §11.
enum ReportCommand {
    enum Format: String, CaseIterable { case table, csv, json }

    static let command = Command(
        name: "report",
        summary: "Effect of rehabilitation per team (or --by …) from assessments and courses, with costs when given",
        usage: "PATH… [options]",
        details: """
        PATH is a file or a folder. A folder is searched (not recursively) for assessments*.csv,
        courses*.csv, costs*.csv, rates*.csv and KL Gateway *.json / *.ndjson reports.
        Rejected rows are warnings on standard error; the import accounting
        (read = accepted + rejected + superseded + removed) is printed after every import.
        Exit status: 0 done, 1 the inputs could not be used, 2 bad command line.
        """,
        options: Shared.inputOptions + Shared.courseOptions + [.by, .minCell, .format, .dialect, .output, .html, .lang,
                                                               .horizonDays, .wtp, .reference, .bootstrap, .seed, .wtpGrid, .ceac],
        run: run)

    static func options(_ args: Arguments) throws(CLIError) -> ReportOptions {
        var o = ReportOptions()
        o.grouping = try args.choice(.by, as: Grouping.self) ?? .team
        o.windows = CourseWindows(lookbackDays: try args.int(.lookbackDays, default: 30, in: 0...3650),
                                  baselineGraceDays: try args.int(.baselineGraceDays, default: 14, in: 0...3650),
                                  followUpGraceDays: try args.int(.followUpGraceDays, default: 14, in: 0...3650))
        o.horizonDays = try args.int(.horizonDays, default: 90, in: 1...3650)
        o.minCell = try args.int(.minCell, default: 5, in: 0...1_000_000)
        if let text = args.value(.window) {
            let parts = text.components(separatedBy: "..")
            guard parts.count == 2, let from = DateParser.parse(parts[0]), let to = DateParser.parse(parts[1]), from <= to else {
                throw CLIError.usage("--window needs FROM..TO with two dates, e.g. 2024-01-01..2024-12-31, not \"\(text)\"", command: "report")
            }
            o.window = from...to
        }
        return o
    }

    static func run(_ args: Arguments) throws(CLIError) -> Int32 {
        let options = try options(args)
        let format = try args.choice(.format, as: Format.self) ?? (Shared.standardOutputIsTerminal && args.value(.output) == nil ? .table : .csv)
        let dialect = try args.choice(.dialect, as: CSVDialect.self) ?? .standard
        let language = try args.choice(.lang, as: Language.self) ?? .da
        let dataset = try Shared.load(args)
        guard dataset.assessments.count > 0 else {
            throw CLIError.input("no usable assessments were read; nothing to report (see the problems above)")
        }
        if dataset.courses.isEmpty && options.window == nil {
            throw CLIError.input("no courses were read; give a courses file (courses*.csv or --courses FILE), KL Gateway reports with § 83a interventions, or --window FROM..TO")
        }
        let report = EffectReporter.report(dataset, options: options)
        let text: String
        switch format {
        case .table: text = ReportTable.write(report, language: language)
        case .csv: text = ReportCSV.write(report, dialect: dialect)
        case .json: text = ReportJSON.write(report)
        }
        try Shared.write(text, to: args.value(.output))
        if let path = args.value(.html) {
            // SPEC §11: the same report as one self-contained page with charts.
            try Shared.write(HTMLReport.write(report, terminology: dataset.terminology, language: language), to: path)
        }
        return 0
    }
}
