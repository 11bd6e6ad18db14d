import Foundation

/// One field of a record: a byte range into the file buffer. Quotes are
/// resolved lazily, only for fields that contain doubled quotes.
struct CSVField {
    var start: Int
    var end: Int
    /// The field was quoted and contains `""` pairs to be undoubled.
    var escaped: Bool
    /// Text followed the closing quote (`"abc"def`): malformed.
    var textAfterQuote: Bool
}

/// A byte-level RFC 4180 scanner: quoted delimiters, doubled quotes and line
/// breaks inside quotes, CRLF, LF or lone CR line ends. It hands out byte
/// ranges, never a `String` per field (STYLE.md).
struct CSVScanner {
    enum Outcome: Equatable {
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
    private(set) var position: Int
    /// The physical line (1-based within this scanner's range) at `position`.
    private(set) var line: Int

    init(base: UnsafePointer<UInt8>, range: Range<Int>, delimiter: UInt8, firstLine: Int = 1) {
        self.base = base
        self.limit = range.upperBound
        self.position = range.lowerBound
        self.delimiter = delimiter
        self.line = firstLine
    }

    /// Reads the next non-blank record into `fields`.
    mutating func next(_ fields: inout [CSVField]) -> Outcome {
        while true {
            fields.removeAll(keepingCapacity: true)
            if position >= limit { return .end }
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
                        fields.removeAll(keepingCapacity: true)
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
                    fields.append(CSVField(start: start, end: end, escaped: escaped, textAfterQuote: after))
                } else {
                    let start = p
                    while p < limit {
                        let b = base[p]
                        if b == delimiter || b == 0x0A || b == 0x0D { break }
                        p += 1
                    }
                    fields.append(CSVField(start: start, end: p, escaped: false, textAfterQuote: false))
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

    /// The offset after the line end that follows `from` (or `limit`).
    static func endOfLine(_ base: UnsafePointer<UInt8>, from: Int, limit: Int) -> Int {
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
    static func recordBoundaries(_ base: UnsafePointer<UInt8>, range: Range<Int>, delimiter: UInt8, parts: Int) -> [Int]? {
        let n = range.count
        var cuts = [range.lowerBound]
        if parts > 1 && memchr(base + range.lowerBound, 0x22, n) == nil {
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
        while p < range.upperBound {
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
        if cuts.last! < range.upperBound { cuts.append(range.upperBound) }
        return cuts
    }

    private static func appendCut(_ cuts: inout [Int], _ cut: Int, _ range: Range<Int>, _ k: inout Int, _ nextTarget: inout Int, _ parts: Int, _ n: Int) {
        if cut < range.upperBound { cuts.append(cut) }
        k += 1
        nextTarget = k < parts ? range.lowerBound + n / parts * k : Int.max
    }
}
