import Testing
@testable import FSIIIBytes

@Suite("Byte interner: entries read in place")
struct ByteInternerTests {
    @Test("withBytes gives each entry's bytes where they are stored, the same as bytes(at:), the empty entry included")
    func inPlace() {
        var interner = ByteInterner(capacity: 4)
        let keys = ["0101504321", "", "A101-1", "ææ"]
        let indices = keys.map { interner.intern($0) }
        for (key, index) in zip(keys, indices) {
            let read = interner.withBytes(at: Int(index)) { Array($0) }
            #expect(read == Array(key.utf8))
            #expect(read[...] == interner.bytes(at: Int(index)))
        }
        #expect(interner.withBytes(at: Int(indices[0])) { $0.last } == 0x31)
    }
}
