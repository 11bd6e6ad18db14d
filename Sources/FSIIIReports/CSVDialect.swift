import FSIIIEffect

/// How CSV output is written (SPEC §11, `--dialect`).
public enum CSVDialect: String, Sendable, CaseIterable {
    /// Comma, decimal point, UTF-8 without BOM, ISO dates: for programs.
    case standard
    /// Semicolon, decimal comma, UTF-8 with BOM, dates `DD-MM-YYYY`: opens
    /// in a Danish Excel with numbers as numbers and æøå intact.
    case excelDA = "excel-da"

    public var delimiter: Character { self == .excelDA ? ";" : "," }

    /// A real number: shortest round-trip digits; in `excel-da` without an
    /// exponent and with a decimal comma (Danish Excel reads `0,0000839`
    /// as a number, but not every locale reads `8,39E-05`).
    public func format(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if self == .standard { return NumberFormatting.shortest(x) }
        return NumberFormatting.plain(x).replacingOccurrences(of: ".", with: ",")
    }

    public func format(_ day: Day) -> String { self == .excelDA ? day.danish : day.iso }

    /// Quotes a field when it holds the delimiter, a quote, a line break or
    /// surrounding spaces (RFC 4180).
    public func quote(_ field: String) -> String {
        let needs = field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// One line of fields, CRLF-terminated as RFC 4180 and Excel expect.
    public func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: String(delimiter)) + "\r\n"
    }

    /// What a file starts with: the UTF-8 byte-order mark for Excel.
    public var preamble: String { self == .excelDA ? "\u{FEFF}" : "" }

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
public enum NumberFormatting {
    /// Swift's shortest round-trip representation (`0.1`, `2.0`, `8.39e-05`).
    public static func shortest(_ x: Double) -> String { x.description }

    /// The shortest round-trip digits written without an exponent:
    /// `8.39378770666504e-05` → `0.0000839378770666504`, `1e+16` → `10000000000000000`.
    public static func plain(_ x: Double) -> String {
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
