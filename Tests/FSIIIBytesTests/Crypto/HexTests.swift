import Testing
@testable import FSIIIBytes

@Suite("Hex encoding")
struct HexTests {
    @Test("bytes become two lowercase digits each, high nibble first")
    func lowercaseDigits() {
        #expect(Hex.encode([0x00, 0x01, 0x0f, 0x10, 0x9a, 0xab, 0xff] as [UInt8]) == "00010f109aabff")
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test("a non-contiguous sequence encodes like an array")
    func nonContiguousSequence() {
        let bytes: [UInt8] = Array(0...255)
        #expect(Hex.encode(bytes.lazy.map { $0 }) == Hex.encode(bytes))
        #expect(Hex.encode(bytes).count == 512)
    }
}
