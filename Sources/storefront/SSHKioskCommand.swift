import ArgumentParser
import Foundation
import Kiosk

/// `storefront ssh-kiosk init`: everything a dedicated OpenSSH server needs to run the shop as a demo.
struct SSHKioskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh-kiosk",
        abstract: "The shop as an SSH demo on OpenSSH: `ssh -p 2222 demo@host` opens it, nothing else.",
        subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write sshd_config, a host key and the kiosk settings into a folder.",
            discussion: """
                Run as root. The folder gets: sshd_config (a whole config for a dedicated sshd on --port), \
                ssh_host_ed25519_key, authorized-keys (accepts any key), kiosk.json (store URL and API key, \
                mode 0600, owned by --user) and state/ (visitors' sessions). The API key is read from \
                STOREFRONT_API_KEY or --api-key-file, never from the command line. Then start \
                `/usr/sbin/sshd -f DIR/sshd_config -D -e`.
                """)

        @Option(help: "The kiosk folder (owned by root, not writable by others).") var dir: String
        @Option(help: "Port of the kiosk's sshd.") var port: Int = 2222
        @Option(help: "Address the kiosk's sshd listens on.") var listen: String = "0.0.0.0"
        @Option(help: "The account visitors log in as (it needs a shell such as /bin/sh).") var user: String = "demo"
        @Option(help: "The storefront base URL (as printed by `storefront sandbox serve`).")
        var storeURL: String = "http://127.0.0.1:8080/api/v1/sandbox/storefront"
        @Option(help: "The store id (a name for token files).") var storeId: String = "sandbox"
        @Option(help: "A file holding the storefront API key (default: STOREFRONT_API_KEY, else \"sandbox\").")
        var apiKeyFile: String?
        @Option(help: "Only the keys in this authorized_keys file may log in (default: any key).")
        var authorizedKeys: String?
        @Option(help: "The storefront binary sshd runs (default: this one).") var binary: String?
        @Flag(help: "Replace the host key too (visitors then see a changed-host-key warning).") var newHostKey = false

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535.") }
            guard let url = URL(string: storeURL), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--store-url must be an http(s) URL.")
            }
            // sshd_config has no quoting for most paths: keep them plain.
            let plain = { (path: String) in path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) } }
            guard !dir.isEmpty, plain(dir), plain(binary ?? "/") else {
                throw ValidationError("--dir and --binary must be paths of letters, digits and / . _ - +.")
            }
            guard !user.isEmpty, user.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                throw ValidationError("--user must be a plain account name.")
            }
        }

        func run() throws {
            let directory = URL(fileURLWithPath: dir).standardizedFileURL.path
            let manager = FileManager.default
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // sshd's StrictModes refuses a helper in a folder others can write to.
            chmod(directory, 0o755)
            guard let account = getpwnam(user) else {
                throw CommandFailure(
                    "no account '\(user)': create it first (useradd --create-home --shell /bin/sh -p '*' \(user)).")
            }
            let uid = account.pointee.pw_uid
            let gid = account.pointee.pw_gid
            let apiKey = try Self.apiKey(file: apiKeyFile)
            let binaryPath = try binary ?? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            let config = SSHDConfig(
                port: port, listenAddress: listen, user: user, directory: directory, binary: binaryPath,
                authorizedKeysFile: authorizedKeys)

            if newHostKey {
                try? manager.removeItem(atPath: config.hostKeyPath)
                try? manager.removeItem(atPath: config.hostKeyPath + ".pub")
            }
            if !manager.fileExists(atPath: config.hostKeyPath) {
                let status = try Self.runTool(
                    "/usr/bin/ssh-keygen",
                    ["-q", "-t", "ed25519", "-N", "", "-C", "storefront-kiosk", "-f", config.hostKeyPath])
                guard status == 0 else { throw CommandFailure("ssh-keygen failed (status \(status)).") }
            }
            if authorizedKeys == nil {
                try Data(SSHDConfig.acceptAnyKeyHelper.utf8).write(to: URL(fileURLWithPath: config.helperPath))
                chmod(config.helperPath, 0o755)
            }

            let stateDirectory = directory + "/state"
            try manager.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
            chmod(stateDirectory, 0o700)
            chown(stateDirectory, uid, gid)

            let settings = KioskSettings(
                storeID: storeId, baseURL: storeURL, apiKey: apiKey, stateDirectory: stateDirectory,
                debugMode: storeURL.contains("/sandbox/"))
            try settings.write(path: config.settingsPath)
            chown(config.settingsPath, uid, gid)

            try Data(config.render().utf8).write(to: URL(fileURLWithPath: config.configPath))
            chmod(config.configPath, 0o644)

            Output.line("Wrote \(config.configPath), \(config.settingsPath) and the host key.")
            Output.line("Start it:   mkdir -p /run/sshd && /usr/sbin/sshd -f \(config.configPath) -D -e")
            Output.line("Visit it:   ssh -p \(port) \(user)@HOST")
            let fingerprint = directory + "/ssh_host_ed25519_key.pub"
            if let key = try? String(contentsOfFile: fingerprint, encoding: .utf8) {
                Output.line("Host key:   \(key.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        }

        static func apiKey(file: String?) throws -> String {
            if let file { return try StoreOptions.readAPIKey(file: file) }
            let key = ProcessInfo.processInfo.environment["STOREFRONT_API_KEY"] ?? ""
            return key.isEmpty ? "sandbox" : key
        }

        /// Runs a tool with posix_spawn and waits for it; its output goes to ours.
        static func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
            let argv = ([path] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid = pid_t()
            let result = posix_spawn(&pid, path, nil, nil, argv, environ)
            guard result == 0 else {
                throw CommandFailure("cannot run \(path) (error \(result)); install openssh-client.")
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        }
    }
}
