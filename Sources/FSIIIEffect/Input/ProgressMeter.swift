import Dispatch
import Foundation
import FSIIIBytes
import Synchronization

/// How far an import has got, as the sink of `ImportOptions.progress`
/// receives it: counts only, never a path or a cell, so a sink cannot show
/// personal data (SPEC §10).
public struct ImportProgress: Sendable, Hashable {
    /// Input bytes read so far, over every file of the run.
    public let bytesRead: Int
    /// The size in bytes of every input of the run (at least 1).
    public let totalBytes: Int
    /// Rows (CSV records, KL Gateway reports) read so far.
    public let rows: Int
    /// Seconds since the import started.
    public let seconds: Double
    /// True on the last call, when the import is done (a progress line
    /// drawn on a terminal is cleared then); false on every other.
    public let finished: Bool

    package init(bytesRead: Int, totalBytes: Int, rows: Int, seconds: Double, finished: Bool) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.rows = rows
        self.seconds = seconds
        self.finished = finished
    }

    /// `bytesRead / seconds` in bytes per second; 0 before any time passed.
    public var bytesPerSecond: Double { seconds > 0 ? Double(bytesRead) / seconds : 0 }
    /// `(totalBytes − bytesRead) / bytesPerSecond` in seconds; 0 when unknown.
    public var secondsLeft: Double {
        let rate = bytesPerSecond
        return rate > 0 ? max(Double(totalBytes - bytesRead) / rate, 0) : 0
    }
}

/// Progress of a long import: bytes and rows read, handed to a sink
/// (`ImportOptions.progress`) `interval` seconds apart once the import has
/// taken `delay` seconds, and once more, `finished`, at the end when the
/// sink was called at all. The library itself writes nothing: the command
/// line's sink draws the line on standard error (`fsiii`'s `ProgressLine`).
/// `@unchecked Sendable`: the counters are atomics and the timer (a
/// thread-safe dispatch source) is only set up in `init` and cancelled.
final class ProgressMeter: @unchecked Sendable {
    private let totalBytes: Int
    private let done = Atomic<Int>(0)
    private let rows = Atomic<Int>(0)
    private let started = DispatchTime.now().uptimeNanoseconds
    private let timer: DispatchSourceTimer
    private let called = Atomic<Bool>(false)
    private let sink: @Sendable (ImportProgress) -> Void

    /// A meter over `totalBytes` that reports to `sink` from a utility queue.
    package init(totalBytes: Int, delay: Double = 1.0, interval: Double = 0.5, sink: @escaping @Sendable (ImportProgress) -> Void) {
        self.totalBytes = max(totalBytes, 1)
        self.sink = sink
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + delay, repeating: interval)
        timer.setEventHandler { [weak self] in self?.report(finished: false) }
        timer.resume()
    }

    /// Records `bytes` more input read (thread-safe); negative counts take
    /// back what a read that is started again had shown.
    package func advance(bytes: Int, rows: Int = 0) {
        done.add(bytes, ordering: .relaxed)
        if rows != 0 { self.rows.add(rows, ordering: .relaxed) }
    }

    private func report(finished: Bool) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        sink(ImportProgress(bytesRead: done.load(ordering: .relaxed), totalBytes: totalBytes, rows: rows.load(ordering: .relaxed),
                            seconds: seconds, finished: finished))
        called.store(true, ordering: .relaxed)
    }

    /// Stops the meter; tells the sink the import is done if it was told
    /// anything before.
    package func finish() {
        timer.cancel()
        if called.load(ordering: .relaxed) { report(finished: true) }
    }

    deinit { timer.cancel() }
}

/// The one place diagnostics go to standard error (STYLE.md: no `print`
/// for diagnostics). Every line is passed through `Redaction.mask`, and
/// every control character but the line feeds the text is made of is
/// escaped (`ControlEscaping`): the last guard against an escape sequence
/// from an input; line feeds from inputs are escaped where the text is
/// stored (`ImportProblem`, `Echo`).
package enum Diagnostics {
    /// Writes a line to standard error.
    package static func line(_ text: String) { writeRaw(shown(text) + "\n") }

    /// `text` masked, with every control character but line feeds escaped.
    static func shown(_ text: String) -> String {
        let masked = Redaction.mask(text)
        guard ControlEscaping.needsEscaping(masked) else { return masked }
        return masked.split(separator: "\n", omittingEmptySubsequences: false)
            .map { ControlEscaping.escaped(String($0)) }.joined(separator: "\n")
    }

    static func writeRaw(_ text: String) { StandardError.write(text) }
}
