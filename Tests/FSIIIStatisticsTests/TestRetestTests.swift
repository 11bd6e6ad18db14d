import Foundation
import Testing
@testable import FSIIIStatistics

@Suite("Test–retest: regression to the mean, SEM and minimal detectable change")
struct TestRetestTests {
    typealias Accuracy = StatisticsAccuracy

    // Four pairs: x₁ = 2, 4, 6, 8 and x₂ = 3, 4, 8, 9.
    // m₁ = 5, m₂ = 6; deviations −3, −1, 1, 3 and −3, −2, 2, 3:
    // s₁² = 20/3, s₂² = 26/3, s₁₂ = 22/3.
    // MS_s = (20/3 + 26/3 + 44/3)/2 = 15; MS_e = (20/3 + 26/3 − 44/3)/2 = 1/3
    // (= Var(x₂ − x₁)/2: differences 1, 0, 2, 1 have variance 2/3); MS_o = 4·1²/2 = 2.
    // ICC(2,1) = (15 − 1/3)/(15 + 1/3 + 2(2 − 1/3)/4) = (44/3)/(97/6) = 88/97;
    // ICC(3,1) = 2·(22/3)/(46/3) = 22/23; r = 22/√520.
    // All eight values: mean 5.5, Σ(x − 5.5)² = 48, SD = √(48/7).
    static let first: [Double] = [2, 4, 6, 8], second: [Double] = [3, 4, 8, 9]

    @Test("ANOVA mean squares, ICC(2,1), ICC(3,1) and Pearson on four hand-computed pairs")
    func fourPairs() throws {
        let p = try TestRetest(first: Self.first, second: Self.second)
        #expect(p.firstMean == 5 && p.secondMean == 6)
        #expect(Accuracy.relativeError(p.covariance, 22.0 / 3) <= 1e-15)
        #expect(Accuracy.relativeError(p.subjectMeanSquare, 15) <= 1e-15)
        #expect(Accuracy.relativeError(p.errorMeanSquare, 1.0 / 3) <= 1e-14)
        #expect(p.occasionMeanSquare == 2)
        #expect(Accuracy.relativeError(p.absoluteAgreement, 88.0 / 97) <= 1e-14)
        #expect(Accuracy.relativeError(p.consistency, 22.0 / 23) <= 1e-15)
        #expect(Accuracy.relativeError(try #require(p.pearson), 22 / 520.0.squareRoot()) <= 1e-15)
        #expect(Accuracy.relativeError(p.pooledStandardDeviation, (48.0 / 7).squareRoot()) <= 1e-15)
    }

    @Test("SEM = SD·√(1 − ICC(2,1)) and MDC95 = 1.96·√2·SEM on the four pairs")
    func semAndMDC() throws {
        let e = MeasurementError(try TestRetest(first: Self.first, second: Self.second))
        // SEM = √(48/7)·√(1 − 88/97) = √(48/7 · 9/97) = √(432/679).
        let sem = (432.0 / 679).squareRoot()
        #expect(Accuracy.relativeError(e.reliability, 88.0 / 97) <= 1e-14)
        #expect(Accuracy.relativeError(e.standardErrorOfMeasurement, sem) <= 1e-14)
        #expect(Accuracy.relativeError(e.minimalDetectableChange(), 1.959963984540054 * 2.0.squareRoot() * sem) <= 1e-14)
        #expect(Accuracy.relativeError(e.errorStandardDeviation, (1.0 / 3).squareRoot()) <= 1e-14)
    }

    @Test("RTM on the four pairs: −(1 − ρ)(x̄₀ − μ), and the cut-off formula at z = 0")
    func rtmFourPairs() throws {
        let r = try RegressionToTheMean(first: Self.first, second: Self.second, minimumPairs: 4)
        // σ²_w = 1/3, σ² = 23/3, ρ = 22/23, μ = m₁ = 5, drift = 1.
        #expect(Accuracy.relativeError(r.withinSubjectVariance, 1.0 / 3) <= 1e-14)
        #expect(Accuracy.relativeError(r.totalVariance, 23.0 / 3) <= 1e-15)
        #expect(Accuracy.relativeError(r.correlation, 22.0 / 23) <= 1e-15)
        #expect(r.populationMean == 5 && r.drift == 1)
        // A group at baseline 7: −(1/23)·2. At the population mean: 0. Below it: upwards.
        #expect(Accuracy.relativeError(r.expectedChange(baselineMean: 7), -2.0 / 23) <= 1e-14)
        #expect(r.expectedChange(baselineMean: 5) == 0)
        #expect(r.expectedChange(baselineMean: 3) > 0)
        #expect(Accuracy.relativeError(r.expectedChange(baselineMean: 7, populationMean: 6), -1.0 / 23) <= 1e-14)
        // Above c = μ: z = 0, φ(0)/(1 − Φ(0)) = 2/√(2π); −(σ²_w/σ)·that.
        let expected = -(1.0 / 3) / (23.0 / 3).squareRoot() * 2 / (2 * Double.pi).squareRoot()
        #expect(Accuracy.relativeError(try #require(r.expectedChange(selectedAbove: 5)), expected) <= 1e-14)
        #expect(Accuracy.relativeError(try #require(r.expectedChange(selectedBelow: 5)), -expected) <= 1e-14)
    }

