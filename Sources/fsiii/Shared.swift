import FSIIIBytes
import Foundation
import FSIIIEffect
import FSIIIReports

/// What every command that reads inputs shares: the input options, the
/// import with its accounting on standard error, and writing outputs.
enum Shared {
    static let inputOptions: [Option] = [.assessments, .courses, .costs, .rates, .fhir, .terminology, .hourlyRate, .rejects, .pseudonymKey, .quiet]
    static let courseOptions: [Option] = [.window, .lookbackDays, .baselineGraceDays, .followUpGraceDays]

    /// Positional paths plus the explicitly typed files.
    static func inputs(_ args: Arguments) throws(CLIError) -> [InputPath] {
        var inputs = args.positional.map { InputPath($0) }
        for (option, kind) in [(Option.assessments, InputKind.assessments), (.courses, .courses), (.costs, .costs), (.rates, .rates), (.fhir, .fhir)] {
            inputs += args.all(option).map { InputPath($0, kind: kind) }
        }
        guard !inputs.isEmpty else {
            throw CLIError.usage("give at least one input file or folder, e.g. `fsiii \(args.command) SampleData`", command: args.command)
        }
        if inputs.contains(where: \.isStandardInput) {
            guard inputs.filter(\.isStandardInput).count == 1 else {
                throw CLIError.usage("- (standard input) is named twice; it can be read only once, so give the other input as a file", command: args.command)
            }
            // Waiting for a user to type a CSV export is a hang, not a feature.
            guard isatty(0) != 1 else {
                throw CLIError.usage("- reads standard input, which is a terminal here; pipe the file in, e.g. `zcat export.csv.gz | fsiii \(args.command) -`", command: args.command)
            }
        }
        return inputs
    }

    static func terminology(_ args: Arguments) throws(CLIError) -> Terminology {
        guard let path = args.value(.terminology) else { return .builtIn }
        do {
            return try CodeSystemLoader.load(path: path)
        } catch {
            throw CLIError.input("\(ControlEscaping.escaped(path)): \(error)")
        }
    }

    /// The crosswalk file of `option`, nil when it is not given.
    static func crosswalk(_ args: Arguments, terminology: Terminology, option: Option) throws(CLIError) -> Crosswalk? {
        guard let path = args.value(option) else { return nil }
        do {
            return try CrosswalkLoader.load(path: path, terminology: terminology)
        } catch {
            throw CLIError.input(error.description)
        }
    }

    /// The pseudonymiser from `--pseudonym-key` or `FSIII_PSEUDONYM_KEY`; nil when neither is given.
    static func pseudonymizer(_ args: Arguments) throws(CLIError) -> Pseudonymizer? {
        do {
            if let path = args.value(.pseudonymKey) { return Pseudonymizer(key: try PseudonymKey(contentsOfFile: path)) }
            return try PseudonymKey.fromEnvironment().map(Pseudonymizer.init)
        } catch {
            throw CLIError.input(error.description)
        }
    }

    /// Imports the inputs, prints the accounting and the problems on
    /// standard error, writes `--rejects` (put in place at once: it is
    /// wanted most when the run then stops on its inputs). Throws when
    /// nothing could be read.
    static func load(_ args: Arguments, outputs: Outputs, printAccounting: Bool = true) throws(CLIError) -> Dataset {
        let quiet = args.has(.quiet)
        let options = ImportOptions(terminology: try terminology(args), hourlyRate: try args.double(.hourlyRate, in: 0...1_000_000, unit: "kr per hour"),
                                    progress: ProgressLine.sink(quiet: quiet))
        let inputs = try inputs(args)
        let pseudonymizer = args.value(.rejects) == nil ? nil : try pseudonymizer(args)
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(inputs, options: options)
        } catch {
            throw CLIError.input(error.description)
        }
        report(dataset.report, quiet: quiet, accounting: printAccounting)
        if args.value(.rejects) != nil {
            try outputs.write(RejectsFile.write(dataset.report, pseudonymizer: pseudonymizer), to: .rejects)
            try outputs.commit(.rejects)
        }
        return dataset
    }

    /// Problems (the first 20 of each file unless all are wanted) and the
    /// identity `read = accepted + rejected + superseded + removed` per input.
    static func report(_ report: ImportReport, quiet: Bool, accounting: Bool = true, limit: Int = 20) {
        var shown: [String: Int] = [:]
        var hidden = 0
        for p in report.problems {
            if p.column == "(file)" && p.severity == .rejected {
                Diagnostics.line("error: \(p)")
                continue
            }
            if quiet { hidden += 1; continue }
            let n = shown[p.file, default: 0]
            if n < limit {
                Diagnostics.line("\(p.severity == .warning ? "warning" : "rejected"): \(p)")
                shown[p.file] = n + 1
            } else {
                hidden += 1
            }
        }
        if hidden > 0 && !quiet {
            Diagnostics.line("… and \(hidden) more problems not shown (write them all with --rejects FILE)")
        }
        for kind in InputKind.allCases where accounting {
            guard let counts = report.counts[kind], counts.read > 0 || kind == .assessments else { continue }
            Diagnostics.line("\(kind.rawValue): \(counts.identity)")
        }
    }

    /// Writes `text` to standard output (`StandardOutput`, the one place
    /// it goes through); a failed write is exit status 1.
    static func printOut(_ text: String) throws(CLIError) {
        do {
            try StandardOutput.write(text)
        } catch {
            throw Outputs.failure(error)
        }
    }

    static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

    /// `-o FILE.xlsx` (any case): the workbook, when no --format is given.
    static func outputIsWorkbook(_ args: Arguments) -> Bool { args.value(.output)?.lowercased().hasSuffix(".xlsx") == true }
}
