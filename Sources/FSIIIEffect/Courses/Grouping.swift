/// What courses are grouped by (`--by`, SPEC §7).
public enum Grouping: String, Sendable, CaseIterable {
    case team, municipality, month, area, condition

    /// Whether the unit is the compared condition pair rather than the
    /// course (`area`, `condition`): case mix and costs do not apply.
    public var groupsPairs: Bool { self == .area || self == .condition }
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
