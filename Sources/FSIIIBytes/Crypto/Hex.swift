/// Lowercase hexadecimal text for bytes: two digits per byte, most
/// significant nibble first (as `hexdigest()` in Python and `openssl` print
/// digests), so digests and pseudonyms compare as plain strings.
package enum Hex {
    /// The lowercase hex digits of `bytes`, e.g. `[0x0f, 0xa0]` → `"0fa0"`.
    package static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let text = bytes.withContiguousStorageIfAvailable({ encode(contiguous: UnsafeRawBufferPointer($0)) }) {
            return text
        }
        return Array(bytes).withUnsafeBytes { encode(contiguous: $0) }
    }

    /// The lowercase hex digits of the bytes of `buffer`, written straight
    /// into the string's storage.
    package static func encode(contiguous buffer: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 2 * buffer.count) { text in
            var index = 0
            for byte in buffer {
                text[index] = digit(byte &>> 4)
                text[index + 1] = digit(byte & 0x0f)
                index += 2
            }
            return index
        }
    }

    /// The ASCII code of the hex digit for `nibble` (0…15): `0`–`9`, `a`–`f`.
    @inline(__always)
    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }
}
