/// A design matrix X for a regression: one row per observation, one named
/// column per regressor, stored row by row (the order in which a fit
/// accumulates XᵀWX). The intercept, when wanted, is an ordinary column of
/// ones; ``CovariateDesign`` puts it first as `(Intercept)`.
public struct DesignMatrix: Sendable, Hashable {
    /// The column names, in column order.
    public let columnNames: [String]
    /// The number of rows (observations).
    public let rowCount: Int
    /// x₀₀, x₀₁, …: row-major values, rowCount × columnNames.count.
    public let values: [Double]

    /// The matrix whose row i is `values[i·p ..< (i + 1)·p]`, p = number of
    /// columns. Precondition: `values.count` is a multiple of p (p > 0).
    public init(columnNames: [String], rowMajor values: [Double]) {
        precondition(!columnNames.isEmpty, "a design matrix needs at least one column")
        precondition(values.count % columnNames.count == 0, "row-major values must fill whole rows")
        self.columnNames = columnNames
        self.rowCount = values.count / columnNames.count
        self.values = values
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

    /// The number of columns.
    public var columnCount: Int { columnNames.count }

    /// x_ij.
    public subscript(row: Int, column: Int) -> Double {
        values[row * columnNames.count + column]
    }

    /// Column j as an array, top to bottom.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columnCount, "column index in range")
        let p = columnCount
        return values.withUnsafeBufferPointer { x in
            [Double](unsafeUninitializedCapacity: rowCount) { out, initialized in
                for i in 0..<rowCount { (out.baseAddress! + i).initialize(to: x[i * p + j]) }
                initialized = rowCount
            }
        }
    }
}
