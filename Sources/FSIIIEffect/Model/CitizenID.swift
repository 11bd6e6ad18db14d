import FSIIIBytes

/// Citizen identifiers. A value of 10 digits, optionally written
/// `DDMMYY-XXXX`, is a CPR number (SPEC §1) and is normalised to its ten
/// digits, so both spellings name the same citizen; any other value is an
/// opaque id, compared as written (trimmed). Identifiers never leave the
/// library: outputs carry pseudonyms (SPEC §10).
enum CitizenID {
    /// The longest citizen id, in bytes (a CPR number has 10 or 11): a
    /// longer cell is rejected, and the readers' buffers for a normalised
    /// id have this size.
    static let maximumLength = 64

    /// The message of a citizen cell longer than `maximumLength`.
    static func tooLongMessage(_ length: Int) -> String {
        "the citizen id has \(length) bytes, more than the \(maximumLength) an id may have; is this the citizen column?"
    }

    /// Whether the bytes have the shape of a CPR number.
    @inline(__always)
    static func isCPR(_ s: ByteSlice) -> Bool {
        if s.n == 10 { return allDigits(s, 0, 10) }
        if s.n == 11 { return s[6] == 0x2D && allDigits(s, 0, 6) && allDigits(s, 7, 4) }
        return false
    }

    @inline(__always)
    private static func allDigits(_ s: ByteSlice, _ from: Int, _ count: Int) -> Bool {
        for i in from..<(from + count) where s[i] < 0x30 || s[i] > 0x39 { return false }
        return true
    }

    /// Writes the normalised id into `out` (capacity ≥ s.n) and returns its length.
    @inline(__always)
    static func normalize(_ s: ByteSlice, into out: UnsafeMutablePointer<UInt8>) -> Int {
        if s.n == 11 && isCPR(s) {
            for i in 0..<6 { out[i] = s[i] }
            for i in 0..<4 { out[6 + i] = s[7 + i] }
            return 10
        }
        for i in 0..<s.n { out[i] = s[i] }
        return s.n
    }

    /// The birth date in a CPR number, by the century rule of the 7th digit
    /// (CPR-kontoret): 0–3 → 1900s; 4 and 9 → 2000–2036 for YY ≤ 36, else
    /// 1900s; 5–8 → 2000–2057 for YY ≤ 57, else 1858–1899. Nil when the id is
    /// not a CPR number or its first six digits are not a date.
    static func birthDay(normalized s: ByteSlice) -> Day? {
        guard s.n == 10, allDigits(s, 0, 10) else { return nil }
        func d(_ i: Int) -> Int { Int(s[i]) - 0x30 }
        let dd = d(0) * 10 + d(1), mm = d(2) * 10 + d(3), yy = d(4) * 10 + d(5), c = d(6)
        let century: Int
        switch c {
        case 0...3: century = 1900
        case 4, 9: century = yy <= 36 ? 2000 : 1900
        default: century = yy <= 57 ? 2000 : 1800
        }
        return Day(year: century + yy, month: mm, day: dd)
    }

    /// Whole years from `birth` to `on`.
    static func age(birth: Day, on day: Day) -> Int {
        let b = birth.civil, t = day.civil
        var years = t.year - b.year
        if (t.month, t.day) < (b.month, b.day) { years -= 1 }
        return years
    }
}
