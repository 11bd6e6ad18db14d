// Generated from the FSIII code tables (fsiii_conditions.tsv, fsiii_scales.tsv,
// fsiii_rehab_interventions.tsv and CodeSystem-FSIII.json version 20240530).
// Codes and names are facts of the FSIII terminology; regenerate rather than edit by hand.

extension Terminology {
    /// The FSIII version the built-in tables were taken from.
    static let builtInVersion = "20240530"

    /// The five areas of "Kommunale pleje- og omsorgstilstande".
    static let builtInAreas: [ConditionArea] = [
        ConditionArea(display: "Egenomsorg", uuid: "43c2b7f0-5e55-4627-8fcf-bdaf5a9d84ac", legacyKey: "J1"),
        ConditionArea(display: "Praktiske opgaver", uuid: "1c850a09-aa49-4fae-9354-f932f13e030b", legacyKey: "J2"),
        ConditionArea(display: "Mobilitet", uuid: "462f9352-0129-4d8e-8c75-a6dfed78ddcf", legacyKey: "J3"),
        ConditionArea(display: "Mentale funktioner", uuid: "4571f168-a92a-4caf-8dc8-35f45c2a1cb4", legacyKey: "J4"),
        ConditionArea(display: "Samfundsliv", uuid: "86b53158-6d05-412e-ad55-2e1fa26359b3", legacyKey: "J5"),
    ]

