import Foundation
import FSIIIEffect
import FSIIIStatistics

/// Makes synthetic, realistic FSIII data whose causal answer is known,
/// deterministic for a seed: the same spec gives the same bytes on every
/// machine and thread count, because each citizen draws from its own
/// generator seeded by (seed, citizen index).
///
/// The model (docs/METHODS.md, "The sample data's model", has it with its
/// numbers; every figure is on the `meanChange` scale of SPEC §6: points
/// per condition, improvement positive):
/// - Every citizen is in home care with 2–6 conditions whose latent level
///   (`SampleLatent`: continuous, higher is worse) drifts slowly worse
///   (about 0.08 a year). They are reassessed on all their conditions
///   every 55–120 days (the visitation calendar, whatever the levels), so
///   citizens without a course give repeat pairs within 120 days and
///   pseudo-courses of 8–12 weeks.
/// - Function drops (hospital stay, fall; about 0.7 a year, more with age)
///   worsen every condition by a lasting part (0.05–0.25, per condition
///   loading 0.6–1.4) and a recoverable part (0.6–1.0, the same for every
///   condition) that heals — with or without a course — at the rate
///   `healingRate` sets so that the *net* expected latent improvement from
///   a low point (healing less drift less new drops) is
///   `SampleSpec.natural` per `SampleSpec.naturalSpanDays` (80 days, the
///   mean span from a course's baseline to its follow-up). A drop is
///   followed by a reassessment 7–28 days later (the visitation after a
///   discharge): the low point.
/// - An assessment observes the latent level with noise
///   (`SampleLatent.observe`: normal, σ = 0.3, then stochastic rounding,
///   so the observed level is unbiased for the latent one).
/// - A citizen who accepts courses (60 %, drawn independently of all else)
///   may be referred at any reassessment, with the probability
///   `SampleLife.referralLogit` gives from what the data shows there: the
///   observed mean level, its change since the previous assessment within
///   180 days (a drop makes it large), the age band, the municipality and
///   the season. So selection is on observables and at observed low
///   points: the baseline's noise is on the bad side on average, and the
///   naive change holds regression to the mean (RTM) as well.
/// - A course adds its planted effect (`SampleTruth`, `SampleSpec.effect`
///   times its team's multiple, mean 1) on top of the natural recovery: in
///   full by two thirds of the course, halving every
///   `SampleSpec.decayMonths` after the course's follow-up window. So a
///   course's expected `meanChange` is effect + natural − drift + RTM, a
///   pseudo-course's from a post-drop reassessment natural − drift (+ RTM
///   when its index is chosen at an observed low point). Assessments go on
///   after the course (the calendar resumes), so the levels 3, 6 and 12
///   months after its end are observed for those still in care when the
///   data ends (the others are censored).
/// - Home-care hours follow the latent mean level (`addCosts`).
package struct SampleGenerator: Sendable {
    package let spec: SampleSpec
    let terminology: Terminology
    /// Conditions rehabilitation typically works on, most common first.
    let pool: [ConditionCode]
    /// Maps the legacy conditions after a municipality's switch (`SampleSpec.switchDate`).
    let crosswalk: Crosswalk
    /// Each team's multiple of the planted course effect: team 1 clearly
    /// weaker (0.35 before scaling), team 3 clearly stronger (1.65), the
    /// rest spread over 0.85–1.15; scaled so that the teams of each
    /// municipality average 1.
    let teamEffect: [Double]
    /// § 83a interventions (not groups).
    let interventions: [Int]

    package init(_ spec: SampleSpec, terminology: Terminology = .builtIn) {
        self.spec = spec
        self.terminology = terminology
        let names = ["Vaske sig", "Af- og påklædning", "Lave mad", "Lave husligt arbejde", "Indkøb", "Mobilitet og bevægelse",
                     "Gå", "Forflytte sig", "Personlig pleje", "Spise og drikke", "Gå på toilet", "Kropspleje",
                     "Færden i forskellige omgivelser", "Udholdenhed", "Energi og handlekraft", "Hukommelse", "Løfte og bære"]
        // With a switch: the legacy model only before it (the crosswalk maps it after).
        pool = names.compactMap { terminology.condition(forToken: $0) }
            .filter { spec.switchDate == nil || terminology.conditions[$0.index].legacyKey != nil }
        crosswalk = Crosswalk.derived(for: terminology)
        var rng = SeededGenerator(seed: spec.seed ^ 0x7EA3_5EED)
        let raw = (0..<spec.teamCount).map { t -> Double in
            let spread = 1 + (Self.uniform(&rng) - 0.5) * 0.3
            return t == 1 ? 0.35 : t == 3 ? 1.65 : spread
        }
        // Scaled to mean 1 within each municipality: referrals differ by
        // municipality, not by team, so the mean over courses is 1 too.
        let municipalities = SampleNames.municipalities.count
        teamEffect = raw.indices.map { t in
            let peers = raw.indices.filter { $0 % municipalities == t % municipalities }
            return raw[t] * Double(peers.count) / peers.reduce(0) { $0 + raw[$1] }
        }
        interventions = terminology.rehabilitation.indices.filter { !terminology.rehabilitation[$0].isGroup }
    }

    static func uniform(_ rng: inout SeededGenerator) -> Double { Double(rng.next() >> 11) * 0x1p-53 }

    static func chance(_ p: Double, _ rng: inout SeededGenerator) -> Bool { uniform(&rng) < p }

    static func int(_ range: ClosedRange<Int>, _ rng: inout SeededGenerator) -> Int {
        range.lowerBound + rng.index(below: range.count)
    }

    /// A standard normal draw (Box–Muller, one of the pair).
    static func normal(_ rng: inout SeededGenerator) -> Double {
        let u1 = max(uniform(&rng), 1e-300), u2 = uniform(&rng)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// An exponential draw with mean `mean`.
    static func exponential(mean: Double, _ rng: inout SeededGenerator) -> Double {
        -mean * log(1 - uniform(&rng))
    }

    /// The data of citizen `i`.
    package func citizen(_ i: Int) -> SampleCitizen { simulate(i).citizen }

    /// The data of citizen `i` and the history behind it (latent levels,
    /// assessment occasions in both worlds), for tests.
    func simulate(_ i: Int) -> (citizen: SampleCitizen, life: SampleLife) {
        var rng = SeededGenerator(seed: spec.seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(i) &* 0xD1B5_4A32_D192_ED03)
        var costRng = SeededGenerator(seed: rng.next())
        // Age 62–99 on the last day, most 75–90.
        let age = min(99, max(62, Int((78 + 8 * Self.normal(&rng)).rounded())))
        let refYear = spec.lastDay.civil.year
        let year = refYear - age
        let month = Self.int(1...12, &rng)
        let dayOfMonth = Self.int(1...Day.daysIn(month: month, year: year), &rng)
        let birth = Day(year: year, month: month, day: dayOfMonth) ?? spec.firstDay
        let serial = Self.int(0...2999, &rng) // 7th digit 0–2: born in the 1900s; last digit odd: a man
        let id = Day.pad(dayOfMonth, 2) + Day.pad(month, 2) + Day.pad(year % 100, 2) + "-" + Day.pad(serial, 4)
        let team = i % spec.teamCount
        let municipality = team % SampleNames.municipalities.count

        // In care from the first day, or entering later; leaving (death,
        // nursing home) at 12 % a year.
        let span = spec.lastDay - spec.firstDay
        let entrant = Self.chance(0.35, &rng)
        let careStart = entrant ? spec.firstDay + Self.int(0...max(0, span - 120), &rng) : spec.firstDay
        let firstAssessment = entrant ? careStart + Self.int(0...14, &rng) : spec.firstDay + Self.int(0...150, &rng)
        let stay = Int(Self.exponential(mean: 365.25 / 0.12, &rng).rounded(.down))
        let careEnd = min(spec.lastDay, firstAssessment + min(stay, span))
        var c = SampleCitizen(index: i, id: id, birth: birth, team: team, municipality: municipality, inCare: careStart...careEnd)

        let (conditions, latent) = makeLatent(age: age, female: serial % 2 == 0, origin: careStart, firstAssessment: firstAssessment,
                                              until: careEnd, rng: &rng)
        let multiplier = exp(0.25 * Self.normal(&rng))
        let acceptsCourses = Self.chance(0.6, &rng)
        var life = SampleLife(generator: self, citizen: c, conditions: conditions, latent: latent)
        life.run(from: firstAssessment, acceptsCourses: acceptsCourses, rng: &rng)
        c.drops = life.latent.drops.map(\.day)
        c.acceptsCourses = acceptsCourses
        c.courses = life.courses
        for occasion in life.occasions { addRows(&c, occasion, conditions: life.conditions, rng: &rng) }
        if spec.costDetail != .none { addCosts(&c, latent: life.latent, multiplier: multiplier, rng: &costRng) }
        return (c, life)
    }

    /// The citizen's conditions, levels, drift and drops.
    private func makeLatent(age: Int, female: Bool, origin: Day, firstAssessment: Day, until end: Day,
                            rng: inout SeededGenerator) -> (conditions: [ConditionCode], latent: SampleLatent) {
        let count = Self.int(2...6, &rng)
        var chosen: [ConditionCode] = []
        while chosen.count < count {
            // Skewed towards the common conditions.
            let u = Self.uniform(&rng)
            let pick = pool[min(pool.count - 1, Int(u * u * Double(pool.count)))]
            if !chosen.contains(pick) { chosen.append(pick) }
        }
        let general = min(2.3, max(0.95, 1.55 + 0.3 * Self.normal(&rng) + 0.012 * Double(age - 80) + (female ? 0.05 : 0)))
        let base = chosen.map { _ in general + min(0.4, max(-0.4, 0.2 * Self.normal(&rng))) }
        let drift = max(-0.02, 0.08 + 0.05 * Self.normal(&rng)) / 365.25
        // Drops: a Poisson process from a month after the first assessment.
        let perYear = min(1.2, max(0.3, 0.7 + 0.02 * Double(age - 80)))
        var latent = SampleLatent(base: base, drift: drift, origin: origin,
                                  rate: Self.healingRate(natural: spec.natural, drift: drift, dropsPerDay: perYear / 365.25))
        var day = Double(firstAssessment.rawValue) + 30
        while true {
            day += Self.exponential(mean: 365.25 / perYear, &rng)
            guard day < Double(end.rawValue) else { break }
            let dropDay = Day(rawValue: Int32(day))
            latent.addDrop(SampleLatent.Drop(day: dropDay,
                                             loading: base.map { _ in 0.6 + 0.8 * Self.uniform(&rng) },
                                             permanent: 0.05 + 0.2 * Self.uniform(&rng), recoverable: 0.8 + 0.4 * Self.uniform(&rng)))
        }
        return (chosen, latent)
    }

    /// The mean lasting part of a drop (its loadings average 1) and its
    /// mean recoverable part.
    static let meanDropPermanent = 0.15, meanDropRecoverable = 1.0

    /// The healing rate (points a day) that makes `natural` the *net*
    /// expected latent improvement over `SampleSpec.naturalSpanDays` from
    /// a low point, while the drop heals:
    ///
    ///     rate = natural / 80 + drift + λ · (0.15 + 1.0)
    ///
    /// over a span s the citizen heals rate · s, drifts drift · s worse and
    /// suffers λ · s new drops of 1.15 points on average (a new drop adds
    /// to the healing state but not to its speed), so the expected change
    /// is natural · s / 80 — for a citizen with a course as for one
    /// without. A drop's recoverable part (0.6–1.0) heals in 100–200 days
    /// at natural 0.2; with a large `natural` it may heal before a
    /// follow-up, and the natural part falls short of `natural`.
    static func healingRate(natural: Double, drift: Double, dropsPerDay: Double) -> Double {
        natural / Double(SampleSpec.naturalSpanDays) + drift + dropsPerDay * (meanDropPermanent + meanDropRecoverable)
    }

    private func nextID(_ c: SampleCitizen) -> String { "A\(c.index)-\(c.assessments.count + 1)" }

    /// The rows of one assessment occasion, in the world `spec` asks for.
    private func addRows(_ c: inout SampleCitizen, _ o: SampleLife.Occasion, conditions: [ConditionCode], rng: inout SeededGenerator) {
        if let switchDay = switchDay(municipality: c.municipality), o.day >= switchDay {
            addSimplifiedRows(&c, o, conditions: conditions, rng: &rng)
            return
        }
        for (k, condition) in conditions.enumerated() where o.world[k] != SampleLife.notAssessed {
            append(&c, day: o.day, condition: condition, level: o.world[k], goal: o.goals[k], rng: &rng,
                   resolvedIfZero: spec.badRows && o.isFollowUp)
        }
    }

    /// The day municipality `m` switches to the simplified model; nil when it does not.
    package func switchDay(municipality m: Int) -> Day? {
        guard let first = spec.switchDate else { return nil }
        let day = first + m * spec.switchStaggerDays
        return day <= spec.lastDay ? day : nil
    }

    /// An occasion after the switch: each simplified condition rated as the
    /// most limited of its legacy parts (9s left out, all 9 → 9), one step
    /// off with probability `switchNoise`; the goal likewise without noise.
    private func addSimplifiedRows(_ c: inout SampleCitizen, _ o: SampleLife.Occasion, conditions: [ConditionCode], rng: inout SeededGenerator) {
        var targets: [ConditionCode] = []
        var levels: [ConditionCode: [UInt8]] = [:], goals: [ConditionCode: [UInt8]] = [:]
        for (k, condition) in conditions.enumerated() where o.world[k] != SampleLife.notAssessed {
            guard let target = crosswalk.simplified(of: condition) else { continue }
            if levels[target] == nil { targets.append(target) }
            levels[target, default: []].append(o.world[k])
            if let g = o.goals[k] { goals[target, default: []].append(g) }
        }
        for target in targets {
            var level = LevelCombination.max.combine(levels[target] ?? []) ?? 9
            let u = Self.uniform(&rng)
            if level != 9 && u < spec.switchNoise {
                level = u < spec.switchNoise / 2 ? (level == 0 ? 1 : level - 1) : (level == 4 ? 3 : level + 1)
            }
            append(&c, day: o.day, condition: target, level: level, goal: goals[target].flatMap { LevelCombination.max.combine($0) },
                   rng: &rng, resolvedIfZero: spec.badRows && o.isFollowUp)
        }
    }

    /// Appends one assessment, sometimes as a duplicate, an entry in error
    /// or beside an unreadable row. The random draws never depend on the
    /// level, so the factual and the counterfactual world draw alike.
    private func append(_ c: inout SampleCitizen, day: Day, condition: ConditionCode, level: UInt8, goal: UInt8?,
                        rng: inout SeededGenerator, resolvedIfZero: Bool = false) {
        var a = SampleAssessment(day: day, condition: condition, level: level, goal: goal, id: nextID(c), style: UInt32(truncatingIfNeeded: rng.next()))
        let resolved = Self.uniform(&rng)
        if resolvedIfZero && level == 0 && resolved < 0.4 { a.status = .resolved }
        guard spec.badRows else {
            c.assessments.append(a)
            return
        }
        let u = Self.uniform(&rng)
        if u < 0.006 {
            // Recorded twice on the same day: the later row supersedes.
            var first = a
            first.level = level == 9 ? 9 : UInt8(min(4, Int(level) + 1))
            first.id = nextID(c)
            c.assessments.append(first)
            a.id = nextID(c)
            c.assessments.append(a)
        } else if u < 0.009 {
            // Entered in error: the wrong row, then its removal, then the right row.
            var wrong = a
            wrong.level = level == 9 ? 9 : UInt8(min(4, Int(level) + 1))
            wrong.id = nextID(c)
            c.assessments.append(wrong)
            var removal = wrong
            removal.status = .enteredInError
            c.assessments.append(removal)
            a.id = nextID(c)
            c.assessments.append(a)
        } else if u < 0.011 {
            var bad = a
            bad.defect = [.badDate, .unknownCondition, .badLevel, .missingCitizen][Int(a.style >> 20) % 4]
            bad.id = nextID(c)
            c.assessments.append(bad)
            a.id = nextID(c)
            c.assessments.append(a)
        } else {
            c.assessments.append(a)
        }
    }
}
