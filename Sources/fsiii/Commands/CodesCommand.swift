import FSIIIBytes
import FSIIIEffect
import FSIIIReports

/// `fsiii codes [SEARCH]`: the conditions and levels the tool resolves.
enum CodesCommand {
    static let command = Command(
        name: "codes",
        summary: "List the FSIII home-care conditions and functioning levels the tool accepts",
        usage: "[SEARCH] [options]",
        details: """
        SEARCH matches names, UUIDs and keys, ignoring case. --tokens prints every accepted token as CSV for other tools.
        --crosswalk prints the legacy → simplified crosswalk (derived from the CodeSystem's definitions, each row
        with its basis); --crosswalk --format csv writes it in the form --crosswalk FILE reads, to edit and use.
        """,
        options: [.terminology, .tokens, .showCrosswalk, .crosswalkFile, .format],
        run: run)

    static func run(_ args: Arguments) throws(CLIError) -> Int32 {
        let t = try Shared.terminology(args)
        if args.has(.showCrosswalk) || args.value(.crosswalkFile) != nil {
            let crosswalk = try Shared.crosswalk(args, terminology: t, option: .crosswalkFile) ?? .derived(for: t)
            switch args.value(.format) ?? "table" {
            case "csv": try Shared.printOut(CrosswalkText.csv(crosswalk, terminology: t))
            case "table": try Shared.printOut(CrosswalkText.table(crosswalk))
            case let other: throw CLIError.usage("--format for the crosswalk is table or csv, not \"\(ControlEscaping.escaped(other))\"", command: args.command)
            }
            return 0
        }
        if args.has(.tokens) {
            var out = CSVDialect.standard.line(["kind", "token", "value"])
            for row in t.tokenTable { out += CSVDialect.standard.line([row.kind, row.token, row.value]) }
            try Shared.printOut(out)
            return 0
        }
        let search = args.positional.joined(separator: " ")
        let needle = Terminology.normalize(search)
        func matches(_ fields: [String]) -> Bool { needle.isEmpty || fields.contains { Terminology.normalize($0).contains(needle) } }
        var out = "FSIII \(t.version): home-care functional conditions (funktionsevnetilstande)\n"
        var lastArea = -1
        var shown = 0
        for c in t.conditions where matches([c.display, c.uuid, c.legacyKey ?? "", c.legacyTreeCode, t.areas[c.area].display]) {
            if c.area != lastArea {
                out += "\n\(t.areas[c.area].display) (\(t.areas[c.area].legacyKey))\n"
                lastArea = c.area
            }
            let key = (c.legacyKey ?? c.legacyTreeCode).padding(toLength: 26, withPad: " ", startingAt: 0)
            out += "  \(key) \(c.uuid)  \(c.display)\(c.simplifiedModel ? "  [simplified model]" : "")\n"
            shown += 1
        }
        let levels = t.levels.filter { matches([$0.label, $0.uuid, $0.legacyKey, String($0.level.rawValue)]) }
        if !levels.isEmpty {
            out += "\nFunctioning levels (funktionsniveau; lower is better)\n"
            for l in levels { out += "  \(l.level)  \(l.legacyKey)  \(l.uuid)  \(l.label)\n" }
        }
        if shown == 0 && levels.isEmpty {
            out += "\nnothing matches \"\(search)\"\n"
            if let near = t.nearestConditionName(to: search) { out += "did you mean \"\(near)\"?\n" }
        }
        try Shared.printOut(out)
        return shown + levels.count > 0 ? 0 : 1
    }
}
