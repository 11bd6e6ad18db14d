import Foundation
import FSIIIEffect
import FSIIIReports
import FSIIISampleData
import FSIIIBytes

// fsiii-bench: times the stages of `fsiii report` on generated data with the
// same library calls the CLI makes, and the CLI itself end to end.
// Usage: swift run -c release fsiii-bench [--rows N[,N…]] [--runs K] [--json FILE] [--data DIR] [--no-e2e]

struct Options {
    var rows = [1_000_000]
    var runs = 3
    var json: String?
    var data: String?
    var endToEnd = true
    var stages = true
    var costs = true
    var fhirCitizens = 3_000
    var compare = false
}

func parseOptions() -> Options {
    var o = Options()
    var args = Array(CommandLine.arguments.dropFirst())
    func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fsiii-bench: \(message)\n".utf8))
        exit(2)
    }
    while !args.isEmpty {
        let a = args.removeFirst()
        func value() -> String {
            guard !args.isEmpty else { fail("\(a) needs a value") }
            return args.removeFirst()
        }
        switch a {
        case "--rows":
            o.rows = value().split(separator: ",").map { s -> Int in
                let t = s.lowercased().replacingOccurrences(of: "_", with: "")
                if t.hasSuffix("m"), let m = Double(t.dropLast()) { return Int(m * 1_000_000) }
                if t.hasSuffix("k"), let k = Double(t.dropLast()) { return Int(k * 1_000) }
                guard let n = Int(t), n > 0 else { fail("--rows takes numbers such as 1000000, 10M or 1M,10M") }
                return n
            }
        case "--runs": o.runs = max(1, Int(value()) ?? 3)
        case "--json": o.json = value()
        case "--data": o.data = value()
        case "--no-e2e": o.endToEnd = false
        case "--e2e-only": o.stages = false
        case "--no-costs": o.costs = false
        case "--compare": o.compare = true
        case "--fhir-citizens":
            guard let n = Int(value()), n >= 0 else { fail("--fhir-citizens takes a number (0 = no KL Gateway run)") }
            o.fhirCitizens = n
        case "--help", "-h":
            print("""
            fsiii-bench: stage timings of fsiii report on generated data (seeded; generation is not timed)
              --rows N[,N…]   assessment rows per data set (default 1M; e.g. 1M,10M,30M)
              --runs K        runs per measurement; medians are reported (default 3)
              --json FILE     also write the results as JSON
              --data DIR      where generated data is kept (default .build/bench-data)
              --no-e2e        skip the end-to-end runs of the fsiii binary
              --e2e-only      only the end-to-end runs
              --no-costs      data sets without cost rows (rows-N-nocosts), e.g. for 30M on a small disk
              --fhir-citizens N  KL Gateway import of N citizens' reports (default 3000; 0 = none)
              --compare       also the report with --compare-to matched (issue 18), in pairs with the
                              default report (assessments and courses), and the ratios of wall time and peak
            """)
            exit(0)
        default: fail("unknown argument \(a) (see --help)")
        }
    }
    return o
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2 }

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

/// Generates the data set of about `rows` assessment rows unless it is there.
func dataSet(rows: Int, root: String, costs: Bool) throws -> String {
    let folder = (root as NSString).appendingPathComponent("rows-\(rows)" + (costs ? "" : "-nocosts"))
    let marker = (folder as NSString).appendingPathComponent(".generated")
    if FileManager.default.fileExists(atPath: marker) || FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("rates.csv")) { return folder }
    var spec = SampleSpec()
    spec.seed = 20_261_125
    spec.citizens = max(1, Int((Double(rows) / SampleSpec.assessmentRowsPerCitizen).rounded()))
    spec.costDetail = costs ? .weekly : .none
    FileHandle.standardError.write(Data("generating \(rows) rows into \(folder) (not timed)…\n".utf8))
    let t = now()
    let s = try SampleCSVWriter.write(SampleGenerator(spec), to: folder)
    _ = FileManager.default.createFile(atPath: marker, contents: Data())
    FileHandle.standardError.write(Data(String(format: "  %d assessment rows, %d courses, %d cost rows in %.1f s\n", s.assessmentRows, s.courseRows, s.costRows, now() - t).utf8))
    return folder
}

