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
/// its limits varies more than chance would explain.
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

    /// nil when no course is evaluable.
    init?(_ evaluation: CourseEvaluation, minCell: Int) {
        var byMonth: [Int: (courses: Int, improved: Int, change: Double, citizens: Set<UInt32>)] = [:]
        var improved = 0, courses = 0, changeSum = 0.0
        for r in evaluation.results where r.isEvaluable {
            guard let end = r.end else { continue }
            let c = end.civil
            let key = c.year * 12 + (c.month - 1)
            var cell = byMonth[key] ?? (0, 0, 0, [])
            cell.courses += 1
            cell.change += r.meanChange
            cell.citizens.insert(r.citizen)
            if r.outcome == .improved {
                cell.improved += 1
                improved += 1
            }
            byMonth[key] = cell
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
    }

    /// p̄ ± 3·√(p̄(1 − p̄)/n), clipped to [0, 1].
    static func pChartLimits(share p: Double, courses n: Int) -> Interval {
        let half = 3 * (p * (1 - p) / Double(n)).squareRoot()
        return Interval(low: max(0, p - half), high: min(1, p + half))
    }

    func limits(_ m: Month) -> Interval { Self.pChartLimits(share: overallShare, courses: m.courses) }

    /// The months that are drawn: not empty, not suppressed.
    var shown: [Month] { months.filter { !$0.isEmpty && !$0.suppressed } }
}
