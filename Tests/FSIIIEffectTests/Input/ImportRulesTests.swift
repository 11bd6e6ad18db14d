import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// SPEC §4: rejected, superseded and removed rows, and the identity
/// read = accepted + rejected + superseded + removed.
@Suite("Import rules")
struct ImportRulesTests {
    static let header = "citizen;date;condition;level;team;goal;status;id\n"

    @Test("same citizen, condition and date twice: the later row wins")
    func sameKey() {
        let d = Fixtures.assessments(Self.header + """
        0101401234;2024-01-10;Vaske sig;2;T;;;
        010140-1234;10.01.2024;J1.1;3;T;;;
        0101401234;2024-01-11;Vaske sig;1;T;;;
        """)
        #expect(d.report[.assessments] == ImportCounts(read: 3, accepted: 2, superseded: 1))
        #expect(Fixtures.rows(d).map(\.level) == [3, 1])
    }

    @Test("a later row with the same id replaces the earlier one, even on another date")
    func sameID() {
        let d = Fixtures.assessments(Self.header + """
        0101401234;2024-01-10;Vaske sig;2;T;;;R1
        0101401234;2024-01-12;Vaske sig;3;T;;;R1
        0101401234;2024-01-12;Lave mad;3;T;;;R2
        """)
        #expect(d.report[.assessments] == ImportCounts(read: 3, accepted: 2, superseded: 1))
        // Rows are ordered by citizen, condition (Vaske sig before Lave mad in the terminology) and day.
        #expect(Fixtures.rows(d).map { "\($0.condition) \($0.day) \($0.level)" } == ["Vaske sig 2024-01-12 3", "Lave mad 2024-01-12 3"])
    }

    @Test("courses: a later course with the same id replaces the earlier one; without an id nothing is superseded")
    func courseIDs() {
        let d = Fixtures.dataset([.init("courses.csv", .courses, """
        citizen;start;end;team;id
        0101401234;2024-01-01;2024-03-01;A;F1
        0101401234;2024-01-01;2024-03-01;A;
        0101401234;2024-01-01;2024-02-01;B;
        0202501234;2024-02-01;2024-04-01;A;F2
        0101401234;2024-01-05;2024-03-20;B;F1
        0303601234;2024-05-01;;A;F3
        0202501234;2024-02-01;2024-04-15;A;F2
        """)])
        // F1 and F2 each replaced once; the two id-less courses of one day both stay.
        #expect(d.report[.courses] == ImportCounts(read: 7, accepted: 5, superseded: 2))
        #expect(d.courses.map(\.id) == ["", "", "F1", "F3", "F2"])
        #expect(d.courses.map { $0.end?.iso ?? "open" } == ["2024-03-01", "2024-02-01", "2024-03-20", "open", "2024-04-15"])
    }

    @Test("courses: citizens the assessments have keep their number; new ones follow in the order they first appear")
    func courseCitizens() {
        let d = Fixtures.dataset([
            .init("assessments.csv", .assessments, "citizen;date;condition;level\n0101401234;2024-01-10;Vaske sig;2\n0202501234;2024-01-10;Vaske sig;2\n"),
            .init("courses.csv", .courses, "citizen;start;end\n0303601234;2024-01-01;\n010140-1234;2024-01-01;\n0404701234;2024-01-01;\n0303601234;2024-02-01;\n0202501234;2024-01-01;\n"),
        ])
        #expect(d.citizens.count == 4)
        #expect(d.courses.map(\.citizen) == [2, 0, 3, 2, 1])
        #expect(d.citizens.find(rawID: "0404701234") == 3 && d.citizens.birthDay(3)?.iso == "1970-04-04")
    }

