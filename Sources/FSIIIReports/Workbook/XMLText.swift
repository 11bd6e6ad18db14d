/// Text made safe for an XML 1.0 document (W3C XML 1.0 §2.2, §2.4).
package enum XMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, and every character
    /// XML 1.0 does not allow removed: the C0 controls other than tab, line
    /// feed and carriage return, and U+FFFE and U+FFFF (a Swift string holds
    /// no lone surrogates). Removed, not replaced: no reader can take them,
    /// and a group name or rejection reason is still readable without them.
    package static func escaped(_ text: String) -> String {
        // The common case, nothing to do, without building a new string.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x27: out += "&apos;"
            case 0x09, 0x0A, 0x0D: out.unicodeScalars.append(scalar)
            case 0..<0x20, 0xFFFE, 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
