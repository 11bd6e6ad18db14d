import FSIIIBytes
import FSIIIEffect

/// The files one command writes, checked and opened before any input is
/// read, and put in place together at the end (RULES.md, Outputs).
///
/// - An output that is one of the inputs — named on the command line,
///   found in an input folder, the terminology or the pseudonym key;
///   compared by device and inode and by resolved path, so `./x`, `a/../x`,
///   symbolic and hard links are caught — is refused with exit status 2,
///   and so is an output named twice (`-o r.csv --html r.csv`), two
///   outputs on standard output, and an empty file name. A character
///   device such as `/dev/null` may take any number of outputs.
/// - Each file is then opened as an `OutputFile`: a temporary file beside
///   it, so a folder that does not exist or cannot be written fails now,
///   with status 1, not after minutes of work.
/// - `write` fills the temporary files and collects what goes to standard
///   output; `commit()` writes standard output, then renames every file
///   into place. Any failure before that removes the temporary files and
///   leaves earlier reports as they were.
final class Outputs {
    private let command: String
    private var files: [(option: Option, file: OutputFile)] = []
    private var standardOutputText: [String] = []

    /// - Parameters:
    ///   - options: the output options of the command that take a FILE.
    ///   - standardOutputByDefault: the option whose output goes to
    ///     standard output when it is not given (`--output`).
    ///   - alsoOnStandardOutput: what else the command prints on standard
    ///     output (validate's summary), for the "two outputs" check.
    init(_ args: Arguments, options: [Option], standardOutputByDefault main: Option? = nil, alsoOnStandardOutput: String? = nil) throws(CLIError) {
        command = args.command
        var onStandardOutput = alsoOnStandardOutput.map { [$0] } ?? []
        var named: [(option: Option, path: String, identity: FileIdentity)] = []
        for option in options {
            guard let path = args.value(option) else {
                if option == main { onStandardOutput.append("--\(option.name) (not given)") }
                continue
            }
            if path == "-" { onStandardOutput.append("--\(option.name) -"); continue }
            guard !path.isEmpty else {
                throw CLIError.usage("--\(option.name) needs a file name, not an empty one", command: command)
            }
            named.append((option, path, FileIdentity(path: path)))
        }
        if onStandardOutput.count > 1 {
            throw CLIError.usage("\(onStandardOutput.joined(separator: " and ")) would both write to standard output; give one of them a file", command: command)
        }
        for (i, a) in named.enumerated() {
            for b in named[..<i] where !a.identity.isCharacterDevice && a.identity.isSameFile(as: b.identity) {
                throw CLIError.usage("--\(b.option.name) and --\(a.option.name) name the same file \"\(ControlEscaping.escaped(a.path))\"; give each output its own file", command: command)
            }
        }
        if !named.isEmpty {
            for input in Self.inputFiles(args) {
                let identity = FileIdentity(path: input.path)
                for out in named where !out.identity.isCharacterDevice && out.identity.isSameFile(as: identity) {
                    let found = input.folder.map { " (found in the folder \"\(ControlEscaping.escaped($0))\")" } ?? ""
                    throw CLIError.usage("--\(out.option.name) \"\(ControlEscaping.escaped(out.path))\" is the input \"\(ControlEscaping.escaped(input.path))\"\(found): "
                                         + "an input is never overwritten; choose another file", command: command)
                }
            }
        }
        for out in named {
            do {
                files.append((out.option, try OutputFile(path: out.path)))
            } catch {
                throw CLIError.input(error.description)
            }
        }
    }

    /// Every file the run reads: the positional paths and typed files,
    /// the files an input folder holds, the terminology and the key.
    static func inputFiles(_ args: Arguments) -> [(path: String, folder: String?)] {
        var out: [(path: String, folder: String?)] = []
        var given = args.positional.map { InputPath($0) }
        for (option, kind) in [(Option.assessments, InputKind.assessments), (.courses, .courses), (.costs, .costs), (.rates, .rates), (.fhir, .fhir)] {
            given += args.all(option).map { InputPath($0, kind: kind) }
        }
        for input in given where !input.isStandardInput {
            out.append((input.path, nil))
            // A folder's files as the import will find them; a path that
            // cannot be resolved is reported by the import itself.
            if let found = try? InputDiscovery.resolve([input]) {
                out += found.filter { $0.path != input.path }.map { ($0.path, input.path) }
            }
        }
        for option in [Option.terminology, .pseudonymKey, .crosswalk, .crosswalkFile] {
            if let path = args.value(option) { out.append((path, nil)) }
        }
        return out
    }

    /// Adds `text` to the output of `option`: its temporary file, or
    /// standard output when the option was not given or is `-`.
    func write(_ text: String, to option: Option) throws(CLIError) {
        guard let file = files.first(where: { $0.option == option })?.file else {
            standardOutputText.append(text)
            return
        }
        do {
            try file.write(text)
        } catch {
            discard()
            throw Self.failure(error)
        }
    }

    /// Streams a binary output (an xlsx workbook) of `option` into its
    /// temporary file, or straight to standard output when the option was
    /// not given or is `-` (the commands refuse a terminal first). A failure
    /// removes every temporary file, as `write` does.
    func stream(to option: Option, _ body: (ZipSink) throws(OutputError) -> Void) throws(CLIError) {
        let sink: ZipSink
        if let file = files.first(where: { $0.option == option })?.file {
            sink = file
        } else {
            try flushStandardOutput()
            sink = StandardOutputSink()
        }
        do {
            try body(sink)
        } catch {
            discard()
            throw Self.failure(error)
        }
    }

    /// Refuses a binary output of `option` (an xlsx workbook) on a terminal:
    /// it would fill the screen with zip bytes. A pipe or redirection takes it.
    static func refuseBinaryOnTerminal(_ args: Arguments, _ option: Option, format: String) throws(CLIError) {
        let path = args.value(option)
        guard path == nil || path == "-", Shared.standardOutputIsTerminal else { return }
        throw CLIError.usage("--format \(format) writes a binary workbook, not text for a terminal: give -o FILE.\(format) (or redirect standard output to a file)", command: args.command)
    }

    /// Puts the file of `option` in place now (the rejects file, which is
    /// wanted even when the run then stops on its inputs).
    func commit(_ option: Option) throws(CLIError) {
        guard let i = files.firstIndex(where: { $0.option == option }) else { return try flushStandardOutput() }
        let file = files.remove(at: i).file
        do {
            try file.commit()
        } catch {
            throw Self.failure(error)
        }
    }

    /// Writes standard output, then renames every file into place.
    func commit() throws(CLIError) {
        try flushStandardOutput()
        let pending = files
        files = []
        for (_, file) in pending {
            do {
                try file.commit()
            } catch {
                for (_, other) in pending { other.discard() }
                throw Self.failure(error)
            }
        }
    }

    private func flushStandardOutput() throws(CLIError) {
        let texts = standardOutputText
        standardOutputText = []
        for text in texts {
            do {
                try StandardOutput.write(text)
            } catch {
                discard()
                throw Self.failure(error)
            }
        }
    }

    /// Removes every temporary file; nothing is put in place.
    func discard() {
        for (_, file) in files { file.discard() }
        files = []
    }

    /// A write that failed, as the run's error: status 1 with the message,
    /// or status 1 and no message when standard output is a pipe whose
    /// reader has gone (`fsiii report … | head`): that is how the reader
    /// stopped us, not news to it (RULES.md).
    static func failure(_ error: OutputError) -> CLIError {
        error.isBrokenPipe ? CLIError(status: 1, message: "") : CLIError.input(error.description)
    }
}
