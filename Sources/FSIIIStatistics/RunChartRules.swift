import Foundation

/// The Anhøj rules for non-random variation in a run chart (Anhøj, J. &
/// Olesen, A. V. (2014), "Run charts revisited: a simulation study of run
/// chart rules for detection of non-random variation in health care
/// processes", PLoS ONE 9(11), e113825), as R's qicharts2 applies them.
///
/// Points on the centre line (the median unless given) are neither above
/// nor below it and are left out; n is the number of useful points left.
/// A run is a maximal sequence of consecutive useful points on the same
/// side; a crossing is a change of side between consecutive useful points.
///
///     unusually long run:    longest run > round(log₂ n + 3)
///     unusually few crossings: crossings < qbinom(0.05, n − 1, ½)
///
/// Either signals non-random variation (a shift). With n useful points
/// there are at most n − 1 crossings, and under randomness their number is
/// B(n − 1, ½) (Chen, Z. (2010), "A note on the runs test", Model
/// Assisted Statistics and Applications 5, 73–77).
public struct RunChartRules: Sendable, Hashable {
    /// The centre line.
    public var centre: Double
    /// n, the points not on the centre line.
    public var usefulObservations: Int
    /// The length of the longest run.
    public var longestRun: Int
    /// round(log₂ n + 3); a longer run signals.
    public var longestRunLimit: Int
    /// The number of crossings of the centre line.
    public var crossings: Int
    /// qbinom(0.05, n − 1, ½); fewer crossings signal.
    public var crossingsLimit: Int

    /// The rules applied to `values` in time order, around `centre` (the
    /// median of the values when nil). nil when no value is off the centre
    /// line or a value is not finite.
    public init?(_ values: [Double], centre: Double? = nil) {
        guard values.allSatisfy(\.isFinite), let line = centre ?? Percentile.median(values) else { return nil }
        let sides = values.compactMap { $0 > line ? 1 : ($0 < line ? -1 : nil) }
        guard !sides.isEmpty else { return nil }
        var longest = 1, current = 1, crossings = 0
        for k in 1..<max(1, sides.count) {
            if sides[k] == sides[k - 1] {
                current += 1
            } else {
                crossings += 1
                current = 1
            }
            longest = max(longest, current)
        }
        let n = sides.count
        self.centre = line
        usefulObservations = n
        longestRun = longest
        longestRunLimit = Int((log2(Double(n)) + 3).rounded())
        self.crossings = crossings
        crossingsLimit = Binomial.quantile(0.05, trials: n - 1, probability: 0.5)
    }

    /// The longest run exceeds its limit.
    public var runsSignal: Bool { longestRun > longestRunLimit }
    /// The crossings fall short of their limit.
    public var crossingsSignal: Bool { crossings < crossingsLimit }
    /// Either rule signals.
    public var signal: Bool { runsSignal || crossingsSignal }

    /// For each of `values` (the series the rules were made from), whether
    /// it lies in a run longer than `longestRunLimit`: the points a chart
    /// marks as a shift. Points on the centre line are in no run (and do not
    /// break one, as they are left out of the runs).
    public func inLongRun(_ values: [Double]) -> [Bool] {
        var marks = [Bool](repeating: false, count: values.count)
        var side = 0
        var members: [Int] = []
        func close() {
            if members.count > longestRunLimit { for i in members { marks[i] = true } }
            members = []
        }
        for (i, v) in values.enumerated() {
            let s = v > centre ? 1 : (v < centre ? -1 : 0)
            guard s != 0 else { continue }
            if s != side { close(); side = s }
            members.append(i)
        }
        close()
        return marks
    }
}
