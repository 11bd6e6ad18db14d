/// A parsed JSON value (RFC 8259 §3); objects keep their members in document
/// order, because FHIR readers and report tests rely on it.
///
/// JSON has one number type (RFC 8259 §6). The parser therefore produces
/// `.number(Double)` for every number. `.integer(Int)` exists only for values
/// a program builds itself — counts in a report — so that `JSONWriter` prints
/// them as plain digits (`42`, not `42.0`). Both cases answer `int` and
/// `double`, and they compare by value: `.integer(2) == .number(2.0)`, so a
/// value that is written and parsed again equals the original.
package enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number; what the parser produces for every number.
    case number(Double)
    /// An integer built by the program (never by the parser); written without
    /// a decimal point.
    case integer(Int)
    /// A string, with escapes resolved.
    case string(String)
    /// An array, in document order.
    case array([JSONValue])
    /// An object, with its members in document order.
    case object(JSONObject)

    /// The value of the first member named `key` when this is an object;
    /// `nil` otherwise (RFC 8259 §4 leaves duplicate names to the reader; we
    /// take the first).
    package subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element at `index` when this is an array and `index` is in range;
    /// `nil` otherwise, so optional chains through FHIR paths never trap.
    package subscript(index: Int) -> JSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) {
            return elements[index]
        }
        return nil
    }

    /// The string, when this is a string.
    package var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number as a `Double`, when this is a number (either case).
    package var double: Double? {
        switch self {
        case .number(let x): return x
        case .integer(let n): return Double(n)
        default: return nil
        }
    }

    /// The number as an `Int`, when it is integral and within `Int`'s range
    /// (`3.0` gives 3; `3.5` and `1e300` give `nil`).
    package var int: Int? {
        switch self {
        case .number(let x):
            // Not `Int(exactly:)`, which needs libm's rounding functions and
            // so fails to link in a program without Foundation. -2^63 and
            // 2^63 are exact doubles; truncation inside them cannot trap.
            guard x >= -0x1p63, x < 0x1p63 else { return nil }  // also rejects NaN
            let n = Int(x)
            return Double(n) == x ? n : nil
        case .integer(let n): return n
        default: return nil
        }
    }

    /// The Boolean, when this is `true` or `false`.
    package var bool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The elements, when this is an array.
    package var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The object, when this is an object.
    package var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// Whether this is `null`.
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension JSONValue: Hashable {
    /// Structural equality; numbers compare by value across `.number` and
    /// `.integer` (an `Int` that no `Double` represents exactly equals no
    /// `.number`), objects compare member by member in order.
    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)):
            return Double(exactly: a) == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let flag):
            hasher.combine(1 as UInt8)
            hasher.combine(flag)
        case .number(let x):
            hasher.combine(2 as UInt8)
            hasher.combine(x)
        case .integer(let n):
            // Hash like the equal `.number` when there is one, to keep
            // `==` and `hashValue` consistent.
            if let x = Double(exactly: n) {
                hasher.combine(2 as UInt8)
                hasher.combine(x)
            } else {
                hasher.combine(3 as UInt8)
                hasher.combine(n)
            }
        case .string(let text):
            hasher.combine(4 as UInt8)
            hasher.combine(text)
        case .array(let elements):
            hasher.combine(5 as UInt8)
            hasher.combine(elements)
        case .object(let object):
            hasher.combine(6 as UInt8)
            hasher.combine(object)
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text, for diagnostics and test failure messages.
    package var description: String { JSONWriter(pretty: false).write(self) }
}

/// Literals make report-building code and tests read like the JSON they
/// produce; a dictionary literal keeps its members in the order written.
extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    package init(nilLiteral: ()) { self = .null }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal is an `.integer`, written without decimals.
    package init(integerLiteral value: Int) { self = .integer(value) }
    package init(floatLiteral value: Double) { self = .number(value) }
    package init(stringLiteral value: String) { self = .string(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}
