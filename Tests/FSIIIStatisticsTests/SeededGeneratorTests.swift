import Testing
@testable import FSIIIStatistics

@Suite("Seeded generator: SplitMix64 seeding, xoshiro256**, Lemire bounded draws")
struct SeededGeneratorTests {
    // Expected values from an independent Python reimplementation of the algorithm
    // documented on SeededGenerator (run with Python 3.11):
    //
    //   M = (1 << 64) - 1
    //   def splitmix64(x):
    //       x = (x + 0x9E3779B97F4A7C15) & M
    //       z = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M
    //       z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    //       return x, z ^ (z >> 31)
    //   def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
    //   class Gen:
    //       def __init__(self, seed):
    //           x, self.s = seed & M, []
    //           for _ in range(4):
    //               x, z = splitmix64(x); self.s.append(z)
    //       def next(self):
    //           s = self.s
    //           result = (rotl((s[1] * 5) & M, 7) * 9) & M
    //           t = (s[1] << 17) & M
    //           s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
    //           s[3] = rotl(s[3], 45)
    //           return result
    //       def index(self, bound):
    //           m = self.next() * bound
    //           if m & M < bound:
    //               threshold = ((1 << 64) - bound) % bound
    //               while m & M < threshold: m = self.next() * bound
    //           return m >> 64
    //   g = Gen(0); print([hex(g.next()) for _ in range(5)])   # and Gen(42)
    //   g = Gen(42); print([g.index(1000) for _ in range(10)])
    //
    // Cross-check: splitmix64(0) gives 0xE220A8397B1DCDAF, the published first SplitMix64 output.

    @Test("first outputs for seeds 0 and 42", arguments: zip([0, 42] as [UInt64], [
        [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C, 0xBBA5_AD4A_1F84_2E59],
        [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1, 0xFDE6_DC7F_E2EC_5E64],
    ] as [[UInt64]]))
    func firstOutputs(seed: UInt64, expected: [UInt64]) {
        var generator = SeededGenerator(seed: seed)
        #expect((0..<5).map { _ in generator.next() } == expected)
    }

    @Test("bounded draws match the reference implementation")
    func boundedDraws() {
        var zero = SeededGenerator(seed: 0)
        #expect((0..<10).map { _ in zero.index(below: 10) } == [6, 7, 1, 4, 7, 9, 4, 5, 8, 9])
        var die = SeededGenerator(seed: 42)
        #expect((0..<10).map { _ in die.index(below: 6) } == [0, 2, 4, 5, 5, 4, 4, 5, 4, 3])
        var thousand = SeededGenerator(seed: 42)
        #expect((0..<10).map { _ in thousand.index(below: 1000) } == [83, 378, 680, 924, 991, 769, 719, 850, 761, 583])
    }

    @Test("the rejection step: with bound ⌊2⁶⁴/3⌋ + 1 about a third of the draws are redrawn")
    func rejection() {
        // Python: b = (1 << 64) // 3 + 1; g = Gen(7); [g.index(b) for _ in range(8)]
        // rejects 2 draws on the way, so 10 outputs are consumed.
        let bound = 6_148_914_691_236_517_206
        var generator = SeededGenerator(seed: 7)
        let draws = (0..<8).map { _ in generator.index(below: bound) }
        #expect(draws == [4_307_785_023_609_491_998, 1_714_017_530_111_594_224, 5_162_797_635_497_546_546,
                          6_032_686_214_883_059_221, 373_559_354_116_545_905, 642_166_758_766_005_065,
                          2_482_356_989_299_884_469, 933_504_292_753_113_206])
        var raw = SeededGenerator(seed: 7)
        for _ in 0..<10 { _ = raw.next() }
        #expect(generator.next() == raw.next())
    }

    @Test("bound 1 always gives 0; every draw lies below its bound")
    func bounds() {
        var generator = SeededGenerator(seed: 123)
        for _ in 0..<100 { #expect(generator.index(below: 1) == 0) }
        for bound in [2, 3, 7, 100, 1 << 40, Int.max] {
            for _ in 0..<50 {
                let draw = generator.index(below: bound)
                #expect(draw >= 0 && draw < bound)
            }
        }
    }

    @Test("same seed, same sequence; another seed, another sequence")
    func determinism() {
        var a = SeededGenerator(seed: 2024), b = SeededGenerator(seed: 2024), c = SeededGenerator(seed: 2025)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }
}
