/// A closed interval [low, high] of real numbers, such as a confidence
/// interval. The bounds are stored as given; makers of intervals keep
/// low ≤ high.
public struct Interval: Sendable, Hashable {
    /// The lower bound.
    public var low: Double
    /// The upper bound.
    public var high: Double

    /// The interval [low, high].
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}
