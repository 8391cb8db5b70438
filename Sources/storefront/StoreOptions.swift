import ArgumentParser
import Foundation
import StorefrontAPI

/// Which store to talk to: Commerce Engine when given a store id and API key, else the sandbox.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Commerce Engine store id (env STOREFRONT_STORE_ID).")
    var storeId: String?

    @Option(name: .long, help: "Storefront API key (env STOREFRONT_API_KEY). On the command line, `ps` shows it.")
    var apiKey: String?

    /// The key from a file: neither the command line nor the environment (`/proc/PID/environ`) then holds it.
    @Option(name: .long, help: "A file holding the storefront API key (env STOREFRONT_API_KEY_FILE).")
    var apiKeyFile: String?

    @Option(name: .long, help: "staging, production or a base URL (env STOREFRONT_ENV). Default: production.")
    var env: String?

    @Option(name: .long, help: "Sandbox database file (default $XDG_DATA_HOME/storefront/sandbox.sqlite).")
    var sandboxDb: String?

    /// Leaves out the line on stderr that names the store a command talks to.
    @Flag(name: .long, help: "Don't print which store the command talks to (one line on stderr).")
    var quiet = false

    /// A store profile of `config.toml`; `storefront profiles list` shows them.
    @Option(name: .long, help: "A store profile from config.toml (env STOREFRONT_PROFILE; `storefront profiles`).")
    var profile: String?

    /// CAs to trust for HTTPS, e.g. a TLS-inspecting corporate proxy's.
    @Option(
        name: .customLong("ca-file"),
        help: "Trust the CA certificates in this PEM file for HTTPS (else a profile's ca_file, SSL_CERT_FILE).")
    var caFile: String?

    /// The options as plain values.
    var choice: StoreChoice {
        StoreChoice(
            storeId: storeId, apiKey: apiKey, apiKeyFile: apiKeyFile, env: env, sandboxDb: sandboxDb, quiet: quiet,
            profile: profile, caFile: caFile)
    }

    func target(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreTarget {
        try choice.target(environment: environment)
    }

    func announcedTarget(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreTarget {
        try choice.announcedTarget(environment: environment)
    }

    /// The store id in a storefront URL (`…/api/v1/{store_id}/storefront`), else its host.
    static func storeID(in url: String) -> String {
        storeIDInPath(url) ?? URL(string: url)?.host ?? "custom"
    }

    /// The store id in an http(s) storefront URL of the form `…/api/v1/{store_id}/storefront`; nil otherwise.
    static func storeIDInPath(_ url: String) -> String? {
        guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https" else { return nil }
        let parts = parsed.pathComponents
        guard let v1 = parts.firstIndex(of: "v1"), v1 > 0, v1 + 2 < parts.count, parts[v1 - 1] == "api",
            parts[v1 + 2] == "storefront", !parts[v1 + 1].isEmpty
        else { return nil }
        return parts[v1 + 1]
    }

    /// The store's API key from `file`, refused when the file is readable by anyone but its owner.
    static func readStoreKey(file: String) throws -> String {
        try KeyFilePermissions.check(file)
        return try readAPIKey(file: file)
    }

    /// `file` when it can be read; a one-line failure naming `location` otherwise.
    static func checkedCAFile(_ file: String, location: String) throws -> String {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ConfigFailure("\(location): cannot read the CA file \(file)")
        }
        return file
    }

    /// The API key in `file` (surrounding white space and the final newline dropped).
    static func readAPIKey(file: String) throws -> String {
        try readSecret(file: file, naming: "API key")
    }

    /// The secret (`naming` says which, for the error) in `file`, surrounding white space and the final newline
    /// dropped; never in the error.
    static func readSecret(file: String, naming: String) throws -> String {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw CommandFailure("cannot read the \(naming) file \(file).")
        }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw CommandFailure("the \(naming) file \(file) is empty.") }
        return key
    }
}

/// The store options as plain values (``StoreOptions/choice``); `StoreChoice()` is what no option gives.
struct StoreChoice: Equatable {
    var storeId: String?
    var apiKey: String?
    var apiKeyFile: String?
    var env: String?
    var sandboxDb: String?
    var quiet = false
    var profile: String?
    var caFile: String?

