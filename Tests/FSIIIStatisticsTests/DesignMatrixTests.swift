import Testing
@testable import FSIIIStatistics

/// A design held by its rows' nonzero entries (as ``CovariateDesign`` builds
/// it) is the same matrix as its dense values, to every reader.
@Suite("Design matrix: dense values and nonzero entries are one matrix")
struct DesignMatrixTests {
    /// 3 × 3, with an empty row, a −0 and a NaN-free mix of entries.
    static let x: [Double] = [1, 0, 2.5,
                              0, 0, 0,
                              1, -0.0, -4]

    @Test("values, elements, columns, equality and hash agree (a −0 reads as 0)")
    func bothForms() {
        let names = ["(Intercept)", "a", "b"]
        let dense = DesignMatrix(columnNames: names, rowMajor: Self.x)
        let sparse = DesignMatrix(columnNames: names, sparse: SparseRows(Self.x, columns: 3))
        #expect(sparse.rowCount == 3 && sparse.columnCount == 3)
        #expect(sparse.values == [1, 0, 2.5, 0, 0, 0, 1, 0, -4])
        #expect(sparse.values[7].sign == .plus)   // −0 is no entry
        #expect(sparse[0, 2] == 2.5 && sparse[1, 1] == 0 && sparse[2, 2] == -4)
        #expect(sparse.column(2) == [2.5, 0, -4] && sparse.column(0) == dense.column(0))
        #expect(sparse == dense && sparse.hashValue == dense.hashValue)
        #expect(sparse.sparseRows.start == [0, 2, 2, 4])
        #expect(sparse.sparseRows.column == [0, 2, 0, 2])
        #expect(DesignMatrix(columnNames: names, rowMajor: [1, 0, 2.5, 0, 0, 0, 1, 0, 4]) != dense)
    }

    @Test("the entry → row search: the row that holds each entry, past empty rows")
    func rowOfEntry() {
        // Rows with 2, 0, 0, 3, 0, 1 entries.
        let x: [Double] = [1, 1, 0,  0, 0, 0,  0, 0, 0,  1, 2, 3,  0, 0, 0,  0, 0, 7]
        let rows = SparseRows(x, columns: 3)
        #expect((0..<6).map { rows.row(ofEntry: $0) } == [0, 0, 3, 3, 3, 5])
    }

    @Test("the logistic and linear fits of the two forms are the same, bit for bit; a bad value is found in either")
    func fitsAgree() throws {
        let (dense, y, _) = LogisticRegressionTests.largeDesign(rare: true, seed: 9)
        let sparse = DesignMatrix(columnNames: dense.columnNames, sparse: SparseRows(dense.values, columns: dense.columnCount))
        let a = try LogisticRegression.fit(dense, outcome: y), b = try LogisticRegression.fit(sparse, outcome: y)
        #expect(a == b)
        let outcome = dense.column(1).enumerated().map { i, x in 2 * x + (y[i] ? 1 : 0) }
        #expect(try LinearRegression.fit(dense, outcome: outcome) == LinearRegression.fit(sparse, outcome: outcome))
        // A NaN in row 2, column "x" of a sparse design: reported where it is, as from the dense one.
        let bad: [Double] = [1, 0, 1, 0, 1, .nan, 1, 2]
        let badSparse = DesignMatrix(columnNames: ["(Intercept)", "x"], sparse: SparseRows(bad, columns: 2))
        #expect(throws: LogisticRegressionError.nonFiniteValue(column: "x", row: 2)) {
            try LogisticRegression.fit(badSparse, outcome: [false, true, true, false])
        }
        #expect(throws: LogisticRegressionError.nonFiniteValue(column: "x", row: 2)) {
            try LogisticRegression.fit(DesignMatrix(columnNames: ["(Intercept)", "x"], rowMajor: bad), outcome: [false, true, true, false])
        }
    }
}
