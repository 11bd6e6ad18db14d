// The built-in legacy → simplified crosswalk, derived from the definitions
// of CodeSystem-FSIII.json version 20240530 (shared/reference, also in
// fsiii_conditions.tsv). docs/CROSSWALK.md lists every row with the words
// of the definitions it rests on.

extension Crosswalk {
    /// The built-in crosswalk's version: the CodeSystem it was derived from, and its revision.
    public static let builtInVersion = "derived-20240530.1"

    // Simplified-model conditions by UUID.
    private static let personligPleje = "feb38b55-c2d7-4d57-99c2-93622eaa0025"
    private static let spiseOgDrikke = "41c201d5-6d3d-4576-b3d2-510a9b105631"
    private static let sundhedskompetence = "98cfcc91-682e-4777-bfa5-6dcae59ff77f"
    private static let forflytteSig = "d39cd035-eb12-4a18-8a68-f43d4c0c62ef"
    private static let mobilitetOgBevaegelse = "d8aa5f09-cd9c-4996-a853-1c95ee98f25c"
    private static let kognitiveFunktioner = "d7687a4e-d848-4931-940e-8ef338eb3f85"
    private static let kommunikation = "08267627-cf37-49e9-ae2a-4cafdca51ba0"
    private static let trivsel = "ea9d19bc-d513-4f4b-936f-8f0a405ae134"

    /// (legacy J key, simplified UUID or nil, basis) for every legacy
    /// condition that is not itself in the simplified model; the six that
    /// keep their key (J2.1, J2.2, J2.4, J3.5, J4.2, J4.6) map to themselves
    /// and are added as `sameKey` rows by `derived(for:)`.
    static let builtInTable: [(String, String?, Basis)] = [
        // Personlig pleje: "Vaske sig, vaske hår, børste tænder, udføre hudpleje, af- og påklædning samt klare toilet."
        ("J1.1", personligPleje, .definitionContains),     // Vaske sig
        ("J1.2", personligPleje, .definitionContains),     // Kropspleje: hudpleje, tænder, hår
        ("J1.3", personligPleje, .definitionContains),     // Af- og påklædning
        ("J1.8", personligPleje, .definitionContains),     // Gå på toilet: "klare toilet"
        // Spise og drikke: "indtage fødevarer og væsker … synke og bearbejde føde og væske, at føre mad og drikke til munden."
        ("J1.4", spiseOgDrikke, .definitionContains),      // Drikke
        ("J1.5", spiseOgDrikke, .definitionContains),      // Fødeindtagelse
        ("J1.6", spiseOgDrikke, .definitionContains),      // Spise
        // Sundhedskompetence: "Hensigtsmæssige kost- og motionsvaner, … indsigt i eget helbred og behandling."
        ("J1.7", sundhedskompetence, .definitionContains), // Varetage egen sundhed: kostvaner, motionsvaner, behandlingsvejledning
        // Kognitive funktioner: "Beslutningstagen, fastlægge rækkefølge af handlinger, lære nye færdigheder, skabe struktur …"
        ("J2.3", kognitiveFunktioner, .judgement),         // Udføre daglige rutiner: planlægning, styring ("skabe struktur")
        // Mobilitet og bevægelse: "bevæge sig omkring indendørs og udendørs samt løfte, bære og flytte ting … gå på trapper, anvende transportmidler."
        ("J3.1", mobilitetOgBevaegelse, .definitionContains), // Løfte og bære
        ("J3.2", mobilitetOgBevaegelse, .definitionContains), // Bevæge sig omkring
        ("J3.3", mobilitetOgBevaegelse, .definitionContains), // Bruge transportmidler
        ("J3.4", mobilitetOgBevaegelse, .definitionContains), // Færden i forskellige omgivelser
        ("J3.8", mobilitetOgBevaegelse, .definitionContains), // Gå
        // Forflytte sig: "flytte sin krop mellem forskellige sidde- eller liggeflader."
        ("J3.6", forflytteSig, .judgement),                // Ændre kropsstilling: "fra en stol til liggende stilling"
        // Body functions, not activities: no simplified condition covers them.
        ("J3.7", nil, .noSuccessor),                       // Muskelstyrke
        ("J3.9", nil, .noSuccessor),                       // Udholdenhed
        // Kommunikation: "kommunikere mundtligt og skriftligt samt anvende udstyr til kommunikationsformål."
        ("J4.1", kommunikation, .definitionContains),      // Anvende kommunikationsudstyr og -teknikker
        ("J4.3", kognitiveFunktioner, .judgement),         // Orienteringsevne: "forstå, ræsonnere"
        ("J4.4", kognitiveFunktioner, .definitionContains), // Overordnede kognitive funktioner: beslutningstagning, planlægning
        // Trivsel: "håndtering af egen livssituation og følelser forbundet hermed." (Kognitive funktioner names
        // "følelsesregulering" too; Trivsel is the condition about feelings themselves.)
        ("J4.5", trivsel, .judgement),                     // Følelsesfunktioner
        ("J4.7", kognitiveFunktioner, .definitionContains), // Tilegne sig færdigheder: "lære nye færdigheder"
        ("J4.8", kognitiveFunktioner, .definitionContains), // Problemløsning: "kompleks målrettet tænkning … ræsonnere"
        // Paid work is outside home care's simplified model.
        ("J5.1", nil, .noSuccessor),                       // Have lønnet beskæftigelse
    ]

    /// The built-in crosswalk for the built-in terminology.
    public static let builtIn = derived(for: .builtIn)

    /// The built-in crosswalk resolved against `terminology` (codes by J
    /// key and UUID). A legacy condition the table does not name — a newer
    /// CodeSystem's — gets a `noSuccessor` row.
    public static func derived(for terminology: Terminology) -> Crosswalk {
        var byKey: [String: (String?, Basis)] = [:]
        for (key, uuid, basis) in builtInTable { byKey[key] = (uuid, basis) }
        var rows: [Row] = []
        for c in terminology.conditions where c.legacyKey != nil {
            let key = c.legacyKey ?? c.legacyTreeCode
            if c.simplifiedModel {
                rows.append(Row(legacyKey: key, legacyName: c.display, simplifiedName: c.display, basis: .sameKey, legacy: c.code, simplified: c.code))
                continue
            }
            let (uuid, basis) = byKey[key] ?? (nil, .noSuccessor)
            let target = uuid.flatMap { terminology.condition(forCode: $0) }
            rows.append(Row(legacyKey: key, legacyName: c.display, simplifiedName: target.map { terminology.conditions[$0.index].display },
                            basis: target == nil ? .noSuccessor : basis, legacy: c.code, simplified: target))
        }
        return Crosswalk(version: builtInVersion, derived: true, rows: rows, terminology: terminology)
    }
}
