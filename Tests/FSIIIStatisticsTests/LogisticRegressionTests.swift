import Foundation
import Testing
@testable import FSIIIStatistics

@Suite("Logistic regression (IRLS / Newton–Raphson)")
struct LogisticRegressionTests {
    typealias Accuracy = StatisticsAccuracy

    /// A 2 × 2 table: x = 0 has 3 of 10 with y = 1, x = 1 has 6 of 8. The
    /// saturated model's MLE is closed-form: intercept = ln(3/7), slope =
    /// ln(6/2) − ln(3/7) = ln 7; the inverse information gives
    /// Var(intercept) = 1/3 + 1/7 and Var(slope) = 1/3 + 1/7 + 1/6 + 1/2
    /// (Woolf's variance of a log odds ratio); ℓ = Σ counts·ln(cell shares).
    static let table = (x0: (yes: 3, no: 7), x1: (yes: 6, no: 2))

    static func expandedTable() -> (DesignMatrix, [Bool]) {
        var rows: [Double] = [], y: [Bool] = []
        for (x, cell) in [(0.0, table.x0), (1.0, table.x1)] {
            for _ in 0..<cell.yes { rows += [1, x]; y.append(true) }
            for _ in 0..<cell.no { rows += [1, x]; y.append(false) }
        }
        return (DesignMatrix(columnNames: ["(Intercept)", "x"], rowMajor: rows), y)
    }

    static let tableLogLikelihood = 3 * log(0.3) + 7 * log(0.7) + 6 * log(0.75) + 2 * log(0.25)

    @Test("2 × 2 table: coefficients are the log odds and the log odds ratio, SEs Woolf's")
    func twoByTwo() throws {
        let (x, y) = Self.expandedTable()
        let fit = try LogisticRegression.fit(x, outcome: y)
        #expect(fit.converged)
        #expect(Accuracy.relativeError(fit.coefficients[0], log(3.0 / 7)) <= 1e-12)
        #expect(Accuracy.relativeError(fit.coefficients[1], log(7.0)) <= 1e-12)
        #expect(Accuracy.relativeError(fit.standardErrors[0], (1.0 / 3 + 1.0 / 7).squareRoot()) <= 1e-12)
        #expect(Accuracy.relativeError(fit.standardErrors[1], (1.0 / 3 + 1.0 / 7 + 1.0 / 6 + 1.0 / 2).squareRoot()) <= 1e-12)
        #expect(Accuracy.relativeError(fit.logLikelihood, Self.tableLogLikelihood) <= 1e-13)
        #expect(Accuracy.relativeError(fit.fittedProbabilities[0], 0.3) <= 1e-12)
        #expect(Accuracy.relativeError(fit.fittedProbabilities[17], 0.75) <= 1e-12)
        #expect(Accuracy.relativeError(fit.linearPredictors[17], log(3.0)) <= 1e-12)
        #expect(fit.droppedColumns.isEmpty)
    }

    @Test("frequency weights give the same fit as repeated rows")
    func weightsAreFrequencies() throws {
        let x = DesignMatrix(columnNames: ["(Intercept)", "x"], rowMajor: [1, 0, 1, 0, 1, 1, 1, 1])
        let y = [true, false, true, false]
        let fit = try LogisticRegression.fit(x, outcome: y, weights: [3, 7, 6, 2])
        let (ex, ey) = Self.expandedTable()
        let expanded = try LogisticRegression.fit(ex, outcome: ey)
        for j in 0..<2 {
            #expect(Accuracy.relativeError(fit.coefficients[j], expanded.coefficients[j]) <= 1e-12)
            #expect(Accuracy.relativeError(fit.standardErrors[j], expanded.standardErrors[j]) <= 1e-12)
        }
        #expect(Accuracy.relativeError(fit.logLikelihood, Self.tableLogLikelihood) <= 1e-13)
    }

    struct GLMCase: Decodable {
        var name: String
        var columns: [String]
        var x: [[Double]]
        var y: [Int]
        var weights: [Double]?
        var coefficients: [Double?]
        var standard_errors: [Double?]
        var log_likelihood: Double
    }

    struct GLMFixture: Decodable { var cases: [GLMCase] }

