import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

/// The seeded mutation fuzz test of the KL Gateway inputs (issue 16):
/// hundreds of mutated `.json` and `.ndjson` inputs imported and reported
/// in process, each checked for the accounting identity, entries lost,
/// problems that do not say where they are, CPR numbers in any output and
/// runs over 20 seconds; a crash is a failure by itself.
///
/// - `FSIII_FUZZ_CASES` — number of cases (default 300);
/// - `FSIII_FUZZ_SECONDS` — run cases until this many seconds have passed
///   instead (`FSIII_FUZZ_SECONDS=3600 swift test -c release --filter FHIRFuzz`);
/// - `FSIII_FUZZ_SEED` — the first case's seed (default 16); case k has
///   seed + k, so `FSIII_FUZZ_SEED=<seed> FSIII_FUZZ_CASES=1` repeats one;
/// - `FSIII_FUZZ_LARGE=1` — allow strings of 50 MB (on by default with
///   `FSIII_FUZZ_SECONDS`; `FSIII_FUZZ_LARGE=0` turns them off).
///
/// A failing case prints its seed and the command that repeats it; a case
/// that crashes the process prints them from the signal handler
/// (`FuzzCrashReporter`).
@Suite("FHIRFuzz: mutated KL Gateway inputs", .serialized)
struct FHIRFuzzTests {
    struct Settings {
        var cases = 300
        var seconds: Double?
        var seed: UInt64 = 16
        var large = false

        init(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
            if let text = environment["FSIII_FUZZ_CASES"], let n = Int(text), n >= 0 { cases = n }
            if let text = environment["FSIII_FUZZ_SECONDS"], let s = Double(text), s > 0 { seconds = s }
            if let text = environment["FSIII_FUZZ_SEED"], let s = UInt64(text) { seed = s }
            large = environment["FSIII_FUZZ_LARGE"].map { $0 != "0" } ?? (seconds != nil)
        }

        /// The command that runs case `seed` alone, as this run made it.
        func repeating(_ seed: UInt64) -> String {
            "FSIII_FUZZ_SEED=\(seed) FSIII_FUZZ_CASES=1\(large ? " FSIII_FUZZ_LARGE=1" : "") swift test --filter FHIRFuzz"
        }
    }

    @Test("mutated reports never crash, always balance, lose no entry, name places not ids, and leak no CPR number")
    func campaign() throws {
        let settings = Settings()
        let verbose = ProcessInfo.processInfo.environment["FSIII_FUZZ_VERBOSE"] != nil
        let start = Date()
        var done = 0
        var failed = 0
        var slowest = (seconds: 0.0, seed: settings.seed)
        FuzzCrashReporter.install()
        defer { FuzzCrashReporter.current(nil) }
        while settings.seconds.map({ Date().timeIntervalSince(start) < $0 }) ?? (done < settings.cases) {
            let seed = settings.seed &+ UInt64(done)
            FuzzCrashReporter.current("FHIRFuzz: the process died in case seed \(seed); repeat it with \(settings.repeating(seed))\n")
            if verbose { print("FHIRFuzz case \(seed)") }
            let fuzzCase = FHIRFuzzCase(seed: seed, hugeStringBytes: settings.large ? 50 << 20 : 2 << 20)
            let run = try fuzzCase.run()
            let failures = fuzzCase.check(run)
            if !failures.isEmpty {
                failed += 1
                let list = failures.prefix(10).joined(separator: "\n  ")
                Issue.record("FHIRFuzz case seed \(seed) (repeat: \(settings.repeating(seed))):\n  \(list)")
            }
            if run.seconds > slowest.seconds { slowest = (run.seconds, seed) }
            done += 1
        }
        print("FHIRFuzz: \(done) cases from seed \(settings.seed) in \(Int(Date().timeIntervalSince(start))) s, \(failed) failed; "
              + "slowest \(String(format: "%.2f", slowest.seconds)) s (seed \(slowest.seed))")
        #expect(done == settings.cases || settings.seconds != nil)
    }

    @Test("a case is made from its seed alone: the same seed, the same inputs")
    func reproducible() {
        for seed: UInt64 in [1, 2, 99] {
            let a = FHIRFuzzCase(seed: seed), b = FHIRFuzzCase(seed: seed)
            #expect(a.files.map(\.name) == b.files.map(\.name))
            #expect(a.files.map(\.bytes) == b.files.map(\.bytes))
        }
        #expect(FHIRFuzzCase(seed: 1).files.map(\.bytes) != FHIRFuzzCase(seed: 2).files.map(\.bytes))
    }

    @Test("the checks find what they look for: a CPR number in an output, an id as a place, a wrong count")
    func checksWork() throws {
        let fuzzCase = FHIRFuzzCase(seed: 5)
        var run = try fuzzCase.run()
        #expect(fuzzCase.check(run).isEmpty, "\(fuzzCase.check(run))")
        #expect(FHIRFuzzCase.cprRuns(in: "a 020345-1234 b 0203451234 c 02034512345 d 1.0203451234e5") == ["0203451234"])
        let planted = try #require(fuzzCase.cprs.first, "the inputs hold CPR numbers")
        run.outputs.append(("planted", "team \(planted) here"))
        #expect(fuzzCase.check(run).contains { $0.hasPrefix("planted holds 1 CPR") })
        #expect(FHIRFuzzCase.isPlace("report 2, entry 3 (Condition)") && FHIRFuzzCase.isPlace("entry 12"))
        #expect(!FHIRFuzzCase.isPlace("Condition/C1") && !FHIRFuzzCase.isPlace("Bundle/0203451234"))
        var counts = run.imports[.fhir]
        counts.read += 1
        run.imports[.fhir] = counts
        #expect(fuzzCase.check(run).contains { $0.hasPrefix("fhir does not balance") })
    }
}

/// Prints the seed of the case being run when the process dies of a trap
/// or fault: a crash cannot be caught, so the handler writes a message
/// prepared before the case began (async-signal-safe: one `write`), then
/// lets the previous handler — the Swift runtime's backtrace — run.
enum FuzzCrashReporter {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
    nonisolated(unsafe) private static var installed = false
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    static func install() {
        #if os(Linux)
        guard !installed else { return }
        installed = true
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if let message = FuzzCrashReporter.message { _ = write(2, message, FuzzCrashReporter.length) }
                var old = FuzzCrashReporter.previous[signal] ?? sigaction()
                sigaction(signal, &old, nil)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
        }
        #endif
    }

    /// The message to print should the process die now; nil for none.
    static func current(_ text: String?) {
        let old = message
        if let text {
            let bytes = Array(text.utf8)
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
            for (i, b) in bytes.enumerated() { buffer[i] = CChar(bitPattern: b) }
            length = bytes.count
            message = buffer
        } else {
            message = nil
            length = 0
        }
        old?.deallocate()
    }
}
