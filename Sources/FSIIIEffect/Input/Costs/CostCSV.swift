import FSIIIBytes

/// The columns of a costs file (SPEC §3): hours, minutes or an amount.
enum CostColumns {
    static let citizen = 0, date = 1, hours = 2, minutes = 3, amount = 4, service = 5, team = 6
    static let specs: [ColumnSpec] = [
        ColumnSpec("citizen", ["cpr", "borger", "cpr_nr", "cprnr"], required: true),
        ColumnSpec("date", ["dato", "leveringsdato"], required: true),
        ColumnSpec("hours", ["timer"]),
        ColumnSpec("minutes", ["minutter"]),
        ColumnSpec("amount", ["beloeb", "beløb", "kr"]),
        ColumnSpec("service", ["ydelse"]),
        ColumnSpec("team", ["hold", "gruppe", "enhed"]),
    ]
}

/// The columns of a rates file: kr per hour per service.
enum RateColumns {
    static let service = 0, rate = 1
    static let specs: [ColumnSpec] = [
        ColumnSpec("service", ["ydelse"], required: true),
        ColumnSpec("rate", ["takst", "timepris", "sats"], required: true),
    ]
}

/// The values a cost or rate cell may hold (docs/RULES.md, "Limits"). A
/// cost row is one delivery to one citizen on one day: 10,000 hours is more
/// than a year round the clock, and amounts (corrections may be negative)
/// and rates are bounded as generously. So a row costs at most 2·10⁹ kr,
/// and the sum of even a hundred million rows stays below 10¹⁸ kr, where a
/// `Double` is still exact to the krone's hundreds: no sum overflows or loses its
/// meaning, and no figure is infinite or NaN. (`--hourly-rate` is held to
/// `rate` by the command line.)
package enum CostLimits {
    package static let hours: ClosedRange<Double> = 0...10_000
    package static let minutes: ClosedRange<Double> = 0...600_000
    package static let amount: ClosedRange<Double> = -100_000_000...100_000_000
    /// kr per hour, for rates files and `--hourly-rate`.
    package static let rate: ClosedRange<Double> = 0...100_000

    /// What is wrong with a number outside `range` ("is more than 10000
    /// hours, the most a cost row may have"); nil inside it.
    static func problem(_ value: Double, _ range: ClosedRange<Double>, unit: String, of subject: String = "a cost row") -> String? {
        if value < range.lowerBound { return "is less than \(plain(range.lowerBound)) \(unit), the least \(subject) may have" }
        if value > range.upperBound { return "is more than \(plain(range.upperBound)) \(unit), the most \(subject) may have" }
        return nil
    }

    private static func plain(_ x: Double) -> String { String(Int(x)) }
}

/// Reads one chunk of a costs file, pricing each row as it goes.
struct CostSink: CSVRowSink {
    let path: String
    let header: CSVHeader
    let pricing: Pricing
    let commaIsDecimal: Bool
    var rows = RawCosts()
    var citizens = CitizenRegistry()
    var services = NameTable()
    var problems: [ImportProblem] = []
    var rowsRead = 0
    private var serviceRates: [Double?] = [nil]
    /// A normalised citizen id; only ids of at most `CitizenID.maximumLength` bytes are written here.
    private let normalized = UnsafeMutablePointer<UInt8>.allocate(capacity: CitizenID.maximumLength)
    private var dates = TokenCache<Int32>()
    private var lastCitizen = RepeatMemo(), lastService = RepeatMemo()
    private let column: [Int]

    init(path: String, header: CSVHeader, pricing: Pricing, commaIsDecimal: Bool) {
        self.path = path
        self.header = header
        self.pricing = pricing
        self.commaIsDecimal = commaIsDecimal
        column = header.index.map { $0 ?? Int.max }
        serviceRates = [pricing.defaultRate]
    }

    func release() {
        normalized.deallocate()
        lastCitizen.release()
        lastService.release()
    }

    mutating func reject(line: Int, column: String, message: String, reason: String, cells: [String]) {
        problems.append(ImportProblem(file: path, line: line, column: column, message: message, reason: reason,
                                      cells: cells, citizenColumn: header.index[CostColumns.citizen]))
    }

    /// Rejects a row at column `c` of `CostColumns`; a column the file does
    /// not have (a row with no quantity in a file of amounts only, say) is
    /// named by the first quantity column it has.
    private mutating func reject(_ record: CSVRecordCursor, line: Int, _ c: Int, _ message: String, reason: String) {
        let present = [c, CostColumns.hours, CostColumns.minutes, CostColumns.amount].first { column[$0] < header.names.count }
        let name = present.map { header.names[column[$0]] } ?? "(row)"
        reject(line: line, column: name, message: message, reason: reason, cells: record.strings)
    }

    /// A number cell: absent (no column or empty), or its value (nil when it is not a number).
    @inline(__always)
    private func number(_ record: CSVRecordCursor, _ c: Int) -> (present: Bool, value: Double?) {
        guard column[c] != Int.max else { return (false, nil) }
        let cell = record.field(column[c])
        if cell.isEmpty { return (false, nil) }
        return (true, NumberParser.decimal(cell, commaIsDecimal: commaIsDecimal))
    }

