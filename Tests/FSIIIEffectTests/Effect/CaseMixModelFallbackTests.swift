import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// `--case-mix model` on CaseMixTests' six courses: too few for the model
/// (issue 21), so the run falls back to SPEC §7's strata and says why.
@Suite("Case-mix model fallback (issue 21)")
struct CaseMixModelFallbackTests {
    @Test("a model that cannot be fitted falls back to the strata, with the reason")
    func fallback() throws {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, CaseMixTests.assessments), .init("courses.csv", .courses, CaseMixTests.courses)])
        var o = ReportOptions()
        o.minCell = 0
        o.caseMix = .model
        let r = EffectReporter.report(d, options: o)
        let reason = try #require(r.caseMix?.fallbackReason)
        #expect(!reason.isEmpty && r.caseMix?.model == nil)
        // The strata's figures of CaseMixTests.
        #expect(r.groups[0].expected == 2.0 && r.groups[1].expected == 2.0 && r.groups[0].riskAdjustedMeanChange == nil)
    }

}
