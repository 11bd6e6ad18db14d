import Foundation

/// One field of a record: a byte range into the file buffer. Quotes are
/// resolved lazily, only for fields that contain doubled quotes.
@usableFromInline struct CSVField {
    @usableFromInline var start: Int
    @usableFromInline var end: Int
    /// The field was quoted and contains `""` pairs to be undoubled.
    @usableFromInline var escaped: Bool
    /// Text followed the closing quote (`"abc"def`): malformed.
    @usableFromInline var textAfterQuote: Bool
}

/// The fields of the current record, in a buffer that is reused from
/// record to record (no allocation per record or field). It holds at most
/// `maximum` fields (`CSVLimits.columns` + 1): the fields of a longer
/// record are scanned past, each written over the last slot, so one line of
/// a million delimiters costs no more memory than a row of the header's
/// width, and `overflowed` tells so.
@usableFromInline package final class CSVFields {
    /// The buffer, its capacity and the field count, in memory managed by
    /// hand like the buffer itself: the scanner writes the count for every
    /// field and the readers in FSIIIEffect read the buffer for every cell,
    /// and stored `var`s of a class visible to another module are checked
    /// for exclusive access at run time on every touch.
    @usableFromInline let state = UnsafeMutablePointer<(base: UnsafeMutablePointer<CSVField>, capacity: Int, count: Int)>.allocate(capacity: 1)
    @usableFromInline var base: UnsafeMutablePointer<CSVField> {
        @inlinable get { state.pointee.base }
        set { state.pointee.base = newValue }
    }
    private var capacity: Int {
        get { state.pointee.capacity }
        set { state.pointee.capacity = newValue }
    }
    @usableFromInline package var count: Int {
        @inlinable get { state.pointee.count }
        set { state.pointee.count = newValue }
    }
    /// One more than any header may have: a record with more fields than
    /// `CSVLimits.columns` keeps exactly this many, so it never has the
    /// header's count.
    @inlinable package static var maximum: Int { CSVLimits.columns + 1 }

    package init() { state.initialize(to: (.allocate(capacity: 64), 64, 0)) }
    deinit {
        base.deallocate()
        state.deallocate()
    }

    /// The record had more than `CSVLimits.columns` fields; those past
    /// `maximum` were not kept.
    @inlinable @inline(__always) package var overflowed: Bool { count > CSVLimits.columns }

    @inline(__always) func removeAll() { count = 0 }

    @inline(__always) func append(_ start: Int, _ end: Int, escaped: Bool = false, textAfterQuote: Bool = false) {
        if count == capacity { grow() }
        (base + count).initialize(to: CSVField(start: start, end: end, escaped: escaped, textAfterQuote: textAfterQuote))
        count += 1
    }

    /// Doubles the buffer up to `maximum`; once it is full, makes room by
    /// dropping the last field kept (the append writes over it). Off the
    /// per-field path: the append's one comparison is the same as before.
    private func grow() {
        guard capacity < CSVFields.maximum else {
            count = CSVFields.maximum - 1
            return
        }
        let bigger = min(capacity * 2, CSVFields.maximum)
        base = moved(base, count: count, capacity: bigger)
        capacity = bigger
    }

    @inlinable @inline(__always) subscript(i: Int) -> CSVField { base[i] }

    var all: [CSVField] { (0..<count).map { base[$0] } }
}

