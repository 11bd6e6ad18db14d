/// One command-line option, declared once: it drives both parsing and
/// `--help` (STYLE.md, after swift-argument-parser).
struct Option: Sendable, Hashable {
    let name: String
    /// Name of the value in help (`FILE`, `N`); nil for a flag.
    let value: String?
    let help: String
    /// Shown in help; the default itself lives in the library's options.
    let defaultText: String?
    /// May be given more than once.
    let repeatable: Bool
    /// A one-letter alias (`-o`), if any.
    let short: Character?

    init(_ name: String, short: Character? = nil, value: String? = nil, help: String, default defaultText: String? = nil, repeatable: Bool = false) {
        self.name = name
        self.short = short
        self.value = value
        self.help = help
        self.defaultText = defaultText
        self.repeatable = repeatable
    }

    // Inputs
    static let assessments = Option("assessments", value: "FILE", help: "an assessments CSV file whatever its name; - reads standard input", repeatable: true)
    static let courses = Option("courses", value: "FILE", help: "a courses CSV file whatever its name; - reads standard input", repeatable: true)
    static let costs = Option("costs", value: "FILE", help: "a costs CSV file (hours, minutes or amounts) whatever its name; - reads standard input", repeatable: true)
    static let rates = Option("rates", value: "FILE", help: "a rates CSV file (service;rate in kr per hour); - reads standard input", repeatable: true)
    static let fhir = Option("fhir", value: "FILE", help: "KL Gateway delivery reports (.json bundle or .ndjson) whatever the name; - reads standard input", repeatable: true)
    static let terminology = Option("terminology", value: "FILE", help: "read FSIII codes from this FHIR CodeSystem JSON instead of the built-in tables")
    static let hourlyRate = Option("hourly-rate", value: "KR", help: "price per hour of cost rows whose service has no rate")
    static let rejects = Option("rejects", value: "FILE", help: "write rejected rows with the reason to this CSV file (citizen replaced by its pseudonym or [fjernet])")
    static let pseudonymKey = Option("pseudonym-key", value: "FILE", help: "secret key (at least 16 bytes) for pseudonyms; or set FSIII_PSEUDONYM_KEY")
    static let quiet = Option("quiet", help: "no progress line and no warnings on standard error; errors and the import accounting still print")

    // Course rules (SPEC §5)
    static let window = Option("window", value: "FROM..TO", help: "without course data: one course per citizen spanning this window")
    static let lookbackDays = Option("lookback-days", value: "N", help: "baseline: latest assessment at most N days before the start", default: "30")
    static let baselineGraceDays = Option("baseline-grace-days", value: "N", help: "else the earliest at most N days after the start", default: "14")
    static let followUpGraceDays = Option("follow-up-grace-days", value: "N", help: "follow-up: latest assessment at most N days after the end", default: "14")

    // Report
    static let by = Option("by", value: "GROUPING", help: "group by team, municipality, month (of course end), area, condition, or the subgroups age-band, sex, baseline-level, baseline-hours (needs costs); two course groupings with a comma give one row per combination: team,age-band", default: "team")
    static let minCell = Option("min-cell", value: "K", help: "suppress groups with fewer than K citizens (0 = off)", default: "5")
    static let format = Option("format", value: "FORMAT", help: "table, csv, json or xlsx (report); csv, json or xlsx (courses)", default: "xlsx for -o FILE.xlsx, table on a terminal, else csv")
    static let dialect = Option("dialect", value: "DIALECT", help: "CSV dialect: standard, or excel-da (semicolon, decimal comma, BOM, DD-MM-YYYY)", default: "standard")
    static let output = Option("output", short: "o", value: "FILE", help: "write the report to FILE instead of standard output")
    static let html = Option("html", value: "FILE", help: "also write a self-contained HTML report with charts")
    static let lang = Option("lang", value: "LANG", help: "language of the HTML report and table: da or en", default: "da")

    // Costs (SPEC §8)
    static let horizonDays = Option("horizon-days", value: "N", help: "before- and after-windows of the cost comparison", default: "90")
    static let wtp = Option("wtp", value: "KR", help: "willingness to pay per point of improvement, for INMB", default: "10000")
    static let reference = Option("reference", value: "GROUP", help: "compare each group with this group (default: with all other courses)")
    static let bootstrap = Option("bootstrap", value: "B", help: "bootstrap resamples for the uncertainty of the comparison", default: "2000")
    static let seed = Option("seed", value: "S", help: "seed of the bootstrap generator (same seed, same numbers)", default: "1")
    /// `generate`'s `--seed`: the same name, the generator's meaning.
    static let generatorSeed = Option("seed", value: "S", help: "seed of the sample generator (same seed and size, same files)", default: "1")
    static let wtpGrid = Option("wtp-grid", value: "FROM:TO:STEP", help: "λ grid of the cost-effectiveness acceptability curve", default: "0:50000:2500")
    static let compare = Option("compare", help: "compare each group's cost and effect with all other courses (or --reference): ICER, INMB, bootstrap; implied by the options below")
    static let ci = Option("ci", value: "METHOD", help: "bootstrap intervals of the cost comparison: percentile (2.5 and 97.5 percentiles) or bca (bias-corrected and accelerated, leave-one-course-out jackknife)", default: "percentile")
    static let ceac = Option("ceac", value: "FILE", help: "write the comparison and acceptability curve to FILE (.json or .csv)")
    static let concentration = Option("concentration", value: "FILE", help: "write the cost concentration (overall and per municipality) to FILE as CSV; needs cost data")

