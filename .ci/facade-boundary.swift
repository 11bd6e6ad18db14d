// Built by .ci/run in place of the example's main.swift: every marked line
// must fail to compile for a consumer of the library by version, because
// the façade is read-only and the pipeline stages are not public (issue 17).
import FSIIIEffect

let dataset = try DatasetLoader.load([InputPath("SampleData")])
let rows = dataset.assessments                                   // boundary: the tables are package
var report = EffectReporter.report(dataset)
report.total.suppressed = false                                  // boundary: results are read-only
SmallCellSuppression.apply(&report.groups, total: &report.total, minCell: 0)   // boundary: stages are package
let team: UInt32 = report.courses[0].team                        // boundary: ids are typed (teamID)
let made = GroupFigures(group: "made up")                        // boundary: no public initialiser
