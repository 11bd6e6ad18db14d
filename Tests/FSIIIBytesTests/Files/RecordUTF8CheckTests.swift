import Testing
@testable import FSIIIBytes
@testable import FSIIIStatistics

/// The UTF-8 check a speculative read makes of each chunk's records ahead
/// of the scanner (`TextEncoding.isValidUTF8Text`) must say what the exact
/// check says (moved from SpeculativeReadTests with the byte-level code).
@Suite("UTF-8 check of records")
struct RecordUTF8CheckTests {
    @Test("the vector UTF-8 check of records equals isValidUTF8 on 4,000 random Danish spans")
    func recordCheck() {
        var random = SeededGenerator(seed: 2_611)
        func next(_ n: Int) -> Int { random.index(below: n) }
        var invalid = 0, vectorPath = 0
        for _ in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(next(4) == 0 ? 8 : 60) { bytes += CensusTests.danish[next(CensusTests.danish.count)] }
            switch next(4) {
            case 0: bytes.insert(contentsOf: CensusTests.danishBad[next(CensusTests.danishBad.count)], at: next(bytes.count + 1))
            case 1: bytes.insert(contentsOf: Array("€".utf8), at: next(bytes.count + 1))
            case 2 where !bytes.isEmpty: bytes[next(bytes.count)] = [0xC3, 0xA6, 0x80, 0xE6][next(4)]
            default: break
            }
            let valid = bytes.withUnsafeBufferPointer { b in TextEncoding.isValidUTF8(b.baseAddress ?? emptyBytes, b.count) }
            let checked = bytes.withUnsafeBufferPointer { b in TextEncoding.isValidUTF8Text(b.baseAddress ?? emptyBytes, b.count) }
            #expect(checked == valid, "\(bytes)")
            if !valid { invalid += 1 }
            if bytes.count >= 17 && bytes[0] < 0x80 && bytes[bytes.count - 1] < 0xC0 { vectorPath += 1 }
        }
        #expect(invalid > 500 && vectorPath > 2_000, "both outcomes and the vector path were exercised")
    }
}
