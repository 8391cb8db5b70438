import Foundation
import Testing

@testable import Sandbox

@Suite("OpenAPI document")
struct OpenAPITests {
    /// `/carts/{id}` and `/carts/{cart_id}` are the same route.
    static func normalized(_ path: String) -> String {
        path.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
    }

    /// `METHOD /path` pairs of the `paths:` section of the YAML (two-space path keys, four-space methods).
    static func operations(in yaml: String) -> Set<String> {
        var result: Set<String> = []
        var currentPath: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                currentPath = String(line.dropFirst(2).dropLast())
            } else if let path = currentPath, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast().uppercased()
                if ["GET", "POST", "PUT", "DELETE", "PATCH"].contains(method) {
                    result.insert("\(method) \(normalized(path))")
                }
            } else if !line.hasPrefix(" ") {
                currentPath = nil
            }
        }
        return result
    }

    @Test func documentIsServedAndDescribesEveryRoute() async throws {
        try await TestSandbox.with { sandbox in
            let served = try await sandbox.get("//openapi.yaml")
            #expect(served.status == 200)
            #expect(served.text.contains("openapi: 3.1.0"))
            let documented = Self.operations(in: served.text)

            let services = try await SandboxServices.make(SandboxConfiguration(databasePath: sandbox.databasePath))
            let router = SandboxRouter.build(services)
            let base = SandboxRouter.basePath
            let routed = Set(
                router.routes.map { "\($0.method.rawValue) \($0.path.description)" }
                    .filter { $0.contains(base) && !$0.hasSuffix("/openapi.yaml") }
                    .map { Self.normalized($0.replacingOccurrences(of: base, with: "")) })
            #expect(routed.count > 60)
            #expect(routed.subtracting(documented).sorted() == [])
            #expect(documented.subtracting(routed).sorted() == [])
        }
    }
}
