import Foundation
import FSIIIEffect
import FSIIIStatistics

/// The trend chart's figures: evaluable courses by month of course end,
/// with the improved share, its p-chart limits and the mean change.
///
/// p-chart (Shewhart; Montgomery, *Introduction to Statistical Quality
/// Control*, §7.2, variable sample size): centre line p̄ = improved courses
/// / evaluable courses over all months; the limits of month m with n_m
/// courses are p̄ ± 3·√(p̄(1 − p̄)/n_m), clipped to [0, 1]. A month outside
/// its limits varies more than chance would explain. With `--spc laney`
/// the limits are Laney's p′ (``ProportionChart``): scaled by σ_z.
///
/// Both series (improved share, mean change) get the Anhøj run rules
/// (``RunChartRules``) over the shown months, around their centre line
/// (p̄, the overall mean change) as qicharts2 does for control charts:
/// an unusually long run or too few crossings signal a shift.
struct MonthlyTrend: Sendable {
    struct Month: Sendable, Hashable {
        /// `YYYY-MM`.
        var month: String
        var year: Int
        var monthNumber: Int
        var courses = 0
        var citizens = 0
        var improved = 0
        /// Σ course meanChange, for the mean.
        var changeSum = 0.0
        /// Fewer than `minCell` citizens, or hidden with another (SPEC §10).
        var suppressed = false
        var isEmpty: Bool { courses == 0 }
        var improvedShare: Double { Double(improved) / Double(courses) }
        var meanChange: Double { changeSum / Double(courses) }
    }

    /// Every month from the first to the last course end, empty months included.
    var months: [Month]
    /// p̄: the improved share over all evaluable courses.
    var overallShare: Double
    /// The mean of the courses' mean change over all evaluable courses.
    var overallMeanChange: Double
    var courses: Int
    /// The improved share's chart: p̄, σ_z and the limits.
    var chart: ProportionChart
    /// The run rules of the improved share and of the mean change over the
    /// shown months; nil when no shown month is off the centre line.
    var shareRules: RunChartRules?
    var changeRules: RunChartRules?
    /// Per month (indexed like `months`): in a run longer than the rules'
    /// limit; false for months not shown.
    var shareInLongRun: [Bool]
    var changeInLongRun: [Bool]

    /// nil when no course is evaluable.
    init?(_ evaluation: CourseEvaluation, minCell: Int, spc: SPCChart = .p) {
        var byMonth: [Int: (courses: Int, improved: Int, change: Double, citizens: Set<UInt32>)] = [:]
        var improved = 0, courses = 0, changeSum = 0.0
        for r in evaluation.results where r.isEvaluable {
            guard let end = r.end else { continue }
            let c = end.civil
            let key = c.year * 12 + (c.month - 1)
            // In place: a copy of the cell out of the dictionary would copy its set on every insert.
            byMonth[key, default: (0, 0, 0, [])].courses += 1
            byMonth[key, default: (0, 0, 0, [])].change += r.meanChange
            byMonth[key, default: (0, 0, 0, [])].citizens.insert(r.citizen)
            if r.outcome == .improved {
                byMonth[key, default: (0, 0, 0, [])].improved += 1
                improved += 1
            }
            courses += 1
            changeSum += r.meanChange
        }
        guard courses > 0, let first = byMonth.keys.min(), let last = byMonth.keys.max() else { return nil }
        var months: [Month] = []
        for key in first...last {
            let year = key / 12, number = key % 12 + 1
            var m = Month(month: Day.pad(year, 4) + "-" + Day.pad(number, 2), year: year, monthNumber: number)
            if let cell = byMonth[key] {
                m.courses = cell.courses
                m.citizens = cell.citizens.count
                m.improved = cell.improved
                m.changeSum = cell.change
            }
            months.append(m)
        }
        let hidden = ChartSuppression.suppressed(citizens: months.map(\.citizens), names: months.map(\.month), minCell: minCell)
        for i in months.indices { months[i].suppressed = hidden[i] }
        self.months = months
        self.courses = courses
        overallShare = Double(improved) / Double(courses)
        overallMeanChange = changeSum / Double(courses)
        guard let chart = ProportionChart(successes: months.map(\.improved), trials: months.map(\.courses), method: spc.method) else { return nil }
        self.chart = chart
        let shownIndices = months.indices.filter { !months[$0].isEmpty && !months[$0].suppressed }
        func rules(_ values: [Double], centre: Double) -> (RunChartRules?, [Bool]) {
            var marks = [Bool](repeating: false, count: months.count)
            guard let r = RunChartRules(values, centre: centre) else { return (nil, marks) }
            for (k, inRun) in r.inLongRun(values).enumerated() where inRun { marks[shownIndices[k]] = true }
            return (r, marks)
        }
        (shareRules, shareInLongRun) = rules(shownIndices.map { months[$0].improvedShare }, centre: overallShare)
        (changeRules, changeInLongRun) = rules(shownIndices.map { months[$0].meanChange }, centre: overallMeanChange)
    }

    /// p̄ ± 3·√(p̄(1 − p̄)/n), clipped to [0, 1].
    static func pChartLimits(share p: Double, courses n: Int) -> Interval {
        let half = 3 * (p * (1 - p) / Double(n)).squareRoot()
        return Interval(low: max(0, p - half), high: min(1, p + half))
    }

    func limits(_ m: Month) -> Interval { chart.limits(trials: m.courses) }

    /// The improved share is outside the month's limits (a shown month).
    func outsideLimits(_ m: Month) -> Bool {
        guard !m.isEmpty, !m.suppressed else { return false }
        let l = limits(m)
        return m.improvedShare > l.high || m.improvedShare < l.low
    }

    /// Whether the improved share signals: a long run, too few crossings, or a month outside its limits.
    var shareSignal: Bool { (shareRules?.signal ?? false) || shown.contains(where: outsideLimits) }
    /// Whether the mean change signals (run rules only: it has no limits).
    var changeSignal: Bool { changeRules?.signal ?? false }

    /// The months that are drawn: not empty, not suppressed.
    var shown: [Month] { months.filter { !$0.isEmpty && !$0.suppressed } }
}
