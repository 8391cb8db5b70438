import ArgumentParser
import Foundation
import StorefrontAPI
import Testing

@testable import storefront

/// A config folder of its own with `config.toml` and key files, for `StoreOptions.target(environment:)`; removed
/// when dropped.
final class ConfigFolder {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sf-config-\(UUID().uuidString)")
    var configPath: String { root.path + "/storefront/config.toml" }
    var environment: [String: String] { ["XDG_CONFIG_HOME": root.path, "HOME": root.path] }

    init(_ toml: String) throws {
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("storefront"), withIntermediateDirectories: true)
        try Data(toml.utf8).write(to: URL(fileURLWithPath: configPath))
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// A key file under the config folder, with `mode`.
    @discardableResult
    func key(_ name: String, _ secret: String, mode: mode_t = 0o600) throws -> String {
        let path = root.path + "/storefront/" + name
        try Data((secret + "\n").utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    func target(_ arguments: [String], _ extra: [String: String] = [:]) throws -> StoreTarget.Remote {
        let options = try StoreOptions.parse(arguments)
        let target = try options.target(environment: environment.merging(extra) { _, new in new })
        guard case .commerceEngine(let remote) = target else { throw Unexpected.sandbox }
        return remote
    }

    func failure(_ arguments: [String], _ extra: [String: String] = [:]) -> String {
        do {
            _ = try StoreOptions.parse(arguments).target(environment: environment.merging(extra) { _, new in new })
            return "no failure"
        } catch let failure as ConfigFailure {
            return failure.description
        } catch {
            return "other error: \(error)"
        }
    }

    enum Unexpected: Error { case sandbox }
}

@Suite("Store profiles: precedence, bad files, key file permissions")
struct ProfilePrecedenceTests {
    static let twoProfiles = """
        default = "staging-demo"

        [stores.staging-demo]
        store_id = "staging-store"
        env = "staging"
        api_key_file = "~/storefront/staging.key"

        [stores.shared-sandbox]
        url = "http://demo-box:8080/api/v1/sandbox/storefront"
        """

    @Test func theDefaultProfileOverridesTheEnvironment() throws {
        let folder = try ConfigFolder(Self.twoProfiles)
        try folder.key("staging.key", "profile-key")
        let remote = try folder.target(
            [], ["STOREFRONT_STORE_ID": "env-store", "STOREFRONT_ENV": "production", "STOREFRONT_API_KEY": "env-key"])
        #expect(remote.storeID == "staging-store")
        #expect(remote.apiKey == "profile-key")
        #expect(remote.baseURL.absoluteString == "https://staging.api.commercengine.io/api/v1/staging-store/storefront")
        #expect(remote.profile == "staging-demo")
    }

    @Test func flagsOverrideTheProfile() throws {
        let folder = try ConfigFolder(Self.twoProfiles)
        try folder.key("staging.key", "profile-key")
        let flagKey = try folder.key("flag.key", "flag-key")
        let remote = try folder.target(["--store-id", "flag-store", "--env", "production", "--api-key-file", flagKey])
        #expect(remote.storeID == "flag-store")
        #expect(remote.apiKey == "flag-key")
        #expect(remote.baseURL.absoluteString == "https://prod.api.commercengine.io/api/v1/flag-store/storefront")
        #expect(remote.profile == "staging-demo")
    }

    @Test func theEnvironmentFillsWhatTheProfileLeavesOut() throws {
        let folder = try ConfigFolder(
            """
            [stores.bare]
            store_id = "bare-store"
            """)
        let remote = try folder.target(
            ["--profile", "bare"], ["STOREFRONT_ENV": "staging", "STOREFRONT_API_KEY": "env-key"])
        #expect(remote.storeID == "bare-store")
        #expect(remote.apiKey == "env-key")
        #expect(remote.baseURL.host == "staging.api.commercengine.io")
    }

    @Test func profileChosenByFlagThenVariableThenDefault() throws {
        let folder = try ConfigFolder(Self.twoProfiles)
        try folder.key("staging.key", "profile-key")
        let byVariable = try folder.target([], ["STOREFRONT_PROFILE": "shared-sandbox"])
        #expect(byVariable.profile == "shared-sandbox")
        #expect(byVariable.baseURL.absoluteString == "http://demo-box:8080/api/v1/sandbox/storefront")
        #expect(byVariable.storeID == "sandbox")
        let byFlag = try folder.target(["--profile", "staging-demo"], ["STOREFRONT_PROFILE": "shared-sandbox"])
        #expect(byFlag.profile == "staging-demo")
    }

    @Test func noConfigFileMeansTheEnvironmentAsBefore() throws {
        let folder = try ConfigFolder("")
        try FileManager.default.removeItem(atPath: folder.configPath)
        let remote = try folder.target([], ["STOREFRONT_STORE_ID": "env-store", "STOREFRONT_API_KEY": "env-key"])
        #expect(remote.storeID == "env-store")
        #expect(remote.profile == nil)
        let sandbox = try StoreOptions.parse([]).target(environment: folder.environment)
        guard case .sandbox = sandbox else {
            Issue.record("expected the built-in sandbox")
            return
        }
    }

    @Test func caFileFromFlagThenProfileThenSSLCertFile() throws {
        let folder = try ConfigFolder(
            """
            [stores.corp]
            store_id = "corp-store"
            ca_file = "corp-ca.pem"
            """)
        let profileCA = try folder.key("corp-ca.pem", "-----BEGIN CERTIFICATE-----")
        let flagCA = try folder.key("flag-ca.pem", "-----BEGIN CERTIFICATE-----")
        let environment = ["STOREFRONT_API_KEY": "k", "SSL_CERT_FILE": "/env/ca.pem", "SSL_CERT_DIR": "/env/certs"]
        let fromProfile = try folder.target(["--profile", "corp"], environment)
        #expect(fromProfile.trust == CertificateTrust(caFile: profileCA, caDirectory: "/env/certs"))
        let fromFlag = try folder.target(["--profile", "corp", "--ca-file", flagCA], environment)
        #expect(fromFlag.trust.caFile == flagCA)
        let fromVariable = try folder.target(["--store-id", "s"], environment)
        #expect(fromVariable.trust.caFile == "/env/ca.pem")
    }

    @Test func aKeyFileOthersCanReadIsRefusedWithTheChmodToRun() throws {
        let folder = try ConfigFolder(Self.twoProfiles)
        let path = try folder.key("staging.key", "profile-key", mode: 0o644)
        let message = folder.failure([])
        #expect(message.contains("chmod 600 \(path)"), "\(message)")
        #expect(!message.contains("profile-key"))
        let flagPath = try folder.key("flag.key", "flag-key", mode: 0o640)
        #expect(folder.failure(["--store-id", "s", "--api-key-file", flagPath]).contains("chmod 600 \(flagPath)"))
    }

    @Test func aMissingKeyFileNamesTheFileAndTheLine() throws {
        let folder = try ConfigFolder(Self.twoProfiles)
        let message = folder.failure([])
        #expect(
            message == "\(folder.configPath):6: the key file \(folder.root.path)/storefront/staging.key does not exist")
    }

    @Test(
        "a file that is not TOML names the file and the line",
        arguments: [
            ("default = \"a\"\n[stores.a]\nstore_id = \"x\"\nenv = staging\n", 4),
            ("[stores.a]\nstore_id = \"x\"\n[stores.a]\n", 3),
            ("default = \"a\"\n[stores.a\n", 2),
        ])
    func notTOML(text: String, line: Int) throws {
        let folder = try ConfigFolder(text)
        let message = folder.failure([])
        #expect(message.hasPrefix("\(folder.configPath):\(line): not TOML"), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test func aWrongTypeOrUnknownKeyNamesItsLine() throws {
        let folder = try ConfigFolder("[stores.a]\nstore_id = \"x\"\napi_key = \"secret\"\n")
        #expect(folder.failure(["--profile", "a"]).hasPrefix("\(folder.configPath):3: unknown key api_key"))
        let typed = try ConfigFolder("[stores.a]\n\nstore_id = 42\n")
        #expect(typed.failure(["--profile", "a"]) == "\(typed.configPath):3: store_id must be a string in quotes")
    }

    @Test func anUnknownProfileIsNamed() throws {
        let folder = try ConfigFolder(Self.twoProfiles)
        let message = folder.failure(["--profile", "nope"])
        #expect(message.contains("no profile nope in \(folder.configPath)"), "\(message)")
        #expect(message.contains("shared-sandbox, staging-demo"))
    }

    @Test func theHeaderNamesTheProfile() throws {
        let folder = try ConfigFolder(Self.twoProfiles)
        let remote = try folder.target(["--profile", "shared-sandbox"])
        let connection = StoreConnection.prepare(.commerceEngine(remote), tokenStore: MemoryTokenStore())
        #expect(connection.storeName == "shared-sandbox")
        #expect(connection.storeKey == "sandbox")
    }
}
