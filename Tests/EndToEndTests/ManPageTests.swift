import Foundation
import Testing

/// `man/storefront.1` is generated (`make man`): the built binary's `--experimental-dump-help` through
/// argument-parser's generate-manual, the tool its plugin runs. This test runs the same tool on the same binary and
/// fails when the committed page differs (its `.Dd` date aside), i.e. when a command or option changed without
/// `make man`. `make test` builds the tool (`swift build --product generate-manual`).
@Suite struct ManPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theCommittedManPageIsCurrent() async throws {
        let tool = URL(fileURLWithPath: BuiltBinary.path).deletingLastPathComponent()
            .appendingPathComponent("generate-manual").path
        try #require(
            FileManager.default.isExecutableFile(atPath: tool),
            "build argument-parser's tool first: swift build --product generate-manual (make test does)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sf-man-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }

        let status = try await Spawn.run(
            [tool, BuiltBinary.path, "--output-directory", output.path],
            stderr: output.appendingPathComponent("err").path)
        #expect(status == 0)

        let generated = try String(contentsOf: output.appendingPathComponent("storefront.1"), encoding: .utf8)
        let committed = try String(contentsOf: Self.root.appendingPathComponent("man/storefront.1"), encoding: .utf8)
        func body(_ page: String) -> [String] { page.components(separatedBy: "\n").filter { !$0.hasPrefix(".Dd ") } }
        let stale = body(generated) != body(committed)
        #expect(!stale, "man/storefront.1 is stale: run make man and commit it")
        #expect(committed.contains("profiles"))
    }
}
