import Foundation

/// Logistic regression by maximum likelihood, fitted with Newton–Raphson,
/// which for the canonical logit link is iteratively reweighted least
/// squares (IRLS; McCullagh, P. & Nelder, J. A. (1989), *Generalized Linear
/// Models*, 2nd ed., Chapman & Hall, §2.5 and §4.4). The same model and
/// estimates as R's `glm(y ~ X − 1, family = binomial, weights = w)`.
///
/// Model: P(yᵢ = 1) = μᵢ = 1/(1 + e^(−ηᵢ)), ηᵢ = xᵢᵀβ, for rows xᵢ of the
/// design matrix X (the intercept is a column of ones), outcomes
/// yᵢ ∈ {0, 1} and prior weights wᵢ ≥ 0. β̂ maximises
///
///     ℓ(β) = Σ wᵢ[yᵢ ln μᵢ + (1 − yᵢ) ln(1 − μᵢ)]
///
/// with score g = Xᵀw(y − μ) and information I = XᵀWX, W = diag(wᵢμᵢ(1 − μᵢ)).
///
/// The steps, exactly:
/// 1. Rows with wᵢ = 0 take no part (they still get fitted values).
/// 2. Columns: ``CholeskyFactor`` of XᵀwX (prior weights) in column order
///    leaves out each column that is constant or a linear combination of
///    the columns kept before it (R's `glm` reports those as `NA`).
/// 3. Start as R's `binomial()$initialize`: μᵢ⁽⁰⁾ = (wᵢyᵢ + ½)/(wᵢ + 1),
///    ηᵢ⁽⁰⁾ = logit μᵢ⁽⁰⁾. A fit of 131,072 active rows or more starts
///    instead from β fitted (from that start, to a loose tolerance) on a
///    systematic subsample of about 65,000 of them: the same maximum in
///    fewer iterations over all rows (the propensity model of the 10M-row
///    benchmark, 308,000 rows: 4 instead of 8), since Newton's method
///    converges quadratically from a start that close
///    (``Problem/warmStart()``; it falls back to R's start when the
///    subsample cannot be fitted). Only the last bits of β̂ depend on the
///    path: the convergence test (5.) is the same.
/// 4. Each iteration solves (XᵀWX)β⁺ = XᵀW z with the working response
///    zᵢ = ηᵢ + (yᵢ − μᵢ)/(μᵢ(1 − μᵢ)) (formed as Wᵢηᵢ + wᵢ(yᵢ − μᵢ), so
///    nothing is divided by a vanishing weight); from the second iteration
///    on that is the Newton step β⁺ = β + I⁻¹g. If ℓ falls, the step is
///    halved (up to 30 times).
/// 5. Converged when the Newton decrement gᵀI⁻¹g of the step just taken
///    (twice the predicted gain in ℓ) is ≤ 1e−16·(|ℓ| + 1); the step is
///    kept, so the error left is of the order of its square, near rounding. This is
///    tighter than R's default |Δdeviance|/(|deviance| + 0.1) < 1e−8.
/// 6. Standard errors from I⁻¹ at β̂ itself (R takes them from the
///    weights of the last iteration's start; the difference is below the
///    convergence error).
///
/// Separation (Albert & Anderson 1984): when the data are separated, no
/// MLE exists; Newton's steps then move ηᵢ of the separated observations
/// by about one unit each while ℓ creeps towards its supremum, and the
/// decrement still shrinks. So a fit that converges with some |ηᵢ| > 15
/// (μᵢ within 3e−7 of 0 or 1), that stops with a singular information
/// matrix, or that does not converge is continued for up to 8 more steps,
/// and d = the change of β over them is examined: if Xd moves no ηᵢ by
/// more than 0.01 the fit is a genuine maximum and is returned; if
/// (2yᵢ − 1)·xᵢᵀd ≥ −0.001·max|Xd| for every observation, d separates the
/// data and ``LogisticRegressionError/separation(columns:perfectlyPredicted:)``
/// names the columns with the largest |dⱼ|·rms(xⱼ); otherwise
/// ``LogisticRegressionError/notConverged(_:)``.
public enum LogisticRegression {
    /// Fits P(y = 1 | x) = 1/(1 + e^(−xᵀβ)).
    ///
    /// - Parameters:
    ///   - design: X, one row per observation (include an intercept column).
    ///   - outcome: yᵢ, one per row (precondition).
    ///   - weights: wᵢ ≥ 0 (frequency or sampling weights), one per row
    ///     (precondition); nil for all 1.
    ///   - maxIterations: the iteration cap (R's `glm.control` has 25;
    ///     the default 50 leaves room for slow near-separated fits).
    /// - Throws: ``LogisticRegressionError`` for bad values, a constant
    ///   outcome, separation or non-convergence.
    public static func fit(_ design: DesignMatrix, outcome: [Bool], weights: [Double]? = nil,
                           maxIterations: Int = 50) throws(LogisticRegressionError) -> LogisticFit {
        try fit(design, outcome: outcome, weights: weights, maxIterations: maxIterations, warmStart: true)
    }

