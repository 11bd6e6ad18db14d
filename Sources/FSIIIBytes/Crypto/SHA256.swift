/// SHA-256 (FIPS 180-4), written here because the package may depend on
/// Foundation only, and Foundation on Linux has no hash functions.
///
/// Feed the message with `update(_:)` in pieces of any size, then call
/// `finalize()` once for the 32-byte digest; or call `SHA256.hash(_:)`.
/// Contiguous input (`[UInt8]`, `ArraySlice`, `Data`, `String.UTF8View`,
/// buffer pointers) is compressed in place, 64 bytes at a time; other
/// sequences go byte by byte through a 64-byte block held inside the value,
/// so hashing never allocates until the digest is returned.
///
/// A `SHA256` is a value: copying one forks the computation, which is how
/// `HMACSHA256` reuses the state after its key block.
package struct SHA256: Sendable {
    /// The chaining value H(i).
    private var state = SHA256State()
    /// The bytes of the block being filled, 64 bytes inline (no heap storage,
    /// so copies stay cheap).
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// How many bytes of `block` are filled, 0..<64.
    private var blockCount = 0
    /// The message length so far in bytes; FIPS 180-4 appends it in bits
    /// modulo 2⁶⁴.
    private var messageLength: UInt64 = 0

    /// A hasher for a new message, starting from H(0) (FIPS 180-4 §5.3.3).
    package init() {}

    /// Adds `bytes` to the message.
    package mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let wasContiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        guard wasContiguous == nil else { return }
        for byte in bytes {
            append(byte)
        }
    }

    /// Adds `bytes` to the message (the fast path for contiguous arrays).
    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds the bytes of `buffer` to the message: whole blocks are
    /// compressed straight from the buffer, only the ends are copied.
    package mutating func update(_ buffer: UnsafeRawBufferPointer) {
        messageLength &+= UInt64(buffer.count)
        var offset = 0

        if blockCount > 0 {
            let taken = min(SHA256State.blockSize - blockCount, buffer.count)
            copyIntoBlock(at: blockCount, from: buffer[0..<taken])
            blockCount += taken
            offset = taken
            guard blockCount == SHA256State.blockSize else { return }
            compressBlock()
        }

        let remaining = buffer.count - offset
        let wholeBlocksEnd = offset + remaining - remaining % SHA256State.blockSize
        if wholeBlocksEnd > offset {
            state.compress(blocks: UnsafeRawBufferPointer(rebasing: buffer[offset..<wholeBlocksEnd]))
            offset = wholeBlocksEnd
        }

        if offset < buffer.count {
            copyIntoBlock(at: 0, from: buffer[offset...])
            blockCount = buffer.count - offset
        }
    }

    /// Pads the message, compresses the last block(s) and returns the
    /// 32-byte digest. The hasher then starts over as a new `SHA256()`.
    package mutating func finalize() -> [UInt8] {
        finalizeState().digest
    }

    /// The digest of `bytes` (FIPS 180-4).
    package static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Pads the message (FIPS 180-4 §5.1.1: a 1 bit, zeros up to 448 bits
    /// modulo 512, the length in bits as a 64-bit big-endian number) and
    /// returns the final hash value as words, so `HMACSHA256` can feed it on
    /// without an array. Resets the hasher.
    mutating func finalizeState() -> SHA256State {
        let bitLength = messageLength &* 8
        let filled = blockCount
        let lengthOffset = SHA256State.blockSize - 8
        withUnsafeMutableBytes(of: &block) { $0[filled] = 0x80 }
        zeroBlock(from: filled + 1)
        if filled >= lengthOffset {
            // No room left for the length: it goes into one more block.
            compressBlock()
            zeroBlock(from: 0)
        }
        withUnsafeMutableBytes(of: &block) { block in
            block.storeBytes(of: bitLength.bigEndian, toByteOffset: lengthOffset, as: UInt64.self)
        }
        compressBlock()
        let final = state
        self = SHA256()
        return final
    }

    /// Appends one byte (the path for non-contiguous sequences).
    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        let index = blockCount
        withUnsafeMutableBytes(of: &block) { $0[index] = byte }
        blockCount += 1
        messageLength &+= 1
        if blockCount == SHA256State.blockSize {
            compressBlock()
        }
    }

    /// Copies `bytes` into `block` from byte `start` on.
    @inline(__always)
    private mutating func copyIntoBlock(at start: Int, from bytes: Slice<UnsafeRawBufferPointer>) {
        withUnsafeMutableBytes(of: &block) { block in
            UnsafeMutableRawBufferPointer(rebasing: block[start..<start + bytes.count])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes))
        }
    }

    /// Sets the bytes of `block` from byte `start` on to zero (padding).
    private mutating func zeroBlock(from start: Int) {
        withUnsafeMutableBytes(of: &block) { block in
            for index in start..<block.count {
                block[index] = 0
            }
        }
    }

    /// Compresses the full `block` and empties it.
    private mutating func compressBlock() {
        let full = block
        withUnsafeBytes(of: full) { state.compress(blocks: $0) }
        blockCount = 0
    }
}
