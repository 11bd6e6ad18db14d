import FSIIIBytes

/// The identity of a FHIR resource across reports: a 128-bit hash of
/// `Type/id` (SPEC §9: the same id sent again is a new version of it).
struct ResourceKey: Hashable, Comparable, Sendable {
    var a: UInt64
    var b: UInt64

    init(_ typeAndID: String) {
        var text = typeAndID
        (a, b) = text.withUTF8 { recordIDHash(ByteSlice(p: $0.baseAddress ?? emptyBytes, n: $0.count)) }
    }

    static func < (x: ResourceKey, y: ResourceKey) -> Bool { (x.a, x.b) < (y.a, y.b) }
}

/// One version of a resource: which resource, when it is valid from
/// (`meta.lastUpdated`, else the report's `Bundle.timestamp`), its place in
/// input order (`seq`, the tie-breaker), and a fingerprint of its content
/// without `meta`, so an unchanged re-send is recognised.
struct VersionStamp: Sendable {
    var key: ResourceKey
    var time: Int64
    /// Entry index within the report while extracting; global input order after merging.
    var seq: UInt32
    var fingerprint: UInt64
    var enteredInError: Bool
}

/// A version record: every kind has a stamp.
protocol Versioned: Sendable {
    var stamp: VersionStamp { get }
}

/// A resource the analysis does not use (Procedure, other observations …):
/// read and accounted for, nothing more.
struct OtherVersion: Versioned {
    var stamp: VersionStamp
    var citizen: UInt32 = 0
}

extension KLGateway {
    /// "No day": a date that is absent.
    static let noDay = Int32.min
    /// "No level": a condition or goal without one.
    static let noLevel: UInt8 = 0xFF
}

/// What a Condition version says (SPEC §9).
struct ConditionVersion: Versioned {
    enum State: UInt8, Sendable {
        /// Clinical status active (or recurrence, relapse) and in focus: the level counts.
        case active
        /// `resolved`: an assessment at level 0.
        case resolved
        /// `inactive`, `remission`, or no `problem-list-item` category: the
        /// condition ends without a new level.
        case ended
    }
    var stamp: VersionStamp
    var citizen: UInt32 = 0
    var team: UInt32 = 0
    /// `ConditionCode.rawValue`; unused for nursing conditions.
    var code: UInt8
    var isNursing: Bool
    var level: UInt8
    var state: State
    /// `recordedDate`: dates the first version only.
    var recorded: Int32
    /// The local date of `stamp.time`: dates every later version.
    var day: Int32
}

/// What a Goal version says: the expected level of one condition.
struct GoalVersion: Versioned {
    var stamp: VersionStamp
    var citizen: UInt32 = 0
    var condition: ResourceKey
    var target: UInt8
    /// `startDate`: dates the first version only.
    var start: Int32
    var day: Int32
}

/// What a planned intervention (CarePlan) version says.
struct CarePlanVersion: Versioned {
    var stamp: VersionStamp
    var citizen: UInt32 = 0
    var team: UInt32 = 0
    /// A § 83a code: the intervention forms a course (SPEC §5).
    var isRehabilitation: Bool
    var start: Int32
    /// `period.end` once `status` is `completed`; `KLGateway.noDay` while open.
    var end: Int32
    /// The resource id, kept for § 83a interventions only (the course id).
    var id: String
}

/// What an Encounter version says; only a finished delivery of planned
/// interventions (`delivers`) becomes cost rows, `partCount` of them.
struct EncounterVersion: Versioned {
    var stamp: VersionStamp
    var citizen: UInt32 = 0
    var delivers: Bool
    var day: Int32
    /// Index of the first cost part (into the report's, later the session's, parts).
    var firstPart: Int
    var partCount: Int
}

/// One intervention's share of a delivery encounter: hours and their cost.
struct CostPart: Sendable {
    var service: String
    var hours: Double
    var cost: Double
}

/// What a follow-up observation version says, with the level each focus
/// condition has in the same report (the report is self-contained).
struct FollowUpVersion: Versioned {
    var stamp: VersionStamp
    var citizen: UInt32 = 0
    var team: UInt32 = 0
    var day: Int32
    var result: FollowUpResult?
    var firstFocus: Int
    var focusCount: Int
}

/// A condition a follow-up observation is about.
struct FollowUpFocus: Sendable {
    var condition: ResourceKey
    /// `ConditionCode.rawValue`, or `KLGateway.noLevel` when not a home-care condition.
    var code: UInt8
    /// The condition's level in the observation's report; `KLGateway.noLevel` when it
    /// has none there (then the level in force on the day counts).
    var level: UInt8
}

/// What a Patient version says.
struct PatientVersion: Versioned {
    var stamp: VersionStamp
    var citizen: UInt32 = 0
    /// `active` = false withdraws a citizen reported in error.
    var active: Bool
    var deceased: Bool
    /// Where the Patient was: its entry and its report's place in an
    /// incremental delivery (−1 for none), for `place`.
    var entry: Int32
    var report: Int32
    var line: Int
    var file: Int = 0

    /// `entry 1 (Patient)`, for the warnings about the citizen.
    var place: String { FHIRPlace.entry(Int(entry), type: "Patient", report: report >= 0 ? Int(report) : nil) }
}

/// Everything one delivery report says, read without shared state so
/// reports can be read on both cores, then merged in input order.
struct ReportFacts: Sendable {
    var line: Int
    /// Resource entries read, and how many of them were rejected.
    var entries = 0
    var rejected = 0
    var problems: [ImportProblem] = []
    /// The normalised CPR number; empty when the report was rejected.
    var citizen: [UInt8] = []
    /// The Patient's team as given (a name table masks what it shows).
    var team = ""
    /// Whether `team` is the managing organisation's SOR identifier (no
    /// display name given): shown as given (`NameTable.intern(organisationCode:)`).
    var teamIsOrganisationCode = false
    var patients: [PatientVersion] = []
    var conditions: [ConditionVersion] = []
    var goals: [GoalVersion] = []
    var carePlans: [CarePlanVersion] = []
    var encounters: [EncounterVersion] = []
    var costParts: [CostPart] = []
    var followUps: [FollowUpVersion] = []
    var focus: [FollowUpFocus] = []
    /// Every other resource (Procedure, other observations …).
    var others: [OtherVersion] = []

    init(line: Int) { self.line = line }
}
