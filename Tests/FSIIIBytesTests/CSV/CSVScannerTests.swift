import Testing
@testable import FSIIIBytes
@testable import FSIIIStatistics

/// RFC 4180 scanning (SPEC §3): quoting, line ends, blank lines, and the
/// record boundaries used to split files over both cores.
@Suite("CSV scanner")
struct CSVScannerTests {
    /// Every record's fields as strings, with the line each starts on.
    static func scan(_ text: String, delimiter: UInt8 = 0x3B) -> [(line: Int, fields: [String])] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var scanner = CSVScanner(base: b.baseAddress ?? emptyBytes, range: 0..<b.count, delimiter: delimiter)
            let cursor = CSVRecordCursor(base: b.baseAddress ?? emptyBytes)
            var out: [(Int, [String])] = []
            while true {
                switch scanner.next(cursor.fields) {
                case .end: return out
                case .record(let line): out.append((line, cursor.strings))
                case .unterminatedQuote(let line): out.append((line, ["<unterminated>"]))
                }
            }
        }
    }

    @Test("quoted delimiters, doubled quotes and line breaks inside quotes")
    func quoting() {
        let records = Self.scan("a;\"b;c\";\"say \"\"hi\"\"\"\n\"two\nlines\";x;y\nlast;1;2\n")
        #expect(records.map(\.fields) == [["a", "b;c", "say \"hi\""], ["two\nlines", "x", "y"], ["last", "1", "2"]])
        // The record after a quoted line break starts two physical lines later.
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("CRLF, LF and lone CR line ends; blank lines hold no record")
    func lineEnds() {
        let records = Self.scan("a;b\r\nc;d\n\n\r\ne;f\rg;h")
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(records.map(\.line) == [1, 2, 5, 6])
    }

    @Test("empty fields and a trailing delimiter")
    func emptyFields() {
        #expect(Self.scan(";;x;\n").map(\.fields) == [["", "", "x", ""]])
    }

    @Test("an unterminated quote rejects its line and scanning resumes on the next")
    func unterminatedQuote() {
        let records = Self.scan("a;\"oops\nb;c\nd;e\n")
        #expect(records.count == 3)
        #expect(records[0].fields == ["<unterminated>"] && records[0].line == 1)
        #expect(records[1].fields == ["b", "c"] && records[1].line == 2)
        #expect(records[2].fields == ["d", "e"] && records[2].line == 3)
    }

    @Test("text after a closing quote is flagged")
    func textAfterQuote() {
        let bytes = Array("\"abc\"def;x\n".utf8)
        bytes.withUnsafeBufferPointer { b in
            var scanner = CSVScanner(base: b.baseAddress!, range: 0..<b.count, delimiter: 0x3B)
            let cursor = CSVRecordCursor(base: b.baseAddress!)
            _ = scanner.next(cursor.fields)
            #expect(cursor.malformedQuoteField == 0)
        }
    }

    @Test("record boundaries never fall inside quotes", arguments: [1, 2, 3, 7, 50])
    func boundaries(parts: Int) {
        var text = ""
        for i in 0..<200 { text += i % 3 == 0 ? "\(i);\"multi\nline;\"\"quoted\"\"\";z\n" : "\(i);plain;z\r\n" }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let cuts = CSVScanner.recordBoundaries(b.baseAddress!, range: 0..<b.count, delimiter: 0x3B, parts: parts)!
            #expect(cuts.first == 0 && cuts.last == b.count)
            // Scanning piece by piece gives exactly the records of one scan.
            var pieces: [[String]] = []
            for k in 0..<(cuts.count - 1) {
                var scanner = CSVScanner(base: b.baseAddress!, range: cuts[k]..<cuts[k + 1], delimiter: 0x3B)
                let cursor = CSVRecordCursor(base: b.baseAddress!)
                while case .record = scanner.next(cursor.fields) { pieces.append(cursor.strings) }
            }
            #expect(pieces == Self.scan(text).map(\.fields))
        }
    }

    @Test("an open quote at the end means no parallel cut")
    func boundariesWithOpenQuote() {
        let bytes = Array("a;b\n\"c;d\ne;f\n".utf8)
        bytes.withUnsafeBufferPointer { b in
            #expect(CSVScanner.recordBoundaries(b.baseAddress!, range: 0..<b.count, delimiter: 0x3B, parts: 4) == nil)
        }
    }

    @Test("delimiter detected from the header line", arguments: [
        ("citizen;date;condition;level", UInt8(0x3B)), ("citizen,date,condition,level", 0x2C),
        ("citizen\tdate\tcondition\tlevel", 0x09), ("\"a;b\",c,d", 0x2C),
    ])
    func delimiter(header: String, expected: UInt8) {
        let bytes = Array((header + "\n1;2,3\t4\n").utf8)
        #expect(bytes.withUnsafeBufferPointer { CSVHeader.detectDelimiter($0.baseAddress!, $0.count) } == expected)
    }
}

@Suite("CSV line ends")
struct CSVLineEndTests {
    @Test("line ends counted eight bytes at a time equal a byte-by-byte count (LF, CRLF, lone CR)")
    func lineEnds() {
        var rng = SeededGenerator(seed: 3)
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x0D, 0x41, 0x3B, 0x42, 0x43]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet[rng.index(below: alphabet.count)] }
                var naive = 0
                for (i, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
                    naive += 1
                }
                let fast = bytes.withUnsafeBufferPointer { CSVScanner.lineEnds($0.baseAddress ?? emptyBytes, range: 0..<$0.count) }
                #expect(fast == naive, "length \(length)")
            }
        }
    }
}
