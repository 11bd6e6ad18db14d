import FSIIIBytes

/// The cost figures of one course (SPEC §8).
package struct CourseCosts: Sendable, Hashable {
    /// Sum of the citizen's cost rows dated within the course.
    package var cost: Double
    /// Hours and cost in `[start − H, start)`.
    package var hoursBefore: Double
    package var costBefore: Double
    /// Hours and cost in `(end, end + H]`.
    package var hoursAfter: Double
    package var costAfter: Double
    /// False when the after-window ends after the last date in the cost
    /// data (`after-window incomplete`): no savings figure then.
    package var afterWindowComplete: Bool
    package var horizonDays: Int

    package init(cost: Double, hoursBefore: Double, costBefore: Double, hoursAfter: Double, costAfter: Double,
                afterWindowComplete: Bool, horizonDays: Int) {
        self.cost = cost
        self.hoursBefore = hoursBefore
        self.costBefore = costBefore
        self.hoursAfter = hoursAfter
        self.costAfter = costAfter
        self.afterWindowComplete = afterWindowComplete
        self.horizonDays = horizonDays
    }

    /// `cost before − cost after`; nil when the after-window is incomplete.
    package var savings: Double? { afterWindowComplete ? costBefore - costAfter : nil }

    /// `(hours before − hours after) / (H / 7)`; nil when the after-window is incomplete.
    package var hoursChangePerWeek: Double? {
        afterWindowComplete ? (hoursBefore - hoursAfter) / (Double(horizonDays) / 7) : nil
    }

    /// `cost − savings`, nil without savings.
    package var netCost: Double? { savings.map { cost - $0 } }
}

/// Joins cost rows to courses (SPEC §8). The cost table is sorted by
/// citizen and day, so each course reads its citizen's rows once, finding
/// each window by binary search; courses are split over both cores.
enum CostJoin {
    /// One entry per course result; open courses get zero cost and no savings.
    package static func join(_ results: [CourseResult], costs: CostTable, horizonDays: Int = 90) -> [CourseCosts] {
        let last = costs.lastDay?.rawValue ?? Int32.min
        let parts = Parallel.chunks(results.count, minimum: 4096)
        let partials = Parallel.map(0..<parts.count) { k in
            parts[k].map { i in join(results[i], costs: costs, horizonDays: horizonDays, lastDay: last) }
        }
        return partials.flatMap { $0 }
    }

    static func join(_ r: CourseResult, costs t: CostTable, horizonDays h: Int, lastDay: Int32) -> CourseCosts {
        let rows = t.rows(ofCitizen: Int(r.citizen))
        let start = r.start.rawValue
        guard let endDay = r.end?.rawValue else {
            return CourseCosts(cost: 0, hoursBefore: 0, costBefore: 0, hoursAfter: 0, costAfter: 0, afterWindowComplete: false, horizonDays: h)
        }
        // Half-open day ranges [lo, hi) of the three windows, saturating
        // (the horizon comes from an option; input dates are far inside Int32).
        let afterEnd = Day.offset(endDay, by: h)
        let before = sum(t, rows, from: Day.offset(start, back: h), to: start)
        let during = sum(t, rows, from: start, to: Day.offset(endDay, by: 1))
        let after = sum(t, rows, from: Day.offset(endDay, by: 1), to: Day.offset(afterEnd, by: 1))
        return CourseCosts(cost: during.cost, hoursBefore: before.hours, costBefore: before.cost, hoursAfter: after.hours,
                           costAfter: after.cost, afterWindowComplete: afterEnd <= lastDay, horizonDays: h)
    }

    /// Sum of hours and cost of rows with `lo ≤ day < hi`, in row order.
    static func sum(_ t: CostTable, _ rows: Range<Int>, from lo: Int32, to hi: Int32) -> (hours: Double, cost: Double) {
        var a = rows.lowerBound, b = rows.upperBound
        while a < b {
            let m = (a + b) / 2
            if t.day[m] < lo { a = m + 1 } else { b = m }
        }
        var hours = 0.0, cost = 0.0
        var i = a
        while i < rows.upperBound && t.day[i] < hi {
            hours += t.hours[i]
            cost += t.cost[i]
            i += 1
        }
        return (hours, cost)
    }
}

/// A unit the group cost figures are summed over (SPEC §8): the course it
/// belongs to (an index into the per-course costs), its points changed and
/// its outcome. Effect's units are these; Costs does not know them.
protocol CostedCourse {
    var course: Int { get }
    var points: Int { get }
    var outcome: CourseOutcome { get }
}

/// Group cost figures (SPEC §8).
enum CostAnalysis {
    static func groupCosts<Units: Collection>(_ units: Units, costs: [CourseCosts]) -> GroupCosts where Units.Element: CostedCourse {
        var total = 0.0, points = 0, improved = 0
        var savings: [Double] = [], net: [Double] = [], hours: [Double] = []
        for u in units {
            let c = costs[u.course]
            total += c.cost
            points += u.points
            if u.outcome == .improved { improved += 1 }
            if let s = c.savings {
                savings.append(s)
                net.append(c.cost - s)
            }
            if let h = c.hoursChangePerWeek { hours.append(h) }
        }
        let n = units.count
        func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
        return GroupCosts(totalCost: total, meanCost: n > 0 ? total / Double(n) : nil,
                          costPerPoint: points > 0 ? total / Double(points) : nil,
                          costPerImproved: improved > 0 ? total / Double(improved) : nil,
                          meanSavings: mean(savings), meanNetCost: mean(net), coursesWithSavings: savings.count,
                          meanHoursChangePerWeek: mean(hours))
    }
}
