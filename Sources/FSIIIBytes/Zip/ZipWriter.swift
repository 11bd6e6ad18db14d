/// Writes a zip archive (PKWARE APPNOTE 6.3) of stored, uncompressed
/// entries as it goes, so an entry of any length passes through a 1 MiB
/// buffer and is never held whole in memory.
///
/// Each entry's CRC-32 and size are known only at its end. On a sink that
/// `canOverwrite` (an output file's temporary file) the local header is
/// written with zeros and filled in with `pwrite` when the entry ends, so
/// the archive has plain local headers as every reader expects. On a pipe
/// (standard output) bit 3 of the flags is set and a data descriptor
/// follows the entry instead (APPNOTE 4.3.9). Either way the central
/// directory at the end has every CRC, size and offset.
///
/// Names are stored as given (UTF-8, flag bit 11 when not ASCII); every
/// entry has the time 1980-01-01 00:00, so the same input gives the same
/// bytes. An entry may hold up to 4 GiB − 1 bytes; the archive may be
/// larger: offsets past 4 GiB go into Zip64 extra fields of the central
/// directory and a Zip64 end record (APPNOTE 4.3.14, 4.5.3).
package final class ZipWriter {
    private struct Entry {
        var name: [UInt8]
        var offset: UInt64
        var crc: UInt32 = 0
        var size: UInt64 = 0
        var flags: UInt16
    }

    private let sink: ZipSink
    private let patchHeaders: Bool
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    /// Bytes handed to the sink so far.
    private var flushed: UInt64 = 0
    private var entries: [Entry] = []
    /// The entry being written, with where its data starts in `buffer`.
    private var open: (entry: Entry, crc: CRC32, dataStart: Int)?
    private var finished = false

    package init(sink: ZipSink) {
        self.sink = sink
        patchHeaders = sink.canOverwrite
        buffer.reserveCapacity(capacity)
    }

    /// The bytes written so far (flushed and buffered).
    package var position: UInt64 { flushed + UInt64(buffer.count) }

    /// Starts the entry `name` (a path with `/`); ends the open one first.
    package func beginEntry(_ name: String) throws(OutputError) {
        if open != nil { try endEntry() }
        let nameBytes = Array(name.utf8)
        var flags: UInt16 = patchHeaders ? 0 : 1 << 3
        if nameBytes.contains(where: { $0 >= 0x80 }) { flags |= 1 << 11 }
        let entry = Entry(name: nameBytes, offset: position, flags: flags)
        var h: [UInt8] = []
        h.le32(0x0403_4B50)
        h.le16(20); h.le16(flags); h.le16(0)          // version needed 2.0, flags, stored
        h.le16(0); h.le16(Self.dosDate)                // 00:00, 1980-01-01
        h.le32(0); h.le32(0); h.le32(0)                // CRC, sizes: filled in at the end
        h.le16(UInt16(nameBytes.count)); h.le16(0)
        h += nameBytes
        try append(h)
        open = (entry, CRC32(), buffer.count)
    }

    /// Appends `bytes` to the open entry.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard open != nil else { throw OutputError(path: nil, reason: "no zip entry is open") }
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count > capacity {
            open!.crc.update(bytes)
            open!.entry.size += UInt64(bytes.count)
            try sink.write(bytes)
            flushed += UInt64(bytes.count)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends `text` as UTF-8 to the open entry.
    package func write(_ text: String) throws(OutputError) {
        var text = text
        var failure: OutputError?
        text.withUTF8 { b in
            do throws(OutputError) { try write(UnsafeRawBufferPointer(b)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Ends the open entry: its CRC and size go into its local header (or a data descriptor).
    package func endEntry() throws(OutputError) {
        guard var current = open else { return }
        buffer.withUnsafeBytes { current.crc.update(UnsafeRawBufferPointer(rebasing: $0[current.dataStart...])) }
        current.entry.size += UInt64(buffer.count - current.dataStart)
        current.entry.crc = current.crc.value
        open = nil
        let e = current.entry
        guard e.size < 0xFFFF_FFFF else {
            throw OutputError(path: nil, reason: "the zip entry \(String(decoding: e.name, as: UTF8.self)) is larger than 4 GiB")
        }
        var fields: [UInt8] = []
        fields.le32(e.crc); fields.le32(UInt32(e.size)); fields.le32(UInt32(e.size))
        if patchHeaders {
            let at = e.offset + 14
            if at >= flushed {
                let i = Int(at - flushed)
                buffer.replaceSubrange(i..<i + 12, with: fields)
            } else {
                try flush()
                try sink.overwrite(fields, at: at)
            }
        } else {
            var d: [UInt8] = []
            d.le32(0x0807_4B50)
            try append(d + fields)
        }
        entries.append(e)
    }

    /// Writes the central directory and the end records, and flushes.
    /// Nothing may be written after.
    package func finish() throws(OutputError) {
        guard !finished else { return }
        try endEntry()
        finished = true
        let directoryStart = position
        var zip64 = directoryStart >= 0xFFFF_FFFF || entries.count >= 0xFFFF
        for e in entries {
            var c: [UInt8] = []
            let farOffset = e.offset >= 0xFFFF_FFFF
            zip64 = zip64 || farOffset
            c.le32(0x0201_4B50)
            c.le16(farOffset ? 45 : 20); c.le16(farOffset ? 45 : 20)   // made by / needed: 2.0, 4.5 for Zip64
            c.le16(e.flags); c.le16(0); c.le16(0); c.le16(Self.dosDate)
            c.le32(e.crc); c.le32(UInt32(e.size)); c.le32(UInt32(e.size))
            c.le16(UInt16(e.name.count)); c.le16(farOffset ? 12 : 0); c.le16(0)
            c.le16(0); c.le16(0); c.le32(0)                             // disk, internal and external attributes
            c.le32(farOffset ? 0xFFFF_FFFF : UInt32(e.offset))
            c += e.name
            if farOffset { c.le16(0x0001); c.le16(8); c.le64(e.offset) }
            try append(c)
        }
        let directoryEnd = position
        let directorySize = directoryEnd - directoryStart
        var end: [UInt8] = []
        if zip64 {
            end.le32(0x0606_4B50); end.le64(44)
            end.le16(45); end.le16(45); end.le32(0); end.le32(0)
            end.le64(UInt64(entries.count)); end.le64(UInt64(entries.count))
            end.le64(directorySize); end.le64(directoryStart)
            end.le32(0x0706_4B50); end.le32(0); end.le64(directoryEnd); end.le32(1)
        }
        end.le32(0x0605_4B50)
        end.le16(0); end.le16(0)
        end.le16(UInt16(min(entries.count, 0xFFFF))); end.le16(UInt16(min(entries.count, 0xFFFF)))
        end.le32(UInt32(min(directorySize, 0xFFFF_FFFF)))
        end.le32(zip64 ? 0xFFFF_FFFF : UInt32(directoryStart))
        end.le16(0)
        try append(end)
        try flush()
    }

    private func append(_ bytes: [UInt8]) throws(OutputError) {
        if buffer.count + bytes.count > capacity { try flush() }
        buffer += bytes
    }

    /// Hands the buffer to the sink, adding the open entry's bytes in it to its CRC first.
    private func flush() throws(OutputError) {
        if var current = open {
            buffer.withUnsafeBytes { current.crc.update(UnsafeRawBufferPointer(rebasing: $0[current.dataStart...])) }
            current.entry.size += UInt64(buffer.count - current.dataStart)
            current.dataStart = 0
            open = current
        }
        guard !buffer.isEmpty else { return }
        let failure: OutputError? = buffer.withUnsafeBytes { b in
            do throws(OutputError) { try sink.write(b); return nil } catch { return error }
        }
        if let failure { throw failure }
        flushed += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// 1980-01-01 in MS-DOS form: (year − 1980) << 9 | month << 5 | day.
    private static let dosDate: UInt16 = 1 << 5 | 1
}

extension [UInt8] {
    mutating func le16(_ x: UInt16) { append(UInt8(x & 0xFF)); append(UInt8(x >> 8)) }
    mutating func le32(_ x: UInt32) { for i in 0..<4 { append(UInt8((x >> (8 * UInt32(i))) & 0xFF)) } }
    mutating func le64(_ x: UInt64) { for i in 0..<8 { append(UInt8((x >> (8 * UInt64(i))) & 0xFF)) } }
}
