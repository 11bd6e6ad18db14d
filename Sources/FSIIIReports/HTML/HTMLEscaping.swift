/// Escaping for the HTML report and its SVG charts.
///
/// Every text that comes from the data (team names, condition names,
/// rejection reasons) passes through here before it is written into the
/// page. The five escaped characters make a value safe both as element
/// text and inside a double- or single-quoted attribute, and they are the
/// ones XML predefines, so the page stays well-formed XML as well as HTML
/// (the tests parse it as XML). `'` is written `&#39;`, which HTML 4 and
/// XML both know, rather than `&apos;`.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension String {
    /// This text escaped for HTML/SVG element content or attribute values.
    var htmlEscaped: String { HTMLEscaping.escape(self) }
}
