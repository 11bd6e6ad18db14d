import Foundation
import Synchronization
import FSIIIBytes

/// Receives the records of one chunk of a CSV file. Each chunk has its own
/// sink, so chunks parse on both cores without sharing state.
protocol CSVRowSink {
    /// A record with as many fields as the header (`line` is chunk-relative).
    mutating func consume(_ record: CSVRecordCursor, line: Int)
    /// A record that could not be split into fields (chunk-relative line).
    mutating func reject(line: Int, column: String, message: String, reason: String, cells: [String])
    var problems: [ImportProblem] { get set }
    var rowsRead: Int { get set }
    /// Frees what the sink allocated by hand, once it is no longer needed.
    func release()
}

extension CSVRowSink {
    func release() {}
}

/// A CSV file opened for reading: its delimiter, header and body.
struct CSVLayout {
    let path: String
    let delimiter: UInt8
    let header: CSVHeader
    /// Byte range of the records after the header line.
    let body: Range<Int>
    /// Physical line number of the body's first byte.
    let bodyFirstLine: Int

    var delimiterName: String {
        switch delimiter {
        case 0x3B: return ";"
        case 0x09: return "tab"
        default: return ","
        }
    }

    /// Numbers may use a decimal comma unless `,` is the delimiter (SPEC §11).
    var commaIsDecimal: Bool { delimiter != 0x2C }
}

/// Why a whole file could not be read.
public struct InputFailure: Error, Sendable, CustomStringConvertible {
    /// The input as shown (CPR-shaped numbers masked).
    public package(set) var path: String
    /// The line the failure is at; 0 for the whole file.
    public package(set) var line: Int
    /// What is wrong.
    public package(set) var message: String
    /// `path:line: message`, made safe as `ImportProblem` makes its text (SPEC §10, `Echo`).
    public var description: String {
        let place = Echo.text(path)
        return line > 0 ? "\(place):\(line): \(Echo.message(message))" : "\(place): \(Echo.message(message))"
    }
}

