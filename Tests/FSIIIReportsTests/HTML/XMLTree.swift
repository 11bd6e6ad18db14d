import Foundation
#if canImport(FoundationXML)
import FoundationXML
@testable import FSIIIEffect
#endif

/// A parsed XML element, for structural checks of the HTML report and its
/// SVG charts. Parsing uses Foundation's `XMLParser` (FoundationXML on
/// Linux, backed by libxml2), so a page that is not well-formed XML fails
/// to parse: the report is written as polyglot HTML that is also XML.
final class ParsedElement: @unchecked Sendable {
    let name: String
    let attributes: [String: String]
    var children: [ParsedElement] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every element below this one (depth first), this one included.
    var all: [ParsedElement] { [self] + children.flatMap(\.all) }

    func descendants(_ name: String) -> [ParsedElement] { all.filter { $0.name == name } }

    func first(_ name: String) -> ParsedElement? { all.first { $0.name == name } }

    /// Elements whose `class` has all of `classes`.
    func withClass(_ classes: String...) -> [ParsedElement] {
        all.filter { e in
            let have = Set((e.attributes["class"] ?? "").split(separator: " ").map(String.init))
            return classes.allSatisfy(have.contains)
        }
    }

    /// All text inside, children included.
    var fullText: String { text + children.map(\.fullText).joined() }

    /// `translate(x y)` of a marker group.
    var translation: (x: Double, y: Double)? {
        guard let t = attributes["transform"], t.hasPrefix("translate(") else { return nil }
        let numbers = t.dropFirst("translate(".count).dropLast().split(separator: " ").compactMap { Double($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }

    /// The vertices of a path `M x,y L x,y …`.
    var pathPoints: [(x: Double, y: Double)] {
        guard let d = attributes["d"] else { return [] }
        return d.split(separator: " ").compactMap { part in
            let xy = part.drop(while: { $0 == "M" || $0 == "L" }).split(separator: ",").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }

    func double(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
}

enum XMLTree {
    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// The root element of `text`, or a parse error with libxml2's line and message.
    static func parse(_ text: String) throws -> ParsedElement {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber): "
                             + String(describing: parser.parserError))
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [ParsedElement] = []
        var root: ParsedElement?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = ParsedElement(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
