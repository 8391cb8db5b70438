import ArgumentParser
import Foundation
import Logging

@main
struct Storefront: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storefront",
        abstract: "A terminal storefront for Commerce Engine stores.",
        discussion: """
            With no store given, it runs against the built-in sandbox storefront (a local server with a seeded \
            catalog), so the whole journey works with no account and no network.
            Exit status: 0 ok, 1 failed, 2 bad usage.
            """,
        version: StorefrontVersion.description,
        subcommands: [
            ShopCommand.self, CartCommand.self, OrderCommand.self, ProductsCommand.self, SandboxCommand.self,
            SSHKioskCommand.self, KioskSessionCommand.self, ReplayCommand.self, SupportCommand.self,
            ProfilesCommand.self, VersionCommand.self, AccountCommand.self, DoctorCommand.self,
        ],
        defaultSubcommand: ShopCommand.self
    )

    /// swift-log is bootstrapped once per process, here, unless the command does it itself. Nonisolated, so that
    /// its casts use no main-actor conformance: the command then stays free to be handed to its `run()`.
    nonisolated static func bootstrapLoggingUnlessManaged(_ command: any ParsableCommand) throws {
        guard !(command is any ManagesItsOwnLogging) else { return }
        try bootstrapLogging(logFile: (command as? ShopCommand)?.log)
    }

    /// Our exit statuses: 0 ok, 1 failed (one line on stderr), 2 bad usage.
    static func main() async {
        do {
            if CommandLine.arguments.count == 1 {
                // No arguments: the shop with every default, without argument-parser's reflection (ShopLaunch).
                try bootstrapLogging(logFile: nil)
                try await ShopLaunch().run()
                return
            }
            var command = try parseAsRoot()
            try bootstrapLoggingUnlessManaged(command)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("storefront: \(failure.description)\n".utf8))
            Foundation.exit(1)
        } catch let failure as ConfigFailure {
            FileHandle.standardError.write(Data("storefront: \(failure.description)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let text = Data((message.hasSuffix("\n") ? message : message + "\n").utf8)
                (code == .success ? FileHandle.standardOutput : FileHandle.standardError).write(text)
            }
            switch code {
            case .success: Foundation.exit(0)
            case .validationFailure, ExitCode(2): Foundation.exit(2)
            default: Foundation.exit(1)
            }
        }
    }

    /// Nothing may write to the terminal the TUI owns, nor mix into --json output: request logs go to
    /// standard error only when STOREFRONT_LOG=stderr (secrets are redacted by the client either way).
    /// Logs never reach the terminal the shop draws on, nor mix into --json output: they go to the shop's
    /// `--log FILE`, or to standard error with STOREFRONT_LOG=stderr, or nowhere. Secrets are redacted by the
    /// client either way. swift-log allows this once per process.
    static func bootstrapLogging(logFile path: String?) throws {
        let file = try path.map { try LogFile(path: $0) }
        let toStandardError = ProcessInfo.processInfo.environment["STOREFRONT_LOG"] == "stderr"
        LoggingSystem.bootstrap { label in
            if let file { return FileLogHandler(label: label, file: file) }
            guard toStandardError else { return SwiftLogNoOpLogHandler(label) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .debug
            return handler
        }
    }
}

/// A command that bootstraps swift-log itself (it may be done only once per process).
protocol ManagesItsOwnLogging {}
