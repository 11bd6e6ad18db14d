import Foundation
import Testing
@testable import FSIIIBytes

/// The zip writer's archives read back by `ZipReader`, which checks the end
/// record, the central directory, each local header and each CRC-32.
@Suite("Zip writer: stored entries, CRC-32, streamed")
struct ZipWriterTests {
    static func archive(canOverwrite: Bool, entries: [(String, [UInt8])]) throws -> [UInt8] {
        let sink = MemoryZipSink(canOverwrite: canOverwrite)
        let zip = ZipWriter(sink: sink)
        for (name, data) in entries {
            try zip.beginEntry(name)
            // In uneven pieces, as a sheet is written row by row.
            var i = 0, step = 1
            while i < data.count {
                let j = min(data.count, i + step)
                try data[i..<j].withUnsafeBytes { try zip.write($0) }
                i = j
                step = step * 3 + 1
            }
        }
        try zip.finish()
        return sink.bytes
    }

    static let sample: [(String, [UInt8])] = [
        ("[Content_Types].xml", Array("<Types/>".utf8)),
        ("empty", []),
        ("xl/worksheets/sheet1.xml", (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }),
        ("æøå/navn.txt", Array("Grüße".utf8)),
    ]

    @Test("with local headers filled in afterwards and with data descriptors",
          arguments: [true, false])
    func roundTrip(canOverwrite: Bool) throws {
        let bytes = try Self.archive(canOverwrite: canOverwrite, entries: Self.sample)
        let reader = try ZipReader(bytes)
        #expect(reader.names == Self.sample.map(\.0))
        for (name, data) in Self.sample {
            #expect(try reader.data(name) == data, "\(name)")
        }
        for e in reader.entries {
            #expect(e.method == 0)
            #expect((e.flags & 0x8 != 0) == !canOverwrite, "\(e.name): data descriptor flag")
            #expect((e.flags & 0x800 != 0) == e.name.utf8.contains { $0 >= 0x80 }, "\(e.name): UTF-8 flag")
        }
        // The same entries give the same bytes.
        #expect(try Self.archive(canOverwrite: canOverwrite, entries: Self.sample) == bytes)
    }

    @Test("a corrupted byte is caught by the CRC")
    func corruptionCaught() throws {
        var bytes = try Self.archive(canOverwrite: true, entries: [("a.txt", Array("hello, world".utf8))])
        let at = 30 + 5 + 3   // inside the data of the first entry
        bytes[at] ^= 0x01
        #expect(throws: ZipReader.Failure.self) { try ZipReader(bytes) }
    }

    @Test("an output file is a sink whose headers are rewritten in place")
    func outputFileSink() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-zip-\(UUID().uuidString).zip").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try OutputFile(path: path)
        #expect(file.canOverwrite)
        let zip = ZipWriter(sink: file)
        for (name, data) in Self.sample {
            try zip.beginEntry(name)
            try data.withUnsafeBytes { try zip.write($0) }
        }
        try zip.finish()
        try file.commit()
        let reader = try ZipReader([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(reader.names.count == Self.sample.count)
        #expect(reader.entries.allSatisfy { $0.flags & 0x8 == 0 })
    }

    @Test("unzip -t accepts the archive", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip"), "unzip is not installed: skipped"))
    func unzipAccepts() throws {
        for overwrite in [true, false] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-zip-\(UUID().uuidString).zip").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(try Self.archive(canOverwrite: overwrite, entries: Self.sample)).write(to: URL(fileURLWithPath: path))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
            p.arguments = ["-tq", path]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "unzip -t failed (data descriptors: \(!overwrite))")
        }
    }
}
