import ArgumentParser
import Foundation
import Sandbox
import ShopCore
import ShopTUI
import StorefrontAPI

/// `storefront replay FILE`: replays a recorded session's intents against a live store and reports where the
/// state first differs from the recorded one (support reproducing what a customer did). In a terminal it shows
/// the replay in the shop's own screens (``ReplayApp``) at a readable pace; `--headless` (or output that is not
/// a terminal) prints the report only. Both run the same ``ReplaySession``.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a session recorded with --record and report where the state first differs.",
        discussion: """
            The recorded intents are sent to a live store whose own answers drive the state; after each intent \
            the cart, totals, codes, screen, sign-in, payment phase, wishlist and notice are compared with the \
            recording. The cart the session started with (in the recording's header, masked as `cart export` \
            masks it) is rebuilt first. OTPs are never recorded: the sandbox's OTP is used instead; when the store \
            refuses a new OTP for its cooldown (an OTP went to that number moments before), replay waits, asks \
            again and says so. By default replay runs \
            on a fresh, seeded sandbox (your sandbox database is not touched). In a terminal the shop's screens \
            show the replay step by step (space pauses, n steps, q quits; the shop's own keys do nothing) and \
            stop at the first difference; --headless prints the report only. Exit status: 0 same state, \
            1 different or failed (or quit before the end), 2 bad usage.
            """)

    @Argument(help: "A recording written by `storefront --record FILE`.") var file: String
    @Option(help: "sandbox (a fresh in-process sandbox) or a store's base URL.") var against = "sandbox"
    @Option(name: .customLong("api-key"), help: "X-Api-Key for --against URL. On the command line, `ps` shows it.")
    var apiKey: String?
    @Option(
        name: .customLong("api-key-file"),
        help: "A file holding the X-Api-Key for --against URL (mode 0600; env STOREFRONT_API_KEY_FILE).")
    var apiKeyFile: String?
    @Option(name: .customLong("sandbox-db"), help: "Replay on this sandbox database instead of a fresh one.")
    var sandboxDb: String?
    @Flag(help: "Print the report only, without the replay view (also when output is not a terminal).")
    var headless = false
    @Option(name: .customLong("step-delay"), help: "Milliseconds between two intents in the replay view.")
    var stepDelay = 400
    @OptionGroup var output: OutputOptions

    enum Target {
        case sandbox
        case url(URL)
    }

    func target() throws -> Target {
        if apiKey != nil && apiKeyFile != nil { throw ValidationError("Give --api-key or --api-key-file, not both.") }
        if against == "sandbox" {
            if apiKey != nil || apiKeyFile != nil { throw ValidationError("--api-key goes with --against URL.") }
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
        guard stepDelay >= 0 else { throw ValidationError("--step-delay takes milliseconds, 0 or more.") }
    }

    @MainActor
    func run() async throws {
        let recording: Recording
        do {
            recording = try Recording.read(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure("\(file): \(error.errorDescription ?? "\(error)")")
        }
        var view = !headless && !output.json
        if view && !(Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal) {
            FileHandle.standardError.write(
                Data("storefront: not a terminal; replaying headless.\n".utf8))
            view = false
        }
        var server: SandboxServer?
        var temporary: URL?
        let client: StorefrontClient
        let storeName: String
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
            storeName = "Sandbox store"
            client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: started.baseURL, apiKey: "sandbox", debugMode: true),
                tokenStore: MemoryTokenStore())
        case .url(let url):
            storeName = url.host ?? "store"
            let environment = ProcessInfo.processInfo.environment
            let keyFile = apiKeyFile ?? environment["STOREFRONT_API_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            let key = try apiKey ?? keyFile.map(StoreOptions.readStoreKey(file:)) ?? "sandbox"
            // OTPs in answers only from a store that says it is a sandbox (`x-storefront-sandbox`), never asked
            // of a real one.
            client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: url, apiKey: key),
                tokenStore: MemoryTokenStore())
        }
        let session = ReplaySession(recording: recording, api: .live(client))
        var outcome = TerminalRunner.Outcome.quit
        var quitEarly = false
        if view {
            do {
                outcome = try await play(session, storeName: storeName)
                quitEarly = !session.isFinished
            } catch {
                FileHandle.standardError.write(Data("storefront: \(error); replaying headless.\n".utf8))
            }
        }
        var report = quitEarly ? session.report : await session.runToEnd()
        session.close()
        if case .sandbox = try target(), recording.header.store != "sandbox" {
            report.notes.insert("recorded on store \(recording.header.store), replayed on the sandbox", at: 0)
        }
        await server?.stop()
        if let temporary { try? FileManager.default.removeItem(at: temporary) }

        if output.json {
            try Output.printJSON(ReplayJSON(report))
        } else {
            for note in report.notes { Output.line("note: \(note)") }
            if !quitEarly {
                Output.line(report.headline)
            } else {
                Output.line("replay quit at intent #\(session.step) of \(session.totalSteps); not compared to the end")
            }
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
        if !report.isSame || quitEarly { throw ExitCode(1) }
    }

    /// The replay view: the shop's screens draw the live store while the player applies the intents. Returns when
    /// the viewer quits (or a signal ends it); throws when no terminal can be opened (nothing was replayed then).
    @MainActor
    func play(_ session: ReplaySession, storeName: String) async throws -> TerminalRunner.Outcome {
        let app = ReplayApp(
            shop: ShopApp(store: session.store, storeName: storeName), status: ReplayStatus(session, paused: false))
        let runner = TerminalRunner(program: app, options: Terminal.Options())
        app.attach(runner)
        let player = ReplayPlayer(session: session, app: app, stepDelay: .milliseconds(stepDelay))
        let terminal = try Terminal(options: runner.options)
        player.start()
        let outcome = await runner.run(on: terminal)
        player.stop()
        return outcome
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
