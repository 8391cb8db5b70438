import ArgumentParser
import Foundation
import ShopCore
import ShopTUI
import StorefrontAPI

/// How the TUI draws: the shop's and the support view's flags.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .long, help: "No colours (NO_COLOR in the environment does the same).")
    var noColor = false

    @Flag(name: .long, help: "Plain ASCII borders, marks and currency (Rs.).")
    var ascii = false

    @Flag(name: .long, help: "Mouse wheel and clicks (the terminal's own text selection then needs shift).")
    var mouse = false

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Payment links clickable (OSC 8) or not, overriding the guess from the terminal.",
            discussion:
                "Without either flag: STOREFRONT_HYPERLINKS=1 or 0 if set, else a guess from the terminal; inside tmux only tmux 3.4 or later whose outer terminal has the 'hyperlinks' feature."
        ))
    var hyperlinks: Bool?

    /// The options as plain values.
    var choice: DisplayChoice {
        DisplayChoice(noColor: noColor, ascii: ascii, mouse: mouse, hyperlinks: hyperlinks)
    }

    var terminalOptions: Terminal.Options { choice.terminalOptions }

    /// The TUI on this terminal needs one: exit status 2 otherwise.
    static func requireTerminal(_ hint: String = "run it in one") throws {
        guard isatty(0) == 1 else {
            FileHandle.standardError.write(Data("storefront: standard input is not a terminal; \(hint).\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Runs the shop's TUI with these options (``DisplayChoice/run(_:storeName:connection:first:paymentLinks:)``).
    @MainActor
    func run(
        _ shop: Store, storeName: String, connection: StoreConnection, first: [Action] = [],
        paymentLinks: PaymentLinkPolicy = .asGiven
    ) async throws {
        try await choice.run(
            shop, storeName: storeName, connection: connection, first: first, paymentLinks: paymentLinks)
    }
}

/// The display options as plain values (``DisplayOptions/choice``); `DisplayChoice()` is what no option gives.
struct DisplayChoice: Equatable {
    var noColor = false
    var ascii = false
    var mouse = false
    var hyperlinks: Bool?

    var terminalOptions: Terminal.Options {
        Terminal.Options(noColor: noColor, ascii: ascii, mouse: mouse, hyperlinks: hyperlinks)
    }

    /// Runs the shop's TUI for `shop` until it quits, then stops its effects and closes `connection`. A sandbox
    /// that is not started yet starts once the first frame is on the screen.
    @MainActor
    func run(
        _ shop: Store, storeName: String, connection: StoreConnection, first: [Action] = [],
        paymentLinks: PaymentLinkPolicy = .asGiven
    ) async throws {
        let app = ShopApp(store: shop, storeName: storeName)
        app.paymentLinks = paymentLinks
        app.cartRecheck = CartRecheck(store: shop)
        let runner = TerminalRunner(program: app, options: terminalOptions)
        app.attach(runner)
        runner.onFirstFrame = {
            connection.start()
            connection.loadTransport()
            // The first answers' decoding while the store is awaited (#18, DecodingWarmUp).
            Task.detached(priority: .userInitiated) { DecodingWarmUp.run() }
        }
        shop.send(.appStarted)
        for action in first { shop.send(action) }
        let outcome: TerminalRunner.Outcome
        do {
            outcome = try await runner.run()
        } catch {
            shop.cancelAll()
            await connection.close()
            FileHandle.standardError.write(Data("storefront: \(error)\n".utf8))
            throw ExitCode(1)
        }
        shop.cancelAll()
        // A sandbox that could not start was shown in the shop; it is said again on the restored terminal.
        let startFailure = await connection.startFailure()
        await connection.close()
        if let startFailure {
            FileHandle.standardError.write(Data("storefront: the sandbox store did not start: \(startFailure)\n".utf8))
            throw ExitCode(1)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
