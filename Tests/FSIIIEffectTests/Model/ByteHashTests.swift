import Testing
@testable import FSIIIEffect

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

    @Test("record ids: equal text, equal 128-bit hash; empty means no id")
    func recordIDs() {
        func id(_ s: String) -> (UInt64, UInt64) {
            let b = Array(s.utf8)
            return b.withUnsafeBufferPointer { recordIDHash(ByteSlice(p: $0.baseAddress ?? emptyBytes, n: $0.count)) }
        }
        #expect(id("R00000001") == id("R00000001"))
        #expect(id("R00000001") != id("R00000002"))
        #expect(id("") == (0, 0))
    }
}
