import Testing
@testable import FSIIIReports
@testable import FSIIIEffect

/// SPEC §10 small-cell suppression in every group output.
@Suite("Small-cell suppression")
struct SuppressionTests {
    static func groups(_ citizens: [(String, Int)]) -> [GroupFigures] {
        citizens.map { name, n in
            var g = GroupFigures(group: name)
            g.citizens = n
            g.courses = n
            g.meanChange = 0.5
            return g
        }
    }

    @Test("groups under k are suppressed; a lone suppressed group takes the next smallest with it")
    func rule() {
        var groups = Self.groups([("A", 3), ("B", 12), ("C", 7), ("D", 30)])
        var total = GroupFigures(group: "Total")
        total.citizens = 52
        SmallCellSuppression.apply(&groups, total: &total, minCell: 5)
        // A alone would be recoverable as Total − B − C − D: C (the next smallest) goes too.
        #expect(groups.map(\.suppressed) == [true, false, true, false])
        #expect(!total.suppressed)
    }

    @Test("two small groups protect each other; nothing more is hidden")
    func twoSmall() {
        var groups = Self.groups([("A", 3), ("B", 4), ("C", 7)])
        var total = GroupFigures(group: "Total")
        total.citizens = 14
        SmallCellSuppression.apply(&groups, total: &total, minCell: 5)
        #expect(groups.map(\.suppressed) == [true, true, false])
    }

    @Test("a total under k is suppressed too; --min-cell 0 turns suppression off")
    func totalAndOff() {
        var groups = Self.groups([("A", 2)])
        var total = GroupFigures(group: "Total")
        total.citizens = 2
        SmallCellSuppression.apply(&groups, total: &total, minCell: 5)
        #expect(groups[0].suppressed && total.suppressed)
        SmallCellSuppression.apply(&groups, total: &total, minCell: 0)
        #expect(!groups[0].suppressed && !total.suppressed)
    }

    @Test("JSON: null figures and \"suppressed\": true; CSV: <k counts and empty rates; table: <k")
    func outputs() throws {
        let report = CSVDialectTests.report(minCell: 5)
        let g = report.groups[0]
        #expect(g.group == "Hold Ærø" && g.suppressed)
        let json = ReportJSON.value(report)
        let group = try #require(json["groups"]?[0])
        #expect(group["suppressed"]?.bool == true)
        #expect(group["courses"]?.isNull == true && group["citizens"]?.isNull == true && group["mean_change"]?.isNull == true)
        #expect(group["not_evaluable"]?["open"]?.isNull == true)
        #expect(group["group"]?.string == "Hold Ærø")
        let csv = ReportCSV.write(report).components(separatedBy: "\r\n")
        // group, 2 counts, 4 not-evaluable counts, 16 empty figures, observed <5, 8 empty, suppressed.
        #expect(csv[1] == "Hold Ærø,<5,<5,<5,<5,<5,<5,<5,,,,,,,,,,,,,,,,,<5,,,,,,,,,true")
        let table = ReportTable.write(report, language: .en)
        #expect(table.contains("Hold Ærø") && table.contains("<5"))
        #expect(!table.contains("2.00 (-10.71"))
        // The unsuppressed figures are what the reference reports show.
        #expect(ReportJSON.value(report, revealSuppressed: true)["groups"]?[0]?["mean_change"]?.double == 2.0)
    }
}
