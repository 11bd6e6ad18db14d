import FSIIIStatistics

/// `--case-mix`: where a course's expected outcome comes from (issue 21).
public enum CaseMixMethod: String, Sendable, CaseIterable, Hashable {
    /// SPEC §7 (default): the improved share of the course's stratum.
    case strata
    /// A logistic model for improvement and a linear model for
    /// `meanChange` on the covariates of ``CaseMixModel``.
    case model
}

/// The fitted case-mix models as every output shows them (issue 21): the
/// coefficients of both, the C-statistic and calibration of the logistic
/// one, R² of the linear one. Aggregates over all evaluable courses only.
public struct CaseMixModelReport: Sendable, Hashable {
    /// One coefficient of a model.
    public struct Coefficient: Sendable, Hashable {
        /// The design column: `(Intercept)`, `age band=85+`, `prior trend: missing`, …
        public var name: String
        /// β̂.
        public var estimate: Double
        /// Its standard error.
        public var standardError: Double
        /// z (logistic) or t (linear) = β̂/SE; nil when SE = 0.
        public var statistic: Double?
    }

    /// Evaluable courses the models were fitted on.
    public var courses: Int
    /// The logistic model for improvement, in design order.
    public var logistic: [Coefficient]
    /// The linear model for `meanChange`, in design order.
    public var linear: [Coefficient]
    /// Design columns left out (constant or collinear), as R's `NA`.
    public var droppedColumns: [String]
    /// How categories without improved or without other courses were
    /// pooled (as in the matched comparison), one sentence each.
    public var notes: [String]
    /// C-statistic (AUC, ties counted ½) of the predicted probabilities; nil when undefined.
    public var cStatistic: Double?
    /// Calibration by deciles of predicted risk.
    public var calibration: [Discrimination.CalibrationGroup]
    /// R² and adjusted R² of the linear model; nil when `meanChange` is constant.
    public var rSquared: Double?
    public var adjustedRSquared: Double?
    /// σ̂ of the linear model's residuals, in points.
    public var residualStandardError: Double
}

/// What `--case-mix` came to: the method in force, the model's report, or
/// why the model could not be used (the run then falls back to the strata).
public struct CaseMixSummary: Sendable, Hashable {
    /// The method asked for.
    public var requested: CaseMixMethod
    /// The fitted models; nil with `strata` and after a fallback.
    public var model: CaseMixModelReport?
    /// Why the model could not be fitted (the strata were used instead).
    public var fallbackReason: String?
}

/// The case-mix model of issue 21, fitted on every evaluable course of the
/// run: a logistic regression (``LogisticRegression``) of "improved" and an
/// ordinary least squares regression (``LinearRegression``) of the course
/// `meanChange`, on the same design: baseline level per area (with missing
/// indicators), number of compared conditions, age band, sex and prior
/// trend (with its missing indicator) — the covariates of the matched
/// comparison (``ComparisonCovariates``, `.caseMix` selection), coded by
/// ``CovariateDesign`` with improvement as the two sides, so a category in
/// which every course improved (or none did) is pooled as the matched
/// comparison pools one-sided categories, and constant or collinear
/// columns are dropped by the fits.
///
/// A course's expected probability of improvement is its fitted
/// probability, and its expected mean change its fitted value. When the
/// logistic model cannot be fitted (separation, no convergence, a constant
/// outcome) or the linear one has no residual degrees of freedom, the run
/// falls back to the strata of SPEC §7 with a warning naming the reason.
package enum CaseMixModel {
    package struct Fit: Sendable {
        /// Expected probability of improvement, indexed like the results (nil: not evaluable).
        package var probabilities: [Double?]
        /// Expected `meanChange`, indexed like the results.
        package var expectedChanges: [Double?]
        package var report: CaseMixModelReport
    }

    package enum Failure: Error, Sendable, CustomStringConvertible {
        case design(CovariateDesignError)
        case logistic(LogisticRegressionError)
        case linear(LinearRegressionError)
        case noCourses

        package var description: String {
            switch self {
            case let .design(e): return e.description
            case let .logistic(e): return e.description
            case let .linear(e): return e.description
            case .noCourses: return "no evaluable courses to fit the case-mix model on"
            }
        }
    }

    /// `fit` as a result: the report falls back to the strata on a failure.
    package static func attempt(_ evaluation: CourseEvaluation, dataset: Dataset) -> Result<Fit, Failure> {
        do throws(Failure) { return .success(try fit(evaluation, inputs: ComparisonInputs(dataset, courses: []))) } catch { return .failure(error) }
    }

    package static func fit(_ evaluation: CourseEvaluation, inputs: ComparisonInputs) throws(Failure) -> Fit {
        let results = evaluation.results
        let indices = results.indices.filter { results[$0].isEvaluable }
        guard !indices.isEmpty else { throw .noCourses }
        let units = indices.map { ComparisonUnit(result: results[$0], pairs: evaluation.pairs[results[$0].pairs]) }
        let improved = units.map(\.improved)
        let covariates = ComparisonCovariates.make(units, dataset: inputs, selection: .caseMix)
        let design: CovariateDesign
        do { design = try CovariateDesign(covariates, treated: improved) } catch { throw .design(error) }
        let logistic: LogisticFit
        do { logistic = try LogisticRegression.fit(design.matrix, outcome: improved) } catch { throw .logistic(error) }
        let linear: LinearFit
        do { linear = try LinearRegression.fit(design.matrix, outcome: units.map(\.meanChange)) } catch { throw .linear(error) }
        var probabilities = [Double?](repeating: nil, count: results.count)
        var expected = [Double?](repeating: nil, count: results.count)
        for (k, i) in indices.enumerated() {
            probabilities[i] = logistic.fittedProbabilities[k]
            expected[i] = linear.fittedValues[k]
        }
        let logisticCoefficients = zip(logistic.columnNames, zip(logistic.coefficients, logistic.standardErrors)).map { name, v in
            CaseMixModelReport.Coefficient(name: name, estimate: v.0, standardError: v.1, statistic: v.1 > 0 ? v.0 / v.1 : nil)
        }
        let linearCoefficients = zip(linear.columnNames, zip(linear.coefficients, zip(linear.standardErrors, linear.tValues))).map { name, v in
            CaseMixModelReport.Coefficient(name: name, estimate: v.0, standardError: v.1.0, statistic: v.1.1)
        }
        let dropped = logistic.droppedColumns.map(\.name) + linear.droppedColumns.filter { name in !logistic.droppedColumns.contains { $0.name == name } }
        let notes = design.codings.filter { !$0.pooled.isEmpty }.map { c in
            "\(c.covariate): \(c.pooled.count) level(s) where every course improved or none did pooled into \"\(c.pooledInto ?? c.reference)\""
        }
        let report = CaseMixModelReport(
            courses: units.count, logistic: logisticCoefficients, linear: linearCoefficients, droppedColumns: dropped, notes: notes,
            cStatistic: Discrimination.cStatistic(scores: logistic.fittedProbabilities, outcomes: improved),
            calibration: Discrimination.calibration(predicted: logistic.fittedProbabilities, outcomes: improved),
            rSquared: linear.rSquared, adjustedRSquared: linear.adjustedRSquared,
            residualStandardError: linear.residualVariance.squareRoot())
        return Fit(probabilities: probabilities, expectedChanges: expected, report: report)
    }
}
