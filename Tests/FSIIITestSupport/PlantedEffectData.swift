import FSIIIEffect

/// A small synthetic data set whose answer is known (issue 18 §5, until
/// `fsiii generate --effect --natural` exists; the recovery test should
/// switch to that generator then): course citizens referred at worse
/// levels than home-care citizens without a course, two assessments each
/// (index, then 80–100 days later), four conditions at levels 1–4. Every
/// condition improves by one level with probability `natural` without a
/// course and `natural + effect` with one, whatever its level, so the
/// effect on `meanChange` is exactly `effect`, the natural course is
/// `natural`, and the before/after change of the courses is
/// `natural + effect`; the matched comparison must recover `effect`.
package enum PlantedEffectData {
    package static let conditions = ["Vaske sig", "Lave mad", "Gå", "Hukommelse"]

    /// Assessments and courses CSV text.
    package static func files(seed: UInt64, treated: Int = 150, controls: Int = 600, effect: Double = 0.30,
                              natural: Double = 0.20) -> (assessments: String, courses: String) {
        var g = SplitMix(seed)
        var a = "citizen;date;condition;level;team;municipality\n"
        var c = "citizen;start;end;team;municipality\n"
        let origin = Day(year: 2024, month: 1, day: 1)!
        for i in 0..<(treated + controls) {
            let isTreated = i < treated
            let id = isTreated ? "T\(i)" : "C\(i)"
            let team = i % 2 == 0 ? "Team A" : "Team B"
            // Referral at a low point: course citizens start worse.
            let u = g.unit()
            let base = isTreated ? (u < 0.2 ? 2 : u < 0.6 ? 3 : 4) : (u < 0.3 ? 1 : u < 0.6 ? 2 : u < 0.8 ? 3 : 4)
            let index = origin + Int(g.unit() * 80)
            let later = index + 80 + Int(g.unit() * 21)
            let p = natural + (isTreated ? effect : 0)
            for condition in conditions {
                let level = min(4, max(1, base + Int(g.unit() * 3) - 1))
                let follow = g.unit() < p ? level - 1 : level
                a += "\(id);\(index.iso);\(condition);\(level);\(team);K1\n"
                a += "\(id);\(later.iso);\(condition);\(follow);\(team);K1\n"
            }
            if isTreated { c += "\(id);\(index.iso);\(later.iso);\(team);K1\n" }
        }
        return (a, c)
    }

    package static func dataset(seed: UInt64, treated: Int = 150, controls: Int = 600) -> Dataset {
        let f = files(seed: seed, treated: treated, controls: controls)
        return Fixtures.dataset([.init("assessments.csv", .assessments, f.assessments), .init("courses.csv", .courses, f.courses)])
    }

    /// SplitMix64 (Steele, Lea & Flood 2014): a seeded stream for test data.
    struct SplitMix {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// Uniform in [0, 1).
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }
}
