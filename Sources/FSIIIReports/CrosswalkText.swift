import FSIIIEffect

/// The crosswalk as `fsiii codes --crosswalk` prints it: a readable table,
/// or CSV in the form `CrosswalkLoader` reads (so a user can start from the
/// derived crosswalk, edit it, and pass it back with `--crosswalk FILE`).
package enum CrosswalkText {
    /// One line per legacy condition: key, name, → successor, basis; then
    /// the conditions without a successor.
    package static func table(_ c: Crosswalk) -> String {
        var out = "Crosswalk \(c.version): legacy FSIII conditions → the simplified model\n"
        out += c.derived
            ? "Derived from the FSIII CodeSystem's definitions (version 20240530); KL publishes no mapping. Each row says why.\n"
            : "Read from a file (not the built-in, derived crosswalk).\n"
        out += "Several legacy conditions mapped to one simplified condition are combined: the most limited level (max) unless --combine mean.\n\n"
        let nameWidth = min(42, c.rows.map(\.legacyName.count).max() ?? 0)
        let targetWidth = min(30, c.rows.compactMap { $0.simplifiedName?.count }.max() ?? 0)
        for r in c.rows {
            let key = r.legacyKey.padding(toLength: 5, withPad: " ", startingAt: 0)
            let name = r.legacyName.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let target = (r.simplifiedName ?? "—").padding(toLength: targetWidth, withPad: " ", startingAt: 0)
            out += "  \(key) \(name)  → \(target)  \(r.basis.rawValue)\n"
        }
        let unmapped = c.rows.filter { $0.simplifiedName == nil }
        out += "\nNo successor (left out when harmonised): "
        out += unmapped.isEmpty ? "none\n" : unmapped.map { "\($0.legacyKey) \($0.legacyName)" }.joined(separator: ", ") + "\n"
        return out
    }

    /// `legacy;simplified;basis;legacy_name;simplified_name`, the codes as
    /// J keys and tree codes (the names are for the reader; the loader
    /// ignores those columns).
    package static func csv(_ c: Crosswalk, terminology: Terminology) -> String {
        var out = CSVDialect.standard.line(["legacy", "simplified", "basis", "legacy_name", "simplified_name"])
        for r in c.rows {
            out += CSVDialect.standard.line([r.legacyKey, r.simplifiedCode(in: terminology) ?? "", r.basis.rawValue, r.legacyName, r.simplifiedName ?? ""])
        }
        return out
    }

    /// The sentence every output of a harmonised report carries: which
    /// crosswalk (and that the built-in one is derived), how levels were
    /// combined, and how many legacy rows were mapped or left out.
    package static func harmonizationNote(_ h: HarmonizationSummary, language: Language) -> String {
        let unmapped = h.unmappedLegacyConditions.joined(separator: ", ")
        switch language {
        case .da:
            return "Harmoniseret til den forenklede model med krydstabellen \(h.version)"
                + (h.derived ? " (afledt af FSIII-definitionerne; KL udgiver ingen)" : " (fra fil)")
                + ": \(h.mappedAssessments) vurderinger i den gamle model overført, samlet med \(h.combine == .max ? "det mest begrænsede niveau (max)" : "gennemsnittet (mean)")"
                + "; \(h.leftOutAssessments) udeladt\(unmapped.isEmpty ? "" : " (uden efterfølger: \(unmapped))")."
        case .en:
            return "Harmonised onto the simplified model with crosswalk \(h.version)"
                + (h.derived ? " (derived from the FSIII definitions; KL publishes none)" : " (from a file)")
                + ": \(h.mappedAssessments) legacy assessments mapped, combined by \(h.combine == .max ? "the most limited level (max)" : "the mean")"
                + "; \(h.leftOutAssessments) left out\(unmapped.isEmpty ? "" : " (no successor: \(unmapped))")."
        }
    }

    /// The warning of a report whose groups mix the FSIII models without
    /// `--harmonize` (nil when none does): the groups named, up to five.
    package static func mixedModelsWarning(_ report: EffectReport, language: Language) -> String? {
        guard report.harmonization == nil else { return nil }
        let mixing = report.groups.filter { !$0.suppressed && ($0.models?.mixesModels ?? false) }.map(\.group)
        guard !mixing.isEmpty else { return nil }
        let names = mixing.prefix(5).joined(separator: ", ") + (mixing.count > 5 ? " …" : "")
        switch language {
        case .da:
            return "Advarsel: \(names) har forløb vurderet i både den gamle og den forenklede FSIII-model; sammenlign på én model med --harmonize simplified."
        case .en:
            return "Warning: \(names) have courses assessed in both the legacy and the simplified FSIII model; compare them on one model with --harmonize simplified."
        }
    }
}
