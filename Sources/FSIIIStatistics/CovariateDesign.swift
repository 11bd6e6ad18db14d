/// A design matrix for a propensity-score model, built from named
/// covariates: an intercept, continuous columns as given, and categorical
/// covariates in treatment (dummy) coding against a reference level.
///
/// Categories are prepared for the fit as issue 18 asks ("categories
/// without treated or without candidate observations are merged or
/// dropped"): a level with no treated or no untreated observation would
/// predict treatment perfectly (quasi-complete separation; Albert &
/// Anderson (1984), Biometrika 71(1), 1–10), so for each categorical
/// covariate:
/// 1. levels observed in both groups ("two-sided") keep their own level;
/// 2. the one-sided levels are pooled into one level, `pooledLevelName`;
///    when the pool is two-sided it becomes a level of its own, otherwise
///    it is merged into the reference level (its observations get no
///    dummy, the way an unlisted level would);
/// 3. the reference level is the most frequent of the levels left (ties:
///    the smaller name in Unicode order); the others get a dummy column
///    `name=level`, sorted by level name, the pool last.
/// A continuous covariate with missing values gets a `name: missing`
/// indicator unless its missing observations all lie in one group (then the
/// indicator would separate, and the missing values count as 0 without it).
/// Every merge is reported in ``CategoricalCoding``. Constant and
/// collinear columns that remain are left to
/// ``LogisticRegression/fit(_:outcome:weights:maxIterations:)``, which
/// drops and reports them.
public struct CovariateDesign: Sendable, Hashable {
    /// X: `(Intercept)`, then each covariate's columns in the order given.
    public var matrix: DesignMatrix
    /// How each categorical covariate was coded, in covariate order.
    public var codings: [CategoricalCoding]

    /// The design for `covariates` (each one value per observation) and
    /// `treated` (the outcome of the propensity model, one per
    /// observation).
    public init(_ covariates: [Covariate], treated: [Bool], pooledLevelName: String = "other") throws(CovariateDesignError) {
        let n = treated.count
        var names = ["(Intercept)"]
        var columns: [[Double]] = [[Double](repeating: 1, count: n)]
        var codings: [CategoricalCoding] = []
        var seen = Set<String>()
        for covariate in covariates {
            guard seen.insert(covariate.name).inserted else { throw .duplicateName(covariate.name) }
            guard covariate.values.count == n else {
                throw .lengthMismatch(covariate: covariate.name, count: covariate.values.count, expected: n)
            }
            switch covariate.values {
            case let .continuous(values):
                if let row = values.firstIndex(where: { !$0.isFinite }) {
                    throw .nonFiniteValue(covariate: covariate.name, row: row)
                }
                names.append(covariate.name)
                columns.append(values)
            case let .continuousWithMissing(values):
                if let row = values.firstIndex(where: { $0.map { !$0.isFinite } ?? false }) {
                    throw .nonFiniteValue(covariate: covariate.name, row: row)
                }
                names.append(covariate.name)
                columns.append(values.map { $0 ?? 0 })
                let missing = values.filter { $0 == nil }.count
                // An indicator whose missing observations are all treated
                // or all untreated would predict treatment perfectly
                // (separation, as a one-sided category would): it is left
                // out, and those values count as 0 like the others.
                let missingTreated = values.indices.filter { values[$0] == nil && treated[$0] }.count
                let oneSided = missingTreated == 0 || missingTreated == missing
                if missing > 0 && missing < n && !oneSided {
                    names.append(covariate.name + ": missing")
                    columns.append(values.map { $0 == nil ? 1 : 0 })
                }
            case let .categorical(levels):
                // Each distinct level once, then integer codes per observation.
                var code: [String: Int] = [:]
                var distinct: [String] = []
                var codes = [Int](repeating: 0, count: n)
                var counts: [(treated: Int, untreated: Int)] = []
                for (i, level) in levels.enumerated() {
                    let c = code[level] ?? {
                        code[level] = distinct.count
                        distinct.append(level)
                        counts.append((0, 0))
                        return distinct.count - 1
                    }()
                    codes[i] = c
                    if treated[i] { counts[c].treated += 1 } else { counts[c].untreated += 1 }
                }
                let coding = CategoricalCoding(covariate: covariate.name, counts: Dictionary(uniqueKeysWithValues: zip(distinct, counts)),
                                               pooledLevelName: pooledLevelName)
                // Which dummy column each distinct level is coded into (-1: the reference).
                let pooledSet = Set(coding.pooled), target = coding.pooledInto ?? coding.reference
                let column: [Int] = distinct.map { level in
                    coding.dummies.firstIndex(of: pooledSet.contains(level) ? target : level) ?? -1
                }
                for (k, level) in coding.dummies.enumerated() {
                    names.append(covariate.name + "=" + level)
                    columns.append(codes.map { column[$0] == k ? 1 : 0 })
                }
                codings.append(coding)
            }
        }
        matrix = DesignMatrix(columnNames: names, columns: columns)
        self.codings = codings
    }
}

