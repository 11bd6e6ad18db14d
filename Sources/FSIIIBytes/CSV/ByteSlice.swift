import Foundation

/// A view of a few bytes of an input buffer: one field's value. Valid only
/// while the buffer (and, for unescaped fields, the cursor) lives.
@usableFromInline package struct ByteSlice {
    @usableFromInline package let p: UnsafePointer<UInt8>
    @usableFromInline package let n: Int

    @inlinable package init(p: UnsafePointer<UInt8>, n: Int) {
        self.p = p
        self.n = n
    }

    @usableFromInline static var empty: ByteSlice { ByteSlice(p: emptyBytes, n: 0) }

    @inlinable package var isEmpty: Bool { n == 0 }

    /// A `String` copy: made only when a value leaves the hot path.
    package var string: String { String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: p, count: n)) }

    @inlinable @inline(__always) package subscript(i: Int) -> UInt8 { p[i] }

    /// Without surrounding spaces and tabs.
    @inlinable @inline(__always) package var trimmed: ByteSlice {
        // Almost every cell starts and ends with a visible character.
        if n == 0 || (p[0] > 0x20 && p[n - 1] > 0x20) { return self }
        var a = 0, b = n
        while a < b && (p[a] == 0x20 || p[a] == 0x09) { a += 1 }
        while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
        return ByteSlice(p: p + a, n: b - a)
    }

    /// ASCII case-insensitive comparison with a lowercase ASCII literal.
    func equalsLowercase(_ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == n else { return false }
        let q = literal.utf8Start
        for i in 0..<n {
            var b = p[i]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != q[i] { return false }
        }
        return true
    }
}

/// Reads the fields of the current record: trimmed, with doubled quotes
/// undone into a reusable scratch buffer (so a value is valid until the next
/// escaped field is read).
@usableFromInline package final class CSVRecordCursor {
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline package let fields = CSVFields()
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 256

    package init(base: UnsafePointer<UInt8>) {
        self.base = base
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit { scratch.deallocate() }

    @inlinable package var count: Int { fields.count }

    /// Field `i`, trimmed; empty when the record has fewer fields. Small
    /// enough to be inlined into every cell read; quoted fields with
    /// doubled quotes take `unescaped`.
    @inlinable @inline(__always)
    package func field(_ i: Int) -> ByteSlice {
        guard i < fields.count else { return .empty }
        let f = fields[i]
        if !f.escaped { return ByteSlice(p: base + f.start, n: f.end - f.start).trimmed }
        return unescaped(f)
    }

    /// A field with doubled quotes, undone into the scratch buffer.
    @usableFromInline @inline(never)
    func unescaped(_ f: CSVField) -> ByteSlice {
        let length = f.end - f.start
        if length > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = length * 2
            scratch = .allocate(capacity: scratchCapacity)
        }
        var w = 0, r = f.start
        while r < f.end {
            let b = base[r]
            scratch[w] = b
            w += 1
            r += (b == 0x22 && r + 1 < f.end && base[r + 1] == 0x22) ? 2 : 1
        }
        return ByteSlice(p: UnsafePointer(scratch), n: w).trimmed
    }

    /// Field `i` as a String (rejected rows, header cells).
    func string(_ i: Int) -> String { field(i).string }

    /// All fields as Strings, for the rejects file; a field longer than
    /// `CSVLimits.fieldBytes` is not copied but named by its length.
    package var strings: [String] {
        (0..<fields.count).map { i in
            let length = fields[i].end - fields[i].start
            return length > CSVLimits.fieldBytes ? "[field of \(length) bytes, over the limit of 64 KiB]" : string(i)
        }
    }

    /// Whether field `i` is empty once trimmed, without undoing its quotes
    /// (a field with doubled quotes holds a quote, so it is never empty).
    @inlinable @inline(__always) package func isEmpty(_ i: Int) -> Bool {
        guard i < fields.count else { return true }
        let f = fields[i]
        return !f.escaped && ByteSlice(p: base + f.start, n: f.end - f.start).trimmed.isEmpty
    }

    /// The length of field `i` in bytes, as written (quotes included).
    package func length(ofField i: Int) -> Int { fields[i].end - fields[i].start }

    /// The first field longer than `CSVLimits.fieldBytes`, if any. One
    /// subtraction per record: only a record whose fields span more than
    /// the limit has its fields measured.
    @inlinable @inline(__always) package var longField: Int? {
        let n = fields.count
        guard n > 0, fields[n - 1].end - fields[0].start > CSVLimits.fieldBytes else { return nil }
        return (0..<n).first { fields[$0].end - fields[$0].start > CSVLimits.fieldBytes }
    }

    /// The first field with text after its closing quote, if any.
    @inlinable package var malformedQuoteField: Int? { (0..<fields.count).first { fields[$0].textAfterQuote } }
}
