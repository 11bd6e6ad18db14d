import Foundation
import Testing
import FSIIIBytes
@testable import FSIIIEffect
import FSIIITestSupport

/// Courses across the FSIII simplification (issue 20): `model_switch`
/// without `--harmonize`, and compared on the simplified conditions with it.
@Suite("Harmonisation across the model switch")
struct HarmonizationTests {
    /// The model-switch files (`Fixtures.modelSwitch`: three citizens, one straddling the switch).
    static let files = Fixtures.modelSwitch

    static func report(harmonize: Bool, combine: LevelCombination = .max) -> EffectReport {
        var o = ReportOptions()
        o.minCell = 0
        if harmonize { o.harmonize = .builtIn }
        o.combine = combine
        return EffectReporter.report(Fixtures.dataset(files), options: o)
    }

    @Test("without --harmonize: the straddling course is model_switch, counted, not no_follow_up")
    func modelSwitchReason() {
        let r = Self.report(harmonize: false)
        #expect(r.courses.map(\.notEvaluable) == [.modelSwitch, nil, nil])
        #expect(r.total.notEvaluable.modelSwitch == 1 && r.total.notEvaluable.noFollowUp == 0 && r.total.notEvaluable.total == 1)
        #expect(r.harmonization == nil)
        // Citizen 2: J2.2 2→1, J3.2 3→2: mean change 1. Citizen 3: Spise og drikke 4→3 (J1.4 has no follow-up): 1.
        #expect(r.courses[1].n == 2 && r.courses[1].baselineSum == 5 && r.courses[1].followUpSum == 3)
        #expect(r.courses[2].n == 1 && r.courses[2].baselineSum == 4)
    }

    @Test("--harmonize simplified, max: Personlig pleje baseline max(3, 1) = 3 against 1; the goal combined too")
    func harmonizedMax() {
        let r = Self.report(harmonize: true)
        #expect(r.courses.map(\.notEvaluable) == [nil, nil, nil])
        let c = r.courses[0]
        #expect(c.n == 1 && c.baselineSum == 3 && c.followUpSum == 1 && c.goalsSet == 1 && c.goalsMet == 1)
        // Citizen 2: J2.2 kept, J3.2 → Mobilitet og bevægelse: unchanged figures.
        #expect(r.courses[1].n == 2 && r.courses[1].baselineSum == 5 && r.courses[1].followUpSum == 3)
        // Citizen 3: the direct Spise og drikke = 4 wins over J1.4 = 2 on the same day.
        #expect(r.courses[2].n == 1 && r.courses[2].baselineSum == 4 && r.courses[2].followUpSum == 3)
        let h = r.harmonization
        #expect(h?.derived == true && h?.version == "derived-20240530.1" && h?.combine == .max)
        // Mapped: J1.1, J1.3 (one group), J3.2 ×2; J1.4 left out for the direct rating.
        #expect(h?.mappedAssessments == 4 && h?.leftOutAssessments == 1)
        #expect(r.total.courses == 3)
        let expected: Double = 4.0 / 3.0
        let mean: Double = r.total.meanChange ?? .nan
        #expect(abs(mean - expected) < 1e-12)
    }

    @Test("--combine mean: Personlig pleje baseline (3 + 1)/2 = 2 against 1")
    func harmonizedMean() {
        let r = Self.report(harmonize: true, combine: .mean)
        #expect(r.courses[0].baselineSum == 2 && r.courses[0].followUpSum == 1)
        #expect(r.harmonization?.combine == .mean)
    }

