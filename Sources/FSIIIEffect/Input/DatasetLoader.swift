import Foundation
import Dispatch
import FSIIIBytes

/// Options of an import (SPEC §3, §11): the terminology codes are resolved
/// against, the hourly rate of unpriced cost rows, and whether and where to
/// report progress.
public struct ImportOptions: Sendable {
    /// The terminology condition and level cells are resolved against
    /// (SPEC §2); `Terminology.builtIn` unless `--terminology FILE`.
    public var terminology: Terminology
    /// `--hourly-rate`: kr per hour for cost rows whose service has no rate
    /// (SPEC §8); nil leaves such rows unpriced (rejected with a reason).
    public var hourlyRate: Double?
    /// Where progress goes: nil (the default) reports none, and the library
    /// writes nothing to standard output or standard error. Given a sink, an
    /// import of more than 16 MiB calls it about twice a second after its
    /// first second, from another thread, and once more with `finished`
    /// set at the end. `fsiii` passes one that draws a line on a terminal.
    public var progress: (@Sendable (ImportProgress) -> Void)?

    /// The options; by default the built-in terminology, no hourly rate and no progress.
    public init(terminology: Terminology = .builtIn, hourlyRate: Double? = nil, progress: (@Sendable (ImportProgress) -> Void)? = nil) {
        self.terminology = terminology
        self.hourlyRate = hourlyRate
        self.progress = progress
    }
}

/// One input of a run. A file on disk is opened only when its turn comes
/// and released after it is read, so a folder of 100,000 KL Gateway reports
/// never holds more than one of them mapped at a time; an input already in
/// memory (tests, generated data) carries its bytes.
package struct InputSource {
    var path: String
    var kind: InputKind
    /// Size in bytes, for progress and the file summary.
    var fileSize: Int
    private var content: FileBytes?

    /// An input already in memory.
    package init(path: String, kind: InputKind, bytes: FileBytes) {
        self.path = path
        self.kind = kind
        self.fileSize = bytes.fileSize
        self.content = bytes
    }

    /// A file opened by `open()` when it is read.
    init(path: String, kind: InputKind, fileSize: Int) {
        self.path = path
        self.kind = kind
        self.fileSize = fileSize
        self.content = nil
    }

    /// The content: the bytes in memory, else the file read now (without
    /// its encoding pass when `checkEncoding` is false, see `FileBytes`).
    func open(checkEncoding: Bool = true) throws(InputFileError) -> FileBytes {
        if let content { return content }
        return try FileBytes(path: path, shownPath: Redaction.mask(path), checkEncoding: checkEncoding)
    }
}

/// Reads every input of a run into one `Dataset`, in the order `InputOrder`
/// gives (rates, assessments and KL Gateway reports, courses, costs; a later
/// file wins, SPEC §4).
public enum DatasetLoader {
    /// Reads the files and folders of a run. A file that cannot be read at
    /// all is reported in `report.problems` and the rest still imports
    /// (every row accounted for: `read = accepted + rejected + superseded +
    /// removed`, SPEC §4). Throws `InputFailure` only for a path that does
    /// not exist, a folder that cannot be listed or holds no input file, and
    /// a file whose kind its name does not tell (give `InputPath.kind`).
    /// `InputPath.standardInput` (`-`) is read from standard input, to its
    /// end, before the other files, and named `<stdin>` in messages.
    public static func load(_ inputs: [InputPath], options: ImportOptions = ImportOptions()) throws(InputFailure) -> Dataset {
        let files = try InputDiscovery.resolve(inputs)
        var sources: [InputSource] = []
        var dataset = Dataset(terminology: options.terminology)
        for file in files {
            guard let kind = file.kind else { continue }
            if file.isStandardInput {
                // Read now, once: a pipe cannot be opened again when its turn comes.
                let shown = InputPath.standardInputShownAs
                do {
                    sources.append(InputSource(path: shown, kind: kind, bytes: try FileBytes(standardInputShownAs: shown)))
                } catch {
                    dataset.report.problems.append(ImportProblem(file: shown, line: 0, column: "(file)", message: "cannot read: \(error.reason)", reason: "unreadable file"))
                    dataset.report.unreadableFiles += 1
                }
                continue
            }
            var info = stat()
            guard stat(file.path, &info) == 0 else {
                let reason = String(cString: strerror(errno))
                dataset.report.problems.append(ImportProblem(file: file.path, line: 0, column: "(file)", message: "cannot read: \(reason)", reason: "unreadable file"))
                dataset.report.unreadableFiles += 1
                continue
            }
            sources.append(InputSource(path: file.path, kind: kind, fileSize: Int(info.st_size)))
        }
        load(sources, into: &dataset, options: options)
        return dataset
    }

