import FSIIIBytes

extension RepeatMemo {
    /// The index in `table` of the cell of an optional name column (team,
    /// municipality, service), through the memo; 0 (the empty name) when
    /// the file has no such column (`column == Int.max`).
    @inline(__always)
    mutating func name(_ record: CSVRecordCursor, column: Int, in table: inout NameTable) -> UInt32 {
        guard column != Int.max else { return 0 }
        let cell = record.field(column)
        return resolve(cell.p, cell.n) { table.intern(ByteSlice(p: $0, n: $1)) }
    }
}
