/// Escaping for the HTML report and its SVG charts.
///
/// Every text that comes from the data (team names, condition names,
/// rejection reasons) passes through here before it is written into the
/// page. The five escaped characters make a value safe both as element
/// text and inside a double- or single-quoted attribute, and they are the
/// ones XML predefines, so the page stays well-formed XML as well as HTML
/// (the tests parse it as XML). `'` is written `&#39;`, which HTML 4 and
/// XML both know, rather than `&apos;`.
///
/// The text is read **by Unicode scalars**, as an HTML or XML parser reads
/// it, not by Swift `Character`s: `<` followed by a combining accent
/// (U+0301) is one `Character` that is not equal to `"<"`, yet the browser
/// sees a `<` that opens a tag. Characters a page must not or should not
/// hold are replaced by U+FFFD (�), visibly:
/// - the control characters XML 1.0 forbids (U+0000–U+001F except tab,
///   line feed and carriage return) and those HTML calls parse errors
///   (U+007F–U+009F);
/// - the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane;
/// - the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
///   U+2066–U+2069), which would reverse the text after a name — a sentence
///   of the summary, a chart label — without being seen.
/// Zero-width characters, joiners and combining marks are kept: they are
/// text, and harmless once every `<` and `&` is escaped.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { special($0) || replaced($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where replaced(scalar): out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One of the five characters written as a reference.
    @inline(__always)
    static func special(_ s: Unicode.Scalar) -> Bool {
        s == "&" || s == "<" || s == ">" || s == "\"" || s == "'"
    }

    /// A character the page does not carry: written as U+FFFD.
    static func replaced(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0xFDD0...0xFDEF: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return s.value & 0xFFFE == 0xFFFE
        }
    }
}

extension String {
    /// This text escaped for HTML/SVG element content or attribute values.
    var htmlEscaped: String { HTMLEscaping.escape(self) }
}
