import FSIIIBytes
import FSIIIEffect
import FSIIIReports

/// Number options, each checked against its range with an exit-2 message
/// that names the range (SPEC §11): a value out of range, `nan`, `inf`,
/// hexadecimal or empty never reaches the library.
extension Arguments {
    /// An integer option, checked against `range`.
    func int(_ option: Option, default value: Int, in range: ClosedRange<Int> = 0...Int.max) throws(CLIError) -> Int {
        guard let text = self.value(option) else { return value }
        guard let n = Int(text), range.contains(n) else {
            let allowed = range.upperBound == Int.max ? "≥ \(range.lowerBound)"
                : "from \(Self.readable(Double(range.lowerBound))) to \(Self.readable(Double(range.upperBound)))"
            throw CLIError.usage("--\(option.name) needs a whole number \(allowed), not \"\(ControlEscaping.escaped(text))\"", command: command)
        }
        return n
    }

    /// A seed: any whole number from 0 to 2⁶⁴ − 1.
    func seed(_ option: Option, default value: UInt64) throws(CLIError) -> UInt64 {
        guard let text = self.value(option) else { return value }
        guard let n = UInt64(text) else {
            throw CLIError.usage("--\(option.name) needs a whole number from 0 to 2^64 − 1, not \"\(ControlEscaping.escaped(text))\"", command: command)
        }
        return n
    }

    /// A decimal option in `range` (a decimal comma is accepted). `unit`
    /// follows the number in the message ("kr per hour").
    func double(_ option: Option, in range: ClosedRange<Double>, unit: String = "") throws(CLIError) -> Double? {
        guard let text = self.value(option) else { return nil }
        guard let x = Self.decimal(text), range.contains(x) else {
            let unit = unit.isEmpty ? "" : " " + unit
            throw CLIError.usage("--\(option.name) needs a number from \(Self.readable(range.lowerBound)) to \(Self.readable(range.upperBound))\(unit), "
                                 + "not \"\(ControlEscaping.escaped(text))\"", command: command)
        }
        return x
    }

    /// A plain decimal number: an optional sign, digits with an optional
    /// decimal point or comma, an optional exponent (`1e6`). nil for
    /// anything else — `Double(_:)` alone would take `nan`, `inf`,
    /// `infinity` and hexadecimal (`0x1p4`) — and for a value too large to
    /// hold (`1e309`).
    static func decimal(_ text: String) -> Double? {
        var digits = 0, exponentDigits = 0, seenPoint = false, seenExponent = false
        var normalized: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenExponent { exponentDigits += 1 } else { digits += 1 }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                // A sign opens the number or its exponent.
                guard normalized.isEmpty || normalized.last == UInt8(ascii: "e") else { return nil }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard !seenPoint, !seenExponent else { return nil }
                seenPoint = true
                normalized.append(UInt8(ascii: "."))
                continue
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !seenExponent, digits > 0 else { return nil }
                seenExponent = true
                normalized.append(UInt8(ascii: "e"))
                continue
            default:
                return nil
            }
            normalized.append(byte)
        }
        guard digits > 0, !seenExponent || exponentDigits > 0,
              let x = Double(String(decoding: normalized, as: UTF8.self)), x.isFinite else { return nil }
        return x
    }

    /// A limit for a message, digits grouped by thousands (`1 000 000`):
    /// a run of ten digits would read as a CPR number and be masked.
    static func readable(_ x: Double) -> String {
        let plain = NumberFormatting.plain(x)
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let whole = body.prefix { $0 != "." }
        let rest = body.dropFirst(whole.count)
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped += " " }
            grouped.append(ch)
        }
        return (negative ? "-" : "") + grouped + rest
    }
}