    /// The 37 home-care functional conditions, in the order of the reference table.
    static let builtInConditions: [ConditionConcept] = [
        ConditionConcept(code: ConditionCode(0), uuid: "feb38b55-c2d7-4d57-99c2-93622eaa0025", legacyKey: nil, legacyTreeCode: "Personlig_pleje", display: "Personlig pleje", area: 0, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(1), uuid: "41c201d5-6d3d-4576-b3d2-510a9b105631", legacyKey: nil, legacyTreeCode: "Spise_og_drikke", display: "Spise og drikke", area: 0, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(2), uuid: "98cfcc91-682e-4777-bfa5-6dcae59ff77f", legacyKey: nil, legacyTreeCode: "Sundhedskompetence", display: "Sundhedskompetence", area: 0, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(3), uuid: "4d46bd94-9518-431c-82e8-ebb91bca307a", legacyKey: "J1.1", legacyTreeCode: "J1.1", display: "Vaske sig", area: 0, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(4), uuid: "581f65f9-cd0a-4630-8cc5-c8c125ae2d0c", legacyKey: "J1.2", legacyTreeCode: "J1.2", display: "Kropspleje", area: 0, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(5), uuid: "e853d3e7-1de5-44f0-ab48-1fb20c449035", legacyKey: "J1.3", legacyTreeCode: "J1.3", display: "Af- og påklædning", area: 0, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(6), uuid: "0285a61e-e563-4f2a-a33f-fedf28a57661", legacyKey: "J1.4", legacyTreeCode: "J1.4", display: "Drikke", area: 0, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(7), uuid: "56291a75-960d-4fbb-8f28-ae27da8851dc", legacyKey: "J1.5", legacyTreeCode: "J1.5", display: "Fødeindtagelse", area: 0, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(8), uuid: "888c8f63-c059-46c3-8f36-f9649dbd0771", legacyKey: "J1.6", legacyTreeCode: "J1.6", display: "Spise", area: 0, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(9), uuid: "91762d6a-fd77-454c-88cd-8d9bc49b1ab8", legacyKey: "J1.7", legacyTreeCode: "J1.7", display: "Varetage egen sundhed", area: 0, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(10), uuid: "5eecf025-ae93-4256-8df5-bc304c149b96", legacyKey: "J1.8", legacyTreeCode: "J1.8", display: "Gå på toilet", area: 0, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(11), uuid: "a7ac8429-513f-43cd-bc69-96a8d0e0f0ff", legacyKey: "J2.1", legacyTreeCode: "J2.1", display: "Lave husligt arbejde", area: 1, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(12), uuid: "75bfc8db-a220-4801-a8c7-5e968e94d44b", legacyKey: "J2.2", legacyTreeCode: "J2.2", display: "Lave mad", area: 1, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(13), uuid: "293bd85b-d9b4-4e2c-83d9-d3df32ce9d82", legacyKey: "J2.4", legacyTreeCode: "J2.4", display: "Indkøb", area: 1, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(14), uuid: "e40942af-08a1-49ef-90c3-93541c53b47a", legacyKey: "J2.3", legacyTreeCode: "J2.3", display: "Udføre daglige rutiner", area: 1, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(15), uuid: "d39cd035-eb12-4a18-8a68-f43d4c0c62ef", legacyKey: "J3.5", legacyTreeCode: "J3.5", display: "Forflytte sig", area: 2, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(16), uuid: "d8aa5f09-cd9c-4996-a853-1c95ee98f25c", legacyKey: nil, legacyTreeCode: "Mobilitet_og_bevaegelse", display: "Mobilitet og bevægelse", area: 2, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(17), uuid: "ba4683f8-4700-4059-a2f6-0598e2e9e15a", legacyKey: "J3.1", legacyTreeCode: "J3.1", display: "Løfte og bære", area: 2, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(18), uuid: "4f915ee9-9f30-47b5-b582-c0f1467dd271", legacyKey: "J3.2", legacyTreeCode: "J3.2", display: "Bevæge sig omkring", area: 2, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(19), uuid: "3770dcf7-8285-45c9-90e6-d3efa1d85f99", legacyKey: "J3.3", legacyTreeCode: "J3.3", display: "Bruge transportmidler", area: 2, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(20), uuid: "0266853a-f222-4955-a2ce-687e26161144", legacyKey: "J3.4", legacyTreeCode: "J3.4", display: "Færden i forskellige omgivelser", area: 2, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(21), uuid: "8d848883-6da7-4a7a-91a9-83fc9ffa2e06", legacyKey: "J3.6", legacyTreeCode: "J3.6", display: "Ændre kropsstilling", area: 2, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(22), uuid: "346de9b3-4ba4-4ebd-b41d-b863b611159a", legacyKey: "J3.7", legacyTreeCode: "J3.7", display: "Muskelstyrke", area: 2, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(23), uuid: "51697715-965a-40f3-b4a5-819103bf9d49", legacyKey: "J3.8", legacyTreeCode: "J3.8", display: "Gå", area: 2, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(24), uuid: "b1d490a4-229c-465e-99b8-554e1e68513a", legacyKey: "J3.9", legacyTreeCode: "J3.9", display: "Udholdenhed", area: 2, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(25), uuid: "a3ac7928-77c9-425c-a7f1-1248a3764d0a", legacyKey: "J4.2", legacyTreeCode: "J4.2", display: "Hukommelse", area: 3, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(26), uuid: "ff8312dc-442a-43f8-831a-faa18918c1ee", legacyKey: "J4.6", legacyTreeCode: "J4.6", display: "Energi og handlekraft", area: 3, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(27), uuid: "d7687a4e-d848-4931-940e-8ef338eb3f85", legacyKey: nil, legacyTreeCode: "Kognitive_funktioner", display: "Kognitive funktioner", area: 3, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(28), uuid: "08267627-cf37-49e9-ae2a-4cafdca51ba0", legacyKey: nil, legacyTreeCode: "Kommunikation", display: "Kommunikation", area: 3, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(29), uuid: "ea9d19bc-d513-4f4b-936f-8f0a405ae134", legacyKey: nil, legacyTreeCode: "Trivsel_funktionsevnetilstand", display: "Trivsel", area: 3, simplifiedModel: true),
        ConditionConcept(code: ConditionCode(30), uuid: "c8b28097-70b7-41d8-b91f-57aa68ddac51", legacyKey: "J4.1", legacyTreeCode: "J4.1", display: "Anvende kommunikationsudstyr og -teknikker", area: 3, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(31), uuid: "3b29a8ea-282b-4118-8d83-2f494a509c27", legacyKey: "J4.3", legacyTreeCode: "J4.3", display: "Orienteringsevne", area: 3, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(32), uuid: "bc6a1539-a606-4032-875f-f7cd062f8364", legacyKey: "J4.4", legacyTreeCode: "J4.4", display: "Overordnede kognitive funktioner", area: 3, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(33), uuid: "12ada406-5ed6-44fb-8ba3-86828c157167", legacyKey: "J4.5", legacyTreeCode: "J4.5", display: "Følelsesfunktioner", area: 3, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(34), uuid: "986028e0-3f13-4fa8-b059-c0ae7f161a1c", legacyKey: "J4.7", legacyTreeCode: "J4.7", display: "Tilegne sig færdigheder", area: 3, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(35), uuid: "1054554c-2178-4b4a-8edf-cbf68345226e", legacyKey: "J4.8", legacyTreeCode: "J4.8", display: "Problemløsning", area: 3, simplifiedModel: false),
        ConditionConcept(code: ConditionCode(36), uuid: "589d1a12-9be3-4d4c-bb72-3de133731e2f", legacyKey: "J5.1", legacyTreeCode: "J5.1", display: "Have lønnet beskæftigelse", area: 4, simplifiedModel: false),
    ]

