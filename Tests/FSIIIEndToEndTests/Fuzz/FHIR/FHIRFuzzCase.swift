import Foundation
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

/// One case of the FHIR fuzz test, made from its seed alone: one to three
/// KL Gateway files (`.ndjson` lines or a `.json` document) of mutated
/// reports, sometimes with a valid CSV file beside them, imported in
/// process (from memory, or from a folder on disk) and reported in every
/// format. `check` lists what went wrong: no crash is the test itself.
struct FHIRFuzzCase {
    struct File {
        var name: String
        var bytes: [UInt8]
        /// `.json` / `.ndjson` by name; `.jsonl` is given as `--fhir FILE`
        /// (a folder search does not take it).
        var kind: InputKind { InputDiscovery.kind(ofFileNamed: name) ?? .fhir }
        var isFHIR: Bool { kind == .fhir }
    }

    let seed: UInt64
    var files: [File] = []
    /// CPR-shaped values put into the inputs, normalised to ten digits.
    var cprs = Set<String>()
    var throughDisk = false
    var options = ReportOptions()
    var language = Language.da
    var dialect = CSVDialect.standard
    var hourlyRate: Double?

    /// The inputs of case `seed`; `hugeStringBytes` bounds the huge strings.
    init(seed: UInt64, hugeStringBytes: Int = 2 << 20) {
        self.seed = seed
        var m = FHIRMutator(seed: seed)
        m.hugeStringBytes = hugeStringBytes
        let corpus = FHIRFuzzCorpus.documents
        func document(_ m: inout FHIRMutator) -> JSONValue {
            let seedDoc = m.chance(0.7) ? m.pick(FHIRFuzzCorpus.generated) : m.pick(FHIRFuzzCorpus.handMade)
            return m.chance(0.85) ? m.mutate(seedDoc, count: 1 + m.below(4), pool: corpus) : seedDoc
        }
        for k in 0..<(1 + m.below(3)) {
            if m.chance(0.6) {
                var text: [UInt8] = []
                let separator: [UInt8] = m.pick([[0x0A], [0x0A], [0x0D, 0x0A], [0x0A, 0x0A], [0x0A, 0x20, 0x09, 0x0A]])
                for line in 0..<(1 + m.below(12)) {
                    var bytes = m.serialize(document(&m), pretty: false)
                    if m.chance(0.12) { m.damage(&bytes) }
                    if line > 0 { text += separator }
                    text += bytes
                }
                if m.chance(0.7) { text += [0x0A] }
                files.append(File(name: "reports-\(k)." + m.pick(["ndjson", "ndjson", "jsonl", "NDJSON"]), bytes: text))
            } else {
                var doc = document(&m)
                if m.chance(0.2) { doc = KLFixture.incremental((0..<(1 + m.below(4))).map { _ in document(&m) }) }
                var bytes = m.serialize(doc, pretty: m.chance(0.5))
                if m.chance(0.15) { m.damage(&bytes) }
                files.append(File(name: "report-\(k)." + m.pick(["json", "json", "JSON"]), bytes: bytes))
            }
        }
        if m.chance(0.1) {
            files.append(File(name: "assessments.csv", bytes: Array("citizen;date;condition;level;team\n1502671234;2024-02-01;Vaske sig;4;Hold Øst\n".utf8)))
        }
        if m.chance(0.2) { files.append(File(name: "rates.csv", bytes: Array("service;rate\nRengøring;420\nRH Mobilitet;510\n".utf8))) }
        throughDisk = m.chance(0.15)
        options.grouping = m.pick(Grouping.allCases)
        options.minCell = m.below(6)
        options.comparison.enabled = m.chance(0.3)
        options.comparison.bootstrap = m.below(30)
        language = m.pick(Language.allCases)
        dialect = m.pick([.standard, .excelDA])
        hourlyRate = m.chance(0.7) ? 400 : nil
        // The options of issues 18–21, from a stream of their own (so each
        // seed's documents are what they were before these were fuzzed).
        var later = CSVFuzzCase.laterOptionsStream(seed)
        CSVFuzzCase.drawLaterOptions(&options, matched: later.chance(25), seed: seed, &later)
        for file in files { cprs.formUnion(FHIRFuzzCase.cprRuns(in: String(decoding: file.bytes, as: UTF8.self))) }
        // A CPR written with JSON escapes shows only once decoded.
        for file in files where file.isFHIR {
            for text in FHIRFuzzCase.decodedStrings(file.bytes) { cprs.formUnion(FHIRFuzzCase.cprRuns(in: text)) }
        }
    }

    /// What a run produced: the import accounting and every text written.
    struct Run {
        var imports: ImportReport
        var outputs: [(name: String, text: String)]
        var seconds: Double
    }

