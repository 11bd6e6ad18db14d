import Dispatch
import Foundation

/// Wall-clock seconds spent in each stage of a run, in order: the numbers
/// `fsiii-bench` reports per stage, taken from the very calls the CLI makes.
package struct StageTimings: Sendable {
    package private(set) var stages: [(name: String, seconds: Double)] = []

    package init() {}

    /// Seconds of `name`, summed over its runs; 0 when it did not run.
    package subscript(name: String) -> Double {
        stages.filter { $0.name == name }.reduce(0) { $0 + $1.seconds }
    }

    package mutating func record(_ name: String, seconds: Double) {
        stages.append((name, seconds))
        if Self.trace { Self.print(name, seconds) }
    }

    /// `FSIII_STAGES=1` prints each stage's time, and resident and peak
    /// memory and the process's CPU time so far after it, on standard error:
    /// where the time and memory of a run go, and how many cores worked
    /// (see BENCHMARKS.md). Nothing about the data is printed.
    static let trace = ProcessInfo.processInfo.environment["FSIII_STAGES"] == "1"

    /// The trace's first line: the allocator policy the numbers were made under.
    private static let header: Void = {
        StandardError.write("stage trace: allocator: \(ProcessMemory.summary)\n")
    }()

    private static func print(_ name: String, _ seconds: Double) {
        _ = header
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return }
        var fields: [String] = []
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") || line.hasPrefix("VmHWM:") {
            let kb = Int(line.dropFirst(6).filter(\.isNumber)) ?? 0
            fields.append("\(line.prefix(5)) \(kb / 1024) MB")
        }
        var usage = rusage()
        #if os(Linux)
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func time(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        fields.append(String(format: "CPU %.2f s (system %.2f s)", time(usage.ru_utime) + time(usage.ru_stime), time(usage.ru_stime)))
        fields.append("page faults \(usage.ru_minflt)")
        let line = "stage " + name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%8.3f s  ", seconds)
        StandardError.write(line + fields.joined(separator: ", ") + "\n")
    }

    /// Runs `body` and records its wall time under `name`.
    package mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { record(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    package mutating func append(_ other: StageTimings) { stages += other.stages }
}
