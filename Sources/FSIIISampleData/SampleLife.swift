import Foundation
import FSIIIEffect
import FSIIIStatistics

/// One citizen's history in time order: the assessment occasions, the
/// referrals and the courses they lead to (see `SampleGenerator`).
///
/// Every occasion observes each condition twice with the same random
/// draws: in the factual world (with the courses' effect) and in the
/// counterfactual one (without). Every decision — referral, course dates,
/// goals — reads the factual levels only, so the two worlds share their
/// schedule, courses and draws and differ only in the levels (and hours)
/// the courses changed.
struct SampleLife {
    static let notAssessed: UInt8 = 0xFF

    /// One assessment of all the citizen's conditions on one day.
    struct Occasion {
        var day: Day
        /// Observed levels in the factual world, per condition (9: not
        /// relevant, `notAssessed`: skipped); decisions read these.
        var factual: [UInt8]
        /// The levels written: the factual ones, or the counterfactual ones.
        var world: [UInt8]
        var goals: [UInt8?]
        /// A course's own follow-up assessment.
        var isFollowUp = false

        /// The mean observed level (levels 0–4 only); nil when none.
        var factualMean: Double? {
            var s = 0, n = 0
            for l in factual where l <= 4 { s += Int(l); n += 1 }
            return n > 0 ? Double(s) / Double(n) : nil
        }
    }

    let generator: SampleGenerator
    let citizen: SampleCitizen
    let conditions: [ConditionCode]
    var latent: SampleLatent
    var occasions: [Occasion] = []
    var courses: [SampleCourse] = []

    init(generator: SampleGenerator, citizen: SampleCitizen, conditions: [ConditionCode], latent: SampleLatent) {
        self.generator = generator
        self.citizen = citizen
        self.conditions = conditions
        self.latent = latent
    }

    var spec: SampleSpec { generator.spec }

    typealias G = SampleGenerator

    /// The gap between two reassessments: distributed as the span from a
    /// referral to its course's follow-up (start 0–25 days later, 56–84
    /// days long, follow-up up to a week before or 12 days after the end;
    /// 55–120 days, about 78 on average), so that citizens without a
    /// course offer pseudo-courses as long as the courses.
    static func gap(_ rng: inout SeededGenerator) -> Int {
        G.int(0...25, &rng) + G.int(56...84, &rng) - 1 + (G.chance(0.8, &rng) ? -G.int(0...7, &rng) : G.int(1...12, &rng))
    }

    /// Reassessments from `first`, every `gap` days whatever the levels
    /// (the visitation calendar: assessment dates never depend on how a
    /// citizen fares, so a comparison window is as likely to hold a drop
    /// for a citizen without a course as for one with), and 7–28 days
    /// after each drop (the visitation after a discharge: the low point),
    /// from which the calendar goes on; while a course runs, its team
    /// assesses at its baseline, midway and at its end, and the rhythm
    /// resumes from its follow-up (a drop during a course shows there).
    /// A citizen who accepts courses (`acceptsCourses`, drawn
    /// independently of everything else) may be referred at any
    /// reassessment, with the probability `referralLogit` gives from what
    /// the data shows there; again a year after a course's end at the earliest.
    mutating func run(from first: Day, acceptsCourses: Bool, rng: inout SeededGenerator) {
        let stop = citizen.inCare.upperBound
        var day = first
        while day <= stop {
            assess(day, rng: &rng)
            var next = day + Self.gap(&rng)
            var referred = false
            // A course recorded as open blocks any later one (KL Gateway would merge the two).
            let eligible = acceptsCourses && (courses.last.map { $0.end != nil && day > $0.truth.plannedEnd + 365 } ?? true)
            if eligible {
                let u = G.uniform(&rng)
                if let eta = referralLogit(at: occasions.count - 1), u < 1 / (1 + exp(-eta)),
                   let resume = refer(at: occasions.count - 1, drop: latent.drops.last { $0.day <= day }?.day, rng: &rng) {
                    next = resume
                    referred = true
                }
            }
            // The visitation after a drop before the next calendar date
            // (a drop during a course shows at its follow-up instead).
            if !referred, let drop = latent.drops.first(where: { $0.day >= day }) {
                let visit = drop.day + G.int(7...28, &rng)
                if visit > day && visit < next { next = visit }
            }
            day = next
        }
    }

    /// The referral's coefficients (`referralLogit`).
    static let referralIntercept = -5.5, referralLevelSlope = 1.0, referralChangeSlope = 6.0, referralNoChange = -1.0

    /// Log-odds of a referral at occasion `o`, from what the data shows
    /// there (selection on observables):
    ///
    ///     η = −5.5 + 1.0·(b̄ − 2) + 6.0·Δ (or −1.0 when there is no Δ)
    ///         + age band (< 67: +0.4, 67–79: +0.2, 80–89: 0, ≥ 90: −0.6)
    ///         + municipality (Nord 0, Syd −0.3, Øst +0.3) − 0.5 in July–September
    ///
    /// b̄ the mean observed level, Δ its change since the latest earlier
    /// occasion within 180 days (positive: worse). A visible worsening
    /// after a drop (Δ ≈ 1) makes a referral likely (about 0.7); a calm
    /// assessment is unlikely to lead to one (below 0.01 at Δ = 0) unless
    /// its noise looks like a worsening — the regression to the mean of
    /// those referred. Nil when nothing was observed.
    func referralLogit(at o: Int) -> Double? {
        let occasion = occasions[o]
        guard let mean = occasion.factualMean else { return nil }
        let previous = occasions[..<o].last { $0.day >= occasion.day - 180 && $0.factualMean != nil }
        var eta = Self.referralIntercept + Self.referralLevelSlope * (mean - 2)
        if let before = previous?.factualMean { eta += Self.referralChangeSlope * (mean - before) } else { eta += Self.referralNoChange }
        let age = Self.age(birth: citizen.birth, on: occasion.day)
        eta += age < 67 ? 0.4 : age < 80 ? 0.2 : age < 90 ? 0 : -0.6
        eta += [0, -0.3, 0.3][citizen.municipality % 3]
        if (7...9).contains(occasion.day.civil.month) { eta -= 0.5 }
        return eta
    }

