/// Ranks of values with ties given their average rank.
public enum Ranks {
    /// The 1-based ranks of `values`, each group of equal values getting
    /// the mean of the ranks it spans (the "fractional" or "mid" rank): a
    /// tie over positions i + 1 … j (in ascending order) ranks (i + 1 + j)/2.
    ///
    /// Same as `scipy.stats.rankdata(values, method="average")`, including
    /// its default NaN policy: if any value is NaN, every rank is NaN.
    /// −0.0 and 0.0 tie. O(n log n).
    public static func average(_ values: [Double]) -> [Double] {
        averageWithTies(values).ranks
    }

    /// The average ranks and the tie term Σ(t³ − t) over the groups of t
    /// equal values, which the variance of rank statistics subtracts.
    static func averageWithTies(_ values: [Double]) -> (ranks: [Double], tieTerm: Double) {
        if values.contains(where: \.isNaN) {
            return ([Double](repeating: .nan, count: values.count), .nan)
        }
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieTerm = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = rank }
            let tie = Double(end - start)
            tieTerm += tie * tie * tie - tie
            start = end
        }
        return (ranks, tieTerm)
    }
}
