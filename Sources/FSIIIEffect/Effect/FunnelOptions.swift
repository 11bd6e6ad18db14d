import Foundation
import FSIIIStatistics

/// How the funnel plot's limits are drawn (issue 21; `--funnel`,
/// `--funnel-transform`, `--limits`). The default is SPEC §7's.
public struct FunnelOptions: Sendable, Hashable {
    /// The overdispersion method.
    public enum Method: String, Sendable, CaseIterable, Hashable {
        /// SPEC §7 (default): multiplicative — the limits widen by √φ when φ > 1
        /// (Spiegelhalter 2005, §4), φ from the winsorised z of the binomial variance.
        case phi
        /// Additive random effects as FunnelPlotR 0.6 does for indirectly
        /// standardised ratios: the ratio transformed (`transform`), z-scores
        /// winsorised at 10 % and 90 %, φ = mean(z²), the DerSimonian–Laird
        /// τ² = max(0, (nφ − (n − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ)) with wᵢ = 1/sᵢ²
        /// (0 when nφ < n − 1), and limits at √(sᵢ² + τ²) (Spiegelhalter,
        /// D. J. (2005), "Handling over-dispersion of performance
        /// indicators", Quality and Safety in Health Care 14(5), 347–351).
        case random
        /// No overdispersion: the plain limits.
        case none
    }

    /// The transform of O/E under `random`: `log` (SHMI: y = log(O/E),
    /// s = 1/√E, limits exp(±z·√(1/E + τ²))) or `sqrt` (FunnelPlotR's CQC
    /// mode: y = √(O/E), s = 1/(2√E), limits 1 ± z·√(s² + τ²)).
    public enum Transform: String, Sendable, CaseIterable, Hashable { case log, sqrt }

    /// The limits' form: SPEC §7's normal approximation `1 ± z·√Σp(1−p)/E`,
    /// or `exact` Poisson limits for O/E at E from chi-square quantiles, as
    /// FunnelPlotR's unadjusted SR limits: low = χ²_{2E}(α/2)/(2E),
    /// high = χ²_{2(E+1)}(1 − α/2)/(2E) (Garwood 1936, with E continuous).
    public enum Limits: String, Sendable, CaseIterable, Hashable { case normal, exact }

    public var method = Method.phi
    public var transform = Transform.log
    public var limits = Limits.normal

    public init(method: Method = .phi, transform: Transform = .log, limits: Limits = .normal) {
        self.method = method
        self.transform = transform
        self.limits = limits
    }
}

/// What the funnel's overdispersion came to, for every output: φ, τ² and
/// the test of overdispersion (n·φ against χ² with n − 1 degrees of
/// freedom, upper tail), with the groups it rests on.
public struct FunnelSummary: Sendable, Hashable {
    public let options: FunnelOptions
    /// φ of the method (SPEC §7's for `phi` and `none`, the transformed z's for `random`).
    public let phi: Double
    /// τ² of `random`; 0 otherwise.
    public let tauSquared: Double
    /// n: the groups with a z value.
    public let groups: Int
    /// n·φ.
    public let chiSquare: Double
    /// P(χ²_{n−1} ≥ n·φ); nil with fewer than two groups.
    public let p: Double?
    /// Groups left out of φ and τ² (0 observed under the log transform, or 0 expected), with the reason.
    public let excluded: Int
    public let note: String?
}

