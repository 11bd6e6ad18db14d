import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

/// How long the CSV fuzz test runs: `FSIII_FUZZ_CASES` cases (300 when
/// neither is set), or as many as fit in `FSIII_FUZZ_SECONDS`, whichever
/// ends first; case k has seed `FSIII_FUZZ_SEED + k` (start seed 1).
struct CSVFuzzSettings {
    var cases: Int
    var seconds: Double?
    var seed: UInt64

    static let defaultCases = 300

    /// Whether this process runs under AddressSanitizer or
    /// ThreadSanitizer (their runtimes are linked in), which make a case
    /// several times slower: the hang limit is scaled by `slowdown`.
    static let sanitized = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil
        || dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil
    static var slowdown: Double { sanitized ? 5 : 1 }

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> CSVFuzzSettings {
        let seconds = environment["FSIII_FUZZ_SECONDS"].flatMap(Double.init)
        let cases = environment["FSIII_FUZZ_CASES"].flatMap(Int.init) ?? (seconds == nil ? defaultCases : Int.max)
        let seed = environment["FSIII_FUZZ_SEED"].flatMap(UInt64.init) ?? 1
        return CSVFuzzSettings(cases: max(0, cases), seconds: seconds, seed: seed)
    }
}

/// Says which case was running when the process dies of a trap, a bad
/// access or an abort, so a crash is replayed from its seed: a signal
/// handler writes the prepared line to standard error, then puts the
/// previous handler (the Swift runtime's backtracer) back and lets the
/// signal happen again.
enum CSVFuzzCrashNote {
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]
    nonisolated(unsafe) private static let line = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 64)
    nonisolated(unsafe) private static var installed = false

    /// Installs the handler (once).
    static func install() {
        guard !installed else { return }
        installed = true
        for s in signals {
            sigaction(s, nil, previous + Int(s))
            signal(s) { s in
                write(2, CSVFuzzCrashNote.line, CSVFuzzCrashNote.length)
                sigaction(s, CSVFuzzCrashNote.previous + Int(s), nil)
            }
        }
    }

    /// The line written if the process dies now; nil for none.
    static func set(_ text: String?) {
        let bytes = Array((text.map { "\n\($0)\n" } ?? "").utf8.prefix(511))
        length = 0
        for (i, b) in bytes.enumerated() { line[i] = b }
        length = bytes.count
    }
}

/// Ends a case that hangs: a thread checks every second how long the
/// current case has run, and past `limit` seconds writes so and aborts, so
/// the crash note names the seed (a hang would otherwise stall the run
/// with no word of which case).
enum CSVFuzzWatchdog {
    static let limit: UInt64 = 120
    private static let caseStart = Atomic<UInt64>(0)
    nonisolated(unsafe) private static var started = false

    static func install() {
        guard !started else { return }
        started = true
        let thread = Thread {
            while true {
                sleep(1)
                let start = caseStart.load(ordering: .relaxed)
                if start != 0 && DispatchTime.now().uptimeNanoseconds - start > UInt64(Double(limit) * CSVFuzzSettings.slowdown) * 1_000_000_000 {
                    let text = Array("\nCSVFuzz: a case has run for more than \(limit) s: a hang\n".utf8)
                    _ = text.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
                    abort()
                }
            }
        }
        thread.start()
    }

    /// Marks the start (or, with false, the end) of a case.
    static func running(_ yes: Bool) {
        caseStart.store(yes ? DispatchTime.now().uptimeNanoseconds : 0, ordering: .relaxed)
    }
}

