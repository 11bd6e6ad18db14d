import Testing
@testable import FSIIIEffect
@testable import FSIIIReports
import FSIIIBytes
import FSIIITestSupport

/// How the reports say what harmonising did and warn about mixed models (issue 20).
@Suite("Crosswalk in the outputs")
struct CrosswalkOutputTests {
    static let files: [Fixtures.File] = [
        Fixtures.File("assessments.csv", .assessments, """
        citizen;date;condition;level;team
        0101401234;2024-01-10;J1.1;3;Hold A
        0101401234;2024-03-20;Personlig_pleje;1;Hold A
        0202504321;2024-01-12;J3.2;3;Hold A
        0202504321;2024-03-12;J3.2;2;Hold A

        """),
        Fixtures.File("courses.csv", .courses, "citizen;start;end;team\n0101401234;2024-01-15;2024-03-15;Hold A\n0202504321;2024-01-15;2024-03-01;Hold A\n"),
    ]

    static func report(harmonize: Bool) -> EffectReport {
        var o = ReportOptions()
        o.minCell = 0
        if harmonize { o.harmonize = .builtIn }
        return EffectReporter.report(Fixtures.dataset(files), options: o)
    }

    @Test("without --harmonize: the table warns and names the group; the not-evaluable line names model_switch and the option")
    func warning() {
        let wrapped = ReportTable.write(Self.report(harmonize: false), language: .en)
        let table = wrapped.replacingOccurrences(of: "\n  ", with: " ")
        #expect(table.contains("Warning: Hold A have courses assessed in both the legacy and the simplified FSIII model"))
        #expect(table.contains("model_switch 1: add --harmonize simplified to compare them"))
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test("with --harmonize: no warning; the derived crosswalk is named in the table and in JSON")
    func harmonised() throws {
        let r = Self.report(harmonize: true)
        let table = ReportTable.write(r, language: .da).replacingOccurrences(of: "\n  ", with: " ")
        #expect(!table.contains("Advarsel"))
        #expect(table.contains("Harmoniseret til den forenklede model med krydstabellen derived-20240530.1 (afledt af FSIII-definitionerne"))
        let json = try JSONParser.parse(ReportJSON.write(r))
        #expect(json["crosswalk"]?["derived"] == .bool(true))
        #expect(json["crosswalk"]?["mapped_assessments"]?.int == 3)
        #expect(json["groups"]?[0]?["models"]?["simplified"]?.int == 2)
    }

    @Test("switch markers: the team's first simplified assessment and its rows per month by model")
    func markers() throws {
        let r = Self.report(harmonize: false)
        let team = r.modelSwitch?.teams.first
        #expect(r.modelSwitch?.teams.count == 1 && r.modelSwitch?.municipalities.isEmpty == true)
        #expect(team?.name == "Hold A" && team?.firstSimplified?.iso == "2024-03-20")
        #expect(team?.months.map(\.month) == ["2024-01", "2024-03"])
        #expect(team?.months.map(\.legacy) == [2, 1] && team?.months.map(\.simplified) == [0, 1])
        #expect(team?.months.last?.simplifiedShare == 0.5)
        let json = try JSONParser.parse(ReportJSON.write(r))
        #expect(json["model_switch"]?["teams"]?[0]?["first_simplified"]?.string == "2024-03-20")
        #expect(json["model_switch"]?["teams"]?[0]?["months"]?[1]?["simplified_share"]?.double == 0.5)
        // Only one model in the data: no markers at all.
        let legacyOnly = EffectReporter.report(Fixtures.assessments("citizen;date;condition;level;team\n0101401234;2024-01-10;J1.1;3;Hold A\n"))
        #expect(legacyOnly.modelSwitch == nil)
    }

    @Test("CSV: the models columns last when the data has both models, absent when it has one")
    func csvColumns() {
        let csv = ReportCSV.write(Self.report(harmonize: false))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",models_legacy,models_simplified,models_mixed"))
        // Hold A: citizen 1 model_switch (mixed), citizen 2 legacy; the total alike.
        #expect(lines[1].hasPrefix("Hold A,") && lines[1].hasSuffix(",1,0,1"))
        let one = ReportCSV.write(EffectReporter.report(Fixtures.assessments("citizen;date;condition;level;team\n0101401234;2024-01-10;J1.1;3;Hold A\n")))
        #expect(!one.contains("models_legacy"))
    }
}
