import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import FSIIIBytes
@testable import FSIIIReports

/// A workbook read back for the tests: its zip entries (CRCs checked by
/// `ZipReader`) and each worksheet's cells, parsed with Foundation's
/// `XMLParser`, which also proves every part well-formed.
struct WorkbookReading {
    struct Cell: Hashable {
        var type: String?
        var style: Int
        var text: String
    }

    let zip: ZipReader
    /// Sheet names in workbook order.
    let sheetNames: [String]

    init(_ bytes: [UInt8]) throws {
        zip = try ZipReader(bytes)
        let workbook = try Self.parse(try Self.entry(zip, "xl/workbook.xml"))
        sheetNames = workbook.filter { $0.name == "sheet" }.compactMap { $0.attributes["name"] }
    }

    /// The cells of sheet `index` (1-based, as `sheetN.xml`) by reference.
    func cells(sheet index: Int) throws -> [String: Cell] {
        let data = try Self.entry(zip, "xl/worksheets/sheet\(index).xml")
        let collector = CellCollector()
        let parser = XMLParser(data: Data(data))
        parser.delegate = collector
        guard parser.parse() else { throw Failure("sheet\(index).xml is not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")") }
        return collector.cells
    }

    /// The bytes of entry `name`; throws when the archive has none.
    static func entry(_ zip: ZipReader, _ name: String) throws -> [UInt8] {
        guard let data = try zip.data(name) else { throw Failure("no \(name) in the workbook") }
        return data
    }

    struct Element { var name: String; var attributes: [String: String] }

    /// Every element of an XML part, in document order; throws when the part is not well-formed.
    static func parse(_ bytes: [UInt8]) throws -> [Element] {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        guard parser.parse() else { throw Failure("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
        return collector.elements
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    final class ElementCollector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            elements.append(Element(name: name, attributes: attributes))
        }
    }

    final class CellCollector: NSObject, XMLParserDelegate {
        var cells: [String: Cell] = [:]
        private var ref: String?
        private var cell = Cell(type: nil, style: 0, text: "")
        private var inValue = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch name {
            case "c":
                ref = attributes["r"]
                cell = Cell(type: attributes["t"], style: Int(attributes["s"] ?? "0") ?? 0, text: "")
            case "v", "t": inValue = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { cell.text += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": inValue = false
            case "c": if let ref { cells[ref] = cell }; ref = nil
            default: break
            }
        }
    }
}