    package static func load(_ sources: [InputSource], options: ImportOptions = ImportOptions()) -> Dataset {
        var dataset = Dataset(terminology: options.terminology)
        load(sources, into: &dataset, options: options)
        return dataset
    }

    static func load(_ sources: [InputSource], into dataset: inout Dataset, options: ImportOptions) {
        let totalBytes = sources.reduce(0) { $0 + $1.fileSize }
        let progress = totalBytes > 16 << 20 ? options.progress.map { ProgressMeter(totalBytes: totalBytes, sink: $0) } : nil
        defer { progress?.finish() }

        let order = InputOrder(sources)
        var pricing = Pricing(defaultRate: options.hourlyRate)
        for source in order.rates {
            readRates(source, pricing: &pricing, into: &dataset, progress: progress)
        }
        var timings = StageTimings()
        defer { dataset.report.timings.append(timings) }
        dataset.pricing = pricing

        // SPEC §10: names holding a CPR-shaped number are said once per kind.
        var cprShapedNames = CPRShapedNameWarnings()
        defer { cprShapedNames.report(into: &dataset) }

        var raw = RawAssessments()
        var klgateway = FHIRImport(terminology: dataset.terminology, pricing: pricing)
        for source in order.assessmentsAndReports {
            if source.kind == .assessments {
                timings.measure("read assessments") { readAssessments(source, raw: &raw, into: &dataset, progress: progress) }
            } else {
                timings.measure("read KL Gateway") { klgateway.read(source, into: &dataset, progress: progress) }
            }
            cprShapedNames.note(dataset, afterReading: source.path)
        }
        // KL Gateway versions are ordered by time across all their files first (SPEC §9).
        timings.measure("KL Gateway versions") { klgateway.finish(raw: &raw, into: &dataset) }
        // The rules run on one thread while the courses files are read on
        // the other: they share nothing but the citizen count (courses add
        // citizens after it), and the rules' serial steps leave a core free.
        // The courses wait until the rules have passed their peak of memory
        // (the id hashes), so the two peaks do not add up.
        // The chunks' registries and buffers are gone: their pages are not
        // kept under the rules' peak (the shared-id partitions).
        ProcessMemory.returnFreed()
        let rules = RulesJob(raw: raw, citizenCount: dataset.citizens.count)
        raw = RawAssessments()
        let running = DispatchGroup()
        DispatchQueue.global().async(group: running) { rules.run() }
        rules.idsDone.wait()
        var courses = dataset.courses
        for source in order.courses {
            timings.measure("read courses") { readCourses(source, courses: &courses, into: &dataset, progress: progress) }
            cprShapedNames.note(dataset, afterReading: source.path)
        }
        let deduplicated = timings.measure("course rules") { CourseRules.deduplicate(courses) }
        courses = []
        dataset.courses = deduplicated.kept
        var courseCounts = dataset.report[.courses]
        courseCounts.superseded += deduplicated.superseded
        courseCounts.accepted = deduplicated.kept.count
        dataset.report[.courses] = courseCounts
        running.wait()
        timings.record("import rules", seconds: rules.seconds)
        timings.append(rules.timings)
        let outcome = rules.outcome!
        rules.outcome = nil
        // The raw columns and the rules' scratch are gone: the course
        // evaluation, the next peak, starts from what is live.
        ProcessMemory.returnFreed()
        dataset.assessments = outcome.table
        var counts = dataset.report[.assessments]
        counts.superseded += outcome.superseded
        counts.removed += outcome.removed
        counts.accepted = outcome.table.count
        dataset.report[.assessments] = counts

        var costs = dataset.pendingCosts
        var sawCosts = !costs.day.isEmpty || !order.costs.isEmpty
        for source in order.costs {
            timings.measure("read costs") { readCosts(source, pricing: pricing, costs: &costs, into: &dataset, progress: progress) }
            cprShapedNames.note(dataset, afterReading: source.path)
        }
        if order.hasReports && costs.count > 0 { sawCosts = true }
        if sawCosts {
            // The files' read buffers are gone: the sorted columns, the
            // next peak, start from what is live.
            ProcessMemory.returnFreed()
            let (citizens, services) = (dataset.citizens.count, dataset.costServices)
            let accepted = costs.count
            dataset.costs = timings.measure("sort costs") { costs.takeSorted(citizenCount: citizens, services: services) }
            var c = dataset.report[.costs]
            c.accepted = accepted
            dataset.report[.costs] = c
        }
        dataset.pendingCosts = RawCosts()
        // Keep the assessment table's citizen offsets covering every citizen.
        while dataset.assessments.citizenStart.count < dataset.citizens.count + 1 {
            dataset.assessments.citizenStart.append(dataset.assessments.count)
        }
    }

