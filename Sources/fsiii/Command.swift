import FSIIIEffect

/// A command: its name, what it does, its options, and the function that
/// runs it. Declared once for parsing and help.
struct Command: Sendable {
    let name: String
    let summary: String
    let usage: String
    let details: String
    let options: [Option]
    let run: @Sendable (Arguments) throws(CLIError) -> Int32

    /// The `fsiii` command line: a table of commands, each declared once
    /// (usage, dispatch and the completion scripts read it).
    static let all: [Command] = [ReportCommand.command, CoursesCommand.command, ValidateCommand.command, CodesCommand.command,
                                 GenerateCommand.command, VersionCommand.command, CompletionsCommand.command]

    /// `fsiii NAME --help`.
    var help: String {
        var out = "\(summary)\n\nUsage: fsiii \(name) \(usage)\n"
        if !details.isEmpty { out += "\n" + details + "\n" }
        out += "\nOptions:\n"
        let all = options + [.help]
        let width = min(34, all.map { label($0).count }.max() ?? 0)
        for o in all {
            let l = label(o)
            let pad = l.count < width ? String(repeating: " ", count: width - l.count) : ""
            var text = o.help
            if let d = o.defaultText { text += " (default: \(d))" }
            if o.repeatable { text += "; repeatable" }
            out += "  \(l)\(pad)  \(text)\n"
        }
        return out
    }

    private func label(_ o: Option) -> String {
        (o.short.map { "-\($0), " } ?? "") + "--\(o.name)" + (o.value.map { " \($0)" } ?? "")
    }
}

/// A command line that cannot be run, or a run that failed as a whole.
struct CLIError: Error {
    /// 1: the inputs could not be used; 2: bad command-line usage (SPEC §11).
    let status: Int32
    let message: String

    static func usage(_ message: String, command: String? = nil) -> CLIError {
        CLIError(status: 2, message: message + "\n(see: fsiii \(command.map { $0 + " " } ?? "")--help)")
    }

    static func input(_ message: String) -> CLIError { CLIError(status: 1, message: message) }
}
