import FSIIIBytes
import Foundation
import FSIIIEffect

/// The progress line of a long import on standard error — bytes and rows
/// read, rate, time left — redrawn in place with `\r` while the library
/// reports progress, cleared at the end. The command line's choice: it is
/// passed as `ImportOptions.progress` only when standard error is a
/// terminal and `--quiet` is not given; the library itself prints nothing.
enum ProgressLine {
    /// Whether standard error is a terminal (a redrawn line in a log file is noise).
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// The sink for `ImportOptions.progress`, or nil when no line should be drawn.
    static func sink(quiet: Bool) -> (@Sendable (ImportProgress) -> Void)? {
        quiet || !standardErrorIsTerminal ? nil : draw
    }

    /// `reading: 12 of 340 MB, 51234 rows, 210 MB/s, 2 s left`, or the
    /// line cleared when the import is finished.
    @Sendable static func draw(_ p: ImportProgress) {
        if p.finished {
            StandardError.write("\r\u{1B}[K")
            return
        }
        StandardError.write(text(p))
    }

    /// The line of `p`, starting with `\r` so it overwrites the last one.
    static func text(_ p: ImportProgress) -> String {
        String(format: "\r%@: %.0f of %.0f MB, %ld rows, %.0f MB/s, %.0f s left ", "reading",
               Double(p.bytesRead) / 1e6, Double(p.totalBytes) / 1e6, p.rows, p.bytesPerSecond / 1e6, p.secondsLeft)
    }
}