extension Funnel {
    /// Limits and flags of every group under `options`; the summary.
    /// `phi` is SPEC §7's φ (already applied by `EffectAnalysis` for the default).
    static func apply(_ options: FunnelOptions, groups: inout [GroupFigures], phi specPhi: Double) -> FunnelSummary {
        let usable = groups.indices.filter { groups[$0].expected.map { $0 > 0 } ?? false && groups[$0].observed != nil }
        var phi = specPhi, tau2 = 0.0, n = groups.compactMap(\.funnelZ).count, excluded = 0
        var note: String?
        switch options.method {
        case .phi, .none:
            if options.method == .none || options.limits == .exact {
                for i in groups.indices { applyLimits(&groups[i], phi: options.method == .none ? 1 : phi, exact: options.limits == .exact) }
            }
        case .random:
            var z: [Double] = [], weights: [Double] = []
            for i in usable {
                let o = Double(groups[i].observed ?? 0), e = groups[i].expected ?? 0
                switch options.transform {
                case .log:
                    guard o > 0 else { excluded += 1; continue }
                    z.append(e.squareRoot() * Foundation.log(o / e))
                    weights.append(e)
                case .sqrt:
                    z.append(2 * e.squareRoot() * ((o / e).squareRoot() - 1))
                    weights.append(4 * e)
                }
            }
            excluded += groups.count - usable.count
            if excluded > 0 { note = "\(excluded) group(s) without observed or expected improvements left out of φ and τ²" + (options.transform == .log ? " (log of 0)" : "") }
            n = z.count
            phi = z.isEmpty ? 1 : Percentile.winsorized(z, lower: 0.1, upper: 0.9).reduce(0) { $0 + $1 * $1 } / Double(z.count)
            let sw = weights.reduce(0, +), sw2 = weights.reduce(0) { $0 + $1 * $1 }
            if n >= 2, Double(n) * phi >= Double(n - 1), sw > 0, sw - sw2 / sw > 0 {
                tau2 = max(0, (Double(n) * phi - Double(n - 1)) / (sw - sw2 / sw))
            }
            for i in groups.indices { applyRandomLimits(&groups[i], tau2: tau2, transform: options.transform) }
        }
        let chi = Double(n) * phi
        let p = n >= 2 ? 1 - ChiSquare.cdf(chi, degreesOfFreedom: Double(n - 1)) : nil
        if n < 2 && note == nil { note = "fewer than two groups: no test of overdispersion" }
        return FunnelSummary(options: options, phi: phi, tauSquared: tau2, groups: n, chiSquare: chi, p: p, excluded: excluded, note: note)
    }

    /// Limits at the group's E from `√(sᵢ² + τ²)` on the transformed scale, and its flag.
    static func applyRandomLimits(_ g: inout GroupFigures, tau2: Double, transform: FunnelOptions.Transform) {
        guard let e = g.expected, e > 0, let ratio = g.ratio else { return }
        setFlag(&g, ratio: ratio, l95: randomLimits(expected: e, z: z95, tau2: tau2, transform: transform),
                l998: randomLimits(expected: e, z: z998, tau2: tau2, transform: transform))
    }

    /// The `random` limits of O/E at expected count `e` > 0: `log`:
    /// exp(±z·√(1/E + τ²)); `sqrt`: (1 ± z·√(1/(4E) + τ²))², a low end below
    /// 0 on the √ scale is 0 (FunnelPlotR's CQC mode leaves them on the √
    /// scale, unsquared; docs/METHODS.md).
    package static func randomLimits(expected e: Double, z: Double, tau2: Double, transform: FunnelOptions.Transform) -> Interval {
        switch transform {
        case .log:
            let sd = (1 / e + tau2).squareRoot()
            return Interval(low: Foundation.exp(-z * sd), high: Foundation.exp(z * sd))
        case .sqrt:
            let sd = (1 / (4 * e) + tau2).squareRoot()
            let low = max(0, 1 - z * sd)
            return Interval(low: low * low, high: (1 + z * sd) * (1 + z * sd))
        }
    }

    /// The limits of SPEC §7 (`exact: false`) or exact Poisson limits of O/E at E.
    static func applyLimits(_ g: inout GroupFigures, phi: Double, exact: Bool) {
        guard exact else { return applyLimits(&g, phi: phi) }
        guard let e = g.expected, e > 0, let ratio = g.ratio else { return }
        setFlag(&g, ratio: ratio, l95: exactLimits(expected: e, alpha: 0.05, phi: phi), l998: exactLimits(expected: e, alpha: 0.002, phi: phi))
    }

    /// Exact Poisson limits of O/E at expected count `e` > 0 (two-sided
    /// level 1 − α): χ²_{2E}(α/2)/(2E) and χ²_{2(E+1)}(1 − α/2)/(2E), widened
    /// around 1 by √φ when φ > 1 as the normal ones (a low end below 0 is 0).
    package static func exactLimits(expected e: Double, alpha: Double, phi: Double) -> Interval {
        let low = ChiSquare.quantile(alpha / 2, degreesOfFreedom: 2 * e) / 2 / e
        let high = ChiSquare.quantile(1 - alpha / 2, degreesOfFreedom: 2 * (e + 1)) / 2 / e
        let w = phi > 1 ? phi.squareRoot() : 1
        return Interval(low: max(0, 1 - (1 - low) * w), high: 1 + (high - 1) * w)
    }

    static func setFlag(_ g: inout GroupFigures, ratio: Double, l95: Interval, l998: Interval) {
        g.limit95 = l95
        g.limit998 = l998
        if ratio > l998.high { g.funnelFlag = .highAlarm } else if ratio > l95.high { g.funnelFlag = .highAlert } else if ratio < l998.low {
            g.funnelFlag = .lowAlarm
        } else if ratio < l95.low { g.funnelFlag = .lowAlert } else { g.funnelFlag = .within }
    }
}
