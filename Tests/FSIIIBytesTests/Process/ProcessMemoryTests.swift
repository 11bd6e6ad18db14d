import Foundation
import Testing
@testable import FSIIIBytes
import FSIIITestSupport

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

    /// In a child `fsiii`: only the main thread's allocations come from the
    /// heap that `reuseFreedBlocks` reserves, and test threads are not it.
    @Test("fsiii marks its heap for transparent huge pages where the kernel has them, and not with FSIII_ALLOCATOR=system")
    func hugePages() throws {
        guard CLIRunner.available else {
            print("ProcessMemoryTests.hugePages: skipped, the fsiii binary is not built beside the tests")
            return
        }
        let sample = Fixtures.packageRoot.appendingPathComponent("SampleData").path
        let system = try CLIRunner.run(["report", sample, "--quiet"], environment: ["FSIII_STAGES": "1", "FSIII_ALLOCATOR": "system"])
        #expect(system.stderr.contains("stage trace: allocator: the C library's defaults\n"))
        let setting = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        guard !setting.isEmpty, !setting.contains("[never]") else {
            print("ProcessMemoryTests.hugePages: huge pages skipped, transparent huge pages are off on this machine")
            return
        }
        let r = try CLIRunner.run(["report", sample, "--quiet"], environment: ["FSIII_STAGES": "1"])
        #expect(r.status == 0)
        let line = r.stderr.split(separator: "\n").first { $0.hasPrefix("stage trace: allocator: freed blocks kept for reuse, ") }
        // "… reuse, 1534 MB of heap marked for huge pages": the number before "MB".
        let words = line.map { $0.split(separator: " ") } ?? []
        let megabytes = words.firstIndex(of: "MB").flatMap { $0 > 0 ? Int(words[$0 - 1]) : nil }
        #expect((megabytes ?? 0) >= 1024, "\(line ?? "no allocator line")")
    }
    #endif
}
