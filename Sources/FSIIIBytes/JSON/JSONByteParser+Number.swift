/// Numbers (RFC 8259 §6), converted to the nearest `Double`.
extension JSONByteParser {
    /// Parses `-? int frac? exp?` at `position`.
    ///
    /// The digits are gathered into an integer mantissa and a decimal
    /// exponent. When the mantissa fits in 53 bits and the exponent is within
    /// ±22, one IEEE multiplication or division of two exact values gives the
    /// correctly rounded result (Clinger 1990, "How to read floating point
    /// numbers accurately"); FHIR's integers and short decimals all take that
    /// path without making a `String`. Anything else goes to the standard
    /// library's correctly rounded, locale-independent conversion.
    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = position
        var index = position
        let negative = base[index] == ASCII.minus
        if negative { index += 1 }

        var mantissa: UInt64 = 0
        var exact = true          // every digit is in `mantissa`
        var decimalExponent = 0   // value = mantissa × 10^decimalExponent

        // int = zero / ( digit1-9 *DIGIT )
        guard index < count, isDigit(base[index]) else {
            throw error("invalid number: expected a digit after '-'", at: index)
        }
        if base[index] == ASCII.zero {
            index += 1
            if index < count, isDigit(base[index]) {
                throw error("invalid number: leading zeros are not allowed", at: start)
            }
        } else {
            while index < count, isDigit(base[index]) {
                accumulate(base[index], into: &mantissa, exact: &exact, exponent: &decimalExponent,
                           fraction: false)
                index += 1
            }
        }

        // frac = decimal-point 1*DIGIT
        if index < count, base[index] == ASCII.dot {
            index += 1
            guard index < count, isDigit(base[index]) else {
                throw error("invalid number: expected a digit after the decimal point", at: index)
            }
            while index < count, isDigit(base[index]) {
                accumulate(base[index], into: &mantissa, exact: &exact, exponent: &decimalExponent,
                           fraction: true)
                index += 1
            }
        }

        // exp = e [ minus / plus ] 1*DIGIT
        if index < count, base[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < count, base[index] == ASCII.minus || base[index] == ASCII.plus {
                exponentNegative = base[index] == ASCII.minus
                index += 1
            }
            guard index < count, isDigit(base[index]) else {
                throw error("invalid number: expected a digit in the exponent", at: index)
            }
            var exponent = 0
            while index < count, isDigit(base[index]) {
                // Capped: beyond this the fast path is out anyway, and the
                // fallback sees the real digits.
                if exponent < 100_000 { exponent = exponent * 10 + Int(base[index] - ASCII.zero) }
                index += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        position = index

        if exact, let magnitude = fastPath(mantissa: mantissa, exponent: decimalExponent) {
            return negative ? -magnitude : magnitude
        }
        return try slowPath(from: start, to: index)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- ASCII.zero < 10 }

    /// Adds one digit to the mantissa while it stays exact in a `UInt64`;
    /// after that `exact` turns false and sends the number to the slow path.
    @inline(__always)
    private func accumulate(_ digit: UInt8, into mantissa: inout UInt64, exact: inout Bool,
                            exponent: inout Int, fraction: Bool) {
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa &* 10 &+ UInt64(digit &- ASCII.zero)
            if fraction { exponent -= 1 }
        } else {
            exact = false
        }
    }

    /// Clinger's fast path: exact when `mantissa` ≤ 2^53 and 10^|exponent|
    /// is itself an exact `Double` (|exponent| ≤ 22).
    @inline(__always)
    private func fastPath(mantissa: UInt64, exponent: Int) -> Double? {
        if mantissa == 0 { return 0 }
        guard mantissa <= 1 << 53 else { return nil }
        let value = Double(mantissa)
        if exponent == 0 { return value }
        if exponent > 0, exponent <= 22 { return value * exactPowersOfTen[exponent] }
        if exponent < 0, exponent >= -22 { return value / exactPowersOfTen[-exponent] }
        return nil
    }

    /// Long or extreme numbers: the standard library's correctly rounded
    /// conversion of the (already validated) digits. Values too large for a
    /// `Double` are rejected; values too small round to zero, as in strtod.
    private func slowPath(from start: Int, to end: Int) throws(JSONParseError) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        guard let value = Double(text) else {
            throw error("invalid number", at: start)
        }
        guard value.isFinite else {
            // A long number is described, not quoted: it may be megabytes.
            let shown = end - start <= 32 ? text : "a number of \(end - start) characters"
            throw error("number out of range: \(shown) is beyond ±1.8e308", at: start)
        }
        return value
    }
}

/// 10^0 … 10^22, every one exactly representable as a `Double`.
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]
