import Foundation
import Testing
import FSIIIBytes
@testable import FSIIIEffect
import FSIIITestSupport

/// The legacy → simplified crosswalk (issue 20): the built-in, derived
/// rows, the level combination, and the file form with its errors.
@Suite("Crosswalk")
struct CrosswalkTests {
    static let t = Terminology.builtIn

    static func code(_ token: String) -> ConditionCode { t.condition(forCode: token) ?? t.condition(forToken: token)! }

    static func parse(_ text: String) throws(CrosswalkFileError) -> Crosswalk {
        try CrosswalkLoader.parse(CSVSmallTable(FileBytes(utf8: Array(text.utf8))), shownPath: "cw.csv", version: "test", terminology: t)
    }

    @Test("built-in: one row per J-tree condition (30), three without a successor, the issue's examples as stated")
    func builtInRows() {
        let c = Crosswalk.builtIn
        #expect(c.rows.count == 30 && c.derived && c.version == "derived-20240530.1")
        #expect(c.unmappedLegacy == ["J3.7", "J3.9", "J5.1"])
        func target(_ key: String) -> String? { c.rows.first { $0.legacyKey == key }?.simplifiedName }
        for key in ["J1.1", "J1.2", "J1.3", "J1.8"] { #expect(target(key) == "Personlig pleje") }
        for key in ["J1.4", "J1.5", "J1.6"] { #expect(target(key) == "Spise og drikke") }
        for key in ["J3.1", "J3.2", "J3.3", "J3.4", "J3.8"] { #expect(target(key) == "Mobilitet og bevægelse") }
        for key in ["J4.4", "J4.7", "J4.8", "J4.3", "J2.3"] { #expect(target(key) == "Kognitive funktioner") }
        // The six that keep their key map to themselves.
        for (key, name) in [("J2.1", "Lave husligt arbejde"), ("J2.2", "Lave mad"), ("J2.4", "Indkøb"), ("J3.5", "Forflytte sig"),
                            ("J4.2", "Hukommelse"), ("J4.6", "Energi og handlekraft")] {
            #expect(target(key) == name)
            #expect(c.rows.first { $0.legacyKey == key }?.basis == .sameKey)
        }
        // Every simplified target is a simplified-model condition, and every simplified condition maps to itself.
        for r in c.rows { if let s = r.simplified { #expect(Self.t.conditions[s.index].simplifiedModel) } }
        for concept in Self.t.conditions where concept.simplifiedModel { #expect(c.simplified(of: concept.code) == concept.code) }
        #expect(c.simplified(of: Self.code("J5.1")) == nil)
        #expect(c.simplified(of: Self.code("J1.1")) == Self.code("Personlig_pleje"))
    }

    @Test("combine: max by default, mean rounded half up; 9s left out, all 9 stays 9")
    func combine() {
        #expect(LevelCombination.max.combine([1, 3, 2]) == 3)
        #expect(LevelCombination.mean.combine([1, 3, 2]) == 2)
        #expect(LevelCombination.mean.combine([2, 3]) == 3, "2.5 rounds up")
        #expect(LevelCombination.mean.combine([1, 2]) == 2, "1.5 rounds up")
        #expect(LevelCombination.mean.combine([1, 1, 2]) == 1, "1.33 rounds down")
        #expect(LevelCombination.max.combine([9, 2, 9]) == 2)
        #expect(LevelCombination.mean.combine([9, 4, 0]) == 2)
        #expect(LevelCombination.max.combine([9, 9]) == 9 && LevelCombination.mean.combine([9]) == 9)
        #expect(LevelCombination.max.combine([]) == nil)
        #expect(LevelCombination.max.combine([0]) == 0 && LevelCombination.mean.combine([4, 4, 4, 3]) == 4)
    }

    @Test("file: J keys, tree codes, UUIDs and names; unnamed legacy conditions get no successor; kept keys map to themselves")
    func fileForms() throws {
        let c = try Self.parse("""
        legacy;simplified;basis
        J1.1;Personlig_pleje;definition contains
        4d46bd94-9518-431c-82e8-ebb91bca307a;feb38b55-c2d7-4d57-99c2-93622eaa0025;definition contains
        Kropspleje;Personlig pleje;judgement
        J5.1;;no successor

        """)
        #expect(!c.derived && c.version == "test")
        #expect(c.simplified(of: Self.code("J1.1")) == Self.code("Personlig_pleje"))
        #expect(c.simplified(of: Self.code("J1.2")) == Self.code("Personlig_pleje"))
        #expect(c.rows.first { $0.legacyKey == "J1.2" }?.basis == .judgement)
        #expect(c.simplified(of: Self.code("J1.4")) == nil, "not in the file: no successor")
        #expect(c.simplified(of: Self.code("J2.2")) == Self.code("J2.2"))
        #expect(c.rows.count == 30 && c.unmappedLegacy.count == 30 - 2 - 6)
    }

    @Test("file errors: a code mapped to two simplified conditions, unknown codes, wrong model, bad basis — each file:line: column")
    func fileErrors() {
        #expect(throws: CrosswalkFileError(problems: ["cw.csv:3: legacy: J1.1 is mapped twice (line 2 to Personlig pleje, here to Spise og drikke); a legacy condition maps to one simplified condition"])) {
            try Self.parse("legacy,simplified,basis\nJ1.1,Personlig_pleje,judgement\nJ1.1,Spise_og_drikke,judgement\n")
        }
        do {
            _ = try Self.parse("""
            gammel;forenklet;grundlag
            J9.9;Personlig_pleje;judgement
            J1.1;Nyt begreb;judgement
            Personlig pleje;Personlig_pleje;judgement
            J1.1;J1.2;judgement
            J1.1;Personlig_pleje;guess
            J1.1;;judgement
            J2.2;Personlig_pleje;judgement

            """)
            Issue.record("the file was accepted")
        } catch {
            #expect(error.problems == [
                "cw.csv:2: legacy: unknown condition \"J9.9\"; use a J key such as J1.1, a tree code or a UUID (`fsiii codes` lists them)",
                "cw.csv:3: simplified: unknown condition \"Nyt begreb\"; use a tree code such as Personlig_pleje, a J key or a UUID (`fsiii codes` lists them)",
                "cw.csv:4: legacy: \"Personlig pleje\" is a condition of the simplified model, not a legacy one",
                "cw.csv:5: simplified: \"Kropspleje\" is a legacy condition, not one of the simplified model",
                "cw.csv:6: basis: \"guess\" is not a basis; use \"same key\", \"definition contains\", \"judgement\", \"no successor\"",
                "cw.csv:7: basis: \"judgement\" needs a simplified condition; leave basis as \"no successor\" for none",
                "cw.csv:8: simplified: J2.2 keeps its key in the simplified model and maps to itself",
            ])
        }
        #expect(throws: CrosswalkFileError(problems: ["cw.csv:1: (header): no basis column; expected legacy;simplified;basis"])) {
            try Self.parse("legacy;simplified\nJ1.1;Personlig_pleje\n")
        }
        #expect(throws: CrosswalkFileError(problems: ["cw.csv: the file is empty; expected a header line legacy;simplified;basis"])) {
            try Self.parse("")
        }
    }

    @Test("a CPR-shaped code in a crosswalk file is masked in the message")
    func noLeak() {
        do {
            _ = try Self.parse("legacy;simplified;basis\n0101401234;Personlig_pleje;judgement\n")
            Issue.record("accepted")
        } catch {
            #expect(!error.description.contains("0101401234"))
            #expect(error.description.hasPrefix("cw.csv:2: legacy: unknown condition"))
        }
    }
}
