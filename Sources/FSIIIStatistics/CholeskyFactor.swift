/// The Cholesky factor A = LLᵀ of a symmetric positive semidefinite matrix
/// (a Gram matrix XᵀWX), taken column by column in the given order, where a
/// column whose pivot vanishes is left out instead of failing: R's "limited
/// column pivoting" (LINPACK `dqrdc2`, which `lm` and `glm` use), applied to
/// the normal equations.
///
/// For column j, with L the factor of the columns kept before it:
/// y = L⁻¹·A[kept, j] and the pivot d = A_jj − yᵀy, the weighted residual
/// sum of squares of column j regressed on the kept columns. Column j is
/// kept (with row (yᵀ, √d) appended to L) when d > tolerance·A_jj, and
/// left out otherwise; then c = L⁻ᵀ·y are the coefficients that express it
/// through the kept columns before it (for the message that names them).
/// So the columns kept are the first ones that span the column space, the
/// ones R's `glm` keeps, and a left-out column is a linear combination of
/// kept ones to within √tolerance of its norm.
///
/// Golub, G. H. & Van Loan, C. F. (2013), *Matrix Computations*, 4th ed.,
/// Johns Hopkins, §4.2.8 (semidefinite Cholesky) and §5.4.1 (rank by
/// pivoting).
struct CholeskyFactor: Sendable {
    /// Indices (into the factored matrix) of the kept columns, ascending.
    let kept: [Int]
    /// L, kept.count × kept.count, row-major, zero above the diagonal.
    let lower: [Double]
    /// For each left-out column: its index and c, one coefficient per kept
    /// column before it (in `kept` order).
    let leftOut: [(column: Int, combination: [Double])]

    /// Pivot tolerance relative to the column's own A_jj. Cholesky on XᵀWX
    /// computes d with an absolute error of a few ε·A_jj (ε ≈ 2.2e−16), so
    /// an exact linear combination gives d/A_jj ≈ 1e−15 and less; 1e−10
    /// (a residual norm under 1e−5 of the column's norm) is far from both.
    static let defaultTolerance = 1e-10

    /// Factors the p × p row-major symmetric `matrix` (only the lower
    /// triangle is read).
    init(_ matrix: [Double], size p: Int, tolerance: Double = defaultTolerance) {
        precondition(matrix.count == p * p, "a p × p matrix")
        var kept: [Int] = []
        var rows: [[Double]] = []   // row r of L: r + 1 entries
        var leftOut: [(Int, [Double])] = []
        for j in 0..<p {
            let diagonal = matrix[j * p + j]
            var y = [Double](repeating: 0, count: kept.count)
            for (r, column) in kept.enumerated() {
                var s = matrix[j * p + column]
                for m in 0..<r { s -= rows[r][m] * y[m] }
                y[r] = s / rows[r][r]
            }
            var pivot = diagonal
            for v in y { pivot -= v * v }
            if diagonal > 0, pivot > tolerance * diagonal {
                kept.append(j)
                rows.append(y + [pivot.squareRoot()])
            } else {
                leftOut.append((j, Self.backSolve(rows, y)))
            }
        }
        let q = kept.count
        var lower = [Double](repeating: 0, count: q * q)
        for r in 0..<q { for m in 0...r { lower[r * q + m] = rows[r][m] } }
        self.kept = kept
        self.lower = lower
        self.leftOut = leftOut
    }

    /// x with Lᵀx = y for the rows of L built so far.
    private static func backSolve(_ rows: [[Double]], _ y: [Double]) -> [Double] {
        var x = y
        for r in stride(from: y.count - 1, through: 0, by: -1) {
            var s = x[r]
            for m in (r + 1)..<max(r + 1, y.count) { s -= rows[m][r] * x[m] }
            x[r] = s / rows[r][r]
        }
        return x
    }

    /// x with (LLᵀ)x = b, b one entry per kept column.
    func solve(_ b: [Double]) -> [Double] {
        let q = kept.count
        precondition(b.count == q, "one right-hand side per kept column")
        var z = b
        for r in 0..<q {
            var s = z[r]
            for m in 0..<r { s -= lower[r * q + m] * z[m] }
            z[r] = s / lower[r * q + r]
        }
        for r in stride(from: q - 1, through: 0, by: -1) {
            var s = z[r]
            for m in (r + 1)..<q { s -= lower[m * q + r] * z[m] }
            z[r] = s / lower[r * q + r]
        }
        return z
    }

    /// The diagonal of (LLᵀ)⁻¹ = L⁻ᵀL⁻¹: entry k is the squared norm of
    /// column k of L⁻¹, which forward substitution of L·v = e_k gives
    /// (v is zero above k).
    func inverseDiagonal() -> [Double] {
        let q = kept.count
        var diagonal = [Double](repeating: 0, count: q)
        var v = [Double](repeating: 0, count: q)
        for k in 0..<q {
            v[k] = 1 / lower[k * q + k]
            var sum = v[k] * v[k]
            for r in (k + 1)..<max(k + 1, q) {
                var s = 0.0
                for m in k..<r { s -= lower[r * q + m] * v[m] }
                v[r] = s / lower[r * q + r]
                sum += v[r] * v[r]
            }
            diagonal[k] = sum
        }
        return diagonal
    }
}
