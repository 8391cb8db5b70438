import Foundation
import StorefrontAPI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `storefront sandbox serve` takes its API key and support key from files (or the support key from the
/// environment), so that `ps` does not show them; the keys work as the command-line ones do.
@Suite(.serialized) struct SandboxServeSecretsTests {
    final class Server {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sf-secrets-\(UUID().uuidString)")
        let apiKey = "e2e-api-key-\(UUID().uuidString)"
        let supportKey = "e2e-support-key-\(UUID().uuidString)"
        var process: BackgroundProcess?
        var baseURL: URL?

        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for (name, secret) in [("api.key", apiKey), ("support.key", supportKey)] {
                try Data((secret + "\n").utf8).write(to: URL(fileURLWithPath: path(name)))
                chmod(path(name), 0o600)
            }
        }

        deinit {
            process?.stop()
            try? FileManager.default.removeItem(at: root)
        }

        func path(_ name: String) -> String { root.appendingPathComponent(name).path }

        func read(_ name: String) -> String { (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "" }

        /// `sandbox serve` with `arguments` (after `env` and `environment`), until it prints its URL.
        func start(_ arguments: [String], environment: [String] = []) async throws {
            process = try BackgroundProcess(
                ["env"] + environment + [BuiltBinary.path, "sandbox", "serve", "--port", "0", "--db", path("s.sqlite")]
                    + arguments, stdout: path("serve.out"), stderr: path("serve.err"))
            for _ in 0..<600 where baseURL == nil {
                baseURL = read("serve.out").split(separator: "\n").first { $0.hasPrefix("http") }.flatMap {
                    URL(string: String($0))
                }
                if baseURL == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(baseURL != nil, "the sandbox did not start: \(read("serve.err"))")
        }

        /// The server's command line as `ps` reads it.
        var commandLine: String {
            guard let pid = process?.pid,
                let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
            else { return "" }
            return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
        }

        func client(apiKey: String) throws -> StorefrontClient {
            StorefrontClient(configuration: ClientConfiguration(baseURL: try #require(baseURL), apiKey: apiKey))
        }
    }

    @Test func keysFromFilesWorkAndStayOutOfTheCommandLine() async throws {
        let server = try Server()
        try await server.start([
            "--api-key-file", server.path("api.key"), "--support-key-file", server.path("support.key"),
        ])
        let commandLine = server.commandLine
        #expect(commandLine.contains("--support-key-file"), "\(commandLine)")
        #expect(!commandLine.contains(server.apiKey) && !commandLine.contains(server.supportKey))
        // Only the key in the file opens a session; the support key in the file mints a support token.
        await #expect(throws: APIError.self) { try await server.client(apiKey: "another-key").session() }
        let customer = try server.client(apiKey: server.apiKey)
        let userId = try await customer.session().userId
        #expect(!userId.isEmpty)
        _ = try await customer.supportSignIn(supportKey: server.supportKey)
        await #expect(throws: APIError.self) { try await customer.supportSignIn(supportKey: "not-the-key") }
        // No generated key file next to the database: the configured key is the one.
        #expect(!FileManager.default.fileExists(atPath: server.path("s.sqlite.support-key")))
        let logs = server.read("serve.out") + server.read("serve.err")
        #expect(!logs.contains(server.apiKey) && !logs.contains(server.supportKey))
        // It says where the support key is, never the key.
        #expect(server.read("serve.out").contains("support key: in \(server.path("support.key"))"), "\(logs)")
    }

    @Test func serveSaysWhereItsGeneratedSupportKeyIs() async throws {
        let server = try Server()
        try await server.start([])
        let out = server.read("serve.out")
        let file = server.path("s.sqlite") + ".support-key"
        #expect(out.contains("support key: in \(file) (storefront support … --support-key-file \(file))"), "\(out)")
        let key = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!key.isEmpty && !out.contains(key))
    }

    @Test func supportKeyFromTheEnvironment() async throws {
        let server = try Server()
        try await server.start([], environment: ["STOREFRONT_SUPPORT_KEY=\(server.supportKey)"])
        #expect(!server.commandLine.contains(server.supportKey))
        let customer = try server.client(apiKey: "any-key")
        _ = try await customer.supportSignIn(supportKey: server.supportKey)
        #expect(!FileManager.default.fileExists(atPath: server.path("s.sqlite.support-key")))
    }

    @Test func badKeyOptionsAreRefused() async throws {
        let server = try Server()
        func serve(_ arguments: [String]) async throws -> (Int32, String) {
            let status = try await Spawn.run(
                [BuiltBinary.path, "sandbox", "serve", "--port", "0", "--db", server.path("s.sqlite")] + arguments,
                stderr: server.path("bad.err"))
            return (status, server.read("bad.err"))
        }
        let both = try await serve(["--support-key", "k", "--support-key-file", server.path("support.key")])
        #expect(both.0 == 2, "\(both.1)")
        #expect(both.1.contains("not both"), "\(both.1)")
        let missing = try await serve(["--support-key-file", server.path("nope.key")])
        #expect(missing.0 == 1, "\(missing.1)")
        #expect(missing.1.contains("cannot read the support key file"), "\(missing.1)")
        try Data("\n".utf8).write(to: URL(fileURLWithPath: server.path("empty.key")))
        let empty = try await serve(["--api-key-file", server.path("empty.key")])
        #expect(empty.0 == 1, "\(empty.1)")
        #expect(empty.1.contains("the API key file"), "\(empty.1)")
    }
}
