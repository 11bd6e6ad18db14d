import FSIIIBytes

/// Team or municipality names, interned to dense indices. Index 0 is the
/// empty name: "not given".
public struct NameTable: Sendable {
    private(set) var interner: ByteInterner

    public init() {
        interner = ByteInterner(capacity: 64)
        _ = interner.intern([])
    }

    public var count: Int { interner.count }

    /// The name at `index` ("" for 0).
    public func name(_ index: Int) -> String { interner.string(at: index) }

    /// All names in index order.
    public var names: [String] { (0..<count).map(name) }

    /// The index of a name, adding it when new.
    @discardableResult
    public mutating func intern(_ name: String) -> UInt32 { interner.intern(name) }

    @inline(__always)
    mutating func intern(_ s: ByteSlice) -> UInt32 { interner.intern(s.p, s.n) }

    /// The index of a name, nil when unknown.
    public func index(of name: String) -> UInt32? { interner.find(Array(name.utf8)) }

    /// Indices of `other`'s names in this table, adding the new ones.
    mutating func merge(_ other: NameTable) -> [UInt32] { interner.merge(other.interner) }
}

/// The citizens of an import: normalised ids (never printed; see
/// `Pseudonymizer`) and birth dates from CPR numbers for the age bands of
/// the case mix (SPEC §7).
public struct CitizenRegistry: Sendable {
    private(set) var ids = ByteInterner(capacity: 1024)
    private(set) var birthDays: [Int32] = []
    private static let unknownBirth = Int32.min

    public init() {}

    public var count: Int { ids.count }

    /// Birth date from the CPR number, nil when the id is not a CPR number.
    public func birthDay(_ citizen: Int) -> Day? {
        let d = birthDays[citizen]
        return d == CitizenRegistry.unknownBirth ? nil : Day(rawValue: d)
    }

    /// The normalised id of a citizen, for pseudonyms only.
    func normalizedID(_ citizen: Int) -> ArraySlice<UInt8> { ids.bytes(at: citizen) }

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
    public mutating func intern(rawID: String) -> UInt32 {
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
    public func find(rawID: String) -> Int? {
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
