import Foundation
import FSIIIStatistics

/// The funnel of mean change (issue 21): a continuous indicator. Each
/// group's mean change ȳᵢ against its number of courses nᵢ, with limits
/// around the overall mean θ₀ (the total's mean change) at
/// θ₀ ± z·σ/√nᵢ, σ the standard deviation of all courses' change
/// (Spiegelhalter, D. J. (2005), "Funnel plots for comparing institutional
/// performance", Statistics in Medicine 24(8), 1185–1202, §3.2 and §4).
///
/// The overdispersion choice is `--funnel`'s:
/// - `phi`: zᵢ = (ȳᵢ − θ₀)/(σ/√nᵢ), winsorised at the 10th and 90th
///   percentiles (type 7), φ = mean(z²); limits θ₀ ± z·√φ′·σ/√nᵢ,
///   φ′ = max(φ, 1) (multiplicative, §4.1).
/// - `random`: the same φ, τ² = max(0, (nφ − (n − 1))/(Σwᵢ − Σwᵢ²/Σwᵢ)),
///   wᵢ = nᵢ/σ² (DerSimonian–Laird; 0 when nφ < n − 1); limits
///   θ₀ ± z·√(σ²/nᵢ + τ²) (additive, §4.2). No transform: the change is
///   already on a continuous scale, so `--funnel-transform` does not apply.
/// - `none`: θ₀ ± z·σ/√nᵢ.
/// `--limits exact` concerns Poisson counts and does not apply here.
public struct MeanChangeFunnel: Sendable, Hashable {
    /// One group's point and limits.
    public struct Point: Sendable, Hashable {
        public let group: String
        /// Its position in the report's `groups`.
        public let index: Int
        /// nᵢ, the group's courses (units).
        public let courses: Int
        public let meanChange: Double
        /// (ȳᵢ − θ₀)/(σ/√nᵢ), before overdispersion.
        public let z: Double
        public let limit95: Interval
        public let limit998: Interval
        public let flag: FunnelFlag
        /// Suppressed (SPEC §10): in φ and τ², never shown.
        public let suppressed: Bool
    }

    public let method: FunnelOptions.Method
    /// θ₀, the overall mean change.
    public let target: Double
    /// σ, the standard deviation of all courses' change.
    public let sigma: Double
    public let phi: Double
    public let tauSquared: Double
    /// The groups in the figure, in the report's order (suppressed ones too,
    /// as in the O/E funnel's φ; the outputs leave those out).
    public private(set) var points: [Point]
    /// Why a figure is as it is (σ = 0, one group); nil otherwise.
    public let note: String?

    /// The funnel of `groups` around `total`, or nil when there is no
    /// overall mean or no group with a mean change.
    ///
    /// Edges: σ = 0 (every course changed alike) or undefined (one course) has no spread to compare
    /// against: every group is within, φ = 1 and τ² = 0, with a note; a
    /// single group has φ from its own z but τ² = 0 (no between-group
    /// variance from one group), with a note.
    package static func make(groups: [GroupFigures], total: GroupFigures, method: FunnelOptions.Method) -> MeanChangeFunnel? {
        guard let target = total.meanChange else { return nil }
        let indices = groups.indices.filter { groups[$0].courses > 0 && groups[$0].meanChange != nil }
        let members = indices.map { groups[$0] }
        guard !members.isEmpty else { return nil }
        let sigma = total.changeSD ?? 0
        guard sigma > 0 else {
            let points = zip(indices, members).map { i, g in
                Point(group: g.group, index: i, courses: g.courses, meanChange: g.meanChange!, z: 0, limit95: Interval(low: target, high: target),
                      limit998: Interval(low: target, high: target), flag: .within, suppressed: g.suppressed)
            }
            return MeanChangeFunnel(method: method, target: target, sigma: 0, phi: 1, tauSquared: 0, points: points,
                                    note: total.changeSD == nil ? "fewer than two courses: no spread (σ) to compare the groups against"
                                        : "all courses changed alike (σ = 0): no spread to compare the groups against")
        }
        let z = members.map { ($0.meanChange! - target) / (sigma / Double($0.courses).squareRoot()) }
        let phi = method == .none ? 1 : Funnel.overdispersion(z)
        var tau2 = 0.0
        let n = Double(members.count)
        if method == .random, members.count >= 2, n * phi >= n - 1 {
            let w = members.map { Double($0.courses) / (sigma * sigma) }
            let sw = w.reduce(0, +), sw2 = w.reduce(0) { $0 + $1 * $1 }
            if sw - sw2 / sw > 0 { tau2 = max(0, (n * phi - (n - 1)) / (sw - sw2 / sw)) }
        }
        let note = members.count < 2 && method == .random ? "one group: no between-group variance (τ² = 0)" : nil
        let base = MeanChangeFunnel(method: method, target: target, sigma: sigma, phi: phi, tauSquared: tau2, points: [], note: note)
        var funnel = base
        funnel.points = zip(indices, z).map { i, zi in
            let g = groups[i], y = g.meanChange!, n = Double(g.courses)
            let l95 = base.limits(courses: n, z: Funnel.z95), l998 = base.limits(courses: n, z: Funnel.z998)
            let flag: FunnelFlag = y > l998.high ? .highAlarm : y > l95.high ? .highAlert : y < l998.low ? .lowAlarm : y < l95.low ? .lowAlert : .within
            return Point(group: g.group, index: i, courses: g.courses, meanChange: y, z: zi, limit95: l95, limit998: l998, flag: flag, suppressed: g.suppressed)
        }
        return funnel
    }

    /// The 95 % or 99.8 % limits (z = `Funnel.z95` or `z998`) at n > 0 courses: every group's own, and the drawn curves.
    public func limits(courses n: Double, z: Double) -> Interval {
        guard sigma > 0, n > 0 else { return Interval(low: target, high: target) }
        let s2 = sigma * sigma / n
        let s: Double
        switch method {
        case .phi: s = (s2 * max(phi, 1)).squareRoot()
        case .random: s = (s2 + tauSquared).squareRoot()
        case .none: s = s2.squareRoot()
        }
        return Interval(low: target - z * s, high: target + z * s)
    }
}
