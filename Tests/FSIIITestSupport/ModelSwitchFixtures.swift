import FSIIIEffect

extension Fixtures {
    /// Courses across the FSIII simplification (issue 20), for the
    /// harmonisation tests and the crosswalk fuzz test.
    /// Citizen 1: baseline on legacy J1.1 = 3 and J1.3 = 1 (both → Personlig pleje),
    /// follow-up on the simplified Personlig pleje = 1: straddles the switch.
    /// Citizen 2: legacy throughout (J2.2 kept key, J3.2 → Mobilitet og bevægelse), evaluable either way.
    /// Citizen 3: baseline J1.4 = 2 and a direct Spise og drikke = 4 the same day, follow-up Spise og drikke = 3.
    package static let modelSwitch: [File] = [
        File("assessments.csv", .assessments, """
        citizen;date;condition;level;goal
        0101401234;2024-01-10;J1.1;3;1
        0101401234;2024-01-10;J1.3;1;
        0101401234;2024-03-20;Personlig_pleje;1;
        0202504321;2024-01-12;J2.2;2;
        0202504321;2024-01-12;J3.2;3;
        0202504321;2024-03-12;J2.2;1;
        0202504321;2024-03-12;J3.2;2;
        0303604321;2024-01-11;J1.4;2;
        0303604321;2024-01-11;Spise_og_drikke;4;
        0303604321;2024-03-11;Spise_og_drikke;3;

        """),
        File("courses.csv", .courses, """
        citizen;start;end;team
        0101401234;2024-01-15;2024-03-15;Hold A
        0202504321;2024-01-15;2024-03-01;Hold A
        0303604321;2024-01-15;2024-03-01;Hold A

        """),
    ]

    /// A small FSIII CodeSystem in the shape of KL's: two conditions under
    /// Egenomsorg (one legacy, J1.1; one of the simplified model only), the
    /// level scale in both trees, one § 83a group and one nursing condition.
    package static let smallCodeSystem = """
    {"resourceType": "CodeSystem", "version": "29990101", "concept": [
      {"code": "d49d6b0c-c067-4469-b92d-3842822c4971", "display": "Kommunale pleje- og omsorgstilstande", "concept": [
        {"code": "area-1", "display": "Egenomsorg", "concept": [
          {"code": "c-1", "display": "Vaske sig", "definition": "Vaske og tørre sig."},
          {"code": "c-2", "display": "Ny tilstand", "definition": "Evnen til og behovet for støtte til noget nyt."}]}]},
      {"code": "J", "display": "Kommunale pleje- og omsorgstilstande", "concept": [
        {"code": "J1", "display": "Egenomsorg", "concept": [
          {"code": "J1.1", "display": "Vaske sig"}, {"code": "Ny_tilstand", "display": "Ny tilstand"}]}]},
      {"code": "2c02a704-deee-4878-9378-1167613b3da6", "display": "Funktionsevne skalering", "concept": [
        {"code": "l0", "display": "0"}, {"code": "l1", "display": "1"}, {"code": "l2", "display": "2"},
        {"code": "l3", "display": "3"}, {"code": "l4", "display": "4"}, {"code": "l9", "display": "9"}]},
      {"code": "B", "display": "Funktionsevne skalering", "concept": [{"code": "B1", "display": "0"}, {"code": "B6", "display": "9"}]},
      {"code": "b07bbb6d-16b2-4cee-b5a5-771ca5beb67c", "display": "Kommunale pleje- og omsorgsindsatser", "concept": [
        {"code": "g-1", "display": "§ 83a Rehabilitering personlig hjælp og pleje", "concept": [{"code": "rh-1", "display": "RH Ny"}]}]},
      {"code": "4db72d65-7ec1-45b4-89c3-5017c35d085e", "display": "Kommunale sygeplejetilstande", "concept": [{"code": "n-1", "display": "Sår"}]}
    ]}
    """
}
