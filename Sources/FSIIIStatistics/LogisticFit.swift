/// The maximum-likelihood fit of a logistic regression, made by
/// ``LogisticRegression/fit(_:outcome:weights:maxIterations:)``.
public struct LogisticFit: Sendable, Hashable {
    /// A design column left out before the fit because it carries no
    /// information of its own.
    public struct DroppedColumn: Sendable, Hashable {
        /// Why a column was left out.
        public enum Reason: Sendable, Hashable {
            /// It takes one value on every observation with positive
            /// weight, so an earlier column (the intercept) carries it.
            case constant
            /// It is an exact linear combination of these earlier, kept
            /// columns (to within 1e−5 of its norm), e.g. dummies that add
            /// up to the intercept.
            case linearCombination(of: [String])
        }

        /// The column's name in the design matrix.
        public var name: String
        /// Why it was left out.
        public var reason: Reason
    }

    /// The kept columns, in design order: the regressors of `coefficients`.
    public var columnNames: [String]
    /// β̂, one per kept column.
    public var coefficients: [Double]
    /// √(diag I(β̂)⁻¹), I = XᵀWX with W = diag(wᵢμᵢ(1 − μᵢ)) at β̂: the
    /// standard errors from the inverse Fisher information (R's
    /// `summary.glm` with dispersion 1). Empty from the package's fit
    /// without them (the matched comparison reads only η).
    public var standardErrors: [Double]
    /// The columns left out before the fit (R reports them as `NA`).
    public var droppedColumns: [DroppedColumn]
    /// Newton–Raphson iterations made.
    public var iterations: Int
    /// Whether the iterations met the convergence criterion (always true
    /// for a fit that ``LogisticRegression/fit(_:outcome:weights:maxIterations:)``
    /// returns; false in the fit that ``LogisticRegressionError/notConverged(_:)``
    /// carries).
    public var converged: Bool
    /// ℓ(β̂) = Σ wᵢ[yᵢ ln μᵢ + (1 − yᵢ) ln(1 − μᵢ)] (= −deviance/2 for a
    /// binary outcome, R's `logLik` for integer weights).
    public var logLikelihood: Double
    /// ηᵢ = xᵢᵀβ̂, the logit of each row's fitted probability (rows with
    /// weight 0 included): the distance propensity-score matching uses.
    public var linearPredictors: [Double]
    /// μᵢ = 1/(1 + e^(−ηᵢ)), one per row.
    public var fittedProbabilities: [Double]

    /// The coefficient of the kept column `name`; nil when there is no such
    /// column or it was dropped.
    public func coefficient(named name: String) -> Double? {
        columnNames.firstIndex(of: name).map { coefficients[$0] }
    }

    /// The standard error of the kept column `name` (nil also when the
    /// fit was made without standard errors).
    public func standardError(named name: String) -> Double? {
        guard !standardErrors.isEmpty else { return nil }
        return columnNames.firstIndex(of: name).map { standardErrors[$0] }
    }
}

/// Why a logistic regression could not be fitted, with what to do about it.
public enum LogisticRegressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A design value is NaN or infinite.
    case nonFiniteValue(column: String, row: Int)
    /// A weight is negative, NaN or infinite.
    case invalidWeight(row: Int, value: Double)
    /// No observation with positive weight.
    case noObservations
    /// Every observation with positive weight has the same outcome; the
    /// MLE of the intercept is ±∞.
    case outcomeConstant(Bool)
    /// The data are completely or quasi-completely separated (Albert, A. &
    /// Anderson, J. A. (1984), "On the existence of maximum likelihood
    /// estimates in logistic regression models", Biometrika 71(1), 1–10):
    /// a combination of `columns` (largest share first) predicts the
    /// outcome of `perfectlyPredicted` observations exactly and none
    /// wrongly, so the MLE does not exist (coefficients run off to ±∞).
    case separation(columns: [String], perfectlyPredicted: Int)
    /// The iterations did not converge and the data are not separated; the
    /// fit carries the last iterate (`converged` false).
    case notConverged(LogisticFit)

    public var description: String {
        switch self {
        case let .nonFiniteValue(column, row):
            return "logistic regression: column \"\(column)\", row \(row + 1): the value is not a finite number; remove the row or give the value"
        case let .invalidWeight(row, value):
            return "logistic regression: row \(row + 1): weight \(value) is not a finite number ≥ 0"
        case .noObservations:
            return "logistic regression: no observation has a positive weight"
        case let .outcomeConstant(value):
            return "logistic regression: every observation has outcome \(value ? 1 : 0), so there is nothing to fit; both outcomes must occur"
        case let .separation(columns, count):
            return "logistic regression: the outcome is perfectly predicted for \(count) observation(s) by "
                + columns.map { "\"\($0)\"" }.joined(separator: ", ")
                + " (separation: the estimates do not exist); merge or drop the categories named, or leave the covariate out"
        case let .notConverged(fit):
            return "logistic regression: no convergence after \(fit.iterations) iterations (log-likelihood \(fit.logLikelihood)); simplify the model or allow more iterations"
        }
    }
}
