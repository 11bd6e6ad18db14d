import Testing
@testable import FSIIIEffect

@Test func versionIsSemantic() {
    #expect(FSIIIEffect.version.split(separator: ".").count == 3)
}
