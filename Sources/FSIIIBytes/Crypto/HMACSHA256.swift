/// HMAC-SHA-256 (RFC 2104, with SHA-256 from FIPS 180-4; test vectors in
/// RFC 4231): H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ message)).
///
/// The key is absorbed once, in `init`: the value keeps the SHA-256 states
/// after the blocks K ⊕ ipad and K ⊕ opad, so each code costs the
/// compressions of the message and of one 32-byte inner digest only — for a
/// message under 56 bytes, two compressions in all. That is what makes
/// pseudonyms for a million citizens cheap (`Pseudonymizer`).
///
/// The value holds key-equivalent material: whoever has it can compute codes.
package struct HMACSHA256: Sendable {
    /// SHA-256 after absorbing K ⊕ ipad (RFC 2104: ipad = 0x36 repeated).
    private let innerStart: SHA256
    /// SHA-256 after absorbing K ⊕ opad (RFC 2104: opad = 0x5c repeated).
    private let outerStart: SHA256

    /// Prepares HMAC-SHA-256 under `key`. A key longer than the 64-byte block
    /// is hashed first and its digest used instead (RFC 2104 §2); a shorter
    /// one is padded with zeros to 64 bytes.
    package init<Key: Collection>(key: Key) where Key.Element == UInt8 {
        var block = [UInt8](repeating: 0, count: SHA256State.blockSize)
        if key.count > SHA256State.blockSize {
            block.replaceSubrange(0..<SHA256State.digestSize, with: SHA256.hash(key))
        } else {
            block.replaceSubrange(0..<key.count, with: key)
        }
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        innerStart = inner
        outerStart = outer
    }

    /// The 32-byte authentication code of `message`.
    package func authenticationCode<Bytes: Sequence>(for message: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        codeState(for: message).digest
    }

    /// The 32-byte authentication code of `message` under `key`, for a
    /// single use of the key (otherwise keep an `HMACSHA256` value).
    package static func authenticationCode<Key: Collection, Bytes: Sequence>(
        key: Key, message: Bytes
    ) -> [UInt8] where Key.Element == UInt8, Bytes.Element == UInt8 {
        HMACSHA256(key: key).authenticationCode(for: message)
    }

    /// The code as SHA-256 words, so callers that need only part of it
    /// (`Pseudonymizer`) make no array.
    package func codeState<Bytes: Sequence>(for message: Bytes) -> SHA256State where Bytes.Element == UInt8 {
        var inner = innerStart
        inner.update(message)
        let innerDigest = inner.finalizeState()
        var outer = outerStart
        innerDigest.withBigEndianBytes { outer.update($0) }
        return outer.finalizeState()
    }
}
