import Foundation
import FSIIIBytes

/// Reads KL Gateway care delivery reports (SPEC §9) into the dataset.
///
/// One import spans all the `.json` / `.ndjson` inputs of a run: `read`
/// takes one file at a time (opened when its turn comes, released after)
/// and keeps only compact version records; `finish` orders every version by
/// when it is valid from and resolves them into assessment rows, § 83a
/// courses, cost rows and follow-ups, with the accounting of every resource
/// entry in `report[.fhir]`. An NDJSON file is parsed in batches of lines on
/// all cores, merged in line order.
struct FHIRImport {
    let terminology: Terminology
    let rates: ServiceRates
    private(set) var versions = ResourceVersions()
    /// Paths of the files read, for problems found when resolving.
    private(set) var files: [String] = []

    init(terminology: Terminology, pricing: Pricing) {
        self.terminology = terminology
        self.rates = ServiceRates(pricing)
    }

    /// Lines per batch of an NDJSON file read in parallel.
    static let batchLines = 32

    /// Reads one file of reports. Problems reject what they are about; the
    /// rest of the file still imports.
    mutating func read(_ source: InputSource, into dataset: inout Dataset, progress: ProgressMeter?) {
        guard let file = DatasetLoader.bytes(of: source, into: &dataset) else { return }
        let fileIndex = files.count
        files.append(source.path)
        if file.encoding == .windows1252 {
            dataset.report.problems.append(ImportProblem(file: source.path, line: 0, column: "(file)",
                message: "the file is not valid UTF-8 (as JSON must be); read as Windows-1252", reason: "encoding", severity: .warning))
        }
        let reader = DeliveryReportReader(terminology: terminology, rates: rates, path: source.path)
        let buffer = UnsafeRawBufferPointer(file.bytes)
        let lower = source.path.lowercased()
        var reports = 0
        let problemsBefore = dataset.report.problems.count
        func merge(_ outcome: KLGatewayDocument.Outcome) {
            dataset.report.problems.append(contentsOf: outcome.problems)
            for facts in outcome.reports {
                versions.merge(facts, file: fileIndex, into: &dataset)
                reports += 1
            }
        }
        if lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") {
            readLines(buffer, reader: reader, progress: progress, merge)
        } else if buffer.count > Self.maximumDocumentBytes {
            // Too large to hold as one tree; one report per line is still read.
            if Self.firstLineIsJSON(buffer) {
                readLines(buffer, reader: reader, progress: progress, merge)
            } else {
                dataset.report.problems.append(ImportProblem(file: source.path, line: 0, column: "(file)",
                    message: Self.tooLarge(buffer.count, what: "the file") + "; the file is not read", reason: "too large"))
                progress?.advance(bytes: file.fileSize)
            }
        } else {
            do {
                merge(KLGatewayDocument.read(try JSONParser.parse(buffer), reader: reader, line: 0))
                progress?.advance(bytes: file.fileSize, rows: 1)
            } catch let error where error.line > 1 && Self.firstLineIsJSON(buffer) {
                // Several documents, one per line, in a file named .json.
                readLines(buffer, reader: reader, progress: progress, merge)
            } catch {
                dataset.report.problems.append(ImportProblem(file: source.path, line: error.line, column: "(file)",
                    message: "invalid JSON at column \(error.column): \(error.message); the file is not read", reason: "invalid JSON"))
                progress?.advance(bytes: file.fileSize)
            }
        }
        if reports == 0 {
            // Nothing usable in the file: say so once when nothing else did.
            if dataset.report.problems.count == problemsBefore {
                dataset.report.problems.append(ImportProblem(file: source.path, line: 0, column: "(file)",
                    message: "the file holds no KL Gateway delivery reports", reason: "no rows", severity: .warning))
            }
            dataset.report.unreadableFiles += 1
        }
        dataset.report.files.append(FileSummary(path: source.path, kind: .fhir, encoding: FileEncoding(file.encoding), delimiter: nil,
                                                rows: reports, bytes: file.fileSize, unknownColumns: []))
    }

    /// The largest JSON document read as one tree — a `.json` file, or one
    /// line of an NDJSON file. A delivery report is tens of kilobytes; the
    /// limit leaves room for a large incremental delivery while bounding
    /// memory: a parsed document takes up to about 12 times its size (one
    /// 24-byte value per 2-byte `[]`), and NDJSON lines are parsed on
    /// `Parallel.workers` threads at once. A larger document is one problem;
    /// the rest of the input is still read.
    static let maximumDocumentBytes = 64 << 20

    /// `the line is 100.0 MB long; …`: the problem of a document over the limit.
    static func tooLarge(_ bytes: Int, what: String) -> String {
        let megabytes = (Double(bytes) / 100_000).rounded() / 10
        return "\(what) is \(megabytes) MB, more than the \(maximumDocumentBytes >> 20) MiB one JSON document may have; "
            + "write one delivery report per line (NDJSON) instead"
    }

    /// Reads an NDJSON buffer: batches of lines parsed and read on all
    /// cores, a window of batches at a time, merged in line order. Lines
    /// are found one window ahead, so memory beyond the file is one
    /// window's outcomes, whatever the number of lines.
    private func readLines(_ buffer: UnsafeRawBufferPointer, reader: DeliveryReportReader, progress: ProgressMeter?,
                           _ merge: (KLGatewayDocument.Outcome) -> Void) {
        let window = Self.batchLines * Parallel.workers * 8
        var cursor = LineCursor(buffer)
        var lines: [NDJSONLines.Element] = []
        lines.reserveCapacity(window)
        while true {
            lines.removeAll(keepingCapacity: true)
            while lines.count < window, let line = cursor.next() { lines.append(line) }
            guard let first = lines.first, let last = lines.last else { break }
            let starts = Array(stride(from: 0, to: lines.count, by: Self.batchLines))
            let batches = Parallel.map(0..<starts.count) { (k: Int) -> [KLGatewayDocument.Outcome] in
                let batch: Range<Int> = starts[k]..<min(lines.count, starts[k] + Self.batchLines)
                return batch.map { (i: Int) -> KLGatewayDocument.Outcome in Self.read(lines[i], of: buffer, reader: reader) }
            }
            for batch in batches { batch.forEach(merge) }
            progress?.advance(bytes: last.range.upperBound - first.range.lowerBound, rows: lines.count)
        }
    }

    /// The non-blank lines of an NDJSON buffer with their line numbers, as
    /// `NDJSONLines` yields them, found with `memchr` (a 1 GB file has a
    /// million lines of a kilobyte each).
    struct LineCursor {
        let buffer: UnsafeRawBufferPointer
        var position: Int
        var line = 0

        init(_ buffer: UnsafeRawBufferPointer) {
            self.buffer = buffer
            position = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        }

        mutating func next() -> NDJSONLines.Element? {
            guard let base = buffer.baseAddress else { return nil }
            let n = buffer.count
            while position < n {
                line += 1
                let end = memchr(base + position, 0x0A, n - position).map { $0 - UnsafeMutableRawPointer(mutating: base) } ?? n
                var first = position
                while first < end && (buffer[first] == 0x20 || buffer[first] == 0x09 || buffer[first] == 0x0D) { first += 1 }
                let start = position
                position = end + 1
                if first < end {
                    return (line: line, range: start..<(buffer[end - 1] == 0x0D ? end - 1 : end))
                }
            }
            return nil
        }
    }

    /// Parses and reads one NDJSON line; a line over `maximumDocumentBytes`
    /// is one problem, not parsed.
    private static func read(_ line: NDJSONLines.Element, of buffer: UnsafeRawBufferPointer, reader: DeliveryReportReader) -> KLGatewayDocument.Outcome {
        guard line.range.count <= maximumDocumentBytes else {
            var outcome = KLGatewayDocument.Outcome()
            outcome.problems.append(reader.problem(line.line, "(line)", tooLarge(line.range.count, what: "the line") + "; the line is not read",
                                                   reason: "too large"))
            return outcome
        }
        do {
            return KLGatewayDocument.read(try JSONParser.parse(UnsafeRawBufferPointer(rebasing: buffer[line.range])), reader: reader, line: line.line)
        } catch {
            // The line is the file's; a column only when the error is before
            // any lone CR inside the line (JSON counts it as a line end).
            let at = error.line == 1 ? " at column \(error.column)" : ""
            var outcome = KLGatewayDocument.Outcome()
            outcome.problems.append(reader.problem(line.line, "(line)", "invalid JSON\(at): \(error.message); the line is not read",
                                                   reason: "invalid JSON"))
            return outcome
        }
    }

    /// Whether the first non-blank line is a JSON object by itself (and
    /// within `maximumDocumentBytes`): then the file is NDJSON whatever its name.
    private static func firstLineIsJSON(_ buffer: UnsafeRawBufferPointer) -> Bool {
        var cursor = LineCursor(buffer)
        guard let first = cursor.next(), first.range.count <= maximumDocumentBytes else { return false }
        return (try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: buffer[first.range])))?.object != nil
    }
}
