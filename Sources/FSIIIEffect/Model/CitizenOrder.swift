/// Indices ordered by citizen: a stable counting sort, so items of one
/// citizen keep their order. Work done in this order reads each citizen's
/// rows of the assessment table (which holds them together) in table order
/// instead of at random.
enum CitizenOrder {
    /// The indices of `citizens` ordered by citizen (each below
    /// `citizenCount`), ties in index order.
    static func of(_ citizens: [UInt32], citizenCount: Int) -> [Int] {
        var start = [Int](repeating: 0, count: citizenCount + 1)
        for c in citizens { start[Int(c) + 1] += 1 }
        for c in 0..<citizenCount { start[c + 1] += start[c] }
        var order = [Int](repeating: 0, count: citizens.count)
        for (i, citizen) in citizens.enumerated() {
            let c = Int(citizen)
            order[start[c]] = i
            start[c] += 1
        }
        return order
    }
}
