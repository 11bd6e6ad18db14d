import Foundation
import FSIIIEffect
import FSIIIBytes

/// The `fsiii` command line: a table of commands, each declared once.
let commands: [Command] = [ReportCommand.command, CoursesCommand.command, ValidateCommand.command, CodesCommand.command, GenerateCommand.command]

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
        print(usage(), terminator: "")
        return args.isEmpty ? 2 : 0
    }
    if first == "--version" {
        print("fsiii \(FSIIIEffect.version)")
        return 0
    }
    guard let command = commands.first(where: { $0.name == first }) else {
        Diagnostics.line("fsiii: unknown command \"\(first)\"\n\n" + usage())
        return 2
    }
    do {
        let parsed = try Arguments(command: command, Array(args.dropFirst()))
        if parsed.wantsHelp {
            print(command.help, terminator: "")
            return 0
        }
        return try command.run(parsed)
    } catch {
        Diagnostics.line("fsiii \(command.name): \(error.message)")
        return error.status
    }
}

// Large freed columns are kept for reuse instead of faulted in again (BENCHMARKS.md).
ProcessMemory.reuseFreedBlocks()
exit(main())
