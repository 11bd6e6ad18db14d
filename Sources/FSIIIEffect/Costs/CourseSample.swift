/// One evaluable course as the cost-effectiveness comparison sees it
/// (SPEC §8): its cost and its effect.
package struct CourseSample: Sendable, Hashable {
    /// Course cost in kr: the sum of the citizen's cost rows dated within
    /// the course (`CourseCosts.cost`).
    package var cost: Double
    /// Course effect in points: the course `meanChange` (SPEC §6),
    /// positive is improvement.
    package var effect: Double

    package init(cost: Double, effect: Double) {
        self.cost = cost
        self.effect = effect
    }
}
