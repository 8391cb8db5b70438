import Foundation
import GRDB

/// Placing, paying and cancelling orders, inside write transactions.
enum OrderStore {
    static let paymentWindow: TimeInterval = 15 * 60

    /// The caller's order (404 for anyone else's).
    static func ownOrder(_ db: Database, number: String, userId: String) throws -> OrderRecord {
        guard let order = try OrderRecord.fetchOne(db, key: number), order.userId == userId else {
            throw APIError.notFound("Order not found")
        }
        return order
    }

    static func newOrderNumber(_ db: Database) throws -> String {
        while true {
            let number = "ORD-\(IDs.digits(8))"
            if try OrderRecord.fetchOne(db, key: number) == nil { return number }
        }
    }

    /// Turns the cart into an order: re-checks stock and serviceability, takes stock, loyalty points, credit
    /// balance and gift card balance, counts the coupon use, deactivates the cart and opens a payment when
    /// something is left to pay.
    static func place(
        _ db: Database, cartId: String, userId: String, paymentMethod: JSONValue?, catalog: CatalogCache, now: Date
    ) throws -> (OrderRecord, PaymentRecord?) {
        let cart = try CartStore.ownCart(db, id: cartId, userId: userId, now: now)
        let loaded = try CartPricing.load(db, cart: cart, catalog: catalog, now: now)
        guard !loaded.items.isEmpty else { throw APIError.badRequest("Cart is empty", code: "EMPTY_CART") }
        var issues: [FieldIssue] = []
        if cart.billingAddress == nil {
            issues.append(.init(field: "billing_address", message: "Cart has no billing address"))
        }
        if cart.shippingAddress == nil {
            issues.append(.init(field: "shipping_address", message: "Cart has no shipping address"))
        }
        if !issues.isEmpty { throw APIError.validation(issues) }
        if cart.fulfillment?.fulfillmentType != "collect-in-store", let address = cart.shippingAddress {
            if !(try Pincodes.lookup(db, address.pincode).serviceable) {
                throw APIError.unprocessable("Pincode \(address.pincode) is not serviceable", code: "NOT_SERVICEABLE")
            }
        }
        // Stock: checked and taken in this transaction, so concurrent orders cannot oversell.
        for item in loaded.items {
            guard let product = loaded.products[item.productId] else { continue }
            if item.variantId.isEmpty {
                let stock =
                    try Int.fetchOne(db, sql: "SELECT stock FROM product WHERE id = ?", arguments: [product.id]) ?? 0
                if !product.backorder && stock < item.quantity {
                    throw APIError(
                        status: .conflict, code: "INSUFFICIENT_STOCK",
                        message: "\(product.name): only \(max(0, stock)) left in stock")
                }
            } else {
                let stock =
                    try Int.fetchOne(db, sql: "SELECT stock FROM variant WHERE id = ?", arguments: [item.variantId])
                    ?? 0
                if !product.backorder && stock < item.quantity {
                    throw APIError(
                        status: .conflict, code: "INSUFFICIENT_STOCK",
                        message: "\(product.name): only \(max(0, stock)) left in stock")
                }
                try db.execute(
                    sql: "UPDATE variant SET stock = MAX(0, stock - ?) WHERE id = ?",
                    arguments: [item.quantity, item.variantId])
            }
            try db.execute(
                sql: "UPDATE product SET stock = MAX(0, stock - ?) WHERE id = ?",
                arguments: [item.quantity, product.id])
        }
        let (wire, result) = CartPricing.wire(loaded, now: now)
        var snapshot = wire
        snapshot.active = false
        if result.couponRejection != nil { snapshot.couponCode = nil }
        let number = try newOrderNumber(db)
        try UserRecord.filter(key: userId).updateAll(
            db, Column("loyalty_points") -= result.loyaltyPointsRedeemed,
            Column("credit_balance") -= result.creditBalanceUsed)
        if result.giftCardAmount > 0, let code = cart.giftCardCode {
            try GiftCardRecord.filter(key: code).updateAll(db, Column("balance") -= result.giftCardAmount)
        }
        if result.couponDiscountAmount > 0, let code = cart.couponCode {
            try CouponRecord.filter(key: code).updateAll(db, Column("redemption_count") += 1)
            try db.execute(
                sql: "INSERT INTO coupon_redemption (code, user_id, order_number) VALUES (?, ?, ?)",
                arguments: [code, userId, number])
        }
        try cart.update(db, columns: ["active"]) { $0.active = false }
        let paymentRequired = result.toBePaid > 0
        var order = OrderRecord(
            orderNumber: number, userId: userId, cartId: cart.id, status: paymentRequired ? "pending" : "confirmed",
            paymentStatus: paymentRequired ? "pending" : "success", toBePaid: result.toBePaid, amountPaid: 0,
            snapshot: snapshot, paymentMethod: paymentMethod, cancellationReason: nil, createdAt: now,
            paymentSuccessAt: paymentRequired ? nil : now)
        try order.insert(db)
        guard paymentRequired else {
            try awardLoyalty(db, order)
            return (order, nil)
        }
        let payment = try openPayment(db, order: &order, returnURL: paymentMethod?.returnURL, now: now)
        return (order, payment)
    }