/// CPR numbers (SPEC §1) as their ten digits: found in inputs as the
/// shapes SPEC §1 names (ten digits, or `DDMMYY-XXXX`, not touching other
/// digits), and searched for in outputs as any ten digits in a row or
/// `DDDDDD-DDDD` anywhere, so an identifier inside a longer number counts.
enum CPRScan {
    /// The CPR-shaped values of some input bytes.
    static func identifiers(in bytes: [UInt8]) -> Set<UInt64> {
        var found = Set<UInt64>()
        var i = 0
        let n = bytes.count
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        while i < n {
            guard isDigit(i) else { i += 1; continue }
            var j = i
            while isDigit(j) { j += 1 }
            if j - i == 10 {
                found.insert(value(bytes, i, 10))
            } else if j - i == 6, j < n, bytes[j] == 0x2D, isDigit(j + 4), !isDigit(j + 5),
                      (j + 1...j + 4).allSatisfy(isDigit) {
                found.insert(value(bytes, i, 6) * 10_000 + value(bytes, j + 1, 4))
                j += 5
            }
            i = j
        }
        return found
    }

    /// The identifiers of `known` that a text holds. The digits after a
    /// figure's decimal point are not searched: a double's seventeen digits
    /// would match some ten-digit value sooner or later.
    ///
    /// `embedded`: also a `DDDDDD-DDDD` that touches other digits
    /// (`3,9140654-0096`, `010101-12345`), which `Redaction.mask` leaves as
    /// it is today; false searches only the shapes it masks.
    static func leaks(in text: String, _ known: Set<UInt64>, embedded: Bool) -> Set<UInt64> {
        guard !known.isEmpty else { return [] }
        var copy = text
        return copy.withUTF8 { buffer -> Set<UInt64> in
            guard let p = buffer.baseAddress else { return [] }
            let n = buffer.count
            @inline(__always) func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && p[k] &- 0x30 <= 9 }
            @inline(__always) func value(_ from: Int, _ count: Int) -> UInt64 {
                var v: UInt64 = 0
                for k in from..<(from + count) { v = v &* 10 &+ UInt64(p[k] &- 0x30) }
                return v
            }
            var found = Set<UInt64>()
            var run = 0            // digits in a row ending at i
            var fraction = false   // the run is the fractional part of a figure (`0.27144444444444293`)
            var i = 0
            while i < n {
                guard p[i] &- 0x30 <= 9 else { run = 0; i += 1; continue }
                if run == 0 { fraction = i >= 2 && (p[i - 1] == 0x2E || p[i - 1] == 0x2C) && isDigit(i - 2) }
                run += 1
                if run >= 10 && !fraction {
                    let v = value(i - 9, 10)
                    if known.contains(v) { found.insert(v) }
                }
                // DDDDDD-DDDD ending at i.
                if run == 4 && i >= 10 && p[i - 4] == 0x2D && (i - 10...i - 5).allSatisfy(isDigit)
                    && (embedded || (!isDigit(i - 11) && !isDigit(i + 1))) {
                    let v = value(i - 10, 6) * 10_000 + value(i - 3, 4)
                    if known.contains(v) { found.insert(v) }
                }
                i += 1
            }
            return found
        }
    }

    private static func value(_ bytes: [UInt8], _ from: Int, _ count: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in from..<(from + count) { v = v * 10 + UInt64(bytes[k] - 0x30) }
        return v
    }
}

/// The small sample the cases mutate: the four CSV kinds written by
/// `SampleCSVWriter` for a dozen citizens (CPR-shaped ids, mixed token
/// styles, a Windows-1252 costs file), cut to a few hundred rows.
struct CSVFuzzBase {
    struct File {
        var name: String
        var kind: InputKind
        var bytes: [UInt8]
    }

    let files: [File]
    /// A sample large enough for the matched comparison to find
    /// candidates, fit and match (80 citizens, every row), for the cases
    /// that turn it on half the time: on `files` it mostly meets its
    /// thin-input paths (no candidates, nothing matched).
    let larger: [File]

    static func make() throws -> CSVFuzzBase {
        CSVFuzzBase(files: try sample(citizens: 14, rows: [160, 40, 160, 10]),
                    larger: try sample(citizens: 80, rows: [Int.max, Int.max, 2_000, Int.max]))
    }