/// One covariate of a ``CovariateDesign``: a name and one value per
/// observation.
public struct Covariate: Sendable, Hashable {
    /// The values of a covariate.
    public enum Values: Sendable, Hashable {
        /// A number per observation, used as is.
        case continuous([Double])
        /// A number or nil per observation: nil becomes 0 and a second
        /// column `name: missing` is 1 there (the missing-indicator method;
        /// the column is left out when nothing, or everything, is missing).
        case continuousWithMissing([Double?])
        /// A level per observation ("unknown" is a level like any other).
        case categorical([String])

        var count: Int {
            switch self {
            case let .continuous(v): v.count
            case let .continuousWithMissing(v): v.count
            case let .categorical(v): v.count
            }
        }
    }

    /// The covariate's name, the stem of its column names.
    public var name: String
    /// Its values.
    public var values: Values

    /// The covariate `name` with `values`, one per observation.
    public init(_ name: String, _ values: Values) {
        self.name = name
        self.values = values
    }
}

/// How one categorical covariate was coded.
public struct CategoricalCoding: Sendable, Hashable {
    /// The covariate's name.
    public var covariate: String
    /// The reference level (no column), after pooling.
    public var reference: String
    /// The levels with a dummy column, in column order.
    public var dummies: [String]
    /// The one-sided levels that were pooled (sorted by name); empty when
    /// every level occurs among treated and untreated alike.
    public var pooled: [String]
    /// Where the pooled levels went: `pooledLevelName` when the pool is
    /// two-sided, else the reference level; nil when nothing was pooled.
    public var pooledInto: String?

    /// The coding from each level's numbers of treated and untreated observations.
    init(covariate: String, counts: [String: (treated: Int, untreated: Int)], pooledLevelName: String) {
        let twoSided = counts.filter { $0.value.treated > 0 && $0.value.untreated > 0 }
        let oneSided = counts.keys.filter { twoSided[$0] == nil }.sorted()
        var usable = twoSided.mapValues { $0.treated + $0.untreated }
        var poolIsLevel = false
        if !oneSided.isEmpty {
            let pool = oneSided.reduce((0, 0)) { ($0.0 + counts[$1, default: (0, 0)].treated, $0.1 + counts[$1, default: (0, 0)].untreated) }
            if pool.0 > 0 && pool.1 > 0 && twoSided[pooledLevelName] == nil {
                usable[pooledLevelName] = pool.0 + pool.1
                poolIsLevel = true
            }
        }
        let reference = usable.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
            ?? oneSided.first ?? ""
        self.covariate = covariate
        self.reference = reference
        self.pooled = oneSided
        self.pooledInto = oneSided.isEmpty ? nil : (poolIsLevel ? pooledLevelName : reference)
        let named = usable.keys.filter { $0 != reference && !(poolIsLevel && $0 == pooledLevelName) }.sorted()
        self.dummies = named + (poolIsLevel && reference != pooledLevelName ? [pooledLevelName] : [])
    }
}

/// Why a ``CovariateDesign`` could not be built.
public enum CovariateDesignError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A covariate has a different number of values than there are observations.
    case lengthMismatch(covariate: String, count: Int, expected: Int)
    /// A continuous covariate has a NaN or infinite value.
    case nonFiniteValue(covariate: String, row: Int)
    /// Two covariates have the same name.
    case duplicateName(String)

    public var description: String {
        switch self {
        case let .lengthMismatch(covariate, count, expected):
            return "covariate \"\(covariate)\" has \(count) values for \(expected) observations; give one value per observation"
        case let .nonFiniteValue(covariate, row):
            return "covariate \"\(covariate)\", row \(row + 1): the value is not a finite number; use a missing value (and its indicator) instead"
        case let .duplicateName(name):
            return "covariate \"\(name)\" is given twice; give each covariate a distinct name"
        }
    }
}
