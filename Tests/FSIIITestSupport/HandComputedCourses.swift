/// The small data set of SPEC §5–§6 whose course figures are worked out by
/// hand in CourseFiguresTests (and its group figures in GroupFiguresTests);
/// CSVDialectTests writes its report in both dialects.
///
/// Citizen A (0101401234, born 1940-01-01), B (0202504321, born 1950-02-02),
/// C (X-17, not a CPR number).
package enum HandComputedCourses {
    package static let assessments = """
    citizen;date;condition;level;team;goal;status
    0101401234;2024-02-20;Vaske sig;3;T1;;
    0101401234;2024-05-20;J1.1;1;T1;;
    0101401234;05-03-2024;Lave mad;2;T1;1;
    0101401234;2024-05-10;Lave mad;Moderate begrænsninger;T1;;
    0101401234;2024-01-15;Gå;4;T1;;
    0101401234;2024-03-20;Gå;3;T1;;
    0101401234;2024-02-28;Hukommelse;9;T1;;
    0101401234;2024-05-01;Hukommelse;1;T1;;
    0101401234;2024-07-25;Hukommelse;9;T3;;
    0101401234;2024-09-20;Hukommelse;9;T3;;
    0202504321;2024-01-10;Vaske sig;2;T1;;
    0202504321;2024-01-10;Vaske sig;3;T1;;
    0202504321;2024-03-01;Vaske sig;;T1;;resolved
    X-17;2024-01-25;Lave mad;2;T2;;
    """

    package static let courses = """
    citizen;start;end;team
    0101401234;2024-03-01;2024-05-15;T1
    0202504321;2024-01-15;2024-02-28;
    0202504321;2024-06-01;;T1
    X-17;2024-02-01;2024-03-31;T2
    X-17;2024-09-01;2024-10-31;T2
    0101401234;2024-08-01;2024-09-30;T3
    """
}
