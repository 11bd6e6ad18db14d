/// Writes JSON text (RFC 8259) with object members in the order given.
///
/// Pretty output indents by two spaces and puts `": "` between name and
/// value, the layout of Python's `json.dumps(indent=2)`, so reports diff
/// cleanly against reference files; compact output has no whitespace at all.
/// Neither adds a trailing newline.
///
/// Strings escape only what RFC 8259 §7 requires — `"`, `\` and the control
/// characters U+0000–U+001F (as `\n`, `\t`, … or `\u00XX`) — and keep all
/// other characters, including non-ASCII such as "æøå", as UTF-8 (§8.1).
/// Numbers follow `number(_:)`.
package struct JSONWriter: Sendable {
    /// Whether to indent (two spaces per level) or write compactly.
    package var pretty: Bool

    package init(pretty: Bool = true) {
        self.pretty = pretty
    }

    /// The JSON text of `value`.
    package func write(_ value: JSONValue) -> String {
        String(decoding: writeBytes(value), as: UTF8.self)
    }

    /// The JSON text of `value` as UTF-8 bytes, ready for a file, without the
    /// detour through `String`.
    package func writeBytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        append(value, to: &output, indent: 0)
        return output
    }

    /// The JSON text of a number.
    ///
    /// Non-finite values, which JSON cannot express (RFC 8259 §6), are
    /// written as `null`. Others use Swift's shortest round-trip
    /// `description` (`0.4885204081632653`, `8.39378770666504e-05`, `2.0`),
    /// all valid JSON numbers that Python's `json.loads` and any correctly
    /// rounding reader turn back into the same `Double`. Integral doubles
    /// keep their `.0`; build `.integer` values for counts.
    package static func number(_ x: Double) -> String {
        x.isFinite ? x.description : "null"
    }

    /// The JSON text of a string: quoted and escaped as RFC 8259 §7 requires.
    package static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        appendString(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func append(_ value: JSONValue, to output: inout [UInt8], indent: Int) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let x):
            output.append(contentsOf: Self.number(x).utf8)
        case .integer(let n):
            output.append(contentsOf: n.description.utf8)
        case .string(let text):
            Self.appendString(text, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(to: &output, indent: indent + 1)
                append(element, to: &output, indent: indent + 1)
            }
            newline(to: &output, indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(to: &output, indent: indent + 1)
                Self.appendString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                append(member.value, to: &output, indent: indent + 1)
            }
            newline(to: &output, indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    private func newline(to output: inout [UInt8], indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Appends `text` quoted; runs of bytes that need no escape are copied
    /// in one call.
    private static func appendString(_ text: String, to output: inout [UInt8]) {
        var text = text
        output.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(byte, to: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: output.append(UInt8(ascii: "\""))
        case 0x5C: output.append(UInt8(ascii: "\\"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            // \u00XX in lower-case hex, as JSON.stringify and Python write it;
            // the high digit is 0 or 1 here.
            let low = byte & 0x0F
            output.append(contentsOf: "u00".utf8)
            output.append(UInt8(ascii: "0") + (byte >> 4))
            output.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
        }
    }
}
