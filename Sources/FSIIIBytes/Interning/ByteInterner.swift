import Foundation

/// A valid pointer for empty byte strings (never read).
package nonisolated(unsafe) let emptyBytes: UnsafePointer<UInt8> = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))

/// A fast 64-bit hash of a short byte string (8 bytes per step, multiply-mix
/// with a murmur3 finaliser). Used to intern citizens, teams, record ids and
/// tokens without making a `String` per field.
@inlinable @inline(__always)
package func byteHash(_ p: UnsafePointer<UInt8>, _ n: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> UInt64 {
    var h = ByteHashing.start(seed, n)
    ByteHashing.words(p, n) { h = ByteHashing.mix(h, $0, $1) }
    return ByteHashing.finish(h)
}

/// `(byteHash(p, n, seed: a), byteHash(p, n, seed: b))` reading the bytes
/// once: a record id's 128-bit hash.
@inlinable @inline(__always)
package func byteHashPair(_ p: UnsafePointer<UInt8>, _ n: Int, seeds a: UInt64, _ b: UInt64) -> (UInt64, UInt64) {
    var x = ByteHashing.start(a, n), y = ByteHashing.start(b, n)
    ByteHashing.words(p, n) { word, last in
        x = ByteHashing.mix(x, word, last)
        y = ByteHashing.mix(y, word, last)
    }
    return (ByteHashing.finish(x), ByteHashing.finish(y))
}

/// The steps of `byteHash`. Inlinable, like the interner's look-up: the
/// readers in FSIIIEffect hash and find a key per cell.
@usableFromInline enum ByteHashing {
    /// The length enters through a multiplication, not an XOR with the seed:
    /// XORed in, a length difference could cancel a byte difference in the
    /// same bit ("A101-1" and "A1011-1" once hashed alike).
    @inlinable @inline(__always)
    static func start(_ seed: UInt64, _ n: Int) -> UInt64 {
        let h = seed &+ UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        return (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
    }

    /// The words of the bytes, each with whether it is the last, mixed
    /// differently: whole 8-byte words, then the last eight bytes again
    /// (overlapping, so the tail costs one load); shorter strings as one
    /// word of two 4-byte loads, or of first, middle and last byte.
    @inlinable @inline(__always)
    static func words(_ p: UnsafePointer<UInt8>, _ n: Int, _ body: (UInt64, Bool) -> Void) {
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            var i = 0
            while i + 8 <= n {
                body(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), false)
                i += 8
            }
            if i < n { body(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), true) }
        } else if n >= 4 {
            let a = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let b = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            body(a << 32 | b, true)
        } else if n > 0 {
            body(UInt64(p[0]) << 16 | UInt64(p[n >> 1]) << 8 | UInt64(p[n - 1]), true)
        }
    }

    @inlinable @inline(__always)
    static func mix(_ h: UInt64, _ word: UInt64, _ last: Bool) -> UInt64 {
        if last { return (h ^ word) &* 0xC4CE_B9FE_1A85_EC53 }
        let m = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return (m << 29) | (m >> 35)
    }

    @inlinable @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var h = h
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}

/// A new buffer of `capacity` holding the first `count` elements of
/// `buffer`, which is freed: growing a manually managed buffer.
func moved<T>(_ buffer: UnsafeMutablePointer<T>, count: Int, capacity: Int) -> UnsafeMutablePointer<T> {
    let bigger = UnsafeMutablePointer<T>.allocate(capacity: capacity)
    bigger.moveInitialize(from: buffer, count: count)
    buffer.deallocate()
    return bigger
}

