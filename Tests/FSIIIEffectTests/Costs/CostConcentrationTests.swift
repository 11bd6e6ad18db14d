import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// SPEC §12's cost concentration on a five-citizen data set, by hand.
/// Rates: hjemmepleje 400 kr/h. Last date in the cost data 2024-12-31.
///
/// | citizen | cost rows | x | municipality (rule) | course |
/// |---|---|---:|---|---|
/// | P1 | 100 (01-10), 1 h × 400 (03-01) | 500 | Nord (assessment) | 01-01…02-10, J1.1 3 → 1: meanChange 2; savings 0 − 400 = −400 |
/// | P2 | 200 (01-15, during) | 200 | Syd (assessment) | 01-01…02-10, 2 → 2: meanChange 0; savings 0 |
/// | P3 | 300 | 300 | Nord (assessment) | none |
/// | P4 | 50 (05-01), 50 (06-10) | 100 | Syd (its course: no assessments) | 06-01…06-30, no baseline; savings 50 − 0 = 50 |
/// | P5 | 900 (12-31) | 900 | (ukendt) | none |
///
/// Ascending 100, 200, 300, 500, 900, Σ = 2000, N = 5:
/// Gini = (−4·100 − 2·200 + 0·300 + 2·500 + 4·900) / (5 · 2000) = 3800/10000 = 0.38;
/// k = 1 for 1, 5 and 10 %: every top share 900/2000 = 0.45; the top 5 % is P5, without a course.
/// Others: mean change (2 + 0)/2 = 1; savings (−400 + 0 + 50)/3 = −350/3.
/// Nord: [300, 500], Gini (−300 + 500)/(2·800) = 0.125, top 500/800 = 0.625 (P1, course: share 1, change 2, savings −400).
/// Syd: [100, 200], Gini 100/600, top 200/300 (P2: share 1, change 0, savings 0; others P4: savings 50, no change).
@Suite("Cost concentration, by hand (SPEC §12)")
struct CostConcentrationTests {
    static let files: [String: String] = [
        "assessments.csv": """
        citizen;date;condition;level;municipality
        P1;2024-01-01;J1.1;3;Nord
        P1;2024-02-15;J1.1;1;Nord
        P2;2024-01-01;J1.1;2;Syd
        P2;2024-02-15;J1.1;2;Syd
        P3;2024-01-01;J1.1;2;Nord

        """,
        "courses.csv": """
        citizen;start;end;municipality
        P1;2024-01-01;2024-02-10;
        P2;2024-01-01;2024-02-10;
        P4;2024-06-01;2024-06-30;Syd

        """,
        "rates.csv": "service;rate\nhjemmepleje;400\n",
        "costs.csv": """
        citizen;date;hours;amount;service
        P1;2024-01-10;;100;
        P1;2024-03-01;1;;hjemmepleje
        P2;2024-01-15;;200;
        P3;2024-02-01;;300;
        P4;2024-05-01;;50;
        P4;2024-06-10;;50;
        P5;2024-12-31;;900;

        """,
    ]

    static func report(minCell: Int, extraCosts: String = "", extraCourses: String = "",
                       key: Pseudonymizer? = nil) throws -> (EffectReport, Dataset) {
        var files = Self.files
        files["costs.csv"]! += extraCosts
        files["courses.csv"]! += extraCourses
        let data = try TinyCostData(files: files)
        defer { data.remove() }
        let dataset = try data.load()
        var options = ReportOptions()
        options.minCell = minCell
        options.pseudonymizer = key
        return (EffectReporter.report(dataset, options: options), dataset)
    }

    @Test("overall figures match the hand computation")
    func overall() throws {
        let c = try #require(try Self.report(minCell: 1).0.costConcentration)
        let f = c.overall
        #expect(f.citizens == 5)
        #expect(!f.suppressed)
        #expect(f.totalCost == 2000)
        #expect(f.gini == 0.38)
        #expect(f.top1Share == 0.45)
        #expect(f.top5Share == 0.45)
        #expect(f.top10Share == 0.45)
        #expect(f.top5WithCourseShare == 0)
        #expect(f.top5MeanChange == nil)   // P5 has no course
        #expect(f.top5MeanSavings == nil)
        #expect(f.othersMeanChange == 1)
        #expect(abs(f.othersMeanSavings! - (-350.0 / 3)) < 1e-9)
        let population: [Double] = [0, 0.2, 0.4, 0.6, 0.8, 1]
        #expect(f.lorenz.map(\.population) == population)
        let expected: [Double] = [0, 100.0 / 2000, 300.0 / 2000, 600.0 / 2000, 1100.0 / 2000, 1]
        #expect(f.lorenz.map(\.cost) == expected)
    }

