/// Count, mean and sample standard deviation of values, and the Student t
/// confidence interval of their mean (SPEC §7).
public struct MeanSummary: Sendable, Hashable {
    /// N, the number of values.
    public var count: Int
    /// x̄ = Σxᵢ / N.
    public var mean: Double
    /// s = √(Σ(xᵢ − x̄)² / (N − 1)), the sample standard deviation
    /// (numpy's `std(ddof=1)`); nil when N < 2.
    public var standardDeviation: Double?

    /// The summary of `values`, or nil when there are none.
    ///
    /// The sum is compensated (Neumaier, A. (1974), ZAMM 54(1), 39–51), so
    /// the mean is correctly rounded but for pathological inputs. The
    /// variance is the corrected two-pass formula
    /// (Σdᵢ² − (Σdᵢ)²/N)/(N − 1), dᵢ = xᵢ − x̄ (Chan, Golub & LeVeque (1983),
    /// "Algorithms for computing the sample variance", The American
    /// Statistician 37(3), 242–247), which has no cancellation of large sums.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        let mean = Self.compensatedSum(values) / n
        self.count = values.count
        self.mean = mean
        if values.count < 2 {
            self.standardDeviation = nil
        } else {
            var squares = 0.0, deviations = 0.0
            for value in values {
                let deviation = value - mean
                squares += deviation * deviation
                deviations += deviation
            }
            let variance = (squares - deviations * deviations / n) / (n - 1)
            self.standardDeviation = max(0, variance).squareRoot()
        }
    }

    /// x̄ ± t(1 − α/2, N − 1)·s/√N, α = 1 − level: the two-sided Student t
    /// interval of the mean at confidence `level` (default 0.95, SPEC §7).
    ///
    /// nil when N < 2 or level is not in (0, 1). The quantile is
    /// ``StudentT/quantile(_:degreesOfFreedom:)`` at (1 + level)/2, as
    /// `scipy.stats.t.interval(level, N − 1, x̄, s/√N)` takes it.
    public func tInterval(level: Double = 0.95) -> Interval? {
        guard let s = standardDeviation, level > 0, level < 1 else { return nil }
        let t = StudentT.quantile((1 + level) / 2, degreesOfFreedom: count - 1)
        let halfWidth = t * s / Double(count).squareRoot()
        return Interval(low: mean - halfWidth, high: mean + halfWidth)
    }

    /// Σ values with Neumaier's running compensation for lost low-order bits.
    private static func compensatedSum(_ values: [Double]) -> Double {
        var sum = 0.0, compensation = 0.0
        for value in values {
            let next = sum + value
            if abs(sum) >= abs(value) {
                compensation += (sum - next) + value
            } else {
                compensation += (value - next) + sum
            }
            sum = next
        }
        return sum + compensation
    }
}
