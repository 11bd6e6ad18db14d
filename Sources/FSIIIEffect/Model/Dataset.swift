/// Everything an import produced: integer-coded tables, the name and citizen
/// dictionaries they index, and the accounting of every row read. Outside
/// the package it is read-only and opaque but for `report` and `period`:
/// hand it to `EffectReporter.report`, whose result names what it shows.
public struct Dataset: Sendable {
    package var terminology: Terminology
    package var citizens = CitizenRegistry()
    package var teams = NameTable()
    package var municipalities = NameTable()
    package var assessments = AssessmentTable()
    package var courses: [Course] = []
    /// Cost rows; nil when no cost input was given.
    package var costs: CostTable?
    package var pricing = Pricing()
    /// The accounting of the import (SPEC §4): counts per kind, problems, files.
    public package(set) var report = ImportReport()
    /// Nursing conditions (helbredstilstande) read from KL Gateway reports:
    /// counted, never compared (SPEC §9).
    package var nursingConditions = 0
    /// Follow-up observations read from KL Gateway reports (SPEC §9).
    package var followUps: [FollowUpObservation] = []
    /// Services of cost rows (index 0: none given).
    package internal(set) var costServices = NameTable()
    /// Cost rows made from KL Gateway encounters, before sorting.
    var pendingCosts = RawCosts()

    package init(terminology: Terminology = .builtIn) {
        self.terminology = terminology
    }

    /// First and last assessment date.
    public var period: ClosedRange<Day>? {
        guard let lo = assessments.day.min(), let hi = assessments.day.max() else { return nil }
        return Day(rawValue: lo)...Day(rawValue: hi)
    }
}
