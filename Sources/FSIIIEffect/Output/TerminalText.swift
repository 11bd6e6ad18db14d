/// Text from outside the program — a file name, a folder, a value from the
/// command line — made safe to show inside one line of a message on
/// standard error or in a log.
///
/// A file may be named `a\nassessments: read 1 = accepted 1 …`: printed
/// as it is, its name would add a fake line to the import accounting; an
/// escape character in a name can move the cursor or recolour the
/// terminal, and a right-to-left override can make the rest of the line
/// read backwards. `escaped` writes every such character visibly, so one
/// name stays one piece of one line:
///
/// - `\n`, `\r`, `\t` as those two characters;
/// - every other control character (U+0000–U+001F, U+007F, the C1 controls
///   U+0080–U+009F), the line and paragraph separators U+2028 and U+2029,
///   and the bidirectional embeddings, overrides and isolates
///   (U+202A–U+202E, U+2066–U+2069) as `\u{…}` with the hex number.
///
/// Everything else, Danish letters and other scripts included, is kept.
/// A backslash is kept too: the escapes are for reading, not for parsing
/// back.
public enum TerminalText {
    /// `text` with the characters above written as escapes.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` is one of the characters `escaped` writes as an escape.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
