import ArgumentParser
import Foundation
import Sandbox
import ShopCore
import StorefrontAPI

/// `storefront replay FILE`: replays a recorded session's intents against a live store and reports where the
/// state first differs from the recorded one (support reproducing what a customer did).
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a session recorded with --record and report where the state first differs.",
        discussion: """
            The recorded intents are sent to a live store whose own answers drive the state; after each intent \
            the cart, totals, codes, screen, sign-in, payment phase, wishlist and notice are compared with the \
            recording. OTPs are never recorded: the sandbox's debug OTP is used instead. By default replay runs \
            on a fresh, seeded sandbox (your sandbox database is not touched). Exit status: 0 same state, \
            1 different or failed, 2 bad usage.
            """)

    @Argument(help: "A recording written by `storefront --record FILE`.") var file: String
    @Option(help: "sandbox (a fresh in-process sandbox) or a store's base URL.") var against = "sandbox"
    @Option(name: .customLong("api-key"), help: "X-Api-Key for --against URL.") var apiKey: String?
    @Option(name: .customLong("sandbox-db"), help: "Replay on this sandbox database instead of a fresh one.")
    var sandboxDb: String?
    @Flag(help: "Print the report only (the TUI replay view is not built yet, so replay is always headless).")
    var headless = false
    @OptionGroup var output: OutputOptions

    enum Target {
        case sandbox
        case url(URL)
    }

    func target() throws -> Target {
        if against == "sandbox" {
            if apiKey != nil { throw ValidationError("--api-key goes with --against URL.") }
            return .sandbox
        }
        guard sandboxDb == nil else { throw ValidationError("--sandbox-db goes with --against sandbox.") }
        guard let url = URL(string: against), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host != nil
        else {
            throw ValidationError("--against must be sandbox or an http(s) base URL, not '\(against)'.")
        }
        return .url(url)
    }

    func validate() throws {
        _ = try target()
    }

    @MainActor
    func run() async throws {
        let recording: Recording
        do {
            recording = try Recording.read(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure("\(file): \(error.errorDescription ?? "\(error)")")
        }
        if !headless && !output.json {
            FileHandle.standardError.write(Data("storefront: no TUI replay view yet; replaying headless.\n".utf8))
        }
        var server: SandboxServer?
        var temporary: URL?
        let client: StorefrontClient
        switch try target() {
        case .sandbox:
            let path: String
            if let sandboxDb {
                path = sandboxDb
            } else {
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "storefront-replay-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                temporary = directory
                path = directory.appendingPathComponent("sandbox.sqlite").path
            }
            var configuration = SandboxConfiguration(databasePath: path)
            configuration.port = 0
            let started = try await SandboxServer.start(configuration)
            server = started
            client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: started.baseURL, apiKey: "sandbox", debugMode: true),
                tokenStore: MemoryTokenStore())
        case .url(let url):
            client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: url, apiKey: apiKey ?? "sandbox", debugMode: true),
                tokenStore: MemoryTokenStore())
        }
        var report = await Replayer(recording: recording, api: client).run()
        if case .sandbox = try target(), recording.header.store != "sandbox" {
            report.notes.insert("recorded on store \(recording.header.store), replayed on the sandbox", at: 0)
        }
        await server?.stop()
        if let temporary { try? FileManager.default.removeItem(at: temporary) }

        if output.json {
            try Output.printJSON(ReplayJSON(report))
        } else {
            for note in report.notes { Output.line("note: \(note)") }
            Output.line(report.headline)
        }
        if !report.isSame { throw ExitCode(1) }
    }
}

/// The report for scripts.
struct ReplayJSON: Encodable {
    struct Stop: Encodable {
        var intent: Int
        var action: String
        var differences: [ReplayDifference]?
        var reason: String?
    }

    var same: Bool
    var summary: String
    var intentsRecorded: Int
    var intentsReplayed: Int
    var checkpointsCompared: Int
    var firstDifference: Stop?
    var stopped: Stop?
    var notes: [String]
    var replayedMessage: String?

    init(_ report: ReplayReport) {
        same = report.isSame
        summary = report.headline
        intentsRecorded = report.intentsRecorded
        intentsReplayed = report.intentsReplayed
        checkpointsCompared = report.checkpointsCompared
        notes = report.notes
        replayedMessage = report.replayedMessage
        switch report.outcome {
        case .same:
            break
        case .different(let intent, let summary, let differences):
            firstDifference = Stop(intent: intent, action: summary, differences: differences)
        case .stopped(let intent, let summary, let reason):
            stopped = Stop(intent: intent, action: summary, reason: reason)
        }
    }
}
