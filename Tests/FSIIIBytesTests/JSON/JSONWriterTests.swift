import Testing
@testable import FSIIIBytes

/// Output layout, escaping, numbers and round trips.
@Suite("JSONWriter")
struct JSONWriterTests {
    static let sample: JSONValue = [
        "name": "Søren Ærø",
        "count": 42,
        "share": 0.4885204081632653,
        "tiny": 8.39378770666504e-05,
        "flags": [true, false, nil],
        "empty": [:],
        "none": [],
        "nested": ["z": ["deep": [1, 2.5, "x"]], "a": -0.0],
    ]

    @Test("pretty output indents two spaces, keeps member order, writes empty containers inline")
    func prettyLayout() {
        let value: JSONValue = ["b": 1, "a": [true, nil], "e": [:], "f": [], "o": ["k": "v"]]
        #expect(JSONWriter().write(value) == """
            {
              "b": 1,
              "a": [
                true,
                null
              ],
              "e": {},
              "f": [],
              "o": {
                "k": "v"
              }
            }
            """)
    }

    @Test("compact output has no whitespace")
    func compactLayout() {
        let value: JSONValue = ["b": 1, "a": [true, nil], "e": [:], "f": [], "o": ["k": "v"]]
        #expect(JSONWriter(pretty: false).write(value) == #"{"b":1,"a":[true,null],"e":{},"f":[],"o":{"k":"v"}}"#)
    }

    @Test("scalars at the top level")
    func scalars() {
        let writer = JSONWriter()
        #expect(writer.write(.null) == "null")
        #expect(writer.write(.bool(true)) == "true")
        #expect(writer.write(.bool(false)) == "false")
        #expect(writer.write(.string("")) == #""""#)
    }

    @Test("quotes, backslashes and control characters are escaped; non-ASCII and / are not")
    func stringEscapes() {
        let text = "q\"b\\c\n\r\t\u{08}\u{0C}\u{0}\u{01}\u{1F}/æøå 😀\u{7F}"
        #expect(JSONWriter.quoted(text) == #""q\"b\\c\n\r\t\b\f\u0000\u0001\u001f/æøå 😀"# + "\u{7F}\"")
        #expect(JSONWriter(pretty: false).write(["æ\"": "ø"]) == #"{"æ\"":"ø"}"#)
    }

    @Test("numbers use Swift's shortest round-trip form", arguments: [
        (0.4885204081632653, "0.4885204081632653"), (8.39378770666504e-05, "8.39378770666504e-05"),
        (2.0, "2.0"), (-0.0, "-0.0"), (0.1, "0.1"), (1e16, "1e+16"), (123.25, "123.25"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (.leastNonzeroMagnitude, "5e-324"),
    ])
    func numbers(value: Double, text: String) throws {
        #expect(JSONWriter.number(value) == text)
        #expect(try JSONParser.parse(text) == .number(value))
    }

    @Test("non-finite numbers are written as null")
    func nonFinite() {
        #expect(JSONWriter.number(.nan) == "null")
        #expect(JSONWriter.number(.infinity) == "null")
        #expect(JSONWriter.number(-.infinity) == "null")
        #expect(JSONWriter(pretty: false).write([.number(.nan), 1.0]) == "[null,1.0]")
    }

    @Test(".integer is written as plain digits")
    func integers() {
        let writer = JSONWriter(pretty: false)
        #expect(writer.write(.integer(42)) == "42")
        #expect(writer.write(.integer(-7)) == "-7")
        #expect(writer.write(.integer(0)) == "0")
        #expect(writer.write(.integer(Int.max)) == "9223372036854775807")
        #expect(writer.write(.number(42)) == "42.0")
    }

    @Test("parse(write(v)) == v, pretty and compact", arguments: [true, false])
    func roundTrip(pretty: Bool) throws {
        let writer = JSONWriter(pretty: pretty)
        let text = writer.write(Self.sample)
        let parsed = try JSONParser.parse(text)
        #expect(parsed == Self.sample)
        #expect(parsed.object?.keys == Self.sample.object?.keys)
        #expect(parsed["nested"]?.object?.keys == ["z", "a"])
        // The parser makes `.number`s only, so from here on the text is fixed.
        let again = writer.write(parsed)
        #expect(again.contains("42.0"))
        #expect(writer.write(try JSONParser.parse(again)) == again)
    }

    @Test("every escapable character survives a round trip")
    func stringRoundTrip() throws {
        let text = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self) + "æøå😀\u{2028}"
        #expect(try JSONParser.parse(JSONWriter.quoted(text)) == .string(text))
    }

    @Test("description is compact JSON")
    func description() {
        let value: JSONValue = ["a": [1, "b"]]
        #expect(value.description == #"{"a":[1,"b"]}"#)
    }
}