    @Test("matches R's glm(family = binomial) on three data sets: categorical with aliased columns, near separation, fractional weights")
    func matchesGLM() throws {
        let fixture = try PeerFixture.load("glm.json", as: GLMFixture.self)
        #expect(fixture.cases.count == 3)
        for c in fixture.cases {
            let design = DesignMatrix(columnNames: c.columns, rowMajor: c.x.flatMap { $0 })
            let fit = try LogisticRegression.fit(design, outcome: c.y.map { $0 == 1 }, weights: c.weights)
            let expectedKept = zip(c.columns, c.coefficients).filter { $0.1 != nil }.map(\.0)
            let expectedDropped = zip(c.columns, c.coefficients).filter { $0.1 == nil }.map(\.0)
            #expect(fit.columnNames == expectedKept, "\(c.name)")
            #expect(fit.droppedColumns.map(\.name) == expectedDropped, "\(c.name)")
            for (name, (beta, se)) in zip(c.columns, zip(c.coefficients, c.standard_errors)) {
                guard let beta, let se else { continue }
                let b = try #require(fit.coefficient(named: name))
                let s = try #require(fit.standardError(named: name))
                #expect(Accuracy.relativeError(b, beta) <= 1e-8, "\(c.name) \(name): \(b) vs R \(beta)")
                #expect(Accuracy.relativeError(s, se) <= 1e-8, "\(c.name) \(name) SE: \(s) vs R \(se)")
            }
            #expect(Accuracy.relativeError(fit.logLikelihood, c.log_likelihood) <= 1e-10, "\(c.name) ℓ")
        }
    }

