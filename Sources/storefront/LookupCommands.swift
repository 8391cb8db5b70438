import ArgumentParser
import Foundation
import StorefrontAPI

/// `storefront order status N`.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: "Look up an order.", subcommands: [Status.self])

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Print an order's status and payment status.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The order number.") var number: String

        func run() async throws {
            let connection = try await StoreConnection.open(try store.announcedTarget())
            let result = await Result { () async throws -> (Order, PaymentStatus) in
                let order = try await Failing.api { try await connection.client.order(number) }
                let payment = try await Failing.api { try await connection.client.paymentStatus(orderNumber: number) }
                return (order, payment)
            }
            await connection.close()
            let (order, payment) = try result.get()
            if output.json {
                struct Status: Encodable {
                    var orderNumber: String
                    var status: String?
                    var paymentStatus: String
                    var toBePaid: Money
                    var amountPaid: Money?
                    var isRetryAvailable: Bool
                }
                try Output.printJSON(
                    Status(
                        orderNumber: order.orderNumber, status: order.status?.rawValue,
                        paymentStatus: payment.status.rawValue,
                        toBePaid: order.toBePaid, amountPaid: payment.amountPaid,
                        isRetryAvailable: payment.isRetryAvailable))
            } else {
                Output.line("Order \(order.orderNumber): \(order.status?.rawValue ?? "unknown")")
                Output.line("Payment: \(payment.status.rawValue), to be paid \(order.toBePaid.formatted())")
            }
        }
    }
}

/// `storefront products search Q`.
struct ProductsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products", abstract: "Search the catalog.", subcommands: [Search.self])

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "search", abstract: "Search products by text.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Results to show.") var limit = 20
        @Argument(help: "What to look for.") var query: String

        func validate() throws {
            guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("Give some text to search for.")
            }
            guard (1...100).contains(limit) else { throw ValidationError("--limit must be 1 to 100.") }
        }

        func run() async throws {
            let connection = try await StoreConnection.open(try store.announcedTarget())
            let result = await Result { () async throws -> SearchResult in
                try await Failing.api { try await connection.client.search(SearchRequest(query: query, limit: limit)) }
            }
            await connection.close()
            let found = try result.get()
            if output.json {
                try Output.printJSON(found.skus)
                return
            }
            if found.skus.isEmpty { Output.line("No products match \"\(query)\".") }
            for item in found.skus {
                Output.line(
                    Output.pad(item.displayName, 48)
                        + Output.padLeft(item.pricing?.sellingPrice.formatted() ?? "", 14)
                        + (item.stockAvailable || item.backorder ? "" : "  out of stock"))
            }
        }
    }
}

extension Result where Failure == any Error {
    /// `Result(catching:)` for async bodies.
    init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
