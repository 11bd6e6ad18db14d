import Foundation
import FSIIIEffect

/// A linear map from data values to pixels along one axis:
/// `pixel(v) = pixelLow + (v − domainLow) / (domainHigh − domainLow) · (pixelHigh − pixelLow)`.
/// A y axis passes its bottom pixel as `pixelLow`, since SVG's y grows
/// downwards. The charts' tests compute expected pixels with this formula.
struct LinearScale: Sendable, Hashable {
    var domainLow: Double
    var domainHigh: Double
    var pixelLow: Double
    var pixelHigh: Double

    func callAsFunction(_ value: Double) -> Double {
        let span = domainHigh - domainLow
        guard span != 0 else { return (pixelLow + pixelHigh) / 2 }
        return pixelLow + (value - domainLow) / span * (pixelHigh - pixelLow)
    }

    /// The data value at a pixel (for tests and for sampling curves).
    func invert(_ pixel: Double) -> Double {
        let span = pixelHigh - pixelLow
        guard span != 0 else { return domainLow }
        return domainLow + (pixel - pixelLow) / span * (domainHigh - domainLow)
    }
}

/// `count` equal bands side by side from `start` to `end` pixels (months on
/// the trend chart, conditions on the condition chart):
/// `center(i) = start + (i + ½) · (end − start) / count`.
struct BandScale: Sendable, Hashable {
    var count: Int
    var start: Double
    var end: Double

    var bandwidth: Double { count > 0 ? (end - start) / Double(count) : 0 }
    func center(_ i: Int) -> Double { start + (Double(i) + 0.5) * bandwidth }
}

/// Round axis ends and tick steps: 1, 2, 2.5 or 5 times a power of ten.
enum NiceNumber {
    /// The smallest nice number ≥ `x` (x > 0); 1 for x ≤ 0.
    static func ceil(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let power = Foundation.pow(10, Foundation.floor(Foundation.log10(x)))
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * power >= x * (1 - 1e-12) { return m * power }
        return 10 * power
    }

    /// An axis range covering `values` (0 always included) in whole nice
    /// steps: step = `ceil(max(max − min, 0.1) / intervals)`,
    /// low = ⌊min / step⌋ · step, high = ⌈max / step⌉ · step.
    static func domain(covering values: [Double], intervals: Int) -> (low: Double, high: Double) {
        let all = values + [0]
        let low = all.min() ?? 0, high = all.max() ?? 1
        let step = ceil(max(high - low, 0.1) / Double(intervals))
        let lo = Foundation.floor(low / step + 1e-9) * step
        let hi = Foundation.ceil(high / step - 1e-9) * step
        return (lo, hi > lo ? hi : lo + step)
    }

    /// Tick values from `low` to `high` at a nice step giving about `target` intervals.
    static func ticks(_ low: Double, _ high: Double, target: Int = 5) -> [Double] {
        guard high > low, target > 0 else { return [low] }
        let step = ceil((high - low) / Double(target))
        var ticks: [Double] = []
        var k = Foundation.ceil(low / step - 1e-9)
        while k * step <= high + step * 1e-9 {
            ticks.append(k * step == 0 ? 0 : k * step)
            k += 1
        }
        return ticks
    }
}

/// The text of one inline SVG chart, built element by element.
///
/// Every chart opens with `<title>` and `<desc>` and is labelled by them
/// (`role="img"`, `aria-labelledby`), so screen readers announce it. There
/// is no `xmlns`: inline SVG in HTML5 needs none, and the page makes no
/// reference to anything outside itself. Coordinates are written with one
/// decimal (`%.1f`, C locale), which the tests parse back.
struct SVGWriter: Sendable {
    private(set) var text = ""
    let width: Double
    let height: Double

    init(id: String, width: Double, height: Double, title: String, description: String) {
        self.width = width
        self.height = height
        text = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(SVGWriter.f(width)) \(SVGWriter.f(height))\" "
            + "width=\"\(SVGWriter.f(width))\" height=\"\(SVGWriter.f(height))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\">\n"
            + "<title id=\"\(id)-title\">\(title.htmlEscaped)</title>\n"
            + "<desc id=\"\(id)-desc\">\(description.htmlEscaped)</desc>\n"
    }

