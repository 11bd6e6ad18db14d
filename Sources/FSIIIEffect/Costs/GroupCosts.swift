/// Per-group cost figures (SPEC §8).
public struct GroupCosts: Sendable, Hashable {
    /// `Σcost` of the group's courses in kr (SPEC §8).
    public package(set) var totalCost: Double
    /// `Σcost / courses`; nil without courses.
    public package(set) var meanCost: Double?
    /// `Σcost / Σchange`, only when `Σchange > 0`.
    public package(set) var costPerPoint: Double?
    /// `Σcost / improved courses`, only when there is one.
    public package(set) var costPerImproved: Double?
    /// Mean savings over the courses with a savings figure.
    public package(set) var meanSavings: Double?
    /// Mean of `cost − savings` over the same courses.
    public package(set) var meanNetCost: Double?
    /// Courses with a complete after-window.
    public package(set) var coursesWithSavings: Int
    /// Mean change in home-care hours per week, before minus after.
    public package(set) var meanHoursChangePerWeek: Double?

    package init(totalCost: Double, meanCost: Double?, costPerPoint: Double?, costPerImproved: Double?,
                meanSavings: Double?, meanNetCost: Double?, coursesWithSavings: Int, meanHoursChangePerWeek: Double?) {
        self.totalCost = totalCost
        self.meanCost = meanCost
        self.costPerPoint = costPerPoint
        self.costPerImproved = costPerImproved
        self.meanSavings = meanSavings
        self.meanNetCost = meanNetCost
        self.coursesWithSavings = coursesWithSavings
        self.meanHoursChangePerWeek = meanHoursChangePerWeek
    }
}
