import Foundation

/// One input named on the command line, with its kind when given explicitly
/// (`--assessments FILE`); otherwise the kind comes from the file name.
public struct InputPath: Sendable, Hashable {
    /// A file or a folder (searched for the patterns of SPEC §11, not recursively).
    public var path: String
    /// The kind when given explicitly; nil takes it from the file name.
    public var kind: InputKind?

    /// An input at `path`, of `kind` or of the kind its name implies.
    public init(_ path: String, kind: InputKind? = nil) {
        self.path = path
        self.kind = kind
    }

    /// The file name that means standard input, as in most command-line
    /// tools (`zcat export.csv.gz | fsiii report -`). It holds assessments
    /// unless `kind` says otherwise; it can be read once per run.
    public static let standardInput = "-"

    /// How messages and the file summary name standard input.
    public static let standardInputShownAs = "<stdin>"

    /// Whether this input is standard input.
    public var isStandardInput: Bool { path == Self.standardInput }
}

/// Finds the files of a run (SPEC §11): a folder is searched, not
/// recursively, for `assessments*.csv`, `courses*.csv`, `costs*.csv`,
/// `rates*.csv` and `*.json` / `*.ndjson`; a file is taken by the same
/// patterns or by its explicit kind.
package enum InputDiscovery {
    /// The kind a file name implies, nil when it matches no pattern.
    package static func kind(ofFileNamed name: String) -> InputKind? {
        let lower = name.lowercased()
        if lower.hasSuffix(".json") || lower.hasSuffix(".ndjson") { return .fhir }
        guard lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") else { return nil }
        for kind in [InputKind.assessments, .courses, .costs, .rates] where lower.hasPrefix(kind.rawValue) { return kind }
        let danish: [(String, InputKind)] = [("vurderinger", .assessments), ("forloeb", .courses), ("forløb", .courses),
                                             ("omkostninger", .costs), ("takster", .rates)]
        for (prefix, kind) in danish where lower.hasPrefix(prefix) { return kind }
        return nil
    }

    /// Resolves paths to typed files in a stable order (per folder by name).
    package static func resolve(_ inputs: [InputPath]) throws(InputFailure) -> [InputPath] {
        var out: [InputPath] = []
        for input in inputs {
            if input.isStandardInput {
                // Nothing to find: the kind is the option's, else assessments.
                guard !out.contains(where: \.isStandardInput) else {
                    throw InputFailure(path: InputPath.standardInputShownAs, line: 0, message: "standard input is named twice; it can be read only once, so give the other input as a file")
                }
                out.append(InputPath(input.path, kind: input.kind ?? .assessments))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory) else {
                throw InputFailure(path: input.path, line: 0, message: "no such file or folder")
            }
            if isDirectory.boolValue {
                let names: [String]
                do {
                    names = try FileManager.default.contentsOfDirectory(atPath: input.path).sorted()
                } catch {
                    throw InputFailure(path: input.path, line: 0, message: "cannot list the folder: \(error.localizedDescription)")
                }
                var found = 0
                for name in names where !name.hasPrefix(".") {
                    let full = (input.path as NSString).appendingPathComponent(name)
                    var sub: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue else { continue }
                    if let kind = input.kind ?? kind(ofFileNamed: name) {
                        out.append(InputPath(full, kind: kind))
                        found += 1
                    }
                }
                if found == 0 {
                    throw InputFailure(path: input.path, line: 0, message: "the folder holds no input files; expected assessments*.csv, courses*.csv, costs*.csv, rates*.csv or KL Gateway *.json / *.ndjson")
                }
            } else if let kind = input.kind ?? kind(ofFileNamed: (input.path as NSString).lastPathComponent) {
                out.append(InputPath(input.path, kind: kind))
            } else {
                throw InputFailure(path: input.path, line: 0, message: "cannot tell what this file holds from its name; name it assessments*.csv, courses*.csv, costs*.csv or rates*.csv, or use --assessments, --courses, --costs, --rates or --fhir")
            }
        }
        return out
    }
}