    /// A coordinate as written: one decimal, `-0.0` as `0.0`.
    static func f(_ x: Double) -> String {
        let s = String(format: "%.1f", x)
        return s == "-0.0" ? "0.0" : s
    }

    /// Attributes from pairs, values escaped; nil values are left out.
    static func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name)=\"\($0.htmlEscaped)\"" } }.joined()
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class cls: String) {
        text += "<line class=\"\(cls)\" x1=\"\(Self.f(x1))\" y1=\"\(Self.f(y1))\" x2=\"\(Self.f(x2))\" y2=\"\(Self.f(y2))\"/>\n"
    }

    /// A polyline through `points` as a path `M x,y L x,y …`.
    mutating func path(_ points: [(x: Double, y: Double)], class cls: String, attributes extra: [(String, String?)] = []) {
        guard let first = points.first else { return }
        var d = "M\(Self.f(first.x)),\(Self.f(first.y))"
        for p in points.dropFirst() { d += " L\(Self.f(p.x)),\(Self.f(p.y))" }
        text += "<path class=\"\(cls)\" d=\"\(d)\"\(Self.attributes(extra))/>\n"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, class cls: String, attributes extra: [(String, String?)] = []) {
        text += "<rect class=\"\(cls)\" x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" width=\"\(Self.f(width))\" height=\"\(Self.f(height))\"\(Self.attributes(extra))/>\n"
    }

    /// Text at (x, y); `anchor` is start, middle or end; `rotate` turns it about (x, y).
    mutating func text(_ string: String, x: Double, y: Double, class cls: String, anchor: String = "start", rotate: Double? = nil) {
        let transform = rotate.map { " transform=\"rotate(\(Self.f($0)) \(Self.f(x)) \(Self.f(y)))\"" } ?? ""
        text += "<text class=\"\(cls)\" x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" text-anchor=\"\(anchor)\"\(transform)>\(string.htmlEscaped)</text>\n"
    }

    /// Opens a group; `translate` moves its origin (markers are drawn about (0, 0)).
    mutating func openGroup(class cls: String, translate: (x: Double, y: Double)? = nil, attributes extra: [(String, String?)] = []) {
        let transform = translate.map { " transform=\"translate(\(Self.f($0.x)) \(Self.f($0.y)))\"" } ?? ""
        text += "<g class=\"\(cls)\"\(transform)\(Self.attributes(extra))>\n"
    }

    mutating func closeGroup() { text += "</g>\n" }

    /// A tooltip for the enclosing group.
    mutating func tooltip(_ string: String) { text += "<title>\(string.htmlEscaped)</title>\n" }

    /// Markup built elsewhere (already escaped).
    mutating func raw(_ markup: String) { text += markup }

    /// The finished element.
    func finished() -> String { text + "</svg>\n" }
}

/// The marker shapes of the charts, drawn about (0, 0), so that no figure
/// is told by colour alone: a circle is within the limits, a triangle
/// pointing up is above, pointing down is below; alarm markers are larger.
enum ChartMarker {
    static func markup(for flag: FunnelFlag?) -> String {
        switch flag {
        case .highAlarm: return "<path class=\"marker\" d=\"M0,-8 L7,5 L-7,5 Z\"/>\n"
        case .highAlert: return "<path class=\"marker\" d=\"M0,-6 L5.2,3.5 L-5.2,3.5 Z\"/>\n"
        case .lowAlert: return "<path class=\"marker\" d=\"M0,6 L5.2,-3.5 L-5.2,-3.5 Z\"/>\n"
        case .lowAlarm: return "<path class=\"marker\" d=\"M0,8 L7,-5 L-7,-5 Z\"/>\n"
        case .within, nil: return "<circle class=\"marker\" cx=\"0\" cy=\"0\" r=\"4\"/>\n"
        }
    }

    /// The CSS class of a flag: `within`, `high-alert`, …
    static func cssClass(_ flag: FunnelFlag?) -> String {
        (flag ?? .within).rawValue.replacingOccurrences(of: "_", with: "-")
    }
}
