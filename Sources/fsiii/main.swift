import FSIIIBytes
import Foundation
import FSIIIEffect

let commands = Command.all

func usage() -> String {
    var out = """
    fsiii \(FSIIIEffect.version) — effect and cost-effectiveness of § 83a rehabilitation from FSIII data

    Usage: fsiii COMMAND [options]

    Commands:

    """
    for c in commands { out += "  \(c.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(c.summary)\n" }
    out += "\nRun `fsiii COMMAND --help` for a command's options. Try: fsiii report SampleData\n"
    return out
}

func main() -> Int32 {
    let args = Array(CommandLine.arguments.dropFirst())
    guard let first = args.first, first != "--help", first != "-h", first != "help" else {
        // Without a command the usage is the answer to a mistake: standard error, status 2.
        if args.isEmpty {
            Diagnostics.line(usage())
            return 2
        }
        return printOut(usage())
    }
    if first == "--version" {
        return printOut(VersionCommand.text())
    }
    guard let command = commands.first(where: { $0.name == first }) else {
        Diagnostics.line("fsiii: unknown command \"\(ControlEscaping.escaped(first))\"\n\n" + usage())
        return 2
    }
    do {
        let parsed = try Arguments(command: command, Array(args.dropFirst()))
        if parsed.wantsHelp {
            try Shared.printOut(command.help)
            return 0
        }
        return try command.run(parsed)
    } catch {
        // An empty message: standard output's reader has gone (Outputs.failure).
        if !error.message.isEmpty { Diagnostics.line("fsiii \(command.name): \(error.message)") }
        return error.status
    }
}

/// Help and version on standard output: 0, or 1 when it cannot be written.
func printOut(_ text: String) -> Int32 {
    do {
        try Shared.printOut(text)
        return 0
    } catch {
        if !error.message.isEmpty { Diagnostics.line("fsiii: \(error.message)") }
        return error.status
    }
}

// Before anything else: descriptors 0–2 held (a closed standard output
// must not become the first file opened), and the signal handlers that
// remove temporary outputs and report an input truncated under its mapping.
StandardOutput.reserveDescriptors()
FatalSignals.install()
// Large freed columns are kept for reuse instead of faulted in again (BENCHMARKS.md).
ProcessMemory.reuseFreedBlocks()
exit(main())
