import FSIIIStatistics

/// Durability (issue 18 §3): how much of a course's change is left 3, 6 and
/// 12 months after its end.
///
/// Horizon h months is the day end + D(h), D = 91, 183, 365 days. For each
/// compared condition of the course, its level at the horizon is the
/// assessment of that condition nearest the horizon day within ±45 days
/// (ties: the earlier) and after the condition's follow-up date; level 9
/// counts as none. A course is *followed* at h when at least one condition
/// has a level there; over those m conditions
///
///     change_h = Σ (baseline − level_h) / m     (the `meanChange` scale)
///     kept_h   = Σ level_h ≤ Σ follow-up         (no worse than at follow-up)
///
/// A course not followed is *censored* when the window reaches past the
/// last assessment date of the data (it cannot have been assessed yet);
/// otherwise it is *not assessed*. Censored courses are never failures.
///
/// With cost data: home-care hours per week in months 1–3, 4–6 and 7–12
/// after the end — days (end, end + 91], (end + 91, end + 183],
/// (end + 183, end + 365] — against the 90 days before the start,
/// change = before − after per week (positive: fewer hours), over courses
/// whose window lies within the cost data; and at 6 months the share of
/// courses with home care before the start that have no hours in months
/// 4–6 (*left home care*).
public struct DurabilityResult: Sendable {
    public struct Horizon: Sendable, Hashable {
        public var months: Int
        public var followed: Int
        public var censored: Int
        public var notAssessed: Int
        public var meanChange: Double?
        public var meanChangeCI: Interval?
        public var keptShare: Double?
        public var hoursPerWeekChange: Double?
        public var leftHomeCareShare: Double?
        /// The matched controls from their pseudo-course end (weighted by
        /// the matching weights); nil without `--compare-to matched`.
        public var control: Control?
    }

    public struct Control: Sendable, Hashable {
        public var followed: Int
        public var censored: Int
        public var meanChange: Double?
        public var keptShare: Double?
        public var hoursPerWeekChange: Double?
        public var leftHomeCareShare: Double?
    }

    public static let horizons = [(months: 3, days: 91), (months: 6, days: 183), (months: 12, days: 365)]
    /// ± days around a horizon.
    public static let toleranceDays = 45

    public var horizons: [Horizon]
    /// Evaluable courses considered.
    public var courses: Int
    /// The last assessment date in the data.
    public var dataEnd: Day?

    package static func make<Units: Sequence<ComparisonUnit>>(_ units: Units, weights: [Double]? = nil, assessments a: AssessmentTable,
                                                              costs: CostTable?, dataEnd: Day?) -> [Accumulated] {
        let last = dataEnd?.rawValue ?? .min
        var out = horizons.map { _ in Accumulated() }
        let offsets = horizons.map(\.days)
        // The citizen's last assessment date, from its own rows (a pass over every citizen's
        // would cost the whole table for the few units a call may have).
        func lastDay(_ rows: Range<Int>) -> Int32 {
            var latest = Int32.min
            for r in rows where a.day[r] > latest { latest = a.day[r] }
            return latest
        }
        for (i, u) in units.enumerated() {
            guard let end = u.result.end?.rawValue else { continue }
            let w = weights?[i] ?? 1
            let rows = a.rows(ofCitizen: Int(u.result.citizen))
            let targets = (Day.offset(end, by: offsets[0]), Day.offset(end, by: offsets[1]), Day.offset(end, by: offsets[2]))
            // Σ baseline, Σ follow-up, Σ level at the horizon and m, per horizon.
            var sums = Sums()
            // Nothing after the follow-up (most courses): no condition has a horizon level.
            if lastDay(rows) >= Day.offset(end, by: offsets[0] - toleranceDays) {
                for p in u.pairs {
                    let levels = nearest(a, rows, condition: p.condition.rawValue, targets: targets, after: p.followUpDay.rawValue)
                    for h in 0..<3 {
                        guard let level = h == 0 ? levels.0 : h == 1 ? levels.1 : levels.2 else { continue }
                        sums[h].b += Int(p.baseline); sums[h].f += Int(p.followUp); sums[h].h += Int(level); sums[h].m += 1
                    }
                }
            }
            for h in 0..<3 {
                let target = h == 0 ? targets.0 : h == 1 ? targets.1 : targets.2
                let x = sums[h]
                if x.m > 0 {
                    out[h].add(change: Double(x.b - x.h) / Double(x.m), kept: x.h <= x.f, weight: w)
                } else if Day.offset(target, by: toleranceDays) > last {
                    out[h].censored += 1
                } else {
                    out[h].notAssessed += 1
                }
                if let costs { out[h].addCosts(u, end: end, horizon: h, costs: costs, weight: w) }
            }
        }
        return out
    }

