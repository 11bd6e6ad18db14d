import Foundation
@testable import FSIIIReports
@testable import FSIIIEffect
@testable import FSIIIBytes

/// Compares a report with an expected SPEC §11 JSON report, key by key:
/// every key the expected report has must be in ours with the same value
/// (numbers to `relative`, cost figures to `costRelative`).
enum ReportComparison {
    static let costKeys = Set(ReportFields.costKeys)

    static func differences(expected: JSONValue, actual: JSONValue, relative: Double = 1e-9, costRelative: Double = 1e-7, path: String = "") -> [String] {
        let tolerance = costKeys.contains(String(path.split(separator: ".").last ?? "")) ? costRelative : relative
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            var out: [String] = []
            for (key, value) in e {
                guard let mine = a[key] else { out.append("\(path).\(key): missing"); continue }
                out += differences(expected: value, actual: mine, relative: relative, costRelative: costRelative, path: "\(path).\(key)")
            }
            return out
        case (.array(let e), .array(let a)):
            guard e.count == a.count else { return ["\(path): \(a.count) elements, expected \(e.count)"] }
            return zip(e, a).enumerated().flatMap { i, p in
                let name = p.0["group"]?.string.map { "[\($0)]" } ?? "[\(i)]"
                return differences(expected: p.0, actual: p.1, relative: relative, costRelative: costRelative, path: path + name)
            }
        default:
            if let x = expected.double, let y = actual.double {
                let scale = max(abs(x), abs(y))
                return abs(x - y) <= tolerance * scale + 1e-12 || x == y ? [] : ["\(path): \(y), expected \(x)"]
            }
            return expected == actual ? [] : ["\(path): \(actual), expected \(expected)"]
        }
    }
}
