import FSIIIEffect

/// The prose of the HTML report, in Danish and English: the plain-language
/// summary at the top, the notes on method at the bottom, and the
/// rejection reasons of the import in the reader's language.
enum HTMLSummaryText {
    /// What the summary counts: courses, or compared conditions with
    /// `--by area|condition` (SPEC §7), in the indefinite plural.
    static func unitNoun(_ grouping: Grouping, _ L: Language) -> String {
        switch (grouping.groupsPairs, L) {
        case (false, .da): return "forløb"
        case (false, .en): return "courses"
        case (true, .da): return "sammenlignede tilstande"
        case (true, .en): return "compared conditions"
        }
    }

    /// One paragraph a manager can read without help: how many improved,
    /// by how much, goals met, which groups differ from the expected
    /// level, which condition improved most. Plain text (escape it).
    static func summary(_ report: EffectReport, conditions: ConditionChanges?, _ L: Language) -> String {
        let t = report.total
        let grouping = report.options.grouping
        guard !t.suppressed, let share = t.improvedShare, let mean = t.meanChange else {
            return L == .da ? "Der er for få borgere til at vise resultater (færre end \(report.options.minCell))."
                : "There are too few citizens to show results (fewer than \(report.options.minCell))."
        }
        let unit = unitNoun(grouping, L)
        let pct = HTMLPhrases.percent(share, L)
        let shown = report.groups.filter { !$0.suppressed }
        let above = shown.filter { $0.funnelFlag == .highAlert || $0.funnelFlag == .highAlarm }.map(\.group)
        let below = shown.filter { $0.funnelFlag == .lowAlert || $0.funnelFlag == .lowAlarm }.map(\.group)
        let best = conditions?.shown.first
        let notEvaluable = t.notEvaluable.total
        var s: String
        if L == .da {
            s = "Af \(L.number(Double(t.courses), digits: 0)) vurderede \(unit) endte \(pct) med en forbedring. "
            s += mean >= 0 ? "Funktionsevnen blev i gennemsnit \(L.number(mean)) point bedre pr. vurderet tilstand"
                : "Funktionsevnen blev i gennemsnit \(L.number(-mean)) point dårligere pr. vurderet tilstand"
            s += t.meanChangeCI.map { " (95 % KI \(L.number($0.low)) til \(L.number($0.high)))." } ?? "."
            if let goals = t.goalAttainment { s += " \(HTMLPhrases.percent(goals, L)) af de fastsatte mål blev nået." }
            if !grouping.groupsPairs && !shown.isEmpty {
                if above.isEmpty && below.isEmpty {
                    s += " Alle viste \(HTMLPhrases.nouns(report.options.groupBy, L).many) ligger inden for det forventede, når der tages højde for borgernes alder og udgangsniveau."
                } else {
                    var parts: [String] = []
                    if !above.isEmpty { parts.append("\(list(above, L)) ligger over det forventede niveau") }
                    if !below.isEmpty { parts.append("\(list(below, L)) under") }
                    s += " " + parts.joined(separator: ", og ") + ", når der tages højde for borgernes alder og udgangsniveau."
                }
            }
            if let best, best.meanChange > 0 { s += " Størst fremgang ses i »\(best.name)« (\(L.number(best.meanChange)) point)." }
            if notEvaluable > 0 { s += " \(notEvaluable) forløb kunne ikke vurderes, fx fordi de endnu ikke er afsluttet." }
        } else {
            s = "Of \(L.number(Double(t.courses), digits: 0)) evaluated \(unit), \(pct) ended with an improvement. "
            s += mean >= 0 ? "Functioning improved by \(L.number(mean)) points per assessed condition on average"
                : "Functioning worsened by \(L.number(-mean)) points per assessed condition on average"
            s += t.meanChangeCI.map { " (95% CI \(L.number($0.low)) to \(L.number($0.high)))." } ?? "."
            if let goals = t.goalAttainment { s += " \(HTMLPhrases.percent(goals, L)) of the goals set were met." }
            if !grouping.groupsPairs && !shown.isEmpty {
                if above.isEmpty && below.isEmpty {
                    s += " All \(HTMLPhrases.nouns(report.options.groupBy, L).many) shown are within the expected range, allowing for the citizens' age and starting level."
                } else {
                    var parts: [String] = []
                    if !above.isEmpty { parts.append("\(list(above, L)) \(above.count == 1 ? "is" : "are") above the expected level") }
                    if !below.isEmpty { parts.append("\(list(below, L)) below") }
                    s += " " + parts.joined(separator: ", and ") + ", allowing for the citizens' age and starting level."
                }
            }
            if let best, best.meanChange > 0 { s += " The largest improvement is in “\(best.name)” (\(L.number(best.meanChange)) points)." }
            if notEvaluable > 0 { s += " \(notEvaluable) courses could not be evaluated, e.g. because they have not ended yet." }
        }
        return s
    }