/// Runs the fsiii binary and returns wall seconds and peak resident memory (bytes).
func runFSIII(_ arguments: [String], threads: Int) throws -> (seconds: Double, peak: Int) {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("fsiii").path
    var env = ProcessInfo.processInfo.environment
    env["FSIII_THREADS"] = String(threads)
    var pid: pid_t = 0
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let start = now()
    guard posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0 else { throw CocoaError(.executableNotLoadable) }
    // The child's own high-water mark, read from /proc while it runs. Its
    // rusage maxrss is no use here: Linux carries the parent's high-water
    // mark across posix_spawn's exec, so it would report this process's
    // peak (the stage runs) instead of fsiii's.
    var status: Int32 = 0
    var usage = rusage()
    var polled = 0
    while true {
        let done = wait4(pid, &status, WNOHANG, &usage)
        if done == pid { break }
        if let hwm = highWaterMark(pid) { polled = max(polled, hwm) }
        usleep(2_000)
    }
    let seconds = now() - start
    posix_spawn_file_actions_destroy(&actions)
    return (seconds, polled > 0 ? polled : usage.ru_maxrss * 1024)
}

/// VmHWM (peak resident set) of a running process in bytes, from /proc.
func highWaterMark(_ pid: pid_t) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.dropFirst(6).filter(\.isNumber)
        return Int(digits).map { $0 * 1024 }
    }
    return nil
}

struct Line {
    var stage: String
    var rows: Int?
    var bytes: Int?
    var seconds: Double
    var peak: Int?
    /// What `rows` counts ("rows", "reports", "entries"), padded to 7.
    var unit = "rows"

    var text: String {
        var s = stage.padding(toLength: 24, withPad: " ", startingAt: 0)
        s += rows.map { String(format: "%12@ ", NSNumber(value: $0).description(withLocale: Locale(identifier: "en_US"))) + unit.padding(toLength: 7, withPad: " ", startingAt: 0) } ?? String(repeating: " ", count: 20)
        s += bytes.map { String(format: "  %7.0f MB", Double($0) / 1e6) } ?? String(repeating: " ", count: 11)
        s += String(format: "  %7.3f s", seconds)
        if let b = bytes, seconds >= 0.001 { s += String(format: "  %7.0f MB/s", Double(b) / 1e6 / seconds) } else { s += String(repeating: " ", count: 13) }
        if let r = rows, seconds >= 0.001 {
            let rate = Double(r) / seconds
            s += rate >= 1e6 ? String(format: "  %6.1f M \(unit)/s", rate / 1e6) : String(format: "  %6.1f K \(unit)/s", rate / 1e3)
        }
        if let p = peak { s += String(format: "  peak %.0f MB", Double(p) / 1e6) }
        return s
    }

    var json: [String: Any] {
        var d: [String: Any] = ["stage": stage, "seconds": seconds]
        if let rows { d[unit] = rows; if seconds > 0 { d["\(unit)_per_second"] = Double(rows) / seconds } }
        if let bytes { d["bytes"] = bytes; if seconds > 0 { d["mb_per_second"] = Double(bytes) / 1e6 / seconds } }
        if let peak { d["peak_bytes"] = peak }
        return d
    }
}

