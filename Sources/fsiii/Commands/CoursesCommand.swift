import FSIIIBytes
import FSIIIEffect
import FSIIIReports

/// `fsiii courses PATH…`: one row per course, citizens as pseudonyms.
enum CoursesCommand {
    enum Format: String, CaseIterable { case csv, json, xlsx }

    static let command = Command(
        name: "courses",
        summary: "Export one row per course (citizen as pseudonym, team, dates, every course figure, costs)",
        usage: "PATH… --pseudonym-key FILE [options]",
        details: """
        The citizen of each course is written as its pseudonym: the first 16 hex digits of
        HMAC-SHA-256 of the normalised id under your secret key (SPEC §10), so the same key gives the
        same pseudonyms in every export. A key is required: give --pseudonym-key FILE or set
        FSIII_PSEUDONYM_KEY. Make one with: openssl rand -hex 32 > fsiii.key
        """,
        options: Shared.inputOptions + Shared.courseOptions + [.format, .dialect, .output, .lang, .horizonDays, .harmonize, .crosswalk, .combine],
        run: run)

    static func run(_ args: Arguments) throws(CLIError) -> Int32 {
        var options = try ReportCommand.options(args)
        options.minCell = 0
        let format: Format = try args.choice(.format, as: Format.self) ?? (Shared.outputIsWorkbook(args) ? .xlsx : .csv)
        let dialect = try args.choice(.dialect, as: CSVDialect.self) ?? .standard
        let language = try args.choice(.lang, as: Language.self) ?? .da
        if format == .xlsx { try Outputs.refuseBinaryOnTerminal(args, .output, format: "xlsx") }
        guard let pseudonymizer = try Shared.pseudonymizer(args) else {
            throw CLIError.usage("per-course output identifies citizens by pseudonym and needs a secret key: give --pseudonym-key FILE or set FSIII_PSEUDONYM_KEY (make one with: openssl rand -hex 32 > fsiii.key)", command: "courses")
        }
        let outputs = try Outputs(args, options: [.output, .rejects], standardOutputByDefault: .output)
        let dataset = try Shared.load(args, outputs: outputs)
        if dataset.courses.isEmpty && options.window == nil {
            throw CLIError.input("no courses were read; give a courses file (courses*.csv or --courses FILE), KL Gateway reports with § 83a interventions, or --window FROM..TO")
        }
        let report = EffectReporter.report(dataset, options: options)
        switch format {
        case .csv: try outputs.write(CourseExport.csv(report, dataset: dataset, pseudonymizer: pseudonymizer, dialect: dialect), to: .output)
        case .json: try outputs.write(CourseExport.json(report, dataset: dataset, pseudonymizer: pseudonymizer), to: .output)
        case .xlsx:
            // Streamed: one row at a time into the zip entry, never the whole sheet in memory.
            try outputs.stream(to: .output) { (sink) throws(OutputError) in
                try CourseWorkbook.write(report, dataset: dataset, pseudonymizer: pseudonymizer, language: language, to: sink)
            }
        }
        try outputs.commit()
        return 0
    }
}
