import Foundation
import GRDB

/// On login, what the anonymous session collected (cart, wishlist) moves to the user.
enum SessionCarryOver {
    /// On logout the device keeps the cart: the account's active cart moves to the new anonymous session (and comes
    /// back, merged, at the next login).
    static func handOver(_ db: Database, from userId: String, to anonymousId: String, now: Date) throws {
        let carts = try String.fetchAll(
            db, sql: "SELECT id FROM cart WHERE user_id = ? AND active = 1", arguments: [userId])
        try CartRecord.filter(Column("user_id") == userId && Column("active") == true)
            .updateAll(db, Column("user_id").set(to: anonymousId))
        if let cart = carts.last {
            try SupportActivity.recordMove(db, from: userId, to: anonymousId, cartId: cart, reason: .signOut, now: now)
        }
    }

    static func carryOver(_ db: Database, from anonymousId: String, to userId: String, now: Date) throws {
        guard anonymousId != userId else { return }
        let anonymousCart = try CartRecord.fetchOne(
            db, sql: "SELECT * FROM cart WHERE user_id = ? AND active = 1 ORDER BY created_at DESC",
            arguments: [anonymousId])
        if let anonymousCart {
            if let userCart = try CartRecord.fetchOne(
                db, sql: "SELECT * FROM cart WHERE user_id = ? AND active = 1 ORDER BY created_at DESC",
                arguments: [userId])
            {
                let items = try CartItemRecord.filter(Column("cart_id") == anonymousCart.id).fetchAll(db)
                var position =
                    try Int.fetchOne(
                        db, sql: "SELECT COALESCE(MAX(position), 0) FROM cart_item WHERE cart_id = ?",
                        arguments: [userCart.id]) ?? 0
                for item in items {
                    position += 1
                    try db.execute(
                        sql: """
                            INSERT INTO cart_item (cart_id, product_id, variant_id, quantity, position)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (cart_id, product_id, variant_id) DO UPDATE SET quantity = MIN(
                              quantity + excluded.quantity,
                              (SELECT max_order_quantity FROM product WHERE id = excluded.product_id))
                            """,
                        arguments: [userCart.id, item.productId, item.variantId, item.quantity, position])
                }
                try anonymousCart.update(db, columns: ["active"]) { $0.active = false }
                try SupportActivity.recordMove(
                    db, from: anonymousId, to: userId, cartId: userCart.id, reason: .signIn, now: now)
            } else {
                try anonymousCart.update(db, columns: ["user_id"]) { $0.userId = userId }
                try SupportActivity.recordMove(
                    db, from: anonymousId, to: userId, cartId: anonymousCart.id, reason: .signIn, now: now)
            }
        }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO wishlist_item (user_id, product_id, variant_id, position)
                SELECT ?, product_id, variant_id, position FROM wishlist_item WHERE user_id = ?
                """,
            arguments: [userId, anonymousId])
        try db.execute(sql: "DELETE FROM wishlist_item WHERE user_id = ?", arguments: [anonymousId])
    }
}
