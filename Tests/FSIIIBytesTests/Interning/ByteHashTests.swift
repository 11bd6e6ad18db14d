import Testing
@testable import FSIIIBytes
@testable import FSIIIStatistics

/// The byte hash behind interning and record ids: record ids are compared
/// by their 128-bit hash alone (SPEC §4 superseding), so distinct ids must
/// not collide.
@Suite("Byte hash")
struct ByteHashTests {
    static func hash(_ s: String, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> UInt64 {
        let b = Array(s.utf8)
        return b.withUnsafeBufferPointer { byteHash($0.baseAddress ?? emptyBytes, $0.count, seed: seed) }
    }

    @Test("ids that differ in length and one byte do not collide (a bug once made A101-1 equal A1011-1)")
    func lengthAndByte() {
        #expect(Self.hash("A101-1") != Self.hash("A1011-1"))
        #expect(Self.hash("0") != Self.hash("00") && Self.hash("") != Self.hash("0"))
    }

    @Test("no collision among 200,000 sequential ids of every length up to 24 bytes")
    func noCollisions() {
        var seen = Set<UInt64>()
        var count = 0
        for i in 0..<10_000 {
            for k in 1...20 {
                let id = "A\(i)-\(k)"
                seen.insert(Self.hash(id))
                count += 1
            }
        }
        for n in 0...24 { seen.insert(Self.hash(String(repeating: "7", count: n))); count += 1 }
        #expect(seen.count == count)
    }

    /// Values of the hash as first written (one function per seed), so a
    /// rewrite that changes a single bit is caught.
    static let pinned: [(String, UInt64, UInt64)] = [
        ("", 0x5a29dcb51d1c33b3, 0x19fcfb8b71f624cd),
        ("0", 0xa5d89860940d9854, 0x1fbf24016d6c4b05),
        ("ab", 0x3e389cf1d254a44a, 0xa24dd701fdae0d9a),
        ("A0-1", 0xb6be739fe657f5f6, 0xfbc7909d614c1da0),
        ("A101-1", 0x41d86a4e03564d20, 0x70ed315b39e6d53a),
        ("R00000001", 0x8b1d29df3ef9bdea, 0x29dbe141f78b68d8),
        ("0101401234", 0x7a613d04df2917fe, 0x5b4d7672aa627fd0),
        ("4d46bd94-9518-431c-82e8-ebb91bca307a", 0xcb226cb9a762f43b, 0xc7dce2206e41822),
    ]

    @Test("pinned values; the pair read in one pass equals two hashes with the two seeds, for every length up to 40")
    func pinnedAndPair() {
        let seedB: UInt64 = 0x2545_F491_4F6C_DD1D
        for (s, a, b) in Self.pinned {
            #expect(Self.hash(s) == a && Self.hash(s, seed: seedB) == b, "\(s)")
        }
        var random = SeededGenerator(seed: 41)
        for n in 0...40 {
            for _ in 0..<20 {
                let bytes = (0..<n).map { _ in UInt8(random.index(below: 256)) }
                bytes.withUnsafeBufferPointer { b in
                    let p = b.baseAddress ?? emptyBytes
                    let pair = byteHashPair(p, n, seeds: 0x9E37_79B9_7F4A_7C15, seedB)
                    #expect(pair.0 == byteHash(p, n) && pair.1 == byteHash(p, n, seed: seedB), "\(bytes)")
                }
            }
        }
    }
}
