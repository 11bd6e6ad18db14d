import FSIIIBytes

/// Team, municipality or service names, interned to dense indices. Index 0
/// is the empty name: "not given".
///
/// A name is kept as given, for matching (a rate to its service, `--reference`
/// to its group), and is *shown* through `name(_:)` only, made safe when it
/// is added (SPEC §10, docs/RULES.md "Personal data in outputs"): each
/// CPR-shaped number in it becomes `[fjernet N]` — N numbering the names of
/// this table that hold one, 1, 2, … in the order they were first read, so
/// two such teams stay two groups — and control characters are escaped
/// (`ControlEscaping`). The check runs once per distinct name, when it is
/// new, so it costs the import nothing per row.
///
/// One name is not masked: an organisation code (a SOR-ID of 15 to 18
/// digits) that a KL Gateway report gives as its Patient's
/// `managingOrganization` identifier in the SOR system (IMPORT-CONTRACT),
/// interned with `intern(organisationCode:)`. Masking it would make every
/// KL Gateway team `[fjernet N]`; the same digits in a CSV cell or in any
/// other text are masked.
package struct NameTable: Sendable {
    private(set) var interner: ByteInterner
    /// How many names have been checked: all of them (`interner.count`),
    /// since every way a name comes in checks it. Kept here so the hot
    /// path tells a new name by one compare, without reading the interner.
    private var checked = 0
    /// The names shown otherwise than given, in index order.
    private var shown: [ShownName] = []
    /// How many names hold a CPR-shaped number.
    package private(set) var identifierCount = 0

    /// A name shown otherwise than given.
    private struct ShownName: Sendable {
        var index: UInt32
        var text: String
        var holdsIdentifier: Bool
    }

    package init() {
        interner = ByteInterner(capacity: 64)
        _ = interner.intern([])
        checked = 1
    }

    package var count: Int { interner.count }

    /// The name at `index` as it may be shown ("" for 0): CPR-shaped numbers
    /// replaced, control characters escaped.
    package func name(_ index: Int) -> String {
        if !shown.isEmpty, let k = shownPosition(of: index) { return shown[k].text }
        return interner.string(at: index)
    }

    /// The name at `index` as given, for matching only: never to be written
    /// anywhere (use `name(_:)`).
    func storedName(_ index: Int) -> String { interner.string(at: index) }

    /// All names in index order, as they may be shown.
    package var names: [String] { (0..<count).map(name) }

    /// The names that hold a CPR-shaped number, as shown (`Hold [fjernet 1]`, …).
    package var identifierNames: [String] { shown.filter(\.holdsIdentifier).map(\.text) }

    /// The index of a name as given, adding it when new.
    @discardableResult
    package mutating func intern(_ name: String) -> UInt32 {
        let index = interner.intern(name)
        if Int(index) == checked { noteNew(index, name) }
        return index
    }

    /// The index of an organisation code (SOR-ID, 15 to 18 ASCII digits and
    /// nothing else) read from a field that holds one, adding it when new:
    /// shown as given. Anything else is interned as a name (`intern(_:)`).
    mutating func intern(organisationCode code: String) -> UInt32 {
        var code = code
        let isCode = code.withUTF8 { Self.isOrganisationCode($0.baseAddress ?? emptyBytes, $0.count) }
        guard isCode else { return intern(code) }
        let index = interner.intern(code)
        if Int(index) == checked { checked += 1 }
        return index
    }

    @inline(__always)
    mutating func intern(_ s: ByteSlice) -> UInt32 {
        let index = interner.intern(s.p, s.n)
        if Int(index) == checked { noteNew(index, s) }
        return index
    }

    /// The index of a name as given, nil when unknown.
    package func index(of name: String) -> UInt32? { interner.find(Array(name.utf8)) }

    /// How the name given as `name` is shown, nil when it is not in the table.
    package func shownName(ofGiven name: String) -> String? { index(of: name).map { self.name(Int($0)) } }

    /// Indices of `other`'s names in this table, adding the new ones (each
    /// numbered here, in `other`'s order, if it holds a CPR-shaped number).
    mutating func merge(_ other: NameTable) -> [UInt32] {
        let before = interner.count
        let map = interner.merge(other.interner)
        checked = interner.count
        for entry in other.shown where Int(map[Int(entry.index)]) >= before {
            note(map[Int(entry.index)], given: other.storedName(Int(entry.index)), holdsIdentifier: entry.holdsIdentifier)
        }
        return map
    }

    /// Checks a name just added (once per distinct name).
    @inline(never)
    private mutating func noteNew(_ index: UInt32, _ s: ByteSlice) {
        checked += 1
        let holdsIdentifier = Redaction.containsIdentifier(s.p, s.n)
        if holdsIdentifier || ControlEscaping.contains(UnsafeBufferPointer(start: s.p, count: s.n)) {
            note(index, given: s.string, holdsIdentifier: holdsIdentifier)
        }
    }

    private mutating func noteNew(_ index: UInt32, _ name: String) {
        var name = name
        name.withUTF8 { noteNew(index, ByteSlice(p: $0.baseAddress ?? emptyBytes, n: $0.count)) }
    }

    /// Whether the bytes are 15 to 18 ASCII digits and nothing else: the
    /// shape of an organisation code (SOR-ID).
    static func isOrganisationCode(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        (15...18).contains(n) && UnsafeBufferPointer(start: p, count: n).allSatisfy { $0 &- 0x30 < 10 }
    }

    /// Records how the new name at `index` is shown.
    private mutating func note(_ index: UInt32, given: String, holdsIdentifier: Bool) {
        var text = given
        if holdsIdentifier {
            identifierCount += 1
            text = Redaction.mask(given, with: "[fjernet \(identifierCount)]")
        }
        shown.append(ShownName(index: index, text: ControlEscaping.escaped(text), holdsIdentifier: holdsIdentifier))
    }

    /// The position of `index` in `shown` (binary search), nil when the name is shown as given.
    private func shownPosition(of index: Int) -> Int? {
        var low = 0, high = shown.count
        while low < high {
            let mid = (low + high) / 2
            let i = Int(shown[mid].index)
            if i == index { return mid }
            if i < index { low = mid + 1 } else { high = mid }
        }
        return nil
    }
}

