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
    private let normalized = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
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

    private mutating func reject(_ record: CSVRecordCursor, line: Int, _ c: Int, _ message: String, reason: String) {
        reject(line: line, column: header.names[column[c]], message: message, reason: reason, cells: record.strings)
    }

    /// A number cell: absent (no column or empty), or its value (nil when it is not a number).
    @inline(__always)
    private func number(_ record: CSVRecordCursor, _ c: Int) -> (present: Bool, value: Double?) {
        guard column[c] != Int.max else { return (false, nil) }
        let cell = record.field(column[c])
        if cell.isEmpty { return (false, nil) }
        return (true, NumberParser.decimal(cell, commaIsDecimal: commaIsDecimal))
    }

    private mutating func rejectNumber(_ record: CSVRecordCursor, line: Int, _ c: Int, nonNegative: Bool) {
        let text = record.field(column[c]).string
        let message = nonNegative
            ? "\"\(text)\" is not a non-negative number\(commaIsDecimal ? "" : "; in a ','-delimited file write decimals with '.'")"
            : "\"\(text)\" is not a number"
        reject(record, line: line, c, message, reason: "bad number")
    }

    mutating func consume(_ record: CSVRecordCursor, line: Int) {
        typealias C = CostColumns
        let citizenCell = record.field(column[C.citizen])
        guard !citizenCell.isEmpty else { return reject(record, line: line, C.citizen, "missing value; every cost row needs the citizen", reason: "missing citizen") }
        guard citizenCell.n <= 64 else { return reject(record, line: line, C.citizen, "the citizen id is longer than 64 characters", reason: "bad citizen") }
        let dateCell = record.field(column[C.date])
        let day = dates.day(dateCell)
        guard day != Int32.min else {
            if dateCell.isEmpty { return reject(record, line: line, C.date, "missing value; every cost row needs its date", reason: "missing date") }
            return reject(record, line: line, C.date, "\"\(dateCell.string)\" is not a date; use \(DateParser.formats)", reason: "bad date")
        }
        var hours: Double?
        let h = number(record, C.hours)
        if h.present {
            guard let x = h.value, x >= 0 else { return rejectNumber(record, line: line, C.hours, nonNegative: true) }
            hours = x
        }
        let m = number(record, C.minutes)
        if m.present {
            guard let x = m.value, x >= 0 else { return rejectNumber(record, line: line, C.minutes, nonNegative: true) }
            hours = (hours ?? 0) + x * (1.0 / 60.0)
        }
        let a = number(record, C.amount)
        if a.present && a.value == nil { return rejectNumber(record, line: line, C.amount, nonNegative: false) }
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
        let serviceColumn = header.index[RateColumns.service]!, rateColumn = header.index[RateColumns.rate]!
        let service = record.field(serviceColumn)
        guard !service.isEmpty else {
            return reject(line: line, column: header.names[serviceColumn], message: "missing value; name the service the rate is for", reason: "missing service", cells: record.strings)
        }
        let cell = record.field(rateColumn)
        guard let rate = NumberParser.decimal(cell, commaIsDecimal: commaIsDecimal), rate >= 0 else {
            return reject(line: line, column: header.names[rateColumn], message: "\"\(cell.string)\" is not a rate in kr per hour", reason: "bad number", cells: record.strings)
        }
        rates.append((service.string, rate))
    }
}
