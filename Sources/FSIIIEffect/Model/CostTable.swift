/// Home-care cost rows, priced (SPEC §3, §8), sorted by citizen and day so
/// the cost join reads each citizen's rows as one contiguous run.
package struct CostTable: Sendable {
    package internal(set) var citizen: [UInt32] = []
    package internal(set) var day: [Int32] = []
    /// Hours delivered (minutes / 60); 0 for a row given only as an amount.
    package internal(set) var hours: [Double] = []
    /// Cost in kr: the amount, else hours × the rate of the service, else
    /// hours × `--hourly-rate`.
    package internal(set) var cost: [Double] = []
    /// Index into `services`.
    package internal(set) var service: [UInt32] = []
    /// Rows of citizen `c` are `citizenStart[c] ..< citizenStart[c + 1]`.
    package internal(set) var citizenStart: [Int] = [0]
    package internal(set) var services = NameTable()

    package init() {}

    package var count: Int { day.count }

    /// The last date in the cost data: an after-window that ends later is
    /// incomplete (SPEC §8).
    package internal(set) var lastDay: Day?

    package func rows(ofCitizen c: Int) -> Range<Int> {
        c + 1 < citizenStart.count ? citizenStart[c]..<citizenStart[c + 1] : 0..<0
    }
}

/// Cost rows as read, before sorting.
struct RawCosts {
    var citizen: [UInt32] = []
    var day: [Int32] = []
    var hours: [Double] = []
    var cost: [Double] = []
    var service: [UInt32] = []

    var count: Int { day.count }

    mutating func reserveCapacity(_ n: Int) {
        citizen.reserveCapacity(n)
        day.reserveCapacity(n)
        hours.reserveCapacity(n)
        cost.reserveCapacity(n)
        service.reserveCapacity(n)
    }

    mutating func append(_ other: RawCosts, citizens: [UInt32], services: [UInt32]) {
        citizen.append(contentsOf: other.citizen.lazy.map { citizens[Int($0)] })
        day.append(contentsOf: other.day)
        hours.append(contentsOf: other.hours)
        cost.append(contentsOf: other.cost)
        service.append(contentsOf: other.service.lazy.map { services[Int($0)] })
    }

    /// Sorted by citizen (counting sort, stable) and day. Takes the rows:
    /// each column is scattered into its place and freed before the next,
    /// so a large cost file is never held twice over.
    mutating func takeSorted(citizenCount: Int, services: NameTable) -> CostTable {
        let n = count
        var start = [Int](repeating: 0, count: citizenCount + 1)
        for c in citizen { start[Int(c) + 1] += 1 }
        for c in 0..<citizenCount { start[c + 1] += start[c] }
        var position = [UInt32](repeating: 0, count: n)   // a cost table holds < 2³² rows
        var next = start
        for r in 0..<n {
            let c = Int(citizen[r])
            position[r] = UInt32(truncatingIfNeeded: next[c])
            next[c] += 1
        }
        func scatter<T>(_ column: inout [T], _ zero: T) -> [T] {
            var out = [T](repeating: zero, count: n)
            out.withUnsafeMutableBufferPointer { o in
                column.withUnsafeBufferPointer { c in
                    for r in 0..<n { o[Int(position[r])] = c[r] }
                }
            }
            column = []
            return out
        }
        var table = CostTable()
        table.lastDay = day.max().map { Day(rawValue: $0) }
        table.citizen = scatter(&citizen, 0)
        table.day = scatter(&day, 0)
        table.hours = scatter(&hours, 0)
        table.cost = scatter(&cost, 0)
        table.service = scatter(&service, 0)
        // Within a citizen, by day (stable; input is usually in order already).
        for c in 0..<citizenCount where start[c + 1] - start[c] > 1 {
            let range = start[c]..<start[c + 1]
            var ordered = true
            for i in range.dropFirst() where table.day[i] < table.day[i - 1] { ordered = false; break }
            if ordered { continue }
            let order = range.sorted { (table.day[$0], $0) < (table.day[$1], $1) }
            let day = order.map { table.day[$0] }, hours = order.map { table.hours[$0] }
            let cost = order.map { table.cost[$0] }, service = order.map { table.service[$0] }
            table.day.replaceSubrange(range, with: day)
            table.hours.replaceSubrange(range, with: hours)
            table.cost.replaceSubrange(range, with: cost)
            table.service.replaceSubrange(range, with: service)
        }
        table.citizenStart = start
        table.services = services
        return table
    }
}
