import Foundation
import Testing
@testable import FSIIIBytes
@testable import FSIIIStatistics

/// The census reads each block of a mapped file once and must agree with
/// the three separate checks it replaces: `isValidUTF8`, `lineEnds` and a
/// search for a double quote.
@Suite("File census")
struct CensusTests {
    /// Pieces the random texts are made of: ASCII, line ends of every kind,
    /// quotes, 2-, 3- and 4-byte characters, and (in the bad set) bytes that
    /// are not UTF-8: a stray continuation, an overlong form, a surrogate, a
    /// cut-off sequence.
    static let good: [[UInt8]] = ["a", "bc", ";", "0101401234", "\n", "\r", "\r\n", "\"", "æ", "ø", "€", "😀", "Hold Nørrebro"].map { Array($0.utf8) }
    static let bad: [[UInt8]] = [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xFF]]

    /// Expects the census of `bytes` to equal the three separate checks;
    /// returns whether the bytes are UTF-8.
    static func agreesWithChecks(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let p = b.baseAddress ?? emptyBytes
            let census = TextEncoding.censusBlock(p, b.count)
            let valid = TextEncoding.isValidUTF8(p, b.count)
            #expect((census != nil) == valid, "\(bytes)")
            if let census {
                #expect(census.lines == CSVScanner.lineEnds(p, range: 0..<b.count), "\(bytes)")
                #expect(census.quote == bytes.contains(0x22), "\(bytes)")
            }
            return valid
        }
    }

    @Test("one pass equals the three checks on 3,000 random texts")
    func agreesWithSeparateChecks() {
        var random = SeededGenerator(seed: 20_261_126)
        func next(_ n: Int) -> Int { random.index(below: n) }
        var invalid = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            // Every tenth text is long enough for many 64-byte steps and a counter flush.
            for _ in 0..<next(next(10) == 0 ? 4_000 : 60) { bytes += Self.good[next(Self.good.count)] }
            if next(8) == 0 { bytes.insert(contentsOf: Self.bad[next(Self.bad.count)], at: next(bytes.count + 1)) }
            if !Self.agreesWithChecks(bytes) { invalid += 1 }
        }
        #expect(invalid > 100, "the bad pieces were exercised")
    }

    /// Danish text: ASCII and two-byte characters only, which the census
    /// checks in vector registers; the bad pieces break a two-byte sequence
    /// in every way (and "€" is valid but needs the byte-by-byte path).
    static let danish: [[UInt8]] = ["a", "bc", ";", "0101401234", "\n", "\r\n", "\"", "æ", "ø", "Å", "Hold Nørrebro", "Kommune Syd"].map { Array($0.utf8) }
    static let danishBad: [[UInt8]] = [[0x80], [0xBF], [0xC3], [0xDF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3, 0xC3, 0xA6], [0xC3, 0x41]]

    @Test("one pass equals the three checks on 600 long texts of ASCII and two-byte characters")
    func danishTexts() {
        var random = SeededGenerator(seed: 83)
        func next(_ n: Int) -> Int { random.index(below: n) }
        var invalid = 0
        for _ in 0..<600 {
            var bytes: [UInt8] = []
            for _ in 0..<(50 + next(600)) { bytes += Self.danish[next(Self.danish.count)] }
            switch next(4) {
            case 0: bytes.insert(contentsOf: Self.danishBad[next(Self.danishBad.count)], at: next(bytes.count + 1))
            case 1: bytes.insert(contentsOf: Array("€".utf8), at: next(bytes.count + 1))
            default: break
            }
            if !Self.agreesWithChecks(bytes) { invalid += 1 }
        }
        #expect(invalid > 50, "the bad pieces were exercised")
    }

    @Test("hand-counted: CR LF across a word boundary, a lone CR, and a quote after a multi-byte character")
    func handCounted() {
        // 7 bytes then CR | LF in the next word: one line end; then a lone CR and an LF: two.
        let text = Array("abcdefg\r\nxyzø\"\rq\n".utf8)
        let census = text.withUnsafeBufferPointer { TextEncoding.censusBlock($0.baseAddress!, $0.count) }
        #expect(census?.lines == 3)
        #expect(census?.quote == true)
    }

    @Test("hand-counted: CR LF across the 64-byte steps and into the tail; a bad byte deep in a long block")
    func acrossSteps() {
        // CR at offset 63, LF at 64 (across two steps); CR at 127, LF at 128
        // (the last step's end and the tail, as 72 bytes must remain for a step).
        var text = [UInt8](repeating: 0x61, count: 140)
        text[63] = 0x0D; text[64] = 0x0A
        text[127] = 0x0D; text[128] = 0x0A
        text[100] = 0x0A
        text[135] = 0x0D
        let census = text.withUnsafeBufferPointer { TextEncoding.censusBlock($0.baseAddress!, $0.count) }
        #expect(census?.lines == 4)
        #expect(census?.quote == false)
        // 5,000 bytes of "æ" (valid) with one stray continuation byte at 4,001.
        var long = Array(String(repeating: "æ", count: 2_500).utf8)
        #expect(long.withUnsafeBufferPointer { TextEncoding.censusBlock($0.baseAddress!, $0.count) }?.lines == 0)
        long[4_001] = 0x80
        long[4_000] = 0x61
        #expect(long.withUnsafeBufferPointer { TextEncoding.censusBlock($0.baseAddress!, $0.count) } == nil)
    }
}
