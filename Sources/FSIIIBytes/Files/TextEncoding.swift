/// The text encodings SPEC §3 accepts: UTF-8 with or without byte-order mark,
/// and Windows-1252 for files that are not valid UTF-8 (Danish Excel exports).
package enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case windows1252 = "Windows-1252"

    /// Length of a UTF-8 byte-order mark at the start of the buffer (0 or 3).
    static func bomLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
    }

    /// Whether the bytes are well-formed UTF-8 (RFC 3629: no overlongs, no
    /// surrogates, nothing above U+10FFFF). ASCII runs are checked eight
    /// bytes at a time.
    package static func isValidUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if p[i] < 0x80 { i += 1; continue }
            guard let length = utf8SequenceLength(p, i, n) else { return false }
            i += length
        }
        return true
    }

    /// `isValidUTF8` for the blocks of a speculative read, in vector
    /// registers for the common case, sixteen bytes a step: ASCII and
    /// two-byte characters (Danish text), where a byte is a continuation
    /// exactly when the byte before it is a lead C2–DF, and every other
    /// byte ≥ 0x80 is wrong. Anything else (three- and four-byte
    /// characters, short spans, a span that starts with a byte ≥ 0x80 or
    /// ends with a lead) is decided by `isValidUTF8`.
    package static func isValidUTF8Text(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        typealias V = SIMD16<UInt8>
        guard n >= 17, p[0] < 0x80, p[n - 1] < 0xC0 else { return isValidUTF8(p, n) }
        let raw = UnsafeRawPointer(p)
        let c2 = V(repeating: 0xC2), leadSpan = V(repeating: 0xDF - 0xC2), top2 = V(repeating: 0xC0), cont = V(repeating: 0x80)
        var bad = SIMDMask<SIMD16<Int8>>(repeating: false)
        // Steps at 1, 17, 33, … and a last one ending at n: every byte from
        // 1 on is checked, with the byte before it (byte 0 is ASCII).
        var i = 1
        while true {
            let at = min(i, n - 16)
            let v = raw.loadUnaligned(fromByteOffset: at, as: V.self)
            let before = raw.loadUnaligned(fromByteOffset: at - 1, as: V.self)
            let isCont = (v & top2) .== cont
            bad .|= (v .>= cont) .& .!(((v &- c2) .<= leadSpan) .| isCont)
            bad .|= isCont .^ ((before &- c2) .<= leadSpan)
            if at == n - 16 { break }
            i += 16
        }
        return !any(bad) || isValidUTF8(p, n)
    }

    /// The length (2–4) of the well-formed UTF-8 sequence whose lead byte
    /// (≥ 0x80) is at `p[i]` within `p[0..<n]`, nil when it is not one
    /// (Unicode Table 3-7: no overlong forms, no surrogates, nothing above
    /// U+10FFFF, not cut off at `n`).
    @inline(__always)
    static func utf8SequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int? {
        let need: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF   // range of the second byte
        switch p[i] {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; upper = 0x9F
        case 0xF0: need = 3; lower = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; upper = 0x8F
        default: return nil
        }
        guard i + need < n, p[i + 1] >= lower && p[i + 1] <= upper else { return nil }
        var k = 2
        while k <= need {
            guard p[i + k] & 0xC0 == 0x80 else { return nil }
            k += 1
        }
        return need + 1
    }

    /// Unicode scalars of Windows-1252 bytes 0x80–0x9F; the five unassigned
    /// bytes map to the C1 control of the same number, as WHATWG does.
    private static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Re-encodes Windows-1252 bytes as UTF-8.
    static func windows1252ToUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> [UInt8] {
        let (out, count) = windows1252ToUTF8Buffer(p, n)
        defer { out.deallocate() }
        return Array(UnsafeBufferPointer(start: out, count: count))
    }

    /// Re-encodes Windows-1252 bytes as UTF-8 into a new buffer the caller
    /// deallocates. Large inputs are split over the cores: each part's
    /// output length is counted first, so every part writes straight to its
    /// place and the bytes are copied once.
    /// With `dropSource` (the input is a read-only file mapping), the
    /// input's pages are handed back as each 4 MB piece is done, so the file
    /// and its re-encoding are not both resident.
    static func windows1252ToUTF8Buffer(_ p: UnsafePointer<UInt8>, _ n: Int, dropSource: Bool = false,
                                        allocate: (Int) -> UnsafeMutablePointer<UInt8> = { .allocate(capacity: $0) }) -> (UnsafeMutablePointer<UInt8>, Int) {
        // Pieces of at most 4 MB, dealt out to the cores in turn.
        let pieces = n < 4 << 20 ? [0..<n] : (0..<((n + (4 << 20) - 1) >> 22)).map { k in (k << 22)..<min(n, (k + 1) << 22) }
        let workers = min(Parallel.workers, pieces.count)
        func each(_ body: @escaping (Int) -> Void) {
            _ = Parallel.map(0..<workers) { w in
                for k in stride(from: w, to: pieces.count, by: workers) {
                    body(k)
                    if dropSource { dropPages(p + pieces[k].lowerBound, pieces[k].count) }
                }
                return 0
            }
        }
        let lengths = UnsafeMutableBufferPointer<Int>.allocate(capacity: pieces.count)
        defer { lengths.deallocate() }
        let lengthsOut = UnsafeSendable(lengths)
        each { k in lengthsOut.value[k] = utf8Length(p, pieces[k]) }
        var offsets = [0]
        var total = 0
        for l in lengths { total += l; offsets.append(total) }
        let out = allocate(max(total, 1))
        let target = UnsafeSendable(out)
        each { k in _ = encode(p, pieces[k], into: target.value + offsets[k]) }
        return (out, total)
    }

    /// UTF-8 length of Windows-1252 bytes: 1 for ASCII, 3 for the
    /// 0x80–0x9F symbols above U+07FF, else 2.
    private static func utf8Length(_ p: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int {
        var length = range.count
        var i = range.lowerBound
        let raw = UnsafeRawPointer(p)
        while i < range.upperBound {
            if i + 8 <= range.upperBound, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = p[i]
            if b >= 0x80 { length += b < 0xA0 && high[Int(b - 0x80)] >= 0x800 ? 2 : 1 }
            i += 1
        }
        return length
    }

    /// Writes the UTF-8 form of `range`, copying ASCII eight bytes at a time.
    private static func encode(_ p: UnsafePointer<UInt8>, _ range: Range<Int>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var o = 0
        var i = range.lowerBound
        let raw = UnsafeRawPointer(p), rawOut = UnsafeMutableRawPointer(out)
        while i < range.upperBound {
            if i + 8 <= range.upperBound {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    rawOut.storeBytes(of: word, toByteOffset: o, as: UInt64.self)
                    i += 8
                    o += 8
                    continue
                }
            }
            let b = p[i]
            i += 1
            if b < 0x80 { out[o] = b; o += 1; continue }
            let scalar = b < 0xA0 ? UInt32(high[Int(b - 0x80)]) : UInt32(b)
            if scalar < 0x800 {
                out[o] = UInt8(0xC0 | (scalar >> 6))
                out[o + 1] = UInt8(0x80 | (scalar & 0x3F))
                o += 2
            } else {
                out[o] = UInt8(0xE0 | (scalar >> 12))
                out[o + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                out[o + 2] = UInt8(0x80 | (scalar & 0x3F))
                o += 3
            }
        }
        return o
    }
}
