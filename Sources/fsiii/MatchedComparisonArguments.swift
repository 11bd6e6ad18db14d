import FSIIIBytes
import FSIIIEffect

/// `--compare-to matched` and its options (issue 18 §1), checked with an
/// exit-2 message before anything is read.
enum MatchedComparisonArguments {
    static let options: [Option] = [.compareTo, .controls, .matchK, .exactMunicipality, .indexWindowDays, .spacingTolerance]

    static func options(_ args: Arguments) throws(CLIError) -> MatchedComparisonOptions {
        var m = MatchedComparisonOptions()
        if let target = args.value(.compareTo) {
            guard target == "matched" else {
                throw CLIError.usage("--compare-to takes matched (a propensity-matched group of citizens without a course), not \"\(ControlEscaping.escaped(target))\"", command: args.command)
            }
            m.enabled = true
        }
        let dependent = [Option.controls, .matchK, .indexWindowDays, .spacingTolerance].filter { args.value($0) != nil }
            + (args.has(.exactMunicipality) ? [.exactMunicipality] : [])
        if !m.enabled, let first = dependent.first {
            throw CLIError.usage("--\(first.name) needs --compare-to matched", command: args.command)
        }
        m.controls = try args.choice(.controls, as: MatchedComparisonOptions.Controls.self) ?? .neverTreated
        m.ratio = try args.int(.matchK, default: 3, in: 1...100)
        m.exactMunicipality = args.has(.exactMunicipality)
        m.indexWindowDays = try args.int(.indexWindowDays, default: 60, in: 0...3650)
        if let pct = try args.double(.spacingTolerance, in: 0...99, unit: "%") { m.spacingTolerance = pct / 100 }
        return m
    }
}
