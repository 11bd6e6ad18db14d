import Testing
@testable import FSIIIBytes

/// RFC 8259 values, member order, strings and numbers.
@Suite("JSONParser")
struct JSONParserTests {
    @Test("every kind of value parses to its case")
    func everyValueKind() throws {
        let value = try JSONParser.parse(#"""
            {"n": null, "t": true, "f": false, "x": 1.5, "s": "text", "a": [1, "two", [], {}], "o": {"k": "v"}}
            """#)
        #expect(value["n"]?.isNull == true)
        #expect(value["t"]?.bool == true)
        #expect(value["f"]?.bool == false)
        #expect(value["x"]?.double == 1.5)
        #expect(value["s"]?.string == "text")
        #expect(value["a"]?.array?.count == 4)
        #expect(value["a"]?[1]?.string == "two")
        #expect(value["a"]?[2] == .array([]))
        #expect(value["a"]?[3] == .object(JSONObject()))
        #expect(value["o"]?["k"]?.string == "v")
        #expect(value["missing"] == nil)
        #expect(value["a"]?[4] == nil)
        #expect(value["a"]?[-1] == nil)
        #expect(value[0] == nil)
        #expect(value["s"]?["k"] == nil)
    }

    @Test("scalars parse at the top level, surrounded by whitespace")
    func topLevelScalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse(" \t\r\n true \n") == .bool(true))
        #expect(try JSONParser.parse("\"x\"") == .string("x"))
        #expect(try JSONParser.parse("-12") == .number(-12))
        #expect(try JSONParser.parse([UInt8]("[false]".utf8)) == .array([.bool(false)]))
    }

    @Test("nested objects keep their members in document order")
    func memberOrder() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": {"y": 2, "b": 3, "x": 4}, "m": 5}"#)
        #expect(value.object?.keys == ["z", "a", "m"])
        #expect(value["a"]?.object?.keys == ["y", "b", "x"])
        #expect(value["a"]?.object?.members.map(\.value.int) == [2, 3, 4])
        let iterated = value.object.map { object in object.map(\.key) }
        #expect(iterated == ["z", "a", "m"])
    }

    @Test("duplicate names are kept; lookup returns the first")
    func duplicateNames() throws {
        let value = try JSONParser.parse(#"{"a": 1, "a": 2}"#)
        #expect(value.object?.count == 2)
        #expect(value["a"]?.int == 1)
    }

    @Test("a UTF-8 byte order mark is skipped")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)) == ["a": 1])
    }

    @Test("nesting up to the depth limit is accepted")
    func depthLimitAccepted() throws {
        let depth = JSONParser.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONParser.parse(text)
        var levels = 1
        while let inner = value[0] {
            value = inner
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test("large and deeply mixed containers keep every element in order")
    func largeContainers() throws {
        let numbers = (0..<1000).map { JSONValue.number(Double($0)) }
        let members = (0..<300).map { (key: "k\($0)", value: JSONValue.array(Array(numbers.prefix($0 % 7)))) }
        let expected: JSONValue = .array([.object(JSONObject(members)), .array(numbers), .object(JSONObject(members))])
        let parsed = try JSONParser.parse(JSONWriter().write(expected))
        #expect(parsed == expected)
        #expect(parsed[0]?.object?.keys == members.map(\.key))
    }

    @Test("whitespace runs of every length and mix are skipped")
    func whitespaceRuns() throws {
        for length in 0...40 {
            for filler in [" ", "\t", "\n", "\r\n", " \n  "] {
                let gap = String(repeating: filler, count: length)
                let text = gap + "[" + gap + "1" + gap + "," + gap + "{" + gap + "\"a\"" + gap + ":" + gap + "2" + gap + "}" + gap + "]" + gap
                #expect(try JSONParser.parse(text) == [1, ["a": 2]], "length \(length)")
            }
        }
    }

    @Test("strings of every length find their end, escapes, control characters and non-ASCII")
    func stringScanBoundaries() throws {
        for length in 0...40 {
            let plain = String(repeating: "a", count: length)
            for suffix in ["", " ", "          "] {
                #expect(try JSONParser.parse("\"" + plain + "\"" + suffix).string == plain)
            }
            for position in 0...length {
                let prefix = String(plain.prefix(position))
                let rest = String(plain.dropFirst(position))
                #expect(try JSONParser.parse("\"" + prefix + "\\n" + rest + "\"").string == prefix + "\n" + rest)
                #expect(try JSONParser.parse("\"" + prefix + "ø" + rest + "\"").string == prefix + "ø" + rest)
                let control = #expect(throws: JSONParseError.self) {
                    try JSONParser.parse("\"" + prefix + "\u{1F}" + rest + "\"")
                }
                #expect(control?.column == position + 2)
                let invalid = #expect(throws: JSONParseError.self) {
                    try JSONParser.parse(Array(("\"" + prefix).utf8) + [0xFF] + Array((rest + "\"").utf8))
                }
                #expect(invalid?.column == position + 2)
            }
        }
    }

    // MARK: Strings

    @Test("every escape of RFC 8259 §7 resolves")
    func escapes() throws {
        let value = try JSONParser.parse(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e6\u00f8\u00e5 \u00C6""#)
        #expect(value.string == "\" \\ / \u{08} \u{0C} \n \r \t A æøå Æ")
    }

    @Test("\\u00e6\\u00f8\\u00e5 is æøå")
    func danishLettersEscaped() throws {
        #expect(try JSONParser.parse(#""\u00e6\u00f8\u00e5""#) == .string("æøå"))
    }

    @Test("a surrogate pair is one scalar outside the BMP")
    func surrogatePair() throws {
        let value = try JSONParser.parse(#"["\uD83D\uDE00", "a\ud834\udd1eb"]"#)
        #expect(value[0]?.string == "😀")
        #expect(value[0]?.string?.unicodeScalars.count == 1)
        #expect(value[1]?.string == "a𝄞b")
    }

    @Test("\\u0000 is a valid character")
    func escapedNul() throws {
        #expect(try JSONParser.parse(#""a\u0000b""#).string == "a\u{0}b")
    }

    @Test("raw UTF-8 passes through unchanged")
    func rawUTF8() throws {
        let value = try JSONParser.parse(#"{"æøå": "Ærø — 😀 ÆØÅ", "k": "x\nø"}"#)
        #expect(value["æøå"]?.string == "Ærø — 😀 ÆØÅ")
        #expect(value["k"]?.string == "x\nø")
    }

    @Test("raw UTF-8 mixed with escapes")
    func rawUTF8WithEscapes() throws {
        #expect(try JSONParser.parse(#""Søren \"Aa\" \u00e6blegrød""#).string == "Søren \"Aa\" æblegrød")
    }

    // MARK: Numbers

    @Test("numbers convert to the nearest double", arguments: [
        ("0", 0.0), ("-0", -0.0), ("1e-5", 1e-5), ("1E+2", 100), ("0.1", 0.1),
        ("8.39378770666504e-05", 8.39378770666504e-05), ("12345678901234567", 12345678901234568),
        ("0.4885204081632653", 0.4885204081632653), ("-273.15", -273.15), ("1e22", 1e22),
        ("1e23", 1e23), ("9007199254740993", 9007199254740992), ("2.2250738585072014e-308", 2.2250738585072014e-308),
        ("4.9e-324", .leastNonzeroMagnitude), ("1.7976931348623157e308", 1.7976931348623157e308), ("1e-400", 0),
        ("0.000000000000000000000000000001", 1e-30), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("3.141592653589793238462643383279", 3.141592653589793),
    ])
    func numbers(text: String, expected: Double) throws {
        let parsed = try #require(try JSONParser.parse(text).double)
        #expect(parsed == expected)
        #expect(parsed.sign == expected.sign)
    }

    @Test("12345678901234567 parses to the double that round-trips, 12345678901234568")
    func longIntegerRoundTrip() throws {
        let parsed = try JSONParser.parse("12345678901234567")
        #expect(parsed == .number(12_345_678_901_234_568))
        #expect(JSONWriter.number(parsed.double ?? 0) == "1.2345678901234568e+16")
    }

    @Test("fast and slow number paths agree with the standard library on 20,000 numbers")
    func numbersMatchStandardLibrary() throws {
        var random = SplitMix64(seed: 8259)
        for _ in 0..<20_000 {
            let text = random.numberText()
            let expected = try #require(Double(text), "\(text)")
            if expected.isFinite {
                #expect(try JSONParser.parse(text).double == expected, "\(text)")
            } else {
                #expect(throws: JSONParseError.self, "\(text)") { try JSONParser.parse(text) }
            }
        }
    }

    @Test("int is given only for integral numbers in range")
    func integralAccess() throws {
        #expect(try JSONParser.parse("3").int == 3)
        #expect(try JSONParser.parse("3.0").int == 3)
        #expect(try JSONParser.parse("-0").int == 0)
        #expect(try JSONParser.parse("3.5").int == nil)
        #expect(try JSONParser.parse("1e300").int == nil)
        #expect(try JSONParser.parse("\"3\"").int == nil)
        #expect(JSONValue.number(-0x1p63).int == Int.min)
        #expect(JSONValue.number(0x1p63).int == nil)
        #expect(JSONValue.number(.nan).int == nil)
        #expect(JSONValue.integer(7).int == 7)
        #expect(JSONValue.integer(7).double == 7)
    }

    @Test(".integer equals the .number of the same value")
    func integerEqualsNumber() {
        #expect(JSONValue.integer(2) == .number(2))
        #expect(JSONValue.number(2) == .integer(2))
        #expect(JSONValue.integer(2).hashValue == JSONValue.number(2).hashValue)
        #expect(JSONValue.integer(2) != .number(2.5))
        #expect(JSONValue.integer(9_007_199_254_740_993) != .number(9_007_199_254_740_992))
        #expect(Set<JSONValue>([.integer(1), .number(1), .string("1")]).count == 2)
    }
}

/// A small seeded generator (SplitMix64) so the number test is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random RFC 8259 number: 1–25 integer digits, an optional fraction of
    /// 1–25 digits, an optional exponent of ±0–330.
    mutating func numberText() -> String {
        var text = Bool.random(using: &self) ? "-" : ""
        let integerDigits = Int.random(in: 1...25, using: &self)
        text += Bool.random(using: &self) ? "0" : digits(integerDigits, leadingNonZero: true)
        if Bool.random(using: &self) { text += "." + digits(Int.random(in: 1...25, using: &self), leadingNonZero: false) }
        if Bool.random(using: &self) {
            text += ["e", "E"].randomElement(using: &self) ?? "e"
            text += ["", "+", "-"].randomElement(using: &self) ?? ""
            text += String(Int.random(in: 0...330, using: &self))
        }
        return text
    }

    private mutating func digits(_ count: Int, leadingNonZero: Bool) -> String {
        var text = ""
        for index in 0..<count {
            let low = index == 0 && leadingNonZero ? 1 : 0
            text += String(Int.random(in: low...9, using: &self))
        }
        return text
    }
}
