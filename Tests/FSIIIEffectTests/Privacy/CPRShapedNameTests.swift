import Testing
@testable import FSIIIEffect
import FSIIIStatistics
@testable import FSIIIBytes
import FSIIITestSupport

/// docs/RULES.md "Personal data in outputs": a team, municipality or
/// service name holding a CPR-shaped number is shown with `[fjernet N]`,
/// numbered per kind in the order first read, so two such groups stay two;
/// it is said once per kind.
@Suite("Names holding a CPR-shaped number")
struct CPRShapedNameTests {
    @Test("a name table shows CPR-shaped names numbered, escapes controls, and keeps the given name for matching")
    func nameTable() {
        var t = NameTable()
        let a = t.intern("Hold 0101401234")
        let b = t.intern("Hold Nord")
        let c = t.intern("020250-4321")
        let d = t.intern("Hold\u{1B}[2J")
        #expect(t.intern("Hold 0101401234") == a, "the same name is the same index")
        #expect(t.name(Int(a)) == "Hold [fjernet 1]")
        #expect(t.name(Int(b)) == "Hold Nord")
        #expect(t.name(Int(c)) == "[fjernet 2]")
        #expect(t.name(Int(d)) == #"Hold\u{1B}[2J"#)
        #expect(t.identifierCount == 2 && t.identifierNames == ["Hold [fjernet 1]", "[fjernet 2]"])
        #expect(t.names == ["", "Hold [fjernet 1]", "Hold Nord", "[fjernet 2]", #"Hold\u{1B}[2J"#])
        #expect(t.storedName(Int(a)) == "Hold 0101401234")
        #expect(t.shownName(ofGiven: "020250-4321") == "[fjernet 2]")
        #expect(t.shownName(ofGiven: "nobody") == nil)
    }

    @Test("an organisation code (15 to 18 digits) from a SOR identifier is shown as given; the same digits as a name are masked")
    func organisationCode() {
        var t = NameTable()
        let sor = t.intern(organisationCode: "123456789012345")
        let long = t.intern(organisationCode: "425431000016005123")
        let notACode = t.intern(organisationCode: "Hold 0101401234")
        let short = t.intern(organisationCode: "01014012345678")
        let asName = t.intern("999456789012345")
        let text = t.intern("SOR 123456789012346")
        #expect(t.name(Int(sor)) == "123456789012345" && t.name(Int(long)) == "425431000016005123")
        #expect(t.name(Int(notACode)) == "Hold [fjernet 1]", "not the shape of a code: interned as a name")
        #expect(t.name(Int(short)) == "[fjernet 2]", "14 digits may be a CPR number and four more")
        #expect(t.name(Int(asName)) == "[fjernet 3]", "15 digits in a name cell may hide a CPR number")
        #expect(t.name(Int(text)) == "SOR [fjernet 4]")
        #expect(t.identifierCount == 4)
    }

    @Test("a KL Gateway team named by its SOR identifier is shown as given; a CPR-shaped display name is masked")
    func klGatewayTeams() {
        typealias K = KLFixture
        var bySOR: JSONObject = ["resourceType": "Patient", "id": "P2"]
        bySOR.append(key: "identifier", value: [["use": "official", "system": "urn:oid:1.2.208.176.1.2", "value": "0303031234"]])
        bySOR.append(key: "managingOrganization", value: ["identifier": ["system": "urn:oid:1.2.208.176.1.1", "value": "123456789012345"]])
        var otherSystem = bySOR
        otherSystem = ["resourceType": "Patient", "id": "P3"]
        otherSystem.append(key: "identifier", value: [["use": "official", "system": "urn:oid:1.2.208.176.1.2", "value": "0404041234"]])
        otherSystem.append(key: "managingOrganization", value: ["identifier": ["system": "urn:example", "value": "999456789012345"]])
        let d = K.load([
            K.report(timestamp: "2024-02-01T10:00:00Z", [K.patient(team: "Hold 0203451234"), K.condition()]),
            K.report(timestamp: "2024-02-01T10:00:00Z", [.object(bySOR), K.condition(patient: "P2")]),
            K.report(timestamp: "2024-02-01T10:00:00Z", [.object(otherSystem), K.condition(patient: "P3")]),
        ])
        #expect(d.teams.names.contains("Hold [fjernet 1]"))
        #expect(d.teams.names.contains("123456789012345"), "a SOR code is shown as given")
        #expect(d.teams.names.contains("[fjernet 2]"), "15 digits of another system may hide a CPR number")
        #expect(d.teams.identifierCount == 2)
    }