    /// The import rules as a job for another thread; it holds the only
    /// reference to the raw rows, so the rules free them as they go.
    private final class RulesJob: @unchecked Sendable {
        var raw: RawAssessments
        let citizenCount: Int
        var outcome: AssessmentRules.Outcome?
        var timings = StageTimings()
        var seconds = 0.0
        /// Signalled when the rules have freed the id hashes.
        let idsDone = DispatchSemaphore(value: 0)

        init(raw: RawAssessments, citizenCount: Int) {
            self.raw = raw
            self.citizenCount = citizenCount
        }

        func run() {
            let start = DispatchTime.now().uptimeNanoseconds
            outcome = AssessmentRules.apply(&raw, citizenCount: citizenCount, timings: &timings) { self.idsDone.signal() }
            raw = RawAssessments()
            seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
    }

    // MARK: - One file of each kind

    private static func summary(_ source: InputSource, _ bytes: FileBytes?, _ layout: CSVLayout?, rows: Int) -> FileSummary {
        FileSummary(path: source.path, kind: source.kind, encoding: (bytes?.encoding).map(FileEncoding.init), delimiter: layout?.delimiterName,
                    rows: rows, bytes: bytes?.fileSize ?? source.fileSize, unknownColumns: layout?.header.unknown ?? [])
    }

    /// Reads a file's bytes, recording a file-level problem when it cannot be read.
    static func bytes(of source: InputSource, into dataset: inout Dataset) -> FileBytes? {
        do {
            return try source.open()
        } catch {
            dataset.report.problems.append(ImportProblem(file: source.path, line: 0, column: "(file)", message: "cannot read: \(error.reason)", reason: "unreadable file"))
            dataset.report.unreadableFiles += 1
            return nil
        }
    }

    /// Opens a CSV file, recording a file-level problem when it cannot be used.
    private static func open(_ source: InputSource, columns: [ColumnSpec], into dataset: inout Dataset) -> (layout: CSVLayout, bytes: FileBytes)? {
        guard let bytes = bytes(of: source, into: &dataset) else { return nil }
        do {
            let layout = try CSVTableReader.open(bytes, path: source.path, columns: columns)
            note(layout, of: source, bytes, into: &dataset)
            return (layout, bytes)
        } catch {
            dataset.report.problems.append(ImportProblem(file: source.path, line: error.line, column: "(file)", message: error.message, reason: "unreadable file"))
            dataset.report.unreadableFiles += 1
            dataset.report.files.append(summary(source, bytes, nil, rows: 0))
            return nil
        }
    }

