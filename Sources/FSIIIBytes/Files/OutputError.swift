import Foundation

/// An output that could not be written: a full disk, a closed pipe, a
/// folder that does not exist, no permission. The command line reports it
/// as `PATH: cannot write: REASON` and exits with status 1 (SPEC §11).
package struct OutputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path as the user gave it; nil for standard output.
    package var path: String?
    /// What went wrong, in words (`No space left on device`).
    package var reason: String
    /// The `errno` of the failed call, 0 when there was none.
    package var code: Int32

    package init(path: String?, reason: String, code: Int32 = 0) {
        self.path = path
        self.reason = reason
        self.code = code
    }

    /// From the `errno` of a failed system call.
    static func system(_ path: String?, _ code: Int32 = errno) -> OutputError {
        OutputError(path: path, reason: String(cString: strerror(code)), code: code)
    }

    /// Standard output is a pipe whose reader has gone (`fsiii report … | head`).
    package var isBrokenPipe: Bool { path == nil && code == EPIPE }

    /// `PATH: cannot write: REASON`, the path escaped for one line (`ControlEscaping`).
    package var description: String {
        "\(path.map(ControlEscaping.escaped) ?? "standard output"): cannot write: \(reason)"
    }
}