    /// "Funktionsevne skalering": level, UUID, legacy key (B1 = 0 … B6 = 9).
    static let builtInLevels: [LevelConcept] = [
        LevelConcept(level: Level(0), uuid: "9c5cfb57-a498-40e5-98a7-792bf5fb205b", legacyKey: "B1", label: "Ingen begrænsninger", definition: "Ingen/ubetydelige begrænsninger."),
        LevelConcept(level: Level(1), uuid: "fcc16cb1-41f0-4832-b834-110fba0aaabe", legacyKey: "B2", label: "Lette begrænsninger", definition: "Lette begrænsninger."),
        LevelConcept(level: Level(2), uuid: "d984ad21-48fe-4619-845e-2aa0303048e7", legacyKey: "B3", label: "Moderate begrænsninger", definition: "Moderate begrænsninger."),
        LevelConcept(level: Level(3), uuid: "1ceef776-0cfa-4acd-b222-c5bb2424e0c1", legacyKey: "B4", label: "Svære begrænsninger", definition: "Svære begrænsninger."),
        LevelConcept(level: Level(4), uuid: "f4c9f159-5806-4c06-95e9-e69b83bab1a1", legacyKey: "B5", label: "Totale begrænsninger", definition: "Totale begrænsninger."),
        LevelConcept(level: Level(9), uuid: "d7ff926a-4955-478f-b300-0b0ec0785013", legacyKey: "B6", label: "Ikke relevant", definition: "Ikke relevant."),
    ]

