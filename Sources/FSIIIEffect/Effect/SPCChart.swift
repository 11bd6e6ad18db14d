import FSIIIStatistics

/// `--spc`: the control chart of the improved share by month (issue 21).
public enum SPCChart: String, Sendable, Hashable, CaseIterable {
    /// The Shewhart p-chart (SPEC's trend chart; the default).
    case p
    /// Laney's p′ chart: the p-chart's limits widened (or narrowed) by σ_z,
    /// the month-to-month variation of the z-scores, so that large monthly
    /// counts do not make every month an alarm (``ProportionChart``).
    case laney

    /// The statistics' method.
    public var method: ProportionChart.Method {
        switch self {
        case .p: return .p
        case .laney: return .laney
        }
    }
}
