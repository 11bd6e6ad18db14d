/// Keeps identifiers out of messages and files (SPEC §10): any run of ten
/// digits, or `DDMMYY-XXXX`, is replaced by `[fjernet]` ("removed").
public enum Redaction {
    /// The text written in place of an identifier.
    public static let placeholder = "[fjernet]"

    /// `text` with every CPR-shaped sequence replaced by `[fjernet]`.
    /// Digit runs longer than ten are replaced too: they may hide one.
    public static func mask(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            if isDigit(bytes[i]) && (i == 0 || !isDigit(bytes[i - 1])) {
                var j = i
                while j < bytes.count && isDigit(bytes[j]) { j += 1 }
                var runEnd = j
                // DDMMYY-XXXX
                if j - i == 6 && j + 5 <= bytes.count && bytes[j] == 0x2D && (j + 1..<j + 5).allSatisfy({ isDigit(bytes[$0]) })
                    && (j + 5 == bytes.count || !isDigit(bytes[j + 5])) {
                    runEnd = j + 5
                }
                if runEnd - i >= 10 {
                    out.append(contentsOf: Array(placeholder.utf8))
                    changed = true
                } else {
                    out.append(contentsOf: bytes[i..<runEnd])
                }
                i = runEnd
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    /// Whether a text holds anything `mask` would remove.
    public static func containsIdentifier(_ text: String) -> Bool { mask(text) != text }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
