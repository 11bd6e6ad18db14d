import Foundation
import Testing
@testable import FSIIIBytes
import FSIIITestSupport

/// The real FHIR bundles of the KL Gateway examples parse, with known facts.
@Suite("KL Gateway reference bundles")
struct KLGatewayReferenceTests {
    @Test("each bundle parses as a collection Bundle with entries",
          .enabled(if: !ReferenceFiles.klgatewayBundles.isEmpty,
                   "shared/reference/klgateway not found: skipped"),
          arguments: ReferenceFiles.klgatewayBundles)
    func bundle(path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        let bundle = try data.withUnsafeBytes { buffer throws(JSONParseError) in try JSONParser.parse(buffer) }
        #expect(bundle["resourceType"]?.string == "Bundle")
        #expect(bundle["type"]?.string == "collection")
        #expect(bundle.object?.keys.first == "resourceType")
        #expect(bundle["meta"]?["profile"]?[0]?.string?
            .hasPrefix("http://fhir.kl.dk/gateway/StructureDefinition/klgateway-care-") == true)
        let entries = try #require(bundle["entry"]?.array)
        #expect(!entries.isEmpty)
        for entry in entries {
            #expect(entry["resource"]?["resourceType"]?.string != nil)
        }
        // Writing and parsing again gives the same value, in both layouts.
        for pretty in [true, false] {
            #expect(try JSONParser.parse(JSONWriter(pretty: pretty).write(bundle)) == bundle)
        }
    }

    @Test("the first example report is about citizen 0101410001 and has 8 entries",
          .enabled(if: ReferenceFiles.klgatewayBundles.contains { $0.hasSuffix("/DeliveryReport-JensHansen-2.json") },
                   "DeliveryReport-JensHansen-2.json not found: skipped"))
    func knownReport() throws {
        let path = try #require(ReferenceFiles.klgatewayBundles.first { $0.hasSuffix("/DeliveryReport-JensHansen-2.json") })
        let data = try #require(FileManager.default.contents(atPath: path))
        let bundle = try data.withUnsafeBytes { buffer throws(JSONParseError) in try JSONParser.parse(buffer) }
        #expect(bundle.object?.keys == ["resourceType", "id", "meta", "type", "timestamp", "entry"])
        #expect(bundle["entry"]?.array?.count == 8)
        let patient = bundle["entry"]?[0]?["resource"]
        #expect(patient?["resourceType"]?.string == "Patient")
        #expect(patient?["identifier"]?[0]?["value"]?.string == "0101410001")
        #expect(patient?["deceasedBoolean"]?.bool == false)
    }
}
