/// Control characters written visibly, so that no input — a cell, a group
/// name, a file name — can start a line of its own on standard error (a
/// forged `assessments: read 1 = …`), move the cursor or recolour the
/// terminal (ESC sequences), or turn the text after it around (bidi
/// overrides).
///
/// Escaped: the C0 controls U+0000–U+001F, DEL, the C1 controls
/// U+0080–U+009F, the line and paragraph separators U+2028/U+2029, and the
/// bidi controls U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
/// Line feed, carriage return and tab are written `\n`, `\r`, `\t`; the
/// others `\u{1B}` (hexadecimal, as in Swift source). Everything else,
/// backslashes included, is kept as it is.
package enum ControlEscaping {
    /// `text` with every control character written as its escape.
    package static func escaped(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if let escape = escape(scalar.value) { out += escape } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `text` holds a character `escaped` would change; decided on
    /// the bytes, without allocating.
    package static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { contains($0) }
    }

    /// Whether the UTF-8 `bytes` hold a character to escape.
    package static func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x20 || b == 0x7F { return true }
            if b >= 0x80 {
                // The escaped non-ASCII characters start C2 80–9F (C1),
                // D8 9C (U+061C), E2 80 8E/8F/A8–AE, E2 81 A6–A9.
                let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
                let b2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
                switch b {
                case 0xC2 where b1 >= 0x80 && b1 <= 0x9F: return true
                case 0xD8 where b1 == 0x9C: return true
                case 0xE2 where b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2)): return true
                case 0xE2 where b1 == 0x81 && (0xA6...0xA9).contains(b2): return true
                default: break
                }
            }
            i += 1
        }
        return false
    }

    /// The escape of the scalar with value `v`, nil when it is shown as it is.
    package static func escape(_ v: UInt32) -> String? {
        switch v {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{" + String(v, radix: 16, uppercase: true) + "}"
        default:
            return nil
        }
    }
}
