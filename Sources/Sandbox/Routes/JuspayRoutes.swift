import Foundation
import GRDB
import Hummingbird

/// The Juspay simulator: `/payments/juspay/customers` and `/payments/juspay/create-order` (content nested in
/// `data`, as Commerce Engine passes Juspay through).
struct JuspayRoutes {
    let services: SandboxServices
    let auth: Authenticator

    func register(on group: RouterGroup<SandboxContext>) {
        group.post("payments/juspay/customers") { request, context in try await customer(request, context) }
        group.post("payments/juspay/create-order") { request, context in try await createOrder(request, context) }
    }

    struct CustomerData: Encodable, Sendable {
        var id: String
        var object: String
        var objectReferenceId: String
        @Null var mobileNumber: String?
        @Null var emailAddress: String?
        @Null var firstName: String?
        @Null var lastName: String?
        var dateCreated: Date
        var lastUpdated: Date
        var mobileCountryCode: String
    }

    func customer(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let userId = body.requiredString("user_id")
        try body.validate()
        try Authenticator.requireSelf(session, userId)
        let data = try await services.database.write { db -> CustomerData in
            let now = Date()
            guard let user = try UserRecord.fetchOne(db, key: userId) else { throw APIError.notFound("User not found") }
            try db.execute(
                sql: "INSERT OR IGNORE INTO juspay_customer (id, user_id, created_at) VALUES (?, ?, ?)",
                arguments: ["cst_\(IDs.make(now: now).lowercased())", userId, now])
            let row = try Row.fetchOne(db, sql: "SELECT * FROM juspay_customer WHERE user_id = ?", arguments: [userId])
            let created: Date = row?["created_at"] ?? now
            return CustomerData(
                id: row?["id"] ?? "", object: "customer", objectReferenceId: userId, mobileNumber: user.phone,
                emailAddress: user.email, firstName: user.firstName, lastName: user.lastName, dateCreated: created,
                lastUpdated: now, mobileCountryCode: "91")
        }
        return try Reply.ok(["data": data], message: "Juspay customer created")
    }

    struct OrderData: Encodable, Sendable {
        var id: String
        var orderId: String
        var merchantId: String
        var status: String
        var statusId: Int
        var amount: Decimal
        var amountRefunded: Decimal
        var refunded: Bool
        var currency: String
        var returnUrl: String
        var productId: String
        var customerId: String
        @Null var customerEmail: String?
        @Null var customerPhone: String?
        var paymentLinks: PaymentLinksWire
        var juspay: [String: String]
        var dateCreated: Date
        var udf1: String
        var udf2: String
    }

    func createOrder(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let number = body.requiredString("order_number")
        let returnURL = body.requiredString("return_url")
        if !returnURL.isEmpty && URL(string: returnURL)?.scheme == nil {
            body.fail("return_url", "Must be an absolute URL")
        }
        try body.validate()
        let (order, payment) = try await services.database.write { db -> (OrderRecord, PaymentRecord) in
            let now = Date()
            var order = try OrderStore.ownOrder(db, number: number, userId: session.userId)
            guard order.status != "cancelled" else { throw APIError.conflict("Order is cancelled") }
            guard order.paymentStatus != "success" else { throw APIError.conflict("Order is already paid") }
            if var pending = try OrderStore.latestPayment(db, number), pending.status == "pending" {
                pending.returnUrl = returnURL
                try pending.update(db)
                return (order, pending)
            }
            return (order, try OrderStore.openPayment(db, order: &order, returnURL: returnURL, now: now))
        }
        let info = PaymentPages.info(
            for: payment, order: order, request: request, publicURL: services.configuration.publicURL)
        let user = order.snapshot
        let data = OrderData(
            id: "ordeh_\(payment.id.lowercased())", orderId: order.orderNumber, merchantId: "sandbox", status: "NEW",
            statusId: 10, amount: Paise(payment.amount).decimal, amountRefunded: 0, refunded: false, currency: "INR",
            returnUrl: returnURL, productId: "", customerId: order.userId, customerEmail: user.customerEmail,
            customerPhone: user.customerPhone, paymentLinks: info.paymentLinks,
            juspay: [
                "client_auth_token": "sandbox-\(payment.id)",
                "client_auth_token_expiry": ISO8601DateFormatter().string(from: info.orderExpiry),
            ],
            dateCreated: payment.createdAt, udf1: "", udf2: "")
        return try Reply.ok(["data": data], message: "Juspay order created")
    }
}
