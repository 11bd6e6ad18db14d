import FSIIIStatistics

/// The figures of one group, or of all courses together (SPEC §7).
/// An undefined figure is nil (`null` in JSON).
public struct GroupFigures: Sendable {
    public var group: String
    /// Evaluable courses (compared pairs with `--by area|condition`).
    public var courses = 0
    /// Distinct citizens of those courses.
    public var citizens = 0
    public var notEvaluable = NotEvaluableCounts()
    public var meanChange: Double?
    /// 95 % t interval of the mean change; nil when fewer than two courses.
    public var meanChangeCI: Interval?
    public var medianChange: Double?
    public var improved = 0
    public var worsened = 0
    public var improvedShare: Double?
    public var improvedCI: Interval?
    public var worsenedShare: Double?
    public var worsenedCI: Interval?
    public var goalsSet = 0
    public var goalsMet = 0
    public var goalAttainment: Double?
    public var goalCI: Interval?
    public var meanEffectiveness: Double?
    public var wilcoxonZ: Double?
    public var wilcoxonP: Double?
    /// Case mix (course groupings only): improved courses…
    public var observed: Int?
    /// …and their expected number from the strata.
    public var expected: Double?
    public var ratio: Double?
    public var funnelZ: Double?
    /// `Σ p(1 − p)`, the binomial variance of `observed` under the case mix.
    public var variance: Double?
    public var limit95: Interval?
    public var limit998: Interval?
    public var funnelFlag: FunnelFlag?
    /// Fewer citizens than `--min-cell`, or suppressed to protect another
    /// group (SPEC §10); the outputs then hide the figures.
    public var suppressed = false
    /// Cost figures when cost data was given (SPEC §8).
    public var costs: GroupCosts?

    public init(group: String) { self.group = group }
}

/// Per-group cost figures (SPEC §8).
public struct GroupCosts: Sendable, Hashable {
    public var totalCost: Double
    public var meanCost: Double?
    /// `Σcost / Σchange`, only when `Σchange > 0`.
    public var costPerPoint: Double?
    /// `Σcost / improved courses`, only when there is one.
    public var costPerImproved: Double?
    /// Mean savings over the courses with a savings figure.
    public var meanSavings: Double?
    /// Mean of `cost − savings` over the same courses.
    public var meanNetCost: Double?
    /// Courses with a complete after-window.
    public var coursesWithSavings: Int
    /// Mean change in home-care hours per week, before minus after.
    public var meanHoursChangePerWeek: Double?

    public init(totalCost: Double, meanCost: Double?, costPerPoint: Double?, costPerImproved: Double?,
                meanSavings: Double?, meanNetCost: Double?, coursesWithSavings: Int, meanHoursChangePerWeek: Double?) {
        self.totalCost = totalCost
        self.meanCost = meanCost
        self.costPerPoint = costPerPoint
        self.costPerImproved = costPerImproved
        self.meanSavings = meanSavings
        self.meanNetCost = meanNetCost
        self.coursesWithSavings = coursesWithSavings
        self.meanHoursChangePerWeek = meanHoursChangePerWeek
    }
}
