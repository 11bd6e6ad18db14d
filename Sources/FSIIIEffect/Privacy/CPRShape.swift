/// What counts as a CPR-shaped number in a text (SPEC §10; the rule is
/// written out in docs/RULES.md, "Personal data in outputs"):
///
/// - a run of ten or more digits — `0101401234`, or a longer run that may
///   hide one (`Hold0101401234A`: letters around it do not matter); or
/// - six or more digits, one to three separators, four or more digits —
///   `010140-1234`, `010140 1234`, `010140.1234`, `010140 – 1234`,
///   `010140/1234`, `010140_1234`, and the same with more digits on either
///   side (`9010140-12345`), which may hide one; the whole runs are masked.
///
/// A digit is any Unicode decimal digit or digit (`0`–`9`, full-width
/// `０`–`９`, Arabic-Indic, Devanagari, superscript `¹`, circled `①`, …):
/// a reader reads them all as the same number. Invisible characters —
/// format characters (zero-width space, joiners, soft hyphen, bidi
/// controls) and combining marks (`0⃣`) — and the quotes `"` and `'` are
/// skipped inside a run, so `0101\u{200B}401234` and `0101"401234` (a
/// doubled quote undone) are runs of ten.
///
/// Other groupings (`0101-40-1234`, `01014 01234`) are not recognised: they
/// are not how a CPR number is written, and dates and amounts look like
/// them.
enum CPRShape {
    /// How one character takes part in a CPR-shaped sequence.
    enum Role {
        case digit, separator, invisible, other
    }

    /// The role of the Unicode scalar with value `v`.
    @inline(__always)
    static func role(_ v: UInt32) -> Role {
        if v < 0x80 { return asciiRoles[Int(v)] }
        return nonASCIIRole(v)
    }

    /// Roles of the ASCII characters: digits, the separators
    /// space tab `-` `.` `/` `_`, and the quotes (invisible inside a run).
    private static let asciiRoles: [Role] = (0..<128).map { (v: Int) -> Role in
        switch v {
        case 0x30...0x39: return .digit
        case 0x20, 0x09, 0x2D, 0x2E, 0x2F, 0x5F: return .separator
        case 0x22, 0x27: return .invisible
        default: return .other
        }
    }

    /// Separators outside ASCII: no-break and other spaces, hyphens and
    /// dashes, the minus sign, and the full-width hyphen, full stop and solidus.
    private static let separators: Set<UInt32> = [
        0x00A0, 0x2007, 0x2009, 0x202F, 0x3000,
        0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63,
        0xFF0D, 0xFF0E, 0xFF0F,
    ]

    private static func nonASCIIRole(_ v: UInt32) -> Role {
        if separators.contains(v) { return .separator }
        guard let scalar = Unicode.Scalar(v) else { return .other }
        let properties = scalar.properties
        switch properties.numericType {
        case .decimal?, .digit?: return .digit
        default: break
        }
        switch properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark: return .invisible
        default: return .other
        }
    }

    /// The position ranges of the CPR-shaped sequences in `values` (Unicode
    /// scalar values, or bytes of ASCII text), in order, not overlapping.
    /// Each range runs from its first digit to its last.
    static func spans<Values: RandomAccessCollection>(in values: Values) -> [Range<Int>]
    where Values.Element: FixedWidthInteger, Values.Index == Int {
        var found: [Range<Int>] = []
        let start = values.startIndex, end = values.endIndex
        @inline(__always) func roleAt(_ i: Int) -> Role { role(UInt32(truncatingIfNeeded: values[i])) }
        /// The digits of the run starting with the digit at `i` (invisible
        /// characters between them allowed), and where its last digit ends.
        func run(from i: Int) -> (digits: Int, end: Int) {
            var digits = 0, j = i, last = i
            while j < end {
                switch roleAt(j) {
                case .digit: digits += 1; j += 1; last = j
                case .invisible: j += 1
                default: return (digits, last)
                }
            }
            return (digits, last)
        }
        var i = start
        while i < end {
            guard roleAt(i) == .digit else { i += 1; continue }
            let first = run(from: i)
            if first.digits >= 10 {
                found.append(i..<first.end)
                i = first.end
                continue
            }
            if first.digits >= 6 {
                var p = first.end, separators = 0
                scan: while p < end {
                    switch roleAt(p) {
                    case .separator: separators += 1; p += 1
                    case .invisible: p += 1
                    default: break scan
                    }
                }
                if (1...3).contains(separators), p < end, roleAt(p) == .digit {
                    let second = run(from: p)
                    if second.digits >= 4 {
                        found.append(i..<second.end)
                        i = second.end
                        continue
                    }
                }
            }
            i = first.end
        }
        return found
    }
}
