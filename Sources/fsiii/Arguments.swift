import FSIIIBytes
import FSIIIEffect

/// A parsed command line: positional arguments and option values, checked
/// against the command's option table.
struct Arguments {
    let command: String
    var positional: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    init(command: Command, _ args: [String]) throws(CLIError) {
        self.command = command.name
        let known = Dictionary(command.options.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let shorts = Dictionary((command.options + [.help]).compactMap { o in o.short.map { ("-\($0)", "--\(o.name)") } }, uniquingKeysWith: { a, _ in a })
        var i = 0
        var onlyPositional = false
        while i < args.count {
            var a = args[i]
            i += 1
            if !onlyPositional, let long = shorts[a] { a = long }
            if onlyPositional || !a.hasPrefix("--") || a == "-" {
                if a.hasPrefix("-") && a != "-" && !onlyPositional && a.count > 1 {
                    throw CLIError.usage("unknown option \(ControlEscaping.escaped(a)); options start with --", command: command.name)
                }
                positional.append(a)
                continue
            }
            if a == "--" { onlyPositional = true; continue }
            var name = String(a.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if name == "help" { flags.insert("help"); continue }
            guard let option = known[name] else {
                let near = known.keys.min { Arguments.distance($0, name) < Arguments.distance($1, name) }
                let hint = near.flatMap { Arguments.distance($0, name) <= 3 ? " — did you mean --\($0)?" : nil } ?? ""
                throw CLIError.usage("unknown option --\(ControlEscaping.escaped(name))\(hint)", command: command.name)
            }
            if option.value == nil {
                guard inline == nil else { throw CLIError.usage("--\(name) takes no value", command: command.name) }
                flags.insert(name)
                continue
            }
            let value: String
            if let inline { value = inline } else {
                let wanted = option.value ?? "a value"
                guard i < args.count else { throw CLIError.usage("--\(name) needs a value (\(wanted))", command: command.name) }
                value = args[i]
                // `-o --html x` is a forgotten value, not a file named "--html".
                let word = value.hasPrefix("--") ? String(value.dropFirst(2).prefix { $0 != "=" }) : nil
                if shorts[value] != nil || word.map({ known[$0] != nil || $0 == "help" }) == true {
                    throw CLIError.usage("--\(name) needs a value (\(wanted)) before the option \(ControlEscaping.escaped(value)); for a file of that name write ./\(ControlEscaping.escaped(value))", command: command.name)
                }
                i += 1
            }
            if values[name] != nil && !option.repeatable {
                throw CLIError.usage("--\(name) is given twice", command: command.name)
            }
            values[name, default: []].append(value)
        }
    }

    func has(_ option: Option) -> Bool { flags.contains(option.name) }
    var wantsHelp: Bool { flags.contains("help") }
    func value(_ option: Option) -> String? { values[option.name]?.last }
    func all(_ option: Option) -> [String] { values[option.name] ?? [] }

    /// One of a fixed set of words.
    func choice<T: RawRepresentable & CaseIterable>(_ option: Option, as: T.Type) throws(CLIError) -> T? where T.RawValue == String {
        guard let text = value(option) else { return nil }
        guard let v = T(rawValue: text.lowercased()) else {
            throw CLIError.usage("--\(option.name) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(ControlEscaping.escaped(text))\"", command: command)
        }
        return v
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var prev = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(y.count, 1) where !y.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[y.count]
    }
}
