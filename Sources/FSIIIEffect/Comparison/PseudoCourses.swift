import FSIIIBytes

/// The candidate pseudo-courses of every treated course (issue 18 §1).
///
/// For a treated course with baseline date t0 (its earliest compared
/// baseline assessment) and follow-up date t1 (its latest compared
/// follow-up), s = t1 − t0, a candidate citizen's pseudo-course is a pair
/// of its own assessment dates (index, later): the index within
/// ±`indexWindowDays` of t0 and the later date with spacing closest to s
/// within s·(1 ± `spacingTolerance`). Of a candidate's index dates the one
/// nearest t0 that has such a later date is taken (ties: the earlier), and
/// of its later dates the one closest to s (ties: the earlier): at most one
/// pseudo-course per candidate citizen and treated course.
///
/// Candidates are citizens with assessments and no course; with
/// `.notYetTreated` also citizens whose first course starts after the
/// pseudo-course's later date. No date on or after the start of a
/// citizen's first course is ever used, and a treated citizen never
/// serves as its own control.
///
/// The pseudo-course is then evaluated as a course from the index date to
/// the later date by ``CourseEvaluator`` (same conditions, same rules of
/// SPEC §5–6), with no baseline grace after the index and no follow-up
/// grace after the later date, so its baseline is on or before the index
/// date and its follow-up is the later date's assessment.
///
/// A course keeps at most `maximumCandidates` candidates, those whose index
/// dates are nearest its t0 (so the search and the memory stay linear in
/// the number of courses on a whole country's history).
package struct PseudoCourses: Sendable {
    /// Distinct pseudo-courses (`start` = index date, `end` = later date).
    package var courses: [Course]
    /// The distinct candidate lists (indices into `courses`, ascending),
    /// evaluable ones only once filtered: treated courses with the same
    /// search key share one (see ``listOf``).
    package var lists: [[Int]]
    /// The list of each treated course (an index into `lists`).
    package var listOf: [Int32]
    /// The pseudo-courses each treated unit may be matched to (indices
    /// into `courses`, ascending): `lists[listOf[t]]`, storage shared.
    package var eligible: [[Int]] { listOf.map { lists[Int($0)] } }
    /// Citizens that could serve as candidates at all.
    package var candidateCitizens: Int

    /// The windows a pseudo-course is evaluated with.
    package static func windows(_ w: CourseWindows) -> CourseWindows {
        var p = w
        p.baselineGraceDays = 0
        p.followUpGraceDays = 0
        return p
    }

    /// Builds the pseudo-courses of `treated` (citizen, t0, t1 of each);
    /// `pieceSize` treated courses are searched per task, and citizens'
    /// dates are gathered and indexed in pieces of at least 16·`pieceSize` citizens (the
    /// result does not depend on it; the tests vary it).
    package static func make(treated: [(citizen: UInt32, t0: Day, t1: Day)], assessments a: AssessmentTable, citizenCount: Int,
                             courses: [Course], options o: MatchedComparisonOptions, pieceSize size: Int = 1024) -> PseudoCourses {
        // The keys worked out on another thread while the dates are gathered and indexed (they need only the courses).
        let keys = BackgroundValue { searchKeys(treated, options: o) }
        let dates = CandidateDates(assessments: a, citizenCount: citizenCount, courses: courses, options: o, pieceSize: size)
        return searched(keys: keys.wait(), dates: dates, options: o, pieceSize: size)
    }

    /// ``make(treated:assessments:citizenCount:courses:options:pieceSize:)``
    /// from candidate dates worked out before (the same pseudo-courses and
    /// lists): `dates` must come from the same assessments, citizens, courses
    /// and `controls` option.
    package static func make(treated: [(citizen: UInt32, t0: Day, t1: Day)], dates: CandidateDates,
                             options o: MatchedComparisonOptions, pieceSize size: Int = 1024) -> PseudoCourses {
        precondition(dates.controls == o.controls, "candidate dates gathered for the same controls option")
        return searched(keys: searchKeys(treated, options: o), dates: dates, options: o, pieceSize: size)
    }

    /// The search keys of `treated`: each course's list (`listOf`) and the
    /// distinct (citizen, t0, t1) searched.
    private static func searchKeys(_ treated: [(citizen: UInt32, t0: Day, t1: Day)], options o: MatchedComparisonOptions)
        -> (listOf: [Int32], distinct: [(citizen: UInt32, t0: Day, t1: Day)]) {
        // A course's candidates depend only on its (t0, t1) — and on its citizen with `.notYetTreated`, where
        // the citizen's own dates are in the index and left out of its search: courses with the same key
        // share one search and one list. The keys are numbered in order of first appearance, so numbering
        // the distinct lists in that order numbers the pseudo-courses exactly as the courses in order would
        // (a repeated key's list holds only pseudo-courses its first course numbered).
        let byCitizen = o.controls == .notYetTreated   // then every course is its own key
        var listOf = [Int32](repeating: 0, count: treated.count)
        var distinct: [(citizen: UInt32, t0: Day, t1: Day)] = []
        var keyed: [UInt64: Int32] = [:]
        keyed.reserveCapacity(byCitizen ? 0 : treated.count)
        for (k, c) in treated.enumerated() {
            let key = UInt64(UInt32(bitPattern: c.t0.rawValue)) << 32 | UInt64(UInt32(bitPattern: c.t1.rawValue))
            if !byCitizen, let known = keyed[key] { listOf[k] = known; continue }
            listOf[k] = Int32(distinct.count)
            if !byCitizen { keyed[key] = Int32(distinct.count) }
            distinct.append(c)
        }
        return (listOf, distinct)
    }

    /// The candidates' distinct assessment dates, gathered and indexed by
    /// day: the part of the search that needs no treated course, so a
    /// report can work it out on other threads while it evaluates the
    /// courses (``EffectReporter``).
    package struct CandidateDates: Sendable {
        fileprivate let dayStart: [Int]
        fileprivate let days: [Int32]
        fileprivate let index: DateIndex
        /// Citizens that could serve as candidates at all.
        fileprivate let candidateCitizens: Int
        fileprivate let citizenCount: Int
        fileprivate let controls: MatchedComparisonOptions.Controls

        /// The dates of `a`'s citizens before their first course in
        /// `courses` (all their dates with `.notYetTreated`); citizens go in
        /// pieces of at least 16·`pieceSize` (the result does not depend on it).
        package init(assessments a: AssessmentTable, citizenCount: Int, courses: [Course], options o: MatchedComparisonOptions,
                     pieceSize size: Int = 1024) {
            // The first course start of each citizen (Int32.max: none).
            var firstStart = [Int32](repeating: .max, count: citizenCount)
            for c in courses where Int(c.citizen) < citizenCount { firstStart[Int(c.citizen)] = min(firstStart[Int(c.citizen)], c.start.rawValue) }
            var t = StageTimings()   // its parts, for `FSIII_STAGES=1`
            let citizenPieces = Parallel.chunks(citizenCount, minimum: 16 * max(1, size))
            let (dayStart, days, candidates) = t.measure("pseudo-courses: dates") { () -> ([Int], [Int32], Int) in
                // Distinct assessment dates of each candidate, before its first course: pieces of citizens on
                // all cores, joined in citizen order (the same dates in the same places on any number of threads).
                let collected = Parallel.map(citizenPieces.indices) { k -> (days: [Int32], ends: [Int], candidates: Int) in
                    var days: [Int32] = [], ends: [Int] = [], own: [Int32] = []
                    var candidates = 0
                    ends.reserveCapacity(citizenPieces[k].count)
                    for c in citizenPieces[k] {
                        let begin = days.count
                        if firstStart[c] == .max || o.controls == .notYetTreated {
                            // The distinct days, kept sorted as they come: a citizen's rows run by condition, then
                            // day, so most days are already there (one short search) or come last.
                            own.removeAll(keepingCapacity: true)
                            for r in a.rows(ofCitizen: c) where a.day[r] < firstStart[c] {
                                let d = a.day[r]
                                if let last = own.last, d <= last {
                                    var low = 0, high = own.count   // the first place whose day is ≥ d
                                    while low < high {
                                        let mid = (low + high) / 2
                                        if own[mid] < d { low = mid + 1 } else { high = mid }
                                    }
                                    if own[low] != d { own.insert(d, at: low) }
                                } else {
                                    own.append(d)
                                }
                            }
                            days.append(contentsOf: own)
                            if days.count - begin >= 2 { candidates += 1 }
                        }
                        ends.append(days.count)
                    }
                    return (days, ends, candidates)
                }
                // Joined piece by piece on all cores, each at its offset.
                var base = [0]
                for part in collected { base.append(base.last! + part.days.count) }
                let total = base.last!
                let days = [Int32](unsafeUninitializedCapacity: total) { buffer, initialized in
                    let out = UnsafeSendable(buffer.baseAddress)
                    _ = Parallel.map(collected.indices) { k in
                        collected[k].days.withUnsafeBufferPointer { part in
                            if let from = part.baseAddress { (out.value! + base[k]).initialize(from: from, count: part.count) }
                        }
                    }
                    initialized = total
                }
                let dayStart = [Int](unsafeUninitializedCapacity: citizenCount + 1) { buffer, initialized in
                    let out = UnsafeSendable(buffer.baseAddress!)
                    out.value.initialize(to: 0)
                    _ = Parallel.map(collected.indices) { k in
                        let first = citizenPieces[k].lowerBound + 1
                        for (c, end) in collected[k].ends.enumerated() { (out.value + first + c).initialize(to: base[k] + end) }
                    }
                    initialized = citizenCount + 1
                }
                return (dayStart, days, collected.reduce(0) { $0 + $1.candidates })
            }
            index = t.measure("pseudo-courses: index") { DateIndex(days: days, dayStart: dayStart, citizenCount: citizenCount, pieces: citizenPieces) }
            self.dayStart = dayStart
            self.days = days
            candidateCitizens = candidates
            self.citizenCount = citizenCount
            controls = o.controls
        }
    }

    /// The pseudo-courses and lists of the distinct searches `keys` among `dates`.
    private static func searched(keys: (listOf: [Int32], distinct: [(citizen: UInt32, t0: Day, t1: Day)]), dates: CandidateDates,
                                 options o: MatchedComparisonOptions, pieceSize size: Int) -> PseudoCourses {
        var t = StageTimings()   // its parts, for `FSIII_STAGES=1`
        let (byDay, days, dayStart, citizenCount) = (dates.index, dates.days, dates.dayStart, dates.citizenCount)
        let (listOf, distinct) = keys
        let (made, lists) = t.measure("pseudo-courses: search") { () -> ([Course], [[Int]]) in
            // The search per distinct course is independent: pieces of 1,024 courses, a round of
            // 4 · `workers` pieces at a time on all cores, each piece with its own `TakenCitizens`, so the candidates
            // found but not yet numbered stay a few megabytes. The numbering runs in the distinct courses' order,
            // so the pseudo-courses and their numbers are the same on any number of threads.
            let treated = distinct
            let pieces = stride(from: 0, to: treated.count, by: max(1, size)).map { $0..<min($0 + size, treated.count) }

            var made: [Course] = []
            var numbering = Numbering(entries: byDay.entries.count)
            var lists: [[Int]] = []
            lists.reserveCapacity(treated.count)
            var known: [Int] = []   // how many numbers at the front of each list were made before it (sorted at the end)
            known.reserveCapacity(treated.count)
            // The numbering is serial: the next round is searched on other threads while this one is numbered.
            // (Looking up there the candidates numbered in earlier rounds, in a copy of the numbering, saved
            // less than the copy cost once the numbering was keyed by index entry.)
            let (indexByDay, indexDays, indexStart) = (byDay, days, dayStart)
            // Four pieces per worker in a round: a round waits for its slowest piece, and small pieces even out.
            let perRound = 4 * Parallel.workers
            func searching(_ round: Int) -> BackgroundValue<[Found]> {
                BackgroundValue {
                    Parallel.map(round..<min(round + perRound, pieces.count)) { k in
                        search(treated[pieces[k]], numberedFrom: pieces[k].lowerBound, index: indexByDay, days: indexDays,
                               dayStart: indexStart, citizenCount: citizenCount, options: o)
                    }
                }
            }
            let rounds = Array(stride(from: 0, to: pieces.count, by: perRound))
            var next = rounds.first.map { searching($0) }
            for (r, _) in rounds.enumerated() {
                let searched = next!.wait()
                next = r + 1 < rounds.count ? searching(rounds[r + 1]) : nil
                for piece in searched {
                    for t in 0..<(piece.offsets.count - 1) {
                        let entries = piece.offsets[t]..<piece.offsets[t + 1]
                        // The numbers already made, then the ones this course makes: those come after every
                        // number made before, in the order made, so the list is ascending once its front is sorted.
                        let fresh = made.count
                        var list: [Int] = []
                        list.reserveCapacity(entries.count)
                        for e in entries {
                            let f = piece.found[e]
                            let m = numbering.number(entry: f.entry, later: f.later)
                            if m >= 0 { list.append(Int(m)); continue }
                            numbering.insert(entry: f.entry, later: f.later, number: Int32(made.count))
                            made.append(Course(citizen: f.citizen, start: Day(rawValue: indexByDay.entries[Int(f.entry)].day), end: Day(rawValue: f.later)))
                        }
                        known.append(list.count)
                        list.append(contentsOf: fresh..<made.count)
                        lists.append(list)
                    }
                }
            }
            // Each list's front sorted on the cores, not on the numbering's one thread (each list is its own).
            let chunks = Parallel.chunks(lists.count, minimum: 1 << 10)
            lists.withUnsafeMutableBufferPointer { buffer in
                guard let start = buffer.baseAddress else { return }
                let base = UnsafeSendable(start)
                _ = Parallel.map(chunks.indices) { k in
                    for i in chunks[k] { (base.value + i).pointee[0..<known[i]].sort() }
                }
            }
            return (made, lists)
        }
        return PseudoCourses(courses: made, lists: lists, listOf: listOf, candidateCitizens: dates.candidateCitizens)
    }

    /// The candidates of each treated course of `treated` (numbered from
    /// `first`), flat, in citizen order per course: (citizen, the index
    /// date's entry in the ``DateIndex``, the later date's day), the
    /// course's list from `offsets[t]` to `offsets[t + 1]`.
    private typealias Found = (found: [(citizen: UInt32, entry: Int32, later: Int32)], offsets: [Int])

    /// The numbers of the pseudo-courses made so far, by (index date's
    /// entry in the ``DateIndex``, later day) — an entry is one citizen's
    /// date, so the pair names one pseudo-course. The first made from each
    /// entry is in `first` (its number and later day in one word), the
    /// others of that entry chained from it through `nextFrom`, each with
    /// its later day in `laterOf`. Keyed by entry, not by the date's place
    /// among the citizens' dates: a course's candidates are entries near
    /// its t0, side by side in `first`, where places in citizen order would
    /// be a cache miss each in the serial numbering.
    private struct Numbering: Sendable {
        /// number << 32 | later day (as its bit pattern), or −1 when none is made from the entry.
        var first: [Int64]
        var nextFrom: [Int32] = []
        var laterOf: [Int32] = []

        init(entries: Int) { first = [Int64](repeating: -1, count: entries) }

        /// The number of the pseudo-course (entry, later day), or −1.
        func number(entry: Int32, later: Int32) -> Int32 {
            let f = first[Int(entry)]
            guard f >= 0 else { return -1 }
            var m = Int32(truncatingIfNeeded: f >> 32)
            if Int32(truncatingIfNeeded: f) == later { return m }
            m = nextFrom[Int(m)]
            while m >= 0 && laterOf[Int(m)] != later { m = nextFrom[Int(m)] }
            return m
        }

        /// Records pseudo-course (entry, later day) as `number` (the next one, not yet recorded).
        mutating func insert(entry: Int32, later: Int32, number: Int32) {
            laterOf.append(later)
            let f = first[Int(entry)]
            if f < 0 {
                first[Int(entry)] = Int64(number) << 32 | Int64(UInt32(bitPattern: later))
                nextFrom.append(-1)
            } else {
                // Chained right after the entry's first one.
                let head = Int(f >> 32)
                nextFrom.append(nextFrom[head])
                nextFrom[head] = number
            }
        }
    }

    /// Every candidate date (of citizens with at least two), sorted by
    /// (day, citizen): the index search walks it outwards from t0. Each
    /// entry carries the spacings to its citizen's next four dates (within
    /// 254 days), so the usual search (a course's spacing window is at most
    /// a few months wide) reads only this array, in order, and not the
    /// citizen's dates elsewhere in memory; `firstOfDay` finds t0's place
    /// without a search.
    fileprivate struct DateIndex: Sendable {
        /// A candidate date: its day, citizen and position in `days`, and
        /// the spacings in days to the citizen's next four dates
        /// (`DateIndex.beyond` when there is none, or it is 255 days or
        /// more): 16 bytes in all.
        struct Entry: Sendable {
            var day: Int32
            var citizen: UInt32
            var position: Int32
            var next: (UInt8, UInt8, UInt8, UInt8)
        }
        static let beyond = UInt8.max
        static let spacings = 4

        var entries: [Entry] = []
        /// The first day with an entry, and for each day from it the first
        /// entry on or after it (empty when the days spread too wide for a
        /// table; a binary search then).
        var low: Int32 = 0
        var firstOfDay: [Int] = []

        /// The entries of the citizens with two dates or more, by (day,
        /// citizen): a counting sort by day (dates span a few thousand
        /// days), filled in citizen order, so ties keep citizen order. The
        /// citizens go in pieces on all cores: each piece counts its dates
        /// per day, and writes them from its own offset within each day
        /// (after the earlier pieces' dates of that day), so the entries are
        /// the same, in the same places, on any number of threads.
        init(days: [Int32], dayStart: [Int], citizenCount: Int, pieces: [Range<Int>]) {
            func twoOrMore(_ c: Int) -> Bool { dayStart[c + 1] - dayStart[c] >= 2 }
            let spans = Parallel.map(pieces.indices) { k -> (low: Int32, high: Int32, total: Int) in
                var low = Int32.max, high = Int32.min, total = 0
                for c in pieces[k] where twoOrMore(c) {
                    for p in dayStart[c]..<dayStart[c + 1] { low = min(low, days[p]); high = max(high, days[p]) }
                    total += dayStart[c + 1] - dayStart[c]
                }
                return (low, high, total)
            }
            let low = spans.map(\.low).min() ?? .max, high = spans.map(\.high).max() ?? .min
            let total = spans.reduce(0) { $0 + $1.total }
            guard total > 0 else { return }
            func entry(_ c: Int, _ p: Int) -> Entry {
                func spacing(_ k: Int) -> UInt8 {
                    guard p + k < dayStart[c + 1] else { return Self.beyond }
                    return UInt8(clamping: Int(days[p + k]) - Int(days[p]))
                }
                return Entry(day: days[p], citizen: UInt32(c), position: Int32(p), next: (spacing(1), spacing(2), spacing(3), spacing(4)))
            }
            if Int(high) - Int(low) < 4 * total + (1 << 20) {
                let width = Int(high - low) + 1
                // Each piece's dates per day, then each day's first entry, then each piece's first place in each day.
                let counts = Parallel.map(pieces.indices) { k -> [Int] in
                    var count = [Int](repeating: 0, count: width)
                    for c in pieces[k] where twoOrMore(c) {
                        for p in dayStart[c]..<dayStart[c + 1] { count[Int(days[p] - low)] += 1 }
                    }
                    return count
                }
                var first = [Int](repeating: 0, count: width + 1)
                for count in counts { for d in 0..<width { first[d + 1] += count[d] } }
                for d in 0..<width { first[d + 1] += first[d] }
                var offsets: [[Int]] = []
                var next = Array(first[0..<width])
                for count in counts {
                    offsets.append(next)
                    for d in 0..<width { next[d] += count[d] }
                }
                entries = [Entry](unsafeUninitializedCapacity: total) { buffer, initialized in
                    let base = UnsafeSendable(buffer.baseAddress!)
                    _ = Parallel.map(pieces.indices) { k in
                        var next = offsets[k]
                        for c in pieces[k] where twoOrMore(c) {
                            for p in dayStart[c]..<dayStart[c + 1] {
                                let d = Int(days[p] - low)
                                (base.value + next[d]).initialize(to: entry(c, p))
                                next[d] += 1
                            }
                        }
                    }
                    initialized = total
                }
                self.low = low
                firstOfDay = first
            } else {
                entries.reserveCapacity(total)
                for c in 0..<citizenCount where twoOrMore(c) {
                    for p in dayStart[c]..<dayStart[c + 1] { entries.append(entry(c, p)) }
                }
                entries.sort { ($0.day, $0.citizen) < ($1.day, $1.citizen) }
            }
        }

        /// The first entry whose day is `day` or later.
        func lowerBound(_ day: Int32) -> Int {
            if !firstOfDay.isEmpty {
                if day <= low { return 0 }
                let k = Int(day) - Int(low)
                return k < firstOfDay.count ? firstOfDay[k] : entries.count
            }
            var a = 0, b = entries.count
            while a < b {
                let m = (a + b) / 2
                if entries[m].day < day { a = m + 1 } else { b = m }
            }
            return a
        }
    }

    /// The citizens a treated course has taken a candidate from, for
    /// courses numbered `number`: open addressing with the course's number
    /// in each slot, so it needs no clearing between courses and stays a
    /// few kilobytes (at most `limit` citizens per course, at most half full).
    /// The slots are its own memory, not an array: a store into an array
    /// held by a struct checks that the array is not shared, a call per
    /// candidate taken.
    private final class TakenCitizens {
        private let slots: UnsafeMutablePointer<UInt64>
        private let mask: Int

        init(limit: Int) {
            var size = 64
            while size < 2 * limit + 2 { size *= 2 }
            slots = .allocate(capacity: size)
            slots.initialize(repeating: .max, count: size)
            mask = size - 1
        }

        deinit { slots.deallocate() }

        /// Whether course `number` took a candidate from `citizen`.
        func contains(_ citizen: UInt32, course number: Int) -> Bool {
            let key = UInt64(UInt32(truncatingIfNeeded: number)) << 32 | UInt64(citizen)
            var h = Int(truncatingIfNeeded: (UInt64(citizen) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while true {
                let s = slots[h]
                if s == key { return true }
                if s >> 32 != key >> 32 { return false }   // a slot another course (or none) left: the end of the probe
                h = (h &+ 1) & mask
            }
        }

        /// Records that course `number` took a candidate from `citizen` (not yet recorded).
        func insert(_ citizen: UInt32, course number: Int) {
            let key = UInt64(UInt32(truncatingIfNeeded: number)) << 32 | UInt64(citizen)
            var h = Int(truncatingIfNeeded: (UInt64(citizen) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while slots[h] >> 32 == key >> 32 { h = (h &+ 1) & mask }
            slots[h] = key
        }
    }

    private static func search(_ treated: ArraySlice<(citizen: UInt32, t0: Day, t1: Day)>, numberedFrom first: Int,
                               index: DateIndex, days: [Int32], dayStart: [Int],
                               citizenCount: Int, options o: MatchedComparisonOptions) -> Found {
        let limit = max(0, o.maximumCandidates)
        let taken = TakenCitizens(limit: min(limit, citizenCount))
        var all: [(citizen: UInt32, entry: Int32, later: Int32)] = []
        var offsets = [0]
        offsets.reserveCapacity(treated.count + 1)
        var found: [(citizen: UInt32, entry: Int32, later: Int32)] = []
        let byDay = index.entries
        for (k, t) in treated.enumerated() {
            let number = first + k
            found.removeAll(keepingCapacity: true)
            let s = Double(t.t1 - t.t0)
            let lo = Day.offset(t.t0.rawValue, back: o.indexWindowDays), hi = Day.offset(t.t0.rawValue, by: o.indexWindowDays)
            let minSpacing = s * (1 - o.spacingTolerance), maxSpacing = s * (1 + o.spacingTolerance)
            // The entries' own spacings serve while the window ends below 255 days (courses of up to
            // 170 days, with the default tolerance); longer ones read the citizen's dates.
            let inline = maxSpacing < Double(DateIndex.beyond) ? DateIndex.spacings : 0
            // Outwards from t0, nearer dates first (the earlier on a tie), so the first index found for a
            // candidate is its nearest one with a later date; stop after `maximumCandidates` candidates.
            var left = index.lowerBound(t.t0.rawValue) - 1, right = left + 1
            while found.count < limit {
                let l = left >= 0 && byDay[left].day >= lo ? t.t0.rawValue - byDay[left].day : Int32.max
                let r = right < byDay.count && byDay[right].day <= hi ? byDay[right].day - t.t0.rawValue : Int32.max
                if l == .max && r == .max { break }
                let at: Int
                if l <= r { at = left; left -= 1 } else { at = right; right += 1 }
                let e = byDay[at]
                guard e.citizen != t.citizen, !taken.contains(e.citizen, course: number) else { continue }
                // The later date with spacing closest to s (the earlier on a tie), before the first course:
                // its next four dates from the entry, any further ones from the citizen's dates.
                var later: Int32 = 0   // its day, once bestGap is finite
                var bestGap = Double.infinity
                var p = Int(e.position) + 1
                var n = 0
                while true {
                    let spacing: Double
                    if n < inline {
                        let d = n == 0 ? e.next.0 : n == 1 ? e.next.1 : n == 2 ? e.next.2 : e.next.3
                        if d == DateIndex.beyond { break }
                        spacing = Double(d)
                    } else {
                        guard p < dayStart[Int(e.citizen) + 1] else { break }
                        spacing = Double(days[p] - e.day)
                    }
                    if spacing > maxSpacing { break }
                    if spacing >= minSpacing, abs(spacing - s) < bestGap { bestGap = abs(spacing - s); later = e.day + Int32(spacing) }
                    p += 1
                    n += 1
                }
                guard bestGap.isFinite else { continue }
                taken.insert(e.citizen, course: number)
                found.append((e.citizen, Int32(at), later))
            }
            // In citizen order, so the numbering (and the matcher's ties) never depends on the search.
            found.sort { $0.citizen < $1.citizen }
            all.append(contentsOf: found)
            offsets.append(all.count)
        }
        return (all, offsets)
    }
}
