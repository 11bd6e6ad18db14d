import FSIIIBytes

/// Counts the records and fields of a CSV file with the import's scanner,
/// without resolving anything: the raw speed of the byte-level reader
/// (what `fsiii-bench` reports as "scan").
package enum CSVFileStatistics {
    package struct Counts: Sendable {
        package var records = 0
        package var fields = 0
        package var bytes = 0

        package init(records: Int = 0, fields: Int = 0, bytes: Int = 0) {
            self.records = records
            self.fields = fields
            self.bytes = bytes
        }
    }

    /// Scans `path` on both cores; throws when it cannot be read.
    package static func scan(path: String) throws(InputFailure) -> Counts {
        let file: FileBytes
        do {
            file = try FileBytes(path: path, shownPath: Redaction.mask(path))
        } catch {
            throw InputFailure(path: path, line: 0, message: error.reason)
        }
        guard let base = file.bytes.baseAddress, file.bytes.count > 0,
              let delimiter = CSVHeader.detectDelimiter(base, file.bytes.count) else { return Counts(bytes: file.fileSize) }
        let n = file.bytes.count
        let cuts = CSVScanner.recordBoundaries(base, range: 0..<n, delimiter: delimiter, parts: Parallel.workers * 8) ?? [0, n]
        let parts = Parallel.map(0..<(cuts.count - 1)) { k -> Counts in
            var scanner = CSVScanner(base: base, range: cuts[k]..<cuts[k + 1], delimiter: delimiter)
            let fields = CSVFields()
            var c = Counts()
            while true {
                switch scanner.next(fields) {
                case .end: return c
                case .record, .unterminatedQuote:
                    c.records += 1
                    c.fields += fields.count
                }
            }
        }
        var total = Counts(bytes: file.fileSize)
        for p in parts {
            total.records += p.records
            total.fields += p.fields
        }
        return total
    }
}
