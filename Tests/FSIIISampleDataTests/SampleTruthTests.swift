import Foundation
import Testing
@testable import FSIIISampleData
@testable import FSIIIEffect

/// `fsiii generate` plants a known answer (SampleGenerator's model): read
/// back through the library's own course evaluation, the courses' mean
/// change is the planted effect plus the natural recovery plus the
/// regression to the mean of a baseline taken at an observed low point,
/// and pseudo-courses of citizens without a course show the natural
/// recovery alone. Three seeds of 1,000 citizens (about 250 evaluable
/// courses and 370 pseudo-courses each).
@Suite("Generated data plant a known course effect")
struct SampleTruthTests {
    static let seeds: [UInt64] = [1, 2, 3]

    static func data(effect: Double = 0.30) throws -> [GeneratedData] {
        try seeds.map { try GeneratedData(GeneratedData.spec(citizens: 1000, seed: $0, effect: effect, natural: 0.20)) }
    }

    /// The default data sets, made once for the tests that share them.
    static let planted = Result { try data() }

    /// The natural recovery the model gives over `span` days from a low point.
    static func natural(_ span: Double, _ natural: Double = 0.20) -> Double { natural * span / Double(SampleSpec.naturalSpanDays) }

    @Test("courses referred at a low point: observed mean change = effect 0.30 + natural 0.20 + the referral's regression to the mean")
    func courses() throws {
        var all: [GeneratedData.CourseSplit] = []
        for d in try Self.planted.get() {
            let courses = d.courses
            #expect(courses.count > 150, "seed \(d.generator.spec.seed): \(courses.count) evaluable courses")
            all += courses
        }
        // Most courses follow a real drop; the rest an observed worsening
        // that is mostly assessment noise.
        let low = all.filter(\.atDropVisit)
        #expect(Double(low.count) / Double(all.count) > 0.6)
        // The planted part: the effect times the team multiples, whose mean is 1.
        let planted = meanAndError(low.map(\.planted))
        #expect(abs(planted.mean - 0.30) < 0.02, "planted \(planted)")
        // The latent change less the planted part is the natural recovery
        // over the course's span (±3 standard errors).
        let natural = meanAndError(low.map { $0.latent - $0.planted - Self.natural($0.span) })
        #expect(abs(natural.mean) < 3 * natural.error + 0.02, "natural part off by \(natural)")
        // The observed change less the latent change is the baseline noise
        // the referral selected: its first-order prediction β(1 − p)σ²/n,
        // within 3 standard errors and 0.04 for the approximation.
        let rtm = meanAndError(low.map { $0.observed - $0.latent - $0.expectedRTM })
        let predicted = meanAndError(low.map(\.expectedRTM)).mean
        #expect(predicted > 0.05 && predicted < 0.3, "predicted RTM \(predicted)")
        #expect(abs(rtm.mean) < 3 * rtm.error + 0.04, "RTM part off by \(rtm)")
        // So the naive mean change, the library's meanChange, is the sum.
        let observed = meanAndError(low.map { $0.observed - 0.30 - Self.natural($0.span) - $0.expectedRTM })
        #expect(abs(observed.mean) < 3 * observed.error + 0.05, "observed − (effect + natural + RTM) = \(observed)")
        // The naive figure overstates the effect by far.
        #expect(meanAndError(all.map(\.observed)).mean > 0.45)
    }

    @Test("pseudo-courses of citizens without a course from a post-drop visit show natural recovery only; from an observed low point also RTM")
    func pseudoCourses() throws {
        var post: [GeneratedData.PseudoCourse] = [], low: [GeneratedData.PseudoCourse] = []
        for d in try Self.planted.get() {
            post += d.pseudoCourses { c, days in c.drops.compactMap { drop in days.firstIndex { (7...28).contains($0.day - drop) } } }
            low += d.pseudoCourses { _, days in
                days.indices.filter { i in
                    guard i > 0, days[i].day - days[i - 1].day <= 180,
                          let now = Self.meanLevel(days[i].levels), let before = Self.meanLevel(days[i - 1].levels) else { return false }
                    return now - before >= 0.5
                }
            }
        }
        #expect(post.count > 600 && low.count > 600, "\(post.count) post-drop, \(low.count) low-point pseudo-courses")
        // Chosen by the drop, not by what was observed: no RTM.
        let natural = meanAndError(post.map { $0.observed - Self.natural($0.span) })
        #expect(abs(natural.mean) < 3 * natural.error + 0.02, "post-drop pseudo-courses off natural by \(natural)")
        let noise = meanAndError(post.map { $0.observed - $0.latent })
        #expect(abs(noise.mean) < 3 * noise.error, "noise part \(noise)")
        // Chosen at an observed worsening of half a level: the index's noise regresses.
        let rtm = meanAndError(low.map { $0.observed - $0.latent })
        #expect(rtm.mean > 0.1, "RTM at observed low points \(rtm)")
    }

    @Test("--effect 0 plants no effect: courses referred at a low point change by natural + RTM only")
    func noEffect() throws {
        var low: [GeneratedData.CourseSplit] = []
        for d in try Self.data(effect: 0) {
            #expect(d.lives.allSatisfy { $0.citizen.courses.allSatisfy { $0.truth.fullEffect == 0 } })
            low += d.courses.filter(\.atDropVisit)
        }
        #expect(low.allSatisfy { $0.planted == 0 })
        let observed = meanAndError(low.map { $0.observed - Self.natural($0.span) - $0.expectedRTM })
        #expect(abs(observed.mean) < 3 * observed.error + 0.05, "observed − (natural + RTM) = \(observed)")
    }

    @Test("courses are followed after their end: assessments near 3, 6 and 12 months for many, the rest censored by the data's end or leaving care")
    func followedAfterTheEnd() throws {
        for d in try Self.planted.get() {
            let last = d.generator.spec.lastDay
            var followed = [0, 0, 0], censored = [0, 0, 0], evaluable = 0
            for r in d.evaluation.results where r.isEvaluable {
                guard let end = d.dataset.courses[r.course].end else { continue }
                evaluable += 1
                let days = d.occasions(ofDatasetCitizen: Int(d.dataset.courses[r.course].citizen)).map(\.day)
                for (k, months) in [3, 6, 12].enumerated() {
                    let horizon = end + Int((Double(months) * 30.4375).rounded())
                    if horizon + 45 > last { censored[k] += 1 } else if days.contains(where: { abs($0 - horizon) <= 45 }) { followed[k] += 1 }
                }
            }
            for k in 0..<3 {
                #expect(Double(followed[k]) > 0.4 * Double(evaluable - censored[k]), "seed \(d.generator.spec.seed), horizon \(k): \(followed[k]) of \(evaluable - censored[k]) not censored")
                #expect(censored[k] > 0)
            }
            #expect(censored[2] > censored[0], "more censored at 12 months than at 3")
        }
    }

    static func meanLevel(_ levels: [UInt8: UInt8]) -> Double? {
        let v = levels.values.filter { $0 <= 4 }
        return v.isEmpty ? nil : Double(v.reduce(0) { $0 + Int($1) }) / Double(v.count)
    }
}