    static let pseudonymizer: Pseudonymizer? = (try? PseudonymKey(bytes: Array("a fuzzing key of more than sixteen bytes".utf8))).map(Pseudonymizer.init)

    /// Imports and reports the case in process, as `fsiii report`,
    /// `fsiii courses` and `--rejects` would.
    func run() throws -> Run {
        let start = Date()
        let dataset: Dataset
        if throughDisk {
            let folder = try Fixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            for file in files { try Data(file.bytes).write(to: folder.appendingPathComponent(file.name)) }
            let named = files.allSatisfy { InputDiscovery.kind(ofFileNamed: $0.name) != nil }
            let inputs = named ? [InputPath(folder.path)] : files.map { InputPath(folder.appendingPathComponent($0.name).path, kind: $0.kind) }
            dataset = try DatasetLoader.load(inputs, options: ImportOptions(hourlyRate: hourlyRate))
        } else {
            let sources = files.map { InputSource(path: $0.name, kind: $0.kind, bytes: FileBytes(utf8: $0.bytes)) }
            dataset = DatasetLoader.load(sources, options: ImportOptions(hourlyRate: hourlyRate))
        }
        var outputs: [(String, String)] = []
        outputs.append(("problems", dataset.report.problems.map(\.description).joined(separator: "\n")))
        outputs.append(("accounting", InputKind.allCases.map { "\($0.rawValue): \(dataset.report[$0].identity)" }.joined(separator: "\n")))
        outputs.append(("rejects", RejectsFile.write(dataset.report, pseudonymizer: nil, dialect: dialect)))
        outputs.append(("rejects-pseudonyms", RejectsFile.write(dataset.report, pseudonymizer: Self.pseudonymizer)))
        var options = self.options
        if dataset.courses.isEmpty, let period = dataset.period { options.window = period }
        let report = EffectReporter.report(dataset, options: options)
        outputs.append(("table", ReportTable.write(report, language: language)))
        outputs.append(("csv", ReportCSV.write(report, dialect: dialect)))
        outputs.append(("json", ReportJSON.write(report)))
        outputs.append(("html", HTMLReport.write(report, terminology: dataset.terminology, language: language)))
        if let pseudonymizer = Self.pseudonymizer {
            outputs.append(("courses.csv", CourseExport.csv(report, dataset: dataset, pseudonymizer: pseudonymizer, dialect: dialect)))
            outputs.append(("courses.json", CourseExport.json(report, dataset: dataset, pseudonymizer: pseudonymizer)))
        }
        outputs += try CSVFuzzCase.workbookTexts(report, dataset: dataset, pseudonymizer: Self.pseudonymizer, language: language)
        if let comparison = report.costComparison {
            outputs.append(("comparison.json", JSONWriter().write(CostComparisonJSON.value(comparison, grid: WTPGrid.standard.values))))
            outputs.append(("comparison", CostComparisonTable.write(comparison, language: language, minCell: options.minCell)))
            outputs.append(("ceac.csv", AcceptabilityCurveCSV.write(comparison, grid: WTPGrid.standard.values, dialect: dialect)))
        }
        return Run(imports: dataset.report, outputs: outputs, seconds: Date().timeIntervalSince(start))
    }

    /// Everything wrong with a run: accounting that does not hold, entries
    /// lost or counted twice, problems that do not say where they are or
    /// name an identifier, a CPR number of the inputs in any output.
    func check(_ run: Run) -> [String] {
        var failures: [String] = []
        for kind in InputKind.allCases where !run.imports[kind].balances {
            failures.append("\(kind.rawValue) does not balance: \(run.imports[kind].identity)")
        }
        let expected = expectedEntries()
        if run.imports[.fhir].read != expected {
            failures.append("fhir read \(run.imports[.fhir].read) entries, but the inputs hold \(expected) entries of delivery reports")
        }
        let names = Set(files.map(\.name))
        for p in run.imports.problems {
            if !names.contains(where: { p.file.hasSuffix($0) }) { failures.append("problem of an unknown file: \(p.description.prefix(200))") }
            if p.message.isEmpty { failures.append("problem without a message: \(p.description.prefix(200))") }
            guard files.contains(where: { $0.isFHIR && p.file.hasSuffix($0.name) }) else { continue }
            // The one warning per kind of CPR-shaped name is about a column of names, not a place.
            let nameWarning = p.reason == CPRShapedNameWarnings.reason && ["team", "municipality", "service"].contains(p.column)
            if !nameWarning && !Self.isPlace(p.column) { failures.append("a KL Gateway problem's place is not a position: \(p.column.prefix(200))") }
            if p.line < 0 || p.line > lineCount(of: p.file) { failures.append("line \(p.line) is not a line of the file: \(p.description.prefix(200))") }
            if p.description.utf8.count > 2_000 { failures.append("a problem of \(p.description.utf8.count) bytes: \(p.description.prefix(200))…") }
        }
        for (name, text) in run.outputs {
            let leaked = Self.cprRuns(in: text).intersection(cprs)
            if !leaked.isEmpty { failures.append("\(name) holds \(leaked.count) CPR number(s) of the inputs") }
        }
        if run.seconds > 20 { failures.append("the run took \(run.seconds) s") }
        return failures
    }

