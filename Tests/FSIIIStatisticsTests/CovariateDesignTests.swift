import Foundation
import Testing
@testable import FSIIIStatistics

@Suite("Covariate design for the propensity model")
struct CovariateDesignTests {
    @Test("one-sided categories are pooled; a two-sided pool is a level, the reference is the most frequent level")
    func poolsOneSidedLevels() throws {
        // a: treated and untreated; b: both, most frequent; c: untreated only; d: treated only.
        let levels = ["a", "a", "b", "b", "b", "b", "c", "c", "d"]
        let treated = [true, false, true, false, false, true, false, false, true]
        let design = try CovariateDesign([Covariate("kommune", .categorical(levels))], treated: treated)
        #expect(design.matrix.columnNames == ["(Intercept)", "kommune=a", "kommune=other"])
        let coding = try #require(design.codings.first)
        #expect(design.codings.count == 1)
        #expect(coding.covariate == "kommune" && coding.reference == "b" && coding.dummies == ["a", "other"])
        #expect(coding.pooled == ["c", "d"] && coding.pooledInto == "other")
        #expect(design.matrix.column(1) == [1, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(design.matrix.column(2) == [0, 0, 0, 0, 0, 0, 1, 1, 1])
        #expect(design.matrix.column(0) == [Double](repeating: 1, count: 9))
    }

    @Test("a pool that is still one-sided is merged into the reference level (no column)")
    func oneSidedPoolJoinsReference() throws {
        // c and e have untreated only; pooled they still have no treated.
        let levels = ["a", "a", "a", "b", "b", "c", "e", "e"]
        let treated = [true, false, true, true, false, false, false, false]
        let design = try CovariateDesign([Covariate("g", .categorical(levels))], treated: treated)
        #expect(design.matrix.columnNames == ["(Intercept)", "g=b"])
        #expect(design.codings.first?.reference == "a")
        #expect(design.codings.first?.pooled == ["c", "e"])
        #expect(design.codings.first?.pooledInto == "a")
        #expect(design.matrix.column(1) == [0, 0, 0, 1, 1, 0, 0, 0])
    }

