import Foundation
import Testing
@testable import FSIIIBytes

/// The JSON parser on hostile text (issue 16): bounded depth instead of a
/// stack overflow, extreme numbers with short messages, and escapes
/// resolved in time linear in the text.
@Suite("JSON on hostile text")
struct JSONHostileTests {
    @Test("nesting is limited at maxDepth: the deepest allowed parses, one more is an error at its bracket")
    func depthLimit() throws {
        let depth = JSONParser.maxDepth
        let ok = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try JSONParser.parse(ok).array?.count == 1)
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(try JSONParser.parse(objects)["a"] != nil)
        #expect(throws: JSONParseError(line: 1, column: depth + 1, message: "nesting too deep: more than \(depth) nested arrays and objects")) {
            try JSONParser.parse(String(repeating: "[", count: 1_000_000))
        }
    }

    @Test("a value nested to the limit is written and compared without trouble")
    func deepValueRoundTrip() throws {
        let depth = JSONParser.maxDepth
        let value = try JSONParser.parse(String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth))
        let text = JSONWriter(pretty: true).write(value)
        #expect(try JSONParser.parse(text) == value)
    }

    @Test("numbers beyond a Double are errors with a short message; a long one is described, not quoted",
          arguments: [("1e400", "number out of range: 1e400 is beyond ±1.8e308"), ("-1e400", "number out of range: -1e400 is beyond ±1.8e308"),
                      (String(repeating: "9", count: 400), "number out of range: a number of 400 characters is beyond ±1.8e308")])
    func outOfRange(text: String, message: String) {
        #expect(throws: JSONParseError(line: 1, column: 1, message: message)) { try JSONParser.parse(text) }
    }

    @Test("extreme numbers that a Double holds are read: 300 digits, underflow to zero, huge exponents of zero")
    func extremeNumbers() throws {
        #expect(try JSONParser.parse(String(repeating: "9", count: 300)).double == 1e300)
        #expect(try JSONParser.parse("1e-400").double == 0)
        #expect(try JSONParser.parse("0e99999999999999999999").double == 0)
        #expect(try JSONParser.parse("0." + String(repeating: "0", count: 5_000) + "1").double == 0)
    }

    @Test("long runs of backslashes and of \\u escapes resolve in linear time to the right text")
    func escapes() throws {
        let backslashes = 2_000_000
        let start = Date()
        let a = try JSONParser.parse("\"" + String(repeating: "\\\\", count: backslashes) + "\"")
        #expect(a.string?.utf8.count == backslashes)
        let b = try JSONParser.parse("\"" + String(repeating: "\\u00e6", count: 500_000) + "\"")
        #expect(b.string == String(repeating: "æ", count: 500_000))
        let c = try JSONParser.parse("\"" + String(repeating: "\\uD83D\\uDE00", count: 200_000) + "\"")
        #expect(c.string?.unicodeScalars.count == 200_000)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test("a string of 50 MB parses to itself")
    func hugeString() throws {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20)
        bytes[0] = UInt8(ascii: "\"")
        bytes[bytes.count - 1] = UInt8(ascii: "\"")
        #expect(try JSONParser.parse(bytes).string?.utf8.count == (50 << 20) - 2)
    }
}
