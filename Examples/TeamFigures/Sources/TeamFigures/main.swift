import Foundation
import FSIIIEffect

// Mean change and share of improved courses per team, from a folder of FSIII
// exports: `swift run TeamFigures SampleData`. The report carries the team
// names (CPR-shaped numbers masked), so the dataset is not needed after it.
// Suppressed teams (fewer than five citizens, SPEC §10) are left out, as
// every output of the tool does; the library prints nothing of its own.
let folder = CommandLine.arguments.dropFirst().first ?? "SampleData"
do {
    let report = EffectReporter.report(try DatasetLoader.load([InputPath(folder)]))
    for team in report.groups + [report.total] where !team.suppressed {
        let change = team.meanChange.map { String(format: "%+.2f", $0) } ?? "–"
        let improved = team.improvedShare.map { String(format: "%.0f %%", $0 * 100) } ?? "–"
        print("\(team.group): mean change \(change) points, \(improved) of \(team.courses) courses improved")
    }
} catch {
    FileHandle.standardError.write(Data("TeamFigures: \(error)\n".utf8))
    exit(1)
}
