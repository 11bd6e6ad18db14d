import Testing
@testable import FSIIIEffect

@Suite("Willingness-to-pay grid: FROM:TO:STEP")
struct WTPGridTests {
    @Test("the default grid: 0 to 50 000 in steps of 2 500, 21 values")
    func standard() {
        let values = WTPGrid.standard.values
        #expect(values.count == 21 && values.first == 0 && values.last == 50_000 && values[1] == 2500)
        #expect(WTPGrid(parsing: "0:50000:2500") == WTPGrid.standard)
    }

    @Test("values are from + i·step, the last not beyond TO; decimal commas and spaces are accepted")
    func values() throws {
        let tenths = try #require(WTPGrid(parsing: "0:1:0.1")).values
        #expect(tenths.count == 11 && tenths.last == 1 && tenths[3] == 3 * 0.1)
        #expect(try #require(WTPGrid(parsing: "1000:2000:300")).values == [1000, 1300, 1600, 1900])
        #expect(try #require(WTPGrid(parsing: " 0 : 2,5 : 0,5 ")).values == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(try #require(WTPGrid(parsing: "5000:5000:1")).values == [5000])
    }

    @Test("bad grids are refused", arguments: ["", "0:100", "0:100:0", "0:100:-5", "100:0:10", "-10:0:5", "a:b:c", "0:1e9:1", "0:100:10:1"])
    func refused(_ text: String) {
        #expect(WTPGrid(parsing: text) == nil)
    }
}
