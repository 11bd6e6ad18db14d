import Foundation
import FSIIIEffect
import FSIIIStatistics

/// The latent (true, continuous) limitation of one citizen's conditions
/// over time: the model behind the sample data (docs/METHODS.md, "The
/// sample data's model").
///
///     L_k(t) = base_k + drift · (t − origin) + Σ_{drops τ ≤ t} w_k · permanent + H(t)
///              − Σ_courses effect(t)              (only in the factual world)
///
/// Higher is worse (FSIII levels). A drop at τ (hospital stay, fall) adds
/// a permanent part to every condition k, scaled by its loading w_k (mean
/// 1), and a recoverable part to the healing state H, the same for every
/// condition: H heals at `rate` (`SampleGenerator.healingRate`) until it is
/// 0. A drop while an earlier one still heals adds to H, and H heals at
/// the same rate: the natural recovery over a span is rate × span whatever
/// the drops before, for a citizen with a course as for one without. A
/// course subtracts its planted effect (`SampleTruth.effect(on:)`) from
/// every condition alike.
///
/// An assessment observes `clamp(⌊L + σ·z + u⌋, 0, 4)`, z standard normal
/// (assessment noise, σ = `noise`), u uniform on [0, 1): stochastic
/// rounding, so E[observed] = L while L + σz stays inside [0, 4] — effects
/// planted on L appear unbiased on the level scale.
struct SampleLatent: Sendable {
    struct Drop: Sendable {
        var day: Day
        var loading: [Double]
        var permanent: Double
        var recoverable: Double
        /// H just after this drop (set by `addDrop`).
        var healing = 0.0
    }

    /// Each condition's level on `origin`.
    var base: [Double]
    /// Deterioration in points a day.
    var drift: Double
    var origin: Day
    /// Natural recovery in points a day while H > 0.
    var rate: Double
    private(set) var drops: [Drop] = []
    var courses: [SampleTruth] = []

    init(base: [Double], drift: Double, origin: Day, rate: Double) {
        self.base = base
        self.drift = drift
        self.origin = origin
        self.rate = rate
    }

    /// Adds a drop later than every earlier one.
    mutating func addDrop(_ drop: Drop) {
        var d = drop
        d.healing = drop.recoverable + (drops.last.map { healingState($0, on: drop.day) } ?? 0)
        drops.append(d)
    }

    private func healingState(_ d: Drop, on day: Day) -> Double {
        max(0, d.healing - rate * Double(day - d.day))
    }

    /// H on `day`.
    func healing(on day: Day) -> Double {
        guard let d = drops.last(where: { $0.day <= day }) else { return 0 }
        return healingState(d, on: day)
    }

    /// The latent level of condition `k` on `day`, with the courses'
    /// effect (`treated`) or without it.
    func level(_ k: Int, on day: Day, treated: Bool) -> Double {
        var x = base[k] + drift * Double(day - origin) + healing(on: day)
        for d in drops where day >= d.day { x += d.loading[k] * d.permanent }
        if treated { x -= courseEffect(on: day) }
        return x
    }

    /// Standard deviation of the assessment noise, in levels.
    static let noise = 0.3

    /// The mean latent level over the citizen's conditions.
    func meanLevel(on day: Day, treated: Bool) -> Double {
        var s = 0.0
        for k in base.indices { s += level(k, on: day, treated: treated) }
        return s / Double(base.count)
    }

    /// The planted effect of all courses on `day` (points per condition).
    func courseEffect(on day: Day) -> Double {
        var e = 0.0
        for course in courses { e += course.effect(on: day) }
        return e
    }

    /// The observed level of a latent level `x`: noise `z` (standard
    /// normal) and stochastic rounding with `u` uniform on [0, 1).
    static func observe(_ x: Double, z: Double, u: Double) -> UInt8 {
        let v = (x + noise * z + u).rounded(.down)
        return UInt8(min(4, max(0, v)))
    }
}
