/// What a `GroupFigures` is the figures of, by `--by` (SPEC §7): a team, a
/// municipality, the month a course ended, a condition area or a
/// condition, a subgroup band, a combination of two, or all courses together. `GroupFigures.group` is its name as
/// shown; the key tells groups apart without comparing names.
public enum GroupKey: Sendable, Hashable {
    /// Every course (pair) of the report: `EffectReport.total`.
    case total
    /// `--by team`; `.team(.unknown)` is `(ukendt)`.
    case team(TeamID)
    /// `--by municipality`; `.municipality(.unknown)` is `(ukendt)`.
    case municipality(MunicipalityID)
    /// `--by month`: the month the course ended, 1–12.
    case month(year: Int, month: Int)
    /// `--by month`: the courses without an end (`(åben)`).
    case openCourses
    /// `--by area`: the area's FSIII UUID code (its name is `GroupFigures.group`).
    case area(uuid: String)
    /// `--by condition`: the condition's FSIII UUID code, as a `condition`
    /// cell or a KL Gateway `code.coding.code` gives it (SPEC §2).
    case condition(uuid: String)
    /// `--by age-band|sex|baseline-level|baseline-hours` (SPEC §12): the
    /// band's index into `grouping.bandNames`.
    case band(Grouping, index: Int)
    /// A two-way grouping (`--by team,age-band`): the keys of both parts.
    indirect case combination(GroupKey, GroupKey)
}
