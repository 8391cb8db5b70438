import Foundation
import GRDB

/// The Juspay order of a store order: made once, answered again by every later `create-order` for that order.
struct JuspayOrderRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "juspay_order"
    var orderNumber: String
    var id: String
    var paymentId: String
    var amount: Int
    var returnUrl: String
    var createdAt: Date
}

enum JuspayOrders {
    /// The order's Juspay order, made on the first call (on its pending payment, or a new one); later calls return
    /// the same one whatever their `return_url`, as Juspay does for an `order_id` it already has.
    static func findOrCreate(_ db: Database, number: String, userId: String, returnURL: String, now: Date) throws
        -> (OrderRecord, JuspayOrderRecord)
    {
        var order = try OrderStore.ownOrder(db, number: number, userId: userId)
        if var existing = try JuspayOrderRecord.fetchOne(db, key: number) {
            // A payment retried since: the Juspay order (one per order, as Juspay keeps it) pays the new attempt.
            if let latest = try OrderStore.latestPayment(db, number), latest.status == "pending",
                latest.id != existing.paymentId
            {
                existing.paymentId = latest.id
                existing.amount = latest.amount
                try existing.update(db)
            }
            return (order, existing)
        }
        guard order.status != "cancelled" else { throw APIError.conflict("Order is cancelled") }
        guard order.paymentStatus != "success" else { throw APIError.conflict("Order is already paid") }
        let payment: PaymentRecord
        if var pending = try OrderStore.latestPayment(db, number), pending.status == "pending" {
            pending.returnUrl = returnURL
            try pending.update(db)
            payment = pending
        } else {
            payment = try OrderStore.openPayment(db, order: &order, returnURL: returnURL, now: now)
        }
        let record = JuspayOrderRecord(
            orderNumber: number, id: "ordeh_\(payment.id.lowercased())", paymentId: payment.id,
            amount: payment.amount, returnUrl: returnURL, createdAt: now)
        try record.insert(db)
        return (order, record)
    }

    /// Juspay's order status (and its numeric id, which Commerce Engine passes on as a string) for the store
    /// order's payment status.
    static func status(of order: OrderRecord) -> (status: String, id: String) {
        switch order.paymentStatus {
        case "success": ("CHARGED", "21")
        case "failed": ("AUTHORIZATION_FAILED", "27")
        default: ("NEW", "10")
        }
    }
}
