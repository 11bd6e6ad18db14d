import Foundation
import FSIIIEffect
import FSIIIStatistics

/// Home care that follows the level: every week in care, a citizen gets
///
///     hours = min(21, m · 3 · max(0, L̄ − 0.9) · max(0, 1 + 0.2·z))
///
/// L̄ the latent mean level of the week (with the courses' effect, or
/// without it in the counterfactual world), m the citizen's own multiple
/// (log-normal, σ = 0.25: family help, the visitator), z a weekly standard
/// normal draw; at most 21 hours a week (3 a day: more help than that
/// means a nursing home, and a week's row stays one visit within a day in
/// the KL Gateway form). A citizen whose level falls below 0.9 gets no help: they
/// have left home care while it stays there. While a course runs, the help
/// is delivered as rehabilitation (§ 83a).
///
/// Rows, `SampleSpec.costDetail`: `weekly` one row a week (dated on the
/// week's first day) with all its hours, as personal care, or practical
/// help when that is all (an hour or less); `daily` the visits: practical
/// help (up to an hour a week) as two hours every other week, the rest as
/// personal care every day. Both come from the same weekly hours, drawn
/// from their own random stream, so neither the detail nor the world
/// changes any other row.
extension SampleGenerator {
    static let hoursPerPoint = 3.0
    static let hoursThreshold = 0.9
    static let maximumHoursPerWeek = 21.0

    func addCosts(_ c: inout SampleCitizen, latent: SampleLatent, multiplier: Double, rng: inout SeededGenerator) {
        let treated = !spec.counterfactual
        var week = 0
        var day = c.inCare.lowerBound
        while day <= c.inCare.upperBound {
            let x = latent.meanLevel(on: day + 3, treated: treated)
            let z = Self.normal(&rng)
            let hours = min(Self.maximumHoursPerWeek, multiplier * Self.hoursPerPoint * max(0, x - Self.hoursThreshold) * max(0, 1 + 0.2 * z))
            let practical = min(hours, 1.0), personal = hours - practical
            switch spec.costDetail {
            case .daily:
                if week % 2 == 0 {
                    let minutes = Int((2 * practical * 60).rounded())
                    if minutes >= 10 { c.costs.append(SampleCost(day: day, minutes: minutes, service: 1)) }
                }
                let minutes = Int((personal * 60 / 7).rounded())
                if minutes >= 5 {
                    for d in 0..<7 where day + d <= c.inCare.upperBound {
                        c.costs.append(SampleCost(day: day + d, minutes: minutes, service: Self.inCourse(c, day + d) ? 2 : 0))
                    }
                }
            case .weekly:
                // One row a week: the main service of the week.
                let minutes = Int((hours * 60).rounded())
                let service = Self.inCourse(c, day) ? 2 : personal * 60 >= 10 ? 0 : 1
                if minutes >= 10 { c.costs.append(SampleCost(day: day, minutes: minutes, service: service)) }
            case .none:
                break
            }
            week += 1
            day = day + 7
        }
    }

    /// Whether a course of the citizen runs on `day` (to its real end, also when recorded as open).
    static func inCourse(_ c: SampleCitizen, _ day: Day) -> Bool {
        c.courses.contains { $0.start <= day && day <= ($0.end ?? $0.truth.plannedEnd) }
    }
}
