import FSIIIBytes

/// The text encoding a file was read in (SPEC §3): UTF-8 with or without
/// byte-order mark, or Windows-1252 for a file that is not valid UTF-8
/// (Danish Excel exports). The domain's name for what `FSIIIBytes`'
/// `TextEncoding` found, so a `FileSummary` shows it without exposing the
/// byte-level module.
package enum FileEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case windows1252 = "Windows-1252"

    init(_ encoding: TextEncoding) {
        switch encoding {
        case .utf8: self = .utf8
        case .utf8WithBOM: self = .utf8WithBOM
        case .windows1252: self = .windows1252
        }
    }
}
