import Testing
@testable import FSIIIBytes

/// SHA-256 against the FIPS 180-4 examples published by NIST (CSRC
/// "Cryptographic Standards and Guidelines: Examples with Intermediate
/// Values", SHA256.pdf / SHA2_Additional.pdf) and against Python's hashlib
/// at the padding boundaries.
@Suite("SHA-256 (FIPS 180-4)")
struct SHA256Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let message: [UInt8]
        let digest: String
        var testDescription: String { name }
    }

    static let nistVectors: [Vector] = [
        Vector(name: "empty message", message: [],
               digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Vector(name: "\"abc\" (one block)", message: Array("abc".utf8),
               digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Vector(name: "448-bit message (two blocks)",
               message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
               digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        Vector(name: "896-bit message",
               message: Array(("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                               + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8),
               digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test("NIST example messages hash to their published digests", arguments: nistVectors)
    func nistExample(_ vector: Vector) {
        #expect(Hex.encode(SHA256.hash(vector.message)) == vector.digest)
    }

    @Test("one million \"a\" hashes to the NIST digest")
    func oneMillionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Hex.encode(SHA256.hash(message))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // Digests of bytes 0, 1, …, n-1 from Python:
    // python3 -c 'import hashlib; [print(n, hashlib.sha256(bytes(range(n))).hexdigest()) for n in (55,56,63,64,65)]'
    static let paddingBoundaries: [(Int, String)] = [
        (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"), // length fits: one block
        (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"), // length spills: two blocks
        (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
        (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"), // one whole block + padding block
        (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
    ]

    @Test("messages at the padding boundaries (55, 56, 63, 64, 65 bytes) match hashlib",
          arguments: paddingBoundaries)
    func paddingBoundary(length: Int, digest: String) {
        let message = (0..<length).map { UInt8($0) }
        #expect(Hex.encode(SHA256.hash(message)) == digest)
    }

    @Test("incremental update in odd-sized pieces equals one-shot hashing")
    func incrementalEqualsOneShot() {
        let message = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let expected = SHA256.hash(message)
        for pieceSizes in [[1], [3, 5, 7], [63], [64], [65], [13, 129, 1, 200], [1_000]] {
            var hasher = SHA256()
            var offset = 0, turn = 0
            while offset < message.count {
                let size = min(pieceSizes[turn % pieceSizes.count], message.count - offset)
                hasher.update(message[offset..<offset + size])
                offset += size
                turn += 1
            }
            #expect(hasher.finalize() == expected, "pieces \(pieceSizes)")
        }
    }

    @Test("every input path gives the same digest: array, raw buffer, non-contiguous sequence, UTF-8 view")
    func inputPathsAgree() {
        let text = String(repeating: "FSIII rehabilitering § 83a, ", count: 9)
        let message = Array(text.utf8)
        let expected = SHA256.hash(message)

        var raw = SHA256()
        message.withUnsafeBytes { raw.update($0) }
        #expect(raw.finalize() == expected)

        // A lazy map has no contiguous storage, so it takes the byte-by-byte path.
        #expect(SHA256.hash(message.lazy.map { $0 }) == expected)
        #expect(SHA256.hash(text.utf8) == expected)

        var mixed = SHA256()
        mixed.update(message[0..<10].lazy.map { $0 })
        mixed.update(message[10..<100])
        mixed.update(message[100...].lazy.map { $0 })
        #expect(mixed.finalize() == expected)
    }

    @Test("finalize returns 32 bytes and leaves the hasher as new")
    func finalizeResets() {
        var hasher = SHA256()
        hasher.update(Array("abc".utf8))
        #expect(hasher.finalize().count == 32)
        #expect(Hex.encode(hasher.finalize())
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