    @Test("not estimable: too few pairs, no variation, unpaired or non-finite values")
    func notEstimable() {
        #expect(throws: TestRetestError.tooFewPairs(found: 4, needed: 30)) {
            try RegressionToTheMean(first: Self.first, second: Self.second)
        }
        #expect(throws: TestRetestError.noVariation) {
            try TestRetest(first: [2, 2, 2], second: [2, 2, 2])
        }
        #expect(throws: TestRetestError.lengthMismatch(first: 3, second: 2)) {
            try TestRetest(first: [1, 2, 3], second: [1, 2])
        }
        #expect(throws: TestRetestError.nonFiniteValue(pair: 1)) {
            try TestRetest(first: [1, .nan, 3], second: [1, 2, 3])
        }
        #expect(TestRetestError.tooFewPairs(found: 4, needed: 30).description.contains("4 repeat pair(s), at least 30"))
    }

    struct PeerCase: Decodable {
        var name: String
        var first: [Double], second: [Double]
        var icc_2_1: Double, icc_3_1: Double
        var ms_subjects: Double, ms_occasions: Double, ms_error: Double
        var sd_all: Double, pearson: Double
    }

    struct PeerFile: Decodable { var cases: [PeerCase] }

    @Test("ICC(2,1), ICC(3,1), the ANOVA mean squares and the SD match R's psych::ICC and aov")
    func matchesPsych() throws {
        let file = try PeerFixture.load("icc.json", as: PeerFile.self)
        #expect(file.cases.count == 2)
        for c in file.cases {
            let p = try TestRetest(first: c.first, second: c.second)
            let checks: [(String, Double, Double)] = [
                ("ICC(2,1)", p.absoluteAgreement, c.icc_2_1), ("ICC(3,1)", p.consistency, c.icc_3_1),
                ("MS subjects", p.subjectMeanSquare, c.ms_subjects), ("MS occasions", p.occasionMeanSquare, c.ms_occasions),
                ("MS error", p.errorMeanSquare, c.ms_error), ("SD", p.pooledStandardDeviation, c.sd_all),
                ("r", p.pearson ?? .nan, c.pearson),
            ]
            for (what, ours, theirs) in checks {
                #expect(Accuracy.relativeError(ours, theirs) <= 1e-12, "\(c.name) \(what): \(ours) vs R \(theirs)")
            }
        }
    }

    /// n pairs x₁ = b + e₁, x₂ = drift + b + e₂ with b ~ N(0, ρ), e ~ N(0, 1 − ρ).
    static func pairs(_ n: Int, rho: Double, drift: Double, seed: UInt64) -> ([Double], [Double]) {
        var g = SeededGenerator(seed: seed)
        var a: [Double] = [], b: [Double] = []
        for _ in 0..<n {
            let subject = g.normal() * rho.squareRoot()
            a.append(subject + g.normal() * (1 - rho).squareRoot())
            b.append(drift + subject + g.normal() * (1 - rho).squareRoot())
        }
        return (a, b)
    }

    @Test("a planted ρ = 0.6 and σ²_w = 0.4 are recovered on average over 50 seeds, despite a drift of 0.2")
    func plantedCorrelation() throws {
        var rhos: [Double] = [], within: [Double] = [], drifts: [Double] = []
        for seed in 0..<50 {
            let (a, b) = Self.pairs(400, rho: 0.6, drift: 0.2, seed: UInt64(1000 + seed))
            let r = try RegressionToTheMean(first: a, second: b)
            rhos.append(r.correlation)
            within.append(r.withinSubjectVariance)
            drifts.append(r.drift)
        }
        // Per seed SE(ρ̂) ≈ (1 − ρ²)/√n = 0.032, so the mean of 50 has SE ≈ 0.005.
        let mean = { (v: [Double]) in v.reduce(0, +) / Double(v.count) }
        #expect(abs(mean(rhos) - 0.6) < 0.015, "mean ρ̂ \(mean(rhos))")
        #expect(abs(mean(within) - 0.4) < 0.015, "mean σ̂²_w \(mean(within))")
        #expect(abs(mean(drifts) - 0.2) < 0.015, "mean drift \(mean(drifts))")
        #expect(rhos.allSatisfy { abs($0 - 0.6) < 0.15 })
    }

    @Test("the cut-off formula predicts the observed regression of a group selected above μ + σ (normal data)")
    func cutoffFormulaMatchesSimulation() throws {
        let (a, b) = Self.pairs(60_000, rho: 0.6, drift: 0, seed: 42)
        let r = try RegressionToTheMean(first: a, second: b)
        let selected = a.indices.filter { a[$0] > 1 }
        let observed = selected.reduce(0.0) { $0 + b[$1] - a[$1] } / Double(selected.count)
        let predicted = try #require(r.expectedChange(selectedAbove: 1))
        // Theory: −0.4·φ(1)/(1 − Φ(1)) = −0.610; the sample of ~9,500 gives SE ≈ 0.009.
        #expect(abs(predicted - -0.4 * 1.525135276160981) < 0.03)
        #expect(abs(observed - predicted) < 0.04, "observed \(observed), predicted \(predicted)")
        // The group's own baseline mean in eq. 1 gives the same answer.
        let baseline = selected.reduce(0.0) { $0 + a[$1] } / Double(selected.count)
        #expect(abs(r.expectedChange(baselineMean: baseline) - observed) < 0.04)
    }
}
