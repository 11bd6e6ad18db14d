import FSIIIBytes

/// A point in time from a FHIR `instant` or `dateTime`, in milliseconds
/// since 1970-01-01 UTC: orders the versions of a resource
/// (`meta.lastUpdated`, `Bundle.timestamp`) and measures delivered minutes
/// (`Encounter.period`). Its calendar date is the local date in
/// Europe/Copenhagen (SPEC §2, §9).
struct FHIRInstant: Sendable, Hashable, Comparable {
    var milliseconds: Int64

    /// `YYYY-MM-DDThh:mm[:ss[.fff…]](Z|±hh:mm)`. A date-time without an
    /// offset is taken as Copenhagen local time; a bare date (`YYYY-MM-DD`)
    /// as local midnight, with `hasTime` false. Nil for anything else.
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

    /// The local calendar date in Europe/Copenhagen.
    var day: Day { Copenhagen.localDay(utcSeconds: Self.floorDiv(milliseconds, 1000)) }

    static func < (a: FHIRInstant, b: FHIRInstant) -> Bool { a.milliseconds < b.milliseconds }

    private static func parse(_ s: UnsafeBufferPointer<UInt8>) -> FHIRInstant? {
        let n = s.count
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= n, let base = s.baseAddress else { return nil }
            return DateParser.digits(ByteSlice(p: base, n: n), from, count)
        }
        guard n >= 10, s[4] == 0x2D, s[7] == 0x2D, let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2),
              let date = Day(year: y, month: m, day: d) else { return nil }
        let midnight = Int64(date.rawValue) * 86_400
        if n == 10 { return FHIRInstant(milliseconds: localToUTC(midnight) * 1000, hasTime: false) }
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
        if i == n { return FHIRInstant(milliseconds: localToUTC(local) * 1000 + millis) }
        var offset: Int64 = 0
        if s[i] == 0x5A {
            guard i + 1 == n else { return nil }
        } else if s[i] == 0x2B || s[i] == 0x2D {
            guard i + 6 == n, s[i + 3] == 0x3A, let oh = digits(i + 1, 2), let om = digits(i + 4, 2) else { return nil }
            offset = Int64(oh * 3600 + om * 60) * (s[i] == 0x2D ? -1 : 1)
        } else {
            return nil
        }
        return FHIRInstant(milliseconds: (local - offset) * 1000 + millis)
    }

    /// A Copenhagen wall-clock time as UTC seconds (the offset in force an
    /// hour earlier decides, which is right except inside the changeover hour).
    private static func localToUTC(_ local: Int64) -> Int64 {
        local - Int64(Copenhagen.offset(utcSeconds: local - 3600))
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