    /// Whole years from `birth` to `day` (as the report's age bands count them).
    static func age(birth: Day, on day: Day) -> Int {
        let b = birth.civil, t = day.civil
        return t.year - b.year - ((t.month, t.day) < (b.month, b.day) ? 1 : 0)
    }

    /// Schedules a course after the referral at occasion `o`: 95 %
    /// starting within 25 days (the referral assessment is its baseline),
    /// 2 % 31–45 days later with a baseline just after the start, 3 %
    /// 35–60 days later with none; 8–12 weeks long; a midway assessment
    /// in a fifth, a follow-up at the end in nearly all. Returns the day of
    /// the next reassessment; nil when the data ends too soon for a course.
    mutating func refer(at o: Int, drop: Day?, rng: inout SeededGenerator) -> Day? {
        let r = occasions[o].day
        let kind = G.uniform(&rng)
        let start = kind < 0.95 ? r + G.int(0...25, &rng) : kind < 0.97 ? r + G.int(31...45, &rng) : r + G.int(35...60, &rng)
        let newBaseline: Day? = kind >= 0.95 && kind < 0.97 ? start + G.int(1...12, &rng) : nil
        let length = G.int(56...84, &rng)
        let neverClosed = G.chance(0.02, &rng)
        let withMidway = G.chance(0.2, &rng)
        let followUpOffset = G.chance(0.8, &rng) ? -G.int(0...7, &rng) : G.int(1...12, &rng)
        let noFollowUp = G.chance(0.04, &rng)
        let interventions = generator.interventions
        let intervention = interventions.isEmpty ? 0 : interventions[rng.index(below: interventions.count)]
        let stop = citizen.inCare.upperBound
        guard start <= spec.lastDay - 20, start <= stop else { return nil }

        let plannedEnd = start + length - 1
        var end: Day? = plannedEnd
        if plannedEnd > spec.lastDay - 10 || neverClosed {
            end = nil  // still running when the data was taken, or never closed
        } else if plannedEnd > stop {
            end = stop  // the citizen died or moved during the course
        }
        let effectStart = newBaseline ?? start
        var truth = SampleTruth(referralDay: r, dropDay: drop, fullEffect: spec.effect * generator.teamEffect[citizen.team],
                                effectStart: effectStart, effectFull: effectStart + max(1, (plannedEnd - effectStart) * 2 / 3),
                                plannedEnd: plannedEnd, halfLifeDays: spec.decayMonths > 0 ? spec.decayMonths * 30.4375 : nil)
        latent.courses.append(truth)

        var baselineDay = r
        if let b = newBaseline {
            if b <= stop {
                assess(b, rng: &rng)
                baselineDay = b
                setGoals(occasions.count - 1, rng: &rng)
            }
        } else {
            setGoals(o, rng: &rng)
        }
        let midway = start + (plannedEnd - start) / 2
        if withMidway && midway > baselineDay && midway <= stop { assess(midway, rng: &rng) }
        let followUp = plannedEnd + followUpOffset
        if !noFollowUp && followUp > baselineDay && followUp <= stop {
            assess(followUp, rng: &rng)
            occasions[occasions.count - 1].isFollowUp = true
            truth.followUpDay = followUp
            latent.courses[latent.courses.count - 1].followUpDay = followUp
        }
        courses.append(SampleCourse(id: "F\(citizen.index)-\(courses.count + 1)", start: start, end: end, team: citizen.team,
                                    intervention: intervention, truth: truth))
        // The rhythm resumes after the follow-up (and after the follow-up
        // window of SPEC §5, so no later assessment takes its place).
        return max(truth.followUpDay ?? plannedEnd, plannedEnd + 14) + Self.gap(&rng)
    }

    /// Goals on a course baseline: for 60 % of its conditions, 0–2 levels better.
    mutating func setGoals(_ o: Int, rng: inout SeededGenerator) {
        for k in conditions.indices {
            let u = G.uniform(&rng), better = G.int(0...2, &rng)
            let level = occasions[o].factual[k]
            if level <= 4 && u < 0.6 { occasions[o].goals[k] = UInt8(max(0, Int(level) - better)) }
        }
    }

    /// Assesses every condition on `day` (3 % skipped, 2 % not relevant).
    mutating func assess(_ day: Day, rng: inout SeededGenerator) {
        var factual = [UInt8](), world = [UInt8]()
        factual.reserveCapacity(conditions.count)
        world.reserveCapacity(conditions.count)
        for k in conditions.indices {
            let skipped = G.chance(0.03, &rng), notRelevant = G.chance(0.02, &rng)
            let z = G.normal(&rng), u = G.uniform(&rng)
            let f = SampleLatent.observe(latent.level(k, on: day, treated: true), z: z, u: u)
            let w = spec.counterfactual ? SampleLatent.observe(latent.level(k, on: day, treated: false), z: z, u: u) : f
            factual.append(skipped ? Self.notAssessed : notRelevant ? 9 : f)
            world.append(skipped ? Self.notAssessed : notRelevant ? 9 : w)
        }
        occasions.append(Occasion(day: day, factual: factual, world: world, goals: [UInt8?](repeating: nil, count: conditions.count)))
    }
}

