import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes

/// Pseudonyms are the first 16 hex digits of HMAC-SHA-256(key, id) (SPEC §10).
@Suite("Pseudonymizer (SPEC §10)")
struct PseudonymizerTests {
    static let keyText = "fsiii-test-key-0123456789abcdef"

    static func pseudonymizer() throws -> Pseudonymizer {
        Pseudonymizer(key: try PseudonymKey(bytes: Array(keyText.utf8)))
    }

    @Test("the pseudonym matches Python's hmac for a fixed key")
    func matchesPython() throws {
        // python3 -c 'import hmac, hashlib; print(hmac.new(b"fsiii-test-key-0123456789abcdef", b"0101401234", hashlib.sha256).hexdigest()[:16])'
        #expect(try Self.pseudonymizer().pseudonym(of: "0101401234") == "c04e703cb8b21933")
    }

    @Test("the pseudonym is the hex of the first 8 bytes of the HMAC, for short and multi-block ids")
    func isHMACPrefix() throws {
        let pseudonymizer = try Self.pseudonymizer()
        for id in ["", "0101401234", "2512489996", String(repeating: "7", count: 55),
                   String(repeating: "x", count: 56), String(repeating: "borger-", count: 30)] {
            let code = HMACSHA256.authenticationCode(key: Array(Self.keyText.utf8), message: Array(id.utf8))
            let pseudonym = pseudonymizer.pseudonym(of: id)
            #expect(pseudonym == Hex.encode(code.prefix(8)), "id of \(id.utf8.count) bytes")
            #expect(pseudonym.count == Pseudonymizer.length)
        }
    }

    @Test("a string id and its UTF-8 bytes give the same pseudonym")
    func stringEqualsBytes() throws {
        let pseudonymizer = try Self.pseudonymizer()
        let id = "0101401234"
        #expect(pseudonymizer.pseudonym(of: id) == pseudonymizer.pseudonym(of: Array(id.utf8)))
        #expect(pseudonymizer.pseudonym(of: id) == pseudonymizer.pseudonym(of: Array(id.utf8)[...]))
    }

    @Test("another key gives another pseudonym")
    func dependsOnKey() throws {
        let other = Pseudonymizer(key: try PseudonymKey(bytes: Array("another-key-0123456789".utf8)))
        #expect(try Self.pseudonymizer().pseudonym(of: "0101401234") != other.pseudonym(of: "0101401234"))
    }

    @Test("descriptions and dumps do not show key material")
    func keyIsRedacted() throws {
        let pseudonymizer = try Self.pseudonymizer()
        var dumped = ""
        dump(pseudonymizer, to: &dumped)
        #expect(!dumped.contains("fsiii-test-key"))
        #expect(!String(describing: pseudonymizer).contains("fsiii-test-key"))
        #expect(!String(reflecting: pseudonymizer).contains("fsiii-test-key"))
    }
}
