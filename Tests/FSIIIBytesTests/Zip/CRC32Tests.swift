import Testing
@testable import FSIIIBytes

/// CRC-32 against the check values of the CRC catalogue (Greg Cook,
/// "CRC-32/ISO-HDLC": check 0xCBF43926) and zlib's `crc32()`.
@Suite("CRC-32 (ISO-HDLC, as zip uses it)")
struct CRC32Tests {
    @Test("the catalogue's check value and zlib's values")
    func knownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum([UInt8](repeating: 0, count: 32)) == 0x190A_55AD)
        #expect(CRC32.checksum([UInt8](repeating: 0xFF, count: 32)) == 0xFF6C_AB0B)
    }

    @Test("slicing-by-8 equals the bytewise definition for every length and split")
    func chunkedEqualsBitwise() {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        func bitwise(_ bytes: ArraySlice<UInt8>) -> UInt32 {
            var c: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                c ^= UInt32(b)
                for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            }
            return c ^ 0xFFFF_FFFF
        }
        for n in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 999, 1000] {
            #expect(CRC32.checksum(data[..<n]) == bitwise(data[..<n]), "length \(n)")
        }
        for split in [1, 3, 8, 13, 500] {
            var crc = CRC32()
            data[..<split].withUnsafeBytes { crc.update($0) }
            data[split...].withUnsafeBytes { crc.update($0) }
            #expect(crc.value == bitwise(data[...]), "split at \(split)")
        }
    }
}
