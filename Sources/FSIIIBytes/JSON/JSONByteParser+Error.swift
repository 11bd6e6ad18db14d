/// Errors with line and column, computed only when an error is thrown, so
/// the hot loop never counts lines.
extension JSONByteParser {
    /// An error at byte `offset` (`count` for the end of input).
    func error(_ message: String, at offset: Int) -> JSONParseError {
        let (line, column) = lineAndColumn(of: offset)
        return JSONParseError(line: line, column: column, message: message)
    }

    /// 1-based line and column of byte `offset`: lines end at LF, CRLF or a
    /// lone CR; columns count Unicode scalars (UTF-8 continuation bytes take
    /// no column), and a leading byte order mark takes none.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        let end = min(offset, count)
        while index < end {
            let byte = base[index]
            if byte == ASCII.lineFeed {
                line += 1
                column = 1
            } else if byte == ASCII.carriageReturn {
                if index + 1 < count, base[index + 1] == ASCII.lineFeed {
                    // CRLF: the LF ends the line.
                } else {
                    line += 1
                    column = 1
                }
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    func unexpectedCharacter(at offset: Int, expected: String) -> JSONParseError {
        error("unexpected character \(describeByte(at: offset)); expected \(expected)", at: offset)
    }

    func unterminatedString(at open: Int) -> JSONParseError {
        error("unterminated string: no closing quote before the end of input", at: open)
    }

    func controlCharacter(at offset: Int) -> JSONParseError {
        error("control character U+00\(hexByte(base[offset])) in string: it must be escaped "
              + "(for example \\n or \\u00\(hexByte(base[offset])))", at: offset)
    }

    func invalidUTF8(at offset: Int) -> JSONParseError {
        error("invalid UTF-8 byte 0x\(hexByte(base[offset])) in string", at: offset)
    }

    /// `'x'` for a printable character, `U+0007` for others — as a user
    /// would search for it in an editor.
    func describeByte(at offset: Int) -> String {
        guard offset < count else { return "end of input" }
        let byte = base[offset]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return "U+00\(hexByte(byte))" }
        let scalars = String(decoding: UnsafeBufferPointer(start: base + offset, count: min(4, count - offset)),
                             as: UTF8.self).unicodeScalars
        if let scalar = scalars.first, scalar != "\u{FFFD}" { return "'\(scalar)'" }
        return "byte 0x\(hexByte(byte))"
    }

    /// The raw character at `offset`, for quoting inside a message.
    func describeRaw(at offset: Int) -> String {
        let description = describeByte(at: offset)
        return description.hasPrefix("'") ? String(description.dropFirst().dropLast()) : description
    }

    private func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0" + digits : digits
    }
}
