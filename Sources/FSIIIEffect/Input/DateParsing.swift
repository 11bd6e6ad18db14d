import FSIIIBytes

/// Dates as SPEC §2 accepts them: `YYYY-MM-DD`, `DD-MM-YYYY`, `DD.MM.YYYY`,
/// `DD/MM/YYYY`, and ISO 8601 date-times with offset or `Z`, which become the
/// calendar date in Europe/Copenhagen. Parsed from bytes without allocation.
///
/// Only dates of `Day.supportedRange` (1850-01-01 … 2149-12-31) are dates
/// here, for a date-time its Copenhagen date: a cell outside them is no
/// date (`problem(with:)` says why), so every day number an input yields
/// is small enough for any window around it (docs/RULES.md, "Limits").
package enum DateParser {
    /// Accepted forms, for messages.
    package static let formats = "YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY (or an ISO date-time)"

    /// The largest UTC offset a date-time may give, in seconds: ±18:00, the
    /// bound of ISO 8601 implementations (real offsets are −12:00 … +14:00).
    static let maximumOffset = 18 * 3600

    /// The date of a cell, or nil when it is not a date.
    package static func parse(_ text: String) -> Day? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in parse(ByteSlice(p: b.baseAddress ?? emptyBytes, n: b.count).trimmed) }
    }

    /// Why a cell that `parse` refuses is not a date, for a rejected row's
    /// message (after the quoted cell): "is not a date; use …", or that it
    /// is outside the supported dates. Off the hot path.
    package static func problem(with text: String) -> String {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in problem(with: ByteSlice(p: b.baseAddress ?? emptyBytes, n: b.count).trimmed) }
    }

    static func problem(with s: ByteSlice) -> String {
        let first = Day.supportedRange.lowerBound.iso, last = Day.supportedRange.upperBound.iso
        if let y = calendarYear(s), !(Day.tableFirstYear...(Day.tableFirstYear + 299)).contains(y) {
            return "is outside the supported dates \(first) … \(last)"
        }
        if s.n > 10, s[4] == 0x2D, s[7] == 0x2D, let y = digits(s, 0, 4), let m = digits(s, 5, 2), let d = digits(s, 8, 2),
           let day = Day.supported(year: y, month: m, day: d), dateTimeInstant(s, day: day) != nil {
            return "falls outside the supported dates \(first) … \(last) in Copenhagen time"
        }
        return "is not a date; use \(formats)"
    }

    /// The year of a cell shaped like a date (`YYYY-MM-DD…` or
    /// `D[D]sepM[M]sepYYYY`), whether or not the date exists; nil for
    /// anything else.
    private static func calendarYear(_ s: ByteSlice) -> Int? {
        if s.n >= 10 && s[4] == 0x2D && s[7] == 0x2D { return digits(s, 0, 4) }
        guard s.n >= 6 && s.n <= 10, let y = digits(s, s.n - 4, 4) else { return nil }
        let sep = s[s.n - 5]
        return sep == 0x2D || sep == 0x2E || sep == 0x2F ? y : nil
    }

    @inline(__always)
    static func digits(_ s: ByteSlice, _ from: Int, _ count: Int) -> Int? {
        var v = 0
        for i in from..<(from + count) {
            let d = Int(s[i]) &- 0x30
            guard d >= 0 && d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }

    @inline(__always)
    static func parse(_ s: ByteSlice) -> Day? {
        let n = s.n
        guard n >= 8 else { return nil }
        if n >= 10 && s[4] == 0x2D && s[7] == 0x2D {
            guard let y = digits(s, 0, 4), let m = digits(s, 5, 2), let d = digits(s, 8, 2),
                  let day = Day.supported(year: y, month: m, day: d) else { return nil }
            if n == 10 { return day }
            return dateTime(s, day: day)
        }
        // D[D]sepM[M]sepYYYY with one of - . / as separator.
        var i = 0
        var day = 0, month = 0
        var k = 0
        while i < n && k < 2 {
            let b = s[i]
            if b >= 0x30 && b <= 0x39 { day = day * 10 + Int(b - 0x30); k += 1; i += 1 } else { break }
        }
        guard k >= 1, i < n else { return nil }
        let sep = s[i]
        guard sep == 0x2D || sep == 0x2E || sep == 0x2F else { return nil }
        i += 1
        k = 0
        while i < n && k < 2 {
            let b = s[i]
            if b >= 0x30 && b <= 0x39 { month = month * 10 + Int(b - 0x30); k += 1; i += 1 } else { break }
        }
        guard k >= 1, i < n, s[i] == sep, n - i - 1 == 4, let y = digits(s, i + 1, 4) else { return nil }
        return Day.supported(year: y, month: month, day: day)
    }

    /// `YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh[:mm]]` → local date in Copenhagen,
    /// nil when that date is outside `Day.supportedRange` (an instant near
    /// either end can fall outside with its offset or summer time).
    /// Without an offset the time is taken as already local.
    static func dateTime(_ s: ByteSlice, day: Day) -> Day? {
        guard let local = dateTimeInstant(s, day: day) else { return nil }
        return Day.supportedRange.contains(local) ? local : nil
    }

    /// The Copenhagen date of a date-time cell whose first ten bytes are
    /// `day`, in or out of the supported range; nil when the rest is not a
    /// time with an optional offset of at most ±18:00.
    private static func dateTimeInstant(_ s: ByteSlice, day: Day) -> Day? {
        let n = s.n
        guard n >= 16, s[10] == 0x54 || s[10] == 0x20, s[13] == 0x3A,
              let hh = digits(s, 11, 2), let mm = digits(s, 14, 2), hh <= 24, mm <= 59 else { return nil }
        var i = 16
        var seconds = 0
        if i < n && s[i] == 0x3A {
            guard i + 3 <= n, let ss = digits(s, i + 1, 2), ss <= 60 else { return nil }
            seconds = ss
            i += 3
            if i < n && (s[i] == 0x2E || s[i] == 0x2C) {
                i += 1
                let start = i
                while i < n && s[i] >= 0x30 && s[i] <= 0x39 { i += 1 }
                guard i > start else { return nil }
            }
        }
        if i == n { return day }  // no offset: local time already
        var offset = 0
        if s[i] == 0x5A || s[i] == 0x7A {
            guard i + 1 == n else { return nil }
        } else if s[i] == 0x2B || s[i] == 0x2D {
            let sign = s[i] == 0x2D ? -1 : 1
            guard i + 3 <= n, let oh = digits(s, i + 1, 2) else { return nil }
            var om = 0
            var j = i + 3
            if j < n && s[j] == 0x3A { j += 1 }
            if j < n {
                guard j + 2 == n, let m = digits(s, j, 2), m <= 59 else { return nil }
                om = m
            }
            guard oh * 3600 + om * 60 <= maximumOffset else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        let utc = Int64(day.rawValue) * 86400 + Int64(hh * 3600 + mm * 60 + seconds) - Int64(offset)
        return Copenhagen.localDay(utcSeconds: utc)
    }
}

/// Europe/Copenhagen local time: CET (UTC+1), CEST (UTC+2) in summer.
/// Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC
/// on the last Sunday of October (EU rule, since 1996); 1981–1995 it ended on
/// the last Sunday of September, and 1980 ran 6 April – 28 September.
/// Earlier years are taken as CET (Danish summer time before 1980 ended in 1948).
package enum Copenhagen {
    /// The local calendar date of an instant (seconds since 1970-01-01 UTC).
    /// Total: an instant whose date is beyond the range of `Day` gives the
    /// first or last `Day` (callers that read inputs check the result
    /// against `Day.supportedRange`); the summer-time rule is computed for
    /// any year, so no instant traps.
    package static func localDay(utcSeconds: Int64) -> Day {
        let (local, overflow) = utcSeconds.addingReportingOverflow(Int64(offset(utcSeconds: utcSeconds)))
        let days = overflow ? Int64.max / 86400 : floorDiv(local, 86400)
        return Day(rawValue: Int32(clamping: days))
    }

    /// Offset from UTC in seconds at an instant (any instant).
    package static func offset(utcSeconds: Int64) -> Int {
        let year = Day.civil(days: Int(floorDiv(utcSeconds, 86400))).year
        return isSummerTime(utcSeconds: utcSeconds, year: year) ? 7200 : 3600
    }

    static func isSummerTime(utcSeconds t: Int64, year: Int) -> Bool {
        let start: Int, end: Int
        if year >= 1996 {
            start = lastSundayDays(year: year, month: 3)
            end = lastSundayDays(year: year, month: 10)
        } else if year >= 1981 {
            start = lastSundayDays(year: year, month: 3)
            end = lastSundayDays(year: year, month: 9)
        } else if year == 1980 {
            start = Day.daysFromCivil(1980, 4, 6)
            end = Day.daysFromCivil(1980, 9, 28)
        } else {
            return false
        }
        // From 01:00 UTC on `start` to 01:00 UTC on `end`, compared as day
        // numbers (no product that could overflow near the end of Int64).
        let day = Int(floorDiv(t - 3600, 86400))   // t > 3600: the year is 1980 or later
        return day >= start && day < end
    }

    /// The last Sunday of a month, for any year of `Day`'s range.
    static func lastSunday(year: Int, month: Int) -> Day {
        Day(rawValue: Int32(clamping: lastSundayDays(year: year, month: month)))
    }

    /// The day number of the last Sunday of a month of any year (also years
    /// no `Day` holds).
    static func lastSundayDays(year: Int, month: Int) -> Int {
        let last = Day.daysFromCivil(year, month, Day.daysIn(month: month, year: year))
        let weekday = ((last % 7) + 7 + 3) % 7   // 0 = Monday … 6 = Sunday
        return last - ((weekday + 1) % 7)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