    /// The first `rows` lines (assessments, courses, costs, rates) of a
    /// generated sample of `citizens` citizens.
    private static func sample(citizens: Int, rows limits: [Int]) throws -> [File] {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var spec = SampleSpec()
        spec.citizens = citizens
        spec.seed = 16
        spec.costDetail = .weekly
        _ = try SampleCSVWriter.write(SampleGenerator(spec), to: folder.path)
        var files: [File] = []
        for (name, kind, rows) in zip([("assessments.csv", InputKind.assessments), ("courses.csv", .courses),
                                       ("costs.csv", .costs), ("rates.csv", .rates)], limits).map({ ($0.0, $0.1, $1) }) {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            var lines = 0, end = 0
            while end < bytes.count && lines <= rows {
                if bytes[end] == 0x0A { lines += 1 }
                end += 1
            }
            files.append(File(name: name, kind: kind, bytes: Array(bytes[..<end])))
        }
        return files
    }
}

/// One fuzz case: the sample mutated from a seed, imported, reported and
/// written in every output format in-process (DatasetLoader, EffectReporter
/// and the writers, as `fsiii report`, `validate --rejects` and `courses`
/// do), and checked: the accounting identity of every kind, the counts
/// agreeing with what was kept and with the rejected rows listed, the JSON
/// report parsing, and no CPR number of the inputs in any output text.
/// A crash is the process's death (see `CSVFuzzCrashNote`).
enum CSVFuzzCase {
    /// Group names are written as given until helper D's masking of
    /// CPR-shaped team, municipality and service names (and course ids) is
    /// merged: until then a CPR number a case puts in such a cell is not
    /// searched for. The lead sets this to true after that merge.
    static let groupNamesMasked = true

    /// Likewise pending helper D: `Redaction.mask` masks `DDMMYY-XXXX` only
    /// when it touches no other digit, so a cell such as `010101-12345`
    /// (a CPR number and one digit more) is written to the rejects file as
    /// it is. Until that is changed, only the shapes it masks are searched
    /// for; the lead sets this to true after the merge.
    static let embeddedIdentifiersMasked = true

    struct Outcome {
        var failures: [String] = []
        var seconds = 0.0
        var rowsRead = 0
        /// CPR numbers became group names or course ids (not searched for
        /// while `groupNamesMasked` is false).
        var identifiersInNames = false
        /// The bytes of the case's inputs (a mutation can make a file of many MB).
        var inputBytes = 0
    }

    static func run(seed: UInt64, base: CSVFuzzBase) -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        var m = CSVFuzzMutator(seed: seed)
        var o = Self.laterOptionsStream(seed)
        let matched = o.chance(25)
        let larger = matched && o.chance(50)
        var files = larger ? base.larger : base.files
        if larger { m.longCellLimit = 1000 }
        if m.chance(8) { files.removeAll { $0.kind == .courses } }
        if m.chance(8) { files.removeAll { $0.kind == .costs } }
        if m.chance(12) { files.removeAll { $0.kind == .rates } }
        for _ in 0..<(1 + m.below(2)) where !files.isEmpty {
            let i = m.below(files.count)
            files[i].bytes = m.mutate(files[i].bytes)
        }
        if m.chance(15) && !files.isEmpty {
            // A second file of a kind: later rows supersede earlier ones across files.
            let i = m.below(files.count)
            files.append(CSVFuzzBase.File(name: files[i].kind.rawValue + "-2.csv", kind: files[i].kind, bytes: m.mutate(files[i].bytes)))
        }
        let hourlyRate: Double? = m.chance(30) ? m.pick([0, 412.5, CostLimits.rate.upperBound]) : nil
        var options = ReportOptions()
        options.grouping = m.pick(Grouping.allCases)
        options.minCell = m.pick([5, 0, 1])
        options.horizonDays = m.pick([90, 1, 3650])
        if m.chance(20) {
            options.comparison.enabled = true
            options.comparison.bootstrap = 25
            options.comparison.seed = seed
        }
        if m.chance(10) { options.window = Day(year: 2024, month: 1, day: 1)!...Day(year: 2024, month: 12, day: 31)! }
        Self.drawLaterOptions(&options, matched: matched, seed: seed, &o)

