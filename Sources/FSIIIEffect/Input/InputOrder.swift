/// The order a run's inputs are read in, and why (SPEC §4, §8, §9):
///
/// 1. **rates** first, so cost rows and KL Gateway visits are priced as they
///    are read;
/// 2. **assessments and KL Gateway reports**, in the order the files were
///    given (a folder's files by name): a later file's row wins over an
///    earlier one's (SPEC §4). The assessments of KL Gateway reports follow
///    the CSV rows, their versions ordered by time across all their files
///    (SPEC §9), whatever file they came in;
/// 3. **courses**, once the assessment rules have their citizens;
/// 4. **costs**, joined to the courses.
///
/// Within each phase the given order is kept.
struct InputOrder {
    let rates: [InputSource]
    let assessmentsAndReports: [InputSource]
    let courses: [InputSource]
    let costs: [InputSource]

    init(_ sources: [InputSource]) {
        rates = sources.filter { $0.kind == .rates }
        assessmentsAndReports = sources.filter { $0.kind == .assessments || $0.kind == .fhir }
        courses = sources.filter { $0.kind == .courses }
        costs = sources.filter { $0.kind == .costs }
    }

    /// Whether any KL Gateway report file is among the inputs (its visits
    /// are costs even without a costs file).
    var hasReports: Bool { assessmentsAndReports.contains { $0.kind == .fhir } }
}
