/// Where a comparison of group A with reference R falls on the
/// cost-effectiveness plane (ΔE across, ΔC up), SPEC §8; after Drummond,
/// M. F. et al. (2015), *Methods for the Economic Evaluation of Health Care
/// Programmes*, 4th ed., Oxford University Press, ch. 4 and 11.
public enum CostEffectivenessQuadrant: String, Sendable, Hashable, CaseIterable {
    /// ΔC ≤ 0 and ΔE ≥ 0, not both zero: A costs no more and achieves no
    /// less (south-east quadrant and its axes).
    case dominant
    /// ΔC ≥ 0 and ΔE ≤ 0, not both zero: A costs no less and achieves no
    /// more (north-west quadrant and its axes).
    case dominated
    /// ΔE > 0 and ΔC > 0: a trade-off, more effective and more costly
    /// (north-east); the ICER is the price of a point gained.
    case moreEffectiveMoreCostly = "more_effective_more_costly"
    /// ΔE < 0 and ΔC < 0: a trade-off, less effective and less costly
    /// (south-west); the ICER is the saving per point given up.
    case lessEffectiveLessCostly = "less_effective_less_costly"
    /// ΔC = 0 and ΔE = 0: no difference.
    case noDifference = "no_difference"

    /// The quadrant of (ΔC, ΔE). NaN differences (never produced from
    /// non-empty groups of finite figures) fall through to `.noDifference`.
    package init(deltaCost dc: Double, deltaEffect de: Double) {
        if dc == 0 && de == 0 {
            self = .noDifference
        } else if dc <= 0 && de >= 0 {
            self = .dominant
        } else if dc >= 0 && de <= 0 {
            self = .dominated
        } else if de > 0 && dc > 0 {
            self = .moreEffectiveMoreCostly
        } else if de < 0 && dc < 0 {
            self = .lessEffectiveLessCostly
        } else {
            self = .noDifference
        }
    }

    /// Whether the group is in a trade-off quadrant (the ICER then matters).
    package var isTradeOff: Bool { self == .moreEffectiveMoreCostly || self == .lessEffectiveLessCostly }
}