    @Test("harmonised table: sorted by citizen, condition and day; no-successor rows left out and counted")
    func tableShape() {
        let d = Fixtures.assessments("""
        citizen;date;condition;level
        0101401234;2024-01-10;J5.1;2
        0101401234;2024-01-10;J3.8;2
        0101401234;2024-01-10;J3.1;4
        0101401234;2024-02-10;J3.8;9
        0101401234;2024-03-10;J3.8;9
        0101401234;2024-03-10;J3.1;1

        """)
        let (t, counts) = Harmonizer.harmonize(d.assessments, crosswalk: .builtIn, combine: .max)
        let mobility = Terminology.builtIn.condition(forCode: "Mobilitet_og_bevaegelse")!.rawValue
        #expect(t.condition == [mobility, mobility, mobility])
        #expect(t.level == [4, 9, 1], "max(2, 4); all 9 stays 9; 9 left out of max(9, 1)")
        #expect(t.citizenStart == [0, 3])
        #expect(counts.mapped == 5 && counts.leftOut == 1 && counts.rows == 3)
        #expect(zip(t.day, t.day.dropFirst()).allSatisfy { $0 < $1 })
        // A citizen with nothing to map keeps its rows as they are.
        let simplified = Fixtures.assessments("citizen;date;condition;level;goal\n0101401234;2024-01-10;Personlig_pleje;2;1\n0101401234;2024-01-10;J2.2;3;\n0101401234;2024-02-10;J2.2;1;\n")
        let (same, none) = Harmonizer.harmonize(simplified.assessments, crosswalk: .builtIn, combine: .mean)
        #expect(same.condition == simplified.assessments.condition && same.day == simplified.assessments.day)
        #expect(same.level == simplified.assessments.level && same.goal == simplified.assessments.goal)
        #expect(none.mapped == 0 && none.leftOut == 0 && none.rows == 3)
    }

    @Test("agreement: nearest legacy day within 30 days, no course between; exact share and linear kappa by hand")
    func agreementByHand() {
        // Pairs (legacy mapped by max, simplified): (max(2, 3), 3), (1, 2), (4, 2); citizen 3 is 39 days apart,
        // citizen 4 has a course between. Linear kappa: observed (0 + 1 + 2)/3 = 1, expected from the margins
        // (rows 1, 3, 4 each ⅓; columns 2 ⅔, 3 ⅓) = 11/9, κ = 1 − 9/11 = 2/11.
        let d = Fixtures.dataset([
            Fixtures.File("assessments.csv", .assessments, """
            citizen;date;condition;level
            0101401234;2024-01-01;J1.1;2
            0101401234;2024-01-01;J1.3;3
            0101401234;2024-01-10;Personlig_pleje;3
            0202504321;2024-01-01;J1.1;1
            0202504321;2024-01-20;Personlig_pleje;2
            0303604321;2024-01-01;J1.1;0
            0303604321;2024-02-09;Personlig_pleje;0
            0404704321;2024-01-01;J1.1;2
            0404704321;2024-01-15;Personlig_pleje;1
            0505804321;2024-01-01;J1.8;4
            0505804321;2024-01-05;Personlig_pleje;2

            """),
            Fixtures.File("courses.csv", .courses, "citizen;start;end\n0404704321;2024-01-05;2024-01-08\n"),
        ])
        let a = CrosswalkAgreement.make(assessments: d.assessments, courses: d.courses, crosswalk: .builtIn, combine: .max,
                                        terminology: .builtIn, minCell: 0)
        let pp = a.conditions.first { $0.condition == "Personlig pleje" }
        #expect(pp?.pairs == 3 && pp?.citizens == 3)
        #expect(abs((pp?.exactAgreement ?? .nan) - 1.0 / 3.0) < 1e-12)
        #expect(abs((pp?.weightedKappa ?? .nan) - 2.0 / 11.0) < 1e-12)
        #expect(a.conditions.first { $0.condition == "Spise og drikke" }?.pairs == 0)
        #expect(!a.conditions.contains { $0.condition == "Lave mad" }, "kept keys map to themselves: nothing to check")
        // Fewer citizens than --min-cell: the figures are hidden.
        let small = CrosswalkAgreement.make(assessments: d.assessments, courses: d.courses, crosswalk: .builtIn, combine: .max,
                                            terminology: .builtIn, minCell: 5)
        let hidden = small.conditions.first { $0.condition == "Personlig pleje" }
        #expect(hidden?.suppressed == true && hidden?.exactAgreement == nil && hidden?.weightedKappa == nil)
    }

    @Test("models per group: legacy, simplified, mixed (model_switch); all simplified once harmonised")
    func modelsPerGroup() {
        let plain = Self.report(harmonize: false)
        let m = plain.groups.first?.models
        // Citizen 1 model_switch (mixed), 2 J3.2 with the kept J2.2 (legacy), 3 Spise og drikke (simplified).
        #expect(m?.legacy == 1 && m?.simplified == 1 && m?.mixed == 1 && m?.mixesModels == true)
        #expect(plain.total.models == m)
        let harmonised = Self.report(harmonize: true)
        #expect(harmonised.groups.first?.models?.simplified == 3 && harmonised.groups.first?.models?.mixesModels == false)
    }
}
