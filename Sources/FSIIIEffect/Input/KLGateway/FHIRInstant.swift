import FSIIIBytes

/// A point in time from a FHIR `instant` or `dateTime`, in milliseconds
/// since 1970-01-01 UTC: orders the versions of a resource
/// (`meta.lastUpdated`, `Bundle.timestamp`) and measures delivered minutes
/// (`Encounter.period`). Its calendar date is the local date in
/// Europe/Copenhagen (SPEC §2, §9).
///
/// Only instants in `FHIRInstant.range` are accepted — years 0001 to 9999 in
/// UTC and in Copenhagen — so every arithmetic step on them (offsets,
/// durations, local dates) stays far inside `Int64` and inside the years
/// `Day` and the time-zone rules know. A text outside it (year 0000,
/// `9999-12-31T23:59:59-14:00`, which is in year 10000 in UTC) is not an
/// instant, like any other malformed text.
struct FHIRInstant: Sendable, Hashable, Comparable {
    var milliseconds: Int64

    /// `YYYY-MM-DDThh:mm[:ss[.fff…]](Z|±hh:mm)` with an offset of at most
    /// 14:00 (FHIR's range). A date-time without an offset is taken as
    /// Copenhagen local time; a bare date (`YYYY-MM-DD`) as local midnight,
    /// with `hasTime` false. Nil for anything else and for instants outside
    /// `range`.
    init?(_ text: String) {
        var copy = text
        guard let parsed = copy.withUTF8({ FHIRInstant.parse($0) }) else { return nil }
        self = parsed
    }

    init(milliseconds: Int64, hasTime: Bool = true) {
        self.milliseconds = milliseconds
        self.hasTime = hasTime
    }

    /// False for a bare date: no minutes can be measured from it.
    var hasTime = true

    /// The instants accepted: 0001-01-01T00:00:00Z up to (not including)
    /// 9999-12-31T23:00:00Z, whose local date in Copenhagen (UTC+1 in
    /// winter) is still 9999-12-31.
    static let range: Range<Int64> = {
        let first = Int64(Day.daysFromCivil(1, 1, 1)) * 86_400_000
        let last = Int64(Day.daysFromCivil(9999, 12, 31)) * 86_400_000 + 23 * 3_600_000
        return first..<last
    }()

    /// The largest offset from UTC a FHIR date-time may carry, in minutes.
    static let maximumOffsetMinutes = 14 * 60

    /// The local calendar date in Europe/Copenhagen. Every parsed instant is
    /// in `range`; one made from other milliseconds is taken to its nearest
    /// end first, so this never leaves the years the time-zone rules know.
    var day: Day {
        let clamped = min(max(milliseconds, Self.range.lowerBound), Self.range.upperBound - 1)
        return Copenhagen.localDay(utcSeconds: Self.floorDiv(clamped, 1000))
    }

    static func < (a: FHIRInstant, b: FHIRInstant) -> Bool { a.milliseconds < b.milliseconds }

    /// The local date a FHIR `date` or `dateTime` names (`recordedDate`,
    /// `Goal.startDate`, `CarePlan.period`, `effectiveDateTime`): a bare
    /// `YYYY-MM-DD` as written, a date-time's date in Copenhagen. Spaces
    /// and tabs around the text are ignored. Nil for anything else —
    /// including the day-first forms a CSV file may use, which FHIR does
    /// not allow — and for instants outside `range`.
    static func localDate(_ text: String) -> Day? {
        var copy = text
        return copy.withUTF8 { whole -> Day? in
            guard let base = whole.baseAddress else { return nil }
            let slice = ByteSlice(p: base, n: whole.count).trimmed
            let s = UnsafeBufferPointer(start: slice.p, count: slice.n)
            if s.count == 10 { return calendarDate(s) }
            return parse(s)?.day
        }
    }

    /// `YYYY-MM-DD` at the start of `s`, nil when it is not a date.
    @inline(__always)
    private static func calendarDate(_ s: UnsafeBufferPointer<UInt8>) -> Day? {
        guard s.count >= 10, s[4] == 0x2D, s[7] == 0x2D, let base = s.baseAddress else { return nil }
        let slice = ByteSlice(p: base, n: s.count)
        guard let y = DateParser.digits(slice, 0, 4), let m = DateParser.digits(slice, 5, 2),
              let d = DateParser.digits(slice, 8, 2) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    private static func parse(_ s: UnsafeBufferPointer<UInt8>) -> FHIRInstant? {
        let n = s.count
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= n, let base = s.baseAddress else { return nil }
            return DateParser.digits(ByteSlice(p: base, n: n), from, count)
        }
        guard let date = calendarDate(s) else { return nil }
        let midnight = Int64(date.rawValue) * 86_400
        if n == 10 { return checked(localToUTC(midnight) * 1000, hasTime: false) }
        guard n >= 16, s[10] == 0x54, s[13] == 0x3A, let hh = digits(11, 2), let mm = digits(14, 2), hh <= 24, mm <= 59 else { return nil }
        var seconds = Int64(hh * 3600 + mm * 60)
        var millis: Int64 = 0
        var i = 16
        if i < n && s[i] == 0x3A {
            guard let ss = digits(i + 1, 2), ss <= 60 else { return nil }
            seconds += Int64(ss)
            i += 3
            if i < n && s[i] == 0x2E {
                i += 1
                let start = i
                // Milliseconds from the first three digits; the rest, however
                // many, only have to be digits.
                var scale: Int64 = 100
                while i < n && s[i] >= 0x30 && s[i] <= 0x39 {
                    millis += Int64(s[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        let local = midnight + seconds
        if i == n { return checked(localToUTC(local) * 1000 + millis) }
        var offset: Int64 = 0
        if s[i] == 0x5A {
            guard i + 1 == n else { return nil }
        } else if s[i] == 0x2B || s[i] == 0x2D {
            guard i + 6 == n, s[i + 3] == 0x3A, let oh = digits(i + 1, 2), let om = digits(i + 4, 2), om <= 59,
                  oh * 60 + om <= maximumOffsetMinutes else { return nil }
            offset = Int64(oh * 3600 + om * 60) * (s[i] == 0x2D ? -1 : 1)
        } else {
            return nil
        }
        return checked((local - offset) * 1000 + millis)
    }

    /// The instant, when it is in `range`.
    private static func checked(_ milliseconds: Int64, hasTime: Bool = true) -> FHIRInstant? {
        range.contains(milliseconds) ? FHIRInstant(milliseconds: milliseconds, hasTime: hasTime) : nil
    }

    /// A Copenhagen wall-clock time as UTC seconds (the offset in force an
    /// hour earlier decides, which is right except inside the changeover hour).
    /// Outside `range` the offset is looked up at its nearest end, so the
    /// time-zone rules never see a year they do not know.
    private static func localToUTC(_ local: Int64) -> Int64 {
        let probe = min(max(local - 3600, range.lowerBound / 1000), range.upperBound / 1000 - 1)
        return local - Int64(Copenhagen.offset(utcSeconds: probe))
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
