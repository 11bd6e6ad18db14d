import Testing
@testable import FSIIIEffect
import FSIIITestSupport
import FSIIIStatistics
@testable import FSIIIBytes

/// How KL Gateway problems name places and quote values without an
/// identifier (SPEC §10).
@Suite("FHIR places and quotes")
struct FHIRPlaceTests {
    @Test("an entry is named by its position and, when it is a plain name, its resource type")
    func entries() {
        #expect(FHIRPlace.entry(2, type: "Condition", report: nil) == "entry 3 (Condition)")
        #expect(FHIRPlace.entry(0, type: "Goal", report: 1) == "report 2, entry 1 (Goal)")
        #expect(FHIRPlace.entry(4, type: "0203451234", report: nil) == "entry 5")
        #expect(FHIRPlace.entry(4, type: "Condition/C1", report: nil) == "entry 5")
        #expect(FHIRPlace.entry(4, type: String(repeating: "A", count: 65), report: nil) == "entry 5")
        #expect(FHIRPlace.report(nil) == "Bundle" && FHIRPlace.report(0) == "report 1 (Bundle)")
    }

    @Test("a quoted value is cut at 40 characters, never inside a run of digits")
    func quotes() {
        #expect(FHIRPlace.quoted("J9.9") == "\"J9.9\"")
        #expect(FHIRPlace.quoted(String(repeating: "x", count: 50)) == "\"" + String(repeating: "x", count: 40) + "…\"")
        #expect(FHIRPlace.quoted(String(repeating: "x", count: 35) + "0203451234") == "\"" + String(repeating: "x", count: 35) + "…\"")
        #expect(FHIRPlace.quoted(String(repeating: "x", count: 35) + "020345-1234") == "\"" + String(repeating: "x", count: 35) + "…\"")
        // One character of a thousand combining marks is cut by scalars.
        #expect(FHIRPlace.quoted("e" + String(repeating: "\u{301}", count: 1_000)).unicodeScalars.count == 43)
    }

    @Test("the first reference that fails a test is found with its path")
    func referencePaths() throws {
        let value = try JSONParser.parse(#"{"a":[{"reference":"ok"},{"b":{"reference":"bad"}}],"c":{"reference":"bad2"}}"#)
        let found = value.firstReference { $0.hasPrefix("bad") }
        #expect(found?.path == "a[1].b.reference" && found?.reference == "bad")
        #expect(value.firstReference { $0 == "none" } == nil)
        let odd = try JSONParser.parse(#"{"0203451234":{"reference":"x"}}"#)
        #expect(odd.firstReference { _ in true }?.path == "….reference")
    }
}