    @Test("courses in a large file: known citizens found across chunks, new ones numbered in file order")
    func courseCitizensInChunks() throws {
        let assessments = "citizen;date;condition;level\n" + (0..<100).map { "K\($0);2024-01-10;Vaske sig;2\n" }.joined()
        var courses = "citizen;start;end;team\n"
        var expected: [UInt32] = []
        var new: UInt32 = 100
        for i in 0..<120_000 {
            if i % 3 == 0 {
                courses += "K\(i % 100);2024-01-01;2024-03-01;Hold Nørrebro\n"
                expected.append(UInt32(i % 100))
            } else {
                courses += "N\(i);2024-01-01;2024-03-01;Hold Nørrebro\n"
                expected.append(new)
                new += 1
            }
        }
        #expect(courses.utf8.count > 4 << 20, "read in chunks")
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(assessments.utf8).write(to: folder.appendingPathComponent("assessments.csv"))
        try Data(courses.utf8).write(to: folder.appendingPathComponent("courses.csv"))
        let d = try DatasetLoader.load([InputPath(folder.path)], options: ImportOptions())
        #expect(d.report[.courses] == ImportCounts(read: 120_000, accepted: 120_000))
        #expect(d.citizens.count == Int(new))
        #expect(d.courses.map(\.citizen) == expected)
    }

    @Test("entered-in-error removes the record with that id, and is removed itself")
    func enteredInErrorByID() {
        let d = Fixtures.assessments(Self.header + """
        0101401234;2024-01-10;Vaske sig;2;T;;;R1
        0101401234;2024-01-11;Vaske sig;3;T;;;R2
        ;;;;;;entered-in-error;R1
        """)
        #expect(d.report[.assessments] == ImportCounts(read: 3, accepted: 1, removed: 2))
        #expect(Fixtures.rows(d).map(\.day) == ["2024-01-11"])
    }

    @Test("without an id, entered-in-error removes the record of that citizen, condition and date")
    func enteredInErrorByKey() {
        let d = Fixtures.assessments(Self.header + """
        0101401234;2024-01-10;Vaske sig;2;T;;;
        0101401234;2024-01-10;Lave mad;2;T;;;
        0101401234;10-01-2024;J1.1;;T;;entered-in-error;
        0101401234;2024-01-20;Vaske sig;9;T;;entered-in-error;
        """)
        // The last removal matches nothing alive: it is removed all the same.
        #expect(d.report[.assessments] == ImportCounts(read: 4, accepted: 1, removed: 3))
        #expect(Fixtures.rows(d).map(\.condition) == ["Lave mad"])
    }

    @Test("a removal can be undone only by a new row: a row after the removal is alive")
    func rowAfterRemoval() {
        let d = Fixtures.assessments(Self.header + """
        0101401234;2024-01-10;Vaske sig;2;T;;;R1
        0101401234;2024-01-10;Vaske sig;;T;;entered-in-error;R1
        0101401234;2024-01-10;Vaske sig;3;T;;;R3
        """)
        #expect(d.report[.assessments] == ImportCounts(read: 3, accepted: 1, removed: 2))
        #expect(Fixtures.rows(d).map(\.level) == [3])
    }

    @Test("resolved is an assessment at level 0, whatever the level cell says")
    func resolved() {
        let d = Fixtures.assessments(Self.header + """
        0101401234;2024-01-10;Vaske sig;;T;;resolved;
        0101401234;2024-01-11;Lave mad;3;T;;RESOLVED;
        """)
        #expect(d.report[.assessments] == ImportCounts(read: 2, accepted: 2))
        #expect(Fixtures.rows(d).map(\.level) == [0, 0])
    }

    @Test("a later file wins over an earlier one")
    func laterFileWins() {
        let d = Fixtures.dataset([
            .init("assessments-1.csv", .assessments, Self.header + "0101401234;2024-01-10;Vaske sig;2;T;;;\n"),
            .init("assessments-2.csv", .assessments, "citizen,date,condition,level\n0101401234,2024-01-10,Vaske sig,4\n"),
        ])
        #expect(d.report[.assessments] == ImportCounts(read: 2, accepted: 1, superseded: 1))
        #expect(Fixtures.rows(d).map(\.level) == [4])
    }

