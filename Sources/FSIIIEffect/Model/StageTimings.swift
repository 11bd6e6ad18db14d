import Dispatch

/// Wall-clock seconds spent in each stage of a run, in order: the numbers
/// `fsiii-bench` reports per stage, taken from the very calls the CLI makes.
public struct StageTimings: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []

    public init() {}

    /// Seconds of `name`, summed over its runs; 0 when it did not run.
    public subscript(name: String) -> Double {
        stages.filter { $0.name == name }.reduce(0) { $0 + $1.seconds }
    }

    public mutating func record(_ name: String, seconds: Double) { stages.append((name, seconds)) }

    /// Runs `body` and records its wall time under `name`.
    public mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { record(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    public mutating func append(_ other: StageTimings) { stages += other.stages }
}
