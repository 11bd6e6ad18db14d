/// The points of one funnel limit curve as a chart draws it, shared by
/// the O/E funnel (other funnel choices than SPEC §7's) and the funnel of
/// mean change: from where the curve enters the plot to `xHigh`, sampled
/// evenly in √x (where a funnel's limits change fastest near 0), each
/// value clamped to the plot's range.
enum FunnelCurve {
    /// `samples` points (x, limit(x)) clamped to [low, high]; the entry is
    /// found by bisection on √x between √xHigh/1000 and √xHigh: the first √x
    /// whose upper limit is at most `high` (or lower limit at least
    /// `enterLow`, by default `low`). Empty when the curve is outside even at
    /// `xHigh`.
    static func sample(to xHigh: Double, low: Double, high: Double, enterLow: Double? = nil, upper: Bool, samples n: Int,
                       _ limit: (Double) -> Double) -> [(x: Double, y: Double)] {
        let floor = enterLow ?? low
        let s1 = xHigh.squareRoot()
        func inside(_ s: Double) -> Bool {
            let v = limit(s * s)
            return upper ? v <= high : v >= floor
        }
        var lo = s1 / 1000, hi = s1
        guard inside(hi) else { return [] }
        if !inside(lo) {
            for _ in 0..<60 {
                let mid = (lo + hi) / 2
                if inside(mid) { hi = mid } else { lo = mid }
            }
            lo = hi
        }
        return (0..<n).map { k in
            let s = lo + (s1 - lo) * Double(k) / Double(n - 1)
            return (s * s, min(high, max(low, limit(s * s))))
        }
    }
}
