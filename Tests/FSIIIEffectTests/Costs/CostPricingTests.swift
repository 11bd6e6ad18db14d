import Testing
@testable import FSIIIEffect
import FSIIITestSupport

@Suite("Cost rows that cannot be priced are rejected, naming the rates file and --hourly-rate (SPEC §3)")
struct CostPricingTests {
    static let files: [String: String] = [
        "assessments.csv": "citizen;date;condition;level\nA1;2024-01-01;J1.1;2\n",
        "rates.csv": "service;rate\nhjemmepleje;400\n",
        "costs.csv": """
        citizen;date;hours;amount;service
        A1;2024-01-02;1,5;;rengøring
        A1;2024-01-03;2;;
        A1;2024-01-04;;100;rengøring
        A1;2024-01-05;1;;hjemmepleje
        A1;2024-01-06;;;hjemmepleje

        """,
    ]

    @Test("without --hourly-rate: a service without a rate, and a row without a service, are rejected")
    func rejected() throws {
        let data = try TinyCostData(files: Self.files)
        defer { data.remove() }
        let dataset = try data.load()
        let problems = dataset.report.problems.filter { $0.file.hasSuffix("costs.csv") }
        #expect(problems.map(\.line) == [2, 3, 6])
        let unrated = try #require(problems.first)
        #expect(unrated.column == "hours" && unrated.reason == "no rate")
        #expect(unrated.message == "cannot price 1.5 hours: service \"rengøring\" has no rate; add it to a rates file (service;rate) or give --hourly-rate KR")
        #expect(problems[1].message == "cannot price 2.0 hours: the row names no service; add it to a rates file (service;rate) or give --hourly-rate KR")
        #expect(problems[2].message == "the row has no hours, minutes or amount")
        // An amount needs no rate; a rated service is priced: 100 + 1 × 400.
        #expect(dataset.report[.costs].read == 5 && dataset.report[.costs].accepted == 2 && dataset.report[.costs].rejected == 3)
        #expect(try #require(dataset.costs).cost == [100, 400])
    }

    @Test("with --hourly-rate the same rows are priced at it")
    func hourlyRate() throws {
        let data = try TinyCostData(files: Self.files)
        defer { data.remove() }
        let dataset = try data.load(hourlyRate: 350)
        #expect(dataset.report[.costs].rejected == 1)
        // 1.5 × 350, 2 × 350, 100, 1 × 400 (the rates file wins over the default).
        #expect(try #require(dataset.costs).cost == [525, 700, 100, 400])
    }
}
