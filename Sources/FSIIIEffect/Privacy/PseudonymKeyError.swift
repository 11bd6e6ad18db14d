/// Why a pseudonym key could not be used (SPEC §10), with a message that
/// tells the user how to make or give a good key. Messages never contain
/// the key itself.
public enum PseudonymKeyError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The key has fewer than `PseudonymKey.minimumLength` bytes.
    case tooShort(length: Int)
    /// The key file could not be read; `reason` is the system's explanation.
    case unreadable(path: String, reason: String)

    /// What is wrong and how to make a good key (`openssl rand -hex 32`).
    public var description: String {
        switch self {
        case .tooShort(let length):
            let size = length == 0 ? "is empty" : "has only \(length) byte\(length == 1 ? "" : "s")"
            return "The pseudonym key \(size); it must have at least \(PseudonymKey.minimumLength) bytes. "
                + Self.howToMakeAKey
        case .unreadable(let path, let reason):
            return "Cannot read the pseudonym key file \(path): \(reason). "
                + "Check the path and that the file is readable, "
                + "or give the key in the environment variable \(PseudonymKey.environmentVariable)."
        }
    }

    private static let howToMakeAKey = """
        Make a random key with `openssl rand -hex 32 > fsiii.key` \
        (or `head -c 32 /dev/urandom | base64 > fsiii.key`), keep the file secret, \
        and give it with `--pseudonym-key fsiii.key` \
        or `export \(PseudonymKey.environmentVariable)=$(cat fsiii.key)`. \
        Use the same key whenever pseudonyms must match across runs.
        """
}
