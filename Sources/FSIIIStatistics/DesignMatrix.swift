/// A design matrix X for a regression: one row per observation, one named
/// column per regressor, stored row by row (the order in which a fit
/// accumulates XᵀWX). The intercept, when wanted, is an ordinary column of
/// ones; ``CovariateDesign`` puts it first as `(Intercept)`.
///
/// A matrix is held either as its dense row-major values or, when
/// ``CovariateDesign`` builds it, by each row's nonzero entries: a
/// propensity design is mostly the zeros of one-hot category columns, and
/// the fits and the balance read only the nonzeros, and the dense form
/// (71 MB for the 10M-row benchmark's 308,000 rows × 29 columns) is never
/// made. Both forms are the same matrix: equal, with the same entries,
/// columns and rows.
public struct DesignMatrix: Sendable, Hashable {
    /// The column names, in column order.
    public let columnNames: [String]
    /// The number of rows (observations).
    public let rowCount: Int
    private let storage: Storage

    private enum Storage: Sendable {
        case dense([Double])
        case sparse(SparseRows)
    }

    /// The matrix whose row i is `values[i·p ..< (i + 1)·p]`, p = number of
    /// columns. Precondition: `values.count` is a multiple of p (p > 0).
    public init(columnNames: [String], rowMajor values: [Double]) {
        precondition(!columnNames.isEmpty, "a design matrix needs at least one column")
        precondition(values.count % columnNames.count == 0, "row-major values must fill whole rows")
        self.columnNames = columnNames
        self.rowCount = values.count / columnNames.count
        self.storage = .dense(values)
    }

    /// The matrix with the given columns, each of the same length
    /// (precondition).
    public init(columnNames: [String], columns: [[Double]]) {
        precondition(columnNames.count == columns.count, "one name per column")
        let n = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == n }, "every column has one value per row")
        var values = [Double](repeating: 0, count: n * columns.count)
        for (j, column) in columns.enumerated() {
            for i in 0..<n { values[i * columns.count + j] = column[i] }
        }
        self.init(columnNames: columnNames, rowMajor: values)
    }

    /// The matrix whose rows are the entries of `rows` (which has one column per name).
    init(columnNames: [String], sparse rows: SparseRows) {
        precondition(!columnNames.isEmpty && rows.columns == columnNames.count, "one name per column")
        self.columnNames = columnNames
        self.rowCount = rows.start.count - 1
        self.storage = .sparse(rows)
    }

    /// x₀₀, x₀₁, …: row-major values, rowCount × columnNames.count. For a
    /// matrix held by its nonzeros this builds the dense array on each
    /// call: read it once, not per element.
    public var values: [Double] {
        switch storage {
        case let .dense(values): return values
        case let .sparse(rows): return rows.dense()
        }
    }

    /// The rows by their nonzero entries, all columns (built from the
    /// dense values when the matrix holds those).
    var sparseRows: SparseRows {
        switch storage {
        case let .dense(values): return SparseRows(values, columns: columnCount)
        case let .sparse(rows): return rows
        }
    }

    /// The number of columns.
    public var columnCount: Int { columnNames.count }

    /// x_ij.
    public subscript(row: Int, column: Int) -> Double {
        switch storage {
        case let .dense(values): return values[row * columnNames.count + column]
        case let .sparse(rows):
            precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "row and column in range")
            return rows.value(row: row, column: column)
        }
    }

    /// Column j as an array, top to bottom.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columnCount, "column index in range")
        switch storage {
        case let .dense(values):
            let p = columnCount
            return values.withUnsafeBufferPointer { x in
                [Double](unsafeUninitializedCapacity: rowCount) { out, initialized in
                    for i in 0..<rowCount { (out.baseAddress! + i).initialize(to: x[i * p + j]) }
                    initialized = rowCount
                }
            }
        case let .sparse(rows):
            return (0..<rowCount).map { rows.value(row: $0, column: j) }
        }
    }

    /// Equal when the names, the number of rows and every value are (in either form).
    public static func == (a: DesignMatrix, b: DesignMatrix) -> Bool {
        a.columnNames == b.columnNames && a.rowCount == b.rowCount && a.values == b.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(columnNames)
        hasher.combine(rowCount)
        hasher.combine(values)
    }
}
