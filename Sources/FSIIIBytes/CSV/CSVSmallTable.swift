/// A small CSV file (a crosswalk, a lookup table) read whole into strings:
/// the import's own scanner and delimiter detection, so quotes, CRLF and
/// `;` / `,` / tab behave as in every other input, with each record's
/// physical line for messages. Not for the hot path: one `String` per field.
package struct CSVSmallTable: Sendable {
    /// One record: its physical line and its trimmed fields.
    package struct Record: Sendable {
        package let line: Int
        package let fields: [String]
    }

    /// The records, header first; empty for an empty file.
    package let records: [Record]
    /// Lines holding a quoted field that never closes.
    package let unterminatedQuoteLines: [Int]

    /// The records of `bytes`; the delimiter is detected from the first line.
    package init(_ bytes: FileBytes) {
        var records: [Record] = []
        var bad: [Int] = []
        if let base = bytes.bytes.baseAddress, bytes.bytes.count > 0 {
            let n = bytes.bytes.count
            let delimiter = CSVHeader.detectDelimiter(base, n) ?? UInt8(ascii: ";")
            var scanner = CSVScanner(base: base, range: 0..<n, delimiter: delimiter)
            let cursor = CSVRecordCursor(base: base)
            loop: while true {
                switch scanner.next(cursor.fields) {
                case .end: break loop
                case .unterminatedQuote(let line): bad.append(line)
                case .record(let line):
                    let fields = (0..<cursor.count).map { cursor.field($0).string }
                    if fields.allSatisfy(\.isEmpty) { continue }
                    records.append(Record(line: line, fields: fields))
                }
            }
        }
        self.records = records
        self.unterminatedQuoteLines = bad
    }
}
