import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes

/// Record ids are compared by their 128-bit hash alone (SPEC §4
/// superseding); `recordIDHash` is the domain's use of the byte hash
/// (moved from ByteHashTests with the byte-level code).
@Suite("Record id hash")
struct RecordIDHashTests {
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
