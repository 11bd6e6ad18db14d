import FSIIIBytes

/// Pseudonyms for citizen ids (SPEC §10): the first 16 hex digits (64 bits)
/// of HMAC-SHA-256(key, normalised id), so outputs can be linked per citizen
/// across runs with the same key without showing a CPR number.
///
/// Normalising the id (digits only for a CPR number) is the caller's job;
/// this type hashes the bytes it is given. It keeps the key's HMAC states,
/// so a pseudonym of an id under 56 bytes costs two SHA-256 compressions.
/// Like the key, it never shows key material in a description or `dump`.
public struct Pseudonymizer: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The number of hex digits in a pseudonym.
    public static let length = 16

    private let hmac: HMACSHA256

    /// Prepares pseudonyms under `key`, absorbing it once.
    public init(key: PseudonymKey) {
        hmac = HMACSHA256(key: key.bytes)
    }

    /// The pseudonym of the normalised id given as bytes.
    public func pseudonym<Bytes: Collection>(of normalizedID: Bytes) -> String where Bytes.Element == UInt8 {
        hmac.codeState(for: normalizedID).withBigEndianBytes { code in
            Hex.encode(contiguous: UnsafeRawBufferPointer(rebasing: code[0..<Self.length / 2]))
        }
    }

    /// The pseudonym of the normalised id, taken as its UTF-8 bytes.
    public func pseudonym(of normalizedID: String) -> String {
        pseudonym(of: normalizedID.utf8)
    }

    /// Never the key.
    public var description: String { "Pseudonymizer(key redacted)" }
    /// As `description`.
    public var debugDescription: String { description }
    /// No children, so `dump` shows no key material.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
