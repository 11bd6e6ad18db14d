/// The seeded pseudo-random generator of the bootstrap (SPEC §8),
/// specified here so that another tool can reproduce its draws bit for bit.
/// Same seed, same sequence, on every machine. All arithmetic is on
/// unsigned 64-bit integers, modulo 2⁶⁴; rotl(x, k) = (x << k) | (x >> (64 − k)).
///
/// Seeding, SplitMix64 (Steele, G. L., Lea, D. & Flood, C. H. (2014),
/// "Fast splittable pseudorandom number generators", OOPSLA '14): with
/// x = seed, four times in a row
///
///     x = x + 0x9E3779B97F4A7C15
///     z = x
///     z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) * 0x94D049BB133111EB
///     output z ^ (z >> 31)
///
/// and the four outputs, in order, are the state s₀, s₁, s₂, s₃. (They are
/// never all zero: SplitMix64's output is a bijection of distinct x.)
///
/// Each draw, xoshiro256** 1.0 (Blackman, D. & Vigna, S. (2018, published
/// 2021), "Scrambled linear pseudorandom number generators", ACM TOMS 47(4)):
///
///     result = rotl(s₁ * 5, 7) * 9
///     t = s₁ << 17
///     s₂ ^= s₀;  s₃ ^= s₁;  s₁ ^= s₂;  s₀ ^= s₃
///     s₂ ^= t
///     s₃ = rotl(s₃, 45)
///     output result
///
/// Seed 0 starts 0x99EC5F36CB75F2B4, 0xBF6E1F784956452A, 0x1A5F849D4933E6E0.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The generator whose state is the first four SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var x = seed
        s0 = Self.splitMix64(&x)
        s1 = Self.splitMix64(&x)
        s2 = Self.splitMix64(&x)
        s3 = Self.splitMix64(&x)
    }

    /// The next 64 bits of xoshiro256**.
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    /// A uniform integer in 0..<bound, exactly unbiased, by Lemire's
    /// multiply-shift with rejection (Lemire, D. (2019), "Fast random integer
    /// generation in an interval", ACM TOMACS 29(1), article 3). With
    /// s = bound as UInt64:
    ///
    ///     m = next() * s as a 128-bit product; l = m mod 2⁶⁴
    ///     if l < s:
    ///         threshold = (2⁶⁴ − s) mod s
    ///         while l < threshold:
    ///             m = next() * s; l = m mod 2⁶⁴
    ///     return m >> 64 (the high 64 bits)
    ///
    /// One draw per call except with probability below s/2⁶⁴.
    /// Precondition: bound > 0.
    public mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "index(below:) needs a positive bound")
        let s = UInt64(bound)
        var product = next().multipliedFullWidth(by: s)
        if product.low < s {
            let threshold = (0 &- s) % s
            while product.low < threshold {
                product = next().multipliedFullWidth(by: s)
            }
        }
        return Int(product.high)
    }

    /// One SplitMix64 step: advances `x` and returns its mixed output.
    private static func splitMix64(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
