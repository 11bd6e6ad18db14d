/// Keeps identifiers out of messages and files (SPEC §10): every
/// CPR-shaped sequence (see `CPRShape`: ten or more digits, or
/// `DDMMYY-XXXX` with another separator or none, in any script's digits)
/// is replaced by `[fjernet]` ("removed"), wherever it sits in the text.
///
/// Masking is applied where text is stored for showing — `ImportProblem`,
/// `FileSummary`, the names of `NameTable` — so no writer has to remember
/// it; `Diagnostics.line` masks every line again on its way out.
package enum Redaction {
    /// The text written in place of an identifier.
    package static let placeholder = "[fjernet]"

    /// `text` with every CPR-shaped sequence replaced by `[fjernet]`.
    package static func mask(_ text: String) -> String { mask(text, with: placeholder) }

    /// `text` with every CPR-shaped sequence replaced by `replacement`
    /// (a numbered placeholder such as `[fjernet 2]` for group names).
    package static func mask(_ text: String, with replacement: String) -> String {
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
    package static func containsIdentifier(_ text: String) -> Bool {
        switch scan(text) {
        case .none: return false
        case .ascii(_, let spans), .scalars(_, let spans): return !spans.isEmpty
        }
    }

    /// Whether the UTF-8 bytes `p[0..<n]` hold a CPR-shaped sequence (the
    /// check of a name as it is interned; see `NameTable`).
    static func containsIdentifier(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let bytes = UnsafeBufferPointer(start: p, count: n)
        switch census(bytes) {
        case .tooFewDigits: return false
        case .ascii: return !CPRShape.spans(in: bytes).isEmpty
        case .unicode: return containsIdentifier(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// What a first pass over the UTF-8 bytes tells: a CPR-shaped sequence
    /// needs ten digits, so a text with fewer ASCII digits plus non-ASCII
    /// characters (each may be a digit of another script) holds none — the
    /// common case, decided without allocating; else whether it is ASCII.
    private enum Census { case tooFewDigits, ascii, unicode }

    private static func census(_ bytes: UnsafeBufferPointer<UInt8>) -> Census {
        var digits = 0, nonASCII = 0
        for b in bytes {
            if b &- 0x30 < 10 { digits += 1 } else if b >= 0xC0 { nonASCII += 1 }
        }
        if digits + nonASCII < 10 { return .tooFewDigits }
        return nonASCII == 0 ? .ascii : .unicode
    }

    /// The CPR-shaped spans of a text: none possible (see `census`), or
    /// the spans in its bytes (ASCII) or in its scalar values.
    private enum Scan {
        case none
        case ascii([UInt8], [Range<Int>])
        case scalars([UInt32], [Range<Int>])
    }

    private static func scan(_ text: String) -> Scan {
        var text = text
        switch text.withUTF8({ census($0) }) {
        case .tooFewDigits:
            return .none
        case .ascii:
            let bytes = Array(text.utf8)
            return .ascii(bytes, CPRShape.spans(in: bytes))
        case .unicode:
            let values = text.unicodeScalars.map(\.value)
            return .scalars(values, CPRShape.spans(in: values))
        }
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