    /// The same fit without its standard errors (`standardErrors` empty):
    /// for a caller that reads only η or μ (the matched comparison's
    /// propensity score), which is spared the information matrix, one
    /// more pass over every row's products.
    package static func fitWithoutStandardErrors(_ design: DesignMatrix, outcome: [Bool],
                                                 weights: [Double]? = nil) throws(LogisticRegressionError) -> LogisticFit {
        try fit(design, outcome: outcome, weights: weights, maxIterations: 50, warmStart: true, standardErrors: false)
    }

    /// The fit, with `warmStart: false` always from R's start (step 3; the tests compare the two).
    static func fit(_ design: DesignMatrix, outcome: [Bool], weights: [Double]?, maxIterations: Int,
                    warmStart: Bool, standardErrors: Bool = true) throws(LogisticRegressionError) -> LogisticFit {
        precondition(outcome.count == design.rowCount, "one outcome per design row")
        precondition(weights.map { $0.count == design.rowCount } ?? true, "one weight per design row")
        precondition(maxIterations >= 1, "at least one iteration")
        let n = design.rowCount
        let all = design.sparseRows
        if let entry = firstNonFinite(all.value) {   // a non-finite value is nonzero: an entry, in row-major order
            throw .nonFiniteValue(column: design.columnNames[Int(all.column[entry])], row: all.row(ofEntry: entry))
        }
        let w = weights ?? [Double](repeating: 1, count: n)
        for (row, value) in w.enumerated() where !(value.isFinite && value >= 0) {
            throw .invalidWeight(row: row, value: value)
        }
        let active = (0..<n).filter { w[$0] > 0 }
        guard !active.isEmpty else { throw .noObservations }
        let firstOutcome = outcome[active[0]]
        if active.allSatisfy({ outcome[$0] == firstOutcome }) { throw .outcomeConstant(firstOutcome) }

        // 2. Columns to keep, from XᵀwX.
        let p = design.columnCount
        let gram = gramMatrix(all, rows: active) { w[$0] }
        let screen = CholeskyFactor(gram, size: p)
        let dropped = screen.leftOut.map { column, combination in
            droppedColumn(column, combination: combination, kept: screen.kept, design: design, rows: active)
        }
        let kept = screen.kept
        let q = kept.count
        let problem = Problem(sparse: all.keeping(kept), columns: q, rows: active, y: outcome, w: w)

        // 3.–5.
        var state = (warmStart ? problem.warmStart() : nil) ?? problem.glmStart()
        var trail: [[Double]] = []   // β after each step
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            guard let next = problem.step(state) else { break }   // singular information
            state = next.state
            trail.append(state.beta)
            if iterations >= 2 && next.decrement <= 1e-16 * (abs(state.logLikelihood) + 1) {
                converged = true
                break
            }
        }
        if !converged || active.contains(where: { abs(state.eta[$0]) > 15 }) {
            // Continue and see whether β runs off along a direction that separates the data.
            var probe = state
            for _ in 0..<8 {
                guard !probe.beta.isEmpty, let next = problem.step(probe) else { break }
                probe = next.state
                trail.append(probe.beta)
            }
            let unconverged = problem.result(state, design: design, kept: kept, dropped: dropped,
                                             iterations: iterations, converged: false, standardErrors: standardErrors)
            guard let last = trail.last else { throw .notConverged(unconverged) }
            let d = zip(last, trail[max(0, trail.count - 9)]).map { $0 - $1 }
            let movement = active.reduce(0.0) { max($0, abs(problem.dot(row: $1, d))) }
            if movement > 0.01 || !converged {
                if let separation = problem.separation(along: d, columnNames: kept.map { design.columnNames[$0] }) {
                    throw .separation(columns: separation.columns, perfectlyPredicted: separation.count)
                }
                throw .notConverged(unconverged)
            }
        }
        return problem.result(state, design: design, kept: kept, dropped: dropped,
                              iterations: iterations, converged: true, standardErrors: standardErrors)
    }

    /// The first index of a NaN or infinite value, or nil; searched in
    /// fixed blocks on the cores (the first hit of the first block with one).
    static func firstNonFinite(_ values: [Double]) -> Int? {
        let blocks = RowBlocks.ranges(values.count)
        var first = [Int](repeating: .max, count: blocks.count)
        values.withUnsafeBufferPointer { x in
            first.withUnsafeMutableBufferPointer { first in
                let out = Shared(first.baseAddress!)
                RowBlocks.run(blocks.count) { k in
                    for i in blocks[k] where !x[i].isFinite { out.value[k] = i; return }
                }
            }
        }
        return first.first { $0 != .max }
    }

    /// Σ over `rows` of weight(i)·xᵢxᵢᵀ, p × p row-major, lower triangle
    /// filled and mirrored, from the rows' nonzero entries. Only zero products are left
    /// out, so every sum is the same, bit for bit, as over the dense rows;
    /// with one-hot categories a row has a few nonzeros of many columns.
    static func gramMatrix(_ x: SparseRows, rows: [Int], weight: (Int) -> Double) -> [Double] {
        let p = x.columns
        var a = rows.withUnsafeBufferPointer { rows in
            x.withRows { start, column, value in
                RowBlocks.sums(rows.count, width: p * p) { range, a in
                    for k in range {
                        let i = rows[k]
                        let wi = weight(i)
                        let lower = start[i], upper = start[i + 1]
                        for s in lower..<upper {
                            let v = wi * value[s]
                            if v == 0 { continue }
                            let r = Int(column[s]) &* p
                            var t = lower   // wrapping index arithmetic: no overflow checks in the hot loop
                            while t <= s { a[r &+ Int(column[t])] += v * value[t]; t &+= 1 }
                        }
                    }
                }
            }
        }
        for r in 0..<p { for c in 0..<r { a[c * p + r] = a[r * p + c] } }
        return a
    }

    /// The report of a left-out column: constant, or the kept columns
    /// before it that it is a combination of (coefficients above 1e−8 of
    /// the largest).
    private static func droppedColumn(_ j: Int, combination: [Double], kept: [Int], design: DesignMatrix,
                                      rows: [Int]) -> LogisticFit.DroppedColumn {
        let name = design.columnNames[j]
        let first = design[rows[0], j]
        if rows.allSatisfy({ design[$0, j] == first }) {
            return .init(name: name, reason: .constant)
        }
        let largest = combination.map(abs).max() ?? 0
        let involved = zip(kept, combination).filter { abs($0.1) > 1e-8 * largest }.map { design.columnNames[$0.0] }
        return .init(name: name, reason: .linearCombination(of: involved))
    }
}

