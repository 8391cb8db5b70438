import Foundation
import GRDB

/// Settles an order's payment, as the payment page's Pay / Fail buttons do.
public enum SandboxPayments {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// What `storefront sandbox pay ORDER [--fail]` does, directly on the database file.
    public static func settle(orderNumber: String, fail: Bool, databasePath: String) throws {
        let database = try SandboxDatabase.open(path: databasePath)
        try database.pool.write { db in
            try PaymentSettlement.settle(db, orderNumber: orderNumber, paymentId: nil, fail: fail, now: Date())
        }
    }
}

/// Moves an order's payment status; shared by the payment page, the Juspay simulator and the CLI.
enum PaymentSettlement {
    static func settle(_ db: Database, orderNumber: String, paymentId: String?, fail: Bool, now: Date) throws {
        guard var order = try OrderRecord.fetchOne(db, key: orderNumber) else {
            throw SandboxPayments.Failure(description: "No order \(orderNumber)")
        }
        guard order.paymentStatus != "success" else {
            throw SandboxPayments.Failure(description: "Order \(orderNumber) is already paid")
        }
        guard order.status != "cancelled" else {
            throw SandboxPayments.Failure(description: "Order \(orderNumber) is cancelled")
        }
        var payment: PaymentRecord
        if let paymentId {
            guard let found = try PaymentRecord.fetchOne(db, key: paymentId), found.orderNumber == orderNumber else {
                throw SandboxPayments.Failure(description: "No payment \(paymentId) for order \(orderNumber)")
            }
            payment = found
        } else if let latest = try OrderStore.latestPayment(db, orderNumber) {
            payment = latest
        } else {
            payment = PaymentRecord(
                id: IDs.make(now: now), orderNumber: orderNumber, amount: order.toBePaid - order.amountPaid,
                status: "pending", returnUrl: nil, createdAt: now, settledAt: nil)
            try payment.insert(db)
        }
        guard payment.status == "pending" else {
            throw SandboxPayments.Failure(description: "Payment \(payment.id) is already \(payment.status)")
        }
        payment.status = fail ? "failed" : "success"
        payment.settledAt = now
        try payment.update(db)
        if fail {
            order.paymentStatus = "failed"
        } else {
            order.amountPaid += payment.amount
            order.paymentStatus = order.amountPaid >= order.toBePaid ? "success" : "partially_paid"
            if order.paymentStatus == "success" {
                order.status = "confirmed"
                order.paymentSuccessAt = now
            }
        }
        try order.update(db)
        if order.paymentStatus == "success" { try OrderStore.awardLoyalty(db, order) }
    }
}