    /// The order's pending payment, if any, fails (a new one replaces it, or the order is cancelled).
    static func failPendingPayments(_ db: Database, orderNumber: String, now: Date) throws {
        try PaymentRecord.filter(Column("order_number") == orderNumber && Column("status") == "pending")
            .updateAll(db, Column("status").set(to: "failed"), Column("settled_at").set(to: now))
    }

    /// A new pending payment for what is left to pay.
    static func openPayment(_ db: Database, order: inout OrderRecord, returnURL: String?, now: Date) throws
        -> PaymentRecord
    {
        try failPendingPayments(db, orderNumber: order.orderNumber, now: now)
        let payment = PaymentRecord(
            id: IDs.make(now: now), orderNumber: order.orderNumber, amount: order.toBePaid - order.amountPaid,
            status: "pending", returnUrl: returnURL, createdAt: now, settledAt: nil)
        try payment.insert(db)
        if order.paymentStatus == "failed" {
            order.paymentStatus = "pending"
            try order.update(db)
        }
        return payment
    }

    static func awardLoyalty(_ db: Database, _ order: OrderRecord) throws {
        try UserRecord.filter(key: order.userId).updateAll(
            db, Column("loyalty_points") += order.snapshot.loyaltyPointsEarned)
    }

    static func latestPayment(_ db: Database, _ orderNumber: String) throws -> PaymentRecord? {
        try PaymentRecord.filter(Column("order_number") == orderNumber).order(
            Column("created_at").desc, Column("id").desc
        )
        .fetchOne(db)
    }

    /// Retry is available once the last attempt failed, or 15 minutes after it was requested.
    static func isRetryAvailable(_ db: Database, _ order: OrderRecord, now: Date) throws -> Bool {
        guard order.status != "cancelled", order.paymentStatus != "success" else { return false }
        guard let last = try latestPayment(db, order.orderNumber) else { return true }
        return last.status == "failed" || now.timeIntervalSince(last.createdAt) >= paymentWindow
    }

    /// Cancels: gives back stock, loyalty points, credit balance and gift card balance.
    static func cancel(_ db: Database, _ order: inout OrderRecord, reason: String, now: Date) throws {
        guard OrderDetailsWire.cancellableStatuses.contains(order.status) else {
            throw APIError.unprocessable("Order \(order.orderNumber) can no longer be cancelled (\(order.status))")
        }
        let cart = order.snapshot
        for item in cart.cartItems {
            if let variantId = item.variantId {
                try VariantRecord.filter(key: variantId).updateAll(db, Column("stock") += item.quantity)
            }
            try ProductRecord.filter(key: item.productId).updateAll(db, Column("stock") += item.quantity)
        }
        var earnedBack = 0
        if order.paymentStatus == "success" { earnedBack = cart.loyaltyPointsEarned }
        try UserRecord.filter(key: order.userId).updateAll(
            db, Column("loyalty_points") += cart.loyaltyPointsRedeemed - earnedBack,
            Column("credit_balance") += cart.creditBalanceUsed.value)
        if cart.giftCardAmount.value > 0, let code = cart.giftCardCode {
            try GiftCardRecord.filter(key: code).updateAll(db, Column("balance") += cart.giftCardAmount.value)
        }
        try failPendingPayments(db, orderNumber: order.orderNumber, now: now)
        order.status = "cancelled"
        order.cancellationReason = reason
        try order.update(db)
    }
}

extension JSONValue {
    /// `return_url` of a payment method payload.
    var returnURL: String? {
        if case .object(let fields) = self, case .string(let url)? = fields["return_url"] { return url }
        return nil
    }
}