extension LogisticRegression {
    /// One iterate: β (empty before the first solve), η = Xβ, ℓ(β), and
    /// e^(−|ηᵢ|) of each row: ℓ needs it, and the next step's μ and
    /// μ(1 − μ) are made from it (``Logistic/moments(_:exponential:)``)
    /// instead of a second exponential per row.
    struct State {
        var beta: [Double]
        var eta: [Double]
        var logLikelihood: Double
        var exponentials: [Double]

        static func start(eta: [Double]) -> State {
            State(beta: [], eta: eta, logLikelihood: -.infinity, exponentials: eta.map { exp(-abs($0)) })
        }
    }

    /// The data of one fit, with the kept columns only.
    struct Problem {
        let sparse: SparseRows   // X's kept columns, n × q, by their nonzero entries
        let columns: Int      // q
        let rows: [Int]       // observations with positive weight
        let y: [Bool]
        let w: [Double]

        /// glm's start (step 3): η from μ = (wy + ½)/(w + 1) on the active rows.
        func glmStart() -> State {
            var eta = [Double](repeating: 0, count: y.count)
            for i in rows {
                let mu = (w[i] * (y[i] ? 1 : 0) + 0.5) / (w[i] + 1)
                eta[i] = log(mu / (1 - mu))
            }
            return State.start(eta: eta)
        }