        if m.chance(1), !larger, let i = files.indices.first(where: { files[$0].kind == .assessments || files[$0].kind == .costs }) {
            // Over 4 MB: read in parallel chunks (speculatively, from disk).
            // Not the larger sample: a mutation that widens a column to 64 KiB
            // cells would make it a file of over 100 MB.
            let lines = CSVFuzzMutator.lines(files[i].bytes)
            if lines.count > 1 {
                var big = lines[0]
                while big.count < 5 << 20 { for line in lines.dropFirst() { big += [0x0A] + line } }
                files[i].bytes = big
            }
        }

        if let dump = ProcessInfo.processInfo.environment["FSIII_FUZZ_DUMP"], !dump.isEmpty {
            // The case's inputs, to replay with the command line (`fsiii report DIR/seed-N`).
            let folder = URL(fileURLWithPath: dump).appendingPathComponent("seed-\(seed)")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for f in files { try? Data(f.bytes).write(to: folder.appendingPathComponent(f.name)) }
            let how = "--by \(options.groupBy) --min-cell \(options.minCell) --horizon-days \(options.horizonDays)"
                + (hourlyRate.map { " --hourly-rate \($0)" } ?? "")
                + (options.comparison.enabled ? " --compare --ci \(options.comparison.intervalMethod.rawValue)" : "")
                // --bootstrap alone would turn the cost comparison on; beside --compare-to matched it does not.
                + (options.comparison.enabled || options.matched.enabled ? " --bootstrap \(options.comparison.bootstrap) --seed \(options.comparison.seed)" : "")
                + Self.laterOptionsArguments(options)
            try? Data("fsiii report . \(how)\n".utf8).write(to: folder.appendingPathComponent("options.txt"))
        }

        var outcome = Outcome()
        outcome.inputBytes = files.reduce(0) { $0 + $1.bytes.count }
        func fail(_ s: String) { outcome.failures.append(s) }
        let importOptions = ImportOptions(hourlyRate: hourlyRate)
        let dataset: Dataset
        if m.chance(25) || files.contains(where: { $0.bytes.count > 4 << 20 }) {
            // From disk: mapped files, the encoding census, re-encoding into anonymous pages.
            do {
                let folder = try Fixtures.temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                var inputs: [InputPath] = []
                for f in files {
                    let url = folder.appendingPathComponent(f.name)
                    try Data(f.bytes).write(to: url)
                    inputs.append(InputPath(url.path, kind: f.kind))
                }
                var loaded = try DatasetLoader.load(inputs, options: importOptions)
                // Messages name the files as in memory, so both ways compare alike.
                for k in loaded.report.problems.indices {
                    loaded.report.problems[k].file = (loaded.report.problems[k].file as NSString).lastPathComponent
                }
                dataset = loaded
            } catch {
                fail("the import from disk failed: \(error)")
                return outcome
            }
        } else {
            let sources = files.map { InputSource(path: $0.name, kind: $0.kind, bytes: FileBytes(utf8: $0.bytes)) }
            dataset = DatasetLoader.load(sources, options: importOptions)
        }
        let r = dataset.report

