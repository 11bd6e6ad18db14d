import Foundation
import FSIIIEffect

/// A tiny dataset written as CSV files to a fresh temporary folder and read
/// back with `DatasetLoader.load`, so the cost tests run the real import.
package struct TinyCostData {
    package let folder: URL

    package init(files: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-costs-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    package func load(hourlyRate: Double? = nil) throws -> Dataset {
        try DatasetLoader.load([InputPath(folder.path)], options: ImportOptions(hourlyRate: hourlyRate))
    }

    package func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Two teams, four courses, costs priced every way (SPEC §3, §8). The
    /// figures are worked out by hand in CourseCostsTests.
    package static let teams: [String: String] = [
        "assessments.csv": """
        citizen;date;condition;level;team
        A1;2024-02-25;J1.1;3;Hold X
        A1;2024-02-25;J1.2;2;Hold X
        A1;2024-04-05;J1.1;1;Hold X
        A1;2024-04-05;J1.2;2;Hold X
        B2;2024-05-01;J1.1;2;Hold X
        B2;2024-06-05;J1.1;3;Hold X
        C3;2024-04-01;J1.1;4;Hold Y
        C3;2024-05-01;J1.1;2;Hold Y
        D4;2024-02-01;J1.1;2;Hold Y
        D4;2024-03-01;J1.1;2;Hold Y

        """,
        "courses.csv": """
        citizen;start;end;team
        A1;2024-03-01;2024-03-31;Hold X
        B2;2024-05-01;2024-05-31;Hold X
        C3;2024-04-01;2024-04-30;Hold Y
        D4;2024-02-01;2024-02-29;Hold Y

        """,
        "rates.csv": """
        service;rate
        hjemmepleje;400
        træning;500

        """,
        "costs.csv": """
        citizen;date;hours;minutes;amount;service
        A1;2023-12-01;2;;;hjemmepleje
        A1;2023-12-02;3;;;hjemmepleje
        A1;2024-02-29;;120;;hjemmepleje
        A1;2024-03-01;1,5;;;træning
        A1;2024-03-15;1;;;ukendt ydelse
        A1;2024-03-31;;;250;
        A1;2024-04-01;1;;;hjemmepleje
        A1;2024-06-29;0,5;;;hjemmepleje
        A1;2024-06-30;4;;;hjemmepleje
        B2;2024-04-01;2;;;hjemmepleje
        B2;2024-05-10;3;;;hjemmepleje
        D4;2024-02-10;;;900;
        D4;2024-03-10;1;;;hjemmepleje

        """,
    ]
}