        /// Active rows a fit needs before it starts from a subsample's estimate.
        static let warmStartRows = 1 << 17

        /// For a large fit (at least ``warmStartRows`` active rows), a start
        /// near the maximum: β fitted on every m-th active row, m =
        /// ⌊rows / 2¹⁶⌋ (about 65,000 rows, two blocks on the cores), to a
        /// loose tolerance, then evaluated on every row. Newton's method
        /// converges quadratically, so from a subsample estimate (error of
        /// order 1/√65,000) the full data need about half the iterations
        /// they need from glm's start, and they end at
        /// the same maximum (the convergence test of the full fit is
        /// unchanged; only the last bits of β can differ with the path).
        /// nil — glm's start then — for a smaller fit, or when the subsample
        /// lacks an outcome, its XᵀWX is singular (a rare category absent
        /// from it), it does not converge, or it runs off (|η| > 15: a
        /// separation is left to the full fit's own diagnosis).
        func warmStart() -> State? {
            guard rows.count >= Self.warmStartRows else { return nil }
            let every = rows.count / (2 * RowBlocks.size)
            let picked = stride(from: 0, to: rows.count, by: every).map { rows[$0] }
            let sub = Problem(sparse: sparse.rows(picked), columns: columns, rows: Array(picked.indices),
                              y: picked.map { y[$0] }, w: picked.map { w[$0] })
            guard sub.y.contains(true), sub.y.contains(false) else { return nil }
            var state = sub.glmStart()
            for iteration in 1...25 {
                guard let next = sub.step(state) else { return nil }
                state = next.state
                guard state.eta.allSatisfy({ abs($0) <= 15 }) else { return nil }
                if iteration >= 2 && next.decrement <= 1e-8 * (abs(state.logLikelihood) + 1) {
                    return evaluate(state.beta)
                }
            }
            return nil
        }

        func dot(row i: Int, _ beta: [Double]) -> Double {
            sparse.dot(row: i, beta)
        }

        /// η = Xβ and e^(−|η|) for every row, and ℓ(β) over the active rows.
        func evaluate(_ beta: [Double]) -> State {
            let n = y.count
            var exponentials = [Double](repeating: 0, count: n)
            let eta = [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
                let out = Shared(buffer.baseAddress!)
                let blocks = RowBlocks.ranges(n)
                exponentials.withUnsafeMutableBufferPointer { e in
                    let eOut = Shared(e.baseAddress!)
                    beta.withUnsafeBufferPointer { beta in
                        sparse.withRows { start, column, value in
                            RowBlocks.run(blocks.count) { k in
                                for i in blocks[k] {
                                    var s = 0.0
                                    for e in start[i]..<start[i + 1] { s += value[e] * beta[Int(column[e])] }
                                    (out.value + i).initialize(to: s)
                                    eOut.value[i] = exp(-abs(s))
                                }
                            }
                        }
                    }
                }
                initialized = n
            }
            let ll = eta.withUnsafeBufferPointer { eta in
                exponentials.withUnsafeBufferPointer { e in
                    rows.withUnsafeBufferPointer { rows in
                        RowBlocks.sums(rows.count, width: 1) { range, ll in
                            for k in range {
                                let i = rows[k]
                                ll[0] -= w[i] * Logistic.softplus(y[i] ? -eta[i] : eta[i], exponential: e[i])
                            }
                        }[0]
                    }
                }
            }
            return State(beta: beta, eta: eta, logLikelihood: ll, exponentials: exponentials)
        }