/// Maps byte strings to dense indices 0, 1, 2, … in first-seen order.
///
/// Open addressing with linear probing; keys live in one byte arena, so
/// interning a key that is already known allocates nothing. A value type
/// with copy-on-write storage; not for concurrent mutation: each import
/// chunk has its own, merged at the end.
@usableFromInline package struct ByteInterner: @unchecked Sendable {
    /// Manually managed buffers: the hot path reads them without bounds
    /// or uniqueness checks. Every index used is < `count` or < `mask + 1`.
    ///
    /// The fields sit behind one pointer, like the buffers: the look-up is
    /// inlined into the readers of another module (FSIIIEffect), where a
    /// class's stored `var`s would be checked for exclusive access at run
    /// time on every read.
    @usableFromInline final class Storage {
        @usableFromInline struct State {
            @usableFromInline init(arena: UnsafeMutablePointer<UInt8>, arenaCapacity: Int, arenaCount: Int = 0, starts: UnsafeMutablePointer<Int>,
                                   hashes: UnsafeMutablePointer<UInt64>, entryCapacity: Int, count: Int = 0,
                                   slots: UnsafeMutablePointer<UInt32>, mask: Int) {
                self.arena = arena
                self.arenaCapacity = arenaCapacity
                self.arenaCount = arenaCount
                self.starts = starts
                self.hashes = hashes
                self.entryCapacity = entryCapacity
                self.count = count
                self.slots = slots
                self.mask = mask
            }

            @usableFromInline var arena: UnsafeMutablePointer<UInt8>
            @usableFromInline var arenaCapacity: Int
            @usableFromInline var arenaCount = 0
            @usableFromInline var starts: UnsafeMutablePointer<Int>      // count + 1 entries
            @usableFromInline var hashes: UnsafeMutablePointer<UInt64>   // count entries
            @usableFromInline var entryCapacity: Int
            @usableFromInline var count = 0
            @usableFromInline var slots: UnsafeMutablePointer<UInt32>    // mask + 1 entries; 0 = empty, else index + 1
            @usableFromInline var mask: Int
            /// Where `merge` leaves its early reads, so they are not optimised away.
            @usableFromInline var touched: UInt32 = 0
        }
        @usableFromInline let state: UnsafeMutablePointer<State>

        var arena: UnsafeMutablePointer<UInt8> { get { state.pointee.arena } set { state.pointee.arena = newValue } }
        var arenaCapacity: Int { get { state.pointee.arenaCapacity } set { state.pointee.arenaCapacity = newValue } }
        var arenaCount: Int { get { state.pointee.arenaCount } set { state.pointee.arenaCount = newValue } }
        var starts: UnsafeMutablePointer<Int> { get { state.pointee.starts } set { state.pointee.starts = newValue } }
        var hashes: UnsafeMutablePointer<UInt64> { get { state.pointee.hashes } set { state.pointee.hashes = newValue } }
        var entryCapacity: Int { get { state.pointee.entryCapacity } set { state.pointee.entryCapacity = newValue } }
        @usableFromInline var count: Int { get { state.pointee.count } set { state.pointee.count = newValue } }
        var slots: UnsafeMutablePointer<UInt32> { get { state.pointee.slots } set { state.pointee.slots = newValue } }
        var mask: Int { get { state.pointee.mask } set { state.pointee.mask = newValue } }
        var touched: UInt32 { get { state.pointee.touched } set { state.pointee.touched = newValue } }

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            let slots = UnsafeMutablePointer<UInt32>.allocate(capacity: size)
            slots.initialize(repeating: 0, count: size)
            let entryCapacity = max(8, capacity)
            let starts = UnsafeMutablePointer<Int>.allocate(capacity: entryCapacity + 1)
            starts[0] = 0
            let arenaCapacity = max(64, capacity * 16)
            state = .allocate(capacity: 1)
            state.initialize(to: State(arena: .allocate(capacity: arenaCapacity), arenaCapacity: arenaCapacity, starts: starts,
                                       hashes: .allocate(capacity: entryCapacity), entryCapacity: entryCapacity,
                                       slots: slots, mask: size - 1))
        }

        @usableFromInline
        init(copying o: Storage) {
            let slots = UnsafeMutablePointer<UInt32>.allocate(capacity: o.mask + 1)
            slots.initialize(from: o.slots, count: o.mask + 1)
            let starts = UnsafeMutablePointer<Int>.allocate(capacity: o.entryCapacity + 1)
            starts.initialize(from: o.starts, count: o.count + 1)
            let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: o.entryCapacity)
            hashes.initialize(from: o.hashes, count: o.count)
            let arena = UnsafeMutablePointer<UInt8>.allocate(capacity: o.arenaCapacity)
            arena.initialize(from: o.arena, count: o.arenaCount)
            state = .allocate(capacity: 1)
            state.initialize(to: State(arena: arena, arenaCapacity: o.arenaCapacity, arenaCount: o.arenaCount, starts: starts,
                                       hashes: hashes, entryCapacity: o.entryCapacity, count: o.count, slots: slots, mask: o.mask))
        }

        deinit {
            arena.deallocate()
            starts.deallocate()
            hashes.deallocate()
            slots.deallocate()
            state.deallocate()
        }

        @inlinable @inline(__always)
        func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> UInt32? {
            let t = state.pointee
            var slot = Int(truncatingIfNeeded: h) & t.mask
            while true {
                let v = t.slots[slot]
                if v == 0 { return nil }
                let index = Int(v &- 1)
                if t.hashes[index] == h {
                    let start = t.starts[index]
                    if t.starts[index + 1] - start == n && Storage.equalBytes(t.arena + start, p, n) { return v &- 1 }
                }
                slot = (slot + 1) & t.mask
            }
        }

        @inlinable @inline(__always)
        static func equalBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
            if n > 64 { return memcmp(a, b, n) == 0 }   // up to 64 bytes (a UUID is 36) in words, without a call
            let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
            if n >= 8 {
                var i = 0
                while i + 8 <= n {
                    if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                    i += 8
                }
                return i == n || x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            }
            var i = 0
            while i < n {
                if a[i] != b[i] { return false }
                i += 1
            }
            return true
        }

        @usableFromInline
        func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> UInt32 {
            let index = count
            if index == entryCapacity { resizeEntries(entryCapacity * 2) }
            if arenaCount + n > arenaCapacity {
                var bytes = arenaCapacity
                while arenaCount + n > bytes { bytes *= 2 }
                resizeArena(bytes)
            }
            (arena + arenaCount).initialize(from: p, count: n)
            arenaCount += n
            starts[index + 1] = arenaCount
            hashes[index] = h
            count += 1
            if count * 2 > mask + 1 { resizeSlots((mask + 1) * 2) } else { place(index, h) }
            return UInt32(index)
        }

        /// Room for `entries` keys of `bytes` bytes in all with the table
        /// at most half full, so the merges that follow never regrow it.
        func reserve(entries: Int, bytes: Int) {
            if entries > entryCapacity { resizeEntries(entries) }
            if bytes > arenaCapacity { resizeArena(bytes) }
            var size = mask + 1
            while size < entries * 2 { size <<= 1 }
            if size > mask + 1 { resizeSlots(size) }
        }

        /// Room for `capacity` keys' offsets and hashes.
        private func resizeEntries(_ capacity: Int) {
            starts = moved(starts, count: count + 1, capacity: capacity + 1)
            hashes = moved(hashes, count: count, capacity: capacity)
            entryCapacity = capacity
        }

        /// Room for `capacity` bytes of keys.
        private func resizeArena(_ capacity: Int) {
            arena = moved(arena, count: arenaCount, capacity: capacity)
            arenaCapacity = capacity
        }

        /// A table of `size` slots (a power of two) with every key placed again.
        private func resizeSlots(_ size: Int) {
            slots.deallocate()
            slots = .allocate(capacity: size)
            slots.initialize(repeating: 0, count: size)
            mask = size - 1
            for i in 0..<count { place(i, hashes[i]) }
        }

        private func place(_ index: Int, _ h: UInt64) {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(index + 1)
        }
    }

    @usableFromInline var storage: Storage

    package init(capacity: Int = 64) { storage = Storage(capacity: capacity) }

    @inlinable package var count: Int { storage.count }

    /// The index of the key, adding it when new.
    @inlinable @inline(__always)
    package mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        let h = byteHash(p, n)
        if let found = storage.find(p, n, hash: h) { return found }
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage.insert(p, n, hash: h)
    }

    /// The index of the key, adding it when new, under a hash the caller
    /// computes (the same function for every key of this interner).
    @inlinable @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> UInt32 {
        if let found = storage.find(p, n, hash: h) { return found }
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage.insert(p, n, hash: h)
    }

    /// The index of the key, or nil when it was never interned.
    @inlinable @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> UInt32? { storage.find(p, n, hash: h) }

    @inlinable @inline(__always)
    package func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32? { find(p, n, hash: byteHash(p, n)) }

    package mutating func intern(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { b in intern(b.baseAddress ?? emptyBytes, b.count) }
    }

    package mutating func intern(_ string: String) -> UInt32 { intern(Array(string.utf8)) }

    package func find(_ bytes: [UInt8]) -> UInt32? {
        bytes.withUnsafeBufferPointer { b in find(b.baseAddress ?? emptyBytes, b.count) }
    }

    package func bytes(at index: Int) -> ArraySlice<UInt8> {
        let start = storage.starts[index], end = storage.starts[index + 1]
        return Array(UnsafeBufferPointer(start: storage.arena + start, count: end - start))[...]
    }

    /// `body` on the bytes of entry `index` where they are stored (no copy);
    /// the pointer is valid only during the call.
    package func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = storage.starts[index], end = storage.starts[index + 1]
        return try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.arena + start, count: end - start)) }
    }

    package func string(at index: Int) -> String {
        let start = storage.starts[index], end = storage.starts[index + 1]
        return String(decoding: UnsafeBufferPointer(start: storage.arena + start, count: end - start), as: UTF8.self)
    }

    /// A view for finding keys from several threads at once while nothing
    /// is added. It does not keep the keys alive: the interner must outlive
    /// it and not change while it is used.
    @usableFromInline package struct Lookup: @unchecked Sendable {
        @usableFromInline unowned(unsafe) let storage: Storage
        /// Keys known to the view: their indices are `0 ..< count`.
        package let count: Int

        @inlinable @inline(__always)
        package func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32? { storage.find(p, n, hash: byteHash(p, n)) }
    }

    package var lookup: Lookup { Lookup(storage: storage, count: count) }

    /// Makes room for `other`'s keys (see `merge`).
    package mutating func reserve(forMerging others: [ByteInterner]) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        storage.reserve(entries: storage.count + others.reduce(0) { $0 + $1.storage.count },
                        bytes: storage.arenaCount + others.reduce(0) { $0 + $1.storage.arenaCount })
    }

    /// The indices of `other`'s keys here, adding the new ones; `added` is
    /// called with the index in `other` of each key added. Reuses `other`'s
    /// hashes, and reads the slot of the key eight ahead before it is
    /// needed, so the cache misses of a table of a million citizens overlap
    /// instead of coming one after another.
    package mutating func merge(_ other: ByteInterner, added: (Int) -> Void = { _ in }) -> [UInt32] {
        let o = other.storage
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        let s = storage
        var touched: UInt32 = 0
        let map = [UInt32](unsafeUninitializedCapacity: o.count) { map, initialized in
            for i in 0..<o.count {
                if i + 8 < o.count { touched &+= s.slots[Int(truncatingIfNeeded: o.hashes[i + 8]) & s.mask] }
                let start = o.starts[i], n = o.starts[i + 1] - start, h = o.hashes[i]
                if let found = s.find(o.arena + start, n, hash: h) {
                    map[i] = found
                } else {
                    map[i] = s.insert(o.arena + start, n, hash: h)
                    added(i)
                }
            }
            initialized = o.count
        }
        s.touched = touched
        return map
    }
}
