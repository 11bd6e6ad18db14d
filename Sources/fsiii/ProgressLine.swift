import FSIIIBytes
import Foundation
import FSIIIEffect
import FSIIIReports

/// The progress line of a long import on standard error, redrawn in place
/// while the library reports progress and cleared at the end
/// (`ProgressText` says what it looks like). The command line's choice: it
/// is passed as `ImportOptions.progress` only when standard error is a
/// terminal and `--quiet` is not given; with `NO_COLOR` or `TERM=dumb` it
/// carries no escape sequence. The library itself prints nothing.
enum ProgressLine {
    /// Whether standard error is a terminal (a redrawn line in a log file is noise).
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// The sink for `ImportOptions.progress`, or nil when no line should be drawn.
    static func sink(quiet: Bool) -> (@Sendable (ImportProgress) -> Void)? {
        guard !quiet, standardErrorIsTerminal else { return nil }
        let style = ProgressText.style(environment: ProcessInfo.processInfo.environment)
        return { StandardError.write(ProgressText.text($0, style: style)) }
    }
}