    /// § 83a rehabilitation: the legal-basis concept, the two groups and the RH interventions.
    static let builtInRehabilitation: [RehabilitationConcept] = [
        RehabilitationConcept(uuid: "5270beb2-5d61-46f0-acc3-d1ee2a750e53", legacyKey: "H2", display: "SEL § 83A", isGroup: true),
        RehabilitationConcept(uuid: "fe266687-9efd-4aea-a37c-49c88632d4f3", legacyKey: "83a_Rehabilitering_personlig_hjaelp_og_pleje", display: "§ 83a Rehabilitering personlig hjælp og pleje", isGroup: true),
        RehabilitationConcept(uuid: "754c06a7-d6f1-4f8d-ad3e-a5c109efaca6", legacyKey: "H2.1", display: "RH Ernæring", isGroup: false),
        RehabilitationConcept(uuid: "f9cd3ded-f8af-4060-aad5-7e7c342d0230", legacyKey: "H2.2", display: "RH Hverdagens aktiviteter", isGroup: false),
        RehabilitationConcept(uuid: "0b654911-f2b6-47d3-948b-3e9fb315b4c9", legacyKey: "H2.4", display: "RH Mobilitet", isGroup: false),
        RehabilitationConcept(uuid: "2912752c-2e9e-4702-8787-b45f73ff5b05", legacyKey: "H2.5", display: "RH Personlig hygiejne", isGroup: false),
        RehabilitationConcept(uuid: "42a41f1d-80a5-4a3e-8de2-db8bb684a889", legacyKey: "H2.8", display: "RH Tilsyn/omsorg", isGroup: false),
        RehabilitationConcept(uuid: "a6199582-15a7-4c3d-bbdf-21f5059031c6", legacyKey: "H2.10", display: "RH Udskillelser", isGroup: false),
        RehabilitationConcept(uuid: "4bfff76f-cc05-4635-96e5-282f4abb2986", legacyKey: "83a_Rehabilitering_praktisk_hjaelp_i_hjemmet", display: "§ 83a Rehabilitering praktisk hjælp i hjemmet", isGroup: true),
        RehabilitationConcept(uuid: "17e261ba-e33b-467a-af08-094dc38b4190", legacyKey: "H2.3", display: "RH Indkøb", isGroup: false),
        RehabilitationConcept(uuid: "b3c16115-d0d9-4229-a526-df366d44f948", legacyKey: "H2.6", display: "RH Rengøring", isGroup: false),
        RehabilitationConcept(uuid: "6b3c5af0-22ac-40eb-bc50-c7734da2bf6d", legacyKey: "H2.7", display: "RH Tilberede/anrette mad", isGroup: false),
        RehabilitationConcept(uuid: "dae030b6-2807-4a99-aebb-9309f5997082", legacyKey: "H2.9", display: "RH Tøjvask", isGroup: false),
        RehabilitationConcept(uuid: "8cbba31e-ae0c-4fb4-9389-21acf9805ad2", legacyKey: "H2.11", display: "RH Praktiske indsatser i relation til børn i husstanden", isGroup: false),
    ]