/// A byte-level RFC 4180 scanner: quoted delimiters, doubled quotes and line
/// breaks inside quotes, CRLF, LF or lone CR line ends. It hands out byte
/// ranges, never a `String` per field (STYLE.md).
package struct CSVScanner {
    package enum Outcome: Equatable {
        /// A record that starts on physical line `line`.
        case record(line: Int)
        /// A quoted field ran to the end of the input; the scanner resumes on
        /// the line after `line`, which is reported as one bad row.
        case unterminatedQuote(line: Int)
        case end
    }

    let base: UnsafePointer<UInt8>
    let limit: Int
    let delimiter: UInt8
    package private(set) var position: Int
    /// The physical line (1-based within this scanner's range) at `position`.
    package private(set) var line: Int

    package init(base: UnsafePointer<UInt8>, range: Range<Int>, delimiter: UInt8, firstLine: Int = 1) {
        self.base = base
        self.limit = range.upperBound
        self.position = range.lowerBound
        self.delimiter = delimiter
        self.line = firstLine
    }

    /// Exact per-byte test: 0x80 in every byte of `x` that is zero.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// The common case, sixteen bytes at a time in a vector register: a
    /// record with no quote that ends with a line break before the end of
    /// the range. Returns false (having consumed nothing) for anything else.
    @inline(__always)
    private mutating func quickRecord(_ fields: CSVFields) -> Bool {
        typealias V = SIMD16<UInt8>
        let raw = UnsafeRawPointer(base)
        let delimiters = V(repeating: delimiter), lf = V(repeating: 0x0A), cr = V(repeating: 0x0D), quote = V(repeating: 0x22)
        var p = position
        var fieldStart = p
        while p + 16 <= limit {
            let v = raw.loadUnaligned(fromByteOffset: p, as: V.self)
            // One mask for delimiters, line ends and quotes: each found byte
            // is read back to tell which (a delimiter, nearly always).
            var found = CSVScanner.bits(v .== delimiters .| v .== lf .| v .== cr .| v .== quote)
            while found != 0 {
                let i = p + found.trailingZeroBitCount
                let b = base[i]
                fields.append(fieldStart, i)
                if b == delimiter {
                    fieldStart = i + 1
                    found &= found &- 1
                    continue
                }
                if b == 0x22 {
                    fields.removeAll()
                    return false
                }
                position = i + ((b == 0x0D && i + 1 < limit && base[i + 1] == 0x0A) ? 2 : 1)
                line += 1
                return true
            }
            p += 16
        }
        fields.removeAll()
        return false
    }

    /// One bit per lane of a 16-byte comparison (bit i = lane i), as SSE's
    /// `pmovmskb` would give: each 8-lane half's high bits are gathered
    /// into one byte by a multiplication.
    @inline(__always)
    static func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt32 {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x0002_0408_1020_4081
        let low = ((words[0] & 0x8080_8080_8080_8080) &* gather) >> 56
        let high = ((words[1] & 0x8080_8080_8080_8080) &* gather) >> 56
        return UInt32(truncatingIfNeeded: low | high << 8)
    }

    /// Reads the next non-blank record into `fields`.
    package mutating func next(_ fields: CSVFields) -> Outcome {
        while true {
            fields.removeAll()
            if position >= limit { return .end }
            let first = base[position]
            if first != 0x0A && first != 0x0D && first != 0x22 {
                let recordLine = line
                if quickRecord(fields) { return .record(line: recordLine) }
            }
            // Skip blank lines: they hold no row (not counted as read).
            let c = base[position]
            if c == 0x0A { position += 1; line += 1; continue }
            if c == 0x0D {
                position += (position + 1 < limit && base[position + 1] == 0x0A) ? 2 : 1
                line += 1
                continue
            }
            let recordLine = line
            let recordStart = position
            while true {
                var p = position
                if p < limit && base[p] == 0x22 {
                    // Quoted field.
                    p += 1
                    let start = p
                    var escaped = false
                    var closed = false
                    while p < limit {
                        let b = base[p]
                        if b == 0x22 {
                            if p + 1 < limit && base[p + 1] == 0x22 { escaped = true; p += 2; continue }
                            closed = true
                            break
                        }
                        if b == 0x0A { line += 1 } else if b == 0x0D && !(p + 1 < limit && base[p + 1] == 0x0A) { line += 1 }
                        p += 1
                    }
                    if !closed {
                        // Resume after the first physical line of the broken record.
                        line = recordLine + 1
                        position = CSVScanner.endOfLine(base, from: recordStart, limit: limit)
                        fields.removeAll()
                        return .unterminatedQuote(line: recordLine)
                    }
                    let end = p
                    p += 1
                    var after = false
                    while p < limit {
                        let b = base[p]
                        if b == delimiter || b == 0x0A || b == 0x0D { break }
                        after = true
                        p += 1
                    }
                    fields.append(start, end, escaped: escaped, textAfterQuote: after)
                } else {
                    let start = p
                    while p < limit {
                        let b = base[p]
                        if b == delimiter || b == 0x0A || b == 0x0D { break }
                        p += 1
                    }
                    fields.append(start, p)
                }
                if p >= limit { position = p; return .record(line: recordLine) }
                let b = base[p]
                if b == delimiter { position = p + 1; continue }
                // Line end.
                p += (b == 0x0D && p + 1 < limit && base[p + 1] == 0x0A) ? 2 : 1
                line += 1
                position = p
                return .record(line: recordLine)
            }
        }
    }

    /// The number of line ends (LF, CRLF or a lone CR) in `range`, eight
    /// bytes at a time: an upper bound of the records in it, less one.
    package static func lineEnds(_ base: UnsafePointer<UInt8>, range: Range<Int>) -> Int {
        let raw = UnsafeRawPointer(base)
        var p = range.lowerBound
        var count = 0
        var pendingCR = false   // the previous word ended in a CR
        while p + 8 <= range.upperBound {
            let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            count += lineEnds(lf: zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A), cr: zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D), width: 8, pendingCR: &pendingCR)
            p += 8
        }
        while p < range.upperBound {
            let b = base[p]
            if b == 0x0D { count += 1 } else if b == 0x0A && !pendingCR { count += 1 }
            pendingCR = b == 0x0D
            p += 1
        }
        return count
    }

    /// The line ends among the first `width` bytes of a word, given the
    /// `zeroBytes` flags of its LF and CR bytes (none past `width`): a CR
    /// followed by an LF is one line end, also across words (`pendingCR`:
    /// the byte before the word is a CR; updated for the next word).
    @inline(__always)
    static func lineEnds(lf: UInt64, cr: UInt64, width: Int, pendingCR: inout Bool) -> Int {
        var crlf = lf & (cr << 8)
        if pendingCR { crlf |= lf & 0x80 }
        pendingCR = (cr >> UInt64(width * 8 - 1)) & 1 != 0
        return lf.nonzeroBitCount + cr.nonzeroBitCount - crlf.nonzeroBitCount
    }

    /// The offset after the line end that follows `from` (or `limit`).
    package static func endOfLine(_ base: UnsafePointer<UInt8>, from: Int, limit: Int) -> Int {
        var p = from
        while p < limit {
            let b = base[p]
            if b == 0x0A { return p + 1 }
            if b == 0x0D { return (p + 1 < limit && base[p + 1] == 0x0A) ? p + 2 : p + 1 }
            p += 1
        }
        return limit
    }

    /// Offsets where records start, near each of `parts` equal cuts of
    /// `range`, found with the scanner's own quote rules so that a line break
    /// inside quotes is never taken for a record end. Returns nil when a
    /// quote is left open at the end (the caller then scans in one piece,
    /// which reports and skips the broken record).
    package static func recordBoundaries(_ base: UnsafePointer<UInt8>, range: Range<Int>, delimiter: UInt8, parts: Int,
                                 release: (Range<Int>) -> Void = { _ in }) -> [Int]? {
        let n = range.count
        var cuts = [range.lowerBound]
        // Looked for in 4 MB steps whose pages are released at once.
        var quoted = false
        var start = range.lowerBound
        while parts > 1 && !quoted && start < range.upperBound {
            let end = min(range.upperBound, start + (4 << 20))
            quoted = memchr(base + start, 0x22, end - start) != nil
            release(start..<end)
            start = end
        }
        if parts > 1 && !quoted {
            // No quote at all: any line end is a record end.
            for k in 1..<parts {
                let target = range.lowerBound + n / parts * k
                let cut = endOfLine(base, from: target, limit: range.upperBound)
                if cut > cuts[cuts.count - 1] && cut < range.upperBound { cuts.append(cut) }
            }
            cuts.append(range.upperBound)
            return cuts
        }
        // State machine of `next`: at field start, in unquoted, in quoted, quote seen in quoted.
        var state = 0
        var nextTarget = parts > 1 ? range.lowerBound + n / parts : Int.max
        var k = 1
        var p = range.lowerBound
        var released = p
        while p < range.upperBound {
            if p - released >= 4 << 20 {
                release(released..<p)
                released = p
            }
            let b = base[p]
            switch state {
            case 0:
                if b == 0x22 { state = 2 } else if b == delimiter { state = 0 } else if b == 0x0A || b == 0x0D { state = 0; if p + 1 >= nextTarget { if b == 0x0D && p + 1 < range.upperBound && base[p + 1] == 0x0A { p += 1 }; appendCut(&cuts, p + 1, range, &k, &nextTarget, parts, n) } } else { state = 1 }
            case 1:
                if b == delimiter { state = 0 } else if b == 0x0A || b == 0x0D { state = 0; if p + 1 >= nextTarget { if b == 0x0D && p + 1 < range.upperBound && base[p + 1] == 0x0A { p += 1 }; appendCut(&cuts, p + 1, range, &k, &nextTarget, parts, n) } }
            case 2:
                if b == 0x22 { state = 3 }
            default: // quote seen inside a quoted field
                if b == 0x22 { state = 2 } else if b == delimiter { state = 0 } else if b == 0x0A || b == 0x0D { state = 0; if p + 1 >= nextTarget { if b == 0x0D && p + 1 < range.upperBound && base[p + 1] == 0x0A { p += 1 }; appendCut(&cuts, p + 1, range, &k, &nextTarget, parts, n) } } else { state = 1 }
            }
            p += 1
        }
        if state == 2 { return nil }
        if cuts[cuts.count - 1] < range.upperBound { cuts.append(range.upperBound) }
        return cuts
    }

    private static func appendCut(_ cuts: inout [Int], _ cut: Int, _ range: Range<Int>, _ k: inout Int, _ nextTarget: inout Int, _ parts: Int, _ n: Int) {
        if cut < range.upperBound { cuts.append(cut) }
        k += 1
        nextTarget = k < parts ? range.lowerBound + n / parts * k : Int.max
    }
}
