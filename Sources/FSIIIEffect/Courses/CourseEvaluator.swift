import FSIIIBytes

/// Courses with their compared pairs: the input of every figure.
package struct CourseEvaluation: Sendable {
    /// One result per course, in the order the courses were given.
    package var results: [CourseResult]
    /// Compared condition pairs of all courses, course by course.
    package var pairs: ConditionPairs
    package var windows: CourseWindows

    package init(results: [CourseResult], pairs: [ConditionPair], windows: CourseWindows) {
        self.init(results: results, pairs: ConditionPairs([pairs]), windows: windows)
    }

    init(results: [CourseResult], pairs: ConditionPairs, windows: CourseWindows) {
        self.results = results
        self.pairs = pairs
        self.windows = windows
    }
}

/// The condition pairs of all courses, course by course: one array per
/// part of the courses the evaluation split over the cores, read as one
/// collection. The parts are never copied into a single array, which would
/// hold the pairs twice at the report's memory peak.
package struct ConditionPairs: RandomAccessCollection, Sendable {
    private let segments: [[ConditionPair]]
    /// `segments[k]` holds pairs `starts[k] ..< starts[k + 1]`.
    private let starts: [Int]

    package init(_ segments: [[ConditionPair]]) {
        self.segments = segments
        var starts = [0]
        for s in segments { starts.append(starts[starts.count - 1] + s.count) }
        self.starts = starts
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { starts[starts.count - 1] }

    package subscript(i: Int) -> ConditionPair {
        precondition(i >= 0 && i < endIndex, "pair index out of range")
        let k = segment(of: i)
        return segments[k][i - starts[k]]
    }

    /// A course's pairs (`CourseResult.pairs`), which never span two
    /// segments, without copying; other ranges are copied.
    package subscript(bounds: Range<Int>) -> ArraySlice<ConditionPair> {
        precondition(bounds.lowerBound >= 0 && bounds.upperBound <= endIndex, "pair range out of range")
        guard !bounds.isEmpty else { return [] }
        let k = segment(of: bounds.lowerBound)
        if bounds.upperBound <= starts[k + 1] {
            return segments[k][(bounds.lowerBound - starts[k])..<(bounds.upperBound - starts[k])]
        }
        return ArraySlice(bounds.map { self[$0] })
    }

    /// The segment that holds pair `i` (binary search; a handful of segments).
    private func segment(of i: Int) -> Int {
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Iterates segment by segment (no search per pair).
    package func makeIterator() -> FlattenSequence<[[ConditionPair]]>.Iterator { segments.joined().makeIterator() }
}

/// Which FSIII model each condition code belongs to, as bits: legacy only
/// (a J condition not in the simplified model), simplified only (a new
/// concept without a J key), or both (the six that keep their J key).
package struct ConditionModels: Sendable {
    package static let legacy: UInt8 = 1
    package static let simplified: UInt8 = 2
    private let kind: [UInt8]

    package init(_ terminology: Terminology) {
        kind = terminology.conditions.map { c in
            !c.simplifiedModel ? Self.legacy : c.legacyKey == nil ? Self.simplified : 0
        }
    }

    /// The bits of condition code `c`; 0 for one in both models.
    @inline(__always) package func bits(_ c: UInt8) -> UInt8 { Int(c) < kind.count ? kind[Int(c)] : 0 }

    /// Whether assessments with model bits `later` after a baseline with
    /// `baseline` mean a change of model: one side only legacy-only
    /// conditions' model, the other the simplified-only ones'.
    package static func switched(from baseline: UInt8, to later: UInt8) -> Bool {
        (baseline & legacy != 0 && later & simplified != 0 && later & legacy == 0)
            || (baseline & simplified != 0 && later & legacy != 0 && later & simplified == 0)
    }
}

/// Pairs each course's baseline and follow-up assessments per condition
/// (SPEC §5) and sums them into the course figures (SPEC §6). Courses are
/// split over both cores; each reads only its citizen's contiguous rows.
enum CourseEvaluator {
    /// `models` tells which FSIII model each condition belongs to; given,
    /// a course whose baseline and later assessments are in different
    /// models is `modelSwitch` instead of `noFollowUp`.
    package static func evaluate(_ courses: [Course], assessments: AssessmentTable, citizens: CitizenRegistry,
                                windows: CourseWindows = CourseWindows(), models: ConditionModels? = nil) -> CourseEvaluation {
        evaluate(courses, numbered: nil, assessments: assessments, citizens: citizens, windows: windows, models: models)
    }

    /// The evaluation of `courses`, course i numbered `numbered[i]` (i
    /// without it) in its result and its pairs.
    private static func evaluate(_ courses: [Course], numbered: [Int]?, assessments: AssessmentTable, citizens: CitizenRegistry,
                                 windows: CourseWindows, models: ConditionModels?) -> CourseEvaluation {
        // Each part writes its results straight into their final slots (no
        // second copy of a million results) and keeps its pairs in an array
        // of its own, reserved once: a course pairs each condition at most
        // once, so it has no more pairs than its citizen has assessment
        // rows (the reserved room's untouched tail costs no memory).
        let parts = Parallel.chunks(courses.count, minimum: 4096)
        var partPairs: [[ConditionPair]] = []
        var results = [CourseResult](unsafeUninitializedCapacity: courses.count) { buffer, initialized in
            let out = UnsafeSendable(buffer.baseAddress)
            partPairs = Parallel.map(0..<parts.count) { k in
                var pairs: [ConditionPair] = []
                pairs.reserveCapacity(parts[k].reduce(0) { $0 + min(assessments.rows(ofCitizen: Int(courses[$1].citizen)).count, 256) })
                for i in parts[k] {
                    let r = evaluate(courses[i], index: numbered?[i] ?? i, assessments: assessments, citizens: citizens, windows: windows,
                                     models: models, pairs: &pairs)
                    (out.value! + i).initialize(to: r)
                }
                return pairs
            }
            initialized = courses.count
        }
        // Course ranges from positions within their part to positions in all pairs.
        var offset = 0
        for k in parts.indices {
            if offset > 0 {
                for i in parts[k] { results[i].pairs = (results[i].pairs.lowerBound + offset)..<(results[i].pairs.upperBound + offset) }
            }
            offset += partPairs[k].count
        }
        return CourseEvaluation(results: results, pairs: ConditionPairs(partPairs), windows: windows)
    }

    /// ``evaluate(_:assessments:citizens:windows:models:)`` with the courses
    /// worked in citizen order, their results returned in the order given
    /// (each with its index there): for courses in no useful order, such as
    /// the pseudo-courses of a matched comparison, each citizen's rows are
    /// then read in table order instead of at random. Every result is the
    /// same; only where its pairs lie in `pairs` differs.
    package static func evaluateInCitizenOrder(_ courses: [Course], assessments: AssessmentTable, citizens: CitizenRegistry,
                                               windows: CourseWindows = CourseWindows()) -> CourseEvaluation {
        let ids = courses.map(\.citizen)
        let order = CitizenOrder.of(ids, citizenCount: Int(ids.max() ?? 0) + 1)
        // The courses gathered into that order and the results put back, each on all cores (every
        // element has one place, so the split changes nothing).
        let pieces = Parallel.chunks(courses.count, minimum: 1 << 14)
        func permuted<T>(_ count: Int, _ element: (Int) -> (to: Int, value: T)) -> [T] {
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                if let base = buffer.baseAddress {
                    let out = UnsafeSendable(base)
                    _ = Parallel.map(pieces.indices) { k in
                        for j in pieces[k] {
                            let (to, value) = element(j)
                            (out.value + to).initialize(to: value)
                        }
                    }
                }
                initialized = count
            }
        }
        // Each numbered as given, so its result and its pairs refer to its place in the results.
        let sorted = evaluate(permuted(courses.count) { k in (k, courses[order[k]]) }, numbered: order, assessments: assessments,
                              citizens: citizens, windows: windows, models: nil)
        let results: [CourseResult] = permuted(courses.count) { k in (order[k], sorted.results[k]) }
        return CourseEvaluation(results: results, pairs: sorted.pairs, windows: windows)
    }

    /// One course. Rows of a citizen are sorted by condition, then day, so
    /// each condition's history is one run with unique, ascending days.
    static func evaluate(_ course: Course, index: Int, assessments a: AssessmentTable, citizens: CitizenRegistry,
                         windows w: CourseWindows, models: ConditionModels? = nil, pairs: inout [ConditionPair]) -> CourseResult {
        let start = course.start.rawValue
        var result = CourseResult(course: index, citizen: course.citizen, team: course.team, municipality: course.municipality,
                                  start: course.start, end: course.end)
        if let birth = citizens.birthDay(Int(course.citizen)) {
            let age = CitizenID.age(birth: birth, on: course.start)
            result.age = age >= 0 ? age : nil
        }
        let rows = a.rows(ofCitizen: Int(course.citizen))
        if course.team == 0 || course.municipality == 0 {
            attribute(&result, course: course, rows: rows, assessments: a, until: Day.offset(start, by: w.teamLookaheadDays))
        }

        // Saturating: windows of any size (they come from options) never trap.
        let lookFrom = Day.offset(start, back: w.lookbackDays)
        let graceTo = Day.offset(start, by: w.baselineGraceDays)
        let followTo = course.end.map { Day.offset($0.rawValue, by: w.followUpGraceDays) }
        var anyBaseline = false, anyFollowUp = false
        var baselineModels: UInt8 = 0
        let firstPair = pairs.count
        var r = rows.lowerBound
        while r < rows.upperBound {
            let condition = a.condition[r]
            var runEnd = r + 1
            while runEnd < rows.upperBound && a.condition[runEnd] == condition { runEnd += 1 }
            defer { r = runEnd }
            // Baseline: latest in [start − lookback, start], else earliest in (start, start + grace].
            var baseline = -1
            var i = r
            while i < runEnd && a.day[i] <= start {
                if a.day[i] >= lookFrom { baseline = i }
                i += 1
            }
            if baseline < 0 && i < runEnd && a.day[i] <= graceTo { baseline = i }
            guard baseline >= 0 else { continue }
            anyBaseline = true
            if let models { baselineModels |= models.bits(condition) }
            // Follow-up: latest after the baseline, on or before end + grace.
            guard let followTo else { continue }
            var followUp = -1
            var j = baseline + 1
            while j < runEnd && a.day[j] <= followTo { followUp = j; j += 1 }
            guard followUp >= 0 else { continue }
            anyFollowUp = true
            let b = a.level[baseline], f = a.level[followUp]
            if b == 9 || f == 9 { continue }
            // Goal: on the baseline record, else the latest on or before the baseline date.
            var goal: UInt8?
            var g = baseline
            while g >= r {
                if a.goal[g] != 0xFF { goal = a.goal[g]; break }
                g -= 1
            }
            if goal == 9 { goal = nil }
            pairs.append(ConditionPair(course: Int32(index), condition: ConditionCode(condition), baseline: b, followUp: f,
                                       goal: goal, baselineDay: Day(rawValue: a.day[baseline]), followUpDay: Day(rawValue: a.day[followUp])))
        }
        result.pairs = firstPair..<pairs.count
        for p in pairs[firstPair...] {
            result.n += 1
            result.baselineSum += Int(p.baseline)
            result.followUpSum += Int(p.followUp)
            let d = p.change
            if d > 0 { result.improved += 1 } else if d < 0 { result.worsened += 1 } else { result.unchanged += 1 }
            if let met = p.goalMet {
                result.goalsSet += 1
                if met { result.goalsMet += 1 }
            }
        }
        if result.n == 0 {
            result.notEvaluable = course.end == nil ? .open : !anyBaseline ? .noBaseline : !anyFollowUp ? .noFollowUp : .notRelevant
            if result.notEvaluable == .noFollowUp, let models, let followTo {
                // Later assessments (after the start, within the follow-up
                // window) only in the other model: the switch, not a gap.
                var later: UInt8 = 0
                for r in rows where a.day[r] > start && a.day[r] <= followTo { later |= models.bits(a.condition[r]) }
                if ConditionModels.switched(from: baselineModels, to: later) { result.notEvaluable = .modelSwitch }
            }
        }
        return result
    }

    /// SPEC §5: a course without a team takes the team of the citizen's
    /// latest assessment dated on or before `until` (among assessments that
    /// name one; the later row in input order on a tie); else `(ukendt)`.
    /// The municipality follows the same rule.
    private static func attribute(_ result: inout CourseResult, course: Course, rows: Range<Int>, assessments a: AssessmentTable, until: Int32) {
        var bestTeam: (day: Int32, seq: UInt32, team: UInt32)?
        var bestMunicipality: (day: Int32, seq: UInt32, municipality: UInt32)?
        for r in rows where a.day[r] <= until {
            let key = (a.day[r], a.sequence[r])
            if a.team[r] != 0, bestTeam.map({ key > ($0.day, $0.seq) }) ?? true { bestTeam = (key.0, key.1, a.team[r]) }
            if a.municipality[r] != 0, bestMunicipality.map({ key > ($0.day, $0.seq) }) ?? true {
                bestMunicipality = (key.0, key.1, a.municipality[r])
            }
        }
        if course.team == 0 { result.team = bestTeam?.team ?? 0 }
        if course.municipality == 0 { result.municipality = bestMunicipality?.municipality ?? 0 }
    }
}

/// `--window FROM..TO` without course data (SPEC §5): one course per
/// citizen spanning the window. Citizens with an assessment dated in
/// `[FROM − lookback, TO]` get one; the baseline grace is the whole window,
/// so a citizen first assessed mid-window still has a baseline.
enum WindowCourses {
    package static func make(from: Day, to: Day, assessments a: AssessmentTable, citizenCount: Int,
                            windows: CourseWindows) -> (courses: [Course], windows: CourseWindows) {
        var w = windows
        w.baselineGraceDays = to - from
        let lo = Day.offset(from.rawValue, back: windows.lookbackDays)
        var courses: [Course] = []
        for c in 0..<citizenCount {
            let rows = a.rows(ofCitizen: c)
            if rows.contains(where: { a.day[$0] >= lo && a.day[$0] <= to.rawValue }) {
                courses.append(Course(citizen: UInt32(c), start: from, end: to))
            }
        }
        return (courses, w)
    }
}
