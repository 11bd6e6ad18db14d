/// Keeps identifiers out of messages and files (SPEC §10): every
/// CPR-shaped sequence (see `CPRShape`: ten or more digits, or
/// `DDMMYY-XXXX` with another separator or none, in any script's digits)
/// is replaced by `[fjernet]` ("removed"), wherever it sits in the text.
///
/// Masking is applied where text is stored for showing — `ImportProblem`,
/// `FileSummary`, the names of `NameTable` — so no writer has to remember
/// it; `Diagnostics.line` masks every line again on its way out.
public enum Redaction {
    /// The text written in place of an identifier.
    public static let placeholder = "[fjernet]"

    /// `text` with every CPR-shaped sequence replaced by `[fjernet]`.
    public static func mask(_ text: String) -> String { mask(text, with: placeholder) }

    /// `text` with every CPR-shaped sequence replaced by `replacement`
    /// (a numbered placeholder such as `[fjernet 2]` for group names).
    public static func mask(_ text: String, with replacement: String) -> String {
        switch scan(text) {
        case .none:
            return text
        case .ascii(let bytes, let spans):
            guard !spans.isEmpty else { return text }
            return String(decoding: replacing(spans, of: bytes, with: Array(replacement.utf8)), as: UTF8.self)
        case .scalars(let values, let spans):
            guard !spans.isEmpty else { return text }
            var out = String.UnicodeScalarView()
            for v in replacing(spans, of: values, with: replacement.unicodeScalars.map(\.value)) {
                if let scalar = Unicode.Scalar(v) { out.append(scalar) }
            }
            return String(out)
        }
    }

    /// Whether `text` holds anything `mask` would replace.
    public static func containsIdentifier(_ text: String) -> Bool {
        switch scan(text) {
        case .none: return false
        case .ascii(_, let spans), .scalars(_, let spans): return !spans.isEmpty
        }
    }

    /// Whether the UTF-8 bytes `p[0..<n]` hold a CPR-shaped sequence (the
    /// check of a name as it is interned; see `NameTable`).
    static func containsIdentifier(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let bytes = UnsafeBufferPointer(start: p, count: n)
        var digits = 0, ascii = true
        for b in bytes {
            if b >= 0x80 { ascii = false; break }
            if b &- 0x30 < 10 { digits += 1 }
        }
        if ascii { return digits >= 10 && !CPRShape.spans(in: bytes).isEmpty }
        return containsIdentifier(String(decoding: bytes, as: UTF8.self))
    }

    /// The CPR-shaped spans of a text: none possible (ASCII with fewer than
    /// ten digits, the common case, decided without allocating), or the
    /// spans in its bytes (ASCII) or in its scalar values.
    private enum Scan {
        case none
        case ascii([UInt8], [Range<Int>])
        case scalars([UInt32], [Range<Int>])
    }

    private static func scan(_ text: String) -> Scan {
        var digits = 0, ascii = true
        for b in text.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b &- 0x30 < 10 { digits += 1 }
        }
        if ascii {
            guard digits >= 10 else { return .none }
            let bytes = Array(text.utf8)
            return .ascii(bytes, CPRShape.spans(in: bytes))
        }
        let values = text.unicodeScalars.map(\.value)
        return .scalars(values, CPRShape.spans(in: values))
    }

    /// `values` with each span replaced by `inserted`.
    private static func replacing<Unit>(_ spans: [Range<Int>], of values: [Unit], with inserted: [Unit]) -> [Unit] {
        var out: [Unit] = []
        out.reserveCapacity(values.count)
        var next = 0
        for span in spans {
            out.append(contentsOf: values[next..<span.lowerBound])
            out.append(contentsOf: inserted)
            next = span.upperBound
        }
        out.append(contentsOf: values[next...])
        return out
    }
}
