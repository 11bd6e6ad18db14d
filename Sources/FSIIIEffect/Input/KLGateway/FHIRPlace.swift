import FSIIIBytes

/// How a KL Gateway problem says where it is and what was found there
/// without printing an identifier (SPEC §10).
///
/// Bundle and resource ids, references and even codes can hold a CPR
/// number, and any of them can be megabytes long, so a problem names a
/// resource by its position — `entry 3 (Condition)`, or
/// `report 2, entry 3 (Condition)` inside an incremental delivery — and a
/// field by its path (`addresses[0].reference`). A value that helps the
/// reader fix the input (a code, a timestamp) is quoted short: at most
/// `quoteLimit` characters, cut so no run of digits is split, and masked by
/// `Redaction` like every message.
enum FHIRPlace {
    /// The most characters of an input value a message quotes.
    static let quoteLimit = 40

    /// `entry 3 (Condition)`; `report 2, entry 3 (Condition)` in the 2nd
    /// report of an incremental delivery. `index` is 0-based.
    static func entry(_ index: Int, type: String?, report: Int?) -> String {
        let kind = type.flatMap(resourceName).map { " (\($0))" } ?? ""
        return reportPrefix(report) + "entry \(index + 1)" + kind
    }

    /// The place of a delivery report itself: `Bundle`, or `report 2 (Bundle)`.
    static func report(_ report: Int?) -> String {
        report.map { "report \($0 + 1) (Bundle)" } ?? "Bundle"
    }

    private static func reportPrefix(_ report: Int?) -> String {
        report.map { "report \($0 + 1), " } ?? ""
    }

    /// `type` when it has the shape of a FHIR resource type (an ASCII
    /// letter, then letters and digits, at most 64), else nil: only such a
    /// name is printed.
    static func resourceName(_ type: String) -> String? {
        let utf8 = type.utf8
        guard let first = utf8.first, utf8.count <= 64, isLetter(first),
              utf8.allSatisfy({ isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
        return type
    }

    /// A member name for a path: as written when it is a plain name (an
    /// ASCII letter or `_`, then letters, digits, `_`, `-`, at most 64 —
    /// FHIR's element names), else `…`.
    static func fieldName(_ key: String) -> String {
        let utf8 = key.utf8
        let plain = utf8.first.map { isLetter($0) || $0 == 0x5F } == true && utf8.count <= 64
            && utf8.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
        return plain ? key : "…"
    }

    /// `"text"`, shortened to `quoteLimit` characters with `…` when longer;
    /// the cut never ends inside a run of digits (a CPR number is never
    /// printed in part).
    static func quoted(_ text: String) -> String {
        // `utf8.count` is O(1) for a native string; counting characters of
        // a 50 MB value is not. Cut by Unicode scalars: one character can
        // be any number of combining marks long.
        guard text.utf8.count > quoteLimit else { return "\"" + text + "\"" }
        var kept = String.UnicodeScalarView(text.unicodeScalars.prefix(quoteLimit))
        while let last = kept.last, ("0"..."9").contains(last) || last == "-" { kept.removeLast() }
        return "\"" + String(kept) + "…\""
    }

    /// What kind of JSON value this is, for "… is a number, not a string".
    static func kind(_ value: JSONValue?) -> String {
        switch value {
        case nil: return "missing"
        case .null?: return "null"
        case .bool?: return "a Boolean"
        case .number?, .integer?: return "a number"
        case .string?: return "a string"
        case .array?: return "an array"
        case .object?: return "an object"
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}

extension JSONValue {
    /// The path (`extension[1].valueReference.reference`) and text of the
    /// first `reference` string inside this value for which `test` holds,
    /// in the order `forEachReference` visits them; nil when none does.
    /// Member names that are not plain names show as `…` (`FHIRPlace.fieldName`).
    func firstReference(where test: (String) -> Bool) -> (path: String, reference: String)? {
        var steps: [String] = []
        var found: String?
        func walk(_ value: JSONValue) -> Bool {
            switch value {
            case .object(let object):
                for member in object.members {
                    steps.append(steps.isEmpty ? FHIRPlace.fieldName(member.key) : "." + FHIRPlace.fieldName(member.key))
                    if member.key == "reference", let text = member.value.string {
                        if test(text) {
                            found = text
                            return true
                        }
                    } else if walk(member.value) {
                        return true
                    }
                    steps.removeLast()
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    steps.append("[\(index)]")
                    if walk(element) { return true }
                    steps.removeLast()
                }
            default:
                break
            }
            return false
        }
        guard walk(self), let found else { return nil }
        return (steps.joined(), found)
    }
}
