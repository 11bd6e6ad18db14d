/// Memoises the resolution of cells that repeat (condition names, levels,
/// statuses, dates): a cell's raw bytes are hashed once, and only a cell
/// never seen before takes the slow path (`Terminology`'s `String`
/// matching, the date parser). One per import chunk. After `limit`
/// distinct cells (e.g. date-times with seconds) it stops remembering and
/// resolves directly; cells longer than `CSVLimits.cachedBytes` are never
/// remembered, so a cache holds at most `limit` short keys whatever the
/// file holds.
@usableFromInline package struct TokenCache<Value> {
    @usableFromInline var interner = ByteInterner(capacity: 256)
    @usableFromInline var values: [Value] = []
    @usableFromInline let limit: Int

    package init(limit: Int = 1 << 16) { self.limit = limit }

    /// The remembered value of a cell, nil when never seen.
    @inlinable @inline(__always)
    package func lookup(_ s: ByteSlice) -> Value? {
        interner.find(s.p, s.n, hash: Self.hash(s)).map { values[Int($0)] }
    }

    /// Remembers the value of a cell just resolved by the slow path.
    @inlinable package mutating func remember(_ s: ByteSlice, _ value: Value) {
        guard interner.count < limit && s.n <= CSVLimits.cachedBytes else { return }
        _ = interner.intern(s.p, s.n, hash: Self.hash(s))
        values.append(value)
    }

    @inlinable @inline(__always)
    package mutating func resolve(_ s: ByteSlice, slow: (ByteSlice) -> Value) -> Value {
        let h = Self.hash(s)
        if let index = interner.find(s.p, s.n, hash: h) { return values[Int(index)] }
        let value = slow(s)
        if interner.count < limit && s.n <= CSVLimits.cachedBytes {
            _ = interner.intern(s.p, s.n, hash: h)
            values.append(value)
        }
        return value
    }

    /// A hash of the first and last eight bytes (and the middle eight of a
    /// key longer than 16) and the length: one
    /// multiplication, where `byteHash` takes one per eight bytes (a 36-byte
    /// condition UUID is looked up on every row). Keys that agree there
    /// only share a probe sequence; the interner compares whole keys.
    @inlinable @inline(__always)
    static func hash(_ s: ByteSlice) -> UInt64 {
        let raw = UnsafeRawPointer(s.p)
        let a: UInt64, b: UInt64
        if s.n >= 8 {
            a = raw.loadUnaligned(as: UInt64.self)
            b = raw.loadUnaligned(fromByteOffset: s.n - 8, as: UInt64.self)
        } else if s.n >= 4 {
            a = UInt64(raw.loadUnaligned(as: UInt32.self))
            b = UInt64(raw.loadUnaligned(fromByteOffset: s.n - 4, as: UInt32.self))
        } else {
            a = s.n > 0 ? UInt64(s.p[0]) << 16 | UInt64(s.p[s.n >> 1]) << 8 | UInt64(s.p[s.n - 1]) : 0
            b = 0
        }
        // Longer keys add their middle eight bytes: date-times that differ
        // only in the day ("2023-05-28T00:00:00Z") must not share a hash.
        let c: UInt64 = s.n > 16 ? raw.loadUnaligned(fromByteOffset: s.n / 2 - 4, as: UInt64.self) : 0
        let h = (a ^ (b << 29 | b >> 35) ^ (c << 47 | c >> 17) ^ UInt64(s.n) << 56) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }
}

extension TokenCache where Value == UInt8 {
    /// Sentinel for a cell that does not resolve.
    static var unknown: UInt8 { 0xFF }
}

/// The sentinel of `TokenCache<UInt8>` without naming the generic type.
package enum Token {
    package static let unknown: UInt8 = 0xFF
}
