import Testing
@testable import FSIIIBytes
@testable import FSIIIStatistics

/// The scanner's vector fast path and its byte-by-byte path against a
/// plain RFC 4180 reading, on random files.
@Suite("CSV scanner against a plain reading")
struct CSVScannerRandomTests {
    /// Records of well-formed text, field by field, with the line each starts on.
    static func reference(_ bytes: [UInt8], delimiter: UInt8) -> [(line: Int, fields: [String])] {
        var out: [(Int, [String])] = []
        var i = 0, line = 1
        func lineEnd(_ i: inout Int) {   // at a CR or LF: step over it (CR LF once)
            if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            i += 1
            line += 1
        }
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D { lineEnd(&i); continue }   // a blank line
            let start = line
            var fields: [String] = []
            while true {
                var field: [UInt8] = []
                if i < bytes.count && bytes[i] == 0x22 {
                    i += 1
                    while true {
                        if bytes[i] == 0x22 {
                            if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                            i += 1
                            break
                        }
                        if bytes[i] == 0x0A || bytes[i] == 0x0D {
                            let from = i
                            lineEnd(&i)
                            field += bytes[from..<i]
                            continue
                        }
                        field.append(bytes[i])
                        i += 1
                    }
                } else {
                    while i < bytes.count && bytes[i] != delimiter && bytes[i] != 0x0A && bytes[i] != 0x0D { field.append(bytes[i]); i += 1 }
                }
                fields.append(String(decoding: field, as: UTF8.self).trimmingSpacesAndTabs)
                if i < bytes.count && bytes[i] == delimiter { i += 1; continue }
                if i < bytes.count { lineEnd(&i) }
                break
            }
            out.append((start, fields))
        }
        return out
    }

    static let plain = ["a", "bc", "", "Hold Nørrebro", "2024-01-10", "x y", "0101401234", "abcdefghijklmnopqrstuvwxyz0123456789", "é€😀"]
    static let quoted = ["\"a;b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\"crlf\r\ninside\"", "\"\"", "\"Kommune Syd\""]
    static let ends = ["\n", "\r\n", "\r", "\n\n"]

    @Test("equal records, fields and line numbers on 400 random files", arguments: 0..<4)
    func randomFiles(part: Int) {
        var random = SeededGenerator(seed: UInt64(part))
        func next(_ n: Int) -> Int { random.index(below: n) }
        for _ in 0..<100 {
            let delimiter: UInt8 = [0x3B, 0x2C, 0x09][next(3)]
            var text: [UInt8] = []
            for _ in 0..<(1 + next(40)) {
                let withQuotes = next(4) == 0
                for f in 0..<(1 + next(12)) {
                    if f > 0 { text.append(delimiter) }
                    let piece = withQuotes && next(3) == 0 ? Self.quoted[next(Self.quoted.count)] : Self.plain[next(Self.plain.count)]
                    text += Array(piece.utf8).map { $0 == 0x3B ? delimiter : $0 }
                }
                text += Array(Self.ends[next(Self.ends.count)].utf8)
            }
            if next(4) == 0 { text.removeLast() }   // no line end after the last record
            let scanned = CSVScannerTests.scan(String(decoding: text, as: UTF8.self), delimiter: delimiter)
            let expected = Self.reference(text, delimiter: delimiter)
            #expect(scanned.map(\.line) == expected.map(\.line))
            #expect(scanned.map(\.fields) == expected.map(\.fields))
        }
    }

    @Test("a 16-byte comparison's lanes become bits 0–15 in order")
    func laneBits() {
        for lane in 0..<16 {
            var v = SIMD16<UInt8>(repeating: 0x61)
            v[lane] = 0x3B
            #expect(CSVScanner.bits(v .== SIMD16<UInt8>(repeating: 0x3B)) == 1 << UInt32(lane))
        }
        #expect(CSVScanner.bits(SIMD16<UInt8>(repeating: 1) .== SIMD16<UInt8>(repeating: 1)) == 0xFFFF)
    }
}

private extension String {
    var trimmingSpacesAndTabs: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