/// The citizens of an import: normalised ids (never printed; see
/// `Pseudonymizer`) and birth dates from CPR numbers for the age bands of
/// the case mix (SPEC §7).
package struct CitizenRegistry: Sendable {
    private(set) var ids = ByteInterner(capacity: 1024)
    private(set) var birthDays: [Int32] = []
    private static let unknownBirth = Int32.min

    package init() {}

    package var count: Int { ids.count }

    /// Birth date from the CPR number, nil when the id is not a CPR number.
    package func birthDay(_ citizen: Int) -> Day? {
        let d = birthDays[citizen]
        return d == CitizenRegistry.unknownBirth ? nil : Day(rawValue: d)
    }

    /// The normalised id of a citizen, for pseudonyms only.
    func normalizedID(_ citizen: Int) -> ArraySlice<UInt8> { ids.bytes(at: citizen) }

    /// `body` on the normalised id of a citizen where it is stored (no
    /// copy); for what the library derives from it (sex), never for output.
    func withNormalizedID<R>(_ citizen: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { ids.withBytes(at: citizen, body) }

    /// The citizen's pseudonym under `pseudonymizer` (SPEC §10), for the
    /// per-course export: the id itself never leaves the library.
    package func pseudonym(of citizen: Int, _ pseudonymizer: Pseudonymizer) -> String {
        pseudonymizer.pseudonym(of: normalizedID(citizen))
    }

    /// The index of a normalised id, adding it when new.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        let before = ids.count
        let index = ids.intern(p, n)
        if Int(index) == before {
            birthDays.append(CitizenID.birthDay(normalized: ByteSlice(p: p, n: n))?.rawValue ?? CitizenRegistry.unknownBirth)
        }
        return index
    }

    /// Interns a raw id as written (a CPR number with or without hyphen).
    package mutating func intern(rawID: String) -> UInt32 {
        let bytes = Array(rawID.utf8)
        return bytes.withUnsafeBufferPointer { b in
            let s = ByteSlice(p: b.baseAddress ?? emptyBytes, n: b.count).trimmed
            let out = UnsafeMutablePointer<UInt8>.allocate(capacity: max(s.n, 1))
            defer { out.deallocate() }
            let n = CitizenID.normalize(s, into: out)
            return intern(UnsafePointer(out), n)
        }
    }

    /// The citizens' ids for finding them from several threads while no
    /// citizen is added (see `ByteInterner.Lookup`).
    var lookup: ByteInterner.Lookup { ids.lookup }

    /// Indices of `other`'s citizens in this registry, adding the new ones.
    mutating func merge(_ other: CitizenRegistry) -> [UInt32] {
        ids.merge(other.ids) { i in birthDays.append(other.birthDays[i]) }
    }

    /// Makes room for merging `others` (the chunks of one file) without regrowing.
    mutating func reserve(forMerging others: [CitizenRegistry]) {
        ids.reserve(forMerging: others.map(\.ids))
        birthDays.reserveCapacity(count + others.reduce(0) { $0 + $1.count })
    }

    /// Index of a raw id if known (tests, FHIR cross-references).
    package func find(rawID: String) -> Int? {
        let bytes = Array(rawID.utf8)
        return bytes.withUnsafeBufferPointer { b -> Int? in
            let s = ByteSlice(p: b.baseAddress ?? emptyBytes, n: b.count).trimmed
            let out = UnsafeMutablePointer<UInt8>.allocate(capacity: max(s.n, 1))
            defer { out.deallocate() }
            let n = CitizenID.normalize(s, into: out)
            return ids.find(UnsafePointer(out), n).map { Int($0) }
        }
    }
}
