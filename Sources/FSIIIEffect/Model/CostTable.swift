/// Home-care cost rows, priced (SPEC §3, §8), sorted by citizen and day so
/// the cost join reads each citizen's rows as one contiguous run.
public struct CostTable: Sendable {
    public internal(set) var citizen: [UInt32] = []
    public internal(set) var day: [Int32] = []
    /// Hours delivered (minutes / 60); 0 for a row given only as an amount.
    public internal(set) var hours: [Double] = []
    /// Cost in kr: the amount, else hours × the rate of the service, else
    /// hours × `--hourly-rate`.
    public internal(set) var cost: [Double] = []
    /// Index into `services`.
    public internal(set) var service: [UInt32] = []
    /// Rows of citizen `c` are `citizenStart[c] ..< citizenStart[c + 1]`.
    public internal(set) var citizenStart: [Int] = [0]
    public internal(set) var services = NameTable()

    public init() {}

    public var count: Int { day.count }

    /// The last date in the cost data: an after-window that ends later is
    /// incomplete (SPEC §8).
    public internal(set) var lastDay: Day?

    public func rows(ofCitizen c: Int) -> Range<Int> {
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

    mutating func append(_ other: RawCosts, citizens: [UInt32], services: [UInt32]) {
        citizen.append(contentsOf: other.citizen.lazy.map { citizens[Int($0)] })
        day.append(contentsOf: other.day)
        hours.append(contentsOf: other.hours)
        cost.append(contentsOf: other.cost)
        service.append(contentsOf: other.service.lazy.map { services[Int($0)] })
    }

    /// Sorted by citizen (counting sort, stable) and day.
    func sorted(citizenCount: Int, services: NameTable) -> CostTable {
        var start = [Int](repeating: 0, count: citizenCount + 1)
        for c in citizen { start[Int(c) + 1] += 1 }
        for c in 0..<citizenCount { start[c + 1] += start[c] }
        var order = [Int](repeating: 0, count: count)
        var next = start
        for r in 0..<count {
            let c = Int(citizen[r])
            order[next[c]] = r
            next[c] += 1
        }
        // Within a citizen, by day (input is usually in order already).
        for c in 0..<citizenCount where start[c + 1] - start[c] > 1 {
            let range = start[c]..<start[c + 1]
            var ordered = true
            for i in range.dropFirst() where day[order[i]] < day[order[i - 1]] { ordered = false; break }
            if !ordered { order[range].sort { (day[$0], $0) < (day[$1], $1) } }
        }
        var table = CostTable()
        table.citizen = order.map { citizen[$0] }
        table.day = order.map { day[$0] }
        table.hours = order.map { hours[$0] }
        table.cost = order.map { cost[$0] }
        table.service = order.map { service[$0] }
        table.citizenStart = start
        table.services = services
        table.lastDay = day.max().map { Day(rawValue: $0) }
        return table
    }
}
