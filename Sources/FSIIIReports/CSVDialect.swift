import FSIIIEffect

/// How CSV output is written (SPEC §11, `--dialect`).
public enum CSVDialect: String, Sendable, CaseIterable {
    /// Comma, decimal point, UTF-8 without BOM, ISO dates: for programs.
    case standard
    /// Semicolon, decimal comma, UTF-8 with BOM, dates `DD-MM-YYYY`: opens
    /// in a Danish Excel with numbers as numbers and æøå intact.
    case excelDA = "excel-da"

    package var delimiter: Character { self == .excelDA ? ";" : "," }

    /// A real number: shortest round-trip digits; in `excel-da` without an
    /// exponent and with a decimal comma (Danish Excel reads `0,0000839`
    /// as a number, but not every locale reads `8,39E-05`).
    package func format(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if self == .standard { return NumberFormatting.shortest(x) }
        return NumberFormatting.plain(x).replacingOccurrences(of: ".", with: ",")
    }

    package func format(_ day: Day) -> String { self == .excelDA ? day.danish : day.iso }

    /// Quotes a field when it holds the delimiter, a quote, a line break or
    /// surrounding spaces (RFC 4180), after `neutralized` has made a field
    /// that a spreadsheet would run as a formula plain text.
    package func quote(_ field: String) -> String {
        let field = neutralized(field)
        let needs = field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// CSV formula injection (OWASP): Excel, LibreOffice and Google Sheets
    /// run a cell that starts with `=`, `+`, `-` or `@` (or tab or CR
    /// before one, or the full-width `＝＋－＠`) as a formula, and a
    /// formula can fetch URLs or start programs. Such a field gets a
    /// leading `'`, which the spreadsheet shows and runs nothing; so does
    /// one whose first such character follows spaces. A field that is a
    /// negative number as this dialect writes numbers (`-0.25`, `-1.5e-05`;
    /// `-0,25` in `excel-da`) is a number, not a formula, and stays as it is.
    /// Every field of every CSV output passes here (`line`), group names,
    /// messages and the cells the rejects file echoes included.
    package func neutralized(_ field: String) -> String {
        guard let first = field.utf8.first, first <= 0x40 || first == 0xEF else { return field }
        var bytes = field.utf8.drop { $0 == 0x20 }
        guard let lead = bytes.first else { return field }
        switch lead {
        case 0x3D, 0x2B, 0x40, 0x09, 0x0D, 0x0A: return "'" + field   // = + @ tab CR LF
        case 0x2D:                                                   // -
            return isNegativeNumber(bytes) ? field : "'" + field
        case 0xEF:
            // U+FF0B ＋, U+FF0D －, U+FF1D ＝, U+FF20 ＠ are EF BC 8B / 8D / 9D and EF BC A0.
            bytes = bytes.dropFirst()
            guard bytes.first == 0xBC, let third = bytes.dropFirst().first, [0x8B, 0x8D, 0x9D, 0xA0].contains(third) else { return field }
            return "'" + field
        default:
            return field
        }
    }

    /// `-` then digits, an optional decimal separator of this dialect with
    /// digits, and (standard only) an optional exponent `e±digits` or `E±digits`.
    private func isNegativeNumber(_ bytes: Substring.UTF8View) -> Bool {
        let separator: UInt8 = self == .excelDA ? 0x2C : 0x2E
        var rest = bytes.dropFirst()[...]
        func digits() -> Int {
            let n = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            rest = rest.dropFirst(n)
            return n
        }
        guard digits() > 0 else { return false }
        if rest.first == separator {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if self == .standard, rest.first == 0x65 || rest.first == 0x45 {
            rest = rest.dropFirst()
            if rest.first == 0x2B || rest.first == 0x2D { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }

    /// One line of fields, CRLF-terminated as RFC 4180 and Excel expect.
    package func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: String(delimiter)) + "\r\n"
    }

    /// What a file starts with: the UTF-8 byte-order mark for Excel.
    package var preamble: String { self == .excelDA ? "\u{FEFF}" : "" }

    /// A report field as CSV text.
    func format(_ value: FieldValue) -> String {
        switch value {
        case .integer(let i): return String(i)
        case .real(let x): return format(x)
        case .text(let s): return s
        case .day(let d): return format(d)
        case .flag(let b): return b ? "true" : "false"
        case .missing: return ""
        case .suppressedCount(let k): return SmallCellSuppression.maskedCount(minCell: k)
        }
    }
}

/// Number formatting shared by the writers.
package enum NumberFormatting {
    /// Swift's shortest round-trip representation (`0.1`, `2.0`, `8.39e-05`).
    package static func shortest(_ x: Double) -> String { x.description }

    /// The shortest round-trip digits written without an exponent:
    /// `8.39378770666504e-05` → `0.0000839378770666504`, `1e+16` → `10000000000000000`.
    package static func plain(_ x: Double) -> String {
        let s = x.description
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
        }
        let mantissa = String(s[..<e])
        guard let exponent = Int(s[s.index(after: e)...]) else { return s }
        let negative = mantissa.hasPrefix("-")
        let body = negative ? String(mantissa.dropFirst()) : mantissa
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = intPart + fracPart
        var point = intPart.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var whole = String(digits.prefix(point))
        var fraction = String(digits.dropFirst(point))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        let text = fraction.isEmpty ? whole : whole + "." + fraction
        return negative ? "-" + text : text
    }
}
