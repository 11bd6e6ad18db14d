/// A control chart of proportions xᵢ/nᵢ with variable subgroup sizes: the
/// Shewhart p-chart or Laney's p′ chart.
///
///     p̄ = Σxᵢ / Σnᵢ,   σ_pᵢ = √(p̄(1 − p̄)/nᵢ)
///     p-chart (Montgomery, *Introduction to Statistical Quality Control*,
///     §7.2, variable sample size):  limits p̄ ± 3·σ_pᵢ
///     p′ chart (Laney, D. B. (2002), "Improved control charts for
///     attributes", Quality Engineering 14(4), 531–537):
///         zᵢ = (pᵢ − p̄)/σ_pᵢ,  σ_z = mean|zᵢ − zᵢ₋₁| / 1.128
///         limits p̄ ± 3·σ_pᵢ·σ_z
///
/// With large subgroups the p-chart's limits shrink towards p̄ while the
/// real month-to-month variation does not; σ_z measures that variation on
/// the z scale (the moving range of an individuals chart, d₂ = 1.128) and
/// widens (σ_z > 1) or narrows (σ_z < 1) the limits accordingly. Limits are
/// clipped to [0, 1], as qicharts2's `qic(chart = "pp")` does. σ_z averages
/// every moving range, as Laney does; qicharts2 by default first drops
/// those above 3.267·MR̄ (Nelson 1982), which turns a single step shift into
/// σ_z = 0 and limits at p̄ (its `options(qic.screenedmr = FALSE)` gives
/// the figures here).
public struct ProportionChart: Sendable, Hashable {
    /// Which chart.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// The Shewhart p-chart (σ_z = 1).
        case p
        /// Laney's p′ chart.
        case laney
    }

    public var method: Method
    /// p̄.
    public var centre: Double
    /// σ_z: 1 for the p-chart; for p′ the moving-range estimate, or 1 when it
    /// cannot be estimated (fewer than two subgroups, or p̄ is 0 or 1), with
    /// `note` saying why.
    public var sigmaZ: Double
    /// Why σ_z fell back to 1; nil when it did not.
    public var note: String?

    /// The chart of `successes[i]` out of `trials[i]`, in time order.
    /// Subgroups with 0 trials are left out. nil when no subgroup has a
    /// trial, when a count is negative, or successes exceed trials.
    public init?(successes: [Int], trials: [Int], method: Method) {
        guard successes.count == trials.count,
              zip(successes, trials).allSatisfy({ $0 >= 0 && $1 >= $0 }) else { return nil }
        let used = zip(successes, trials).filter { $0.1 > 0 }
        let total = used.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        let p = Double(used.reduce(0) { $0 + $1.0 }) / Double(total)
        self.method = method
        centre = p
        sigmaZ = 1
        guard method == .laney else { return }
        guard p > 0, p < 1 else {
            note = "every course has the same outcome (p̄ = \(p == 0 ? 0 : 1)): no variation for σ_z, which is taken as 1"
            return
        }
        guard used.count >= 2 else {
            note = "fewer than two months: no moving range for σ_z, which is taken as 1"
            return
        }
        let z = used.map { (Double($0.0) / Double($0.1) - p) / (p * (1 - p) / Double($0.1)).squareRoot() }
        var sum = 0.0
        for k in 1..<z.count { sum += abs(z[k] - z[k - 1]) }
        sigmaZ = sum / Double(z.count - 1) / 1.128
    }

    /// σ_pᵢ·σ_z at `n` trials.
    public func sigma(trials n: Int) -> Double {
        guard n > 0 else { return 0 }
        return (centre * (1 - centre) / Double(n)).squareRoot() * sigmaZ
    }

    /// p̄ ± 3·σ_pᵢ·σ_z at `n` trials, clipped to [0, 1]; [0, 1] at n = 0.
    public func limits(trials n: Int) -> Interval {
        guard n > 0 else { return Interval(low: 0, high: 1) }
        let half = 3 * sigma(trials: n)
        return Interval(low: max(0, centre - half), high: min(1, centre + half))
    }
}
