/// The options of the cost-effectiveness comparison (SPEC §8, §11):
/// `--reference`, `--wtp`, `--bootstrap`, `--seed`, `--ci`.
public struct CostComparisonOptions: Sendable, Hashable {
    /// Whether to compare at all. Off by default: with "all other courses"
    /// as reference the bootstrap costs B × (groups × courses) draws, seconds
    /// for a municipality but minutes for a whole country's history, so the
    /// CLI turns it on with `--compare` or any comparison option.
    public var enabled = false
    /// The reference group R; nil compares each group with all other courses.
    public var reference: String?
    /// λ, the willingness to pay in kr per point of improvement, for INMB.
    public var wtp = 10_000.0
    /// B, the bootstrap replicates; 0 turns the bootstrap off.
    public var bootstrap = 2000
    /// S, the seed of ``CostBootstrap``.
    public var seed: UInt64 = 1
    /// How the bootstrap's 95 % intervals are read (`--ci`): percentile
    /// (the default) or BCa.
    public var intervalMethod: IntervalMethod = .percentile

    /// The defaults: off, all other courses as reference, λ = 10,000 kr, B = 2000, S = 1.
    public init() {}
}

/// How a bootstrap interval is read from the replicates (`--ci`).
public enum IntervalMethod: String, Sendable, Hashable, CaseIterable {
    /// The 2.5 and 97.5 percentiles (type 7) of the replicates.
    case percentile
    /// Bias-corrected and accelerated (``BootstrapSummary``, Efron 1987),
    /// with the acceleration from a leave-one-course-out jackknife.
    case bca
}