    @Test("the design then fits without separation where the raw categories would separate")
    func pooledDesignFits() throws {
        let levels = ["a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "d"]
        let treated = [true, false, false, true, true, false, true, false, false, false, true]
        let raw = DesignMatrix(columnNames: ["(Intercept)", "b", "c", "d"], columns: [
            [Double](repeating: 1, count: 11),
            levels.map { $0 == "b" ? 1 : 0 }, levels.map { $0 == "c" ? 1 : 0 }, levels.map { $0 == "d" ? 1 : 0 },
        ])
        #expect(throws: LogisticRegressionError.self) { try LogisticRegression.fit(raw, outcome: treated) }
        let design = try CovariateDesign([Covariate("g", .categorical(levels))], treated: treated)
        let fit = try LogisticRegression.fit(design.matrix, outcome: treated)
        // Saturated in a, b, other (= c + d: 1 of 3 treated): log odds 0, 0, ln(1/2).
        #expect(abs(fit.coefficients[0]) <= 1e-12)
        #expect(try abs(#require(fit.coefficient(named: "g=other")) - log(0.5)) <= 1e-12)
    }

    @Test("a continuous covariate with missing values gets 0 and a missing indicator; none missing, no indicator")
    func missingIndicator() throws {
        let treated = [true, false, true, false]
        let design = try CovariateDesign([
            Covariate("trend", .continuousWithMissing([0.5, nil, nil, nil])),
            Covariate("level", .continuousWithMissing([1, 2, 3, 4])),
            Covariate("hours", .continuous([2, 0, 7.5, 1])),
        ], treated: treated)
        #expect(design.matrix.columnNames == ["(Intercept)", "trend", "trend: missing", "level", "hours"])
        #expect(design.matrix.column(1) == [0.5, 0, 0, 0])
        #expect(design.matrix.column(2) == [0, 1, 1, 1])
        #expect(design.matrix[2, 4] == 7.5)
    }

    @Test("a missing indicator whose missing values are all in one group would separate: left out, the values count as 0")
    func oneSidedMissingIndicator() throws {
        let design = try CovariateDesign([
            Covariate("trend", .continuousWithMissing([0.5, nil, -1, nil])),
        ], treated: [true, false, true, false])
        #expect(design.matrix.columnNames == ["(Intercept)", "trend"])
        #expect(design.matrix.column(1) == [0.5, 0, -1, 0])
    }

    @Test("wrong lengths, non-finite values and duplicate names are typed errors")
    func errors() {
        #expect(throws: CovariateDesignError.lengthMismatch(covariate: "age", count: 2, expected: 3)) {
            try CovariateDesign([Covariate("age", .categorical(["65-79", "80+"]))], treated: [true, false, true])
        }
        #expect(throws: CovariateDesignError.nonFiniteValue(covariate: "x", row: 1)) {
            try CovariateDesign([Covariate("x", .continuous([1, .infinity]))], treated: [true, false])
        }
        #expect(throws: CovariateDesignError.duplicateName("x")) {
            try CovariateDesign([Covariate("x", .continuous([1, 2])), Covariate("x", .continuous([1, 2]))], treated: [true, false])
        }
    }

    @Test("a coded categorical is coded as its strings: pooling, reference, names; same-named levels are one, unused levels none")
    func codedAsStrings() throws {
        // Levels 0 "b" and 3 "b" are one level; 4 "z" is never used.
        let levels = ["b", "a", "c", "b", "z", "d"]
        let codes: [Int32] = [1, 1, 0, 3, 0, 3, 2, 2, 5]
        let treated = [true, false, true, false, false, true, false, false, true]
        let strings = codes.map { levels[Int($0)] }
        let coded = try CovariateDesign([Covariate("kommune", .coded(codes: codes, levels: levels))], treated: treated)
        let plain = try CovariateDesign([Covariate("kommune", .categorical(strings))], treated: treated)
        #expect(coded == plain)
        #expect(coded.matrix.columnNames == ["(Intercept)", "kommune=a", "kommune=other"])
        #expect(coded.codings.first?.pooled == ["c", "d"])
    }

    @Test("a code that is not an index of the levels is a typed error naming the covariate and the row, not a trap")
    func codeOutOfRange() {
        let treated = [true, false, true]
        for bad: Int32 in [2, -1] {
            #expect(throws: CovariateDesignError.codeOutOfRange(covariate: "sex", row: 1, levels: 2)) {
                try CovariateDesign([Covariate("sex", .coded(codes: [0, bad, 1], levels: ["female", "male"]))], treated: treated)
            }
        }
        #expect(CovariateDesignError.codeOutOfRange(covariate: "sex", row: 1, levels: 2).description
                == "covariate \"sex\", row 2: the code is not one of its 2 levels (0 to 1); give a level for every code")
    }

    @Test("the design over many row blocks is the columns given, row by row, whichever kinds of covariate they come from")
    func manyRowBlocks() throws {
        let n = 100_003
        let treated = (0..<n).map { $0 % 3 == 0 || $0 % 7 == 0 }
        let x = (0..<n).map { Double($0 % 11) * 0.25 - 1 }
        let m: [Double?] = (0..<n).map { $0 % 5 == 0 ? nil : Double($0 % 13) / 3 }
        let names = ["p", "q", "r", "s"]
        let level = (0..<n).map { names[($0 * 7 + $0 / 3) % 4] }
        let codes = (0..<n).map { Int32(($0 / 2) % 3) }
        let design = try CovariateDesign([
            Covariate("x", .continuous(x)), Covariate("m", .continuousWithMissing(m)),
            Covariate("g", .categorical(level)), Covariate("h", .coded(codes: codes, levels: ["u", "v", "w"])),
        ], treated: treated)
        var columns: [[Double]] = [[Double](repeating: 1, count: n), x, m.map { $0 ?? 0 }, m.map { $0 == nil ? 1 : 0 }]
        for coding in design.codings {
            let values = coding.covariate == "g" ? level : codes.map { ["u", "v", "w"][Int($0)] }
            for dummy in coding.dummies { columns.append(values.map { $0 == dummy ? 1 : 0 }) }
        }
        let expected = DesignMatrix(columnNames: design.matrix.columnNames, columns: columns)
        #expect(design.codings.allSatisfy { $0.pooled.isEmpty })
        #expect(design.matrix.columnCount == 4 + 3 + 2)
        #expect(design.matrix == expected)
        #expect(design.matrix.column(8) == columns[8])
        // Built by its nonzero entries: exactly the entries of the dense rows that are not 0, in column order.
        let entries = design.matrix.sparseRows, reference = SparseRows(expected.values, columns: expected.columnCount)
        #expect(entries.start == reference.start && entries.column == reference.column && entries.value == reference.value)
    }
}
