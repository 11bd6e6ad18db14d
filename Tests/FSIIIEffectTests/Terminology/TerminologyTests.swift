import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes
import FSIIITestSupport

/// The built-in FSIII tables and the CodeSystem loader (`--terminology FILE`).
@Suite("FSIII terminology")
struct TerminologyTests {
    let t = Terminology.builtIn

    @Test("37 home-care conditions in 5 areas, 13 in the simplified model")
    func conditions() {
        #expect(t.conditions.count == 37)
        #expect(t.areas.map(\.display) == ["Egenomsorg", "Praktiske opgaver", "Mobilitet", "Mentale funktioner", "Samfundsliv"])
        #expect(t.areas.map { a in t.conditions.filter { t.areas[$0.area] == a }.count } == [11, 4, 10, 11, 1])
        #expect(t.conditions.filter(\.simplifiedModel).count == 13)
        for (i, c) in t.conditions.enumerated() { #expect(c.code.index == i) }
        let vask = t.conditions[Int(t.condition(forToken: "J1.1")!.rawValue)]
        #expect(vask.uuid == "4d46bd94-9518-431c-82e8-ebb91bca307a" && vask.display == "Vaske sig" && !vask.simplifiedModel)
    }

    @Test("the level scale: B1 = 0 … B5 = 4, B6 = 9")
    func levels() {
        #expect(t.levels.map(\.level.rawValue) == [0, 1, 2, 3, 4, 9])
        #expect(t.levels.map(\.legacyKey) == ["B1", "B2", "B3", "B4", "B5", "B6"])
        #expect(t.levels[2].uuid == "d984ad21-48fe-4619-845e-2aa0303048e7" && t.levels[2].label == "Moderate begrænsninger")
    }

    @Test("§ 83a: the legal basis, two groups and eleven RH interventions")
    func rehabilitation() {
        #expect(t.rehabilitation.filter(\.isGroup).count == 3)
        #expect(t.rehabilitation.filter { !$0.isGroup }.count == 11)
        #expect(t.isRehabilitation(code: "H2.5") && t.isRehabilitation(code: "2912752c-2e9e-4702-8787-b45f73ff5b05"))
        #expect(t.isRehabilitation(code: "5270beb2-5d61-46f0-acc3-d1ee2a750e53"))
        #expect(!t.isRehabilitation(code: "H1.1"))
    }

    @Test("nursing conditions are recognised (both trees)")
    func nursing() {
        #expect(t.isNursing(code: "I4.4") && t.isNursing(code: "bb0ea5fa-3462-40de-9047-a16fc4815a47"))
        #expect(!t.isNursing(code: "J1.1"))
    }

    @Test("a CodeSystem with new concepts is read with the tree-matching rules")
    func loaderOnFixture() throws {
        let json = Fixtures.smallCodeSystem
        let loaded = try CodeSystemLoader.terminology(from: try JSONParser.parse(json))
        #expect(loaded.version == "29990101")
        #expect(loaded.conditions.map(\.display) == ["Vaske sig", "Ny tilstand"])
        #expect(loaded.conditions.map(\.legacyKey) == ["J1.1", nil])
        #expect(loaded.conditions.map(\.legacyTreeCode) == ["J1.1", "Ny_tilstand"])
        #expect(loaded.conditions.map(\.simplifiedModel) == [false, true])
        #expect(loaded.condition(forToken: "ny tilstand") == ConditionCode(1) && loaded.condition(forToken: "c-2") == ConditionCode(1))
        #expect(loaded.level(forToken: "B6")?.rawValue == 9 && loaded.level(forToken: "l2")?.rawValue == 2)
        #expect(loaded.isRehabilitation(code: "rh-1") && loaded.isNursing(code: "n-1"))
    }

    @Test("not a CodeSystem: a clear message")
    func loaderErrors() throws {
        #expect(throws: TerminologyError.self) { try CodeSystemLoader.terminology(from: try JSONParser.parse("{\"resourceType\": \"Bundle\"}")) }
        do {
            _ = try CodeSystemLoader.load(path: "/nonexistent/CodeSystem.json")
            Issue.record("a missing file must throw")
        } catch {
            #expect(error.description.contains("cannot read the file"))
        }
    }

    @Test("KL's CodeSystem gives exactly the built-in tables",
          .enabled(if: ReferenceFiles.directory != nil, "../shared/reference not found: skipped"))
    func loaderMatchesBuiltIn() throws {
        let path = try #require(ReferenceFiles.directory).appendingPathComponent("CodeSystem-FSIII.json").path
        let loaded = try CodeSystemLoader.load(path: path)
        #expect(loaded.version == t.version)
        let key = { (c: ConditionConcept) in "\(c.uuid) \(c.legacyKey ?? "-") \(c.legacyTreeCode) \(c.display) \(c.simplifiedModel)" }
        #expect(Set(loaded.conditions.map(key)) == Set(t.conditions.map(key)))
        #expect(loaded.areas == t.areas)
        #expect(loaded.levels == t.levels)
        #expect(Set(loaded.rehabilitation) == Set(t.rehabilitation))
        #expect(loaded.nursingCodes == t.nursingCodes)
    }

    @Test("the built-in conditions are those of fsiii_conditions.tsv",
          .enabled(if: ReferenceFiles.directory != nil, "../shared/reference not found: skipped"))
    func builtInMatchesTable() throws {
        let url = try #require(ReferenceFiles.directory).appendingPathComponent("fsiii_conditions.tsv")
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").dropFirst()
        let rows = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == t.conditions.count)
        for (row, c) in zip(rows, t.conditions) {
            #expect(row[0] == t.areas[c.area].display && row[1] == c.display && row[2] == c.uuid)
            #expect(row[3] == (c.legacyKey ?? "") && (row[4] == "yes") == c.simplifiedModel && row[5] == c.legacyTreeCode)
        }
    }
}
