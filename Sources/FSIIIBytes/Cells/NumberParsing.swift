import Foundation

/// Numbers in CSV cells (SPEC §11: `,` as the decimal separator is accepted
/// in files whose delimiter is not `,`). Parsed from bytes, correctly rounded.
package enum NumberParser {
    private static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// A decimal number such as `2`, `-1.5`, `412,50` or `1e3`; nil when the
    /// cell is not a number.
    package static func decimal(_ s: ByteSlice, commaIsDecimal: Bool) -> Double? {
        var i = 0
        let n = s.n
        guard n > 0 else { return nil }
        var negative = false
        if s[0] == 0x2D || s[0] == 0x2B { negative = s[0] == 0x2D; i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawPoint = false
        var exact = true
        while i < n {
            let b = s[i]
            if b >= 0x30 && b <= 0x39 {
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa * 10 + UInt64(b - 0x30)
                    if sawPoint { exponent -= 1 }
                } else {
                    exact = false
                    if !sawPoint { exponent += 1 }
                }
                digits += 1
            } else if (b == 0x2E || (b == 0x2C && commaIsDecimal)) && !sawPoint {
                sawPoint = true
            } else if b == 0x65 || b == 0x45 {
                break
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if i < n {
            // Exponent part.
            i += 1
            var expNegative = false
            if i < n && (s[i] == 0x2D || s[i] == 0x2B) { expNegative = s[i] == 0x2D; i += 1 }
            var e = 0
            var expDigits = 0
            while i < n, s[i] >= 0x30 && s[i] <= 0x39 {
                e = min(e * 10 + Int(s[i] - 0x30), 100_000)
                expDigits += 1
                i += 1
            }
            guard expDigits > 0, i == n else { return nil }
            exponent += expNegative ? -e : e
        }
        if exact && mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
            // Clinger's fast path: both operands exact, one rounding.
            var v = Double(mantissa)
            v = exponent < 0 ? v / powersOfTen[-exponent] : v * powersOfTen[exponent]
            return negative ? -v : v
        }
        // Slow path: strtod on a normalised copy.
        var text = [CChar]()
        text.reserveCapacity(n + 1)
        for k in 0..<n { text.append(CChar(bitPattern: s[k] == 0x2C ? 0x2E : s[k])) }
        text.append(0)
        let v = strtod(text, nil)
        return v.isFinite ? v : nil
    }

    /// A non-negative integer without sign or separators.
    @inline(__always)
    static func unsigned(_ s: ByteSlice) -> Int? {
        guard s.n > 0 && s.n <= 18 else { return nil }
        var v = 0
        for i in 0..<s.n {
            let d = Int(s[i]) - 0x30
            guard d >= 0 && d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }
}
