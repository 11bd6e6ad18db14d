/// Memoises the resolution of cells that repeat (condition names, levels,
/// statuses): a cell's raw bytes are hashed once, and only a cell never seen
/// before takes the slow `String` path of `Terminology`. One per import chunk.
struct TokenCache {
    private var interner = ByteInterner(capacity: 256)
    private var values: [UInt8] = []

    /// Sentinel for a cell that does not resolve.
    static let unknown: UInt8 = 0xFF

    @inline(__always)
    mutating func resolve(_ s: ByteSlice, slow: (String) -> UInt8?) -> UInt8 {
        let before = interner.count
        let index = Int(interner.intern(s.p, s.n))
        if index < before { return values[index] }
        let value = slow(s.string) ?? TokenCache.unknown
        values.append(value)
        return value
    }
}
