import ArgumentParser
import Foundation
import ShopCore
import StorefrontAPI

/// `storefront cart show|export|import`: the current session's cart from a shell.
struct CartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cart", abstract: "Show, export or import the current session's cart.",
        subcommands: [Show.self, Export.self, Import.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the cart and its totals.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let (cart, storeKey, userID) = try await CartCommand.sessionCart(store)
            if output.json {
                try Output.printJSON(
                    cart.map { CartSnapshot(cart: $0, store: storeKey, userID: userID, withPII: false) })
                return
            }
            CartCommand.printCart(cart)
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a versioned JSON snapshot of the cart (personal data masked unless --with-pii).")
        @OptionGroup var store: StoreOptions
        @Option(help: "File to write (default: standard output).") var out: String?
        @Flag(name: .customLong("with-pii"), help: "Keep names, phones, emails and address lines.") var withPII = false

        func run() async throws {
            let (cart, storeKey, userID) = try await CartCommand.sessionCart(store)
            guard let cart, !cart.cartItems.isEmpty else { throw CommandFailure("There is no cart to export.") }
            let data = try CartSnapshot(cart: cart, store: storeKey, userID: userID, withPII: withPII)
                .encoded()
            if let out {
                do {
                    // Personal data is for its owner's eyes only: 0600, as the token and recording files.
                    if withPII {
                        try PrivateFile.write(data, to: out)
                    } else {
                        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                    }
                } catch {
                    throw CommandFailure("Can't write \(out): \(error.localizedDescription)")
                }
                Output.line("Exported \(cart.cartItems.count) line(s) to \(out).")
            } else {
                FileHandle.standardOutput.write(data)
                Output.line("")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Rebuild a snapshot's cart in this session; prints how today's prices differ.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A snapshot written by `storefront cart export`.") var file: String
        @Flag(help: "Replace the lines of a cart this session already has.") var replace = false
        @Flag(help: "Import a snapshot exported from another store.") var force = false

        func run() async throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure("Can't read \(file): \(error.localizedDescription)")
            }
            let snapshot: CartSnapshot
            do {
                snapshot = try CartSnapshot.decode(data)
            } catch {
                throw CommandFailure(error.errorDescription ?? "\(error)")
            }
            let target = try store.announcedTarget()
            // Another store's product ids and prices are not this one's: import only when asked to.
            if snapshot.store != target.storeKey && !force {
                throw CommandFailure(
                    "\(file) was exported from store \(snapshot.store); this is store \(target.storeKey). "
                        + "Pass --force to import it anyway.")
            }
            let connection = try await StoreConnection.open(target)
            let report: CartImport.Report
            do {
                report = try await CartImport.run(snapshot, api: .live(connection.client), replace: replace)
            } catch let failure as CartImport.Failure {
                await connection.close()
                throw CommandFailure(failure.errorDescription ?? "\(failure)")
            }
            await connection.close()
            if output.json {
                struct Result: Encodable {
                    var identical: Bool
                    var lineDifferences: [String]
                    var totalDifferences: [String]
                }
                try Output.printJSON(
                    Result(
                        identical: report.isIdentical, lineDifferences: report.lineDifferences,
                        totalDifferences: report.totalDifferences))
            } else {
                report.summary.forEach(Output.line)
            }
        }
    }

    /// The session's cart (nil when it has none), the store's key and the session's user id; the connection is
    /// closed before it returns.
    static func sessionCart(_ store: StoreOptions) async throws -> (cart: Cart?, storeKey: String, userID: String?) {
        let connection = try await StoreConnection.open(try store.announcedTarget())
        let result = await Result { try await Failing.api { try await connection.client.userCart(userID: nil) } }
        let userID = await connection.client.peekSession()?.userId
        await connection.close()
        return (try result.get(), connection.storeKey, userID)
    }

    /// The cart's lines and totals, as `cart show` and the kiosk's `cart` print them.
    static func printCart(_ cart: Cart?) {
        guard let cart, !cart.cartItems.isEmpty else {
            Output.line("The cart is empty.")
            return
        }
        for item in cart.cartItems {
            Output.line(
                Output.pad(item.displayName, 40) + Output.padLeft("× \(item.quantity)", 6)
                    + Output.padLeft(item.lineTotal.formatted(), 16))
        }
        for (name, value) in CartSnapshot.Totals(cart: cart).named {
            Output.line(Output.pad(name, 46) + Output.padLeft(value, 16))
        }
    }
}

/// Turns API errors into one-line failures.
enum Failing {
    /// Runs `body`; when the saved session was refused (``APIError/signedOut``: the client has started a guest
    /// session), says so on stderr and runs it once more on the new session.
    static func api<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch APIError.signedOut {
            FileHandle.standardError.write(
                Data("storefront: the store did not accept the saved session; continuing as a new guest.\n".utf8))
            do {
                return try await body()
            } catch let error as APIError {
                throw CommandFailure(error.message)
            }
        } catch let error as APIError {
            throw CommandFailure(error.message)
        }
    }
}
