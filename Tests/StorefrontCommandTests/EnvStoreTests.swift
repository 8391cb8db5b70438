import ArgumentParser
import Foundation
import Testing

@testable import storefront

/// `--env URL` names its store; an `--env` that names none is refused rather than quietly replaced by the
/// built-in sandbox.
@Suite("--env and the store id")
struct EnvStoreTests {
    let folder: ConfigFolder

    init() throws { folder = try ConfigFolder("") }

    @Test func aStorefrontURLGivesTheStoreIDAndTheSandboxKey() throws {
        let remote = try folder.target(["--env", "http://127.0.0.1:8080/api/v1/demo-7/storefront"])
        #expect(remote.storeID == "demo-7")
        #expect(remote.apiKey == "sandbox")
        #expect(remote.baseURL.absoluteString == "http://127.0.0.1:8080/api/v1/demo-7/storefront")
        #expect(remote.headerName == "demo-7 @ 127.0.0.1:8080")
        let fromEnvironment = try folder.target(
            [], ["STOREFRONT_ENV": "https://prod.api.commercengine.io/api/v1/01JABC/storefront"])
        #expect(fromEnvironment.storeID == "01JABC")
        #expect(fromEnvironment.headerName == "01JABC @ prod")
        // A store id given, the URL's does not replace it; a key given is kept.
        let given = try folder.target([
            "--env", "http://h/api/v1/a/storefront", "--store-id", "b", "--api-key", "k",
        ])
        #expect(given.storeID == "b" && given.apiKey == "k")
    }

    @Test func anEnvThatNamesNoStoreIsRefused() throws {
        for (arguments, environment) in [
            (["--env", "staging"], [String: String]()), (["--env", "http://127.0.0.1:8080/"], [:]),
            (["--env", "http://h/api/v1//storefront"], [:]), ([], ["STOREFRONT_ENV": "production"]),
        ] {
            #expect(throws: ValidationError.self, "\(arguments) \(environment)") {
                _ = try StoreOptions.parse(arguments).target(
                    environment: folder.environment.merging(environment) { $1 })
            }
        }
        // Nothing asked for: the built-in sandbox.
        let target = try StoreOptions.parse([]).target(environment: folder.environment)
        guard case .sandbox = target else {
            Issue.record("not the built-in sandbox: \(target)")
            return
        }
    }
}
