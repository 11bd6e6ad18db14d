/// The recursive-descent core of `JSONParser`: reads one buffer through an
/// index, building values as it goes (RFC 8259 §2–§5).
///
/// Kept internal so that the unsafe pointer never escapes: every read is
/// guarded by `position < count`. Positions of errors are byte offsets,
/// turned into line and column only when an error is thrown.
struct JSONByteParser: ~Copyable {
    let base: UnsafePointer<UInt8>
    let count: Int
    var position = 0
    var depth = 0
    // Scratch stacks start below 1 KiB: glibc consolidates its free lists
    // on every larger request, which cost 2–3 % per small document.
    /// Members of the objects being parsed, innermost last.
    var members = ScratchStack<(key: String, value: JSONValue)>(capacity: 24)
    /// Elements of the arrays being parsed, innermost last.
    var elements = ScratchStack<JSONValue>(capacity: 32)

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// JSON-text = ws value ws (RFC 8259 §2), after an optional BOM (§8.1).
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { position = 3 }
        let value = try parseValue()
        skipWhitespace()
        if position < count {
            throw error("unexpected characters after the JSON value", at: position)
        }
        return value
    }

    /// Skips the four whitespace bytes of RFC 8259 §2.
    ///
    /// Pretty-printed FHIR is about half indentation, so runs of spaces are
    /// skipped eight bytes at a time.
    @inline(__always)
    mutating func skipWhitespace() {
        while position + 8 <= count {
            let word = loadWord(at: position) ^ SWAR.spaces
            if word == 0 {
                position += 8
                continue
            }
            position += word.trailingZeroBitCount >> 3  // the spaces before the first other byte
            let byte = base[position]
            guard byte == ASCII.lineFeed || byte == ASCII.carriageReturn || byte == ASCII.tab else { return }
            position += 1
        }
        while position < count {
            let byte = base[position]
            guard byte == ASCII.space || byte == ASCII.lineFeed
                    || byte == ASCII.carriageReturn || byte == ASCII.tab
            else { return }
            position += 1
        }
    }

    /// Eight bytes from `offset` (which must leave eight bytes in the
    /// buffer), first byte in the lowest bits on any platform.
    @inline(__always)
    func loadWord(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard position < count else {
            throw error("unexpected end of input: expected a JSON value", at: position)
        }
        switch base[position] {
        case ASCII.quote: return .string(try parseString())
        case ASCII.openBrace: return try parseObject()
        case ASCII.openBracket: return try parseArray()
        case ASCII.minus, ASCII.zero...ASCII.nine: return .number(try parseNumber())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        default: throw unexpectedCharacter(at: position, expected: "a JSON value")
        }
    }

    /// Enters an array or object, enforcing `JSONParser.maxDepth` (§9).
    @inline(__always)
    mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > JSONParser.maxDepth {
            throw error("nesting too deep: more than \(JSONParser.maxDepth) nested arrays and objects",
                        at: position)
        }
        position += 1
    }

    /// object = { [ member *( , member ) ] } (RFC 8259 §4).
    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        skipWhitespace()
        if position < count, base[position] == ASCII.closeBrace {
            position += 1
            depth -= 1
            return .object(JSONObject())
        }
        let first = members.count
        while true {
            skipWhitespace()
            guard position < count else {
                throw error("unexpected end of input: expected a string key in object", at: position)
            }
            guard base[position] == ASCII.quote else {
                throw unexpectedCharacter(at: position, expected: "a string key in object")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < count else {
                throw error("unexpected end of input: expected ':' after object key", at: position)
            }
            guard base[position] == ASCII.colon else {
                throw error("expected ':' after object key, found \(describeByte(at: position))", at: position)
            }
            position += 1
            let value = try parseValue()
            members.push((key: key, value: value))
            skipWhitespace()
            guard position < count else {
                throw error("unexpected end of input: expected ',' or '}' in object", at: position)
            }
            switch base[position] {
            case ASCII.comma:
                position += 1
            case ASCII.closeBrace:
                position += 1
                depth -= 1
                return .object(JSONObject(members.popArray(from: first)))
            default:
                throw error("expected ',' or '}' after object member, found \(describeByte(at: position))",
                            at: position)
            }
        }
    }

    /// array = [ [ value *( , value ) ] ] (RFC 8259 §5).
    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        skipWhitespace()
        if position < count, base[position] == ASCII.closeBracket {
            position += 1
            depth -= 1
            return .array([])
        }
        let first = elements.count
        while true {
            elements.push(try parseValue())
            skipWhitespace()
            guard position < count else {
                throw error("unexpected end of input: expected ',' or ']' in array", at: position)
            }
            switch base[position] {
            case ASCII.comma:
                position += 1
            case ASCII.closeBracket:
                position += 1
                depth -= 1
                return .array(elements.popArray(from: first))
            default:
                throw error("expected ',' or ']' after array element, found \(describeByte(at: position))",
                            at: position)
            }
        }
    }

    /// `true`, `false` or `null` (RFC 8259 §3), which are case-sensitive.
    mutating func parseLiteral(_ literal: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let length = literal.utf8CodeUnitCount
        let expected = literal.utf8Start
        for offset in 0..<length {
            guard position + offset < count, base[position + offset] == expected[offset] else {
                throw error("invalid literal: expected '\(literal)'", at: position)
            }
        }
        position += length
        return value
    }
}

/// Constants for scanning eight bytes at a time in a `UInt64` ("SIMD within
/// a register"): `(w &- ones) & ~w & highs` is non-zero exactly when some
/// byte of `w` is zero (the lowest such byte is flagged correctly).
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let spaces: UInt64 = 0x2020_2020_2020_2020
    static let quotes: UInt64 = 0x2222_2222_2222_2222
    static let backslashes: UInt64 = 0x5C5C_5C5C_5C5C_5C5C

    /// Flags (high bit set) at least the lowest byte of `word` that is a
    /// quote, a backslash or a control character (< 0x20), and none before
    /// it: where a string scan must stop.
    @inline(__always)
    static func stringStops(_ word: UInt64) -> UInt64 {
        let quote = word ^ quotes
        let backslash = word ^ backslashes
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- spaces) & ~word
        return (zeroQuote | zeroBackslash | control) & highs
    }
}

/// The ASCII bytes the grammar names.
enum ASCII {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
}
