import Foundation
import Testing
@testable import FSIIIStatistics

/// The estimator chain of issue 18 on generated data (not the report):
/// propensity model → matching → balance → ATT with its bootstrap interval.
@Suite("Matched comparison on generated data with a planted effect")
struct MatchedEstimatorChainTests {
    static let effect = 0.30

    /// One generated data set and what the chain makes of it.
    struct Outcome {
        var naive: Double
        var att: MatchedEffect
        var smdAfter: [String: Double]
        var unmatched: Int
        var treated: Int
    }

    /// `units` units (default 16,000). u, the confounder, drives both
    /// selection and outcome; v only the outcome; a municipality (4 levels)
    /// only selection:
    ///   logit P(treated) = intercept + 0.9u + 0.4·[municipality = "c"]
    ///   Y = 0.6u + 0.3v + 0.30·treated + N(0, 1)
    /// The default intercept −2.9 makes about 1,250 treated and 14,750
    /// candidates (about 12 per treated, as in FSIII data, where the
    /// candidates are all assessed citizens without a course). The naive
    /// difference of means is biased by about 0.6·(E[u | T] − E[u | C]) ≈ 0.5.
    static func run(seed: UInt64, units: Int = 16_000, intercept: Double = -2.9, replicates: Int = 200) throws -> Outcome {
        var g = SeededGenerator(seed: seed)
        var u: [Double] = [], v: [Double] = [], municipality: [String] = [], treated: [Bool] = [], y: [Double] = []
        for _ in 0..<units {
            let ui = g.normal(), vi = g.normal()
            let mi = ["a", "b", "c", "d"][g.index(below: 4)]
            let eta = intercept + 0.9 * ui + (mi == "c" ? 0.4 : 0)
            let t = g.uniformOpen() < 1 / (1 + exp(-eta))
            u.append(ui); v.append(vi); municipality.append(mi); treated.append(t)
            y.append(0.6 * ui + 0.3 * vi + (t ? effect : 0) + g.normal())
        }
        let design = try CovariateDesign([Covariate("u", .continuous(u)), Covariate("v", .continuous(v)),
                                          Covariate("municipality", .categorical(municipality))], treated: treated)
        let fit = try LogisticRegression.fit(design.matrix, outcome: treated)
        let t = treated.indices.filter { treated[$0] }, c = treated.indices.filter { !treated[$0] }
        let matching = try PropensityMatching(treatedLogits: t.map { fit.linearPredictors[$0] },
                                              controlLogits: c.map { fit.linearPredictors[$0] })
        var smd: [String: Double] = [:]
        for (j, name) in design.matrix.columnNames.enumerated() where j > 0 {
            let column = design.matrix.column(j)
            let d = try #require(StandardizedMeanDifference(treated: t.map { column[$0] }, candidates: c.map { column[$0] },
                                                             treatedWeights: matching.treatedWeights,
                                                             controlWeights: matching.controlWeights))
            smd[name] = d.after ?? .nan
        }
        let att = try #require(MatchedBootstrap.att(matching: matching, treatedOutcomes: t.map { y[$0] },
                                                    controlOutcomes: c.map { y[$0] }, replicates: replicates, seed: seed))
        let naive = t.reduce(0.0) { $0 + y[$1] } / Double(t.count) - c.reduce(0.0) { $0 + y[$1] } / Double(c.count)
        return Outcome(naive: naive, att: att, smdAfter: smd, unmatched: matching.unmatched.count, treated: t.count)
    }

    /// The coverage study behind docs/METHODS.md, opt-in (about 2 minutes):
    /// `FSIII_COVERAGE_STUDY=1 swift test --filter coverageStudy`, with
    /// `FSIII_STUDY_UNITS`, `FSIII_STUDY_INTERCEPT`, `FSIII_STUDY_SEEDS` to vary it.
    @Test("coverage study over many generated data sets (opt-in)",
          .enabled(if: ProcessInfo.processInfo.environment["FSIII_COVERAGE_STUDY"] != nil))
    func coverageStudy() throws {
        var covered = 0, est: [Double] = [], widths: [Double] = [], maxSMD = 0.0
        let units = Int(ProcessInfo.processInfo.environment["FSIII_STUDY_UNITS"] ?? "") ?? 16_000
        let intercept = Double(ProcessInfo.processInfo.environment["FSIII_STUDY_INTERCEPT"] ?? "") ?? -2.9
        let seeds = Int(ProcessInfo.processInfo.environment["FSIII_STUDY_SEEDS"] ?? "") ?? 200
        var treatedCounts = 0
        for seed in 1...seeds {
            let o = try Self.run(seed: UInt64(seed), units: units, intercept: intercept)
            treatedCounts += o.treated
            let ci = try #require(o.att.interval)
            if ci.low <= Self.effect && Self.effect <= ci.high { covered += 1 }
            est.append(o.att.estimate); widths.append(ci.high - ci.low)
            maxSMD = max(maxSMD, o.smdAfter.values.map(abs).max() ?? 0)
        }
        let m = est.reduce(0, +) / Double(est.count)
        let sd = (est.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(est.count - 1)).squareRoot()
        print("coverage study: units \(units) intercept \(intercept) mean treated \(treatedCounts / seeds) covered \(covered)/\(seeds) mean ATT \(m) empirical sd \(sd) mean width/3.92 \(widths.reduce(0, +) / Double(widths.count) / 3.92) max|SMD| \(maxSMD)")
    }

    @Test("over 20 data sets: the naive difference is biased, the matched ATT is not, its 95 % interval covers 0.30 in ≥ 18, every |SMD| after matching < 0.1")
    func plantedEffect() throws {
        var covered = 0, estimates: [Double] = [], naive: [Double] = []
        for seed in 1...20 {
            let o = try Self.run(seed: UInt64(seed))
            let ci = try #require(o.att.interval)
            if ci.low <= Self.effect && Self.effect <= ci.high { covered += 1 }
            estimates.append(o.att.estimate)
            naive.append(o.naive)
            for (name, d) in o.smdAfter {
                #expect(abs(d) < 0.1, "seed \(seed): |SMD| of \(name) after matching is \(d)")
            }
            #expect(o.unmatched < o.treated / 20, "seed \(seed): \(o.unmatched) of \(o.treated) unmatched")
        }
        let mean = { (v: [Double]) in v.reduce(0, +) / Double(v.count) }
        #expect(covered >= 18, "the interval covered 0.30 in \(covered) of 20")
        #expect(abs(mean(estimates) - Self.effect) < 0.10, "mean ATT \(mean(estimates))")
        #expect(mean(naive) - Self.effect > 0.3, "mean naive difference \(mean(naive))")
        #expect(naive.allSatisfy { $0 - Self.effect > 0.2 })
    }
}