    /// The levels of `condition` nearest each target within ±45 days (ties: the earlier), dated after `after`.
    static func nearest(_ a: AssessmentTable, _ rows: Range<Int>, condition: UInt8, targets: (Int32, Int32, Int32),
                        after: Int32) -> (UInt8?, UInt8?, UInt8?) {
        // A citizen's rows are sorted by condition, then day: the condition's run by binary search.
        var lo = rows.lowerBound, hi = rows.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if a.condition[mid] < condition { lo = mid + 1 } else { hi = mid }
        }
        var d0 = Int32.max, d1 = Int32.max, d2 = Int32.max
        var l0: UInt8?, l1: UInt8?, l2: UInt8?
        var r = lo
        while r < rows.upperBound && a.condition[r] == condition {
            defer { r += 1 }
            guard a.day[r] > after, a.level[r] != 9 else { continue }
            let x0 = abs(a.day[r] - targets.0), x1 = abs(a.day[r] - targets.1), x2 = abs(a.day[r] - targets.2)
            if x0 <= toleranceDays && x0 < d0 { d0 = x0; l0 = a.level[r] }
            if x1 <= toleranceDays && x1 < d1 { d1 = x1; l1 = a.level[r] }
            if x2 <= toleranceDays && x2 < d2 { d2 = x2; l2 = a.level[r] }
        }
        return (l0, l1, l2)
    }

    /// Σ baseline, Σ follow-up, Σ level at the horizon and m for the three horizons, without an array.
    struct Sums {
        var x = (b: 0, f: 0, h: 0, m: 0), y = (b: 0, f: 0, h: 0, m: 0), z = (b: 0, f: 0, h: 0, m: 0)
        subscript(h: Int) -> (b: Int, f: Int, h: Int, m: Int) {
            get { h == 0 ? x : h == 1 ? y : z }
            set { if h == 0 { x = newValue } else if h == 1 { y = newValue } else { z = newValue } }
        }
    }

    /// The sums of one horizon.
    package struct Accumulated: Sendable {
        var changes: [Double] = []
        var weightSum = 0.0, changeSum = 0.0, keptSum = 0.0
        var censored = 0, notAssessed = 0
        var hoursWeight = 0.0, hoursSum = 0.0
        var leftWeight = 0.0, leftSum = 0.0

        mutating func add(change: Double, kept: Bool, weight: Double) {
            changes.append(change)
            weightSum += weight
            changeSum += weight * change
            if kept { keptSum += weight }
        }

        mutating func addCosts(_ u: ComparisonUnit, end: Int32, horizon h: Int, costs: CostTable, weight: Double) {
            guard let lastCost = costs.lastDay?.rawValue else { return }
            let rows = costs.rows(ofCitizen: Int(u.result.citizen))
            let from = [0, 91, 183][h], to = [91, 183, 365][h]
            let lo = Day.offset(end, by: from + 1), hi = Day.offset(end, by: to + 1)
            guard Day.offset(end, by: to) <= lastCost else { return }
            let before = CostJoin.sum(costs, rows, from: Day.offset(u.result.start.rawValue, back: 90), to: u.result.start.rawValue).hours
            let after = CostJoin.sum(costs, rows, from: lo, to: hi).hours
            hoursWeight += weight
            hoursSum += weight * (before / (90.0 / 7) - after / (Double(to - from) / 7))
            if h == 1 && before > 0 {
                leftWeight += weight
                if after == 0 { leftSum += weight }
            }
        }

        var followed: Int { changes.count }
        var meanChange: Double? { weightSum > 0 ? changeSum / weightSum : nil }
        var keptShare: Double? { weightSum > 0 ? keptSum / weightSum : nil }
        var hoursPerWeekChange: Double? { hoursWeight > 0 ? hoursSum / hoursWeight : nil }
        var leftHomeCareShare: Double? { leftWeight > 0 ? leftSum / leftWeight : nil }
    }

    /// The durability of the treated units, with the controls' when given.
    package static func make<Units: Sequence<ComparisonUnit>>(treated: Units, controls: [(unit: ComparisonUnit, weight: Double)]?,
                                                              assessments: AssessmentTable, costs: CostTable?, dataEnd: Day?) -> DurabilityResult {
        let t = make(treated, assessments: assessments, costs: costs, dataEnd: dataEnd)
        let c = controls.map { make($0.map(\.unit), weights: $0.map(\.weight), assessments: assessments, costs: costs, dataEnd: dataEnd) }
        return combine(treated: t, controls: c, dataEnd: dataEnd)
    }

    /// The result from the treated units' sums and the controls' (the two
    /// ``make(_:weights:assessments:costs:dataEnd:)`` passes, which do not
    /// depend on each other and may run at different times).
    package static func combine(treated t: [Accumulated], controls c: [Accumulated]?, dataEnd: Day?) -> DurabilityResult {
        let rows = horizons.indices.map { h in
            let x = t[h]
            return Horizon(months: horizons[h].months, followed: x.followed, censored: x.censored, notAssessed: x.notAssessed,
                           meanChange: x.meanChange, meanChangeCI: MeanSummary(x.changes)?.tInterval(), keptShare: x.keptShare,
                           hoursPerWeekChange: x.hoursPerWeekChange, leftHomeCareShare: h == 1 ? x.leftHomeCareShare : nil,
                           control: c.map { c in
                               Control(followed: c[h].followed, censored: c[h].censored, meanChange: c[h].meanChange, keptShare: c[h].keptShare,
                                       hoursPerWeekChange: c[h].hoursPerWeekChange, leftHomeCareShare: h == 1 ? c[h].leftHomeCareShare : nil)
                           })
        }
        return DurabilityResult(horizons: rows, courses: t[0].followed + t[0].censored + t[0].notAssessed, dataEnd: dataEnd)
    }
}
