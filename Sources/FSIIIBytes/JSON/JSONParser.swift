/// Parses JSON text (RFC 8259) into a `JSONValue`.
///
/// Written from scratch because Foundation's `JSONSerialization` loses member
/// order and is several times slower on the FHIR bundles a data team reads
/// by the hundred thousand. The parser reads bytes through an index into one
/// buffer; a `String` is made only for string values, and numbers are
/// converted from the bytes (falling back to the standard library's correctly
/// rounded conversion only for long or extreme numbers).
///
/// It accepts exactly RFC 8259 JSON text: any value at the top level,
/// whitespace of space, tab, LF and CR, and UTF-8 (§8.1) — a leading UTF-8
/// byte order mark is skipped, as §8.1 allows. It rejects trailing
/// characters, invalid UTF-8, unpaired UTF-16 surrogates in `\u` escapes,
/// numbers outside `Double`'s range (§6 lets a reader limit the range) and
/// nesting deeper than `maxDepth` (§9 lets a reader limit the depth).
package enum JSONParser {
    /// The deepest nesting of arrays and objects accepted. Bounds the
    /// recursion, so hostile input cannot overflow the stack; FHIR bundles
    /// nest about 10 deep.
    package static let maxDepth = 512

    /// Parses the JSON text in `bytes`.
    package static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw JSONParseError(line: 1, column: 1, message: "unexpected end of input: the text is empty")
        }
        var parser = JSONByteParser(base: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        return try parser.parseDocument()
    }

    /// Parses the JSON text in `bytes`.
    package static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses the JSON text in `text` (its UTF-8 form; no copy for native
    /// strings).
    package static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(UnsafeRawBufferPointer(buffer)) }
        }
        return try result.get()
    }
}
