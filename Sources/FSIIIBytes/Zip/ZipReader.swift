/// Reads a zip archive of stored entries, as `ZipWriter` writes them, and
/// checks it on the way: the end record and central directory are found
/// and parsed (Zip64 too), each local header must agree with its central
/// entry (name, CRC and sizes, or a data descriptor with them), and each
/// entry's CRC-32 is recomputed. For tests and the sample check; compressed
/// entries are refused, not inflated.
package struct ZipReader: Sendable {
    /// One entry of the central directory.
    package struct Entry: Sendable, Hashable {
        package var name: String
        package var crc: UInt32
        package var size: Int
        package var offset: Int
        package var flags: UInt16
        package var method: UInt16
    }

    /// Why an archive cannot be read.
    package struct Failure: Error, CustomStringConvertible, Sendable {
        package var description: String
        init(_ d: String) { description = d }
    }

    /// The entries in central-directory order.
    package private(set) var entries: [Entry] = []
    private let bytes: [UInt8]

    package init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        guard bytes.count >= 22 else { throw Failure("too short for a zip archive") }
        var end = -1
        var i = bytes.count - 22
        while i >= max(0, bytes.count - 22 - 0xFFFF) {
            if u32(i) == 0x0605_4B50 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { throw Failure("no end of central directory record") }
        var count = Int(u16(end + 10))
        var directorySize = Int(u32(end + 12))
        var directoryStart = Int(u32(end + 16))
        if end >= 20, u32(end - 20) == 0x0706_4B50 {
            let record = Int(u64(end - 12))
            guard record + 56 <= bytes.count, u32(record) == 0x0606_4B50 else { throw Failure("bad Zip64 end record") }
            count = Int(u64(record + 32))
            directorySize = Int(u64(record + 40))
            directoryStart = Int(u64(record + 48))
        }
        guard directoryStart + directorySize <= bytes.count else { throw Failure("central directory out of range") }
        var p = directoryStart
        for _ in 0..<count {
            guard p + 46 <= bytes.count, u32(p) == 0x0201_4B50 else { throw Failure("bad central directory entry at \(p)") }
            let nameLength = Int(u16(p + 28)), extraLength = Int(u16(p + 30)), commentLength = Int(u16(p + 32))
            guard p + 46 + nameLength + extraLength + commentLength <= bytes.count else { throw Failure("central entry out of range") }
            let name = String(decoding: bytes[p + 46 ..< p + 46 + nameLength], as: UTF8.self)
            var offset = Int(u32(p + 42))
            if offset == 0xFFFF_FFFF {
                var x = p + 46 + nameLength
                while x + 4 <= p + 46 + nameLength + extraLength {
                    let id = u16(x), length = Int(u16(x + 2))
                    if id == 1 { offset = Int(u64(x + 4)) }
                    x += 4 + length
                }
            }
            entries.append(Entry(name: name, crc: u32(p + 16), size: Int(u32(p + 24)), offset: offset,
                                 flags: u16(p + 8), method: u16(p + 10)))
            p += 46 + nameLength + extraLength + commentLength
        }
        guard p == directoryStart + directorySize else { throw Failure("central directory size does not match its entries") }
        for e in entries { _ = try data(e) }
    }

    /// The names of the entries, in order.
    package var names: [String] { entries.map(\.name) }

    /// The bytes of the entry `name`, CRC-checked; nil when there is none.
    package func data(_ name: String) throws(Failure) -> [UInt8]? {
        guard let e = entries.first(where: { $0.name == name }) else { return nil }
        return try data(e)
    }

    private func data(_ e: Entry) throws(Failure) -> [UInt8] {
        let p = e.offset
        guard p + 30 <= bytes.count, u32(p) == 0x0403_4B50 else { throw Failure("\(e.name): no local header at \(p)") }
        guard e.method == 0, u16(p + 8) == 0 else { throw Failure("\(e.name): compressed (method \(e.method)); only stored entries are read") }
        let nameLength = Int(u16(p + 26)), extraLength = Int(u16(p + 28))
        guard String(decoding: bytes[p + 30 ..< min(bytes.count, p + 30 + nameLength)], as: UTF8.self) == e.name else {
            throw Failure("\(e.name): the local header names another file")
        }
        let start = p + 30 + nameLength + extraLength
        guard start + e.size <= bytes.count else { throw Failure("\(e.name): data out of range") }
        let flags = u16(p + 6)
        if flags & (1 << 3) != 0 {
            let d = start + e.size
            guard d + 16 <= bytes.count, u32(d) == 0x0807_4B50, u32(d + 4) == e.crc, Int(u32(d + 8)) == e.size, Int(u32(d + 12)) == e.size else {
                throw Failure("\(e.name): the data descriptor disagrees with the central directory")
            }
        } else {
            guard u32(p + 14) == e.crc, Int(u32(p + 18)) == e.size, Int(u32(p + 22)) == e.size else {
                throw Failure("\(e.name): the local header disagrees with the central directory")
            }
        }
        let data = Array(bytes[start ..< start + e.size])
        let crc = CRC32.checksum(data)
        guard crc == e.crc else { throw Failure("\(e.name): CRC-32 \(String(crc, radix: 16)) is not the stored \(String(e.crc, radix: 16))") }
        return data
    }

    private func u16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
    private func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
    private func u64(_ i: Int) -> UInt64 { UInt64(u32(i)) | UInt64(u32(i + 4)) << 32 }
}
