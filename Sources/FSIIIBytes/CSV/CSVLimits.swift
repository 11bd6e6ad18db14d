/// The documented limits of a CSV input (docs/RULES.md, "Limits"): past
/// them a row is rejected, or a file refused, with its line, instead of
/// memory or time growing without bound. Real exports are far inside them.
/// (Constants as inlinable computed properties: a stored `static let` read
/// from another module goes through its lazy initialiser on every use.)
@usableFromInline package enum CSVLimits {
    /// The longest field, in bytes (64 KiB): a row with a longer field is
    /// rejected as a whole, and reading goes on with the next record.
    @inlinable package static var fieldBytes: Int { 64 << 10 }
    /// The most columns a header may have; a row may have this many fields
    /// and no more (a longer row is rejected, its fields beyond not kept).
    @inlinable package static var columns: Int { 1024 }
    /// The longest header line, in bytes.
    @inlinable package static var headerBytes: Int { 64 << 10 }
    /// How much of a cell a message quotes, in bytes: a longer cell is
    /// shown by its start and its length.
    @inlinable package static var quotedBytes: Int { 80 }
    /// The longest cell a token cache remembers (conditions, levels,
    /// statuses, date-times); longer cells are resolved every time, so the
    /// caches hold at most `TokenCache.limit` short keys.
    @inlinable package static var cachedBytes: Int { 256 }
}

extension ByteSlice {
    /// The cell for a message: as written when it is at most
    /// `CSVLimits.quotedBytes` long, else its first bytes (whole UTF-8
    /// characters), "…" and its length, so a message never grows with
    /// the cell.
    package var shown: String { ByteSlice.shown(p, n) }

    package static func shown(_ p: UnsafePointer<UInt8>, _ n: Int) -> String {
        guard n > CSVLimits.quotedBytes else { return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
        var cut = CSVLimits.quotedBytes - 20
        while cut > 0 && p[cut] & 0xC0 == 0x80 { cut -= 1 }   // not inside a character
        return String(decoding: UnsafeBufferPointer(start: p, count: cut), as: UTF8.self) + "… (\(n) bytes)"
    }
}

extension String {
    /// The text for a message, shortened as `ByteSlice.shown` shortens a cell.
    package var shown: String {
        var copy = self
        return copy.withUTF8 { ByteSlice.shown($0.baseAddress ?? emptyBytes, $0.count) }
    }
}
