import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIISampleData
import FSIIITestSupport

/// SPEC §10: no CPR number, name or raw citizen id in any output, log line
/// or error message of any command. Every command runs on CPR-shaped data
/// with good and bad rows (including CPR numbers in the wrong columns), and
/// every byte it writes — standard output, standard error, files — is
/// searched for every CPR number of the inputs, with and without hyphen.
@Suite("No identifier leaks from any command", .serialized)
struct NoIdentifierLeakTests {
    /// Bad rows that put CPR numbers where messages quote cells.
    static let badRows = """
    citizen;date;condition;level;team;goal;status;id;note
    1212129999;2024-01-01;0101401234;2;Hold A;;;X1;
    1212129999;0202504321;Vaske sig;2;Hold A;;;X2;
    1212129999;2024-01-01;Vaske sig;111111-1118;Hold A;;;X3;
    1212129999;2024-01-01;Vaske sig;2;Hold A;230345-1234;;X4;
    1212129999;2024-01-01;Vaske sig;2;Hold A;;121212-9999;X5;
    1212129999;2024-01-01;Vaske sig;2;Hold A;;;X6;050505-5555;extra
    1212129999;2024-01-01;Vaske sig;2
    060606-6666;"2024-01-01"0606066666;Vaske sig;2;Hold A;;;X8;
    """