        // The accounting: every kind balances, counts what was kept, and lists each rejected row.
        let kindOf = Dictionary(files.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for kind in [InputKind.assessments, .courses, .costs, .rates] {
            let c = r[kind]
            outcome.rowsRead += c.read
            if !c.balances { fail("\(kind.rawValue): \(c.identity) does not balance") }
            let listed = r.problems.count { $0.severity == .rejected && $0.column != "(file)" && $0.column != "(header)" && kindOf[$0.file] == kind }
            if listed != c.rejected { fail("\(kind.rawValue): \(c.rejected) rejected counted, \(listed) rejected rows listed") }
        }
        if r[.assessments].accepted != dataset.assessments.count { fail("assessments: accepted \(r[.assessments].accepted), table holds \(dataset.assessments.count)") }
        if r[.courses].accepted != dataset.courses.count { fail("courses: accepted \(r[.courses].accepted), \(dataset.courses.count) kept") }
        if r[.costs].accepted != (dataset.costs?.count ?? 0) { fail("costs: accepted \(r[.costs].accepted), table holds \(dataset.costs?.count ?? 0)") }
        if r[.rates].accepted != dataset.pricing.rates.count { fail("rates: accepted \(r[.rates].accepted), \(dataset.pricing.rates.count) rates kept") }
        if let costs = dataset.costs, !(costs.cost.allSatisfy(\.isFinite) && costs.hours.allSatisfy(\.isFinite)) { fail("costs: a cost or hours value is not finite") }

        // Every output text.
        var texts: [(String, String)] = []
        texts.append(("problem messages", r.problems.map(\.description).joined(separator: "\n")))
        texts.append(("accounting", InputKind.allCases.map { "\($0.rawValue): \(r[$0].identity)" }.joined(separator: "\n")))
        let pseudonymizer = try? Pseudonymizer(key: PseudonymKey(bytes: Array("a fuzzing key of more than sixteen bytes".utf8)))
        texts.append(("rejects file", RejectsFile.write(r, pseudonymizer: nil)))
        texts.append(("rejects file with pseudonyms", RejectsFile.write(r, pseudonymizer: pseudonymizer, dialect: .excelDA)))
        if dataset.assessments.count > 0 && (!dataset.courses.isEmpty || options.window != nil) {
            let report = EffectReporter.report(dataset, options: options)
            texts.append(("table", ReportTable.write(report, language: .da)))
            texts.append(("table (en)", ReportTable.write(report, language: .en)))
            texts.append(("CSV", ReportCSV.write(report)))
            texts.append(("CSV (excel-da)", ReportCSV.write(report, dialect: .excelDA)))
            let json = ReportJSON.write(report)
            texts.append(("JSON", json))
            do { _ = try JSONParser.parse(json) } catch { fail("the JSON report does not parse: \(error)") }
            texts.append(("HTML", HTMLReport.write(report, terminology: dataset.terminology, language: m.pick([.da, .en]))))
            if let pseudonymizer {
                texts.append(("course export CSV", CourseExport.csv(report, dataset: dataset, pseudonymizer: pseudonymizer)))
                texts.append(("course export JSON", CourseExport.json(report, dataset: dataset, pseudonymizer: pseudonymizer)))
            }
            do { texts += try Self.workbookTexts(report, dataset: dataset, pseudonymizer: pseudonymizer, language: o.pick([.da, .en])) }
            catch { fail("a workbook could not be written: \(error)") }
            if let comparison = report.costComparison {
                texts.append(("cost comparison", CostComparisonTable.write(comparison, minCell: options.minCell)))
                texts.append(("cost comparison JSON", JSONWriter(pretty: true).write(CostComparisonJSON.value(comparison, grid: [0, 5000]))))
            }
        }

        // No CPR number of the inputs in any of them.
        var identifiers = Set<UInt64>()
        for f in files { identifiers.formUnion(CPRScan.identifiers(in: f.bytes)) }
        if !groupNamesMasked {
            // Pending helper D: identifiers that became group names or course ids.
            var names = dataset.teams.names + dataset.municipalities.names + dataset.costServices.names
            names += dataset.courses.flatMap { [$0.id, $0.type] }
            let before = identifiers.count
            for name in names { identifiers.subtract(CPRScan.identifiers(in: Array(name.utf8))) }
            outcome.identifiersInNames = identifiers.count < before
        }
        for (what, text) in texts {
            let leaked = CPRScan.leaks(in: text, identifiers, embedded: embeddedIdentifiersMasked)
            if !leaked.isEmpty { fail("\(what) holds \(leaked.count) CPR number(s) of the inputs") }
        }
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return outcome
    }