    /// Rejects a number cell that is no number, or one outside `range`.
    private mutating func rejectNumber(_ record: CSVRecordCursor, line: Int, _ c: Int, _ value: Double?, _ range: ClosedRange<Double>, unit: String) {
        let text = record.field(column[c]).shown
        if let value, let problem = CostLimits.problem(value, range, unit: unit) {
            return reject(record, line: line, c, "\"\(text)\" \(problem)", reason: "number out of range")
        }
        let hint = commaIsDecimal ? "" : "; in a ','-delimited file write decimals with '.'"
        reject(record, line: line, c, "\"\(text)\" is not a number\(hint)", reason: "bad number")
    }

    mutating func consume(_ record: CSVRecordCursor, line: Int) {
        typealias C = CostColumns
        let citizenCell = record.field(column[C.citizen])
        guard !citizenCell.isEmpty else { return reject(record, line: line, C.citizen, "missing value; every cost row needs the citizen", reason: "missing citizen") }
        guard citizenCell.n <= CitizenID.maximumLength else { return reject(record, line: line, C.citizen, CitizenID.tooLongMessage(citizenCell.n), reason: "bad citizen") }
        let dateCell = record.field(column[C.date])
        let day = dates.day(dateCell)
        guard day != Int32.min else {
            if dateCell.isEmpty { return reject(record, line: line, C.date, "missing value; every cost row needs its date", reason: "missing date") }
            return reject(record, line: line, C.date, "\"\(dateCell.shown)\" \(DateParser.problem(with: dateCell))", reason: "bad date")
        }
        var hours: Double?
        let h = number(record, C.hours)
        if h.present {
            guard let x = h.value, CostLimits.hours.contains(x) else { return rejectNumber(record, line: line, C.hours, h.value, CostLimits.hours, unit: "hours") }
            hours = x
        }
        let m = number(record, C.minutes)
        if m.present {
            guard let x = m.value, CostLimits.minutes.contains(x) else { return rejectNumber(record, line: line, C.minutes, m.value, CostLimits.minutes, unit: "minutes") }
            hours = (hours ?? 0) + x * (1.0 / 60.0)
        }
        let a = number(record, C.amount)
        if a.present, !(a.value.map(CostLimits.amount.contains) ?? false) { return rejectNumber(record, line: line, C.amount, a.value, CostLimits.amount, unit: "kr") }
        let serviceIndex = lastService.name(record, column: column[C.service], in: &services)
        while serviceRates.count <= Int(serviceIndex) {
            serviceRates.append(pricing.rate(for: services.storedName(serviceRates.count)))
        }
        let cost: Double
        if let amount = a.value {
            cost = amount
        } else if let h = hours {
            guard let rate = serviceRates[Int(serviceIndex)] else {
                let service = services.storedName(Int(serviceIndex))
                let what = service.isEmpty ? "the row names no service" : "service \"\(service)\" has no rate"
                return reject(record, line: line, column[C.hours] != Int.max ? C.hours : C.minutes,
                              "cannot price \(h) hours: \(what); add it to a rates file (service;rate) or give --hourly-rate KR",
                              reason: "no rate")
            }
            cost = h * rate
        } else {
            return reject(record, line: line, C.hours, "the row has no hours, minutes or amount", reason: "missing cost")
        }
        let n = CitizenID.normalize(citizenCell, into: normalized)
        rows.citizen.append(lastCitizen.resolve(normalized, n) { citizens.intern($0, $1) })
        rows.day.append(day)
        rows.hours.append(hours ?? 0)
        rows.cost.append(cost)
        rows.service.append(serviceIndex)
    }
}

/// Reads a rates file: `service;rate` in kr per hour.
struct RateSink: CSVRowSink {
    let path: String
    let header: CSVHeader
    let commaIsDecimal: Bool
    var rates: [(service: String, rate: Double)] = []
    var problems: [ImportProblem] = []
    var rowsRead = 0

    mutating func reject(line: Int, column: String, message: String, reason: String, cells: [String]) {
        problems.append(ImportProblem(file: path, line: line, column: column, message: message, reason: reason, cells: cells))
    }

    mutating func consume(_ record: CSVRecordCursor, line: Int) {
        // Both columns are required, so a layout always has them.
        guard let serviceColumn = header.index[RateColumns.service], let rateColumn = header.index[RateColumns.rate] else {
            return reject(line: line, column: "(row)", message: "the header names no service and rate columns", reason: "missing column", cells: [])
        }
        let service = record.field(serviceColumn)
        guard !service.isEmpty else {
            return reject(line: line, column: header.names[serviceColumn], message: "missing value; name the service the rate is for", reason: "missing service", cells: record.strings)
        }
        let cell = record.field(rateColumn)
        guard let rate = NumberParser.decimal(cell, commaIsDecimal: commaIsDecimal) else {
            return reject(line: line, column: header.names[rateColumn], message: "\"\(cell.shown)\" is not a rate in kr per hour", reason: "bad number", cells: record.strings)
        }
        if let problem = CostLimits.problem(rate, CostLimits.rate, unit: "kr per hour", of: "a rate") {
            return reject(line: line, column: header.names[rateColumn], message: "\"\(cell.shown)\" \(problem)", reason: "number out of range", cells: record.strings)
        }
        rates.append((service.string, rate))
    }
}
