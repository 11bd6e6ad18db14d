/// Ordinary least squares, solved through the normal equations with the
/// same ``CholeskyFactor`` the logistic fit uses (so a constant or
/// collinear column is left out the way R's `lm` reports it as `NA`).
///
/// Model: yᵢ = xᵢᵀβ + εᵢ with εᵢ independent, mean 0, variance σ². With
/// q kept columns and n rows:
///
///     β̂ = (XᵀX)⁻¹Xᵀy,  RSS = Σ(yᵢ − xᵢᵀβ̂)²,  σ̂² = RSS/(n − q),
///     SE(β̂ⱼ) = √(σ̂² [(XᵀX)⁻¹]ⱼⱼ),  tⱼ = β̂ⱼ/SE(β̂ⱼ),
///     R² = 1 − RSS/TSS,  R̄² = 1 − (1 − R²)(n − 1)/(n − q),
///
/// TSS = Σ(yᵢ − ȳ)² (the design is taken to contain an intercept, as
/// ``CovariateDesign`` builds it). The same estimates as R's `lm` (which
/// uses a QR decomposition; on a well-conditioned design the two agree to
/// ~1e−12). Reference: Seber, G. A. F. & Lee, A. J. (2003), *Linear
/// Regression Analysis*, 2nd ed., Wiley, §3.1–3.4 (estimates, σ̂²,
/// variance of β̂) and §4.4 (R²).
public enum LinearRegression {
    /// Fits y = Xβ + ε by least squares.
    ///
    /// - Parameters:
    ///   - design: X, one row per observation (include an intercept column).
    ///   - outcome: yᵢ, one per row (precondition).
    /// - Throws: ``LinearRegressionError`` for non-finite values or fewer
    ///   observations than kept columns plus one.
    public static func fit(_ design: DesignMatrix, outcome y: [Double]) throws(LinearRegressionError) -> LinearFit {
        precondition(y.count == design.rowCount, "one outcome per design row")
        let n = design.rowCount, p = design.columnCount
        let x = design.values   // once: a matrix held by its nonzeros makes the dense array on each read
        for (index, value) in x.enumerated() where !value.isFinite {
            throw .nonFiniteValue(column: design.columnNames[index % p], row: index / p)
        }
        if let row = y.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteOutcome(row: row) }
        let rows = Array(0..<n)
        let sparse = design.sparseRows
        let gram = LogisticRegression.gramMatrix(sparse, rows: rows) { _ in 1 }
        let factor = CholeskyFactor(gram, size: p)
        let kept = factor.kept, q = kept.count
        guard q > 0, n > q else { throw .tooFewObservations(n: n, columns: q) }
        var xty = [Double](repeating: 0, count: q)
        for i in 0..<n {
            let base = i * p
            for (k, j) in kept.enumerated() { xty[k] += x[base + j] * y[i] }
        }
        let beta = factor.solve(xty)
        var fitted = [Double](repeating: 0, count: n)
        var rss = 0.0, mean = 0.0
        for i in 0..<n {
            let base = i * p
            var s = 0.0
            for (k, j) in kept.enumerated() { s += x[base + j] * beta[k] }
            fitted[i] = s
            let r = y[i] - s
            rss += r * r
            mean += y[i]
        }
        mean /= Double(n)
        let tss = y.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) }
        let df = n - q
        let sigma2 = rss / Double(df)
        let se = factor.inverseDiagonal().map { (sigma2 * $0).squareRoot() }
        let r2: Double? = tss > 0 ? 1 - rss / tss : nil
        let adjusted = r2.map { 1 - (1 - $0) * Double(n - 1) / Double(df) }
        let dropped: [String] = factor.leftOut.map { design.columnNames[$0.column] }
        return LinearFit(columnNames: kept.map { design.columnNames[$0] }, coefficients: beta, standardErrors: se,
                         droppedColumns: dropped, residualVariance: sigma2, residualDegreesOfFreedom: df,
                         rSquared: r2, adjustedRSquared: adjusted, fittedValues: fitted)
    }
}

/// The least-squares fit made by ``LinearRegression/fit(_:outcome:)``.
public struct LinearFit: Sendable, Hashable {
    /// The kept columns, in design order: the regressors of `coefficients`.
    public var columnNames: [String]
    /// β̂, one per kept column.
    public var coefficients: [Double]
    /// √(σ̂² [(XᵀX)⁻¹]ⱼⱼ), R's `summary.lm` standard errors.
    public var standardErrors: [Double]
    /// The columns left out as constant or a linear combination of earlier
    /// ones (R's `lm` reports them as `NA`).
    public var droppedColumns: [String]
    /// σ̂² = RSS/(n − q).
    public var residualVariance: Double
    /// n − q.
    public var residualDegreesOfFreedom: Int
    /// 1 − RSS/TSS; nil when the outcome is constant (TSS = 0).
    public var rSquared: Double?
    /// 1 − (1 − R²)(n − 1)/(n − q); nil with `rSquared`.
    public var adjustedRSquared: Double?
    /// xᵢᵀβ̂, one per row.
    public var fittedValues: [Double]

    /// tⱼ = β̂ⱼ/SE(β̂ⱼ); nil where the standard error is 0 (a perfect fit).
    public var tValues: [Double?] {
        zip(coefficients, standardErrors).map { b, s in s > 0 ? b / s : nil }
    }
}

/// Why a linear regression could not be fitted.
public enum LinearRegressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A design value is NaN or infinite.
    case nonFiniteValue(column: String, row: Int)
    /// An outcome is NaN or infinite.
    case nonFiniteOutcome(row: Int)
    /// n ≤ q: no residual degrees of freedom, so σ̂² is undefined.
    case tooFewObservations(n: Int, columns: Int)

    public var description: String {
        switch self {
        case let .nonFiniteValue(column, row):
            return "linear regression: column \"\(column)\", row \(row + 1): the value is not a finite number; remove the row or give the value"
        case let .nonFiniteOutcome(row):
            return "linear regression: row \(row + 1): the outcome is not a finite number"
        case let .tooFewObservations(n, columns):
            return "linear regression: \(n) observation(s) for \(columns) estimable coefficient(s); at least \(columns + 1) are needed for standard errors"
        }
    }
}
