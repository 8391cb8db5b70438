import Foundation
import GRDB
import Hummingbird

/// The Juspay simulator: `/payments/juspay/customers` (once per user) and `/payments/juspay/create-order` (once
/// per order number; retries answer the same Juspay order). Content is nested in `data`, as Commerce Engine passes
/// Juspay through.
struct JuspayRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        let group = api.customer
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
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let userId = body.requiredString("user_id")
        try body.validate()
        try Authenticator.requireSelf(session, userId)
        let data = try await services.database.write { db -> CustomerData in
            let now = services.now()
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

    func createOrder(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let number = body.requiredString("order_number")
        let returnURL = body.requiredString("return_url")
        if !returnURL.isEmpty && URL(string: returnURL)?.scheme == nil {
            body.fail("return_url", "Must be an absolute URL")
        }
        try body.validate()
        let (order, juspay) = try await services.database.write { db in
            try JuspayOrders.findOrCreate(
                db, number: number, userId: session.userId, returnURL: returnURL, now: services.now())
        }
        let web = PaymentPages.link(
            request, paymentId: juspay.paymentId, publicURL: services.configuration.publicURL)
        let (status, statusId) = JuspayOrders.status(of: order)
        let expiry = juspay.createdAt.addingTimeInterval(OrderStore.paymentWindow)
        let data = JuspayOrderWire(
            id: juspay.id, statusId: statusId, status: status, returnUrl: juspay.returnUrl,
            paymentLinks: .init(web: web, mobile: web, iframe: web), orderId: order.orderNumber,
            juspay: .init(
                clientAuthToken: "sandbox-\(juspay.id)",
                clientAuthTokenExpiry: ISO8601DateFormatter().string(from: expiry)),
            dateCreated: juspay.createdAt, customerPhone: order.snapshot.customerPhone, customerId: order.userId,
            customerEmail: order.snapshot.customerEmail, amount: Paise(juspay.amount).decimal)
        return try Reply.ok(["data": data], message: "Juspay order created")
    }
}
