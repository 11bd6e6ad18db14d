/// Reads KL Gateway care delivery reports (SPEC §9).
enum FHIRImport {
    static func read(_ source: InputSource, raw: inout RawAssessments, into dataset: inout Dataset, pricing: Pricing, progress: ProgressMeter?) {
        dataset.report.problems.append(ImportProblem(file: source.path, line: 0, column: "(file)",
            message: "KL Gateway reports cannot be read by this build yet", reason: "unsupported input"))
        dataset.report.unreadableFiles += 1
    }
}