        /// One IRLS/Newton step from `state`, with step halving; nil when
        /// XᵀWX is singular at `state` (the pivot of some kept column fell
        /// below 1e−10 of its diagonal).
        func step(_ state: State) -> (state: State, decrement: Double)? {
            let q = columns
            // XᵀWX (q × q), XᵀWz (q) and the score (q), in one set of block sums.
            let sums = state.eta.withUnsafeBufferPointer { etas in
                state.exponentials.withUnsafeBufferPointer { exponentials in
                    rows.withUnsafeBufferPointer { rows in
                        sparse.withRows { start, column, value in
                            RowBlocks.sums(rows.count, width: q * q + 2 * q) { range, a in
                                let b = a + q * q, g = b + q
                                for k in range {
                                    let i = rows[k]
                                    let eta = etas[i]
                                    let (mu, complement, variance) = Logistic.moments(eta, exponential: exponentials[i])
                                    let residual = y[i] ? complement : -mu   // y − μ without cancellation
                                    let weight = w[i] * variance
                                    let working = weight * eta + w[i] * residual
                                    let score = w[i] * residual
                                    let lower = start[i], upper = start[i + 1]
                                    for s in lower..<upper {
                                        let xr = value[s]
                                        let r = Int(column[s])
                                        b[r] += xr * working
                                        g[r] += xr * score
                                        let v = weight * xr
                                        let base = r &* q
                                        var t = lower   // wrapping index arithmetic: no overflow checks in the hot loop
                                        while t <= s { a[base &+ Int(column[t])] += v * value[t]; t &+= 1 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            var a = Array(sums[0..<(q * q)])
            let b = Array(sums[(q * q)..<(q * q + q)])
            let g = Array(sums[(q * q + q)...])
            for r in 0..<q { for c in 0..<r { a[c * q + r] = a[r * q + c] } }
            let factor = CholeskyFactor(a, size: q)
            guard factor.kept.count == q else { return nil }
            var beta = factor.solve(b)
            var next = evaluate(beta)
            guard !state.beta.isEmpty else { return (next, .infinity) }
            let decrement = zip(g, zip(beta, state.beta)).reduce(0.0) { $0 + $1.0 * ($1.1.0 - $1.1.1) }
            var halvings = 0
            while next.logLikelihood < state.logLikelihood - 1e-12 * (abs(state.logLikelihood) + 1), halvings < 30 {
                beta = zip(beta, state.beta).map { ($0 + $1) / 2 }
                next = evaluate(beta)
                halvings += 1
            }
            return (next, decrement)
        }

        /// The observations and columns of a separation along d, or nil
        /// when d does not separate the data.
        func separation(along d: [Double], columnNames: [String]) -> (columns: [String], count: Int)? {
            let v = rows.map { dot(row: $0, d) }
            let largest = v.reduce(0.0) { max($0, abs($1)) }
            guard largest > 0, largest.isFinite else { return nil }
            var strict = 0
            for (k, i) in rows.enumerated() {
                let signed = (y[i] ? v[k] : -v[k]) / largest
                if signed < -1e-3 { return nil }
                if signed > 1e-3 { strict += 1 }
            }
            guard strict > 0 else { return nil }
            // Each column's share of the movement: |dⱼ|·rms(xⱼ).
            let shares: [Double] = (0..<columns).map { j in
                var squares = 0.0
                for i in rows { let v = sparse.value(row: i, column: j); squares += v * v }
                return abs(d[j]) * (squares / Double(rows.count)).squareRoot()
            }
            let top = shares.max() ?? 0
            let named = (0..<columns).filter { shares[$0] >= 0.05 * top }.sorted { shares[$0] > shares[$1] }
            return (named.map { columnNames[$0] }, strict)
        }

        /// μ of every row at `state`, from its exponentials, in blocks on the cores.
        func fittedProbabilities(_ state: State) -> [Double] {
            let n = state.eta.count
            return [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
                let out = Shared(buffer.baseAddress!)
                let blocks = RowBlocks.ranges(n)
                state.eta.withUnsafeBufferPointer { eta in
                    state.exponentials.withUnsafeBufferPointer { e in
                        RowBlocks.run(blocks.count) { k in
                            for i in blocks[k] { (out.value + i).initialize(to: Logistic.probability(eta[i], exponential: e[i])) }
                        }
                    }
                }
                initialized = n
            }
        }

        /// The fit at `state`, with standard errors from I(β)⁻¹ (none without `standardErrors`).
        func result(_ state: State, design: DesignMatrix, kept: [Int], dropped: [LogisticFit.DroppedColumn],
                    iterations: Int, converged: Bool, standardErrors: Bool = true) -> LogisticFit {
            var errors: [Double] = []
            if standardErrors {
                let information = LogisticRegression.gramMatrix(sparse, rows: rows) { w[$0] * Logistic.variance(state.eta[$0]) }
                let factor = CholeskyFactor(information, size: columns, tolerance: 0)
                if factor.kept.count == columns {
                    errors = factor.inverseDiagonal().map { $0.squareRoot() }
                } else {
                    errors = [Double](repeating: .infinity, count: columns)
                }
            }
            return LogisticFit(columnNames: kept.map { design.columnNames[$0] },
                               coefficients: state.beta.isEmpty ? [Double](repeating: 0, count: columns) : state.beta,
                               standardErrors: errors, droppedColumns: dropped, iterations: iterations,
                               converged: converged, logLikelihood: state.logLikelihood,
                               linearPredictors: state.eta, fittedProbabilities: fittedProbabilities(state))
        }
    }
}

/// The logistic function and its companions, computed without overflow or
/// cancellation for every finite η.
enum Logistic {
    /// 1/(1 + e^(−η)).
    static func probability(_ eta: Double) -> Double {
        probability(eta, exponential: exp(-abs(eta)))
    }

    /// ``probability(_:)`` from e = e^(−|η|) (e^(−η) for η ≥ 0, e^η below).
    @inline(__always)
    static func probability(_ eta: Double, exponential e: Double) -> Double {
        eta >= 0 ? 1 / (1 + e) : e / (1 + e)
    }

    /// μ, 1 − μ and μ(1 − μ) from one exponential, e = e^(−|η|): each the
    /// same, bit for bit, as ``probability(_:)`` of η and of −η and
    /// ``variance(_:)``.
    @inline(__always)
    static func moments(_ eta: Double, exponential e: Double) -> (mu: Double, complement: Double, variance: Double) {
        let variance = e / ((1 + e) * (1 + e))
        if eta > 0 { return (1 / (1 + e), e / (1 + e), variance) }
        if eta < 0 { return (e / (1 + e), 1 / (1 + e), variance) }
        return (1 / (1 + e), 1 / (1 + e), variance)
    }

    /// μ(1 − μ) = e^(−|η|)/(1 + e^(−|η|))².
    static func variance(_ eta: Double) -> Double {
        let e = exp(-abs(eta))
        return e / ((1 + e) * (1 + e))
    }

    /// ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)); −softplus(−η) = ln μ.
    static func softplus(_ x: Double) -> Double {
        softplus(x, exponential: exp(-abs(x)))
    }

    /// ``softplus(_:)`` from e = e^(−|x|) worked out before: the same value, bit for bit.
    @inline(__always)
    static func softplus(_ x: Double, exponential e: Double) -> Double {
        max(x, 0) + log1p(e)
    }

    /// ln(μ/(1 − μ)) for μ ∈ (0, 1).
    static func logit(_ mu: Double) -> Double { log(mu / (1 - mu)) }
}

/// The nonzero entries of a row-major matrix, row by row (compressed sparse
/// rows): the fit's sums skip the zeros of one-hot category columns, which
/// are most of a propensity design's entries. Column indices ascend within
/// a row, so sums over a row's entries run in the dense order.
struct SparseRows: Sendable {
    let columns: Int
    /// Row i's entries are `start[i] ..< start[i + 1]`.
    let start: [Int]
    let column: [Int32]
    let value: [Double]

    /// The rows whose entries are `column[start[i] ..< start[i + 1]]`
    /// (ascending within a row) and `value[…]` alike.
    init(columns: Int, start: [Int], column: [Int32], value: [Double]) {
        precondition(!start.isEmpty && start.first == 0 && start.last == column.count && column.count == value.count,
                     "row starts that cover the entries")
        self.columns = columns
        self.start = start
        self.column = column
        self.value = value
    }

    /// The rows of `x` (row-major, p columns), all columns.
    init(_ x: [Double], columns p: Int) {
        self.init(x, columns: p, keeping: Array(0..<p))
    }

    /// The rows of `x` (row-major, p columns) with only the columns
    /// `kept` (ascending), renumbered 0, 1, … in that order.
    init(_ x: [Double], columns p: Int, keeping kept: [Int]) {
        precondition(p > 0 && x.count % p == 0, "row-major values must fill whole rows")
        let n = x.count / p
        if kept != Array(0..<p) {
            self = SparseRows(x, columns: p).keeping(kept)
            return
        }
        // All columns: each row's nonzeros, in column order.
        self = x.withUnsafeBufferPointer { x in
            SparseRows(rows: n, columns: p) { i, emit in
                for j in 0..<p where x[i * p + j] != 0 { emit(Int32(j), x[i * p + j]) }
            }
        }
    }

    /// These rows with only the columns `kept` (ascending), renumbered 0,
    /// 1, … in that order: the same as building them from the dense rows
    /// with `keeping: kept`, from the nonzero entries alone.
    func keeping(_ kept: [Int]) -> SparseRows {
        if kept == Array(0..<columns) { return self }
        var renumbered = [Int32](repeating: -1, count: columns)
        for (k, j) in kept.enumerated() { renumbered[j] = Int32(k) }
        return withRows { start, column, value in
            renumbered.withUnsafeBufferPointer { renumbered in
                SparseRows(rows: start.count - 1, columns: kept.count) { i, emit in
                    for e in start[i]..<start[i + 1] {
                        let k = renumbered[Int(column[e])]
                        if k >= 0 { emit(k, value[e]) }
                    }
                }
            }
        }
    }

    /// The rows whose entries `row(i, emit)` emits, in ascending column
    /// order (``built(rows:columns:count:fill:)`` row by row). (Inlined, so
    /// that `row` and its `emit` become plain loops at each caller.)
    @inline(__always)
    init(rows n: Int, columns: Int, _ row: (Int, (Int32, Double) -> Void) -> Void) {
        self = Self.built(rows: n, columns: columns, count: { rows, count in
            for i in rows { row(i) { _, _ in count[i] += 1 } }
        }, fill: { rows, next, column, value in
            for i in rows {
                row(i) { j, x in
                    column[next[i]] = j
                    value[next[i]] = x
                    next[i] += 1
                }
            }
        })
    }

    /// The rows whose entries two passes make, in fixed blocks of rows on
    /// the cores: `count(rows, count)` adds the number of each row i's
    /// entries to `count[i]` (0 at first), then `fill(rows, next, column,
    /// value)` writes row i's entries at `next[i]`, advancing it, in
    /// ascending column order. Each block writes only its rows' places, so
    /// the arrays are the same on any number of threads.
    @inline(__always)
    static func built(rows n: Int, columns: Int, count: (Range<Int>, UnsafeMutablePointer<Int>) -> Void,
                      fill: (Range<Int>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Double>) -> Void) -> SparseRows {
        let blocks = RowBlocks.ranges(n)
        var start = [Int](repeating: 0, count: n + 1)
        start.withUnsafeMutableBufferPointer { start in
            let counts = Shared(start.baseAddress! + 1)
            RowBlocks.run(blocks.count) { k in count(blocks[k], counts.value) }
        }
        for i in 0..<n { start[i + 1] += start[i] }
        let total = start[n]
        var next = start   // each row's next free entry
        // The entries are written once each, by the blocks on their cores: not zeroed first on one
        // core (tens of megabytes, whose first touch costs a page fault per page). Every row's
        // places are checked filled before the arrays are used.
        var column: [Int32] = [], value: [Double] = []
        if total > 0 {
            column = [Int32](unsafeUninitializedCapacity: total) { column, filled in
                value = [Double](unsafeUninitializedCapacity: total) { value, written in
                    next.withUnsafeMutableBufferPointer { next in
                        let e = Shared(next.baseAddress!), c = Shared(column.baseAddress!), v = Shared(value.baseAddress!)
                        RowBlocks.run(blocks.count) { k in fill(blocks[k], e.value, c.value, v.value) }
                    }
                    written = total
                }
                filled = total
            }
            precondition((0..<n).allSatisfy { next[$0] == start[$0 + 1] }, "fill wrote exactly the entries count counted")
        }
        return SparseRows(columns: columns, start: start, column: column, value: value)
    }

    /// The rows `subset` of these, in that order, as a matrix of their own.
    func rows(_ subset: [Int]) -> SparseRows {
        withRows { start, column, value in
            subset.withUnsafeBufferPointer { subset in
                SparseRows(rows: subset.count, columns: columns) { i, emit in
                    let r = subset[i]
                    for e in start[r]..<start[r + 1] { emit(column[e], value[e]) }
                }
            }
        }
    }

    /// The row-major dense values (zeros where a row has no entry).
    func dense() -> [Double] {
        let n = start.count - 1, p = columns
        return withRows { start, column, value in
            [Double](unsafeUninitializedCapacity: n * p) { buffer, initialized in
                let out = Shared(buffer.baseAddress!)
                let blocks = RowBlocks.ranges(n)
                RowBlocks.run(blocks.count) { k in
                    guard !blocks[k].isEmpty else { return }
                    let x = out.value + blocks[k].lowerBound * p
                    x.initialize(repeating: 0, count: blocks[k].count * p)
                    for i in blocks[k] {
                        for e in start[i]..<start[i + 1] { out.value[i * p + Int(column[e])] = value[e] }
                    }
                }
                initialized = n * p
            }
        }
    }

    /// The row whose entries include entry e (0 ≤ e < the number of entries).
    func row(ofEntry e: Int) -> Int {
        // The last row starting at or before e: rows without entries start where the next one does.
        var low = 0, high = start.count - 1   // start[low] ≤ e < start[high]
        while high - low > 1 {
            let mid = (low + high) / 2
            if start[mid] <= e { low = mid } else { high = mid }
        }
        return low
    }

    /// xᵢᵀβ over the row's nonzero entries.
    func dot(row i: Int, _ beta: [Double]) -> Double {
        var s = 0.0
        for k in start[i]..<start[i + 1] { s += value[k] * beta[Int(column[k])] }
        return s
    }

    /// x_ij (0 where the row has no entry for j).
    func value(row i: Int, column j: Int) -> Double {
        for k in start[i]..<start[i + 1] where Int(column[k]) == j { return value[k] }
        return 0
    }

    /// Runs `body` with unchecked views of the three arrays.
    func withRows<R>(_ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try start.withUnsafeBufferPointer { s in
            try column.withUnsafeBufferPointer { c in
                try value.withUnsafeBufferPointer { v in try body(s, c, v) }
            }
        }
    }
}
