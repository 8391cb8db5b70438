import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The conventions of an installed tool, through the built binary: `--version`, `storefront profiles`, and one
/// line with exit status 2 for a bad config file.
@Suite final class ConventionsTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sf-conv-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: root)
    }
    var configFile: String { root.path + "/config/storefront/config.toml" }

    /// The binary with a config folder of the test's; (exit status, stdout, stderr).
    func run(_ arguments: [String]) async throws -> (Int32, String, String) {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let id = UUID().uuidString
        let out = root.path + "/\(id).out"
        let err = root.path + "/\(id).err"
        let status = try await Spawn.run(
            [
                "/usr/bin/env", "-u", "STOREFRONT_PROFILE", "XDG_CONFIG_HOME=\(root.path)/config",
                "XDG_STATE_HOME=\(root.path)/state", "XDG_DATA_HOME=\(root.path)/data", BuiltBinary.path,
            ] + arguments, stdout: out, stderr: err)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (status, read(out), read(err))
    }

    func write(_ path: String, _ text: String, mode: mode_t = 0o600) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
    }

    /// The checkout's commit, as the build plugin records it.
    func gitHead() async throws -> String {
        let path = root.path + "/head"
        _ = try await Spawn.run(
            ["/usr/bin/git", "-C", ManPageTests.root.path, "rev-parse", "--short=12", "HEAD"], stdout: path)
        return try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func versionShowsTheReleaseAndTheBuildsCommit() async throws {
        let (status, out, _) = try await run(["--version"])
        #expect(status == 0)
        let head = try await gitHead()
        #expect(out.hasPrefix("storefront 0.19.0 (commit \(head)"), "\(out)")
        let json = try await run(["version", "--json"])
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.1.utf8))
        #expect(decoded["version"] == "0.19.0")
        #expect(decoded["commit"]?.hasPrefix(head) == true)
    }

    /// libcurl and the ~30 libraries it needs cost ~5 ms of every start when bound by the loader; the app loads it
    /// when it first sends (issue #18, BENCHMARKS.md run L). What the loader binds at start is what it lists with
    /// `LD_TRACE_LOADED_OBJECTS` (as `ldd` does), without running the program.
    @Test func libcurlIsNotBoundAtStart() async throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let out = root.path + "/loaded.out"
        let status = try await Spawn.run(
            ["/usr/bin/env", "LD_TRACE_LOADED_OBJECTS=1", BuiltBinary.path], stdout: out)
        let loaded = try String(contentsOfFile: out, encoding: .utf8)
        #expect(status == 0)
        #expect(loaded.contains("libc.so"), "\(loaded)")
        #expect(!loaded.contains("libcurl"), "\(loaded)")
    }
    @Test func profilesAddListShowRemoveWithoutEditingTheFile() async throws {
        let key = root.path + "/staging.key"
        try write(key, "secret-key-123\n")
        let added = try await run([
            "profiles", "add", "staging-demo", "--store-id", "s1", "--env", "staging", "--api-key-file", key,
        ])
        #expect(added.0 == 0, "\(added.2)")
        await #expect(
            try run(["profiles", "add", "shared", "--url", "http://demo-box:8080/api/v1/sandbox/storefront"]).0 == 0)
        let list = try await run(["profiles", "list"])
        #expect(list.1.contains("* staging-demo"), "\(list.1)")
        #expect(list.1.contains("  shared"))
        let shown = try await run(["profiles", "show"])
        #expect(shown.0 == 0)
        #expect(shown.1.contains("store_id      s1"), "\(shown.1)")
        #expect(shown.1.contains("present, mode 600"))
        #expect(!shown.1.contains("secret-key-123"))
        await #expect(!(try run(["profiles", "show", "staging-demo", "--json"]).1.contains("secret-key-123")))
        await #expect(try run(["profiles", "remove", "staging-demo"]).0 == 0)
        let after = try await run(["profiles", "list"])
        #expect(!after.1.contains("staging-demo"))
        await #expect(try run(["profiles", "show", "staging-demo"]).0 == 2)
    }

    @Test func aBadConfigFileIsOneLineAndExitStatusTwo() async throws {
        try write(configFile, "default = \"a\"\n[stores.a]\nstore_id = \"x\"\nenv = staging\n")
        let (status, out, err) = try await run(["cart", "show"])
        #expect(status == 2)
        #expect(out.isEmpty)
        #expect(err.hasPrefix("storefront: \(configFile):4: not TOML"), "\(err)")
        #expect(err.filter { $0 == "\n" }.count == 1)
    }

    @Test func aMissingOrLooseKeyFileIsRefusedWithExitStatusTwo() async throws {
        let key = root.path + "/config/storefront/staging.key"
        try write(configFile, "[stores.a]\nstore_id = \"x\"\napi_key_file = \"\(key)\"\n")
        let missing = try await run(["cart", "show", "--profile", "a"])
        #expect(missing.0 == 2)
        #expect(missing.2 == "storefront: \(configFile):3: the key file \(key) does not exist\n")
        try write(key, "k\n", mode: 0o644)
        let loose = try await run(["cart", "show", "--profile", "a"])
        #expect(loose.0 == 2)
        #expect(loose.2.contains("Run: chmod 600 \(key)"), "\(loose.2)")
    }

    @Test func theProfileImageCommandAsksForASignedInCustomerAndOneFile() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (both, _, bothError) = try await run(["account", "image", "--remove", "me.png"])
        #expect(both == 2)
        #expect(bothError.contains("Give an image file to upload, or --remove (not both)."), "\(bothError)")
        let image = root.path + "/me.png"
        try write(image, "\u{89}PNG")
        let (guest, _, guestError) = try await run(["account", "image", image])
        #expect(guest == 1)
        #expect(guestError.contains("Sign in first"), "\(guestError)")
    }
}
