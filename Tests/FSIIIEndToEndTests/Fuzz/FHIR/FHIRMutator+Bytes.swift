import Foundation
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

/// The bytes of a mutated document: placeholders replaced by their raw
/// text, and damage no JSON tree can express.
extension FHIRMutator {
    /// The JSON text of `doc` with the placeholders replaced by their raw text.
    func serialize(_ doc: JSONValue, pretty: Bool) -> [UInt8] {
        var bytes = JSONWriter(pretty: pretty).writeBytes(doc)
        guard !raw.isEmpty else { return bytes }
        let marker = Array("\"\\u0001RAW".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x22, i + marker.count < bytes.count, Array(bytes[i..<(i + marker.count)]) == marker {
                var j = i + marker.count
                var k = 0
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { k = k * 10 + Int(bytes[j] - 0x30); j += 1 }
                let tail = Array("\\u0001\"".utf8)
                if k < raw.count, j + tail.count <= bytes.count, Array(bytes[j..<(j + tail.count)]) == tail {
                    out.append(contentsOf: raw[k].utf8)
                    i = j + tail.count
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        bytes = out
        return bytes
    }

    /// One or two damages to the bytes of a document.
    mutating func damage(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        for _ in 0..<(1 + below(2)) {
            let at = below(bytes.count + 1)
            switch below(10) {
            case 0: bytes.removeSubrange(min(at, bytes.count)...)  // truncated
            case 1: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)  // a stray byte
            case 2: bytes.insert(contentsOf: pick([[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]]), at: at)
            case 3 where at < bytes.count: bytes[at] ^= UInt8(1 << below(8))
            case 4: bytes.insert(contentsOf: pick([Array("\\u".utf8), Array("\\uD800".utf8), Array(String(repeating: "\\", count: 999).utf8), [0x00]]), at: at)
            case 5: bytes.insert(contentsOf: pick([[0x0D], [0x0D, 0x0A], [0x0A], [0x09], [0x0C]]), at: at)
            case 6 where at < bytes.count:
                let end = min(bytes.count, at + 1 + below(200))
                bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
            case 7 where at < bytes.count:
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(200)))
            case 8: bytes.insert(contentsOf: pick([Array("{".utf8), Array("}".utf8), Array("\"".utf8), Array(",".utf8), Array("]".utf8), Array(":".utf8)]), at: at)
            default: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: pick([0, at]))  // a byte order mark, also where none belongs
            }
        }
    }
}
