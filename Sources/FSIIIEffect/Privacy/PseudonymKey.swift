import Foundation

/// The secret key under which citizen ids become pseudonyms (SPEC §10): at
/// least 16 bytes, from `--pseudonym-key FILE` or the environment variable
/// `FSIII_PSEUDONYM_KEY`.
///
/// The key is used as bytes, exactly as given: a key file holding 64 hex
/// digits is a 64-byte key of ASCII digits, not 32 decoded bytes, so the
/// same file gives the same pseudonyms in any tool that reads it the same way.
/// The key never appears in a description, `dump` or error message.
public struct PseudonymKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The fewest bytes a key may have: 128 bits, so that pseudonyms of
    /// CPR numbers (about 2²⁵ valid values) cannot be reversed by trying keys.
    public static let minimumLength = 16

    /// The environment variable read by `fromEnvironment(_:)`.
    public static let environmentVariable = "FSIII_PSEUDONYM_KEY"

    /// The key bytes; internal so that only `Pseudonymizer` sees them.
    let bytes: [UInt8]

    /// A key from its bytes. Throws `PseudonymKeyError.tooShort` for fewer
    /// than `minimumLength` bytes.
    public init(bytes: [UInt8]) throws(PseudonymKeyError) {
        guard bytes.count >= Self.minimumLength else {
            throw .tooShort(length: bytes.count)
        }
        self.bytes = bytes
    }

    /// Reads a key file: its bytes with trailing ASCII white space/newlines
    /// removed, so `openssl rand -hex 32 > fsiii.key` and editors that add a
    /// final newline give the same key. Leading bytes are kept as they are.
    /// Throws `PseudonymKeyError.unreadable` when the file cannot be read,
    /// `.tooShort` when fewer than `minimumLength` bytes remain.
    public init(contentsOfFile path: String) throws(PseudonymKeyError) {
        let contents: Data
        do {
            contents = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: Self.reason(reading: path, failedWith: error))
        }
        var bytes = [UInt8](contents)
        while let last = bytes.last, Self.isASCIIWhiteSpace(last) {
            bytes.removeLast()
        }
        try self.init(bytes: bytes)
    }

    /// The key in the environment variable `FSIII_PSEUDONYM_KEY` (its UTF-8
    /// bytes, unchanged); nil when it is unset or empty, so the caller can
    /// refuse per-citizen output with a message on how to give a key.
    /// Throws `PseudonymKeyError.tooShort` for a value under `minimumLength` bytes.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PseudonymKeyError) -> PseudonymKey? {
        guard let value = environment[environmentVariable], !value.isEmpty else {
            return nil
        }
        return try PseudonymKey(bytes: Array(value.utf8))
    }

    /// Only the key's length: the bytes are never shown.
    public var description: String { "PseudonymKey(\(bytes.count) bytes, redacted)" }
    /// As `description`.
    public var debugDescription: String { description }
    /// No children, so `dump` shows no key material.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Why `path` could not be read, in plain words: Foundation's own text is
    /// vague on Linux ("NSCocoaErrorDomain error 256" for a folder).
    private static func reason(reading path: String, failedWith error: any Error) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return "there is no such file"
        }
        if isDirectory.boolValue {
            return "it is a folder, not a file"
        }
        if !FileManager.default.isReadableFile(atPath: path) {
            return "permission denied"
        }
        var text = error.localizedDescription
        while text.last == "." {
            text.removeLast()
        }
        return text
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0d).contains(byte)
    }
}