    /// "A, B og C" / "A, B and C".
    static func list(_ names: [String], _ L: Language) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + (L == .da ? " og " : " and ") + last
    }

    /// The notes on method: (lead, text) paragraphs, plain text.
    static func notes(_ report: EffectReport, _ L: Language) -> [(lead: String, text: String)] {
        let w = report.evaluation.windows
        let k = report.options.minCell
        let phi = L.number(report.phi)
        let ne = report.total.notEvaluable
        var notes: [(String, String)] = []
        if L == .da {
            notes.append(("Forløb og ændring", "For hver funktionsevnetilstand sammenlignes niveauet (0 = ingen begrænsninger til 4 = totale begrænsninger) ved forløbets start — den seneste vurdering højst \(w.lookbackDays) dage før start, ellers den første højst \(w.baselineGraceDays) dage efter — med den seneste vurdering højst \(w.followUpGraceDays) dage efter forløbets slutning. Ændringen er start minus opfølgning, så positive tal er fremgang. Et forløb er forbedret, når summen af ændringerne er positiv."))
            notes.append(("Observeret/forventet (O/F)", "Borgere med lavt udgangsniveau eller høj alder forbedres sjældnere. Derfor får hvert forløb som forventning den andel forbedrede, som alle forløb med samme udgangsniveau og aldersgruppe har. O/F over 1 betyder flere forbedrede forløb end forventet, under 1 færre."))
            notes.append(("Tragtdiagrammet", "Grænserne viser, hvor meget O/F kan svinge af tilfældigheder: små teams svinger mere, derfor tragtformen. Et punkt uden for 95 %-grænsen (stiplet) er værd at se nærmere på; uden for 99,8 %-grænsen (fuldt optrukket) er forskellen næppe tilfældig. Trekanter peger op over grænserne og ned under dem; store trekanter med sort kant ligger uden for 99,8 %-grænsen. "
                + (report.phi > 1 ? "Teamene varierer mere, end tilfældigheder alene forklarer (overspredning φ = \(phi)), så grænserne er udvidet med √φ (Spiegelhalter 2005)." : "Overspredningen φ = \(phi) er ikke over 1, så grænserne er ikke udvidet.")
                + " Kurverne er tegnet ud fra den samlede varians pr. forventet forbedring; hvert teams signal beregnes ud fra dets egne forløb."))
            notes.append(("Udvikling pr. måned", "Midterlinjen er den samlede andel forbedrede forløb. 3-sigma-grænserne (p-kort) afhænger af antallet af forløb i måneden; en måned uden for grænserne varierer mere, end tilfældigheder forklarer."))
            notes.append(("Persondata", "Teams, måneder og tilstande med færre end \(k) borgere vises ikke: antal vises som <\(k), og andele og gennemsnit udelades i tabeller og diagrammer. Er kun én skjult, skjules også den næstmindste, så tallene ikke kan regnes ud fra totalen. Rapporten indeholder ingen CPR-numre, navne eller borger-id'er."))
            if let h = report.harmonization { notes.append(("Den forenklede model", CrosswalkText.harmonizationNote(h, language: .da))) }
            if let w = CrosswalkText.mixedModelsWarning(report, language: .da) { notes.append(("Den forenklede model", w)) }
            if ne.total > 0 {
                notes.append(("Forløb der ikke kan vurderes", "\(ne.total) i alt: \(ne.open) ikke afsluttede, \(ne.noBaseline) uden vurdering ved start, \(ne.noFollowUp) uden opfølgende vurdering, \(ne.notRelevant) med kun ikke-relevante tilstande\(ne.modelSwitch > 0 ? ", \(ne.modelSwitch) vurderet i den gamle model ved start og den forenklede bagefter (medtag dem med --harmonize simplified)" : "")."))
            }
            if report.courseCosts != nil {
                notes.append(("Udgifter", "Et forløbs udgift er summen af borgerens udgiftsrækker i forløbet. Besparelsen er udgiften i \(report.options.horizonDays) dage før forløbet minus udgiften i \(report.options.horizonDays) dage efter; forløb hvis periode efter rækker ud over data, indgår ikke i besparelsen."))
            }
        } else {
            notes.append(("Courses and change", "For each functional condition the level (0 = no limitations to 4 = complete limitations) at the start of the course — the latest assessment at most \(w.lookbackDays) days before the start, else the first at most \(w.baselineGraceDays) days after — is compared with the latest assessment at most \(w.followUpGraceDays) days after the end. The change is start minus follow-up, so positive numbers are improvement. A course has improved when the sum of its changes is positive."))
            notes.append(("Observed/expected (O/E)", "Citizens with a low starting level or a high age improve less often. So each course is expected to improve as often as all courses with the same starting level and age band do. O/E above 1 means more improved courses than expected, below 1 fewer."))
            notes.append(("The funnel plot", "The limits show how much O/E can vary by chance: small teams vary more, hence the funnel shape. A point outside the 95% limits (dashed) is worth a closer look; outside the 99.8% limits (solid) the difference is unlikely to be chance. Triangles point up above the limits and down below them; large triangles with a black edge lie outside the 99.8% limits. "
                + (report.phi > 1 ? "The teams vary more than chance alone explains (overdispersion φ = \(phi)), so the limits are widened by √φ (Spiegelhalter 2005)." : "The overdispersion φ = \(phi) is not above 1, so the limits are not widened.")
                + " The curves use the overall variance per expected improvement; each team's flag uses its own courses."))
            notes.append(("Trend by month", "The centre line is the overall share of improved courses. The 3-sigma limits (p-chart) depend on the number of courses in the month; a month outside them varies more than chance explains."))
            notes.append(("Personal data", "Teams, months and conditions with fewer than \(k) citizens are not shown: counts show as <\(k), shares and means are left out of tables and charts. When only one is hidden, the next smallest is hidden too, so its figures cannot be worked out from the total. The report contains no CPR numbers, names or citizen ids."))
            if let h = report.harmonization { notes.append(("The simplified model", CrosswalkText.harmonizationNote(h, language: .en))) }
            if let w = CrosswalkText.mixedModelsWarning(report, language: .en) { notes.append(("The simplified model", w)) }
            if ne.total > 0 {
                notes.append(("Courses that cannot be evaluated", "\(ne.total) in all: \(ne.open) not ended, \(ne.noBaseline) without an assessment at the start, \(ne.noFollowUp) without a follow-up assessment, \(ne.notRelevant) with only not-relevant conditions\(ne.modelSwitch > 0 ? ", \(ne.modelSwitch) assessed in the legacy model at the start and the simplified one after (include them with --harmonize simplified)" : "")."))
            }
            if report.courseCosts != nil {
                notes.append(("Costs", "A course's cost is the sum of the citizen's cost rows during the course. Savings are the cost in the \(report.options.horizonDays) days before the course minus the cost in the \(report.options.horizonDays) days after; courses whose after-period reaches past the data have no savings figure."))
            }
        }
        return notes
    }

    /// A rejection reason (`ImportProblem.reason`) in the reader's language;
    /// unknown reasons are shown as they are.
    static func reason(_ reason: String, _ L: Language) -> String {
        guard L == .da else { return reason.prefix(1).uppercased() + reason.dropFirst() }
        let danish: [String: String] = [
            "bad date": "Ugyldig dato", "missing date": "Manglende dato", "missing citizen": "Manglende borger",
            "bad citizen": "Ugyldigt borger-id", "bad number": "Ugyldigt tal", "wrong number of fields": "Forkert antal felter",
            "unterminated quote": "Uafsluttet anførselstegn", "malformed quotes": "Fejl i anførselstegn", "unsupported input": "Ukendt slags data",
            "unknown status": "Ukendt status", "unknown condition": "Ukendt tilstand", "unknown column": "Ukendt kolonne",
            "no rows": "Ingen rækker", "no rate": "Ingen takst", "missing service": "Manglende ydelse", "missing level": "Manglende niveau",
            "missing cost": "Manglende udgift", "missing condition": "Manglende tilstand", "is a folder, not a file": "En mappe, ikke en fil",
            "end before start": "Slut før start", "bad level": "Ugyldigt niveau", "bad goal": "Ugyldigt mål", "unreadable file": "Filen kan ikke læses",
        ]
        return danish[reason] ?? reason
    }
}
