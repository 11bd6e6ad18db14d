import Testing
@testable import FSIIIBytes

/// HMAC-SHA-256 against the test cases of RFC 4231 §4.2–4.8.
@Suite("HMAC-SHA-256 (RFC 2104, RFC 4231 vectors)")
struct HMACSHA256Tests {
    struct Case: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: [UInt8]
        let data: [UInt8]
        /// The expected code in hex; for test case 5 only its first 128 bits.
        let code: String
        var testDescription: String { "RFC 4231 test case \(number)" }
    }

    static let rfc4231: [Case] = [
        Case(number: 1, key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
             code: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Case(number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
             code: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Case(number: 3, key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
             code: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Case(number: 4, key: Array(0x01...0x19), data: [UInt8](repeating: 0xcd, count: 50),
             code: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        Case(number: 5, key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
             code: "a3b6167473100ee06e0c796c2955552b"),
        Case(number: 6, key: [UInt8](repeating: 0xaa, count: 131),
             data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             code: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Case(number: 7, key: [UInt8](repeating: 0xaa, count: 131),
             data: Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                          + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
             code: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("RFC 4231 test cases 1–7 (case 5 truncated to 128 bits)", arguments: rfc4231)
    func rfc4231Case(_ testCase: Case) {
        let code = HMACSHA256.authenticationCode(key: testCase.key, message: testCase.data)
        #expect(code.count == 32)
        let bytesCompared = testCase.code.count / 2
        #expect(Hex.encode(code.prefix(bytesCompared)) == testCase.code)
    }

    @Test("one keyed value gives the same code for many messages as the one-shot function")
    func reusedKeyMatchesOneShot() {
        let key = Array("Jefe".utf8)
        let hmac = HMACSHA256(key: key)
        for length in [0, 1, 55, 56, 64, 100, 1_000] {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0) }
            #expect(hmac.authenticationCode(for: message)
                    == HMACSHA256.authenticationCode(key: key, message: message), "length \(length)")
        }
    }

    @Test("a key of exactly 64 bytes is used as it is, not hashed")
    func blockSizedKeyIsNotHashed() {
        let key = [UInt8](repeating: 0xaa, count: 64)
        let hashedKey = SHA256.hash(key)
        let message = Array("message".utf8)
        #expect(HMACSHA256.authenticationCode(key: key, message: message)
                != HMACSHA256.authenticationCode(key: hashedKey, message: message))
        // Over 64 bytes the key and its digest are the same HMAC key (RFC 2104 §2).
        let longKey = [UInt8](repeating: 0xaa, count: 65)
        #expect(HMACSHA256.authenticationCode(key: longKey, message: message)
                == HMACSHA256.authenticationCode(key: SHA256.hash(longKey), message: message))
    }
}
