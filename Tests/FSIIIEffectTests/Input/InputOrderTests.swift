import Testing
@testable import FSIIIEffect

@Suite("The order inputs are read in")
struct InputOrderTests {
    @Test("rates, then assessments and KL Gateway reports as given, then courses, then costs; the given order kept within each")
    func phases() {
        let given: [(String, InputKind)] = [
            ("b/assessments.csv", .assessments), ("costs.csv", .costs), ("a/klgateway.ndjson", .fhir),
            ("courses.csv", .courses), ("rates.csv", .rates), ("a/assessments.csv", .assessments),
        ]
        let order = InputOrder(given.map { InputSource(path: $0.0, kind: $0.1, fileSize: 0) })
        #expect(order.rates.map(\.path) == ["rates.csv"])
        #expect(order.assessmentsAndReports.map(\.path) == ["b/assessments.csv", "a/klgateway.ndjson", "a/assessments.csv"])
        #expect(order.courses.map(\.path) == ["courses.csv"])
        #expect(order.costs.map(\.path) == ["costs.csv"])
        #expect(order.hasReports)
        #expect(!InputOrder([InputSource(path: "x.csv", kind: .assessments, fileSize: 0)]).hasReports)
    }
}
