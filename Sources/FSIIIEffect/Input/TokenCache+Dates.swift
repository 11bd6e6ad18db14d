import FSIIIBytes

extension TokenCache where Value == Int32 {
    /// The day number of a date cell, `Int32.min` when it is not a date.
    /// A plain date (10 bytes) is parsed outright — cheaper than a lookup
    /// in a table of thousands of dates; date-times (which need the time
    /// zone) go through the cache.
    @inline(__always)
    mutating func day(_ cell: ByteSlice) -> Int32 {
        if cell.n == 10, let parsed = DateParser.parse(cell) { return parsed.rawValue }
        return resolve(cell) { DateParser.parse($0)?.rawValue ?? Int32.min }
    }
}
