import Testing
@testable import FSIIIReports
@testable import FSIIIEffect

@Suite("HTML escaping makes data safe as element text and attribute value")
struct HTMLEscapingTests {
    @Test("the five XML-special characters are escaped, & first")
    func escapesSpecialCharacters() {
        #expect(HTMLEscaping.escape(#"<b>"Hold & Co's"</b>"#) == "&lt;b&gt;&quot;Hold &amp; Co&#39;s&quot;&lt;/b&gt;")
        #expect(HTMLEscaping.escape("&amp;") == "&amp;amp;")
    }

    @Test("other text, Danish letters and symbols included, is unchanged")
    func leavesOtherTextAlone() {
        #expect("Hold Østerbro – § 83a, 71 %".htmlEscaped == "Hold Østerbro – § 83a, 71 %")
        #expect("".htmlEscaped == "")
    }
}
