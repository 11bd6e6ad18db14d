import FSIIIBytes

/// How text from the inputs is shown when a message or the rejects file
/// repeats it (SPEC §10; docs/RULES.md "Personal data in outputs"):
/// CPR-shaped numbers masked first (so a cut never leaves most of one),
/// control characters escaped (`ControlEscaping`), and the length bounded,
/// with `…` where the text was cut. Lengths count Unicode scalars, an
/// escape as the characters it is written with.
package enum Echo {
    /// A cell quoted in a message: at most 60 characters.
    package static let cellLimit = 60
    /// A quoted part of a message (between two `"`): at most 80 characters,
    /// whoever built the message.
    package static let quotedLimit = 80
    /// A whole message: at most 500 characters.
    package static let messageLimit = 500
    /// A column or place label (a header name, `Condition/<id>`): at most 80.
    package static let labelLimit = 80
    /// A cell of the rejects file: at most 1,024 characters.
    package static let rejectsCellLimit = 1024

    /// `"cell"`: a cell as a message quotes it, at most `cellLimit` characters.
    package static func quoted(_ cell: String) -> String { "\"" + text(cell, limit: cellLimit) + "\"" }

    /// `text` masked, with control characters escaped, cut after `limit` characters.
    package static func text(_ text: String, limit: Int = .max) -> String {
        visible(Redaction.mask(text), limit: limit)
    }

    /// A message as it is stored and shown: masked, controls escaped, every
    /// quoted part at most `quotedLimit` characters and the whole at most
    /// `messageLimit`. An unclosed quote's part runs to the end.
    package static func message(_ text: String) -> String {
        var masked = Redaction.mask(text)
        if masked.withUTF8({ fitsAsIs($0) }) { return masked }
        var out = ""
        for (k, part) in masked.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            if k > 0 { out += "\"" }
            out += visible(String(part), limit: k % 2 == 1 ? quotedLimit : .max)
        }
        return visible(out, limit: messageLimit)
    }

    /// Whether a message's UTF-8 bytes need no change: no control
    /// character, no quoted part over `quotedLimit` bytes, the whole at most
    /// `messageLimit` bytes (a byte count bounds the scalar count). One pass,
    /// no allocation: the common case of every rejected row.
    private static func fitsAsIs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= messageLimit, !ControlEscaping.contains(bytes) else { return false }
        var inside = false, run = 0
        for b in bytes {
            if b == 0x22 {
                inside.toggle()
                run = 0
            } else if inside {
                run += 1
                if run > quotedLimit { return false }
            }
        }
        return true
    }

    /// `text` (already masked) with controls escaped, cut after `limit`
    /// characters; an escape is never cut in two.
    static func visible(_ text: String, limit: Int) -> String {
        let escape = ControlEscaping.needsEscaping(text)
        // Bytes bound scalars: a text of at most `limit` bytes is not cut.
        if !escape && text.utf8.count <= limit { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let escaped = escape ? ControlEscaping.escape(scalar.value) : nil
            let width = escaped?.unicodeScalars.count ?? 1
            if used + width > limit {
                out.append("…")
                break
            }
            if let escaped { out.append(contentsOf: escaped.unicodeScalars) } else { out.append(scalar) }
            used += width
        }
        return String(out)
    }
}