    @Test("a merged table numbers the new names in its own order")
    func merge() {
        var whole = NameTable()
        whole.intern("0202504321")
        var chunk = NameTable()
        chunk.intern("x 111111-1111")
        chunk.intern("0202504321")
        chunk.intern("plain")
        chunk.intern("y 2222222222")
        let map = whole.merge(chunk)
        #expect(map == [0, 2, 1, 3, 4])
        #expect(whole.names == ["", "[fjernet 1]", "x [fjernet 2]", "plain", "y [fjernet 3]"])
        whole.intern("z 3333333333")
        #expect(whole.name(5) == "z [fjernet 4]", "a name added after a merge is checked too")
    }

    static let assessments = """
    citizen;date;condition;level;team;municipality
    0101401234;2024-01-01;Vaske sig;3;Hold 1111111118;Kommune 020202-2222
    0101401234;2024-03-01;Vaske sig;1;Hold 1111111118;Kommune 020202-2222
    0202504321;2024-01-01;Vaske sig;3;Hold 3333333333;Kommune 020202-2222
    0202504321;2024-03-01;Vaske sig;2;Hold 3333333333;Kommune 020202-2222
    """
    static let courses = """
    citizen;start;end;team
    0101401234;2024-01-01;2024-02-20;Hold 1111111118
    0202504321;2024-01-01;2024-02-20;Hold 3333333333
    """
    static let costs = """
    citizen;date;hours;service
    0101401234;2024-01-02;1;Pleje 4444444444
    """
    static let rates = """
    service;rate
    Pleje 4444444444;400
    """

    @Test("two CPR-shaped teams stay two groups; one warning per kind; rates still find their service")
    func report() throws {
        let d = Fixtures.dataset([.init("rates.csv", .rates, Self.rates), .init("assessments.csv", .assessments, Self.assessments),
                                  .init("courses.csv", .courses, Self.courses), .init("costs.csv", .costs, Self.costs)])
        let warnings = d.report.problems.filter { $0.reason == "CPR-shaped name" }.map(\.description)
        #expect(warnings == [
            #"assessments.csv: team: 2 team names hold numbers shaped like CPR numbers; they are shown as "Hold [fjernet 1]", "Hold [fjernet 2]" (numbered in the order first read)"#,
            #"assessments.csv: municipality: a municipality name holds a number shaped like a CPR number; it is shown as "Kommune [fjernet 1]""#,
            #"costs.csv: service: a service name holds a number shaped like a CPR number; it is shown as "Pleje [fjernet 1]""#,
        ])
        #expect(d.costs?.cost == [400], "the rate of the CPR-shaped service is found by its name as given")
        var o = ReportOptions()
        o.minCell = 1
        let r = EffectReporter.report(d, options: o)
        #expect(r.groups.map(\.group) == ["Hold [fjernet 1]", "Hold [fjernet 2]"])
        #expect(r.groups.map(\.courses) == [1, 1])
    }

    @Test("--reference may name a CPR-shaped group as given; the comparison shows it masked")
    func reference() throws {
        let d = Fixtures.dataset([.init("rates.csv", .rates, Self.rates), .init("assessments.csv", .assessments, Self.assessments),
                                  .init("courses.csv", .courses, Self.courses), .init("costs.csv", .costs, Self.costs)])
        var o = ReportOptions()
        o.minCell = 1
        o.comparison.enabled = true
        o.comparison.bootstrap = 10
        o.comparison.reference = "Hold 3333333333"
        let r = EffectReporter.report(d, options: o)
        let comparison = try #require(r.costComparison)
        #expect(comparison.referenceFound)
        #expect(comparison.reference.name == "Hold [fjernet 2]")
        o.comparison.reference = "Hold 5555555555"
        let missing = try #require(EffectReporter.report(d, options: o).costComparison)
        #expect(!missing.referenceFound && missing.reference.name == "Hold [fjernet]")
    }
}
