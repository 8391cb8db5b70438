import ArgumentParser
import Dispatch
import Foundation
import Sandbox

/// `storefront sandbox serve|pay`: the sandbox storefront as a stand-alone server, and its payment shortcut.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "The sandbox storefront: a local Commerce Engine–compatible server on SQLite.",
        subcommands: [Serve.self, Pay.self]
    )

    static func defaultDatabasePath() -> String {
        let environment = ProcessInfo.processInfo.environment
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share")
        return dataHome + "/storefront/sandbox.sqlite"
    }

    /// `--public-url` of `sandbox serve` and `ssh-kiosk init`: an http(s) URL with a host.
    static func validatePublicURL(_ text: String?) throws {
        guard let text else { return }
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw ValidationError("--public-url must be an http(s) URL such as https://demo.example.com.")
        }
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Run the sandbox server until SIGINT/SIGTERM; prints its base URL.")

        @Option(help: "Port to listen on (0 = any free port).") var port: Int = 0
        @Option(help: "Address to bind.") var host: String = "127.0.0.1"
        @Option(
            name: .customLong("api-key"),
            help: "Only accept this X-Api-Key (default: any non-empty key). On the command line, `ps` shows it.")
        var apiKey: String?
        @Option(
            name: .customLong("api-key-file"),
            help: ArgumentHelp("A file holding the only X-Api-Key to accept (kept out of `ps`).", valueName: "path"))
        var apiKeyFile: String?
        @Option(help: "SQLite database file.") var db: String?
        @Option(help: "Fault injection: latency=MS,errors=RATE,malformed=RATE,drop=RATE,hold=METHOD:PATH")
        var chaos: String?
        @Option(name: .customLong("access-token-lifetime"), help: "Access token lifetime in seconds.")
        var accessTokenLifetime: Int?
        @Option(
            name: .customLong("support-token-lifetime"),
            help: "Support token lifetime in seconds (default 600).")
        var supportTokenLifetime: Int?
        @Option(
            name: .customLong("otp-cooldown"),
            help: "Seconds before another OTP may be sent to the same phone or email (default 30).")
        var otpCooldown: Int?
        @Option(
            name: .customLong("catalog-size"),
            help: "Seed a generated catalog of N products (only when the database is new).")
        var catalogSize: Int?
        @Option(
            name: .customLong("support-key"),
            help: ArgumentHelp(
                "The key that mints read-only support tokens (env STOREFRONT_SUPPORT_KEY; default: a key generated "
                    + "into DB.support-key, 0600). On the command line, `ps` shows it.",
                valueName: "key"))
        var supportKey: String?
        @Option(
            name: .customLong("support-key-file"),
            help: ArgumentHelp(
                "A file holding the support key (env STOREFRONT_SUPPORT_KEY_FILE; kept out of `ps`).",
                valueName: "path"))
        var supportKeyFile: String?
        @Option(
            name: .customLong("public-url"),
            help: ArgumentHelp(
                "The base visitors reach this server at (behind a proxy or tunnel): payment links start with it.",
                valueName: "url"))
        var publicURL: String?

        func validate() throws {
            try SandboxCommand.validatePublicURL(publicURL)
            if apiKey != nil && apiKeyFile != nil {
                throw ValidationError("Give --api-key or --api-key-file, not both.")
            }
            if supportKey != nil && supportKeyFile != nil {
                throw ValidationError("Give --support-key or --support-key-file, not both.")
            }
            if apiKey?.isEmpty == true { throw ValidationError("--api-key must not be empty") }
            if supportKey?.isEmpty == true { throw ValidationError("--support-key must not be empty") }
        }

        /// The support key: `--support-key`, `--support-key-file`, `STOREFRONT_SUPPORT_KEY_FILE`,
        /// `STOREFRONT_SUPPORT_KEY`, in that order (nil: the server's own key file).
        func resolvedSupportKey(environment: [String: String]) throws -> String? {
            func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
            if let supportKey { return supportKey }
            if let file = supportKeyFile ?? nonEmpty(environment["STOREFRONT_SUPPORT_KEY_FILE"]) {
                return try StoreOptions.readSecret(file: file, naming: "support key")
            }
            return nonEmpty(environment["STOREFRONT_SUPPORT_KEY"])
        }

        /// Where the support key is, for the line `serve` prints (never the key itself).
        func supportKeyPlace(environment: [String: String], databasePath: String) -> String {
            func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
            if supportKey != nil { return "support key: the one given with --support-key" }
            if let file = supportKeyFile ?? nonEmpty(environment["STOREFRONT_SUPPORT_KEY_FILE"]) {
                return "support key: in \(file) (storefront support … --support-key-file \(file))"
            }
            if nonEmpty(environment["STOREFRONT_SUPPORT_KEY"]) != nil {
                return "support key: the one in STOREFRONT_SUPPORT_KEY"
            }
            let file = SupportKey.fileURL(databasePath: databasePath).path
            return "support key: in \(file) (storefront support … --support-key-file \(file))"
        }

        func run() async throws {
            var configuration = SandboxConfiguration(databasePath: db ?? SandboxCommand.defaultDatabasePath())
            configuration.host = host
            configuration.port = port
            configuration.apiKey = try apiKey ?? apiKeyFile.map { try StoreOptions.readAPIKey(file: $0) }
            configuration.publicURL = publicURL.flatMap(URL.init(string:))
            configuration.supportKey = try resolvedSupportKey(environment: ProcessInfo.processInfo.environment)
            if let chaos {
                do {
                    configuration.chaos = try ChaosSettings(parsing: chaos)
                } catch {
                    throw ValidationError("--chaos: \(error)")
                }
            }
            if let accessTokenLifetime {
                guard accessTokenLifetime > 0 else { throw ValidationError("--access-token-lifetime must be > 0") }
                configuration.accessTokenLifetime = .seconds(accessTokenLifetime)
            }
            if let supportTokenLifetime {
                guard supportTokenLifetime > 0 else { throw ValidationError("--support-token-lifetime must be > 0") }
                configuration.supportTokenLifetime = .seconds(supportTokenLifetime)
            }
            if let otpCooldown {
                guard otpCooldown >= 0 else { throw ValidationError("--otp-cooldown must be 0 or more") }
                configuration.otpResendCooldown = TimeInterval(otpCooldown)
            }
            if let catalogSize {
                guard catalogSize > 0 else { throw ValidationError("--catalog-size must be > 0") }
                configuration.generatedCatalogSize = catalogSize
            }
            let server = try await SandboxServer.start(configuration)
            // Unbuffered, so that a script reading our stdout sees the URL at once.
            FileHandle.standardOutput.write(Data((server.baseURL.absoluteString + "\n").utf8))
            let environment = ProcessInfo.processInfo.environment
            FileHandle.standardOutput.write(
                Data((supportKeyPlace(environment: environment, databasePath: configuration.databasePath) + "\n").utf8))
            await Self.waitForTerminationSignal()
            await server.stop()
        }

        static func waitForTerminationSignal() async {
            let (signals, continuation) = AsyncStream<Int32>.makeStream()
            let queue = DispatchQueue(label: "storefront.sandbox.signals")
            var sources: [any DispatchSourceSignal] = []
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { continuation.yield(signalNumber) }
                source.resume()
                sources.append(source)
            }
            var iterator = signals.makeAsyncIterator()
            _ = await iterator.next()
            sources.forEach { $0.cancel() }
        }
    }

    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pay",
            abstract: "Settle a sandbox order's payment (as the payment page's Pay / Fail buttons do).")

        @Argument(help: "Order number.") var order: String
        @Flag(help: "Fail the payment instead of paying.") var fail = false
        @Option(help: "SQLite database file.") var db: String?

        func run() throws {
            let path = db ?? SandboxCommand.defaultDatabasePath()
            do {
                try SandboxPayments.settle(orderNumber: order, fail: fail, databasePath: path)
            } catch let error as SandboxPayments.Failure {
                FileHandle.standardError.write(Data("storefront sandbox pay: \(error.description)\n".utf8))
                throw ExitCode.failure
            }
            print(fail ? "Payment for \(order) failed." : "Order \(order) paid.")
        }
    }
}