    /// One row of every kind: each ends in exactly one bucket.
    static let everyKind = header + """
    0101401234;2024-01-10;Vaske sig;2;T;;;R1
    0101401234;2024-01-10;Vaske sig;3;T;;;R2
    0101401234;2024-01-11;Lave mad;1;T;1;;R3
    ;;;;;;entered-in-error;R3
    0101401234;2024-01-12;Gå;;T;;resolved;R4
    0101401234;31-02-2024;Gå;2;T;;;R5
    0101401234;i går;Gå;2;T;;;R6
    0101401234;2024-01-13;Vaske sigg;2;T;;;R7
    0101401234;2024-01-13;Vaske sig;x;T;;;R8
    0101401234;2024-01-13;Vaske sig;2.5;T;;;R9
    ;2024-01-13;Vaske sig;2;T;;;R10
    0101401234;2024-01-13;Vaske sig;2;T;7;;R11
    0101401234;2024-01-13;Vaske sig;2;T;;deleted;R12
    0101401234;2024-01-14;Vaske sig;2;T
    0101401234;2024-01-14;Vaske sig;2;T;;;R13;extra
    0101401234;"2024-01-15";"Vaske sig";1;"T";;;R14
    0101401234;"2024-01-16"x;Vaske sig;1;T;;;R15
    0101401234;2024-01-17;Vaske sig;;T;;;R16
    0101401234;2024-01-18;;1;T;;;R17
    0101401234;;Vaske sig;1;T;;;R18
    0101401234;2024-01-19;Vaske sig;1;T;;;R19
    0101401234;"2024-01-20;Vaske sig;1;T;;;R20

    """

    @Test("every kind of bad row is accounted for, with file, line, column and a clear message")
    func everyKindOfRow() {
        let d = Fixtures.assessments(Self.everyKind)
        let counts = d.report[.assessments]
        // Lines 2–23: line 2 superseded by 3; 4 removed by 5; 3, 6, 17, 22 accepted; the rest rejected.
        #expect(counts == ImportCounts(read: 22, accepted: 4, rejected: 15, superseded: 1, removed: 2))
        #expect(counts.balances)
        let messages = d.report.rejected.map(\.description)
        #expect(messages == [
            "assessments.csv:7: date: \"31-02-2024\" is not a date; use YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY (or an ISO date-time)",
            "assessments.csv:8: date: \"i går\" is not a date; use YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY (or an ISO date-time)",
            "assessments.csv:9: condition: unknown condition \"Vaske sigg\" — did you mean \"Vaske sig\"?",
            "assessments.csv:10: level: \"x\" is not a level; use 0–4 or 9, B1–B6, a scale UUID or a label such as \"Moderate begrænsninger\"",
            "assessments.csv:11: level: \"2.5\" is not a level; use 0–4 or 9, B1–B6, a scale UUID or a label such as \"Moderate begrænsninger\"",
            "assessments.csv:12: citizen: missing value; every row needs the citizen",
            "assessments.csv:13: goal: \"7\" is not a level; the goal is an expected level 0–4 (or 9)",
            "assessments.csv:14: status: unknown status \"deleted\"; use active, resolved or entered-in-error",
            "assessments.csv:15: (row): the row has 5 fields, the header has 8; check for a missing ';'",
            "assessments.csv:16: (row): the row has 9 fields, the header has 8; a value containing ';' must be quoted",
            "assessments.csv:18: date: text follows the closing quote; quote the whole value and double any quote inside it",
            "assessments.csv:19: level: missing value; give a level 0–4 or 9",
            "assessments.csv:20: condition: missing value; every row needs the condition",
            "assessments.csv:21: date: missing value; every row needs the assessment date",
            "assessments.csv:23: (row): a quoted field is never closed; the quote opened on this line runs to the end of the file — close it or remove the stray quote",
        ])
        #expect(Fixtures.rows(d).map { "\($0.day) \($0.condition) \($0.level)" } == [
            "2024-01-10 Vaske sig 3", "2024-01-15 Vaske sig 1", "2024-01-19 Vaske sig 1", "2024-01-12 Gå 0",
        ])
    }
}
