import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes
import FSIIITestSupport
import FSIIIStatistics

/// The evaluation keeps each core's pairs in an array of its own
/// (`ConditionPairs`); read as one collection they must be exactly the pairs
/// course by course.
@Suite("Condition pairs held per part")
struct ConditionPairsTests {
    static func pair(_ course: Int32, _ baseline: UInt8) -> ConditionPair {
        ConditionPair(course: course, condition: ConditionCode(UInt8(1)), baseline: baseline, followUp: 0, goal: nil,
                      baselineDay: Day(rawValue: 0), followUpDay: Day(rawValue: 1))
    }

    @Test("indices, ranges within and across parts, iteration and empty parts")
    func collection() {
        let parts: [[ConditionPair]] = [[Self.pair(0, 1), Self.pair(0, 2)], [], [Self.pair(1, 3)], [Self.pair(2, 4), Self.pair(3, 0)]]
        let pairs = ConditionPairs(parts)
        #expect(pairs.count == 5)
        #expect(pairs.map(\.baseline) == [1, 2, 3, 4, 0])
        #expect((0..<5).map { pairs[$0].baseline } == [1, 2, 3, 4, 0])
        #expect(pairs[3..<5].map(\.course) == [2, 3])          // within the last part
        #expect(pairs[1..<4].map(\.baseline) == [2, 3, 4])     // across three parts
        #expect(pairs[2..<2].isEmpty)
        #expect(ConditionPairs([]).isEmpty && ConditionPairs([[], []]).count == 0)
    }

    @Test("thousands of courses over several parts: every course's range holds its own pairs")
    func evaluationParts() {
        // 9,000 citizens, each as citizen A's "Vaske sig" 3 → 1 and
        // "Lave mad" 2 → 2 in CourseFiguresTests: two pairs per course.
        let citizens = 9_000
        var assessments = "citizen;date;condition;level;team\n"
        var courses = "citizen;start;end;team\n"
        for c in 0..<citizens {
            assessments += "X-\(c);2024-02-20;Vaske sig;3;T1\nX-\(c);2024-05-20;Vaske sig;1;T1\n"
            assessments += "X-\(c);2024-03-05;Lave mad;2;T1\nX-\(c);2024-05-10;Lave mad;2;T1\n"
            courses += "X-\(c);2024-03-01;2024-05-15;T1\n"
        }
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, assessments), .init("courses.csv", .courses, courses)])
        #expect(Parallel.chunks(d.courses.count, minimum: 4096).count >= 2)
        let e = CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens)
        #expect(e.results.count == citizens && e.pairs.count == 2 * citizens)
        var next = 0
        for (i, r) in e.results.enumerated() {
            #expect(r.pairs == next..<(next + 2))
            next = r.pairs.upperBound
            let mine = e.pairs[r.pairs]
            #expect(mine.allSatisfy { $0.course == Int32(i) })
            #expect(mine.map(\.baseline).sorted() == [2, 3] && mine.map(\.followUp).sorted() == [1, 2])
        }
        #expect(Array(e.pairs.map(\.course)) == (0..<citizens).flatMap { [Int32($0), Int32($0)] })
    }

    @Test("courses evaluated in citizen order: every result and its pairs as in the given order, numbered by their place there")
    func citizenOrder() {
        let d = PlantedEffectData.dataset(seed: 3, controls: 200)
        // The courses shuffled, each also as a shorter course, so citizens recur far apart.
        var g = SeededGenerator(seed: 8)
        var courses = d.courses + d.courses.map { Course(citizen: $0.citizen, start: $0.start, end: $0.end.map { Day(rawValue: $0.rawValue - 20) }) }
        for i in stride(from: courses.count - 1, to: 0, by: -1) { courses.swapAt(i, g.index(below: i + 1)) }
        let given = CourseEvaluator.evaluate(courses, assessments: d.assessments, citizens: d.citizens, windows: PseudoCourses.windows(CourseWindows()))
        let sorted = CourseEvaluator.evaluateInCitizenOrder(courses, assessments: d.assessments, citizens: d.citizens,
                                                            windows: PseudoCourses.windows(CourseWindows()))
        #expect(sorted.results.count == courses.count && given.results.contains(where: \.isEvaluable))
        var same = true, moved = false
        for i in courses.indices {
            var a = given.results[i], b = sorted.results[i]
            if Array(given.pairs[a.pairs]) != Array(sorted.pairs[b.pairs]) { same = false }
            if a.pairs != b.pairs { moved = true }
            a.pairs = 0..<0
            b.pairs = 0..<0
            if a != b || b.course != i { same = false }
        }
        #expect(same)
        #expect(moved)   // the pairs do lie elsewhere: the courses were worked in another order
    }
}