/// Reads a CSV file in parallel chunks: finds the header and delimiter, cuts
/// the body at record boundaries, scans each chunk into its own sink and
/// fixes line numbers afterwards.
enum CSVTableReader {
    /// Parses the header line and matches it against `columns`.
    static func open(_ file: FileBytes, path: String, columns: [ColumnSpec]) throws(InputFailure) -> CSVLayout {
        let buffer = file.bytes
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            throw InputFailure(path: path, line: 0, message: "the file is empty; expected a header line such as \(columns.filter(\.required).map(\.name).joined(separator: ";"))")
        }
        // Skip blank lines before the header.
        var start = 0
        var line = 1
        while start < buffer.count && (base[start] == 0x0A || base[start] == 0x0D) {
            if base[start] == 0x0A || !(start + 1 < buffer.count && base[start + 1] == 0x0A) { line += 1 }
            start += 1
        }
        guard start < buffer.count else {
            throw InputFailure(path: path, line: 0, message: "the file has no header line (only blank lines)")
        }
        if memchr(base + start, 0, min(buffer.count - start, 4096)) != nil {
            throw InputFailure(path: path, line: line, message: "this is not a text file (it contains NUL bytes); export the data as CSV")
        }
        // Only a header's worth of bytes is looked at: a longer first line is refused below.
        guard let delimiter = CSVHeader.detectDelimiter(base + start, min(buffer.count - start, CSVLimits.headerBytes + 1)) else {
            let requiredNames = columns.filter(\.required).map(\.name)
            throw InputFailure(path: path, line: line, message: "the header line has no ';', ',' or tab delimiter; expected columns such as \(requiredNames.joined(separator: ";"))")
        }
        var scanner = CSVScanner(base: base, range: start..<buffer.count, delimiter: delimiter, firstLine: line)
        let cursor = CSVRecordCursor(base: base)
        let headerLine: Int
        switch scanner.next(cursor.fields) {
        case .record(let l): headerLine = l
        case .unterminatedQuote(let l):
            throw InputFailure(path: path, line: l, message: "the header line has an unterminated quote")
        case .end:
            throw InputFailure(path: path, line: 0, message: "the file has no header line")
        }
        if cursor.fields.overflowed {
            throw InputFailure(path: path, line: headerLine, message: "the header line has more than \(CSVLimits.columns) columns, the most a file may have; is this the right file, and its first line the header?")
        }
        if scanner.position - start > CSVLimits.headerBytes {
            throw InputFailure(path: path, line: headerLine, message: "the header line is longer than \(CSVLimits.headerBytes) bytes (64 KiB), the most it may be; is its first line the header, and are its quotes closed?")
        }
        // Empty cells at the end of the header (a trailing delimiter) name no
        // column: rows are read with or without the empty fields they stand for.
        var cells = cursor.strings
        while cells.count > 1, let last = cells.last, last.trimmingCharacters(in: .whitespaces).isEmpty { cells.removeLast() }
        let header: CSVHeader
        do {
            header = try CSVHeader(cells: cells, columns: columns)
        } catch {
            throw InputFailure(path: path, line: headerLine, message: error.message)
        }
        return CSVLayout(path: path, delimiter: delimiter, header: header,
                         body: scanner.position..<buffer.count, bodyFirstLine: scanner.line)
    }

    /// How a body is cut into chunks: record-boundary offsets, and for each
    /// chunk an upper bound of its records (its line ends, plus one), so
    /// rows can be written straight into preallocated columns.
    struct Plan {
        let cuts: [Int]
        let recordBounds: [Int]
        var chunks: Int { cuts.count - 1 }
    }

    /// Cuts the body into about `workers × 8` chunks (one for small files).
    static func plan(_ file: FileBytes, layout: CSVLayout) -> Plan {
        guard let base = file.bytes.baseAddress, !layout.body.isEmpty else { return Plan(cuts: [], recordBounds: []) }
        let wanted = layout.body.count < (4 << 20) ? 1 : Parallel.workers * 8
        if wanted > 1, let census = file.census, !census.hasQuote {
            return plan(base, body: layout.body, census: census, parts: wanted)
        }
        let cuts = CSVScanner.recordBoundaries(base, range: layout.body, delimiter: layout.delimiter, parts: wanted, release: file.release)
            ?? [layout.body.lowerBound, layout.body.upperBound]
        // Counted in 4 MB steps whose pages are handed back at once: the plan
        // must not make the whole file resident before the scan starts.
        let bounds = Parallel.map(0..<(cuts.count - 1)) { k in
            var lines = 1
            var start = cuts[k]
            while start < cuts[k + 1] {
                let end = min(cuts[k + 1], start + (4 << 20))
                lines += CSVScanner.lineEnds(base, range: start..<end)
                file.release(start..<end)
                start = end
            }
            return lines
        }
        return Plan(cuts: cuts, recordBounds: bounds)
    }

    /// A plan for a large file opened without its encoding pass: cuts just
    /// after the line ends nearest `workers × 8` equal parts (true record
    /// boundaries unless a quoted field holds a line break there, which
    /// `readSpeculatively` finds out), and each chunk's records estimated
    /// from the line ends in 64 KB of its middle, with 5 % to spare (a
    /// chunk's rows beyond its estimate are kept on the side, in order).
    /// Nil for a body under 4 MB, which is read the plain way.
    static func speculativePlan(_ file: FileBytes, layout: CSVLayout) -> Plan? {
        let body = layout.body
        guard let base = file.bytes.baseAddress, body.count >= 4 << 20 else { return nil }
        let parts = Parallel.workers * 8
        var cuts = [body.lowerBound]
        for k in 1..<parts {
            let last = cuts[cuts.count - 1]
            let cut = CSVScanner.endOfLine(base, from: max(body.lowerBound + body.count / parts * k, last), limit: body.upperBound)
            if cut > last && cut < body.upperBound { cuts.append(cut) }
        }
        cuts.append(body.upperBound)
        let bounds = (0..<(cuts.count - 1)).map { k -> Int in
            let size = cuts[k + 1] - cuts[k]
            let sample = min(size, 64 << 10)
            let from = cuts[k] + (size - sample) / 2
            let lines = CSVScanner.lineEnds(base, range: from..<(from + sample))
            let perLine = Double(sample) / Double(max(lines, 1))
            return Int(Double(size) / perLine * 1.05) + 64
        }
        return Plan(cuts: cuts, recordBounds: bounds)
    }

    /// The plan of a quote-free file from its census: chunks of whole
    /// census blocks, each cut moved to just after a line end (without
    /// quotes every line end ends a record); a chunk's records are at most
    /// the line ends of the blocks it touches, plus one.
    private static func plan(_ base: UnsafePointer<UInt8>, body: Range<Int>, census: FileBytes.Census, parts: Int) -> Plan {
        /// The block holding offset `x`.
        func block(_ x: Int) -> Int {
            var lo = 0, hi = census.lineEnds.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if census.cuts[mid] <= x { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        let first = block(body.lowerBound), blocks = census.lineEnds.count
        var cuts = [body.lowerBound]
        for k in 1..<parts {
            let target = census.cuts[first + (blocks - first) * k / parts]
            let last = cuts[cuts.count - 1]
            let cut = CSVScanner.endOfLine(base, from: max(target, last), limit: body.upperBound)
            if cut > last && cut < body.upperBound { cuts.append(cut) }
        }
        cuts.append(body.upperBound)
        let bounds = (0..<(cuts.count - 1)).map { k in
            census.lineEnds[block(cuts[k])...block(cuts[k + 1] - 1)].reduce(1, +)
        }
        return Plan(cuts: cuts, recordBounds: bounds)
    }

    /// Scans the body into one sink per chunk, in file order, with problem
    /// lines made absolute. Chunks run concurrently when the file is large;
    /// each chunk's pages are handed back to the system once it is read, so
    /// a large file is never resident all at once.
    static func read<Sink: CSVRowSink>(_ file: FileBytes, layout: CSVLayout, plan given: Plan? = nil, progress: ProgressMeter? = nil,
                                       makeSink: (Int) -> Sink) -> [Sink] {
        guard !layout.body.isEmpty else { return [] }
        return scan(file, layout: layout, plan: given ?? self.plan(file, layout: layout), speculative: false, progress: progress, makeSink: makeSink).sinks
    }

    /// `read` on the assumptions of a `speculativePlan` over a file opened
    /// without its encoding pass, checking them as it goes: every byte is
    /// UTF-8 (the header's bytes are the caller's to check), and every cut
    /// is a record boundary (no chunk but the last ends inside a quoted
    /// field). Nil as soon as one fails — the other chunks stop early, their
    /// sinks are released and the progress they showed is taken back — and
    /// the caller then reads the file again, checked.
    static func readSpeculatively<Sink: CSVRowSink>(_ file: FileBytes, layout: CSVLayout, plan: Plan, progress: ProgressMeter? = nil,
                                                    makeSink: (Int) -> Sink) -> [Sink]? {
        let (sinks, holds) = scan(file, layout: layout, plan: plan, speculative: true, progress: progress, makeSink: makeSink)
        if !holds { for sink in sinks { sink.release() } }
        return holds ? sinks : nil
    }

    /// `readSpeculatively` over a `speculativePlan` when `speculative`, else
    /// `read` (which never fails).
    static func read<Sink: CSVRowSink>(_ file: FileBytes, layout: CSVLayout, plan: Plan, speculative: Bool, progress: ProgressMeter?,
                                       makeSink: (Int) -> Sink) -> [Sink]? {
        speculative
            ? readSpeculatively(file, layout: layout, plan: plan, progress: progress, makeSink: makeSink)
            : read(file, layout: layout, plan: plan, progress: progress, makeSink: makeSink)
    }

    private static func scan<Sink: CSVRowSink>(_ file: FileBytes, layout: CSVLayout, plan: Plan, speculative: Bool, progress: ProgressMeter?,
                                               makeSink: (Int) -> Sink) -> (sinks: [Sink], holds: Bool) {
        guard let base = file.bytes.baseAddress, !layout.body.isEmpty else { return ([], true) }
        let cuts = plan.cuts
        let pieces = plan.chunks
        let fieldCount = layout.header.fieldCount
        let failed = Atomic<Bool>(false)
        // Each chunk's sink, lines, and the bytes and rows it showed as progress.
        let results: [(Sink, Int, Int, Int)] = Parallel.map(0..<pieces) { k in
            var sink = makeSink(k)
            var scanner = CSVScanner(base: base, range: cuts[k]..<cuts[k + 1], delimiter: layout.delimiter, firstLine: 0)
            let cursor = CSVRecordCursor(base: base)
            let fields = cursor.fields
            var lastReported = cuts[k]
            var rowsReported = 0
            // A speculative read checks the chunk's bytes as UTF-8 ahead of
            // the scanner, in blocks of about 64 KB that end before an ASCII
            // byte (so no character is split); bytes before `checked` are UTF-8.
            var checked = cuts[k]
            // A chunk that stops because the speculation failed: what it showed as progress.
            func abandoned() -> (Sink, Int, Int, Int) { (sink, 0, lastReported - cuts[k], rowsReported) }
            if speculative && failed.load(ordering: .relaxed) { return abandoned() }
            loop: while true {
                let outcome = scanner.next(fields)
                if speculative && scanner.position > checked {
                    var end = min(cuts[k + 1], max(scanner.position, checked + (64 << 10)))
                    while end < cuts[k + 1] && base[end] >= 0x80 { end += 1 }
                    guard TextEncoding.isValidUTF8Text(base + checked, end - checked) else {
                        failed.store(true, ordering: .relaxed)
                        return abandoned()
                    }
                    checked = end
                }
                switch outcome {
                case .end:
                    break loop
                case .unterminatedQuote(let line):
                    if speculative && k < pieces - 1 {
                        // The cut after this chunk may be inside a quoted field.
                        failed.store(true, ordering: .relaxed)
                        return abandoned()
                    }
                    sink.rowsRead += 1
                    sink.reject(line: line, column: "(row)", message: "a quoted field is never closed; the quote opened on this line runs to the end of the file — close it or remove the stray quote",
                                reason: "unterminated quote", cells: [])
                case .record(let line):
                    sink.rowsRead += 1
                    if cursor.fields.count != fieldCount && (fields.overflowed || !trailingFieldsEmpty(cursor, fieldCount)) {
                        let d = layout.delimiterName
                        let hint = cursor.fields.count > fieldCount
                            ? "; a value containing '\(d)' must be quoted"
                            : "; check for a missing '\(d)'"
                        let counted = fields.overflowed ? "more than \(CSVLimits.columns)" : "\(cursor.fields.count)"
                        sink.reject(line: line, column: "(row)", message: "the row has \(counted) fields, the header has \(fieldCount)\(hint)",
                                    reason: "wrong number of fields", cells: fields.overflowed ? [] : cursor.strings)
                    } else if let long = cursor.longField {
                        let name = long < layout.header.names.count ? layout.header.names[long] : "field \(long + 1)"
                        let length = cursor.length(ofField: long)
                        sink.reject(line: line, column: name.shown,
                                    message: "the field has \(length) bytes, more than the limit of \(CSVLimits.fieldBytes) (64 KiB); check for a stray quote that runs on over many lines",
                                    reason: "field too long", cells: cursor.strings)
                    } else if let bad = cursor.malformedQuoteField {
                        let name = bad < layout.header.names.count ? layout.header.names[bad] : "field \(bad + 1)"
                        sink.reject(line: line, column: name, message: "text follows the closing quote; quote the whole value and double any quote inside it",
                                    reason: "malformed quotes", cells: cursor.strings)
                    } else {
                        sink.consume(cursor, line: line)
                    }
                }
                if scanner.position - lastReported >= 1 << 22 {
                    if speculative && failed.load(ordering: .relaxed) { return abandoned() }
                    progress?.advance(bytes: scanner.position - lastReported, rows: sink.rowsRead - rowsReported)
                    file.discard(lastReported..<scanner.position)
                    lastReported = scanner.position
                    rowsReported = sink.rowsRead
                }
            }
            progress?.advance(bytes: cuts[k + 1] - lastReported, rows: sink.rowsRead - rowsReported)
            file.discard(lastReported..<cuts[k + 1])
            return (sink, scanner.line, cuts[k + 1] - cuts[k], sink.rowsRead)
        }
        if failed.load(ordering: .relaxed) {
            progress?.advance(bytes: -results.reduce(0) { $0 + $1.2 }, rows: -results.reduce(0) { $0 + $1.3 })
            return (results.map(\.0), false)
        }
        // Line numbers: chunk k starts after the lines of the chunks before it.
        var sinks: [Sink] = []
        sinks.reserveCapacity(pieces)
        var offset = layout.bodyFirstLine
        for (sink, lines, _, _) in results {
            var s = sink
            if offset != 0 { for i in s.problems.indices { s.problems[i].line += offset } }
            offset += lines
            sinks.append(s)
        }
        return (sinks, true)
    }

    /// A row with more fields than the header whose extra fields are all
    /// empty (a trailing delimiter, as some exports write) is accepted.
    private static func trailingFieldsEmpty(_ cursor: CSVRecordCursor, _ fieldCount: Int) -> Bool {
        guard cursor.fields.count > fieldCount else { return false }
        for i in fieldCount..<cursor.fields.count where !cursor.isEmpty(i) { return false }
        return true
    }
}
