import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// A rejected row keeps its cells for `--rejects`, but never the citizen's:
/// that cell becomes `[fjernet]`, and the normalised id is kept aside only
/// to compute the pseudonym.
@Suite("Rejected rows are redacted")
struct RejectedRowRedactionTests {
    @Test("the citizen cell is replaced and its normalised id kept for the pseudonym")
    func citizenCell() {
        let p = ImportProblem(file: "a.csv", line: 7, column: "(row)", message: "the row has 5 fields, the header has 4",
                              reason: "wrong number of fields", cells: ["2024-01-01", "010140-1234", "Vaske sig", "2", "x"], citizenColumn: 1)
        #expect(p.cells == ["2024-01-01", Redaction.placeholder, "Vaske sig", "2", "x"])
        #expect(p.citizenID == Array("0101401234".utf8), "DDMMYY-XXXX is normalised as on import")
        #expect(p.citizenCell == 1)
    }

    @Test("a row too short to hold the citizen column, and a file without one")
    func noCitizenCell() {
        let short = ImportProblem(file: "a.csv", line: 3, column: "(row)", message: "m", reason: "r", cells: ["2024-01-01"], citizenColumn: 2)
        #expect(short.cells == ["2024-01-01"] && short.citizenID == nil && short.citizenCell == nil)
        let none = ImportProblem(file: "a.csv", line: 3, column: "(row)", message: "m", reason: "r", cells: ["K1", "2"], citizenColumn: nil)
        #expect(none.cells == ["K1", "2"] && none.citizenID == nil)
    }

    @Test("a ragged row in the rejects file carries the pseudonym of its own citizen")
    func raggedRowPseudonym() throws {
        let d = Fixtures.assessments("""
        citizen;date;condition;level
        0101401234;2024-01-01;Vaske sig;2;extra
        """)
        let problem = try #require(d.report.problems.first { $0.reason == "wrong number of fields" })
        #expect(problem.citizenID == Array("0101401234".utf8))
        #expect(!problem.cells.contains("0101401234"))
    }
}
