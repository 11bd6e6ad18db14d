import Foundation

/// One output file (`-o`, `--html`, `--rejects`, `--ceac`, the files of
/// `fsiii generate`), written so that a failure never leaves half a file
/// and never destroys the file it was to replace.
///
/// The bytes go to a temporary file in the same folder — hidden,
/// `.NAME.fsiii-XXXXXX`, so no folder scan reads it as an input — and
/// `commit()` flushes it to disk and renames it over `NAME` in one step.
/// Until then `NAME` is untouched: a full disk, a write error or `discard()`
/// removes the temporary file and leaves the earlier report as it was, and
/// so does an interrupted run (`FatalSignals` removes the temporary files
/// on SIGINT, SIGTERM and SIGHUP). The new file gets the mode of the file
/// it replaces, else the usual `0666` less the umask.
///
/// A path that is a symbolic link replaces the file the link points to
/// (the link stays). A device, pipe or socket (`/dev/null`, `/dev/stdout`)
/// cannot be replaced and is written directly; its write errors are
/// reported all the same.
package final class OutputFile {
    /// The path as given, for messages.
    package let path: String
    /// The file the temporary file is renamed to: `path` with a symbolic
    /// link resolved.
    private let destination: String
    /// The temporary file; nil when writing straight into a device or pipe.
    private let temporary: String?
    private var descriptor: Int32
    private var entry: FatalSignals.Entry?
    private var finished = false

    /// Opens `path` for writing: creates the temporary file next to it.
    /// Throws when `path` is empty, is a folder, or its folder does not
    /// exist or cannot be written.
    package init(path: String) throws(OutputError) {
        self.path = path
        guard !path.isEmpty else { throw OutputError(path: path, reason: "the file name is empty") }
        guard !path.hasSuffix("/") else { throw OutputError(path: path, reason: "the name ends in / and so names a folder, not a file") }
        var destination = path
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw OutputError(path: path, reason: "it is a symbolic link to a file or folder that does not exist")
            }
            destination = String(cString: resolved)
            free(resolved)
        }
        self.destination = destination
        let mode: mode_t
        if stat(destination, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw OutputError(path: path, reason: "it is a folder")
            case S_IFREG:
                mode = info.st_mode & 0o7777
            default:
                let fd = open(destination, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw .system(path) }
                descriptor = fd
                temporary = nil
                return
            }
        } else if errno == ENOENT {
            mode = Self.creationMode
        } else {
            throw .system(path)
        }
        let folder = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "" : folder + "/") + "." + Self.shortened(name) + ".fsiii-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw OutputError(path: path, reason: "the folder \(ControlEscaping.escaped(folder)) does not exist", code: code) }
            throw .system(path, code)
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        entry = FatalSignals.addTemporaryFile(temporary)
        _ = fchmod(fd, mode)
        descriptor = fd
        self.temporary = temporary
    }

    /// Writes `path` whole or not at all.
    package static func write(_ text: String, to path: String) throws(OutputError) {
        let file = try OutputFile(path: path)
        try file.write(text)
        try file.commit()
    }

    /// Creates the folder `path` and any missing folders above it (as
    /// `mkdir -p`); nothing to do when it exists.
    package static func createFolder(_ path: String) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError(path: path, reason: "the folder name is empty") }
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputError(path: path, reason: "it is a file, not a folder", code: ENOTDIR) }
            return
        }
        if mkdir(path, 0o777) == 0 { return }
        guard errno == ENOENT else { throw .system(path) }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try createFolder(parent) }
        if mkdir(path, 0o777) != 0 && errno != EEXIST { throw .system(path) }
    }

    /// Appends `text` as UTF-8. On failure the temporary file is removed.
    package func write(_ text: String) throws(OutputError) {
        var text = text
        let failure = text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        if let failure { throw failure }
    }

    /// Appends `bytes`. On failure the temporary file is removed.
    package func write(_ bytes: [UInt8]) throws(OutputError) {
        let failure = bytes.withUnsafeBytes { append($0) }
        if let failure { throw failure }
    }

    /// Whether the bytes go to a temporary file (which `replace` can rewrite), not straight into a device or pipe.
    var isTemporaryFile: Bool { temporary != nil }

    /// Rewrites bytes already written at `offset` (a zip entry's local
    /// header, once its CRC and sizes are known); only on the temporary file.
    func replace(_ bytes: [UInt8], at offset: UInt64) -> OutputError? {
        guard !finished else { return OutputError(path: path, reason: "the file was already closed") }
        guard temporary != nil else { return OutputError(path: path, reason: "it cannot be rewritten", code: ESPIPE) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done)) }
            if n < 0 {
                if errno == EINTR { continue }
                let failure = OutputError.system(path)
                discard()
                return failure
            }
            done += n
        }
        return nil
    }

    func append(_ bytes: UnsafeRawBufferPointer) -> OutputError? {
        guard !finished else { return OutputError(path: path, reason: "the file was already closed") }
        if let failure = Self.writeAll(descriptor, bytes, path: path) {
            discard()
            return failure
        }
        return nil
    }

    /// Flushes the file to disk and renames it into place; on failure the
    /// temporary file is removed and `path` is left as it was.
    package func commit() throws(OutputError) {
        guard !finished else { throw OutputError(path: path, reason: "the file was already closed") }
        finished = true
        guard let temporary else {
            if close(descriptor) != 0 { throw .system(path) }
            return
        }
        defer { FatalSignals.remove(entry) }
        if fsync(descriptor) != 0 {
            let failure = OutputError.system(path)
            close(descriptor)
            unlink(temporary)
            throw failure
        }
        if close(descriptor) != 0 {
            let failure = OutputError.system(path)
            unlink(temporary)
            throw failure
        }
        if rename(temporary, destination) != 0 {
            let failure = OutputError.system(path)
            unlink(temporary)
            throw failure
        }
        // The rename itself reaches the disk with its folder.
        let folder = (destination as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }

    /// Gives the output up: removes the temporary file; `path` is untouched.
    package func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        if let temporary { unlink(temporary) }
        FatalSignals.remove(entry)
    }

    deinit { discard() }

    /// Writes all of `bytes` to `fd`, resuming after interrupted and
    /// partial writes; the error of the first failed write.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String?) -> OutputError? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            // Linux writes at most 0x7ffff000 bytes a call.
            let n = Foundation.write(fd, base + offset, min(bytes.count - offset, 1 << 30))
            if n < 0 {
                if errno == EINTR { continue }
                return .system(path)
            }
            if n == 0 { return OutputError(path: path, reason: "nothing could be written", code: EIO) }
            offset += n
        }
        return nil
    }

    /// `0666` less the umask, as `open(…, O_CREAT, 0666)` would create it.
    /// Read once, on the first output (`umask` can only be read by setting it).
    private static let creationMode: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }()

    /// A file name cut to at most 200 bytes at a character boundary, so
    /// `.NAME.fsiii-XXXXXX` stays within the 255 bytes a name may have.
    static func shortened(_ name: String) -> String {
        guard name.utf8.count > 200 else { return name }
        var out = ""
        for scalar in name.unicodeScalars {
            guard out.utf8.count + scalar.utf8.count <= 200 else { break }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