    /// `(file)`, `(line)`, `Bundle`, `report 2 (Bundle)`, `entry 3`,
    /// `entry 3 (Condition)`, `report 2, entry 3 (Condition)`.
    static func isPlace(_ column: String) -> Bool {
        column.wholeMatch(of: /\(file\)|\(line\)|Bundle|report [0-9]+ \(Bundle\)|(report [0-9]+, )?entry [0-9]+( \([A-Za-z][A-Za-z0-9]*\))?/) != nil
    }

    func lineCount(of path: String) -> Int {
        // JSON errors count a lone CR as a line end too: LF and CR both counted.
        guard let file = files.first(where: { path.hasSuffix($0.name) }) else { return 0 }
        return file.bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    }

    /// The resource entries of the delivery reports in the inputs, found
    /// without the import: each document parsed on its own (a line of an
    /// NDJSON file; a `.json` file whole, or by lines when it holds one
    /// document per line), the entries of every delivery report counted.
    func expectedEntries() -> Int {
        var total = 0
        for file in files where file.isFHIR {
            let bytes = FileBytes(utf8: file.bytes)
            let buffer = UnsafeRawBufferPointer(bytes.bytes)
            let lower = file.name.lowercased()
            func lines() -> Int {
                NDJSONLines(buffer).reduce(0) { sum, line in
                    guard line.range.count <= FHIRImport.maximumDocumentBytes,
                          let value = try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: buffer[line.range])) else { return sum }
                    return sum + Self.entries(of: value)
                }
            }
            func firstLineIsObject() -> Bool {
                var first = NDJSONLines(buffer).makeIterator()
                guard let line = first.next(), line.range.count <= FHIRImport.maximumDocumentBytes else { return false }
                return (try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: buffer[line.range])))?.object != nil
            }
            if lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") {
                total += lines()
            } else if buffer.count > FHIRImport.maximumDocumentBytes {
                if firstLineIsObject() { total += lines() }
            } else {
                do {
                    total += Self.entries(of: try JSONParser.parse(buffer))
                } catch where error.line > 1 {
                    if firstLineIsObject() { total += lines() }
                } catch {}
            }
        }
        return total
    }

    static func entries(of document: JSONValue) -> Int {
        switch KLGatewayDocument.kind(of: document) {
        case .success(.report):
            return document["entry"]?.array?.count ?? 0
        case .success(.incremental):
            return (document["entry"]?.array ?? []).reduce(0) { sum, entry in
                guard let report = entry["resource"], case .success(.report) = KLGatewayDocument.kind(of: report) else { return sum }
                return sum + (report["entry"]?.array?.count ?? 0)
            }
        case .failure:
            return 0
        }
    }

    /// CPR-shaped runs in a text — ten digits, or `DDMMYY-XXXX`, with no
    /// digit just before or after — normalised to ten digits. Bounded, so a
    /// long number in a report (a figure's digits) is not mistaken for one.
    static func cprRuns(in text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        var found = Set<String>()
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        var i = 0
        while i < bytes.count {
            guard isDigit(i), !isDigit(i - 1) else { i += 1; continue }
            var j = i
            while isDigit(j) { j += 1 }
            if j - i == 10 {
                found.insert(String(decoding: bytes[i..<j], as: UTF8.self))
            } else if j - i == 6, j + 4 < bytes.count, bytes[j] == 0x2D, (j + 1...j + 4).allSatisfy(isDigit), !isDigit(j + 5) {
                found.insert(String(decoding: bytes[i..<j] + bytes[(j + 1)...(j + 4)], as: UTF8.self))
            }
            i = j
        }
        return found
    }

    /// Every string value of every document in a KL Gateway file that parses.
    static func decodedStrings(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .string(let s): out.append(s)
            case .array(let a): a.forEach(walk)
            case .object(let o): for m in o.members { out.append(m.key); walk(m.value) }
            default: break
            }
        }
        if let whole = try? JSONParser.parse(bytes) { walk(whole) }
        for line in bytes.split(separator: 0x0A) { if let value = try? JSONParser.parse(Array(line)) { walk(value) } }
        return out
    }
}
