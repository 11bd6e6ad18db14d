/// The willingness-to-pay values λ (kr per point) at which the
/// acceptability curve is drawn (`--wtp-grid FROM:TO:STEP`, SPEC §8).
package struct WTPGrid: Sendable, Hashable {
    package var from: Double
    package var to: Double
    package var step: Double

    /// At most this many points, so a slip of the step cannot exhaust memory.
    package static let maximumCount = 100_001

    /// A grid with 0 ≤ from ≤ to, step > 0 and at most `maximumCount`
    /// points; nil otherwise.
    package init?(from: Double, to: Double, step: Double) {
        guard from.isFinite, to.isFinite, step.isFinite, from >= 0, from <= to, step > 0,
              (to - from) / step < Double(Self.maximumCount - 1) + 0.5 else { return nil }
        self.from = from
        self.to = to
        self.step = step
    }

    /// `FROM:TO:STEP`, e.g. `0:50000:2500`; a decimal comma is accepted.
    package init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            .map { Double(String($0.filter { !$0.isWhitespace }.map { $0 == "," ? "." : $0 })) }
        guard parts.count == 3, let from = parts[0], let to = parts[1], let step = parts[2] else { return nil }
        self.init(from: from, to: to, step: step)
    }

    /// The default of `--wtp-grid`: 0 to 50 000 kr per point in steps of 2 500.
    package static let standard = WTPGrid(uncheckedFrom: 0, to: 50_000, step: 2_500)

    private init(uncheckedFrom from: Double, to: Double, step: Double) {
        self.from = from
        self.to = to
        self.step = step
    }

    /// λᵢ = from + i·step for i = 0, 1, … while λᵢ ≤ to (with a relative
    /// slack of 10⁻⁹ steps, so `0:1:0.1` ends at 1); computed from i, not
    /// accumulated, so the values carry no summed rounding error.
    package var values: [Double] {
        let last = Int(((to - from) / step + 1e-9).rounded(.down))
        return (0...last).map { from + Double($0) * step }
    }
}