    // Matched comparison (issue 18)
    static let compareTo = Option("compare-to", value: "matched", help: "compare the courses with a propensity-matched group of citizens without a course (ATT, balance)")
    static let controls = Option("controls", value: "POOL", help: "controls: never-treated, or not-yet-treated (also citizens whose first course starts later)", default: "never-treated")
    static let matchK = Option("match-k", value: "N", help: "controls per course (1:N nearest neighbour with replacement)", default: "3")
    static let exactMunicipality = Option("exact-municipality", help: "match within the course's municipality when it has candidates")
    static let indexWindowDays = Option("index-window-days", value: "N", help: "a control's index assessment within ±N days of the course's baseline", default: "60")
    static let spacingTolerance = Option("spacing-tolerance", value: "PCT", help: "a control's spacing within ±PCT % of the course's baseline-to-follow-up spacing", default: "50")

    // Other commands
    static let funnel = Option("funnel", value: "METHOD", help: "funnel overdispersion: phi (multiplicative, SPEC §7), random (additive, as FunnelPlotR) or none", default: "phi")
    static let funnelTransform = Option("funnel-transform", value: "T", help: "with --funnel random: log (SHMI) or sqrt (FunnelPlotR's CQC mode)", default: "log")
    static let spc = Option("spc", value: "CHART", help: "the improved share by month: p (p-chart) or laney (Laney's p′ chart, for large monthly counts)", default: "p")
    static let mdc = Option("mdc", help: "add improved_beyond_mdc_share and mdc95 to the CSV (last columns) and an MDC95 line to the table")
    static let limits = Option("limits", value: "FORM", help: "funnel limits: normal (SPEC §7) or exact (Poisson, chi-square quantiles)", default: "normal")
    static let caseMix = Option("case-mix", value: "METHOD", help: "expected outcome per course: strata (baseline level × age band, SPEC §7) or model (logistic and linear models, issue 21)", default: "strata")
    static let modelReport = Option("model-report", value: "FILE", help: "with --case-mix model: write both models' coefficients, AUC, calibration and R² to FILE (.json or .csv)")
    static let harmonize = Option("harmonize", value: "MODEL", help: "simplified: map legacy (J) assessments onto the simplified FSIII model before courses are compared")
    static let crosswalk = Option("crosswalk", value: "FILE", help: "with --harmonize: this crosswalk CSV (legacy;simplified;basis) instead of the built-in, derived one")
    static let combine = Option("combine", value: "RULE", help: "with --harmonize: max (the most limited part) or mean (rounded half up) of legacy levels", default: "max")
    static let showCrosswalk = Option("crosswalk", help: "print the legacy → simplified crosswalk (with --format csv: as a file --crosswalk reads)")
    static let crosswalkFile = Option("crosswalk-file", value: "FILE", help: "with --crosswalk: check and print this crosswalk file instead of the built-in one")
    static let tokens = Option("tokens", help: "print every accepted token (kind,token,value) for other tools")
    static let citizens = Option("citizens", value: "N", help: "number of citizens to generate", default: "300")
    static let rows = Option("rows", value: "N", help: "generate about N assessment rows instead of --citizens")
    static let costDetail = Option("costs", value: "DETAIL", help: "cost rows: daily (one per visit day), weekly (one per week) or none", default: "daily; weekly with --rows")
    static let generateFormat = Option("format", value: "FORMAT", help: "csv, or fhir (KL Gateway reports, NDJSON)", default: "csv")
    static let effect = Option("effect", value: "E", help: "planted course effect on top of natural recovery: extra improvement by the course end, points per condition on the meanChange scale (b − f, positive = better); -1 to 2, 0 = none", default: "0.30")
    static let natural = Option("natural", value: "N", help: "natural recovery after a function drop, with or without a course: net expected improvement over 80 days from the low point, meanChange scale; 0 to 0.5", default: "0.20")
    static let decayMonths = Option("decay-months", value: "M", help: "half-life in months of the planted effect after the course end; 0 = it lasts; 0 to 600", default: "6")
    static let switchDate = Option("switch-date", value: "DATE", help: "municipality m switches from the legacy to the simplified FSIII model on DATE + m·DAYS (--switch-stagger)")
    static let switchStagger = Option("switch-stagger", value: "DAYS", help: "with --switch-date: days between the municipalities' switches; a switch after the last day never happens", default: "120")
    static let counterfactual = Option("counterfactual", help: "write the world where the courses had no effect: the same citizens, referrals, courses and random draws")

    static let help = Option("help", short: "h", help: "show this help")
    static let json = Option("json", help: "print one JSON object instead of text")
}
