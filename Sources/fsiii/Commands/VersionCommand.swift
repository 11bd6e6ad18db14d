import FSIIIBytes
import FSIIIEffect

/// `fsiii version [--json]` (and `fsiii --version`): what produced a
/// report — the tool, the FSIII terminology it resolves codes against, and
/// the legacy → simplified crosswalk when there is one — so a figure can
/// be traced to the release that made it.
enum VersionCommand {
    static let command = Command(
        name: "version",
        summary: "Print the tool's version, the FSIII terminology version and the crosswalk version",
        usage: "[options]",
        details: """
        The same text as `fsiii --version`. --json prints one object for scripts:
        {"tool", "version", "terminology_version", "terminology_source", "crosswalk_version"};
        crosswalk_version is null while no crosswalk is built in or given.
        """,
        options: [.json, .terminology],
        run: run)

    static func run(_ args: Arguments) throws(CLIError) -> Int32 {
        let terminology = try Shared.terminology(args)
        let source = args.value(.terminology) == nil ? "built-in" : "file"
        try Shared.printOut(args.has(.json) ? json(terminology, source: source) : text(terminology, source: source))
        return 0
    }

    /// `fsiii 0.1.0` and a line each for the terminology and the crosswalk.
    static func text(_ terminology: Terminology = .builtIn, source: String = "built-in") -> String {
        """
        fsiii \(FSIIIEffect.version)
        FSIII terminology \(terminology.version) (\(source))
        crosswalk: none

        """
    }

    static func json(_ terminology: Terminology, source: String) -> String {
        var o = JSONObject()
        o.append(key: "tool", value: .string("fsiii"))
        o.append(key: "version", value: .string(FSIIIEffect.version))
        o.append(key: "terminology_version", value: .string(terminology.version))
        o.append(key: "terminology_source", value: .string(source))
        o.append(key: "crosswalk_version", value: .null)
        return JSONWriter().write(.object(o)) + "\n"
    }
}
