import FSIIIStatistics

/// The figures of one group, or of all courses together (SPEC §7).
/// An undefined figure is nil (`null` in JSON).
public struct GroupFigures: Sendable {
    /// The group's name as shown: a team or municipality name (CPR-shaped
    /// numbers masked, SPEC §10), `YYYY-MM`, an area or condition, `(ukendt)`,
    /// `(åben)` or `Total`.
    public package(set) var group: String
    /// Which group this is (`.total` for `EffectReport.total`).
    public package(set) var key: GroupKey = .total
    /// Evaluable courses (compared pairs with `--by area|condition`).
    public package(set) var courses = 0
    /// Distinct citizens of those courses.
    public package(set) var citizens = 0
    public package(set) var notEvaluable = NotEvaluableCounts()
    public package(set) var meanChange: Double?
    /// 95 % t interval of the mean change; nil when fewer than two courses.
    public package(set) var meanChangeCI: Interval?
    public package(set) var medianChange: Double?
    public package(set) var improved = 0
    public package(set) var worsened = 0
    public package(set) var improvedShare: Double?
    public package(set) var improvedCI: Interval?
    public package(set) var worsenedShare: Double?
    public package(set) var worsenedCI: Interval?
    public package(set) var goalsSet = 0
    public package(set) var goalsMet = 0
    public package(set) var goalAttainment: Double?
    public package(set) var goalCI: Interval?
    public package(set) var meanEffectiveness: Double?
    public package(set) var wilcoxonZ: Double?
    public package(set) var wilcoxonP: Double?
    /// Case mix (course groupings only): improved courses…
    public package(set) var observed: Int?
    /// …and their expected number from the strata.
    public package(set) var expected: Double?
    public package(set) var ratio: Double?
    public package(set) var funnelZ: Double?
    /// `Σ p(1 − p)`, the binomial variance of `observed` under the case mix.
    public package(set) var variance: Double?
    public package(set) var limit95: Interval?
    public package(set) var limit998: Interval?
    public package(set) var funnelFlag: FunnelFlag?
    /// Fewer citizens than `--min-cell`, or suppressed to protect another
    /// group (SPEC §10); the outputs then hide the figures.
    public package(set) var suppressed = false
    /// Cost figures when cost data was given (SPEC §8).
    public package(set) var costs: GroupCosts?

    package init(group: String, key: GroupKey = .total) {
        self.group = group
        self.key = key
    }
}

/// Counts of not-evaluable courses by reason (SPEC §5).
public struct NotEvaluableCounts: Sendable, Hashable {
    public package(set) var open = 0
    public package(set) var noBaseline = 0
    public package(set) var noFollowUp = 0
    public package(set) var notRelevant = 0

    package init() {}

    public package(set) subscript(reason: NotEvaluableReason) -> Int {
        get {
            switch reason {
            case .open: return open
            case .noBaseline: return noBaseline
            case .noFollowUp: return noFollowUp
            case .notRelevant: return notRelevant
            }
        }
        set {
            switch reason {
            case .open: open = newValue
            case .noBaseline: noBaseline = newValue
            case .noFollowUp: noFollowUp = newValue
            case .notRelevant: notRelevant = newValue
            }
        }
    }

    public var total: Int { open + noBaseline + noFollowUp + notRelevant }
}

/// The funnel-plot verdict of a group (SPEC §7).
public enum FunnelFlag: String, Sendable, Hashable {
    case highAlarm = "high_alarm", highAlert = "high_alert", within, lowAlert = "low_alert", lowAlarm = "low_alarm"
}
