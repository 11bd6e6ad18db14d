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

/// Counts of not-evaluable courses by reason (SPEC §5).
public struct NotEvaluableCounts: Sendable, Hashable {
    public var open = 0
    public var noBaseline = 0
    public var noFollowUp = 0
    public var notRelevant = 0

    public init() {}

    public subscript(reason: NotEvaluableReason) -> Int {
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
