import FSIIIEffect
import Foundation

/// The text of the progress line `fsiii` draws on a terminal during a long
/// import — bytes and rows read, rate, time left — kept apart from the
/// drawing so what reaches the terminal is testable.
///
/// Two styles: `ansi` overwrites the line with `\r` and clears it with the
/// erase-line sequence `ESC [ K`; `plain` writes no escape sequence at all
/// (pads the line with spaces so a shorter one covers a longer one, and
/// clears it with spaces), for `NO_COLOR` (no-color.org) and `TERM=dumb`.
package enum ProgressText {
    package enum Style: Sendable, Equatable { case ansi, plain }

    /// `plain` when `NO_COLOR` is set to anything but the empty string or
    /// `TERM` is `dumb`, else `ansi`.
    package static func style(environment: [String: String]) -> Style {
        !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb" ? .plain : .ansi
    }

    /// The columns a plain line covers (its leading `\r` not counted).
    package static let plainWidth = 79

    /// What to write for `p` in `style`: the line starting with `\r`, or
    /// what clears it when the import is finished.
    package static func text(_ p: ImportProgress, style: Style) -> String {
        switch (style, p.finished) {
        case (.ansi, true): return "\r\u{1B}[K"
        case (.plain, true): return "\r" + String(repeating: " ", count: plainWidth) + "\r"
        case (.ansi, false): return line(p)
        case (.plain, false):
            let l = line(p)
            return l.count > plainWidth ? l : l.padding(toLength: plainWidth + 1, withPad: " ", startingAt: 0)
        }
    }

    /// `\rreading: 12 of 340 MB, 51234 rows, 210 MB/s, 2 s left `.
    static func line(_ p: ImportProgress) -> String {
        String(format: "\r%@: %.0f of %.0f MB, %ld rows, %.0f MB/s, %.0f s left ", "reading",
               Double(p.bytesRead) / 1e6, Double(p.totalBytes) / 1e6, p.rows, p.bytesPerSecond / 1e6, p.secondsLeft)
    }
}
