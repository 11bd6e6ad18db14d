import FSIIIBytes
import FSIIIEffect

/// `fsiii validate PATH…`: reads the inputs and prints the accounting and
/// the problems without computing anything.
enum ValidateCommand {
    static let command = Command(
        name: "validate",
        summary: "Read inputs and print what was read, the accounting and every problem, without computing figures",
        usage: "PATH… [options]",
        details: "Exit status: 0 when usable rows were read, 1 when nothing usable was read, 2 bad command line.",
        options: Shared.inputOptions,
        run: run)

    static func run(_ args: Arguments) throws(CLIError) -> Int32 {
        let outputs = try Outputs(args, options: [.rejects], alsoOnStandardOutput: "the summary of validate")
        let dataset = try Shared.load(args, outputs: outputs, printAccounting: false)
        var out = ""
        for f in dataset.report.files {
            var line = "\(ControlEscaping.escaped(f.path)): \(f.kind.rawValue), \(f.rows) rows, \(f.bytes) bytes"
            if let e = f.encoding { line += ", \(e.rawValue)" }
            if let d = f.delimiter { line += ", delimiter \(d)" }
            if !f.unknownColumns.isEmpty { line += ", ignored columns: \(f.unknownColumns.joined(separator: ", "))" }
            out += line + "\n"
        }
        for kind in InputKind.allCases {
            guard let c = dataset.report.counts[kind] else { continue }
            out += "\(kind.rawValue): \(c.identity)\(c.balances ? "" : "  (DOES NOT BALANCE)")\n"
        }
        if let period = dataset.period { out += "assessments dated \(period.lowerBound.iso) to \(period.upperBound.iso)\n" }
        out += "\(dataset.citizens.count) citizens, \(dataset.courses.count) courses, \(dataset.teams.count - 1) teams\n"
        try outputs.write(out, to: .output)
        try outputs.commit()
        let usable = dataset.report.counts.values.contains { $0.accepted > 0 }
        return usable ? 0 : 1
    }
}
