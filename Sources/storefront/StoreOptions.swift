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

    /// The resolved target, reading the environment where flags are absent.
    func target(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreTarget {
        let storeID = storeId ?? environment["STOREFRONT_STORE_ID"].flatMap { $0.isEmpty ? nil : $0 }
        let keyFile = apiKeyFile ?? environment["STOREFRONT_API_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let key =
            try apiKey ?? keyFile.map(Self.readAPIKey(file:))
            ?? environment["STOREFRONT_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let envText = env ?? environment["STOREFRONT_ENV"].flatMap { $0.isEmpty ? nil : $0 }
        guard let storeID else {
            if key != nil { throw ValidationError("--api-key needs --store-id as well.") }
            return .sandbox(databasePath: sandboxDb ?? StorePaths.sandboxDatabase(environment: environment))
        }
        guard let key else {
            throw ValidationError("--store-id needs --api-key-file, --api-key or STOREFRONT_API_KEY.")
        }
        let environmentChoice: ClientConfiguration.Environment
        if let envText {
            guard let parsed = ClientConfiguration.Environment(parsing: envText) else {
                throw ValidationError("--env must be staging, production or an http(s) URL, not '\(envText)'.")
            }
            environmentChoice = parsed
        } else {
            environmentChoice = .production
        }
        return .commerceEngine(storeID: storeID, apiKey: key, baseURL: environmentChoice.baseURL(storeID: storeID))
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
    case commerceEngine(storeID: String, apiKey: String, baseURL: URL)

    /// Names the store in token files and recordings.
    var storeKey: String {
        switch self {
        case .sandbox: "sandbox"
        case .commerceEngine(let storeID, _, _): storeID
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