    /// What a file's header tells the user: unknown columns, no rows.
    private static func note(_ layout: CSVLayout, of source: InputSource, _ bytes: FileBytes, into dataset: inout Dataset) {
        if !layout.header.unknown.isEmpty {
            let unknown = layout.header.unknown
            let list = unknown.prefix(20).map { "\"\($0.shown)\"" }.joined(separator: ", ") + (unknown.count > 20 ? ", … (\(unknown.count - 20) more)" : "")
            dataset.report.problems.append(ImportProblem(file: source.path, line: layout.bodyFirstLine - 1, column: "(header)",
                                                         message: "ignoring unknown column\(layout.header.unknown.count == 1 ? "" : "s") \(list)",
                                                         reason: "unknown column", severity: .warning))
        }
        if layout.body.isEmpty || bytes.bytes[layout.body].allSatisfy({ $0 == 0x0A || $0 == 0x0D }) {
            dataset.report.problems.append(ImportProblem(file: source.path, line: layout.bodyFirstLine - 1, column: "(file)",
                                                         message: "the file has a header but no rows", reason: "no rows", severity: .warning))
        }
    }

    /// A large CSV file on disk opened without its encoding pass, with a
    /// speculative plan (`CSVTableReader.speculativePlan`), or nil when the
    /// file is small, in memory, unreadable, has a header that does not
    /// match or is not UTF-8 — the plain `open` then says what is wrong.
    /// Records nothing: the speculation may still fail.
    private static func openSpeculatively(_ source: InputSource, columns: [ColumnSpec]) -> (layout: CSVLayout, bytes: FileBytes, plan: CSVTableReader.Plan)? {
        guard source.fileSize >= 4 << 20, let bytes = try? source.open(checkEncoding: false), !bytes.encodingChecked,
              let base = bytes.bytes.baseAddress,
              let layout = try? CSVTableReader.open(bytes, path: source.path, columns: columns),
              TextEncoding.isValidUTF8(base, layout.body.lowerBound),
              let plan = CSVTableReader.speculativePlan(bytes, layout: layout) else { return nil }
        return (layout, bytes, plan)
    }

    /// Opens a CSV file and reads it into one sink per chunk with `scan`
    /// (bytes, layout, plan, speculative): speculatively first when the file
    /// is large (`openSpeculatively`, `CSVTableReader.readSpeculatively`),
    /// and the plain way — encoding checked, cut at true record boundaries —
    /// when it is small or the speculation fails (`scan` then returns nil,
    /// having undone what it wrote). Nil when the file cannot be used (the
    /// plain `open` records why). Times "<stage>: open", "plan" and "scan".
    private static func readChunks<Sink: CSVRowSink>(_ source: InputSource, columns: [ColumnSpec], stage: String, timings t: inout StageTimings,
                                                     into dataset: inout Dataset,
                                                     scan: (FileBytes, CSVLayout, CSVTableReader.Plan, Bool) -> [Sink]?) -> (sinks: [Sink], layout: CSVLayout, bytes: FileBytes)? {
        if let (layout, bytes, plan) = t.measure("\(stage): open", { openSpeculatively(source, columns: columns) }),
           let sinks = t.measure("\(stage): scan", { scan(bytes, layout, plan, true) }) {
            note(layout, of: source, bytes, into: &dataset)
            return (sinks, layout, bytes)
        }
        guard let (layout, bytes) = t.measure("\(stage): open", { open(source, columns: columns, into: &dataset) }) else { return nil }
        let plan = t.measure("\(stage): plan") { CSVTableReader.plan(bytes, layout: layout) }
        // Only a speculative read can fail; a plain one that did would be a
        // defect, reported as the file unread rather than a trap.
        guard let sinks = t.measure("\(stage): scan", { scan(bytes, layout, plan, false) }) else {
            dataset.report.problems.append(ImportProblem(file: source.path, line: 0, column: "(file)", message: "cannot read: the file could not be scanned", reason: "unreadable file"))
            dataset.report.unreadableFiles += 1
            return nil
        }
        return (sinks, layout, bytes)
    }