    static func cprSequences(in folder: URL) throws -> Set<String> {
        var found = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            let regex = try NSRegularExpression(pattern: #"(?<![0-9])([0-9]{6})-?([0-9]{4})(?![0-9])"#)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let a = (text as NSString).substring(with: m.range(at: 1)), b = (text as NSString).substring(with: m.range(at: 2))
                found.insert(a + b)
                found.insert(a + "-" + b)
            }
        }
        return found
    }

    static func leaks(_ text: String, _ cprs: Set<String>) -> [String] {
        cprs.filter { text.contains($0) }.sorted()
    }

    @Test("every command, every output", .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func noLeaks() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        var spec = SampleSpec()
        spec.citizens = 60
        spec.seed = 11
        _ = try SampleCSVWriter.write(SampleGenerator(spec), to: data.path)
        try Data(Self.badRows.utf8).write(to: data.appendingPathComponent("assessments-bad.csv"))
        let cprs = try Self.cprSequences(in: data)
        #expect(cprs.count > 100, "the inputs hold CPR numbers")
        #expect(Self.leaks("cell 010140-1234 and 0202504321", cprs) == ["010140-1234", "0202504321"], "the search finds them")
        let key = folder.appendingPathComponent("key")
        try Data("a secret key of more than sixteen bytes\n".utf8).write(to: key)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        func o(_ name: String) -> String { out.appendingPathComponent(name).path }
        let runs: [[String]] = [
            ["report", data.path, "--format", "table"],
            ["report", data.path, "--format", "csv", "--dialect", "excel-da", "-o", o("report.csv")],
            ["report", data.path, "--format", "json", "-o", o("report.json"), "--rejects", o("rejects.csv")],
            ["report", data.path, "--html", o("report.html"), "--format", "csv", "--by", "condition", "--min-cell", "1"],
            ["report", data.path, "--rejects", o("rejects-pseudonyms.csv"), "--pseudonym-key", key.path, "--format", "json"],
            // SPEC §12: the cost concentration, every output that carries it.
            ["report", data.path, "--concentration", o("concentration.csv"), "--html", o("report-concentration.html"), "--format", "json",
             "--min-cell", "1", "--pseudonym-key", key.path],
            // Issue 21: the method options and the files and sections they add.
            // (60 citizens are too few for the model: it falls back to the strata with a warning, which is searched too;
            // the model report itself holds covariate names and numbers only, CaseMixModel's tests write it.)
            ["report", data.path, "--case-mix", "model", "--format", "json", "--min-cell", "1"],
            ["report", data.path, "--case-mix", "model", "--format", "table", "--html", o("report-model.html")],
            ["report", data.path, "--compare", "--ci", "bca", "--bootstrap", "50", "--html", o("report-ce.html"), "--format", "table", "--lang", "en"],
            ["report", data.path, "--spc", "laney", "--mdc", "--funnel", "random", "--limits", "exact", "--format", "csv", "-o", o("report-methods.csv")],
            ["validate", data.path],
            ["validate", data.path, "--rejects", o("rejects2.csv")],
            ["courses", data.path, "--pseudonym-key", key.path, "-o", o("courses.csv")],
            ["courses", data.path, "--pseudonym-key", key.path, "--format", "json"],
            ["courses", data.path],
            ["codes", "Vaske"],
            ["report", data.path, "--by", "nonsense"],
            ["report", o("missing-folder")],
        ]
        var problems: [String] = []
        for args in runs {
            let r = try CLIRunner.run(args)
            for (stream, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
                let found = Self.leaks(text, cprs)
                if !found.isEmpty { problems.append("fsiii \(args.joined(separator: " ")) → \(stream): \(found.prefix(3))") }
            }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            let text = String(decoding: try Data(contentsOf: out.appendingPathComponent(name)), as: UTF8.self)
            let found = Self.leaks(text, cprs)
            if !found.isEmpty { problems.append("\(name): \(found.prefix(3))") }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        for name in ["report-model.html", "report-ce.html", "report-methods.csv"] {
            #expect(FileManager.default.fileExists(atPath: o(name)), "\(name) was written (and searched)")
        }
        // The rejects file was written, with the citizen replaced.
        let rejects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: o("rejects.csv"))), as: UTF8.self)
        #expect(rejects.contains(Redaction.placeholder))
        #expect(rejects.split(separator: "\r\n").count > 8)
        let pseudonymized = String(decoding: try Data(contentsOf: URL(fileURLWithPath: o("rejects-pseudonyms.csv"))), as: UTF8.self)
        let pseudonym = Pseudonymizer(key: try PseudonymKey(contentsOfFile: key.path)).pseudonym(of: "1212129999")
        #expect(pseudonymized.contains(pseudonym))
    }

    // MARK: - Names, ids and file names (issue 16)

    /// CPR-shaped numbers planted outside the CSV cells the search above
    /// finds: in full-width digits, in KL Gateway ids, in file and folder names.
    static let planted = ["０５０５０５２８４７", "0505052847", "0101401234", "0202504321", "1302851397", "050585-5831",
                          "0707179862", "0909093471", "1010612948", "1511624853", "1612725861", "170717-2364",
                          "1812736492", "1911837265", "010170-4826", "0101704826", "0404047391", "2001738465", "2112873645"]

    /// A forged accounting line, as a file name could carry it.
    static let forged = "assessments: read 1 = accepted 1 + rejected 0 + superseded 0 + removed 0"

    /// KL Gateway reports with CPR-shaped Bundle and resource ids,
    /// references and names; one id written with JSON escapes, one line
    /// that is not JSON.
    static func klGatewayReports() -> String {
        typealias K = KLFixture
        let first = K.report(id: "0101401234", timestamp: "2024-02-01T10:00:00Z", [
            K.patient(id: "P1", cpr: "0303031234", team: "Hold 170717-2364"),
            K.condition(id: "C-1302851397", recorded: "2024-01-10"),
            K.condition(id: "C-050585-5831", patient: "0202504321"),
            K.goal(id: "G-0707179862", condition: "1511624853", target: 1),
            K.carePlan(id: "CP-0909093471", start: "2024-01-15", service: "Træning 1010612948"),
            K.delivery(id: "E-1612725861", carePlans: ["CP-0909093471"]),
        ])
        let second = K.report(id: "B2", timestamp: "2024-03-01T10:00:00Z", [
            K.patient(id: "P1", cpr: "0303031234", team: "Hold 170717-2364", active: false),
        ])
        let text = K.ndjson([first, second]).replacingOccurrences(of: "1302851397", with: #"1302\u0038\u00351397"#)
        return text + #"{"resourceType": "Bundle", "id": "1812736492", oops}"# + "\n"
    }

    /// Builds the folder `…/010170-4826 eksport` with sample data whose
    /// teams and municipality are CPR-shaped, a costs and a rates file with a
    /// CPR-shaped service, KL Gateway reports with CPR-shaped ids, and files
    /// whose names hold CPR digits, a line feed with a forged accounting
    /// line, and terminal escape sequences.
    static func hostileFolder(in folder: URL) throws -> URL {
        let data = folder.appendingPathComponent("010170-4826 eksport")
        var spec = SampleSpec()
        spec.citizens = 60
        spec.seed = 11
        _ = try SampleCSVWriter.write(SampleGenerator(spec), to: data.path)
        for name in ["assessments.csv", "courses.csv"] {
            let url = data.appendingPathComponent(name)
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
                .replacingOccurrences(of: "Hold Nørrebro", with: "Hold 0101503782")
                .replacingOccurrences(of: "Hold Østerbro", with: "Hold ０５０５０５２８４７")
                .replacingOccurrences(of: "Hold Vesterbro", with: "Hold0606063915A")
                .replacingOccurrences(of: "Kommune Syd", with: "Kommune 020250-3719")
            try Data(text.utf8).write(to: url)
        }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: data.appendingPathComponent(name))
        }
        try write("costs-cpr.csv", """
            citizen;date;hours;service;team
            220650-0490;2024-07-25;1;Pleje 2112873645;Hold 0101503782
            220650-0490;2024-07-26;x0303031234;Pleje 2112873645;Hold 0101503782
            """)
        try write("rates-cpr.csv", "service;rate\nPleje 2112873645;400\n0404047391;not a rate\n")
        try write("reports-1911837265.ndjson", klGatewayReports())
        let bad = "citizen;date;condition;level;team\n0101401234;2024-01-01;Vaske sig;7;Hold A\n0202504321;2024-01-02;Vaske sig;8;Hold A\n"
        try write("assessments-0404047391.csv", bad)
        try write("assessments-\n" + forged + ".csv", bad)
        try write("assessments-\u{1B}[2J\u{1B}]0;title\u{07}.csv", bad)
        let long = String(repeating: "x", count: 5000)
        try write("assessments-long.csv", """
            citizen;date;condition;level;team
            0101401234;\(long);Vaske sig;2;Hold A
            0101401234;2024-01-01;Vaske sig;2;Hold A
            0202504321;2024-01-01;Vaske sig \(long);2;Hold A
            """)
        try write("courses-escape.csv", "citizen;start;end;team\n0101401234;2024-01-01;2024-02-01;Hold \u{1B}[31mRød\u{202E}Nord\n")
        return data
    }

    @Test("CPR-shaped names, ids and file names never reach any output; controls are escaped; echoes are bounded",
          .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
    func hostileNames() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.hostileFolder(in: folder)
        let cprs = try Self.cprSequences(in: data).union(Self.planted)
        #expect(cprs.contains("0101503782") && cprs.contains("020250-3719") && cprs.contains("2112873645"), "the planted names are searched for")
        let key = folder.appendingPathComponent("key")
        try Data("a secret key of more than sixteen bytes\n".utf8).write(to: key)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        func o(_ name: String) -> String { out.appendingPathComponent(name).path }
        let newlineFile = folder.appendingPathComponent("a\n" + Self.forged + ".csv")
        try FileManager.default.copyItem(at: data.appendingPathComponent("assessments-0404047391.csv"), to: newlineFile)
        let runs: [[String]] = [
            ["report", data.path, "--format", "table", "--min-cell", "1"],
            ["report", data.path, "--format", "csv", "--min-cell", "1", "-o", o("report.csv"), "--rejects", o("rejects.csv")],
            ["report", data.path, "--format", "json", "--min-cell", "1", "--by", "municipality", "-o", o("report.json")],
            ["report", data.path, "--min-cell", "1", "--html", o("report.html"), "--format", "csv", "-o", o("report2.csv")],
            ["report", data.path, "--min-cell", "1", "--reference", "Hold 0101503782", "--bootstrap", "20",
             "--ceac", o("ceac.json"), "--format", "json", "-o", o("compare.json")],
            ["report", data.path, "--min-cell", "1", "--reference", "Hold0606063915A", "--bootstrap", "20", "--ceac", o("ceac.csv")],
            ["report", data.path, "--reference", "Hold 2001738465", "--bootstrap", "10"],
            ["report", data.path, "--rejects", o("rejects-pseudonyms.csv"), "--pseudonym-key", key.path, "--format", "json"],
            ["validate", data.path, "--rejects", o("rejects-validate.csv")],
            ["courses", data.path, "--pseudonym-key", key.path, "-o", o("courses.csv")],
            ["courses", data.path, "--pseudonym-key", key.path, "--format", "json"],
            ["validate", "--assessments", newlineFile.path],
            ["report", data.appendingPathComponent("2001738465").path],
        ]
        var problems: [String] = []
        var stderrs: [String] = []
        for args in runs {
            let r = try CLIRunner.run(args)
            stderrs.append(r.stderr)
            for (stream, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
                let found = Self.leaks(text, cprs)
                if !found.isEmpty { problems.append("fsiii \(args.joined(separator: " ")) → \(stream): \(found.prefix(3))") }
                if text.unicodeScalars.contains(where: { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }) {
                    problems.append("fsiii \(args.joined(separator: " ")) → \(stream): a control character")
                }
                if text.split(separator: "\n").contains(where: { $0.hasPrefix("assessments: read 1 =") }) {
                    problems.append("fsiii \(args.joined(separator: " ")) → \(stream): the forged accounting line")
                }
                if let long = text.split(separator: "\n").first(where: { stream == "stderr" && $0.unicodeScalars.count > 1000 }) {
                    problems.append("fsiii \(args.joined(separator: " ")) → stderr: a line of \(long.unicodeScalars.count) characters")
                }
            }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            let text = String(decoding: try Data(contentsOf: out.appendingPathComponent(name)), as: UTF8.self)
            let found = Self.leaks(text, cprs)
            if !found.isEmpty { problems.append("\(name): \(found.prefix(3))") }
            if text.unicodeScalars.contains(where: { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }) {
                problems.append("\(name): a control character")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")

        // The first report: one warning per kind of CPR-shaped name, and the groups kept apart.
        let first = stderrs[0]
        for kind in ["team", "municipality", "service"] {
            let lines = first.split(separator: "\n").filter { $0.contains(": \(kind): ") && $0.contains("shaped like") }
            #expect(lines.count == 1, "one warning about \(kind) names: \(lines)")
        }
        #expect(first.contains("4 team names hold numbers shaped like CPR numbers"), "\(first)")
        let table = try CLIRunner.run(["report", data.path, "--format", "csv", "--min-cell", "1"]).stdout
        for team in ["Hold [fjernet 1]", "Hold [fjernet 2]", "Hold[fjernet 3]A"] {
            #expect(table.contains("\n\(team),"), "group \(team) in \(table)")
        }
        #expect(table.contains(#"Hold \u{1B}[31mRød\u{202E}Nord,"#), "a team name's controls are written visibly")
        // The comparison found its reference by the name as given.
        let ceac = String(decoding: try Data(contentsOf: URL(fileURLWithPath: o("ceac.json"))), as: UTF8.self)
        #expect(ceac.contains(#""reference" : "Hold [fjernet 1]""#) || ceac.contains(#""reference": "Hold [fjernet 1]""#), "\(ceac.prefix(300))")
        // The forged line and the escape sequences stay inside one escaped line.
        #expect(first.contains(#"assessments-\n"# + Self.forged + ".csv:2: level: "))
        #expect(first.contains(#"assessments-\u{1B}[2J\u{1B}]0;title\u{7}.csv:2: level: "#))
        #expect(stderrs[11].contains(#"a\n"# + Self.forged + ".csv:2: level:"), "\(stderrs[11])")
        #expect(stderrs[12].contains("/[fjernet]: no such file or folder"), "\(stderrs[12])")
        // Echoes are bounded: a quoted cell in a message, a cell in the rejects file.
        let dateLine = try #require(first.split(separator: "\n").first { $0.contains("assessments-long.csv:2:") })
        // The CSV reader quotes a cell's first 60 characters and its length (CSVLimits.quoted).
        #expect(dateLine.contains("\"" + String(repeating: "x", count: 60) + "… (5000 bytes)\""), "\(dateLine)")
        #expect(!dateLine.contains(String(repeating: "x", count: 81)))
        let rejects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: o("rejects.csv"))), as: UTF8.self)
        #expect(rejects.contains(String(repeating: "x", count: 1024) + "…"))
        #expect(!rejects.contains(String(repeating: "x", count: 1025)))
    }
}
