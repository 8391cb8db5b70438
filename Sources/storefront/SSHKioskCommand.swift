import ArgumentParser
import Foundation
import Kiosk

/// `storefront ssh-kiosk init`: everything a dedicated OpenSSH server needs to run the shop as a demo.
struct SSHKioskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh-kiosk",
        abstract: "The shop as an SSH demo on OpenSSH: `ssh -p 2222 demo@host` opens it, nothing else.",
        subcommands: [Init.self, Visitors.self])

    /// `storefront ssh-kiosk visitors [--older-than 7d]`: who has a folder of tokens, and pruning the old ones.
    struct Visitors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "visitors",
            abstract: "List the kiosk's visitors (key fingerprint, folder, last seen, cart lines), or prune old ones.",
            discussion: """
                A visitor is a public key; their folder under STATE/visitors/ is named by the first 32 hex digits \
                of the key's SHA-256, which `ssh-keygen -l` shows in base64 (the FINGERPRINT column). Cart lines \
                are read from the store with the visitor's own session. --older-than 7d removes the folders of \
                visitors not seen for 7 days (units d, h, m, s) instead of listing.
                """)

        @Option(help: "The kiosk folder given to `ssh-kiosk init`.") var dir: String = "/etc/storefront-kiosk"
        @Option(name: .customLong("older-than"), help: "Remove visitors not seen for this long (7d, 12h, 30m).")
        var olderThan: String?
        @Flag(name: .customLong("no-carts"), help: "Do not ask the store for the carts.") var noCarts = false

        func validate() throws {
            if let olderThan, KioskVisitor.duration(olderThan) == nil {
                throw ValidationError("--older-than takes a number and d, h, m or s, such as 7d.")
            }
        }

        func run() async throws {
            let settings: KioskSettings
            do {
                let path = URL(fileURLWithPath: dir).appendingPathComponent("kiosk.json").path
                settings = try KioskSettings.load(path: path)
            } catch {
                throw CommandFailure(error.description)
            }
            if let age = olderThan.flatMap(KioskVisitor.duration) {
                let removed = KioskVisitor.prune(
                    stateDirectory: settings.stateDirectory, seenBefore: Date().addingTimeInterval(-age))
                for visitor in removed { Output.line("removed \(visitor.folder) \(visitor.fingerprint ?? "")") }
                Output.line("Removed \(removed.count) visitor(s) not seen for \(olderThan ?? "").")
                return
            }
            let visitors = KioskVisitor.list(stateDirectory: settings.stateDirectory)
            Output.line(
                Output.pad("FINGERPRINT", 51) + Output.pad("FOLDER", 34) + Output.pad("LAST SEEN", 22) + "CART LINES")
            for visitor in visitors {
                let lines = noCarts ? "-" : await Self.cartLines(settings: settings, folder: visitor.path)
                let seen = visitor.lastSeen.formatted(.iso8601)
                Output.line(
                    Output.pad(visitor.fingerprint ?? "(unknown: folder predates records)", 51)
                        + Output.pad(visitor.folder, 34) + Output.pad(seen, 22) + lines)
            }
            Output.line("\(visitors.count) visitor(s).")
        }

        /// The number of lines in the visitor's cart, read with their session ("-" without one, "?" on failure).
        static func cartLines(settings: KioskSettings, folder: String) async -> String {
            let directory = URL(fileURLWithPath: folder)
            let tokens = KioskSessionCommand.tokenStore(settings: settings, visitorDirectory: directory)
            guard tokens.load() != nil else { return "-" }
            // A refresh rewrites the token file: its time is put back, so reading is not "being seen".
            let modified = try? FileManager.default.attributesOfItem(atPath: tokens.fileURL.path)[.modificationDate]
            defer {
                if let modified {
                    try? FileManager.default.setAttributes(
                        [.modificationDate: modified], ofItemAtPath: tokens.fileURL.path)
                }
            }
            let client = KioskSessionCommand.client(settings: settings, visitorDirectory: directory)
            do {
                return String(try await client.userCart(userID: nil)?.cartItems.count ?? 0)
            } catch {
                return "?"
            }
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
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
        @Option(
            help: ArgumentHelp(
                "The base visitors' phones reach the store at (https://demo.example.com): payment links use it.",
                valueName: "url"))
        var publicURL: String?
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
            try SandboxCommand.validatePublicURL(publicURL)
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
            guard let account = getpwnam(user), let visitors = StrictModes.Account.named(user) else {
                throw CommandFailure(
                    "no account '\(user)': create it first (useradd --create-home --shell /bin/sh -p '*' \(user)).")
            }
            let uid = account.pointee.pw_uid
            let gid = account.pointee.pw_gid
            let binaryPath = try binary ?? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            // What sshd's StrictModes would refuse later, silently for the visitor: refused now, with the fix.
            try Self.refuse(StrictModes.checkSecure(directory, kind: "the kiosk folder"))
            if let authorizedKeys {
                let keys = URL(fileURLWithPath: authorizedKeys).standardizedFileURL.path
                try Self.refuse(StrictModes.checkSecure(keys, owner: uid, kind: "the authorized-keys file"))
                try Self.refuse(StrictModes.checkReadable(keys, by: visitors, kind: "the authorized-keys file"))
            }
            try Self.refuse(
                StrictModes.checkReadable(binaryPath, by: visitors, execute: true, kind: "the storefront binary"))
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // sshd's StrictModes refuses a helper in a folder others can write to.
            chmod(directory, 0o755)
            let apiKey = try Self.apiKey(file: apiKeyFile)
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
                debugMode: storeURL.contains("/sandbox/"), publicURL: publicURL)
            try settings.write(path: config.settingsPath)
            chown(config.settingsPath, uid, gid)

            try Data(config.render().utf8).write(to: URL(fileURLWithPath: config.configPath))
            chmod(config.configPath, 0o644)

            try Self.refuse(StrictModes.checkReadable(config.settingsPath, by: visitors, kind: "the kiosk settings"))
            if authorizedKeys == nil {
                try Self.refuse(StrictModes.checkSecure(config.helperPath, kind: "the authorized-keys helper"))
            }
            // sshd's own check of what was written (it needs its privilege separation folder).
            try? manager.createDirectory(
                atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            let checked = try Self.runTool("/usr/sbin/sshd", ["-t", "-f", config.configPath])
            guard checked == 0 else {
                throw CommandFailure(
                    "sshd -t -f \(config.configPath) refused the configuration (status \(checked)); see above.")
            }
            Output.line("Wrote \(config.configPath), \(config.settingsPath) and the host key.")
            Output.line("Checked:    sshd -t -f \(config.configPath) accepts it; every folder passes StrictModes.")
            Output.line("Start it:   mkdir -p /run/sshd && /usr/sbin/sshd -f \(config.configPath) -D -e")
            Output.line("Visit it:   ssh -p \(port) \(user)@HOST")
            let fingerprint = directory + "/ssh_host_ed25519_key.pub"
            if let key = try? String(contentsOfFile: fingerprint, encoding: .utf8) {
                Output.line("Host key:   \(key.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        }

        /// Ends `init` with the problem's path and fix, before anything says "Start it".
        static func refuse(_ problem: StrictModes.Problem?) throws {
            if let problem { throw CommandFailure("refusing: \(problem.description)") }
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
