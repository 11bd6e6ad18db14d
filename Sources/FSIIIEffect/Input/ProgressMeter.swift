import Dispatch
import Foundation
import FSIIIBytes
import Synchronization

/// Progress of a long import on standard error — bytes and rows read, rate,
/// time left — redrawn twice a second, only when standard error is a
/// terminal and the import takes more than a second (quiet otherwise).
/// `@unchecked Sendable`: the counters are atomics and the timer (a
/// thread-safe dispatch source) is only set up in `init` and cancelled.
public final class ProgressMeter: @unchecked Sendable {
    private let totalBytes: Int
    private let label: String
    private let done = Atomic<Int>(0)
    private let rows = Atomic<Int>(0)
    private let started = DispatchTime.now().uptimeNanoseconds
    private let timer: DispatchSourceTimer?
    private let drawn = Atomic<Bool>(false)

    /// A meter over `totalBytes`; nil-like (silent) when `enabled` is false.
    public init(totalBytes: Int, label: String, enabled: Bool = ProgressMeter.standardErrorIsTerminal) {
        self.totalBytes = max(totalBytes, 1)
        self.label = Echo.text(label, limit: Echo.labelLimit)
        if enabled {
            let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
            t.schedule(deadline: .now() + 1.0, repeating: 0.5)
            timer = t
        } else {
            timer = nil
        }
        timer?.setEventHandler { [weak self] in self?.draw() }
        timer?.resume()
    }

    public static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// Records `bytes` more input read (thread-safe); negative counts take
    /// back what a read that is started again had shown.
    public func advance(bytes: Int, rows: Int = 0) {
        done.add(bytes, ordering: .relaxed)
        if rows != 0 { self.rows.add(rows, ordering: .relaxed) }
    }

    private func draw() {
        let bytes = done.load(ordering: .relaxed)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let rate = Double(bytes) / max(seconds, 1e-9)
        let left = rate > 0 ? Double(totalBytes - bytes) / rate : 0
        let rowCount = rows.load(ordering: .relaxed)
        let line = String(format: "\r%@: %.0f of %.0f MB, %ld rows, %.0f MB/s, %.0f s left ", label,
                          Double(bytes) / 1e6, Double(totalBytes) / 1e6, rowCount, rate / 1e6, max(left, 0))
        Diagnostics.writeRaw(line)
        drawn.store(true, ordering: .relaxed)
    }

    /// Stops the meter and clears its line.
    public func finish() {
        timer?.cancel()
        if drawn.load(ordering: .relaxed) { Diagnostics.writeRaw("\r\u{1B}[K") }
    }

    deinit { timer?.cancel() }
}

/// The one place diagnostics go to standard error (STYLE.md: no `print`
/// for diagnostics). Every line is passed through `Redaction.mask`, and
/// every control character but the line feeds the text is made of is
/// escaped (`ControlEscaping`): the last guard against an escape sequence
/// from an input; line feeds from inputs are escaped where the text is
/// stored (`ImportProblem`, `Echo`).
public enum Diagnostics {
    /// Writes a line to standard error.
    public static func line(_ text: String) { writeRaw(shown(text) + "\n") }

    /// `text` masked, with every control character but line feeds escaped.
    static func shown(_ text: String) -> String {
        let masked = Redaction.mask(text)
        guard ControlEscaping.needsEscaping(masked) else { return masked }
        return masked.split(separator: "\n", omittingEmptySubsequences: false)
            .map { ControlEscaping.escaped(String($0)) }.joined(separator: "\n")
    }

    static func writeRaw(_ text: String) { StandardError.write(text) }
}
