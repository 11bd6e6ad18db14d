/// Everything an import produced: integer-coded tables, the name and citizen
/// dictionaries they index, and the accounting of every row read.
public struct Dataset: Sendable {
    public var terminology: Terminology
    public var citizens = CitizenRegistry()
    public var teams = NameTable()
    public var municipalities = NameTable()
    public var assessments = AssessmentTable()
    public var courses: [Course] = []
    /// Cost rows; nil when no cost input was given.
    public var costs: CostTable?
    public var pricing = Pricing()
    public var report = ImportReport()
    /// Nursing conditions (helbredstilstande) read from KL Gateway reports:
    /// counted, never compared (SPEC §9).
    public var nursingConditions = 0
    /// Follow-up observations read from KL Gateway reports (SPEC §9).
    public var followUps: [FollowUpObservation] = []
    /// Services of cost rows (index 0: none given).
    public internal(set) var costServices = NameTable()
    /// Cost rows made from KL Gateway encounters, before sorting.
    var pendingCosts = RawCosts()

    public init(terminology: Terminology = .builtIn) {
        self.terminology = terminology
    }

    /// First and last assessment date.
    public var period: ClosedRange<Day>? {
        guard let lo = assessments.day.min(), let hi = assessments.day.max() else { return nil }
        return Day(rawValue: lo)...Day(rawValue: hi)
    }
}
