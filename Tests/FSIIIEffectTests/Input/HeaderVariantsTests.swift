import Testing
@testable import FSIIIEffect
import FSIIITestSupport
import FSIIIStatistics
@testable import FSIIIBytes

/// Swapped, duplicated and missing headers in every file kind (issue 16):
/// a clear error for the file, or a correct reading — never a mix — and the
/// accounting `read = accepted + rejected + superseded + removed` holds.
@Suite("Headers: swapped, duplicated or missing, in every file kind")
struct HeaderVariantsTests {
    static func load(_ kind: InputKind, _ text: String) -> Dataset {
        Fixtures.dataset([.init("\(kind.rawValue).csv", kind, text)], hourlyRate: kind == .costs ? 400 : nil)
    }

    static func balances(_ d: Dataset) -> Bool {
        InputKind.allCases.allSatisfy { d.report[$0].balances }
    }

    @Test("two header cells that name one column are an error naming both", arguments: [
        (InputKind.assessments, "citizen;date;condition;level;cpr\n", "columns 1 (\"citizen\") and 5 (\"cpr\") both name the column \"citizen\""),
        (.courses, "borger;start;slut;end\n", "columns 3 (\"slut\") and 4 (\"end\") both name the column \"end\""),
        (.costs, "cpr;dato;timer;Timer\n", "columns 3 (\"timer\") and 4 (\"Timer\") both name the column \"hours\""),
        (.rates, "service;rate;takst\n", "columns 2 (\"rate\") and 3 (\"takst\") both name the column \"rate\""),
        (.rates, "ydelse;rate;ydelse\n", "columns 1 (\"ydelse\") and 3 (\"ydelse\") both name the column \"service\""),
    ])
    func duplicateColumns(kind: InputKind, header: String, named: String) {
        let d = Self.load(kind, header + "a;b;c;d;e\n")
        #expect(d.report.problems.map(\.description) == ["\(kind.rawValue).csv:1: \(named); remove or rename one of them"])
        #expect(d.report.unreadableFiles == 1)
        #expect(d.report[kind] == ImportCounts())
    }

    @Test("a rates file with its headers swapped over unswapped data rejects every row as no rate, and counts them")
    func ratesSwappedOverData() {
        let d = Self.load(.rates, "rate;service\nPleje;412,5\nHjælp;365\n")
        #expect(d.report.rejected.map { "\($0.line): \($0.column): \($0.message)" } == [
            "2: rate: \"Pleje\" is not a rate in kr per hour", "3: rate: \"Hjælp\" is not a rate in kr per hour",
        ])
        #expect(d.report[.rates] == ImportCounts(read: 2, rejected: 2))
        #expect(d.pricing.rates.isEmpty)
    }

    @Test("a rates file with header and data in the other order is read correctly", arguments: ["takst;ydelse", "RATE ; Service", "sats\tydelse"])
    func ratesInTheOtherOrder(header: String) {
        let delimiter = header.contains("\t") ? "\t" : ";"
        let d = Self.load(.rates, "\(header)\n412,5\(delimiter)Pleje\n365\(delimiter)Hjælp\n300\(delimiter)pleje\n")
        #expect(d.pricing.rates == ["pleje": 300, "hjælp": 365])
        #expect(d.report[.rates] == ImportCounts(read: 3, accepted: 2, superseded: 1))
    }

    @Test("a rates or costs file without a required column is one error naming it", arguments: [
        (InputKind.rates, "service;pris\n", "missing required column \"rate\" (also accepted: takst, timepris, sats); the header has \"service\", \"pris\""),
        (.rates, "rate;kommentar\n", "missing required column \"service\" (also accepted: ydelse); the header has \"rate\", \"kommentar\""),
        (.costs, "dato;timer\n", "missing required column \"citizen\" (also accepted: cpr, borger, cpr_nr, cprnr); the header has \"dato\", \"timer\""),
    ])
    func missingColumn(kind: InputKind, header: String, message: String) {
        let d = Self.load(kind, header + "x;1\n")
        #expect(d.report.problems.map(\.description) == ["\(kind.rawValue).csv:1: \(message)"])
        #expect(d.report[kind] == ImportCounts())
    }

    @Test("a costs file whose amount and hours headers are swapped reads each column by its header")
    func costsSwapped() {
        // The header says the third column is the amount, the fourth the hours.
        let d = Self.load(.costs, "cpr;dato;beløb;timer\n1111111118;2024-01-01;120;2\n1111111118;2024-01-02;;1,5\n1111111118;2024-01-03;x;1\n")
        #expect(d.costs?.cost == [120, 600])
        #expect(d.costs?.hours == [2, 1.5])
        #expect(d.report.rejected.map { "\($0.line): \($0.column): \($0.message)" } == ["4: beløb: \"x\" is not a number"])
        #expect(d.report[.costs] == ImportCounts(read: 3, accepted: 2, rejected: 1))
    }

    @Test("a costs file with none of hours, minutes and amount is one error for the file")
    func costsWithoutAQuantity() {
        let d = Self.load(.costs, "cpr;dato;ydelse\n1111111118;2024-01-01;Pleje\n")
        #expect(d.report.problems.map(\.message) == ["a costs file needs a column \"hours\" (timer), \"minutes\" (minutter) or \"amount\" (beløb)"])
        #expect(d.report[.costs] == ImportCounts())
        #expect(Self.balances(d))
    }

    @Test("an assessments or courses file with two headers swapped reads the columns by their names")
    func swappedDataColumns() {
        let a = Self.load(.assessments, "level;condition;date;citizen\n2;Vaske sig;2024-01-01;1111111118\nVaske sig;2;2024-01-02;1111111118\n")
        #expect(Fixtures.rows(a).map { "\($0.day) \($0.condition) \($0.level)" } == ["2024-01-01 Vaske sig 2"])
        #expect(a.report.rejected.map { "\($0.line): \($0.column)" } == ["3: condition"])
        #expect(a.report[.assessments] == ImportCounts(read: 2, accepted: 1, rejected: 1))
        let c = Self.load(.courses, "end;start;citizen\n2024-03-01;2024-01-01;1111111118\n2024-01-01;2024-03-01;1111111118\n")
        #expect(c.courses.map { "\($0.start)…\($0.end.map(\.iso) ?? "")" } == ["2024-01-01…2024-03-01"])
        #expect(c.report.rejected.map { "\($0.line): \($0.column): \($0.reason)" } == ["3: end: end before start"])
        #expect(c.report[.courses] == ImportCounts(read: 2, accepted: 1, rejected: 1))
    }
}