    /// The random stream of `drawLaterOptions` for case `seed`: one of its
    /// own, so each seed mutates its files as it did before those options
    /// were fuzzed.
    static func laterOptionsStream(_ seed: UInt64) -> CSVFuzzMutator {
        CSVFuzzMutator(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The report's workbook, and the per-course workbook with a
    /// pseudonymiser, as text to search: their parts are stored, not
    /// compressed, so the bytes hold what a spreadsheet shows.
    static func workbookTexts(_ report: EffectReport, dataset: Dataset, pseudonymizer: Pseudonymizer?,
                              language: Language) throws -> [(String, String)] {
        let book = MemoryZipSink()
        try ReportWorkbook.write(report, language: language, to: book)
        var texts = [("workbook", String(decoding: book.bytes, as: UTF8.self))]
        if let pseudonymizer {
            let courses = MemoryZipSink()
            try CourseWorkbook.write(report, dataset: dataset, pseudonymizer: pseudonymizer, language: language, to: courses)
            texts.append(("course workbook", String(decoding: courses.bytes, as: UTF8.self)))
        }
        return texts
    }

    /// The options added after the fuzz test was written: the matched
    /// comparison with its knobs at their edges (issue 18), two-way
    /// groupings (19), the crosswalk (20), the funnel, SPC, MDC, case-mix
    /// model and BCa choices (21).
    static func drawLaterOptions(_ options: inout ReportOptions, matched: Bool, seed: UInt64, _ o: inout CSVFuzzMutator) {
        if matched {
            options.matched.enabled = true
            options.matched.controls = o.pick(MatchedComparisonOptions.Controls.allCases)
            options.matched.exactMunicipality = o.chance(30)
            // The command line's limits (`--match-k 1...100`, `--index-window-days
            // 0...3650`, `--spacing-tolerance 0...99` %); the candidates' cap
            // and the caliper are the library's alone.
            options.matched.ratio = o.pick([3, 1, 100])
            options.matched.indexWindowDays = o.pick([60, 0, 3650])
            options.matched.spacingTolerance = o.pick([0.5, 0, 0.99])
            options.matched.maximumCandidates = o.pick([100, 1])
            options.matched.caliperWidth = o.pick([0.2, 0, 100])
            options.comparison.bootstrap = o.pick([25, 0, 1])
            options.comparison.seed = seed
        }
        if options.comparison.enabled && o.chance(40) { options.comparison.intervalMethod = .bca }
        if o.chance(15) {
            let courseGroupings = Grouping.allCases.filter { !$0.groupsPairs }
            let first = o.pick(courseGroupings)
            options.groupBy = GroupingSpec(first, o.pick(courseGroupings.filter { $0 != first }))
        }
        if o.chance(15) {
            options.harmonize = Crosswalk.builtIn
            options.combine = o.pick(LevelCombination.allCases)
        }
        if o.chance(20) { options.caseMix = .model }
        if o.chance(20) { options.spc = .laney }
        if o.chance(20) { options.mdcColumns = true }
        if o.chance(25) {
            options.funnel.method = o.pick(FunnelOptions.Method.allCases)
            options.funnel.transform = o.pick(FunnelOptions.Transform.allCases)
            options.funnel.limits = o.pick(FunnelOptions.Limits.allCases)
        }
    }

    /// The command-line options of `drawLaterOptions`' choices, for the
    /// dumped case's `options.txt`.
    static func laterOptionsArguments(_ options: ReportOptions) -> String {
        var a = ""
        let m = options.matched
        if m.enabled {
            a += " --compare-to matched --controls \(m.controls.rawValue) --match-k \(m.ratio)"
                + " --index-window-days \(m.indexWindowDays) --spacing-tolerance \(m.spacingTolerance * 100)"
                + (m.exactMunicipality ? " --exact-municipality" : "")
        }
        if options.harmonize != nil { a += " --harmonize simplified --combine \(options.combine.rawValue)" }
        if options.caseMix == .model { a += " --case-mix model" }
        if options.spc == .laney { a += " --spc laney" }
        if options.mdcColumns { a += " --mdc" }
        let f = options.funnel
        // The transform is used by the random-effects funnel only, and the command line takes it only there.
        a += " --funnel \(f.method.rawValue) --limits \(f.limits.rawValue)"
            + (f.method == .random ? " --funnel-transform \(f.transform.rawValue)" : "")
        if m.enabled { a += "  # the library's alone: maximumCandidates \(m.maximumCandidates), caliperWidth \(m.caliperWidth)" }
        return a
    }
}
