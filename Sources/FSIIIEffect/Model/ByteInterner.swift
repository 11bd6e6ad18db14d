import Foundation

/// A valid pointer for empty byte strings (never read).
nonisolated(unsafe) let emptyBytes: UnsafePointer<UInt8> = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))

/// A fast 64-bit hash of a short byte string (8 bytes per step, multiply-mix
/// with a murmur3 finaliser). Used to intern citizens, teams, record ids and
/// tokens without making a `String` per field.
@inline(__always)
func byteHash(_ p: UnsafePointer<UInt8>, _ n: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> UInt64 {
    var h: UInt64 = seed ^ UInt64(truncatingIfNeeded: n)
    var i = 0
    let raw = UnsafeRawPointer(p)
    while i + 8 <= n {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
        h = (h << 29) | (h >> 35)
        i += 8
    }
    if i < n {
        var w: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            w |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ w) &* 0xC4CE_B9FE_1A85_EC53
    }
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    h = h &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return h
}

/// Maps byte strings to dense indices 0, 1, 2, … in first-seen order.
///
/// Open addressing with linear probing; keys live in one byte arena, so
/// interning a key that is already known allocates nothing. Not thread-safe:
/// each import chunk has its own, merged at the end.
struct ByteInterner: Sendable {
    private(set) var arena: [UInt8] = []
    private(set) var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [UInt32]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    /// The index of the key, adding it when new.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        let h = byteHash(p, n)
        if let found = find(p, n, hash: h) { return found }
        return insertNew(p, n, hash: h)
    }

    /// The index of the key, or nil when it was never interned.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> UInt32? {
        var slot = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { s in
            while true {
                let v = s[slot]
                if v == 0 { return nil }
                let index = Int(v - 1)
                if hashes[index] == h && equals(index, p, n) { return UInt32(index) }
                slot = (slot + 1) & mask
            }
        }
    }

    func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32? { find(p, n, hash: byteHash(p, n)) }

    @inline(__always)
    private func equals(_ index: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let start = starts[index], end = starts[index + 1]
        guard end - start == n else { return false }
        return arena.withUnsafeBufferPointer { a in
            n == 0 || memcmp(a.baseAddress! + start, p, n) == 0
        }
    }

    private mutating func insertNew(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> UInt32 {
        let index = hashes.count
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        starts.append(arena.count)
        hashes.append(h)
        if (index + 1) * 2 > slots.count { grow() } else { place(index, h) }
        return UInt32(index)
    }

    private mutating func place(_ index: Int, _ h: UInt64) {
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(index + 1)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
        for i in 0..<hashes.count { place(i, hashes[i]) }
    }

    mutating func intern(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { b in intern(b.baseAddress ?? emptyBytes, b.count) }
    }

    mutating func intern(_ string: String) -> UInt32 { intern(Array(string.utf8)) }

    func find(_ bytes: [UInt8]) -> UInt32? {
        bytes.withUnsafeBufferPointer { b in find(b.baseAddress ?? emptyBytes, b.count) }
    }

    func bytes(at index: Int) -> ArraySlice<UInt8> { arena[starts[index]..<starts[index + 1]] }

    func string(at index: Int) -> String { String(decoding: bytes(at: index), as: UTF8.self) }

    /// Calls `body` with each key in index order.
    func forEachKey(_ body: (Int, UnsafePointer<UInt8>, Int) -> Void) {
        arena.withUnsafeBufferPointer { a in
            let base = a.baseAddress ?? emptyBytes
            for i in 0..<hashes.count { body(i, base + starts[i], starts[i + 1] - starts[i]) }
        }
    }
}
