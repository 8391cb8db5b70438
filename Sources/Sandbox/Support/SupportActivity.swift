import Foundation
import GRDB

/// What support needs to find a customer that the storefront tables do not keep: when a cart last changed
/// (`cart.modified_at`, kept by triggers) and where a cart went when its user signed in or out (`cart_move`).
enum SupportActivity {
    /// The time format GRDB stores dates in (UTC), for triggers that write a date.
    private static let sqliteNow = "strftime('%Y-%m-%d %H:%M:%f', 'now')"

    static func install(_ db: Database) throws {
        try db.alter(table: "cart") { t in t.add(column: "modified_at", .datetime) }
        // Any change to a cart's lines or settings marks the cart (not the marking itself: no recursion).
        for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
            try db.execute(
                sql: """
                    CREATE TRIGGER cart_item_\(event.lowercased())_touches_cart AFTER \(event) ON cart_item
                    BEGIN UPDATE cart SET modified_at = \(sqliteNow) WHERE id = \(row).cart_id; END
                    """)
        }
        try db.execute(
            sql: """
                CREATE TRIGGER cart_update_touches_cart AFTER UPDATE OF user_id, active, coupon_code,
                  loyalty_points_requested, credit_balance_requested, gift_card_code, billing_address,
                  shipping_address, fulfillment, customer_note, metadata ON cart
                BEGIN UPDATE cart SET modified_at = \(sqliteNow) WHERE id = NEW.id; END
                """)
        try db.create(table: "cart_move") { t in
            t.primaryKey("from_user_id", .text)
            t.column("to_user_id", .text).notNull()
            t.column("cart_id", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("moved_at", .datetime).notNull()
        }
        try ChangeCounters.installTriggers(db, on: "cart_move")
    }

    /// Why a cart moved to another user.
    enum MoveReason: String {
        case signIn = "sign-in"
        case signOut = "sign-out"
    }

    /// Notes that `from`'s cart is now `cartId` of `to` (the latest move of a user replaces the one before).
    static func recordMove(
        _ db: Database, from: String, to: String, cartId: String, reason: MoveReason, now: Date
    ) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO cart_move (from_user_id, to_user_id, cart_id, reason, moved_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [from, to, cartId, reason.rawValue, now])
    }
}
