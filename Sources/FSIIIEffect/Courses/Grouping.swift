/// What courses are grouped by (`--by`, SPEC §7).
public enum Grouping: String, Sendable, CaseIterable {
    case team, municipality, month, area, condition

    /// Whether the unit is the compared condition pair rather than the
    /// course (`area`, `condition`): case mix and costs do not apply.
    public var groupsPairs: Bool { self == .area || self == .condition }
}