    /// Codes (UUID and legacy tree) of "Kommunale sygeplejetilstande", the nursing conditions:
    /// counted on import, never compared (SPEC §9).
    static let builtInNursingCodes: [String] = [
        "4db72d65-7ec1-45b4-89c3-5017c35d085e", "I",
        "01150cdb-6098-48ce-bb61-60967f6bcc37", // Respiration og cirkulation
        "3dac3b51-364e-47c0-a043-15b6d7a6c405", // Cirkulationsproblemer
        "dae40f60-8dab-4bd3-ab72-b07d0f278692", // Respirationsproblemer
        "045fa500-35b0-46b7-97dd-adb60888a8ea", // Udskillelse af affaldsstoffer
        "116ff724-09b7-45c0-bee5-8bbf1d500c63", // Problemer med vandladning
        "1fdf6282-7e57-4e3d-91c4-c8b2f030c374", // Problemer med urininkontinens
        "8edb6c4d-0410-431c-bd8d-2c3b2d93461d", // Problemer med mave og tarm
        "a2d41ce8-e0ee-4863-bfe0-5c19bbf1bf06", // Problemer med afføringsinkontinens
        "ae911e37-1ed5-4c30-9622-c73640f1c606", // Problemer med vandladning
        "bc239b8b-119e-41b4-ae53-4a51fb45e001", // Problemer med mave og tarm
        "1bb534f3-e526-41a9-b9c3-6157ea19c915", // Hud og slimhinder
        "0c0c9388-da32-4cfd-af9b-33c39896424b", // Problemer med blandingssår
        "19503407-1ae8-4b17-b96a-98387c24278d", // Problemer med venøst sår
        "273eb475-1b94-4445-921b-13c829246494", // Problemer med arterielt sår
        "555bc65d-6c7f-4848-b5bd-e6176c306986", // Problemer med traumesår
        "78307e65-8f66-4d8b-972e-2431cf80e1ba", // Problemer med cancersår
        "7fc48908-33a5-42bf-9d30-feb346e3af21", // Problemer med kirurgisk sår
        "1ee0cce8-b082-464a-a19c-808e7cb082eb", // Problemer med hud og slimhinder
        "24d20243-e3f1-4258-a4de-450774fea13c", // Problemer med andre sår
        "bb0ea5fa-3462-40de-9047-a16fc4815a47", // Problemer med tryksår
        "fea2c964-eee3-485d-9d07-83a750d843e8", // Problemer med diabetisk sår
        "25dcedb3-7149-4ef9-a2c3-be30267441fb", // Ernæring
        "15947075-ae22-45ca-94bb-ab5992a40c1e", // Uhensigtsmæssig vægtændring
        "354af175-2fcf-4f24-9adc-e9c349cd64c0", // Problemer med overvægt
        "5f6830e9-a756-4255-8cec-021c1450de8b", // Problemer med fødeindtag
        "7946e63c-036f-49f7-a5bc-1f5a8dc173c7", // Problemer med undervægt
        "82239c9a-001c-4027-896d-72caf62c2e31", // Problemer med væskeindtag
        "42b04f2b-3208-4cce-b52a-a5b293ce8846", // Problemer med vægt
        "bc65b137-9f5a-4889-82c2-c6764e5507f0", // Problemer med ernæring
        "3f00a76f-8e7b-4b13-80cc-f2ceef4e51d1", // Kommunikation
        "68dcfecb-3b30-4392-bfb2-325174220323", // Problemer med kommunikation
        "55670b1e-7a36-46b2-8712-b7536237f22d", // Bevægeapparat
        "92caace8-60e3-4861-80ac-6e372a700e1d", // Problemer med mobilitet og bevægelse
        "5bfe4bda-2358-41da-946e-1fdaa33d5fe8", // Psykosociale forhold
        "7b6a52c6-7e0d-4800-a223-ebdd2c9261e4", // Emotionelle problemer
        "f7619a25-1f4f-4940-83b8-913a2da0ef47", // Mentale problemer
        "5cc0c081-4b5a-4465-8635-7515768fbadc", // Problemer med socialt samvær
        "b754ce15-4de8-4ac6-8224-57432fd7cd6a", // Problemer med trivsel
        "f7710e83-a2d3-4c17-bcf6-bd084aec2efb", // Problemer med misbrug
        "8c539fd9-7f31-4b4e-8b30-8298c8ab640f", // Søvn og hvile
        "6c6a10b9-d4c3-44f6-8803-80466d158356", // Søvnproblemer
        "c11de086-e05b-4cec-b550-a2f0244bf823", // Døgnrytmeproblemer
        "f5a9fb78-bd27-4d98-821a-757cd65fab53", // Problemer med søvn og hvile
        "9162d29a-1c7f-4585-8145-8fb4f1a999e3", // Viden og udvikling
        "4a37483a-9d95-496b-a593-aa720a6228ac", // Problemer med indsigt i behandlingsformål
        "d0496876-5673-4597-bd4a-6323d1dfea46", // Problemer med sygdomsindsigt
        "6d72e1df-2873-48b2-a59d-6ee355b0e929", // Problemer med sundhedskompetence
        "e1dcf02e-6df5-487d-b596-3d499545468f", // Problemer med hukommelse
        "e671cc6c-a24b-4a50-82bf-8f3f6ab09c9a", // Kognitive problemer
        "94e9c867-fbc8-4d35-8596-e6b8765b12e8", // Smerter og sanseindtryk
        "14d0e94f-35a0-4604-885d-6458d4d8023a", // Problemer med lugtesans
        "4d857481-a4f4-4ee6-84e9-366b8875839f", // Periodevise smerter
        "6da78b57-2b00-43f2-b7f0-7045dd9aa1a5", // Akutte smerter
        "742d39b5-63b5-411b-8792-e0d35c914c8d", // Problemer med smagssans
        "8a592ca5-f544-41d9-aeeb-fe50c2893b45", // Problemer med følesans
        "a078cdbd-a1e0-4d02-a472-f010b971c156", // Problemer med hørelse
        "e4a049fc-e20c-4117-b834-b475eee781da", // Kroniske smerter
        "ee01e70d-0d2b-47a9-8f15-cb59ce4bf348", // Problemer med synssans
        "5b6f5ce1-24b0-486d-8bbb-f9711fec92dd", // Problemer med smerter
        "d80c56ae-e9f6-44e9-bd2d-103e10a7fef2", // Problemer med sanser
        "cc377732-7f14-49b7-8940-1aa07b8884e7", // Seksualitet, køn og kropsopfattelse
        "d5966884-4e41-40c1-b711-6c6cde778360", // Problemer med seksualitet
        "7dc00935-32e7-46f2-b12a-8d6adfc5ad77", // Problemer med seksualitet, køn og kropsopfattelse
        "fa6aa904-d06e-4029-b4c4-13ead04ace27", // Funktionsniveau
        "b4e4bb41-7734-4c84-967f-fa1916662972", // Problemer med personlig pleje
        "651a82a3-ff4b-44c1-89dd-574363b33e02", // Problemer med daglige aktiviteter
        "I7", // Respiration og cirkulation
        "I7.2", // Cirkulationsproblemer
        "I7.1", // Respirationsproblemer
        "I12", // Udskillelse af affaldsstoffer
        "I12.2", // Problemer med vandladning
        "I12.3", // Problemer med urininkontinens
        "I12.4", // Problemer med mave og tarm
        "I12.1", // Problemer med afføringsinkontinens
        "Problemer_med_vandladning", // Problemer med vandladning
        "Problemer_med_mave_og_tarm", // Problemer med mave og tarm
        "I4", // Hud og slimhinder
        "I4.7", // Problemer med blandingssår
        "I4.6", // Problemer med venøst sår
        "I4.5", // Problemer med arterielt sår
        "I4.8", // Problemer med traumesår
        "I4.3", // Problemer med cancersår
        "I4.1", // Problemer med kirurgisk sår
        "I4.9", // Problemer med hud og slimhinder
        "Problemer_med_andre_saar", // Problemer med andre sår
        "I4.4", // Problemer med tryksår
        "I4.2", // Problemer med diabetisk sår
        "I3", // Ernæring
        "I3.3", // Uhensigtsmæssig vægtændring
        "I3.4", // Problemer med overvægt
        "I3.2", // Problemer med fødeindtag
        "I3.5", // Problemer med undervægt
        "I3.1", // Problemer med væskeindtag
        "Problemer_med_vaegt", // Problemer med vægt
        "Problemer_med_ernaering", // Problemer med ernæring
        "I5", // Kommunikation
        "I5.1", // Problemer med kommunikation
        "I2", // Bevægeapparat
        "I2.1", // Problemer med mobilitet og bevægelse
        "I6", // Psykosociale forhold
        "I6.2", // Emotionelle problemer
        "I6.4", // Mentale problemer
        "I6.1", // Problemer med socialt samvær
        "Problemer_med_trivsel", // Problemer med trivsel
        "I6.3", // Problemer med misbrug
        "I10", // Søvn og hvile
        "I10.2", // Søvnproblemer
        "I10.1", // Døgnrytmeproblemer
        "Problemer_med_soevn_og_hvile", // Problemer med søvn og hvile
        "I11", // Viden og udvikling
        "I11.2", // Problemer med indsigt i behandlingsformål
        "I11.3", // Problemer med sygdomsindsigt
        "Problemer_med_sundhedskompetence", // Problemer med sundhedskompetence
        "I11.1", // Problemer med hukommelse
        "I11.4", // Kognitive problemer
        "I9", // Smerter og sanseindtryk
        "I9.4", // Problemer med lugtesans
        "I9.2", // Periodevise smerter
        "I9.1", // Akutte smerter
        "I9.8", // Problemer med smagssans
        "I9.5", // Problemer med følesans
        "I9.7", // Problemer med hørelse
        "I9.3", // Kroniske smerter
        "I9.6", // Problemer med synssans
        "Problemer_med_smerter", // Problemer med smerter
        "Problemer_med_sanser", // Problemer med sanser
        "I8", // Seksualitet, køn og kropsopfattelse
        "I8.1", // Problemer med seksualitet
        "Problemer_med_seksualitet_koen_og_kropsopfattelse", // Problemer med seksualitet, køn og kropsopfattelse
        "I1", // Funktionsniveau
        "I1.1", // Problemer med personlig pleje
        "I1.2", // Problemer med daglige aktiviteter
    ]
}
