import Testing
@testable import FSIIIBytes

/// Line splitting for newline-delimited JSON.
@Suite("NDJSONLines")
struct NDJSONLinesTests {
    /// The lines of `text` as (line number, text of the range).
    private func lines(_ bytes: [UInt8]) -> [(Int, String)] {
        bytes.withUnsafeBytes { buffer in
            NDJSONLines(buffer).map { element in
                (element.line, String(decoding: UnsafeRawBufferPointer(rebasing: buffer[element.range]), as: UTF8.self))
            }
        }
    }

    @Test("blank lines are skipped but counted; CR is not part of a CRLF line")
    func lineNumbers() {
        let text = "{\"a\":1}\n\n  \t\r\n{\"b\":2}\r\n\r\n[3]"
        let found = lines(Array(text.utf8))
        #expect(found.map(\.0) == [1, 4, 6])
        #expect(found.map(\.1) == ["{\"a\":1}", "{\"b\":2}", "[3]"])
    }

    @Test("a trailing newline adds no line; empty input has none")
    func trailingNewline() {
        #expect(lines(Array("1\n2\n".utf8)).map(\.0) == [1, 2])
        #expect(lines([]).isEmpty)
        #expect(lines(Array("\n\r\n".utf8)).isEmpty)
    }

    @Test("a byte order mark at the start is skipped")
    func byteOrderMark() {
        #expect(lines([0xEF, 0xBB, 0xBF] + Array("{}\n[]".utf8)).map(\.1) == ["{}", "[]"])
    }

    @Test("each line parses; an error names the line in the whole file")
    func parsedLines() {
        let text = "{\"a\":1}\r\n\r\n[1,\r\n\"æ\"\n"
        Array(text.utf8).withUnsafeBytes { buffer in
            let lines = NDJSONLines(buffer)
            var values: [JSONValue] = []
            var errors: [JSONParseError] = []
            for line in lines {
                do throws(JSONParseError) {
                    values.append(try lines.value(line))
                } catch {
                    errors.append(error)
                }
            }
            #expect(values == [["a": 1], "æ"])
            #expect(errors == [JSONParseError(line: 3, column: 4, message: "unexpected end of input: expected a JSON value")])
        }
    }
}
