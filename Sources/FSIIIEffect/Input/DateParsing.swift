import FSIIIBytes

/// Dates as SPEC §2 accepts them: `YYYY-MM-DD`, `DD-MM-YYYY`, `DD.MM.YYYY`,
/// `DD/MM/YYYY`, and ISO 8601 date-times with offset or `Z`, which become the
/// calendar date in Europe/Copenhagen. Parsed from bytes without allocation.
public enum DateParser {
    /// Accepted forms, for messages.
    public static let formats = "YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY (or an ISO date-time)"

    /// The date of a cell, or nil when it is not a date.
    public static func parse(_ text: String) -> Day? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in parse(ByteSlice(p: b.baseAddress ?? emptyBytes, n: b.count).trimmed) }
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
                  let day = Day(year: y, month: m, day: d) else { return nil }
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
        return Day(year: y, month: month, day: day)
    }

    /// `YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh[:mm]]` → local date in Copenhagen.
    /// Without an offset the time is taken as already local.
    static func dateTime(_ s: ByteSlice, day: Day) -> Day? {
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
                guard j + 2 == n, let m = digits(s, j, 2) else { return nil }
                om = m
            }
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
public enum Copenhagen {
    /// The local calendar date of an instant (seconds since 1970-01-01 UTC).
    public static func localDay(utcSeconds: Int64) -> Day {
        let utcDay = Day(rawValue: Int32(floorDiv(utcSeconds, 86400)))
        let offset: Int64 = isSummerTime(utcSeconds: utcSeconds, year: utcDay.civil.year) ? 7200 : 3600
        return Day(rawValue: Int32(floorDiv(utcSeconds + offset, 86400)))
    }

    /// Offset from UTC in seconds at an instant.
    public static func offset(utcSeconds: Int64) -> Int {
        let year = Day(rawValue: Int32(floorDiv(utcSeconds, 86400))).civil.year
        return isSummerTime(utcSeconds: utcSeconds, year: year) ? 7200 : 3600
    }

    static func isSummerTime(utcSeconds t: Int64, year: Int) -> Bool {
        let start: Day, end: Day
        if year >= 1996 {
            start = lastSunday(year: year, month: 3)
            end = lastSunday(year: year, month: 10)
        } else if year >= 1981 {
            start = lastSunday(year: year, month: 3)
            end = lastSunday(year: year, month: 9)
        } else if year == 1980 {
            start = Day(year: 1980, month: 4, day: 6)!
            end = Day(year: 1980, month: 9, day: 28)!
        } else {
            return false
        }
        let from = Int64(start.rawValue) * 86400 + 3600
        let to = Int64(end.rawValue) * 86400 + 3600
        return t >= from && t < to
    }

    static func lastSunday(year: Int, month: Int) -> Day {
        let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        return last - ((last.weekday + 1) % 7)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
