/// FSIII Effect: the effect and cost-effectiveness of § 83a rehabilitation,
/// computed from FSIII assessments as `SPEC.md` defines it.
///
/// The data flows one way: `Input` reads CSV and KL Gateway files into the
/// integer-coded tables of `Model`; `Courses` pairs baseline and follow-up
/// assessments; `Effect` and `Costs` reduce those to figures; `Output` writes
/// them. No stage reaches back.
package enum FSIIIEffect {
    /// The library's version, printed by `fsiii --version`.
    package static let version = "0.1.0"
}