    /// The resolved target. Each setting comes from its flag, else the profile (`--profile`, `STOREFRONT_PROFILE`
    /// or the file's `default`), else the environment.
    func target(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreTarget {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let chosen = try ChosenProfile.resolve(
            name: profile ?? variable("STOREFRONT_PROFILE"), environment: environment)
        let settings = chosen?.profile ?? Profile()
        let envText = env ?? settings.url ?? settings.env ?? variable("STOREFRONT_ENV")
        // A storefront URL names its store (`…/api/v1/{store_id}/storefront`): `--env` then needs no --store-id.
        let explicitID = storeId ?? settings.storeID ?? settings.url.map(StoreOptions.storeID(in:))
        let idInURL =
            env.flatMap(StoreOptions.storeIDInPath) ?? variable("STOREFRONT_ENV").flatMap(StoreOptions.storeIDInPath)
        let idFromURL =
            explicitID == nil
            && (env.flatMap(StoreOptions.storeIDInPath) != nil || variable("STOREFRONT_STORE_ID") == nil)
        let storeID = explicitID ?? (idFromURL ? idInURL : variable("STOREFRONT_STORE_ID"))
        let key =
            try apiKey ?? apiKeyFile.map(StoreOptions.readStoreKey(file:)) ?? chosen?.apiKey()
            ?? variable("STOREFRONT_API_KEY_FILE").map(StoreOptions.readStoreKey(file:)) ?? variable(
                "STOREFRONT_API_KEY")
            // A store URL without a store id or key (a `url` profile, `--env URL`) is a sandbox elsewhere
            // (`storefront sandbox serve`), which takes any key by default.
            ?? (settings.url != nil || (idFromURL && idInURL != nil) ? "sandbox" : nil)
        guard let storeID else {
            if let chosen { throw ConfigFailure("\(chosen.location): profile \(chosen.name) has no store_id or url") }
            // Never the built-in sandbox when a store was asked for: support would read the wrong store.
            if let envText {
                let source = env != nil ? "--env" : "STOREFRONT_ENV"
                throw ValidationError(
                    "\(source) \(envText) names no store: give --store-id too, or a storefront URL of the form "
                        + "https://HOST/api/v1/STORE_ID/storefront.")
            }
            if key != nil { throw ValidationError("--api-key needs --store-id as well.") }
            return .sandbox(databasePath: sandboxDb ?? StorePaths.sandboxDatabase(environment: environment))
        }
        guard let key else {
            throw ValidationError("--store-id needs --api-key-file, --api-key or STOREFRONT_API_KEY.")
        }
        let environmentChoice: ClientConfiguration.Environment
        if let envText {
            guard let parsed = ClientConfiguration.Environment(parsing: envText) else {
                let problem = "must be staging, production or an http(s) URL, not '\(envText)'"
                if env == nil, let chosen { throw ConfigFailure("\(chosen.location(of: "env")): env \(problem)") }
                throw ValidationError("--env \(problem).")
            }
            environmentChoice = parsed
        } else {
            environmentChoice = .production
        }
        let trust = CertificateTrust.resolve(
            caFile: try caFile.map { try StoreOptions.checkedCAFile($0, location: "--ca-file") } ?? chosen?.caFile(),
            environment: environment)
        return .commerceEngine(
            StoreTarget.Remote(
                storeID: storeID, apiKey: key, baseURL: environmentChoice.baseURL(storeID: storeID), trust: trust,
                profile: chosen?.name))
    }

    /// The resolved target, after one line on stderr that names it (unless `--quiet`): for commands that print,
    /// not for the shop, whose header names the store.
    func announcedTarget(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreTarget {
        let target = try target(environment: environment)
        if !quiet { FileHandle.standardError.write(Data("storefront: using \(target.description)\n".utf8)) }
        return target
    }
}

enum StoreTarget {
    case sandbox(databasePath: String)
    case commerceEngine(Remote)

    /// A store over HTTP(S): Commerce Engine, or a sandbox served elsewhere.
    struct Remote {
        var storeID: String
        var apiKey: String
        var baseURL: URL
        var trust: CertificateTrust = .system
        /// The profile it came from, shown in the header.
        var profile: String?

        /// The shop's header: the profile's name, else the store id and where it is (`e2e @ 127.0.0.1:8080`,
        /// `01JABC @ staging` for Commerce Engine's own hosts).
        var headerName: String {
            if let profile { return profile }
            guard let host = baseURL.host else { return storeID }
            let place =
                host.hasSuffix(".api.commercengine.io")
                ? String(host.dropLast(".api.commercengine.io".count))
                : host + (baseURL.port.map { ":\($0)" } ?? "")
            return "\(storeID) @ \(place)"
        }
    }

    /// Which store, for the line on stderr and the shop's header: the built-in sandbox with its database file, or
    /// the store id at its address.
    var description: String {
        switch self {
        case .sandbox(let path): "the built-in sandbox (\(path))"
        case .commerceEngine(let remote):
            "store \(remote.storeID) at \(remote.baseURL.absoluteString)"
                + (remote.profile.map { " (profile \($0))" } ?? "")
        }
    }

    /// Names the store in token files and recordings.
    var storeKey: String {
        switch self {
        case .sandbox: "sandbox"
        case .commerceEngine(let remote): remote.storeID
        }
    }
}

/// XDG locations of our files.
enum StorePaths {
    static func dataHome(environment: [String: String]) -> URL {
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return URL(fileURLWithPath: data) }
        return URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(
            ".local/share")
    }

    static func sandboxDatabase(environment: [String: String]) -> String {
        dataHome(environment: environment).appendingPathComponent("storefront/sandbox.sqlite").path
    }
}
