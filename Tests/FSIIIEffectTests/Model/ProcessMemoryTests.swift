import Foundation
import Testing
@testable import FSIIIEffect

@Suite("Allocator policy")
struct ProcessMemoryTests {
    #if canImport(Glibc)
    @Test("glibc takes the policy; FSIII_ALLOCATOR=system keeps its defaults")
    func policy() {
        #expect(ProcessMemory.reuseFreedBlocks())
        setenv(ProcessMemory.environmentKey, "system", 1)
        defer { unsetenv(ProcessMemory.environmentKey) }
        #expect(!ProcessMemory.reuseFreedBlocks())
    }
    #endif
}
