/// Memoises the resolution of cells that repeat (condition names, levels,
/// statuses, dates): a cell's raw bytes are hashed once, and only a cell
/// never seen before takes the slow path (`Terminology`'s `String`
/// matching, the date parser). One per import chunk. After `limit`
/// distinct cells (e.g. date-times with seconds) it stops remembering and
/// resolves directly.
struct TokenCache<Value> {
    private var interner = ByteInterner(capacity: 256)
    private var values: [Value] = []
    private let limit: Int

    init(limit: Int = 1 << 16) { self.limit = limit }

    /// The remembered value of a cell, nil when never seen.
    @inline(__always)
    func lookup(_ s: ByteSlice) -> Value? {
        interner.find(s.p, s.n, hash: byteHash(s.p, s.n)).map { values[Int($0)] }
    }

    /// Remembers the value of a cell just resolved by the slow path.
    mutating func remember(_ s: ByteSlice, _ value: Value) {
        guard interner.count < limit else { return }
        _ = interner.intern(s.p, s.n)
        values.append(value)
    }

    @inline(__always)
    mutating func resolve(_ s: ByteSlice, slow: (ByteSlice) -> Value) -> Value {
        let h = byteHash(s.p, s.n)
        if let index = interner.find(s.p, s.n, hash: h) { return values[Int(index)] }
        let value = slow(s)
        if interner.count < limit {
            _ = interner.intern(s.p, s.n)
            values.append(value)
        }
        return value
    }
}

extension TokenCache where Value == UInt8 {
    /// Sentinel for a cell that does not resolve.
    static var unknown: UInt8 { 0xFF }
}

/// The sentinel of `TokenCache<UInt8>` without naming the generic type.
enum Token {
    static let unknown: UInt8 = 0xFF
}
