import Foundation

/// Remembers the last short byte string looked up and its index. Exports
/// list a citizen's rows together and a team's citizens together, so most
/// rows repeat the previous row's citizen and team: a compare of a few
/// bytes then replaces a hash-table probe (a likely cache miss when there
/// are a million citizens).
@usableFromInline package struct RepeatMemo {
    @usableFromInline let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    @usableFromInline var length = -1
    @usableFromInline var index: UInt32 = 0

    package init() {}

    package func release() { bytes.deallocate() }

    /// The remembered index when `s` equals the last string, else nil.
    @inlinable @inline(__always)
    package func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32? {
        n == length && Self.equal(bytes, p, n) ? index : nil
    }

    /// `memcmp(a, b, n) == 0` without a call for the usual short strings
    /// (CPR numbers, team names): two overlapping loads cover 4–16 bytes.
    @inlinable @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        switch n {
        case 8...16:
            return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
                && x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        case 4..<8:
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        case 0..<4:
            for i in 0..<n where a[i] != b[i] { return false }
            return true
        default:
            return memcmp(a, b, n) == 0
        }
    }

    @inlinable @inline(__always)
    package mutating func remember(_ p: UnsafePointer<UInt8>, _ n: Int, _ value: UInt32) {
        guard n <= 64 else { length = -1; return }
        bytes.update(from: p, count: n)
        length = n
        index = value
    }

    /// `intern` through the memo.
    @inlinable @inline(__always)
    package mutating func resolve(_ p: UnsafePointer<UInt8>, _ n: Int, intern: (UnsafePointer<UInt8>, Int) -> UInt32) -> UInt32 {
        if let known = lookup(p, n) { return known }
        let value = intern(p, n)
        remember(p, n, value)
        return value
    }
}
