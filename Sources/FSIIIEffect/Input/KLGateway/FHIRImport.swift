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

    /// Reads an NDJSON buffer: batches of lines parsed and read on all
    /// cores, a window of batches at a time, merged in line order.
    private func readLines(_ buffer: UnsafeRawBufferPointer, reader: DeliveryReportReader, progress: ProgressMeter?,
                           _ merge: (KLGatewayDocument.Outcome) -> Void) {
        let document = NDJSONLines(buffer)
        let lines = Self.lines(buffer)
        let window = Self.batchLines * Parallel.workers * 8
        var position = 0
        while position < lines.count {
            let upper = min(lines.count, position + window)
            let starts = Array(stride(from: position, to: upper, by: Self.batchLines))
            let batches = Parallel.map(0..<starts.count) { (k: Int) -> [KLGatewayDocument.Outcome] in
                let batch: Range<Int> = starts[k]..<min(upper, starts[k] + Self.batchLines)
                return batch.map { (i: Int) -> KLGatewayDocument.Outcome in Self.read(lines[i], of: document, reader: reader) }
            }
            for batch in batches { batch.forEach(merge) }
            progress?.advance(bytes: lines[upper - 1].range.upperBound - lines[position].range.lowerBound, rows: upper - position)
            position = upper
        }
    }

    /// The non-blank lines of an NDJSON buffer with their line numbers, as
    /// `NDJSONLines` yields them, found with `memchr` (a 1 GB file has a
    /// million lines of a kilobyte each).
    static func lines(_ buffer: UnsafeRawBufferPointer) -> [NDJSONLines.Element] {
        guard let base = buffer.baseAddress else { return [] }
        let n = buffer.count
        var out: [NDJSONLines.Element] = []
        var position = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        var line = 0
        while position < n {
            line += 1
            let end = memchr(base + position, 0x0A, n - position).map { $0 - UnsafeMutableRawPointer(mutating: base) } ?? n
            var first = position
            while first < end && (buffer[first] == 0x20 || buffer[first] == 0x09 || buffer[first] == 0x0D) { first += 1 }
            if first < end {
                out.append((line: line, range: position..<(buffer[end - 1] == 0x0D ? end - 1 : end)))
            }
            position = end + 1
        }
        return out
    }

    /// Parses and reads one NDJSON line.
    private static func read(_ line: NDJSONLines.Element, of document: NDJSONLines, reader: DeliveryReportReader) -> KLGatewayDocument.Outcome {
        do {
            return KLGatewayDocument.read(try document.value(line), reader: reader, line: line.line)
        } catch {
            var outcome = KLGatewayDocument.Outcome()
            outcome.problems.append(reader.problem(error.line, "(line)", "invalid JSON at column \(error.column): \(error.message); the line is not read",
                                                   reason: "invalid JSON"))
            return outcome
        }
    }

    private static func firstLineIsJSON(_ buffer: UnsafeRawBufferPointer) -> Bool {
        let lines = NDJSONLines(buffer)
        guard let first = lines.first(where: { _ in true }) else { return false }
        return (try? lines.value(first))?.object != nil
    }
}
