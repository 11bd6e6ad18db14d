import Foundation
import FSIIIEffect
import FSIIIStatistics

/// Makes synthetic, realistic FSIII data, deterministic for a seed: the
/// same spec gives the same bytes on every machine and thread count,
/// because each citizen draws from its own generator seeded by
/// (seed, citizen index).
package struct SampleGenerator: Sendable {
    package let spec: SampleSpec
    let terminology: Terminology
    /// Conditions rehabilitation typically works on, most common first.
    let pool: [ConditionCode]
    /// Team effects on the chance of improvement.
    let teamEffect: [Double]
    /// § 83a interventions (not groups).
    let interventions: [Int]

    package init(_ spec: SampleSpec, terminology: Terminology = .builtIn) {
        self.spec = spec
        self.terminology = terminology
        let names = ["Vaske sig", "Af- og påklædning", "Lave mad", "Lave husligt arbejde", "Indkøb", "Mobilitet og bevægelse",
                     "Gå", "Forflytte sig", "Personlig pleje", "Spise og drikke", "Gå på toilet", "Kropspleje",
                     "Færden i forskellige omgivelser", "Udholdenhed", "Energi og handlekraft", "Hukommelse", "Løfte og bære"]
        pool = names.compactMap { terminology.condition(forToken: $0) }
        var rng = SeededGenerator(seed: spec.seed ^ 0x7EA3_5EED)
        teamEffect = (0..<spec.teamCount).map { t in
            // One clearly weaker and one clearly stronger team, the rest spread.
            if t == 1 { return -0.28 }
            if t == 3 { return 0.22 }
            return (Self.uniform(&rng) - 0.5) * 0.2
        }
        interventions = terminology.rehabilitation.indices.filter { !terminology.rehabilitation[$0].isGroup }
    }

    static func uniform(_ rng: inout SeededGenerator) -> Double { Double(rng.next() >> 11) * 0x1p-53 }

    static func chance(_ p: Double, _ rng: inout SeededGenerator) -> Bool { uniform(&rng) < p }

    static func int(_ range: ClosedRange<Int>, _ rng: inout SeededGenerator) -> Int {
        range.lowerBound + rng.index(below: range.count)
    }

    /// The data of citizen `i`.
    package func citizen(_ i: Int) -> SampleCitizen {
        var rng = SeededGenerator(seed: spec.seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(i) &* 0xD1B5_4A32_D192_ED03)
        // Age 62–99, most 75–90.
        let age = min(99, max(62, Int((78 + 8 * normal(&rng)).rounded())))
        let refYear = spec.lastDay.civil.year
        let year = refYear - age
        let month = Self.int(1...12, &rng)
        let dayOfMonth = Self.int(1...Day.daysIn(month: month, year: year), &rng)
        let birth = Day(year: year, month: month, day: dayOfMonth)!
        let serial = Self.int(0...2999, &rng) // 7th digit 0–2: born in the 1900s
        let id = Day.pad(dayOfMonth, 2) + Day.pad(month, 2) + Day.pad(year % 100, 2) + "-" + Day.pad(serial, 4)
        let team = i % spec.teamCount
        let municipality = team % SampleNames.municipalities.count
        var c = SampleCitizen(index: i, id: id, birth: birth, team: team, municipality: municipality)

        // One course, sometimes two.
        let span = spec.lastDay - spec.firstDay
        let courses = Self.chance(0.12, &rng) ? 2 : 1
        var starts: [Day] = []
        for _ in 0..<courses {
            starts.append(spec.firstDay + Self.int(60...max(61, span - 40), &rng))
        }
        starts.sort()
        var previousEnd: Day?
        for (k, start0) in starts.enumerated() {
            var start = start0
            if let p = previousEnd, start <= p + 30 { start = p + 31 + Self.int(0...60, &rng) }
            if start > spec.lastDay - 20 { continue }
            let length = Self.int(56...84, &rng)
            var end: Day? = start + length - 1
            if end! > spec.lastDay - 10 || Self.chance(0.02, &rng) { end = nil }
            let intervention = interventions.isEmpty ? 0 : interventions[rng.index(below: interventions.count)]
            c.courses.append(SampleCourse(id: "F\(i)-\(k + 1)", start: start, end: end, team: team, intervention: intervention))
            addAssessments(&c, course: c.courses.count - 1, age: age, rng: &rng)
            previousEnd = end ?? spec.lastDay
        }
        if spec.costDetail != .none { addCosts(&c, rng: &rng) }
        return c
    }

    private func normal(_ rng: inout SeededGenerator) -> Double {
        // Box–Muller.
        let u1 = max(Self.uniform(&rng), 1e-300), u2 = Self.uniform(&rng)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    private func nextID(_ c: SampleCitizen) -> String { "A\(c.index)-\(c.assessments.count + 1)" }

    private func addAssessments(_ c: inout SampleCitizen, course k: Int, age: Int, rng: inout SeededGenerator) {
        let course = c.courses[k]
        let count = Self.int(2...6, &rng)
        var chosen: [ConditionCode] = []
        while chosen.count < count {
            // Skewed towards the common conditions.
            let u = Self.uniform(&rng)
            let pick = pool[min(pool.count - 1, Int(u * u * Double(pool.count)))]
            if !chosen.contains(pick) { chosen.append(pick) }
        }
        let effect = teamEffect[c.team]
        for condition in chosen {
            // Older history, sometimes.
            if Self.chance(0.25, &rng) {
                let d = course.start - Self.int(90...300, &rng)
                if d >= spec.firstDay { append(&c, day: d, condition: condition, level: UInt8(Self.int(1...3, &rng)), goal: nil, rng: &rng) }
            }
            // Baseline: mostly shortly before the start, some just after, a few too early.
            let u = Self.uniform(&rng)
            let baselineDay = u < 0.82 ? course.start - Self.int(0...25, &rng) : u < 0.95 ? course.start + Self.int(1...12, &rng) : course.start - Self.int(35...60, &rng)
            var baseline = UInt8([1, 2, 2, 2, 3, 3, 3, 4][rng.index(below: 8)])
            if Self.chance(0.03, &rng) { baseline = 9 }
            var goal: UInt8?
            if baseline != 9 && Self.chance(0.6, &rng) { goal = UInt8(max(0, Int(baseline) - Self.int(0...2, &rng))) }
            append(&c, day: baselineDay, condition: condition, level: baseline, goal: goal, rng: &rng)
            guard let end = course.end else { continue }
            if Self.chance(0.2, &rng) {
                let mid = course.start + (end - course.start) / 2
                if mid > baselineDay { append(&c, day: mid, condition: condition, level: baseline == 9 ? 9 : UInt8(max(0, Int(baseline) - Self.int(0...1, &rng))), goal: nil, rng: &rng) }
            }
            if Self.chance(0.03, &rng) { continue } // no follow-up
            var level = baseline
            if baseline != 9 {
                let pImprove = max(0.05, min(0.9, 0.42 + effect - 0.006 * Double(age - 80) + 0.05 * Double(Int(baseline) - 2)))
                let v = Self.uniform(&rng)
                if v < pImprove && baseline > 0 {
                    level = baseline - UInt8(min(Int(baseline), Self.chance(0.22, &rng) ? 2 : 1))
                } else if v > 0.92 && baseline < 4 {
                    level = baseline + 1
                }
            }
            let followDay = Self.chance(0.8, &rng) ? end - Self.int(0...7, &rng) : end + Self.int(1...12, &rng)
            if followDay <= baselineDay || followDay > spec.lastDay { continue }
            append(&c, day: followDay, condition: condition, level: level, goal: nil, rng: &rng,
                   resolvedIfZero: spec.badRows)
        }
    }

    private func append(_ c: inout SampleCitizen, day: Day, condition: ConditionCode, level: UInt8, goal: UInt8?,
                        rng: inout SeededGenerator, resolvedIfZero: Bool = false) {
        // The same citizen, condition and day twice would supersede; keep days unique per condition.
        if c.assessments.contains(where: { $0.condition == condition && $0.day == day && $0.status != .enteredInError }) { return }
        var a = SampleAssessment(day: day, condition: condition, level: level, goal: goal, id: nextID(c), style: UInt32(truncatingIfNeeded: rng.next()))
        if resolvedIfZero && level == 0 && Self.chance(0.4, &rng) { a.status = .resolved }
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

    /// Home care before, during and after each course: visits of personal
    /// care and practical help, fewer after an improvement.
    private func addCosts(_ c: inout SampleCitizen, rng: inout SeededGenerator) {
        for course in c.courses {
            let from = max(spec.firstDay, course.start - 100)
            let end = course.end ?? spec.lastDay
            let to = min(spec.lastDay, end + 100)
            let baseMinutes = Double(Self.int(20...70, &rng))
            // How much the course reduced help afterwards (follows the course's improvement).
            let improvement = improvementShare(c, course: course)
            var day = from
            while day <= to {
                let weekly = spec.costDetail == .weekly
                let during = day >= course.start && day <= end
                let after = day > end
                let factor = after ? max(0.3, 1.0 - 0.6 * improvement) : 1.0
                if during {
                    let minutes = Int((baseMinutes * 0.8 * (weekly ? 5 : 1)).rounded())
                    c.costs.append(SampleCost(day: day, minutes: minutes, service: 2))
                } else if weekly || Self.chance(0.6, &rng) {
                    let minutes = Int((baseMinutes * factor * (weekly ? 5.5 : 1) * (0.8 + 0.4 * Self.uniform(&rng))).rounded())
                    c.costs.append(SampleCost(day: day, minutes: max(5, minutes), service: 0))
                    if day.weekday == 2 && !weekly {
                        c.costs.append(SampleCost(day: day, minutes: 60, service: 1))
                    }
                }
                day = day + (weekly ? 7 : 1)
            }
        }
    }

    private func improvementShare(_ c: SampleCitizen, course: SampleCourse) -> Double {
        guard let end = course.end else { return 0 }
        var before: [ConditionCode: UInt8] = [:], after: [ConditionCode: UInt8] = [:]
        for a in c.assessments where a.status != .enteredInError && a.defect == nil && a.level != 9 {
            if a.day <= course.start + 12 && a.day >= course.start - 30 { before[a.condition] = a.level }
            if a.day > course.start + 12 && a.day <= end + 14 { after[a.condition] = a.level }
        }
        var sum = 0, base = 0
        for (k, b) in before { if let f = after[k] { sum += Int(b) - Int(f); base += Int(b) } }
        return base > 0 ? max(0, Double(sum) / Double(base)) : 0
    }
}
