import Foundation

/// Where a `ZipWriter` puts its bytes: an output file or standard output.
///
/// A sink that `canOverwrite` (a regular file written from its first
/// byte, as `OutputFile`'s temporary file is) lets the writer go back and
/// fill in each entry's CRC and sizes in its local header; any other sink
/// (a pipe, a device) gets them in a data descriptor after the entry.
package protocol ZipSink: AnyObject {
    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError)
    /// Whether `overwrite(_:at:)` works: the bytes written so far start at offset 0 and can be replaced.
    var canOverwrite: Bool { get }
    /// Replaces bytes written earlier, at `offset` from the first byte written.
    func overwrite(_ bytes: [UInt8], at offset: UInt64) throws(OutputError)
}

extension OutputFile: ZipSink {
    package func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        if let failure = append(bytes) { throw failure }
    }

    /// True for the temporary file of a regular file; false for a device or pipe written directly.
    package var canOverwrite: Bool { isTemporaryFile }

    package func overwrite(_ bytes: [UInt8], at offset: UInt64) throws(OutputError) {
        if let failure = replace(bytes, at: offset) { throw failure }
    }
}

/// Standard output as a zip sink: written as it comes, never overwritten
/// (it may be a pipe), so entries carry data descriptors.
package final class StandardOutputSink: ZipSink {
    package init() {}

    package func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        if var failure = OutputFile.writeAll(1, bytes, path: nil) {
            if failure.code == EBADF { failure.reason = "it is closed" }
            throw failure
        }
    }

    package var canOverwrite: Bool { false }

    package func overwrite(_ bytes: [UInt8], at offset: UInt64) throws(OutputError) {
        throw OutputError(path: nil, reason: "standard output cannot be rewritten", code: ESPIPE)
    }
}

/// Bytes kept in memory, for tests and small archives.
package final class MemoryZipSink: ZipSink {
    package private(set) var bytes: [UInt8] = []
    /// False to make the writer use data descriptors, as it does on a pipe.
    package var canOverwrite: Bool

    package init(canOverwrite: Bool = true) { self.canOverwrite = canOverwrite }

    package func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) { self.bytes.append(contentsOf: bytes) }

    package func overwrite(_ bytes: [UInt8], at offset: UInt64) throws(OutputError) {
        let start = Int(offset)
        guard canOverwrite, start + bytes.count <= self.bytes.count else {
            throw OutputError(path: nil, reason: "cannot overwrite", code: ESPIPE)
        }
        self.bytes.replaceSubrange(start..<start + bytes.count, with: bytes)
    }
}
