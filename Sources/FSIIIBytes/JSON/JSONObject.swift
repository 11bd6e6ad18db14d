/// A JSON object (RFC 8259 §4) whose members stay in document order.
///
/// RFC 8259 calls objects unordered, but FHIR resources are read and reports
/// are compared in the order written, so order is kept and is part of
/// equality. Duplicate names are kept too (the RFC only says they SHOULD be
/// unique); lookups return the first. Lookup is a linear scan: FHIR objects
/// have a handful of members, where a scan beats hashing.
package struct JSONObject: Sendable, Sequence {
    /// The members in document (or insertion) order.
    package var members: [(key: String, value: JSONValue)]

    /// An empty object.
    package init() { members = [] }

    /// An object with `members` in the order given.
    package init(_ members: [(key: String, value: JSONValue)]) {
        self.members = members
    }

    /// The value of the first member named `key`, or `nil`.
    ///
    /// Setting replaces the first member named `key` in place (keeping its
    /// position), or appends a new member; setting `nil` removes every
    /// member named `key`.
    package subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            guard let newValue else {
                members.removeAll { $0.key == key }
                return
            }
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = newValue
            } else {
                members.append((key: key, value: newValue))
            }
        }
    }

    /// The member names in order (duplicates included).
    package var keys: [String] { members.map(\.key) }

    /// The number of members.
    package var count: Int { members.count }

    /// Whether the object has no members.
    package var isEmpty: Bool { members.isEmpty }

    /// Appends a member without looking for an existing one of that name —
    /// the fast way to build an object whose names are known to be unique.
    package mutating func append(key: String, value: JSONValue) {
        members.append((key: key, value: value))
    }

    package func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        members.makeIterator()
    }
}

extension JSONObject: Hashable {
    /// Equal when both have the same members in the same order (tuples are
    /// not `Equatable`, hence the hand-written conformance).
    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for (a, b) in zip(lhs.members, rhs.members) where a.key != b.key || a.value != b.value {
            return false
        }
        return true
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Members in the order written.
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}
