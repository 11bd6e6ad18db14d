/// Splits newline-delimited JSON (NDJSON / JSON Lines) into its lines, so
/// each line can be parsed on its own and an error can name its line.
///
/// Lines end at LF or CRLF; the CR is not part of the range. Blank lines —
/// empty or holding only spaces, tabs and CR — are skipped but still counted,
/// so `line` is the line number a user sees in an editor. A UTF-8 byte order
/// mark at the start of the buffer is skipped.
///
/// Not `Sendable`: it borrows a buffer that is valid only inside a
/// `withUnsafeBytes` closure.
package struct NDJSONLines: Sequence {
    /// A 1-based line number and the byte range of that line in the buffer.
    package typealias Element = (line: Int, range: Range<Int>)

    /// The buffer being split.
    package let bytes: UnsafeRawBufferPointer

    package init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    package func makeIterator() -> Iterator {
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        return Iterator(bytes: bytes, position: hasBOM ? 3 : 0)
    }

    /// Parses one line; an error carries the line number within the whole
    /// buffer instead of line 1 of the slice.
    package func value(_ element: Element) throws(JSONParseError) -> JSONValue {
        do {
            return try JSONParser.parse(UnsafeRawBufferPointer(rebasing: bytes[element.range]))
        } catch {
            throw JSONParseError(line: element.line + error.line - 1, column: error.column,
                                 message: error.message)
        }
    }

    /// Yields the non-blank lines in order.
    package struct Iterator: IteratorProtocol {
        let bytes: UnsafeRawBufferPointer
        var position: Int
        var line = 0

        package mutating func next() -> Element? {
            while position < bytes.count {
                line += 1
                let start = position
                var end = start
                var blank = true
                while end < bytes.count, bytes[end] != 0x0A {
                    let byte = bytes[end]
                    if byte != 0x20, byte != 0x09, byte != 0x0D { blank = false }
                    end += 1
                }
                position = end + 1
                if blank { continue }
                let lineEnd = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
                return (line: line, range: start..<lineEnd)
            }
            return nil
        }
    }
}
