import Testing
@testable import FSIIIReports
@testable import FSIIIEffect

@Suite("SVG canvas: scales, nice numbers, coordinates")
struct SVGCanvasTests {
    @Test("a linear scale maps its domain ends to its pixel ends, y upside down")
    func linearScale() {
        // Funnel y: ratio [0, 2] → [380, 20]: y(r) = 380 − 180 r.
        let y = LinearScale(domainLow: 0, domainHigh: 2, pixelLow: 380, pixelHigh: 20)
        #expect(y(0) == 380)
        #expect(y(2) == 20)
        #expect(y(1) == 200)
        #expect(y(1.5) == 110)
        #expect(y.invert(110) == 1.5)
        let x = LinearScale(domainLow: -0.5, domainHigh: 1, pixelLow: 250, pixelHigh: 540)
        #expect(abs(x(0) - 346.6666666) < 1e-6)
    }

    @Test("a band scale puts band i's centre at start + (i + ½) · width / n")
    func bandScale() {
        let x = BandScale(count: 5, start: 60, end: 620)
        #expect(x.bandwidth == 112)
        #expect(x.center(0) == 116)
        #expect(x.center(2) == 340)
        #expect(x.center(4) == 564)
    }

    @Test("nice ceilings are 1, 2, 2.5 or 5 times a power of ten", arguments: [
        (0.96, 1.0), (1.0, 1.0), (1.1, 2.0), (17.6, 20.0), (22.44, 25.0), (0.175, 0.2), (0.3, 0.5), (3.2, 5.0), (6, 10), (120, 200),
    ])
    func niceCeil(_ value: Double, _ expected: Double) {
        #expect(abs(NiceNumber.ceil(value) - expected) < 1e-12)
    }

    @Test("ticks run from the first step at or above low to high")
    func ticks() {
        func close(_ a: [Double], _ b: [Double]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-9 } }
        #expect(close(NiceNumber.ticks(0, 20), [0, 5, 10, 15, 20]))
        #expect(close(NiceNumber.ticks(0, 0.8, target: 4), [0, 0.2, 0.4, 0.6, 0.8]))
        #expect(close(NiceNumber.ticks(-0.5, 1, target: 5), [-0.5, 0, 0.5, 1]))  // step nice(1.5 / 5) = 0.5
    }

    @Test("coordinates are written with one decimal and never as -0.0")
    func coordinates() {
        #expect(SVGWriter.f(86.89) == "86.9")
        #expect(SVGWriter.f(-0.01) == "0.0")
        #expect(SVGWriter.f(620) == "620.0")
    }

    @Test("a chart opens with its title and description and is labelled by them")
    func accessibleChart() throws {
        var w = SVGWriter(id: "x", width: 100, height: 50, title: "A & B", description: "<desc>")
        w.text("Hold \"Ø\"", x: 1, y: 2, class: "t")
        let svg = try XMLTree.parse(w.finished())
        #expect(svg.name == "svg")
        #expect(svg.attributes["role"] == "img")
        #expect(svg.attributes["aria-labelledby"] == "x-title x-desc")
        #expect(svg.children.first?.name == "title")
        #expect(svg.children.first?.text == "A & B")
        #expect(svg.children.dropFirst().first?.name == "desc")
        #expect(svg.children.dropFirst().first?.text == "<desc>")
        #expect(svg.first("text")?.text == "Hold \"Ø\"")
    }
}
