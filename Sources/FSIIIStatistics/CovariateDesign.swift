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
        var sources: [ColumnSource] = [.ones]
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
                sources.append(.values(values))
            case let .continuousWithMissing(values):
                if let row = values.firstIndex(where: { $0.map { !$0.isFinite } ?? false }) {
                    throw .nonFiniteValue(covariate: covariate.name, row: row)
                }
                names.append(covariate.name)
                sources.append(.orZero(values))
                var missing = 0, missingTreated = 0
                for (i, v) in values.enumerated() where v == nil {
                    missing += 1
                    if treated[i] { missingTreated += 1 }
                }
                // An indicator whose missing observations are all treated
                // or all untreated would predict treatment perfectly
                // (separation, as a one-sided category would): it is left
                // out, and those values count as 0 like the others.
                let oneSided = missingTreated == 0 || missingTreated == missing
                if missing > 0 && missing < n && !oneSided {
                    names.append(covariate.name + ": missing")
                    sources.append(.missing(values))
                }
            case let .categorical(levels):
                // Each distinct level once, then integer codes per observation.
                let (codes, distinct) = Self.distinct(levels)
                let coding = Self.categorical(covariate.name, codes: codes, levels: distinct, treated: treated,
                                              pooledLevelName: pooledLevelName, names: &names, sources: &sources)
                codings.append(coding)
            case let .coded(codes, levels):
                if let row = codes.firstIndex(where: { $0 < 0 || Int($0) >= levels.count }) {
                    throw .codeOutOfRange(covariate: covariate.name, row: row, levels: levels.count)
                }
                // Levels of the same name are one level, as in `.categorical`.
                let (merged, distinct) = Self.distinct(levels)
                let renumbered = distinct.count == levels.count ? codes : codes.map { merged[Int($0)] }
                let coding = Self.categorical(covariate.name, codes: renumbered, levels: distinct, treated: treated,
                                              pooledLevelName: pooledLevelName, names: &names, sources: &sources)
                codings.append(coding)
            }
        }
        matrix = DesignMatrix(columnNames: names, sparse: Self.rows(sources, rows: n, columns: names.count))
        self.codings = codings
    }

    /// Each name's code, the index of its first occurrence among the
    /// distinct names (`distinct`, in order of first occurrence).
    private static func distinct(_ names: [String]) -> (codes: [Int32], distinct: [String]) {
        var code: [String: Int32] = [:]
        var distinct: [String] = []
        let codes = names.map { name in
            code[name] ?? {
                code[name] = Int32(distinct.count)
                distinct.append(name)
                return Int32(distinct.count - 1)
            }()
        }
        return (codes, distinct)
    }

    /// The coding of one categorical covariate whose observation i has the
    /// level `levels[codes[i]]` (distinct names; levels that no
    /// observation has are not levels of the covariate), and its dummy
    /// columns appended to `names` and `sources`.
    private static func categorical(_ name: String, codes: [Int32], levels: [String], treated: [Bool], pooledLevelName: String,
                                    names: inout [String], sources: inout [ColumnSource]) -> CategoricalCoding {
        var counts = [(treated: Int, untreated: Int)](repeating: (0, 0), count: levels.count)
        for (i, c) in codes.enumerated() {
            precondition(c >= 0 && Int(c) < levels.count, "a level code names one of the levels")
            if treated[i] { counts[Int(c)].treated += 1 } else { counts[Int(c)].untreated += 1 }
        }
        var observed: [String: (treated: Int, untreated: Int)] = [:]
        for (level, count) in zip(levels, counts) where count.treated + count.untreated > 0 { observed[level] = count }
        let coding = CategoricalCoding(covariate: name, counts: observed, pooledLevelName: pooledLevelName)
        // Which dummy column each level is coded into (-1: the reference).
        let pooledSet = Set(coding.pooled), target = coding.pooledInto ?? coding.reference
        let column: [Int32] = levels.map { level in
            Int32(coding.dummies.firstIndex(of: pooledSet.contains(level) ? target : level) ?? -1)
        }
        if !coding.dummies.isEmpty {
            for level in coding.dummies { names.append(name + "=" + level) }
            sources.append(.dummies(codes: codes, column: column, count: coding.dummies.count))
        }
        return coding
    }

    /// Where the design's columns come from, in column order.
    private enum ColumnSource {
        /// The intercept: 1.
        case ones
        /// The values as given.
        case values([Double])
        /// The value, 0 where missing.
        case orZero([Double?])
        /// 1 where missing, else 0.
        case missing([Double?])
        /// `count` dummy columns: observation i has 1 in column
        /// `column[codes[i]]` (none when that is −1) and 0 in the others.
        case dummies(codes: [Int32], column: [Int32], count: Int)

        var width: Int {
            if case let .dummies(_, _, count) = self { return count }
            return 1
        }
    }

    /// X row by row from its column sources, by each row's nonzero entries
    /// in column order (exactly the entries of the dense rows that are not
    /// 0), in fixed blocks of rows on the cores: each block counts its rows'
    /// entries, source by source, then writes them at their rows' offsets,
    /// source by source (so a row's entries come in column order), and the
    /// arrays are the same on any number of threads.
    private static func rows(_ sources: [ColumnSource], rows n: Int, columns p: Int) -> SparseRows {
        precondition(sources.reduce(0) { $0 + $1.width } == p, "one source column per design column")
        // A thousand rows at a time: their entries stay in cache while every source writes its own.
        func pieces(_ rows: Range<Int>) -> some Sequence<Range<Int>> {
            stride(from: rows.lowerBound, to: rows.upperBound, by: 1024).lazy.map { $0..<min($0 + 1024, rows.upperBound) }
        }
        return SparseRows.built(rows: n, columns: p, count: { rows, count in
            for source in sources { Self.entries(source, rows) { i, _, _ in count[i] += 1 } }
        }, fill: { rows, next, column, value in
            for piece in pieces(rows) {
                var first: Int32 = 0
                for source in sources {
                    Self.entries(source, piece) { i, j, x in
                        column[next[i]] = first + j
                        value[next[i]] = x
                        next[i] += 1
                    }
                    first += Int32(source.width)
                }
            }
        })
    }

    /// `body(i, j, x)` for each row i of `rows` that has a nonzero x in the
    /// source's column j (0 ..< its width), rows in order. (Inlined, so the
    /// source is looked at once per block, not once per row.)
    @inline(__always)
    private static func entries(_ source: ColumnSource, _ rows: Range<Int>, _ body: (Int, Int32, Double) -> Void) {
        switch source {
        case .ones:
            for i in rows { body(i, 0, 1) }
        case let .values(v):
            v.withUnsafeBufferPointer { v in
                for i in rows where v[i] != 0 { body(i, 0, v[i]) }
            }
        case let .orZero(v):
            v.withUnsafeBufferPointer { v in
                for i in rows { if let x = v[i], x != 0 { body(i, 0, x) } }
            }
        case let .missing(v):
            v.withUnsafeBufferPointer { v in
                for i in rows where v[i] == nil { body(i, 0, 1) }
            }
        case let .dummies(codes, column, _):
            codes.withUnsafeBufferPointer { codes in
                column.withUnsafeBufferPointer { column in
                    for i in rows {
                        let j = column[Int(codes[i])]
                        if j >= 0 { body(i, j, 1) }
                    }
                }
            }
        }
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
        /// A level per observation by its code: observation i has the
        /// level `levels[codes[i]]`. Coded exactly as
        /// `.categorical(codes.map { levels[Int($0)] })` (levels of the
        /// same name are one level; levels no observation has are none),
        /// without a string per observation. A code that is not an index of
        /// `levels` is an error (``CovariateDesignError/codeOutOfRange(covariate:row:levels:)``).
        case coded(codes: [Int32], levels: [String])

        var count: Int {
            switch self {
            case let .continuous(v): v.count
            case let .continuousWithMissing(v): v.count
            case let .categorical(v): v.count
            case let .coded(codes, _): codes.count
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
    /// A coded covariate has a code that is not an index of its levels.
    case codeOutOfRange(covariate: String, row: Int, levels: Int)

    public var description: String {
        switch self {
        case let .lengthMismatch(covariate, count, expected):
            return "covariate \"\(covariate)\" has \(count) values for \(expected) observations; give one value per observation"
        case let .nonFiniteValue(covariate, row):
            return "covariate \"\(covariate)\", row \(row + 1): the value is not a finite number; use a missing value (and its indicator) instead"
        case let .duplicateName(name):
            return "covariate \"\(name)\" is given twice; give each covariate a distinct name"
        case let .codeOutOfRange(covariate, row, levels):
            return "covariate \"\(covariate)\", row \(row + 1): the code is not one of its \(levels) levels (0 to \(levels - 1)); give a level for every code"
        }
    }
}
