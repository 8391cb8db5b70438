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

    /// Asks the store to put OTPs in its answers (`x-debug-mode`): a sandbox started on its own (the kiosk) only.
    @Flag(name: .customLong("debug-mode"), help: ArgumentHelp("Show OTPs (sandbox stores only).", visibility: .hidden))
    var debugMode = false

    /// A store profile of `config.toml`; `storefront profiles list` shows them.
    @Option(name: .long, help: "A store profile from config.toml (env STOREFRONT_PROFILE; `storefront profiles`).")
    var profile: String?

    /// CAs to trust for HTTPS, e.g. a TLS-inspecting corporate proxy's.
    @Option(
        name: .customLong("ca-file"),
        help: "Trust the CA certificates in this PEM file for HTTPS (else a profile's ca_file, SSL_CERT_FILE).")
    var caFile: String?

    /// The resolved target. Each setting comes from its flag, else the profile (`--profile`, `STOREFRONT_PROFILE`
    /// or the file's `default`), else the environment.
    func target(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreTarget {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let chosen = try ChosenProfile.resolve(
            name: profile ?? variable("STOREFRONT_PROFILE"), environment: environment)
        let settings = chosen?.profile ?? Profile()
        let storeID =
            storeId ?? settings.storeID ?? settings.url.map(Self.storeID(in:)) ?? variable("STOREFRONT_STORE_ID")
        let key =
            try apiKey ?? apiKeyFile.map(Self.readStoreKey(file:)) ?? chosen?.apiKey()
            ?? variable("STOREFRONT_API_KEY_FILE").map(Self.readStoreKey(file:)) ?? variable("STOREFRONT_API_KEY")
            // A `url` profile is a sandbox elsewhere (`storefront sandbox serve`), which takes any key by default.
            ?? (settings.url != nil ? "sandbox" : nil)
        let envText = env ?? settings.url ?? settings.env ?? variable("STOREFRONT_ENV")
        guard let storeID else {
            if let chosen { throw ConfigFailure("\(chosen.location): profile \(chosen.name) has no store_id or url") }
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
            caFile: try caFile.map { try Self.checkedCAFile($0, location: "--ca-file") } ?? chosen?.caFile(),
            environment: environment)
        return .commerceEngine(
            StoreTarget.Remote(
                storeID: storeID, apiKey: key, baseURL: environmentChoice.baseURL(storeID: storeID), trust: trust,
                profile: chosen?.name))
    }

    /// The store id in a storefront URL (`…/api/v1/{store_id}/storefront`), else its host.
    static func storeID(in url: String) -> String {
        let parts = URL(string: url)?.pathComponents ?? []
        if let v1 = parts.firstIndex(of: "v1"), v1 + 1 < parts.count, parts[v1 - 1] == "api" { return parts[v1 + 1] }
        return URL(string: url)?.host ?? "custom"
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