    private static func account<Sink: CSVRowSink>(_ sinks: [Sink], kind: InputKind, source: InputSource, bytes: FileBytes, layout: CSVLayout, into dataset: inout Dataset) {
        var counts = dataset.report[kind]
        var rows = 0
        for sink in sinks {
            rows += sink.rowsRead
            counts.rejected += sink.problems.count { $0.severity == .rejected }
            dataset.report.problems.append(contentsOf: sink.problems)
        }
        counts.read += rows
        dataset.report[kind] = counts
        dataset.report.files.append(summary(source, bytes, layout, rows: rows))
    }

    /// Reads an assessments file into `raw`. Each chunk writes its rows
    /// straight into its own region of slots, in parallel; the regions are
    /// then closed up in file order. A large file is first read
    /// speculatively — taken as UTF-8 and cut at line ends, each chunk's
    /// rows estimated, all checked as it is read — which saves a whole pass
    /// over the file; when the check fails (not UTF-8, or a cut inside a
    /// quoted field) the file is read again the plain way: its encoding
    /// checked first, cut at true record boundaries, lines counted.
    static func readAssessments(_ source: InputSource, raw: inout RawAssessments, into dataset: inout Dataset, progress: ProgressMeter?) {
        var t = StageTimings()
        defer { dataset.report.timings.append(t) }
        let terminology = dataset.terminology
        var regions: [Range<Int>] = []
        let read = readChunks(source, columns: AssessmentColumns.specs, stage: "assessments", timings: &t, into: &dataset) { bytes, layout, plan, speculative -> [AssessmentSink]? in
            guard plan.chunks > 0 else { return [] }
            let slots = raw.extend(by: plan.recordBounds.reduce(0, +))
            regions = []
            var next = slots.lowerBound
            for bound in plan.recordBounds {
                regions.append(next..<(next + bound))
                next += bound
            }
            let sinks = raw.withWriter { writer in
                CSVTableReader.read(bytes, layout: layout, plan: plan, speculative: speculative, progress: progress) { k in
                    AssessmentSink(path: source.path, header: layout.header, terminology: terminology, writer: writer, region: regions[k])
                }
            }
            if sinks == nil { raw.truncate(to: slots.lowerBound) }
            return sinks
        }
        guard let (sinks, layout, bytes) = read else { return }
        guard !sinks.isEmpty else { return account(sinks, kind: .assessments, source: source, bytes: bytes, layout: layout, into: &dataset) }
        let mergeStart = DispatchTime.now().uptimeNanoseconds
        defer { t.record("assessments: merge", seconds: Double(DispatchTime.now().uptimeNanoseconds - mergeStart) / 1e9) }
        var maps: [([UInt32], [UInt32], [UInt32])] = []
        // Most of an assessments file's citizens are new: room for all at once.
        dataset.citizens.reserve(forMerging: sinks.map(\.citizens))
        for sink in sinks {
            maps.append((dataset.citizens.merge(sink.citizens), dataset.teams.merge(sink.teams), dataset.municipalities.merge(sink.municipalities)))
        }
        raw.withWriter { writer in
            _ = Parallel.map(0..<sinks.count) { k in
                sinks[k].remap(writer, citizens: maps[k].0, teams: maps[k].1, municipalities: maps[k].2)
                return 0
            }
        }
        // The slots a chunk did not fill (rejected rows, blank lines, the
        // room to spare of an estimate) are closed up; rows beyond a
        // chunk's region follow its own.
        raw.compact(from: regions.first?.lowerBound ?? raw.count, pieces: sinks.indices.map { k in
            (regions[k].lowerBound..<(regions[k].lowerBound + sinks[k].written), sinks[k].overflowRows(citizens: maps[k].0, teams: maps[k].1, municipalities: maps[k].2))
        })
        for sink in sinks { sink.release() }
        account(sinks, kind: .assessments, source: source, bytes: bytes, layout: layout, into: &dataset)
    }

