/// The bias-corrected and accelerated (BCa) bootstrap interval (Efron, B.
/// (1987), "Better bootstrap confidence intervals", JASA 82(397),
/// 171–185; Efron & Tibshirani (1993), *An Introduction to the Bootstrap*,
/// §14.3), with the acceleration from the jackknife.
///
/// From the estimate θ̂, the B bootstrap replicates θ*_b and the n
/// leave-one-out estimates θ₍ᵢ₎ with mean θ̄₍·₎:
///
///     z₀ = Φ⁻¹(#{θ*_b < θ̂} / B)                         bias correction
///     a  = Σ (θ̄₍·₎ − θ₍ᵢ₎)³ / (6 [Σ (θ̄₍·₎ − θ₍ᵢ₎)²]^{3/2})   acceleration
///     α₁ = Φ(z₀ + (z₀ + z_{α/2}) / (1 − a(z₀ + z_{α/2})))
///     α₂ = Φ(z₀ + (z₀ + z_{1−α/2}) / (1 − a(z₀ + z_{1−α/2})))
///
/// and the interval is the α₁ and α₂ quantiles of the replicates. The
/// house rule for those quantiles is type 7 (``Percentile``); R's
/// `boot::boot.ci(type = "bca")` instead interpolates between the order
/// statistics at (B + 1)α on the normal-quantile scale (`norm.inter`),
/// available as ``QuantileRule/normalInterpolation`` to reproduce it.
///
/// The jackknife deviations are centred on θ̄₍·₎ as in Efron & Tibshirani
/// (1993, eq. 14.15). boot's `empinf(type = "jack")` centres them on θ̂
/// instead, lᵢ = (n − 1)(θ̂ − θ₍ᵢ₎) (Davison, A. C. & Hinkley, D. V.
/// (1997), *Bootstrap Methods and their Application*, Cambridge, §2.7.3):
/// the same for a linear statistic such as the mean, different by O(1/n)
/// otherwise; ``AccelerationCentre/estimate`` reproduces boot. (boot.ci's
/// default, without `L`, uses regression estimates of the influence values,
/// a third variant not offered here.)
public struct BCaInterval: Sendable, Hashable {
    /// How the α₁, α₂ quantiles of the replicates are taken.
    public enum QuantileRule: Sendable, Hashable {
        /// Type 7 (``Percentile/linear(sorted:_:)``), the project's rule.
        case type7
        /// boot's `norm.inter`: order statistic k = ⌊(B + 1)α⌋ and k + 1,
        /// interpolated in Φ⁻¹ between k/(B + 1) and (k + 1)/(B + 1); the
        /// extreme order statistic when k = 0 or k = B.
        case normalInterpolation
    }

    /// What the jackknife deviations in a are taken from.
    public enum AccelerationCentre: Sendable, Hashable {
        /// θ̄₍·₎, the mean of the leave-one-out estimates (Efron & Tibshirani).
        case jackknifeMean
        /// θ̂, the full-sample estimate (R's boot, `empinf(type = "jack")`).
        case estimate
    }

    /// The interval.
    public var interval: Interval
    /// z₀, the bias correction.
    public var biasCorrection: Double
    /// a, the acceleration.
    public var acceleration: Double
    /// α₁ and α₂, the quantile levels the interval is read at.
    public var adjustedLevels: (low: Double, high: Double)

    public static func == (x: Self, y: Self) -> Bool {
        x.interval == y.interval && x.biasCorrection == y.biasCorrection && x.acceleration == y.acceleration
            && x.adjustedLevels == y.adjustedLevels
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(interval)
        hasher.combine(biasCorrection)
        hasher.combine(acceleration)
    }

    /// The BCa interval at `level` (default 95 %).
    ///
    /// - Returns: nil when there are no replicates, fewer than two
    ///   leave-one-out estimates, a value is not finite, every replicate
    ///   lies on one side of θ̂ (z₀ infinite), the jackknife values are all
    ///   equal (a undefined) or `level` is not in (0, 1).
    public init?(estimate: Double, replicates: [Double], jackknife: [Double], level: Double = 0.95,
                 quantileRule: QuantileRule = .type7, accelerationCentre: AccelerationCentre = .jackknifeMean) {
        guard !replicates.isEmpty, jackknife.count >= 2, level > 0, level < 1, estimate.isFinite,
              replicates.allSatisfy(\.isFinite), jackknife.allSatisfy(\.isFinite) else { return nil }
        let below = replicates.filter { $0 < estimate }.count
        let z0 = Normal.quantile(Double(below) / Double(replicates.count))
        guard z0.isFinite else { return nil }
        let centre = accelerationCentre == .estimate ? estimate : jackknife.reduce(0, +) / Double(jackknife.count)
        var squares = 0.0, cubes = 0.0
        for value in jackknife {
            let d = centre - value
            squares += d * d
            cubes += d * d * d
        }
        guard squares > 0 else { return nil }
        let a = cubes / (6 * squares * squares.squareRoot())
        func adjusted(_ z: Double) -> Double { Normal.cdf(z0 + (z0 + z) / (1 - a * (z0 + z))) }
        let alpha1 = adjusted(Normal.quantile((1 - level) / 2))
        let alpha2 = adjusted(Normal.quantile((1 + level) / 2))
        let sorted = replicates.sorted()
        func quantile(_ p: Double) -> Double {
            switch quantileRule {
            case .type7: Percentile.linear(sorted: sorted, min(1, max(0, p)))
            case .normalInterpolation: Self.normalInterpolation(sorted, p)
            }
        }
        interval = Interval(low: quantile(alpha1), high: quantile(alpha2))
        biasCorrection = z0
        acceleration = a
        adjustedLevels = (alpha1, alpha2)
    }

    /// boot's `norm.inter` for one level α on ascending `t` (1-based order
    /// statistics t₍ₖ₎ in the formula): rk = (B + 1)α, k = ⌊rk⌋; rk whole:
    /// t₍ₖ₎; k = 0: t₍₁₎; k = B: t₍B₎; else
    /// t₍ₖ₎ + (Φ⁻¹(α) − Φ⁻¹(k/(B+1)))/(Φ⁻¹((k+1)/(B+1)) − Φ⁻¹(k/(B+1)))·(t₍ₖ₊₁₎ − t₍ₖ₎).
    static func normalInterpolation(_ t: [Double], _ alpha: Double) -> Double {
        let b = t.count
        let rk = Double(b + 1) * alpha
        let k = Int(rk.rounded(.towardZero))
        if k <= 0 { return t[0] }
        if k >= b { return t[b - 1] }
        if Double(k) == rk { return t[k - 1] }
        let z = Normal.quantile(alpha)
        let zk = Normal.quantile(Double(k) / Double(b + 1)), zk1 = Normal.quantile(Double(k + 1) / Double(b + 1))
        return t[k - 1] + (z - zk) / (zk1 - zk) * (t[k] - t[k - 1])
    }
}
