import Foundation

/// The one place where the program writes to standard output (STYLE.md;
/// standard error goes through `Diagnostics`). A write that fails — a full
/// disk, `/dev/full`, a closed pipe, a closed descriptor — is an
/// `OutputError`, never a trap.
package enum StandardOutput {
    /// Writes `text` as UTF-8, all of it or up to the failed write.
    package static func write(_ text: String) throws(OutputError) {
        var text = text
        let failure = text.withUTF8 { OutputFile.writeAll(1, UnsafeRawBufferPointer($0), path: nil) }
        guard var failure else { return }
        if failure.code == EBADF { failure.reason = "it is closed" }
        throw failure
    }

    /// Makes sure descriptors 0, 1 and 2 are open, called once at start.
    ///
    /// Started with standard output closed (`fsiii report … >&-`), the
    /// first file the program opens would get descriptor 1 and the report
    /// would be written into it. A closed descriptor is therefore opened
    /// on `/dev/null` for reading only: nothing else can take it, and a
    /// write to it still fails with "Bad file descriptor", as on a closed one.
    package static func reserveDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
    }
}

/// Bytes to standard error, unchanged: the one write underneath the
/// domain's `Diagnostics` (which masks identifiers and escapes controls
/// first) and the stage trace (timings only, no data). A failed write is
/// dropped: there is nowhere left to report it.
package enum StandardError {
    package static func write(_ text: String) {
        var text = text
        text.withUTF8 { b in
            var offset = 0
            while offset < b.count, let base = b.baseAddress {
                let n = Foundation.write(2, base + offset, b.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }
}
