/// Strings (RFC 8259 §7) and UTF-8 validation (§8.1).
extension JSONByteParser {
    /// Parses the string whose opening quote is at `position`.
    ///
    /// Fast path: a string without escapes is one slice of the buffer, made
    /// into a `String` in one call. Only strings with a backslash are copied
    /// byte by byte. Non-ASCII bytes are validated as UTF-8 so that invalid
    /// input is reported rather than silently replaced with U+FFFD.
    mutating func parseString() throws(JSONParseError) -> String {
        let open = position
        let start = open + 1
        var index = start
        var highBits: UInt8 = 0
        var wordHighBits: UInt64 = 0
        // Eight bytes at a time up to the first byte that needs a look.
        while index + 8 <= count {
            let word = loadWord(at: index)
            let stops = SWAR.stringStops(word)
            if stops != 0 {
                // Bytes before the first stop are ordinary.
                let ordinary = stops.trailingZeroBitCount >> 3
                wordHighBits |= word & ((1 << (ordinary << 3)) &- 1)
                index += ordinary
                break
            }
            wordHighBits |= word
            index += 8
        }
        if wordHighBits & SWAR.highs != 0 { highBits = 0x80 }
        while index < count {
            let byte = base[index]
            if byte == ASCII.quote {
                if highBits & 0x80 != 0 { try validateUTF8(from: start, to: index) }
                position = index + 1
                return String(decoding: UnsafeBufferPointer(start: base + start, count: index - start),
                              as: UTF8.self)
            }
            if byte == ASCII.backslash {
                return try parseEscapedString(open: open, firstEscape: index, highBits: highBits)
            }
            if byte < 0x20 { throw controlCharacter(at: index) }
            highBits |= byte
            index += 1
        }
        throw unterminatedString(at: open)
    }

    /// The slow path: copies the string, resolving escapes (§7). `highBits`
    /// carries whether the bytes before the first escape were all ASCII.
    private mutating func parseEscapedString(open: Int, firstEscape: Int,
                                             highBits: UInt8) throws(JSONParseError) -> String {
        let start = open + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(firstEscape - start + 16)
        bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: firstEscape - start))
        var index = firstEscape
        var highBits = highBits
        while index < count {
            let byte = base[index]
            if byte == ASCII.quote {
                if highBits & 0x80 != 0 { try validateUTF8(from: start, to: index) }
                position = index + 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if byte == ASCII.backslash {
                index = try appendEscape(at: index, open: open, to: &bytes)
                continue
            }
            if byte < 0x20 { throw controlCharacter(at: index) }
            highBits |= byte
            bytes.append(byte)
            index += 1
        }
        throw unterminatedString(at: open)
    }

    /// Resolves the escape whose backslash is at `index`, appends its UTF-8
    /// bytes, and returns the index after it.
    private func appendEscape(at index: Int, open: Int, to bytes: inout [UInt8]) throws(JSONParseError) -> Int {
        guard index + 1 < count else { throw unterminatedString(at: open) }
        let resolved: UInt8
        switch base[index + 1] {
        case ASCII.quote: resolved = ASCII.quote
        case ASCII.backslash: resolved = ASCII.backslash
        case ASCII.slash: resolved = ASCII.slash
        case UInt8(ascii: "b"): resolved = 0x08
        case UInt8(ascii: "f"): resolved = 0x0C
        case UInt8(ascii: "n"): resolved = ASCII.lineFeed
        case UInt8(ascii: "r"): resolved = ASCII.carriageReturn
        case UInt8(ascii: "t"): resolved = ASCII.tab
        case UInt8(ascii: "u"): return try appendUnicodeEscape(at: index, to: &bytes)
        default:
            throw error("invalid escape sequence '\\\(describeRaw(at: index + 1))' in string "
                        + "(allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: index)
        }
        bytes.append(resolved)
        return index + 2
    }

    /// `\uXXXX`, pairing a high surrogate with the low surrogate that must
    /// follow it (§7); lone surrogates are errors because they are not
    /// Unicode scalars and cannot be represented in a Swift `String`.
    private func appendUnicodeEscape(at index: Int, to bytes: inout [UInt8]) throws(JSONParseError) -> Int {
        let unit = try hexQuad(at: index)
        var scalar = UInt32(unit)
        var next = index + 6
        switch unit {
        case 0xD800...0xDBFF:
            guard next + 1 < count, base[next] == ASCII.backslash, base[next + 1] == UInt8(ascii: "u") else {
                throw error("unpaired UTF-16 surrogate \\u\(hex4(unit)): a high surrogate must be "
                            + "followed by a \\u escape of a low surrogate (DC00–DFFF)", at: index)
            }
            let low = try hexQuad(at: next)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error("unpaired UTF-16 surrogate \\u\(hex4(unit)): followed by \\u\(hex4(low)), "
                            + "which is not a low surrogate (DC00–DFFF)", at: index)
            }
            scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw error("unpaired UTF-16 surrogate \\u\(hex4(unit)): a low surrogate must follow "
                        + "a high surrogate (D800–DBFF)", at: index)
        default:
            break
        }
        appendUTF8(scalar, to: &bytes)
        return next
    }

    /// The four hex digits after the `\u` whose backslash is at `index`.
    private func hexQuad(at index: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for offset in 2..<6 {
            guard index + offset < count else {
                throw error("invalid \\u escape: expected four hexadecimal digits", at: index)
            }
            let byte = base[index + offset]
            let digit: UInt8
            switch byte {
            case ASCII.zero...ASCII.nine: digit = byte - ASCII.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape: expected four hexadecimal digits", at: index)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Checks `base[start..<end]` is well-formed UTF-8 (Unicode Table 3-7:
    /// no overlong forms, no surrogates, nothing above U+10FFFF).
    func validateUTF8(from start: Int, to end: Int) throws(JSONParseError) {
        var index = start
        while index < end {
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let length = TextEncoding.utf8SequenceLength(base, index, end) else { throw invalidUTF8(at: index) }
            index += length
        }
    }

    private func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
