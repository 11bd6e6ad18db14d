/// How concentrated a total is over the units that carry it (SPEC §12):
/// the share of the largest units, the Gini coefficient and the Lorenz
/// curve. Domain: non-negative amounts, such as each citizen's home-care
/// cost; every function takes them sorted in ascending order
/// (`x_(1) ≤ … ≤ x_(N)`), so one sort serves all of them.
public enum Concentration {
    /// k = ⌈P/100 · N⌉, the number of units in the top P %, in integer
    /// arithmetic (so 5 % of 100 is 5, not 6 after rounding): `(P·N + 99) / 100`.
    /// 0 when N = 0.
    public static func topCount(percent: Int, of n: Int) -> Int {
        precondition(percent >= 0 && n >= 0, "percent and n are counts")
        return (percent * n + 99) / 100
    }

    /// The share of the sum carried by the k = ⌈P/100 · N⌉ largest values:
    /// `Σ_{i > N−k} x_(i) / Σ x`. Ties at the k-th value do not change it.
    /// nil when Σx = 0 (no total to share) or N = 0.
    public static func topShare(ascending x: [Double], percent: Int) -> Double? {
        let total = sum(x)
        guard !x.isEmpty, total != 0 else { return nil }
        let k = min(topCount(percent: percent, of: x.count), x.count)
        var top = 0.0
        for v in x[(x.count - k)...] { top += v }
        return top / total
    }

    /// Gini coefficient without small-sample correction:
    /// `G = Σ_i (2i − N − 1) · x_(i) / (N · Σx)`, i = 1…N over the ascending
    /// values. 0 = all equal, (N − 1)/N = one unit carries everything. 0 when
    /// Σx = 0 or N ≤ 1.
    public static func gini(ascending x: [Double]) -> Double {
        let n = x.count
        let total = sum(x)
        guard n > 1, total != 0 else { return 0 }
        var weighted = 0.0
        for (i, v) in x.enumerated() { weighted += Double(2 * (i + 1) - n - 1) * v }
        return weighted / (Double(n) * total)
    }

    /// The Lorenz curve: points `(i/N, Σ_{j≤i} x_(j) / Σx)` at
    /// `i = ⌊j·N/s⌋` for j = 0…s, with s = min(`steps`, N) — so every point
    /// when N ≤ `steps`, and always (0, 0) and (1, 1). Empty when N = 0 or
    /// Σx = 0 (no shares to draw).
    ///
    /// `minimumStep` (the small-cell limit, SPEC §10) coarsens the curve so
    /// that consecutive points are at least that many units apart:
    /// s = min(`steps`, ⌊N / minimumStep⌋); empty when not even one step fits.
    public static func lorenz(ascending x: [Double], steps: Int = 20, minimumStep: Int = 1) -> [(population: Double, share: Double)] {
        let n = x.count
        let total = sum(x)
        let s = min(steps, n / max(minimumStep, 1))
        guard n > 0, total != 0, s >= 1 else { return [] }
        var points: [(population: Double, share: Double)] = [(0, 0)]
        points.reserveCapacity(s + 1)
        var running = 0.0, i = 0
        for j in 1...s {
            let upTo = j * n / s
            while i < upTo { running += x[i]; i += 1 }
            points.append((Double(upTo) / Double(n), j == s ? 1 : running / total))
        }
        return points
    }

    /// Σx, summed in the order given (ascending: the same sum every function here divides by).
    public static func sum(_ x: [Double]) -> Double {
        var s = 0.0
        for v in x { s += v }
        return s
    }
}