    static func readCourses(_ source: InputSource, courses: inout [Course], into dataset: inout Dataset, progress: ProgressMeter?) {
        var t = StageTimings()
        defer { dataset.report.timings.append(t) }
        // The chunks find the citizens the import already has in its own
        // registry, which nothing changes until they are merged.
        let known = dataset.citizens.lookup
        let read = readChunks(source, columns: CourseColumns.specs, stage: "courses", timings: &t, into: &dataset) { bytes, layout, plan, speculative in
            CSVTableReader.read(bytes, layout: layout, plan: plan, speculative: speculative, progress: progress) { _ in
                CourseSink(path: source.path, header: layout.header, known: known)
            }
        }
        guard let (sinks, layout, bytes) = read else { return }
        let mergeStart = DispatchTime.now().uptimeNanoseconds
        defer { t.record("courses: merge", seconds: Double(DispatchTime.now().uptimeNanoseconds - mergeStart) / 1e9) }
        courses.reserveCapacity(courses.count + sinks.reduce(0) { $0 + $1.courses.count })
        let knownCount = UInt32(known.count)
        for sink in sinks {
            let added = dataset.citizens.merge(sink.citizens)
            let teams = dataset.teams.merge(sink.teams)
            let municipalities = dataset.municipalities.merge(sink.municipalities)
            for var c in sink.courses {
                if c.citizen >= knownCount { c.citizen = added[Int(c.citizen - knownCount)] }
                c.team = teams[Int(c.team)]
                c.municipality = municipalities[Int(c.municipality)]
                courses.append(c)
            }
            sink.release()
        }
        account(sinks, kind: .courses, source: source, bytes: bytes, layout: layout, into: &dataset)
    }

    static func readCosts(_ source: InputSource, pricing: Pricing, costs: inout RawCosts, into dataset: inout Dataset, progress: ProgressMeter?) {
        guard let (layout, bytes) = open(source, columns: CostColumns.specs, into: &dataset) else { return }
        let h = layout.header.index
        guard h[CostColumns.hours] != nil || h[CostColumns.minutes] != nil || h[CostColumns.amount] != nil else {
            dataset.report.problems.append(ImportProblem(file: source.path, line: layout.bodyFirstLine - 1, column: "(header)",
                message: "a costs file needs a column \"hours\" (timer), \"minutes\" (minutter) or \"amount\" (beløb)", reason: "unreadable file"))
            dataset.report.unreadableFiles += 1
            return
        }
        var sinks = CSVTableReader.read(bytes, layout: layout, progress: progress) { _ in
            CostSink(path: source.path, header: layout.header, pricing: pricing, commaIsDecimal: layout.commaIsDecimal)
        }
        // Each chunk's rows are freed once moved, so they are not held twice.
        costs.reserveCapacity(costs.count + sinks.reduce(0) { $0 + $1.rows.count })
        for k in sinks.indices {
            let citizens = dataset.citizens.merge(sinks[k].citizens)
            let services = dataset.costServices.merge(sinks[k].services)
            costs.append(sinks[k].rows, citizens: citizens, services: services)
            sinks[k].rows = RawCosts()
            sinks[k].release()
        }
        account(sinks, kind: .costs, source: source, bytes: bytes, layout: layout, into: &dataset)
    }

    static func readRates(_ source: InputSource, pricing: inout Pricing, into dataset: inout Dataset, progress: ProgressMeter?) {
        guard let (layout, bytes) = open(source, columns: RateColumns.specs, into: &dataset) else { return }
        let sinks = CSVTableReader.read(bytes, layout: layout, progress: progress) { _ in
            RateSink(path: source.path, header: layout.header, commaIsDecimal: layout.commaIsDecimal)
        }
        var counts = dataset.report[.rates]
        for sink in sinks {
            for (service, rate) in sink.rates {
                let key = Terminology.normalize(service)
                if pricing.rates[key] != nil { counts.superseded += 1 } else { counts.accepted += 1 }
                pricing.rates[key] = rate
            }
        }
        dataset.report[.rates] = counts
        account(sinks, kind: .rates, source: source, bytes: bytes, layout: layout, into: &dataset)
    }
}