    @Test("per municipality: latest assessment's, else the course's, else (ukendt)")
    func perMunicipality() throws {
        let c = try #require(try Self.report(minCell: 1).0.costConcentration)
        #expect(c.byMunicipality.map(\.name) == ["(ukendt)", "Nord", "Syd"])
        let nord = c.byMunicipality[1].figures, syd = c.byMunicipality[2].figures, unknown = c.byMunicipality[0].figures
        #expect(nord.citizens == 2)
        #expect(nord.totalCost == 800)
        #expect(nord.gini == 0.125)
        #expect(nord.top5Share == 0.625)
        #expect(nord.top5WithCourseShare == 1)
        #expect(nord.top5MeanChange == 2)
        #expect(nord.top5MeanSavings == -400)
        #expect(nord.othersMeanChange == nil)
        #expect(nord.othersMeanSavings == nil)
        #expect(syd.citizens == 2)
        #expect(syd.totalCost == 300)
        #expect(syd.gini == 100.0 / 600)
        #expect(syd.top5Share == 200.0 / 300)
        #expect(syd.top5WithCourseShare == 1)
        #expect(syd.top5MeanChange == 0)
        #expect(syd.top5MeanSavings == 0)
        #expect(syd.othersMeanChange == nil)
        #expect(syd.othersMeanSavings == 50)
        #expect(unknown.citizens == 1)
        #expect(unknown.totalCost == 900)
        #expect(unknown.gini == 0)
        #expect(unknown.top5Share == 1)
    }

    @Test("--min-cell 5: top-k groups of one citizen, small municipalities and fine Lorenz steps are absent, never 0")
    func suppression() throws {
        let c = try #require(try Self.report(minCell: 5).0.costConcentration)
        let f = c.overall
        #expect(f.citizens == 5)
        #expect(!f.suppressed)
        #expect(f.gini == 0.38)
        #expect(f.totalCost == 2000)
        #expect(f.top1Share == nil)           // k = 1 < 5
        #expect(f.top5Share == nil)
        #expect(f.top10Share == nil)
        #expect(f.top5WithCourseShare == nil)
        #expect(f.othersMeanChange == nil)
        #expect(f.othersMeanSavings == nil)
        #expect(f.lorenz.map(\.population) == [0, 1])                                      // one step of 5
        for m in c.byMunicipality {
            #expect(m.figures.suppressed)
            #expect(m.figures.totalCost == nil)
            #expect(m.figures.gini == nil)
            #expect(m.figures.lorenz.isEmpty)
            #expect(m.figures.top5Share == nil)
        }
        let six = try #require(try Self.report(minCell: 6).0.costConcentration)
        #expect(six.overall.suppressed)
        #expect(six.overall.gini == nil)
        #expect(six.overall.lorenz.isEmpty)
    }

    @Test("a lone suppressed municipality takes the smallest shown one with it, so the total cannot give it away")
    func complementarySuppression() throws {
        // --min-cell 2: (ukendt) has 1 citizen; the overall less Nord and Syd would be P5's total.
        let c = try #require(try Self.report(minCell: 2).0.costConcentration)
        let suppressed = c.byMunicipality.filter(\.figures.suppressed).map(\.name)
        #expect(suppressed == ["(ukendt)", "Nord"])
        #expect(c.byMunicipality[2].figures.totalCost == 300)
        #expect(c.overall.totalCost == 2000)
    }

    @Test("a tie at the k-th total goes to the smaller pseudonym; the shares do not change")
    func tieByPseudonym() throws {
        // P6 also totals 900 and has a course: k = 1 of N = 6, so P5 or P6 is the top 5 %.
        let key = Pseudonymizer(key: try PseudonymKey(bytes: Array("a test key of sixteen bytes+".utf8)))
        let (report, dataset) = try Self.report(minCell: 1, extraCosts: "P6;2024-03-01;;900;\n",
                                                extraCourses: "P6;2024-01-01;2024-02-10;\n", key: key)
        let p5 = dataset.citizens.pseudonym(of: try #require(dataset.citizens.find(rawID: "P5")), key)
        let p6 = dataset.citizens.pseudonym(of: try #require(dataset.citizens.find(rawID: "P6")), key)
        let f = try #require(report.costConcentration).overall
        #expect(f.top5WithCourseShare == (p6 < p5 ? 1 : 0))
        #expect(f.top5Share == 900.0 / 2900)
        // Without a key the built-in order decides, the same on every run.
        let again = try #require(try Self.report(minCell: 1, extraCosts: "P6;2024-03-01;;900;\n", extraCourses: "P6;2024-01-01;2024-02-10;\n").0.costConcentration)
        let twice = try #require(try Self.report(minCell: 1, extraCosts: "P6;2024-03-01;;900;\n", extraCourses: "P6;2024-01-01;2024-02-10;\n").0.costConcentration)
        #expect(again.overall == twice.overall)
    }

    @Test("no cost data, no concentration")
    func withoutCosts() throws {
        var files = Self.files
        files["costs.csv"] = nil
        files["rates.csv"] = nil
        let data = try TinyCostData(files: files)
        defer { data.remove() }
        #expect(EffectReporter.report(try data.load()).costConcentration == nil)
    }
}
