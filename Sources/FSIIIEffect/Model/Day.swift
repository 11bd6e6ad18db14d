/// A calendar date as a day number: days since 1970-01-01 (proleptic
/// Gregorian). Integer-coded so windows such as `[start − 30, start]` are
/// plain integer comparisons on the hot path.
public struct Day: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
    package var rawValue: Int32

    package init(rawValue: Int32) { self.rawValue = rawValue }

    /// The day of a civil date, or nil when the date does not exist
    /// (e.g. 31-02-2024): from `monthTable` for 1850–2149, else by Howard
    /// Hinnant's days_from_civil ("chrono-compatible low-level date
    /// algorithms"), which also builds the table.
    @inline(__always)
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1 else { return nil }
        let k = (year &- Day.tableFirstYear) &* 12 &+ month &- 1
        if k >= 0 && k < Day.monthTable.count {
            // Every date of an import goes through here: one table entry
            // instead of the division-heavy formula.
            let entry = Day.monthTable[k]
            guard day <= Int(entry & 0x3F) else { return nil }
            self.rawValue = Int32(truncatingIfNeeded: entry >> 6) + Int32(day - 1)
            return
        }
        guard (1...9999).contains(year), day <= Day.daysIn(month: month, year: year) else { return nil }
        self.rawValue = Int32(Day.daysFromCivil(year, month, day))
    }

    /// The day of a civil date of 1850–2149, from the month
    /// table alone; nil when the date does not exist or lies outside those
    /// years (`supportedRange`). What every date read from an input goes through: the table's
    /// bounds check is the range check (docs/RULES.md, "Limits").
    @inline(__always)
    static func supported(year: Int, month: Int, day: Int) -> Day? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        let k = (year &- Day.tableFirstYear) &* 12 &+ month &- 1
        guard k >= 0 && k < Day.monthTable.count else { return nil }
        let entry = Day.monthTable[k]
        guard day <= Int(entry & 0x3F) else { return nil }
        return Day(rawValue: Int32(truncatingIfNeeded: entry >> 6) + Int32(day - 1))
    }

    /// The dates an input may hold, 1850-01-01 … 2149-12-31: the years of
    /// `monthTable`. Every window or horizon around them (at most a few
    /// thousand days) stays far inside `Int32`, so day arithmetic on input
    /// dates cannot overflow.
    package static let supportedRange = Day(rawValue: Int32(daysFromCivil(tableFirstYear, 1, 1)))...Day(rawValue: Int32(daysFromCivil(tableFirstYear + 299, 12, 31)))

    /// The first year of `monthTable`.
    static let tableFirstYear = 1850
    /// For each month of 1850–2149: its first day number shifted left by 6,
    /// with its number of days in the low 6 bits.
    static let monthTable: [Int64] = (0..<(300 * 12)).map { k in
        let year = tableFirstYear + k / 12, month = k % 12 + 1
        return Int64(daysFromCivil(year, month, 1)) << 6 | Int64(daysIn(month: month, year: year))
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Year, month and day of this date (civil_from_days).
    public var civil: (year: Int, month: Int, day: Int) { Day.civil(days: Int(rawValue)) }

    /// Year, month and day of any day number (days since 1970-01-01), also
    /// beyond the range of `Day` (the time-zone rule asks the year of an
    /// instant before it knows the instant is a `Day`). Exact for
    /// |days| < 2⁶⁰ / 5.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { Int(((Int64(rawValue) % 7) + 7 + 3) % 7) }

    /// ISO 8601 `YYYY-MM-DD`.
    public var iso: String {
        let c = civil
        return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2) + "-" + Day.pad(c.day, 2)
    }

    /// Danish `DD-MM-YYYY` (the `excel-da` dialect).
    public var danish: String {
        let c = civil
        return Day.pad(c.day, 2) + "-" + Day.pad(c.month, 2) + "-" + Day.pad(c.year, 4)
    }

    /// `YYYY-MM` of the date's month, the group key of `--by month`.
    public var month: String {
        let c = civil
        return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2)
    }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `YYYY-MM-DD`.
    public var description: String { iso }
    /// Earlier is smaller.
    public static func < (a: Day, b: Day) -> Bool { a.rawValue < b.rawValue }
    /// Days from this date to `other` (negative when `other` is earlier).
    public func distance(to other: Day) -> Int { Int(other.rawValue) - Int(rawValue) }
    /// `n` days later (earlier for negative `n`), saturating at the first and
    /// last `Day`: a window that reaches past them is a window to the end of
    /// time, never a trap.
    public func advanced(by n: Int) -> Day { Day(rawValue: Day.offset(rawValue, by: n)) }

    /// `raw + n` as a day number, saturating at `Int32.min` and `Int32.max`
    /// (the windows of the course and cost rules, whose sizes come from
    /// options).
    @inline(__always)
    static func offset(_ raw: Int32, by n: Int) -> Int32 {
        let (sum, overflow) = Int(raw).addingReportingOverflow(n)
        return overflow ? (n > 0 ? Int32.max : Int32.min) : Int32(clamping: sum)
    }

    /// `raw − n` as a day number, saturating like `offset(_:by:)`.
    @inline(__always)
    static func offset(_ raw: Int32, back n: Int) -> Int32 {
        let (difference, overflow) = Int(raw).subtractingReportingOverflow(n)
        return overflow ? (n > 0 ? Int32.min : Int32.max) : Int32(clamping: difference)
    }
    /// `n` days later, saturating like `advanced(by:)`.
    public static func + (d: Day, n: Int) -> Day { d.advanced(by: n) }
    /// `n` days earlier, saturating.
    public static func - (d: Day, n: Int) -> Day { Day(rawValue: Day.offset(d.rawValue, back: n)) }
    /// Days from `b` to `a`: `a − b`.
    public static func - (a: Day, b: Day) -> Int { b.distance(to: a) }
}
