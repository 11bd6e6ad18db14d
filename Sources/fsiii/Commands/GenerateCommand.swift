import FSIIIBytes
import FSIIIEffect
import FSIIISampleData

/// `fsiii generate OUTDIR`: synthetic, realistic sample data, deterministic for a seed.
enum GenerateCommand {
    static let command = Command(
        name: "generate",
        summary: "Write synthetic FSIII sample data (assessments, courses, costs, rates) into a folder",
        usage: "OUTDIR [--citizens N | --rows N] [--seed S] [--format csv|fhir] [--effect E --natural N --decay-months M]",
        details: """
        The data is synthetic: no real person's data. Citizen ids are CPR-shaped so the CPR handling
        is exercised. The same seed and size give the same files on every machine.
        The causal answer is known (docs/METHODS.md, "The sample data's model"): citizens in home care
        drift slowly worse, suffer function drops and recover naturally (--natural) whether or not they
        get a course; they are reassessed every 55–120 days and 7–28 days after a drop. A reassessment
        may lead to a course by what the data shows (level, its change, age, municipality, season), so
        courses start at observed low points and their naive mean change also holds regression to the
        mean. A course adds --effect on top, halving every --decay-months after its end. Home-care hours
        follow the level. --counterfactual writes the same data without the effect.
        --switch-date DATE: the municipalities move from the legacy J conditions to the simplified model,
        staggered by --switch-stagger days (a switch after the last day does not happen: with
        --switch-stagger 420 only two of the three municipalities switch); after it each simplified
        condition is rated as the most limited of its legacy parts, one step off 10 % of the time.
        """,
        options: [.citizens, .rows, .generatorSeed, .generateFormat, .costDetail, .effect, .natural, .decayMonths, .counterfactual,
                  .switchDate, .switchStagger, .quiet],
        run: run)

    enum Format: String, CaseIterable { case csv, fhir }

    static func run(_ args: Arguments) throws(CLIError) -> Int32 {
        guard args.positional.count == 1, let folder = args.positional.first else {
            throw CLIError.usage("give exactly one output folder, e.g. `fsiii generate --citizens 300 --seed 1 SampleData`", command: "generate")
        }
        var spec = SampleSpec()
        guard !folder.isEmpty else {
            throw CLIError.usage("give an output folder, not an empty name", command: "generate")
        }
        spec.seed = try args.seed(.generatorSeed, default: 1)
        // About 37 assessment rows a citizen: at most some 370 million rows.
        spec.citizens = try args.int(.citizens, default: 300, in: 1...10_000_000)
        spec.effect = try args.double(.effect, in: -1...2, unit: "points per condition") ?? spec.effect
        spec.natural = try args.double(.natural, in: 0...0.5, unit: "points per condition per 80 days") ?? spec.natural
        spec.decayMonths = try args.double(.decayMonths, in: 0...600, unit: "months") ?? spec.decayMonths
        spec.counterfactual = args.has(.counterfactual)
        if let text = args.value(.switchDate) {
            guard let day = DateParser.parse(text), spec.firstDay < day else {
                throw CLIError.usage("--switch-date needs a date after \(spec.firstDay.iso), e.g. 2024-06-01, not \"\(ControlEscaping.escaped(text))\"", command: "generate")
            }
            spec.switchDate = day
        }
        if args.value(.switchStagger) != nil {
            guard spec.switchDate != nil else {
                throw CLIError.usage("--switch-stagger needs --switch-date (the first municipality's switch)", command: "generate")
            }
            spec.switchStaggerDays = try args.int(.switchStagger, default: 120, in: 0...36_500)
        }
        if args.value(.rows) != nil {
            let rows = try args.int(.rows, default: 0, in: 1...100_000_000)
            spec.citizens = max(1, Int((Double(rows) / SampleSpec.assessmentRowsPerCitizen).rounded()))
            spec.costDetail = .weekly
        }
        if let detail = try args.choice(.costDetail, as: SampleSpec.CostDetail.self) { spec.costDetail = detail }
        let format = try args.choice(.generateFormat, as: Format.self) ?? .csv
        let generator = SampleGenerator(spec)
        let shown = ControlEscaping.escaped(folder)
        do {
            switch format {
            case .csv:
                let s = try SampleCSVWriter.write(generator, to: folder)
                if !args.has(.quiet) {
                    Diagnostics.line("wrote \(s.citizens) citizens: \(s.assessmentRows) assessment rows, \(s.courseRows) courses, \(s.costRows) cost rows (\(s.bytes / 1_000_000) MB) to \(shown)")
                }
            case .fhir:
                let s = try SampleFHIRWriter.write(generator, to: folder)
                if !args.has(.quiet) {
                    Diagnostics.line("wrote \(s.reports) KL Gateway delivery reports for \(s.citizens) citizens (\(s.bytes / 1_000_000) MB) to \(shown)")
                }
            }
        } catch {
            throw CLIError.input(error.description)
        }
        return 0
    }
}