// The same allocator policy as the fsiii binary, so the stages run as they do there.
ProcessMemory.reuseFreedBlocks()
let options = parseOptions()
let root = options.data ?? (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(".build/bench-data")
var results: [[String: Any]] = []
print("fsiii-bench \(FSIIIEffect.version): \(ProcessInfo.processInfo.activeProcessorCount) cores, medians of \(options.runs) runs")
for rows in options.rows {
    let folder: String
    do { folder = try dataSet(rows: rows, root: root, costs: options.costs) } catch {
        FileHandle.standardError.write(Data("fsiii-bench: cannot generate data: \(error)\n".utf8))
        exit(1)
    }
    let assessments = (folder as NSString).appendingPathComponent("assessments.csv")
    let courses = (folder as NSString).appendingPathComponent("courses.csv")
    let costs = (folder as NSString).appendingPathComponent("costs.csv")
    let rates = (folder as NSString).appendingPathComponent("rates.csv")
    var lines: [Line] = []
    print("\n== \(rows) assessment rows (\(folder))")
    if options.stages {
        var samples: [String: [Double]] = [:]
        var counts: (assessments: Int, courses: Int, costs: Int, scanRecords: Int) = (0, 0, 0, 0)
        for _ in 0..<options.runs {
            let t0 = now()
            let scanned = (try? CSVFileStatistics.scan(path: assessments)) ?? CSVFileStatistics.Counts()
            samples["scan", default: []].append(now() - t0)
            counts.scanRecords = scanned.records
            let inputs = [InputPath(assessments, kind: .assessments), InputPath(courses, kind: .courses)]
                + (options.costs ? [InputPath(costs, kind: .costs), InputPath(rates, kind: .rates)] : [])
            let dataset = (try? DatasetLoader.load(inputs,
                                                   options: ImportOptions())) ?? Dataset()
            for (name, seconds) in dataset.report.timings.stages { samples[name, default: []].append(seconds) }
            counts = (dataset.report[.assessments].read, dataset.report[.courses].read, dataset.report[.costs].read, counts.scanRecords)
            let report = EffectReporter.report(dataset)
            for (name, seconds) in report.timings.stages { samples[name, default: []].append(seconds) }
            let t1 = now()
            _ = ReportJSON.write(report)
            samples["report writing", default: []].append(now() - t1)
        }
        let aBytes = fileSize(assessments), cBytes = fileSize(costs)
        lines.append(Line(stage: "scan (CSV only)", rows: counts.scanRecords, bytes: aBytes, seconds: median(samples["scan"] ?? [0])))
        lines.append(Line(stage: "parse + resolve", rows: counts.assessments, bytes: aBytes, seconds: median(samples["read assessments"] ?? [0])))
        for sub in ["assessments: open", "assessments: plan", "assessments: scan", "assessments: merge"] {
            lines.append(Line(stage: "  " + sub.dropFirst(13), rows: counts.assessments, seconds: median(samples[sub] ?? [0])))
        }
        lines.append(Line(stage: "import rules", rows: counts.assessments, seconds: median(samples["import rules"] ?? [0])))
        for sub in ["by citizen", "by condition and day", "shared ids", "rules", "gather"] {
            lines.append(Line(stage: "  " + sub, rows: counts.assessments, seconds: median(samples["rules: " + sub] ?? [0])))
        }
        lines.append(Line(stage: "courses file", rows: counts.courses, bytes: fileSize(courses), seconds: median(samples["read courses"] ?? [0])))
        lines.append(Line(stage: "course building", rows: counts.assessments, seconds: median(samples["courses"] ?? [0])))
        lines.append(Line(stage: "aggregation", rows: counts.courses, seconds: median(samples["aggregation"] ?? [0])))
        if options.costs {
            lines.append(Line(stage: "costs file", rows: counts.costs, bytes: cBytes, seconds: median(samples["read costs"] ?? [0]) + median(samples["sort costs"] ?? [0])))
            lines.append(Line(stage: "cost join", rows: counts.costs, seconds: median(samples["cost join"] ?? [0])))
        }
        lines.append(Line(stage: "report writing", seconds: median(samples["report writing"] ?? [0])))
    }
    if options.endToEnd {
        let aOnly = ["report", "--assessments", assessments, "--courses", courses, "--format", "json", "--quiet", "-o", "/dev/null"]
        let full = ["report", folder, "--format", "json", "--quiet", "-o", "/dev/null"]
        for (label, args) in [("report (no costs)", aOnly), ("report (with costs)", full)] where options.costs || args == aOnly {
            for threads in [1, 2] {
                var times: [Double] = [], peaks: [Int] = []
                for _ in 0..<options.runs {
                    if let r = try? runFSIII(args, threads: threads) { times.append(r.seconds); peaks.append(r.peak) }
                }
                lines.append(Line(stage: "\(label) \(threads)T", rows: rows, bytes: fileSize(assessments) + (args == full ? fileSize(costs) : 0),
                                  seconds: median(times), peak: peaks.max()))
            }
        }
    }
    if options.compare {
        // Issue 18's target: the report with the matched comparison against the same report without
        // it, run in turn (default, then compare) so that both see the same machine.
        let plain = ["report", "--assessments", assessments, "--courses", courses, "--format", "json", "--quiet", "-o", "/dev/null"]
        var times: (plain: [Double], compare: [Double]) = ([], []), peaks: (plain: [Int], compare: [Int]) = ([], [])
        for _ in 0..<options.runs {
            if let r = try? runFSIII(plain, threads: Parallel.workers) { times.plain.append(r.seconds); peaks.plain.append(r.peak) }
            if let r = try? runFSIII(plain + ["--compare-to", "matched"], threads: Parallel.workers) {
                times.compare.append(r.seconds); peaks.compare.append(r.peak)
            }
        }
        let wall = median(times.compare) / median(times.plain)
        let peak = Double(peaks.compare.max() ?? 0) / Double(max(peaks.plain.max() ?? 1, 1))
        lines.append(Line(stage: "report, default", rows: rows, bytes: fileSize(assessments), seconds: median(times.plain), peak: peaks.plain.max()))
        lines.append(Line(stage: "report, matched", rows: rows, bytes: fileSize(assessments), seconds: median(times.compare), peak: peaks.compare.max()))
        print(String(format: "compare-to matched / default: wall %.2f×, peak %.2f× (target ≤ 1.5× each)", wall, peak))
        results.append(["stage": "compare-to matched / default", "data_rows": rows, "wall_ratio": wall, "peak_ratio": peak])
    }
    for l in lines {
        print(l.text)
        var j = l.json
        j["data_rows"] = rows
        results.append(j)
    }
}
// KL Gateway import: NDJSON delivery reports of the same generator.
if options.fhirCitizens > 0 {
    let folder = (root as NSString).appendingPathComponent("fhir-\(options.fhirCitizens)")
    let file = (folder as NSString).appendingPathComponent(SampleFHIRWriter.fileName)
    if !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".generated")) {
        var spec = SampleSpec()
        spec.seed = 20_261_125
        spec.citizens = options.fhirCitizens
        spec.costDetail = .weekly
        FileHandle.standardError.write(Data("generating KL Gateway reports of \(spec.citizens) citizens into \(folder) (not timed)…\n".utf8))
        do {
            _ = try SampleFHIRWriter.write(SampleGenerator(spec), to: folder)
            _ = FileManager.default.createFile(atPath: (folder as NSString).appendingPathComponent(".generated"), contents: Data())
        } catch {
            FileHandle.standardError.write(Data("fsiii-bench: cannot generate KL Gateway data: \(error)\n".utf8))
            exit(1)
        }
    }
    let bytes = fileSize(file)
    let reports = (try? Data(contentsOf: URL(fileURLWithPath: file)))?.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } ?? 0
    print("\n== KL Gateway reports of \(options.fhirCitizens) citizens (\(folder))")
    var lines: [Line] = []
    if options.stages {
        var times: [Double] = []
        var entries = 0
        for _ in 0..<options.runs {
            let t = now()
            let d = (try? DatasetLoader.load([InputPath(folder)], options: ImportOptions())) ?? Dataset()
            times.append(now() - t)
            entries = d.report[.fhir].read
        }
        lines.append(Line(stage: "KL Gateway import", rows: reports, bytes: bytes, seconds: median(times), unit: "reports"))
        lines.append(Line(stage: "  resource entries", rows: entries, seconds: median(times), unit: "entries"))
    }
    if options.endToEnd {
        for threads in [1, 2] {
            var times: [Double] = [], peaks: [Int] = []
            for _ in 0..<options.runs {
                if let r = try? runFSIII(["report", folder, "--format", "json", "--quiet", "-o", "/dev/null"], threads: threads) {
                    times.append(r.seconds)
                    peaks.append(r.peak)
                }
            }
            lines.append(Line(stage: "report (KL Gateway) \(threads)T", rows: reports, bytes: bytes, seconds: median(times), peak: peaks.max(), unit: "reports"))
        }
    }
    for l in lines {
        print(l.text)
        var j = l.json
        j["data_rows"] = "fhir-\(options.fhirCitizens)"
        results.append(j)
    }
}
if let path = options.json {
    let payload: [String: Any] = ["version": FSIIIEffect.version, "cores": ProcessInfo.processInfo.activeProcessorCount, "runs": options.runs, "results": results]
    if let data = try? JSONSerialization.data(withJSONObject: payload, options: [.prettyPrinted, .sortedKeys]) {
        _ = FileManager.default.createFile(atPath: path, contents: data)
    }
}
