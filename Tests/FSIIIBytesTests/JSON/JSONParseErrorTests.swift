import Testing
@testable import FSIIIBytes

/// One rejected text: where the error must point and how its message starts.
struct RejectedJSON: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var line: Int
    var column: Int
    var message: String

    init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String) {
        self.init(name, Array(text.utf8), line, column, message)
    }

    init(_ name: String, _ bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
        self.name = name
        self.bytes = bytes
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { name }
}

/// Every rejection names the offending byte's line and column.
@Suite("JSONParser errors")
struct JSONParseErrorTests {
    static let cases: [RejectedJSON] = [
        // Unterminated strings point at the opening quote.
        .init("unterminated string", #"{"a": "abc"#, 1, 7, "unterminated string"),
        .init("unterminated string after escape", #"["ab\"#, 1, 2, "unterminated string"),
        .init("unterminated key on line 2", "{\n  \"ab", 2, 3, "unterminated string"),
        // Escapes.
        .init("bad escape", #"["a\x"]"#, 1, 4, #"invalid escape sequence '\x'"#),
        .init("bad escape on line 2", "[\n  \"a\\qb\"\n]", 2, 5, #"invalid escape sequence '\q'"#),
        .init("short \\u escape", #"["\u12"]"#, 1, 3, #"invalid \u escape"#),
        .init("non-hex \\u escape", #"["\u12G4"]"#, 1, 3, #"invalid \u escape"#),
        .init("lone high surrogate", #"["\uD800"]"#, 1, 3, "unpaired UTF-16 surrogate \\uD800"),
        .init("high surrogate then non-surrogate", #"["\uD800\u0041"]"#, 1, 3, "unpaired UTF-16 surrogate \\uD800"),
        .init("high surrogate then text", #"["\uD800ab"]"#, 1, 3, "unpaired UTF-16 surrogate"),
        .init("lone low surrogate", #"["x\uDC00"]"#, 1, 4, "unpaired UTF-16 surrogate \\uDC00"),
        // Control characters inside strings.
        .init("raw tab in string", "\"a\tb\"", 1, 3, "control character U+0009 in string"),
        .init("raw newline in string", "[\"a\nb\"]", 1, 4, "control character U+000A in string"),
        .init("raw NUL in string", [0x22, 0x00, 0x22], 1, 2, "control character U+0000 in string"),
        // Invalid UTF-8 in strings.
        .init("invalid UTF-8 continuation", [0x22, 0xC3, 0x28, 0x22], 1, 2, "invalid UTF-8 byte 0xC3"),
        .init("overlong UTF-8", [0x22, 0x61, 0xC0, 0xAF, 0x22], 1, 3, "invalid UTF-8 byte 0xC0"),
        .init("UTF-8 surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, "invalid UTF-8 byte 0xED"),
        .init("invalid UTF-8 before an escape", [0x22, 0x61, 0xFF, 0x5C, 0x6E, 0x22], 1, 3, "invalid UTF-8 byte 0xFF"),
        .init("invalid UTF-8 after an escape", [0x22, 0x5C, 0x6E, 0xC3, 0x22], 1, 4, "invalid UTF-8 byte 0xC3"),
        .init("multi-byte character cut by an escape", [0x22, 0xC3, 0x5C, 0x6E, 0x22], 1, 2, "invalid UTF-8 byte 0xC3"),
        .init("truncated UTF-8", [0x22, 0xE2, 0x82, 0x22], 1, 2, "invalid UTF-8 byte 0xE2"),
        // Numbers.
        .init("leading zero", "[01]", 1, 2, "invalid number: leading zeros are not allowed"),
        .init("minus alone", "[-]", 1, 3, "invalid number: expected a digit after '-'"),
        .init("minus then letter", "-a", 1, 2, "invalid number: expected a digit after '-'"),
        .init("no fraction digits", "[1.]", 1, 4, "invalid number: expected a digit after the decimal point"),
        .init("no exponent digits", "[1e+]", 1, 5, "invalid number: expected a digit in the exponent"),
        .init("exponent at end", "2E", 1, 3, "invalid number: expected a digit in the exponent"),
        .init("leading dot", "[.5]", 1, 2, "unexpected character '.'; expected a JSON value"),
        .init("leading plus", "+1", 1, 1, "unexpected character '+'"),
        .init("huge exponent", "[1, 1e400]", 1, 5, "number out of range"),
        .init("huge negative", "-1e99999999999999999999", 1, 1, "number out of range"),
        .init("huge integer", "1" + String(repeating: "0", count: 400), 1, 1, "number out of range"),
        .init("two decimal points", "1.2.3", 1, 4, "unexpected characters after the JSON value"),
        // Structure.
        .init("missing colon", #"{"a" 1}"#, 1, 6, "expected ':' after object key, found '1'"),
        .init("missing colon on line 3", "{\n\"a\": 1,\n\"b\"\n  2}", 4, 3, "expected ':' after object key"),
        .init("missing comma in object", #"{"a": 1 "b": 2}"#, 1, 9, "expected ',' or '}' after object member"),
        .init("missing comma in array", "[1 2]", 1, 4, "expected ',' or ']' after array element"),
        .init("trailing comma in array", "[1,\r\n]", 2, 1, "unexpected character ']'; expected a JSON value"),
        .init("trailing comma in object", "{\"a\":1,}", 1, 8, "unexpected character '}'; expected a string key"),
        .init("unquoted key", "{a:1}", 1, 2, "unexpected character 'a'; expected a string key"),
        .init("invalid literal", "[tru]", 1, 2, "invalid literal: expected 'true'"),
        .init("capitalised literal", "True", 1, 1, "unexpected character 'T'"),
        .init("truncated null", "nul", 1, 1, "invalid literal: expected 'null'"),
        .init("non-ASCII outside strings", #"{"æ": ø}"#, 1, 7, "unexpected character 'ø'"),
        .init("control character outside strings", "[\u{1}]", 1, 2, "unexpected character U+0001"),
        // Unexpected end of input points just past the last byte.
        .init("empty text", "", 1, 1, "unexpected end of input"),
        .init("whitespace only", "  \n ", 2, 2, "unexpected end of input: expected a JSON value"),
        .init("end in array", "[1, 2", 1, 6, "unexpected end of input: expected ',' or ']'"),
        .init("end after comma", "[1,", 1, 4, "unexpected end of input: expected a JSON value"),
        .init("end after key", #"{"a""#, 1, 5, "unexpected end of input: expected ':'"),
        .init("end after colon", "{\"a\":\n", 2, 1, "unexpected end of input: expected a JSON value"),
        .init("end in object", #"{"a": 1"#, 1, 8, "unexpected end of input: expected ',' or '}'"),
        .init("end after open brace", "{", 1, 2, "unexpected end of input: expected a string key"),
        // Trailing characters.
        .init("trailing garbage", "{} x", 1, 4, "unexpected characters after the JSON value"),
        .init("extra bracket", "[1]]", 1, 4, "unexpected characters after the JSON value"),
        .init("two values", "1 2", 1, 3, "unexpected characters after the JSON value"),
        // Lines and columns: CRLF is one line break, a lone CR is one too,
        // non-ASCII is one column per character, a BOM takes none.
        .init("column counts characters", #"{"æøå": x}"#, 1, 9, "unexpected character 'x'"),
        .init("CRLF counts once", "[\r\n1,\r\n x]", 3, 2, "unexpected character 'x'"),
        .init("lone CR ends a line", "[\r\rx]", 3, 1, "unexpected character 'x'"),
        .init("BOM takes no column", [0xEF, 0xBB, 0xBF] + Array("[x]".utf8), 1, 2, "unexpected character 'x'"),
        // Depth limit.
        .init("nesting too deep", String(repeating: "[", count: JSONParser.maxDepth + 1), 1, JSONParser.maxDepth + 1,
              "nesting too deep: more than 512 nested arrays and objects"),
        .init("objects nested too deep", String(repeating: #"{"a":"#, count: JSONParser.maxDepth + 1), 1,
              5 * JSONParser.maxDepth + 1, "nesting too deep"),
    ]

    @Test("rejected text reports line, column and message", arguments: cases)
    func rejected(_ rejected: RejectedJSON) {
        do throws(JSONParseError) {
            let value = try JSONParser.parse(rejected.bytes)
            Issue.record("accepted \(value)")
        } catch {
            #expect(error.line == rejected.line, "\(error)")
            #expect(error.column == rejected.column, "\(error)")
            #expect(error.message.hasPrefix(rejected.message), "\(error)")
        }
    }

    @Test("the description reads 'line L, column C: message'")
    func description() {
        let error = JSONParseError(line: 3, column: 7, message: "expected ':' after object key")
        #expect(error.description == "line 3, column 7: expected ':' after object key")
    }

    @Test("all three entry points report the same error")
    func entryPointsAgree() {
        let text = "{\n  \"a\": [1,,]\n}"
        let fromString = #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        let fromArray = #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) }
        let fromBuffer = #expect(throws: JSONParseError.self) {
            try Array(text.utf8).withUnsafeBytes { buffer throws(JSONParseError) in try JSONParser.parse(buffer) }
        }
        #expect(fromString == JSONParseError(line: 2, column: 11, message: "unexpected character ','; expected a JSON value"))
        #expect(fromArray == fromString)
        #expect(fromBuffer == fromString)
    }
}
