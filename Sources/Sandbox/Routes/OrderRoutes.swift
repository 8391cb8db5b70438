import Foundation
import GRDB
import Hummingbird

/// `/orders`: place from a cart (Juspay payment method), list, detail, payment status, retry, cancel.
struct OrderRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        api.signedIn.post("orders") { request, context in try await create(request, context) }
        let group = api.customer
        group.get("orders") { request, context in try await list(request, context) }
        group.get("orders/:number") { request, context in try await detail(request, context) }
        group.get("orders/:number/payment-status") { request, context in try await paymentStatus(request, context) }
        group.get("orders/:number/payments") { request, context in try await payments(request, context) }
        group.post("orders/:number/retry-payment") { request, context in try await retry(request, context) }
        group.post("orders/:number/cancel") { request, context in try await cancel(request, context) }
    }

    /// Validates `payment_method` (or the legacy `payment_gateway_params`): Juspay hyper- or express-checkout, with the
    /// store's `gateway_reference_id`.
    static func paymentMethod(_ body: inout RequestBody) -> JSONValue? {
        let key = body.has("payment_method") ? "payment_method" : "payment_gateway_params"
        guard let nested = body.object(key) else { return nil }
        var method = nested
        let provider = method.string("payment_provider_slug") ?? method.string("payment_gateway")?.lowercased()
        if provider != "juspay" {
            method.fail("\(key).payment_provider_slug", "Only \"juspay\" is supported by the sandbox")
        }
        let integration = method.string("integration_type") ?? "hyper-checkout"
        if !["hyper-checkout", "express-checkout"].contains(integration) {
            method.fail("\(key).integration_type", "Must be hyper-checkout or express-checkout")
        }
        if integration == "express-checkout" {
            let type = method.string("payment_method_type")
            if !["CARD", "UPI", "NB", "WALLET"].contains(type ?? "") {
                method.fail("\(key).payment_method_type", "Must be one of CARD, UPI, NB, WALLET")
            }
        }
        // The reference id the store's payment methods endpoint gives (`GET /payments/payment-methods`).
        let reference = method.requiredString("gateway_reference_id", prefix: "\(key).")
        if !reference.isEmpty && !StorePaymentMethods.gatewayReferenceIds.contains(reference) {
            method.fail(
                "\(key).gateway_reference_id",
                "Unknown gateway reference id (one of \(StorePaymentMethods.gatewayReferenceIds.joined(separator: ", ")))"
            )
        }
        if let url = method.string("return_url"), URL(string: url)?.scheme == nil {
            method.fail("\(key).return_url", "Must be an absolute URL")
        }
        body.absorb(method)
        return .object(nested.fields)
    }

    struct CreateContent: Encodable, Sendable {
        var order: OrderWire
        var paymentRequired: Bool
        @Null var paymentInfo: PaymentInfoWire?
    }

    func create(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let cartId = body.requiredString("cart_id")
        let method = Self.paymentMethod(&body)
        try body.validate()
        let catalog = services.catalog
        let (order, payment) = try await services.database.write { db in
            try OrderStore.place(
                db, cartId: cartId, userId: session.userId, paymentMethod: method, catalog: catalog, now: services.now()
            )
        }
        let info = payment.map {
            PaymentPages.info(for: $0, order: order, request: request, publicURL: services.configuration.publicURL)
        }
        return try Reply.ok(
            CreateContent(order: OrderWire(order), paymentRequired: payment != nil, paymentInfo: info),
            message: "Order created")
    }

    struct OrderList: Encodable, Sendable {
        var orders: [OrderSummaryWire]
        var pagination: PaginationWire
    }

    func list(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let query = Query(request: request)
        if let userId = query.string("user_id") { try Authenticator.requireSelf(session, userId) }
        let (page, limit) = try query.paging(defaultLimit: 10)
        let statuses = query.list("status")
        let list = try await services.database.read { db -> OrderList in
            var sql = "FROM \"order\" WHERE user_id = ?"
            var arguments: StatementArguments = [session.userId]
            if !statuses.isEmpty {
                sql += " AND status IN (\(databaseQuestionMarks(count: statuses.count)))"
                arguments += StatementArguments(statuses)
            }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(sql)", arguments: arguments) ?? 0
            let orders = try OrderRecord.fetchAll(
                db, sql: "SELECT * \(sql) ORDER BY created_at DESC, order_number DESC LIMIT ? OFFSET ?",
                arguments: arguments + [limit, (page - 1) * limit])
            return OrderList(
                orders: orders.map(OrderSummaryWire.init),
                pagination: PaginationWire(total: total, page: page, limit: limit))
        }
        return try Reply.ok(list, message: "Orders retrieved")
    }

    func detail(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let number = try context.parameters.require("number")
        let order = try await services.database.read { db in
            try OrderStore.ownOrder(db, number: number, userId: session.userId)
        }
        return try Reply.ok(["order": OrderWire(order)], message: "Order retrieved")
    }

    struct PaymentStatusWire: Encodable, Sendable {
        var status: String
        var amountPaid: Paise
        var amountUnpaid: Paise
        var isRetryAvailable: Bool
    }

    func paymentStatus(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let number = try context.parameters.require("number")
        let status = try await services.database.read { db -> PaymentStatusWire in
            let order = try OrderStore.ownOrder(db, number: number, userId: session.userId)
            return PaymentStatusWire(
                status: order.paymentStatus, amountPaid: Paise(order.amountPaid),
                amountUnpaid: Paise(max(0, order.toBePaid - order.amountPaid)),
                isRetryAvailable: try OrderStore.isRetryAvailable(db, order, now: services.now()))
        }
        return try Reply.ok(status, message: "Payment status retrieved")
    }

    struct PaymentWire: Encodable, Sendable {
        var transactionType: String
        var requestNumber: String
        var amount: Paise
        var paymentStatus: String
        @Null var paymentDate: Date?
        var paymentReferenceNumber: String
        var paymentMethod: String
        /// The sandbox's hosted page takes no card: no method icon, card number or card type to show.
        @Null var iconUrl: String?
        @Null var cardNumber: String?
        @Null var cardType: String?
    }

    func payments(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let number = try context.parameters.require("number")
        let payments = try await services.database.read { db -> [PaymentWire] in
            _ = try OrderStore.ownOrder(db, number: number, userId: session.userId)
            return try PaymentRecord.filter(Column("order_number") == number).order(Column("created_at")).fetchAll(db)
                .map {
                    PaymentWire(
                        transactionType: "payment", requestNumber: $0.id, amount: Paise($0.amount),
                        paymentStatus: $0.status, paymentDate: $0.settledAt, paymentReferenceNumber: $0.id,
                        paymentMethod: "juspay", iconUrl: nil, cardNumber: nil, cardType: nil)
                }
        }
        return try Reply.ok(["payments": payments], message: "Payments retrieved")
    }

    func retry(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let number = try context.parameters.require("number")
        var body = try await RequestBody.read(request, context: context)
        let method = Self.paymentMethod(&body)
        try body.validate()
        let (order, payment) = try await services.database.write { db -> (OrderRecord, PaymentRecord) in
            let now = services.now()
            var order = try OrderStore.ownOrder(db, number: number, userId: session.userId)
            guard order.paymentStatus != "success" else { throw APIError.conflict("Order is already paid") }
            guard try OrderStore.isRetryAvailable(db, order, now: now) else {
                throw APIError.conflict("A payment is still in progress; retry after it fails or in 15 minutes")
            }
            let payment = try OrderStore.openPayment(db, order: &order, returnURL: method?.returnURL, now: now)
            return (order, payment)
        }
        return try Reply.ok(
            [
                "payment_info": PaymentPages.info(
                    for: payment, order: order, request: request, publicURL: services.configuration.publicURL)
            ],
            message: "Payment retried")
    }

    func cancel(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let number = try context.parameters.require("number")
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let reason = body.requiredString("cancellation_reason")
        let mode = body.oneOf("refund_mode", ["original_payment_mode", "bank_transfer"])
        if mode == "bank_transfer" { _ = body.requiredString("bank_account_id") }
        _ = body.string("feedback")
        try body.validate()
        let order = try await services.database.write { db -> OrderRecord in
            var order = try OrderStore.ownOrder(db, number: number, userId: session.userId)
            try OrderStore.cancel(db, &order, reason: reason, now: services.now())
            return order
        }
        return try Reply.ok(["order": OrderWire(order)], message: "Order cancelled")
    }
}
