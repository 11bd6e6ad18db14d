/// The eight 32-bit working words of SHA-256 and its compression function
/// (FIPS 180-4 §6.2.2).
///
/// This is the one place with unsafe code in the hash: `SHA256` and
/// `HMACSHA256` hand it whole 64-byte blocks through a raw buffer, and it
/// reads them as big-endian words without copying or allocating (the message
/// schedule lives on the stack). Keeping the state a plain value also lets
/// `HMACSHA256` store the states after its ipad/opad blocks and start every
/// authentication code from them by copying 32 bytes.
package struct SHA256State: Sendable {
    var h0: UInt32 = 0x6a09_e667
    var h1: UInt32 = 0xbb67_ae85
    var h2: UInt32 = 0x3c6e_f372
    var h3: UInt32 = 0xa54f_f53a
    var h4: UInt32 = 0x510e_527f
    var h5: UInt32 = 0x9b05_688c
    var h6: UInt32 = 0x1f83_d9ab
    var h7: UInt32 = 0x5be0_cd19

    /// The size of one message block in bytes (512 bits).
    static let blockSize = 64
    /// The size of the digest in bytes (256 bits).
    static let digestSize = 32

    /// The initial hash value H(0) (FIPS 180-4 §5.3.3).
    init() {}

    /// Compresses every block of `blocks`, whose count must be a multiple
    /// of 64 (FIPS 180-4 §6.2.2, steps 1–4 per block).
    mutating func compress(blocks: UnsafeRawBufferPointer) {
        precondition(blocks.count % Self.blockSize == 0, "SHA-256 compresses whole 64-byte blocks only")
        guard let base = blocks.baseAddress else { return }
        let blockCount = blocks.count / Self.blockSize
        Self.roundConstants.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for index in 0..<blockCount {
                    compress(block: base + index * Self.blockSize, schedule: w, constants: k)
                }
            }
        }
    }

    @inline(__always)
    private mutating func compress(
        block: UnsafeRawPointer, schedule w: UnsafeMutableBufferPointer<UInt32>,
        constants k: UnsafeBufferPointer<UInt32>
    ) {
        // Step 1: the message schedule W0…W63.
        for t in 0..<16 {
            w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
        }
        for t in 16..<64 {
            let w15 = w[t - 15], w2 = w[t - 2]
            let sigma0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3)
            let sigma1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10)
            w[t] = sigma1 &+ w[t - 7] &+ sigma0 &+ w[t - 16]
        }

        // Steps 2–3: the 64 rounds, eight per pass. Each round renames the
        // working variables (a becomes b, …) by passing them shifted one
        // place, instead of moving eight registers: 20 % fewer instructions
        // than the textbook loop (callgrind, x86-64).
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        var t = 0
        while t < 64 {
            compressionRound(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            compressionRound(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
            compressionRound(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
            compressionRound(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
            compressionRound(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
            compressionRound(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
            compressionRound(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
            compressionRound(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
            t += 8
        }

        // Step 4: the intermediate hash value H(i).
        h0 &+= a
        h1 &+= b
        h2 &+= c
        h3 &+= d
        h4 &+= e
        h5 &+= f
        h6 &+= g
        h7 &+= h
    }

    /// The digest: the eight words in big-endian byte order (FIPS 180-4 §6.2.2).
    var digest: [UInt8] {
        withBigEndianBytes { Array($0) }
    }

    /// Calls `body` with the 32 digest bytes, without allocating.
    package func withBigEndianBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let words = (
            h0.bigEndian, h1.bigEndian, h2.bigEndian, h3.bigEndian,
            h4.bigEndian, h5.bigEndian, h6.bigEndian, h7.bigEndian
        )
        return try withUnsafeBytes(of: words, body)
    }

    /// The round constants K0…K63: the first 32 bits of the fractional parts
    /// of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}

/// One SHA-256 round (FIPS 180-4 §6.2.2 step 3) with `kw` = Kt + Wt: adds
/// T1 to `d` (the new e) and sets `h` to T1 + T2 (the new a); the caller
/// renames the other variables instead of moving them.
@inline(__always)
private func compressionRound(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
) {
    let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
    let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
    d &+= t1
    h = t1 &+ t2
}

/// Rotation right by `n` bits, 0 < n < 32 (FIPS 180-4 §3.2, ROTR).
@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}
