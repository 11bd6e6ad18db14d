import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect

/// The whole page for the README's sample data (300 citizens, seed 1).
@Suite("HTML report: structure, language, self-containment, personal data")
struct HTMLReportTests {
    static let sample = SampleReport.shared
    static let enabled = sample != nil

    static func page(_ report: EffectReport, _ language: Language = .da) throws -> (text: String, root: ParsedElement) {
        let sample = try #require(Self.sample)
        let text = HTMLReport.write(report, terminology: sample.dataset.terminology, language: language)
        return (text, try XMLTree.parse(text))
    }

    @Test("the page is well-formed XML with the expected sections", .enabled(if: enabled, "sample data could not be generated"))
    func structure() throws {
        let sample = try #require(Self.sample)
        let (_, root) = try Self.page(sample.report)
        #expect(root.name == "html")
        #expect(root.attributes["lang"] == "da")
        #expect(root.first("h1")?.text == "Effekt af rehabilitering (§ 83a)")
        #expect(root.first("title")?.text == "Effekt af rehabilitering (§ 83a)")
        #expect(root.first("meta")?.attributes["charset"] == "utf-8")
        let svgIDs = root.descendants("svg").compactMap { $0.attributes["id"] }
        #expect(svgIDs == ["funnel", "mean-change-funnel", "trend", "conditions", "lorenz"])   // cost data: the Lorenz curve (SPEC §12)
        let headings = root.descendants("h2").map(\.text)
        #expect(headings == ["Sammenfatning", "Diagrammer", "Resultater pr. team", "Virker rehabiliteringen? Sammenligning og varighed",
                             "Indlæste data", "Sådan læses rapporten"])
        let table = try #require(root.withClass("groups", "sortable").first)
        #expect(table.first("tbody")?.descendants("tr").count == sample.report.groups.count)
        #expect(table.first("tfoot")?.first("th")?.text == "I alt")
        #expect(table.first("thead")?.descendants("button").count == table.first("thead")?.descendants("th").count)
        // Cost columns appear with cost data.
        #expect(table.first("thead")?.fullText.contains("Kr. pr. point") == true)
        #expect(root.first("script") != nil)
        #expect(root.descendants("details").count == 5, "each chart has its figures as a table")
    }

    @Test("every chart has a title and a description and is labelled by them", .enabled(if: enabled, "sample data could not be generated"))
    func accessibleCharts() throws {
        let (_, root) = try Self.page(try #require(Self.sample).report)
        for svg in root.descendants("svg") {
            let id = try #require(svg.attributes["id"])
            #expect(svg.attributes["role"] == "img")
            #expect(svg.attributes["aria-labelledby"] == "\(id)-title \(id)-desc")
            #expect(svg.children.first?.name == "title" && svg.children.first?.attributes["id"] == "\(id)-title")
            #expect(svg.children.dropFirst().first?.name == "desc")
            #expect((svg.children.dropFirst().first?.text.count ?? 0) > 60, "\(id) description says what the chart shows")
            #expect(svg.attributes["viewBox"] != nil)
        }
    }

    @Test("the header counts the data and the import", .enabled(if: enabled, "sample data could not be generated"))
    func header() throws {
        let sample = try #require(Self.sample)
        let r = sample.report
        let (_, root) = try Self.page(r)
        let meta = try #require(root.withClass("meta").first).text
        #expect(meta.contains("Periode: \(try #require(r.period).lowerBound.danish)"))
        #expect(meta.contains("\(r.citizenCount) borgere"))
        #expect(meta.contains("\(r.evaluation.results.count) forløb"))
        #expect(meta.contains("\(r.groups.count) teams"))
        let imports = try #require(root.descendants("section").first { $0.first("h2")?.text == "Indlæste data" })
        let assessments = try #require(imports.descendants("tr").first { $0.first("th")?.text == "Vurderinger" })
        let a = r.imports[.assessments]
        let L = Language.da
        #expect(assessments.descendants("td").map(\.text) == [a.read, a.accepted, a.rejected, a.superseded, a.removed].map { L.number(Double($0), digits: 0) })
        let reasons = imports.descendants("li").map(\.text)
        #expect(reasons.count == r.imports.commonReasons(limit: 5).count)
        let commonest = try #require(r.imports.commonReasons(limit: 5).first)
        #expect(reasons.first?.hasPrefix(HTMLSummaryText.reason(commonest.reason, .da)) == true)
        #expect(reasons.first?.contains(String(commonest.count)) == true)
        #expect(imports.descendants("a").isEmpty)
    }

    @Test("Danish labels and number formats by default, English with --lang en", .enabled(if: enabled, "sample data could not be generated"))
    func languages() throws {
        let r = try #require(Self.sample).report
        let share = try #require(r.total.improvedShare), mean = try #require(r.total.meanChange)
        let (da, _) = try Self.page(r, .da)
        for label in ["Sammenfatning", "Tragtdiagram", "Andel forbedrede forløb", "Sådan læses rapporten", "Hyppigste årsager"] {
            #expect(da.contains(label), "\(label)")
        }
        #expect(da.contains(Language.da.number(mean)) && Language.da.number(mean).contains(","))
        #expect(da.contains(Language.da.percent(share).replacingOccurrences(of: " ", with: "\u{00A0}")))
        let (en, root) = try Self.page(r, .en)
        #expect(root.attributes["lang"] == "en")
        for label in ["Effect of rehabilitation (§ 83a)", "Summary", "Funnel plot", "Share of courses improved", "How to read this report"] {
            #expect(en.contains(label), "\(label)")
        }
        #expect(en.contains(Language.en.number(mean)) && Language.en.number(mean).contains("."))
        #expect(!en.contains("Sammenfatning"))
        // Issue 21: the O/E funnel's description gives the method, φ, τ² and the test of overdispersion.
        let f = try #require(r.funnel)
        #expect(en.contains("Funnel: phi, normal limits; φ = \(Language.en.number(f.phi)), τ² = 0.0000; overdispersion test: n·φ = \(Language.en.number(f.chiSquare)) on \(f.groups - 1) degrees of freedom, p "))
        #expect(da.contains("Tragt: phi, normale grænser; φ = \(Language.da.number(f.phi))"))
    }

    @Test("the page refers to nothing outside itself", .enabled(if: enabled, "sample data could not be generated"))
    func selfContained() throws {
        let r = try #require(Self.sample).report
        for language in Language.allCases {
            let (text, root) = try Self.page(r, language)
            for needle in ["http:", "https:", "//", "src=", "href=", "@import", "url(", "<link", "<img", "<iframe", "<object"] {
                #expect(!text.lowercased().contains(needle), "\(needle) in the \(language) page")
            }
            #expect(root.descendants("script").allSatisfy { $0.attributes.isEmpty }, "scripts are inline")
        }
    }

    @Test("no identifiers: no 10-digit or CPR-shaped sequence, no citizen id, no file path", .enabled(if: enabled, "sample data could not be generated"))
    func noIdentifiers() throws {
        let sample = try #require(Self.sample)
        for language in Language.allCases {
            let (text, _) = try Self.page(sample.report, language)
            #expect(text.range(of: #"[0-9]{10}"#, options: .regularExpression) == nil)
            #expect(text.range(of: #"[0-9]{6}-[0-9]{4}"#, options: .regularExpression) == nil)
            for id in sample.citizenIDs { #expect(!text.contains(id), "citizen id in the page") }
            #expect(!text.contains(sample.folder.path))
            #expect(!text.contains(".csv"))
        }
    }

    @Test("suppressed teams show their name and <k only; no chart reveals them", .enabled(if: enabled, "sample data could not be generated"))
    func suppression() throws {
        let sample = try #require(Self.sample)
        // Teams of the sample have 12–17 citizens with an evaluable course, months at most 8: with k = 15 three teams are suppressed, and every month.
        let report = sample.report(minCell: 15)
        let hidden = report.groups.filter(\.suppressed)
        try #require(hidden.count == 3 && report.groups.count == 6)
        let (text, root) = try Self.page(report)
        let rows = try #require(root.withClass("groups").first).descendants("tr")
        for g in hidden {
            let row = try #require(rows.first { $0.first("th")?.text == g.group })
            #expect(row.attributes["class"] == "suppressed")
            #expect(row.descendants("td").map(\.text).prefix(2) == ["<15", "<15"])
            #expect(row.descendants("td").allSatisfy { $0.attributes["data-sort"] == nil })
            #expect(row.descendants("td").last?.text == "Skjult: færre end 15 borgere")
            #expect(text.components(separatedBy: g.group.htmlEscaped).count - 1 == 1, "\(g.group) is named once, in the table")
            for svg in root.descendants("svg") { #expect(!svg.fullText.contains(g.group)) }
        }
        #expect(root.descendants("svg").allSatisfy { $0.attributes["id"] != "trend" }, "every month has fewer than 15 citizens")
        #expect(text.contains("færre end 15 borgere"))
    }

    @Test("with too few citizens overall nothing but counts is shown", .enabled(if: enabled, "sample data could not be generated"))
    func everythingSuppressed() throws {
        let sample = try #require(Self.sample)
        let report = sample.report(minCell: 1000)
        let (text, root) = try Self.page(report)
        #expect(root.descendants("svg").isEmpty)
        #expect(root.withClass("tiles").isEmpty)
        #expect(try #require(root.withClass("summary").first).text.contains("for få borgere"))
        #expect(try #require(root.withClass("meta").first).text.contains("<1000 borgere"))
        #expect(!text.contains("data-sort=\""))
    }

    @Test("grouping by condition: no funnel, pairs as unit", .enabled(if: enabled, "sample data could not be generated"))
    func byCondition() throws {
        let sample = try #require(Self.sample)
        let (text, root) = try Self.page(sample.report(minCell: 5, grouping: .condition))
        #expect(root.descendants("svg").compactMap { $0.attributes["id"] } == ["trend", "conditions", "lorenz"])
        #expect(text.contains("Resultater pr. tilstand"))
        #expect(text.contains("sammenlignede tilstande"))
    }
}
