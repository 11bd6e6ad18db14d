import Foundation
import Testing
@testable import FSIIIStatistics

@Suite("Linear regression and discrimination (issue 21)")
struct LinearRegressionTests {
    typealias Accuracy = StatisticsAccuracy

    @Test("a straight line through four points, by hand: β, SE from σ̂²(XᵀX)⁻¹, R² and adjusted R²")
    func handComputed() throws {
        let design = DesignMatrix(columnNames: ["(Intercept)", "x"], columns: [[1, 1, 1, 1], [0, 1, 2, 3]])
        let fit = try LinearRegression.fit(design, outcome: [1, 3, 2, 5])
        // x̄ = 1.5, Sxx = 5, Sxy = 5.5: slope 1.1, intercept 2.75 − 1.65 = 1.1.
        #expect(Accuracy.relativeError(fit.coefficients[0], 1.1) <= 1e-13)
        #expect(Accuracy.relativeError(fit.coefficients[1], 1.1) <= 1e-13)
        // Residuals −0.1, 0.8, −1.3, 0.6: RSS 2.7, σ̂² = 1.35 on 2 df; TSS 8.75.
        #expect(fit.residualDegreesOfFreedom == 2)
        #expect(Accuracy.relativeError(fit.residualVariance, 1.35) <= 1e-13)
        #expect(Accuracy.relativeError(fit.standardErrors[1], (1.35 / 5).squareRoot()) <= 1e-13)
        #expect(Accuracy.relativeError(fit.standardErrors[0], (1.35 * (0.25 + 2.25 / 5)).squareRoot()) <= 1e-13)
        let r2 = 1 - 2.7 / 8.75
        #expect(Accuracy.relativeError(try #require(fit.rSquared), r2) <= 1e-13)
        #expect(Accuracy.relativeError(try #require(fit.adjustedRSquared), 1 - (1 - r2) * 3 / 2) <= 1e-13)
        #expect(Accuracy.relativeError(try #require(fit.tValues[1]), 1.1 / (1.35 / 5).squareRoot()) <= 1e-13)
        for (f, e) in zip(fit.fittedValues, [1.1, 2.2, 3.3, 4.4]) { #expect(abs(f - e) <= 1e-13) }
    }

    @Test("too few observations for a standard error, and a non-finite outcome, are typed errors")
    func errors() {
        let design = DesignMatrix(columnNames: ["(Intercept)", "x"], columns: [[1, 1], [0, 1]])
        #expect(throws: LinearRegressionError.tooFewObservations(n: 2, columns: 2)) { try LinearRegression.fit(design, outcome: [1, 2]) }
        let three = DesignMatrix(columnNames: ["(Intercept)", "x"], columns: [[1, 1, 1], [0, 1, 2]])
        #expect(throws: LinearRegressionError.nonFiniteOutcome(row: 1)) { try LinearRegression.fit(three, outcome: [1, .nan, 2]) }
    }

    struct LMCase: Decodable {
        var name: String
        var columns: [String]
        var x: [[Double]]
        var y: [Double]
        var coefficients: [Double?]
        var standard_errors: [Double?]
        var t_values: [Double?]
        var r_squared: Double
        var adjusted_r_squared: Double
        var sigma: Double
        var df_residual: Int
    }

    struct AUCCase: Decodable {
        var scores: [Double]
        var events: [Int]
        var c_statistic: Double
    }

    struct LMFixture: Decodable {
        var cases: [LMCase]
        var auc: AUCCase
    }

    @Test("matches R's lm: coefficients, standard errors, t, R², adjusted R², σ̂, aliased column dropped (1e-9 relative)")
    func matchesLM() throws {
        let fixture = try PeerFixture.load("lm.json", as: LMFixture.self)
        #expect(fixture.cases.count == 2)
        for c in fixture.cases {
            let design = DesignMatrix(columnNames: c.columns, rowMajor: c.x.flatMap { $0 })
            let fit = try LinearRegression.fit(design, outcome: c.y)
            #expect(fit.columnNames == zip(c.columns, c.coefficients).filter { $0.1 != nil }.map(\.0), "\(c.name)")
            #expect(fit.droppedColumns == zip(c.columns, c.coefficients).filter { $0.1 == nil }.map(\.0), "\(c.name)")
            #expect(fit.residualDegreesOfFreedom == c.df_residual)
            let kept = c.coefficients.indices.filter { c.coefficients[$0] != nil }
            for (k, j) in kept.enumerated() {
                #expect(Accuracy.relativeError(fit.coefficients[k], c.coefficients[j]!) <= 1e-9, "\(c.name) \(c.columns[j])")
                #expect(Accuracy.relativeError(fit.standardErrors[k], c.standard_errors[j]!) <= 1e-9, "\(c.name) \(c.columns[j]) SE")
                #expect(Accuracy.relativeError(try #require(fit.tValues[k]), c.t_values[j]!) <= 1e-9, "\(c.name) \(c.columns[j]) t")
            }
            #expect(Accuracy.relativeError(try #require(fit.rSquared), c.r_squared) <= 1e-9, "\(c.name) R²")
            #expect(Accuracy.relativeError(try #require(fit.adjustedRSquared), c.adjusted_r_squared) <= 1e-9, "\(c.name) adjusted R²")
            #expect(Accuracy.relativeError(fit.residualVariance.squareRoot(), c.sigma) <= 1e-9, "\(c.name) σ̂")
        }
    }

    @Test("C-statistic by hand: pairs of an event and a non-event, a tie counting ½")
    func cStatisticByHand() throws {
        // Events 0.4, 0.8 against non-events 0.1, 0.4: 1 + ½ + 1 + 1 of 4 pairs.
        #expect(Discrimination.cStatistic(scores: [0.1, 0.4, 0.4, 0.8], outcomes: [false, true, false, true]) == 0.875)
        #expect(Discrimination.cStatistic(scores: [0.3, 0.2], outcomes: [true, false]) == 1)
        #expect(Discrimination.cStatistic(scores: [0.3, 0.2], outcomes: [true, true]) == nil)
    }

    @Test("C-statistic equals wilcox.test's W / (n1 n0) in R, with ties")
    func cStatisticMatchesR() throws {
        let a = try PeerFixture.load("lm.json", as: LMFixture.self).auc
        let c = try #require(Discrimination.cStatistic(scores: a.scores, outcomes: a.events.map { $0 == 1 }))
        #expect(Accuracy.relativeError(c, a.c_statistic) <= 1e-13)
    }

    @Test("calibration groups by sorted predicted risk: sizes ⌊g·n/G⌋, mean predicted, observed share")
    func calibrationByHand() {
        let groups = Discrimination.calibration(predicted: [0.5, 0.1, 0.3, 0.2, 0.4], outcomes: [true, false, false, true, true], groups: 2)
        // Sorted: 0.1 (no), 0.2 (yes) | 0.3 (no), 0.4 (yes), 0.5 (yes).
        #expect(groups.map(\.count) == [2, 3])
        #expect(abs(groups[0].meanPredicted - 0.15) <= 1e-15)
        #expect(groups[0].observedShare == 0.5)
        #expect(abs(groups[1].meanPredicted - 0.4) <= 1e-15)
        #expect(abs(groups[1].observedShare - 2.0 / 3) <= 1e-15)
        // Fewer observations than groups: empty groups are left out.
        #expect(Discrimination.calibration(predicted: [0.2, 0.7], outcomes: [false, true]).map(\.count) == [1, 1])
    }
}