    @Test("aliased columns are dropped with their reason: a constant, and a combination naming its parts")
    func droppedReasons() throws {
        let fixture = try PeerFixture.load("glm.json", as: GLMFixture.self)
        let c = try #require(fixture.cases.first { $0.name == "categorical" })
        let design = DesignMatrix(columnNames: c.columns, rowMajor: c.x.flatMap { $0 })
        let fit = try LogisticRegression.fit(design, outcome: c.y.map { $0 == 1 })
        #expect(fit.droppedColumns == [
            .init(name: "constant", reason: .constant),
            .init(name: "combo", reason: .linearCombination(of: ["x1", "x2"])),
        ])
        // Score equation of the intercept: Σ(yᵢ − μᵢ) = 0 at the MLE.
        let residual = zip(c.y, fit.fittedProbabilities).reduce(0.0) { $0 + Double($1.0) - $1.1 }
        #expect(abs(residual) <= 1e-9)
        for (eta, mu) in zip(fit.linearPredictors, fit.fittedProbabilities) {
            #expect(abs(mu - 1 / (1 + exp(-eta))) <= 1e-15)
        }
    }

    @Test("complete separation is reported, naming the covariate and the observations it predicts")
    func completeSeparation() {
        let x = DesignMatrix(columnNames: ["(Intercept)", "age"], rowMajor: [1, -2, 1, -1, 1, -0.5, 1, 0.5, 1, 1, 1, 2])
        let y = [false, false, false, true, true, true]
        #expect(throws: LogisticRegressionError.separation(columns: ["age"], perfectlyPredicted: 6)) {
            try LogisticRegression.fit(x, outcome: y)
        }
    }

    @Test("quasi-complete separation by one category (all treated) is reported with that category's column")
    func quasiCompleteSeparation() throws {
        // Category b: 4 observations, all y = 1; a and c overlap.
        let b = [0.0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
        let c = [0.0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
        let y = [true, false, false, true, true, true, true, true, false, true, false, false, true, false]
        let x = DesignMatrix(columnNames: ["(Intercept)", "g=b", "g=c"],
                             columns: [[Double](repeating: 1, count: 14), b, c])
        do {
            _ = try LogisticRegression.fit(x, outcome: y)
            Issue.record("expected separation")
        } catch let error {
            guard case let .separation(columns, count) = error else {
                Issue.record("expected separation, got \(error)")
                return
            }
            #expect(columns.first == "g=b")
            #expect(count == 4)
            #expect(error.description.contains("\"g=b\""))
        }
    }

    @Test("a genuine MLE with a fitted probability within 3e−7 of 1 (|η| > 15) is not mistaken for separation")
    func extremeButNotSeparated() throws {
        // Overlapping outcomes on −3 … 3 and one far point x = 40 with y = 1.
        var xs: [Double] = [], ys: [Bool] = []
        for (i, v) in stride(from: -3.0, through: 3.0, by: 0.25).enumerated() {
            xs.append(v)
            ys.append(v > 0 ? i % 5 != 0 : i % 4 == 0)
        }
        xs.append(40)
        ys.append(true)
        let x = DesignMatrix(columnNames: ["(Intercept)", "x"], columns: [[Double](repeating: 1, count: xs.count), xs])
        let fit = try LogisticRegression.fit(x, outcome: ys)
        #expect(fit.converged)
        #expect(try #require(fit.linearPredictors.last) > 15)
        let residual = zip(ys, fit.fittedProbabilities).reduce(0.0) { $0 + ($1.0 ? 1 : 0) - $1.1 }
        #expect(abs(residual) <= 1e-9)
    }

    @Test("an iteration cap too small to converge gives notConverged with the last iterate")
    func notConverged() throws {
        let fixture = try PeerFixture.load("glm.json", as: GLMFixture.self)
        let c = try #require(fixture.cases.first { $0.name == "weighted" })
        let design = DesignMatrix(columnNames: c.columns, rowMajor: c.x.flatMap { $0 })
        do {
            _ = try LogisticRegression.fit(design, outcome: c.y.map { $0 == 1 }, weights: c.weights, maxIterations: 2)
            Issue.record("expected notConverged")
        } catch let error {
            guard case let .notConverged(fit) = error else {
                Issue.record("expected notConverged, got \(error)")
                return
            }
            #expect(!fit.converged)
            #expect(fit.iterations == 2)
            #expect(fit.logLikelihood < c.log_likelihood)
        }
    }

    /// 140,000 rows from a known model: intercept, x₁ uniform on (−2, 2),
    /// a binary x₂ (share 0.3), a three-level category (two dummies), and,
    /// with `rare`, a column that is 1 on rows 1, 3 and 5 only.
    static func largeDesign(rare: Bool, seed: UInt64) -> (DesignMatrix, [Bool], truth: [Double]) {
        let truth = [-0.5, 0.8, -0.6, 0.4, -0.3]
        var g = SeededGenerator(seed: seed)
        var rows: [Double] = [], y: [Bool] = []
        let n = 140_000
        rows.reserveCapacity(n * 6)
        for i in 0..<n {
            let x1 = Double.random(in: -2..<2, using: &g)
            let x2: Double = Double.random(in: 0..<1, using: &g) < 0.3 ? 1 : 0
            let level = g.index(below: 3)
            var x = [1, x1, x2, level == 1 ? 1 : 0, level == 2 ? 1 : 0]
            let eta = zip(x, truth).reduce(0.0) { $0 + $1.0 * $1.1 }
            var outcome = Double.random(in: 0..<1, using: &g) < 1 / (1 + exp(-eta))
            if rare {
                x.append(i == 1 || i == 3 || i == 5 ? 1 : 0)
                if i == 1 || i == 5 { outcome = true } else if i == 3 { outcome = false }
            }
            rows += x
            y.append(outcome)
        }
        let names = ["(Intercept)", "x1", "x2", "level=b", "level=c"] + (rare ? ["rare"] : [])
        return (DesignMatrix(columnNames: names, rowMajor: rows), y, truth)
    }

    @Test("a large fit starts from a subsample's estimate: the same maximum as from R's start, in fewer iterations, for several seeds")
    func warmStartReachesTheSameMaximum() throws {
        for seed: UInt64 in [1, 2, 3] {
            let (x, y, truth) = Self.largeDesign(rare: false, seed: seed)
            let warm = try LogisticRegression.fit(x, outcome: y)
            let cold = try LogisticRegression.fit(x, outcome: y, weights: nil, maxIterations: 50, warmStart: false)
            #expect(warm.converged && cold.converged)
            // From R's start this data takes 5 iterations; from the subsample's estimate fewer.
            #expect(cold.iterations >= 5, "seed \(seed): \(cold.iterations) iterations from R's start")
            #expect(warm.iterations < cold.iterations, "seed \(seed): \(warm.iterations) iterations from the warm start, \(cold.iterations) from R's")
            for j in truth.indices {
                #expect(abs(warm.coefficients[j] - cold.coefficients[j]) <= 1e-10 * (1 + abs(cold.coefficients[j])))
                #expect(abs(warm.standardErrors[j] - cold.standardErrors[j]) <= 1e-8 * cold.standardErrors[j])
                // And it is the maximum of this model: the truth within 4.5 standard errors.
                #expect(abs(warm.coefficients[j] - truth[j]) <= 4.5 * warm.standardErrors[j], "seed \(seed), column \(j)")
            }
            #expect(abs(warm.logLikelihood - cold.logLikelihood) <= 1e-12 * abs(cold.logLikelihood))
        }
    }

    @Test("the fit without standard errors is the same fit, bit for bit: coefficients, η, μ (each μ the logistic of its η), ℓ and iterations")
    func withoutStandardErrors() throws {
        for (x, y) in [Self.expandedTable(), { let d = Self.largeDesign(rare: false, seed: 5); return (d.0, d.1) }()] {
            let full = try LogisticRegression.fit(x, outcome: y)
            let lean = try LogisticRegression.fitWithoutStandardErrors(x, outcome: y)
            #expect(lean.coefficients == full.coefficients)
            #expect(lean.linearPredictors == full.linearPredictors)
            #expect(lean.fittedProbabilities == full.fittedProbabilities)
            #expect(lean.logLikelihood == full.logLikelihood && lean.iterations == full.iterations)
            #expect(lean.standardErrors.isEmpty && lean.standardError(named: x.columnNames[0]) == nil)
            #expect(full.standardErrors.count == full.coefficients.count && full.standardError(named: x.columnNames[0]) != nil)
            // μ from the cached e^(−|η|) is the plain logistic of η (η ≥ 0: 1/(1 + e^(−η)); below: e^η/(1 + e^η)).
            for (eta, mu) in zip(full.linearPredictors, full.fittedProbabilities) {
                #expect(mu == (eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))))
            }
        }
    }

    @Test("a subsample that misses a rare column cannot start the fit: it starts from R's start, bit for bit the cold fit")
    func warmStartFallsBack() throws {
        // The subsample is every second row from row 0 here (140,000 / 2¹⁶ = 2): it never sees rows 1, 3 and 5.
        let (x, y, _) = Self.largeDesign(rare: true, seed: 4)
        let warm = try LogisticRegression.fit(x, outcome: y)
        let cold = try LogisticRegression.fit(x, outcome: y, weights: nil, maxIterations: 50, warmStart: false)
        #expect(warm.converged)
        #expect(warm.iterations == cold.iterations)
        #expect(warm.coefficients == cold.coefficients)
        #expect(warm.columnNames.contains("rare"))
    }

    @Test("a constant outcome, bad values and bad weights are typed errors")
    func badInput() {
        let x = DesignMatrix(columnNames: ["(Intercept)", "x"], rowMajor: [1, 0, 1, 1, 1, 2])
        #expect(throws: LogisticRegressionError.outcomeConstant(true)) {
            try LogisticRegression.fit(x, outcome: [true, true, true])
        }
        // A row of weight 0 does not count: the rest are all 0.
        #expect(throws: LogisticRegressionError.outcomeConstant(false)) {
            try LogisticRegression.fit(x, outcome: [false, false, true], weights: [1, 1, 0])
        }
        #expect(throws: LogisticRegressionError.noObservations) {
            try LogisticRegression.fit(x, outcome: [false, true, true], weights: [0, 0, 0])
        }
        #expect(throws: LogisticRegressionError.invalidWeight(row: 1, value: -1)) {
            try LogisticRegression.fit(x, outcome: [false, true, true], weights: [1, -1, 1])
        }
        let bad = DesignMatrix(columnNames: ["(Intercept)", "x"], rowMajor: [1, 0, 1, .nan, 1, 2])
        #expect(throws: LogisticRegressionError.nonFiniteValue(column: "x", row: 1)) {
            try LogisticRegression.fit(bad, outcome: [false, true, true])
        }
    }

    /// The entries of each row of a row-major matrix, the plain way.
    static func plainSparse(_ x: [Double], columns p: Int, keeping kept: [Int]) -> (start: [Int], column: [Int32], value: [Double]) {
        var start = [0], column: [Int32] = [], value: [Double] = []
        for i in 0..<(x.count / p) {
            for (k, j) in kept.enumerated() where x[i * p + j] != 0 { column.append(Int32(k)); value.append(x[i * p + j]) }
            start.append(value.count)
        }
        return (start, column, value)
    }

    @Test("sparse rows built in row blocks, and the kept columns taken from them, are the plain row-by-row entries")
    func sparseRowsInBlocks() {
        let p = 6, n = 70_001
        var x = [Double](repeating: 0, count: n * p)
        for k in x.indices where k % 4 != 1 && k % 9 != 0 { x[k] = Double(k % 17) - 8 }
        let kept = [0, 2, 3, 5]
        let all = SparseRows(x, columns: p)
        for (rows, plain) in [(all, Self.plainSparse(x, columns: p, keeping: Array(0..<p))),
                              (all.keeping(kept), Self.plainSparse(x, columns: p, keeping: kept)),
                              (SparseRows(x, columns: p, keeping: kept), Self.plainSparse(x, columns: p, keeping: kept))] {
            #expect(rows.start == plain.start)
            #expect(rows.column == plain.column)
            #expect(rows.value == plain.value)
        }
        #expect(all.keeping(Array(0..<p)).value == all.value)
        #expect(all.keeping(kept).columns == kept.count)
    }

    @Test("the first non-finite value is found in whichever block it lies; none gives nil")
    func firstNonFiniteInBlocks() {
        var x = [Double](repeating: 1, count: 200_000)
        #expect(LogisticRegression.firstNonFinite(x) == nil)
        x[150_000] = .nan
        x[100_001] = -.infinity
        x[100_002] = .nan
        #expect(LogisticRegression.firstNonFinite(x) == 100_001)
        x[7] = .infinity
        #expect(LogisticRegression.firstNonFinite(x) == 7)
    }
}
