import Foundation
import GRDB

/// Cart reads and writes inside transactions, with ownership checks.
enum CartStore {
    /// The caller's active, unexpired cart `id`: 404 when missing (or not the caller's).
    static func ownCart(_ db: Database, id: String, userId: String, now: Date) throws -> CartRecord {
        guard let cart = try cart(db, id: id), cart.active, cart.expiresAt > now else {
            throw APIError.notFound("Cart not found")
        }
        guard cart.userId == userId else { throw APIError.notFound("Cart not found") }
        return cart
    }

    /// Cart `id`, active or not.
    static func cart(_ db: Database, id: String) throws -> CartRecord? {
        try CartRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM cart WHERE id = ?"), arguments: [id])
    }

    static func activeCart(_ db: Database, userId: String, now: Date) throws -> CartRecord? {
        try CartRecord.fetchOne(
            db, sql: "SELECT * FROM cart WHERE user_id = ? AND active = 1 AND expires_at > ? ORDER BY created_at DESC",
            arguments: [userId, now])
    }

    struct LineRequest: Sendable {
        var productId: String
        var variantId: String?
        var quantity: Int
    }

    /// Checks a line against the catalog (variant required when the product has variants, stock and quantity
    /// rules); throws a 400 with `details` naming `prefix`-ed fields.
    static func validate(_ db: Database, _ line: LineRequest, catalog: CatalogCache, prefix: String = "") throws {
        var issues: [FieldIssue] = []
        guard let product = try catalog.products(db, ids: [line.productId])[line.productId], product.active else {
            throw APIError.validation(field: prefix + "product_id", "Product not found")
        }
        var stock = product.stock
        if product.hasVariant {
            guard let variantId = line.variantId else {
                throw APIError.validation(field: prefix + "variant_id", "Required for a product with variants")
            }
            guard let variant = try catalog.variants(db, ids: [variantId])[variantId], variant.productId == product.id
            else {
                throw APIError.validation(field: prefix + "variant_id", "Variant not found for this product")
            }
            stock = variant.stock
        } else if line.variantId != nil {
            throw APIError.validation(field: prefix + "variant_id", "Must be null: this product has no variants")
        }
        guard line.quantity > 0 else { return }
        if !product.backorder && line.quantity > stock {
            issues.append(
                FieldIssue(
                    field: prefix + "quantity", message: stock == 0 ? "Out of stock" : "Only \(stock) left in stock"))
        } else if line.quantity > product.maxOrderQuantity {
            issues.append(
                FieldIssue(field: prefix + "quantity", message: "At most \(product.maxOrderQuantity) per order"))
        } else if line.quantity < product.minOrderQuantity {
            issues.append(
                FieldIssue(field: prefix + "quantity", message: "At least \(product.minOrderQuantity) per order"))
        } else if (line.quantity - product.minOrderQuantity) % max(1, product.incrementalQuantity) != 0 {
            issues.append(
                FieldIssue(
                    field: prefix + "quantity", message: "Must be in steps of \(product.incrementalQuantity)"))
        }
        if !issues.isEmpty { throw APIError.validation(issues) }
    }

    /// Sets a line's quantity (0 removes it).
    static func setLine(_ db: Database, cartId: String, _ line: LineRequest) throws {
        let variantKey = line.variantId ?? ""
        if line.quantity == 0 {
            try db.cachedStatement(sql: "DELETE FROM cart_item WHERE cart_id = ? AND product_id = ? AND variant_id = ?")
                .execute(arguments: [cartId, line.productId, variantKey])
            return
        }
        let position =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM cart_item WHERE cart_id = ?"),
                arguments: [cartId]) ?? 1
        try db.cachedStatement(
            sql: """
                INSERT INTO cart_item (cart_id, product_id, variant_id, quantity, position) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (cart_id, product_id, variant_id) DO UPDATE SET quantity = excluded.quantity
                """
        ).execute(arguments: [cartId, line.productId, variantKey, line.quantity, position])
    }

    static func priced(_ db: Database, _ cart: CartRecord, catalog: CatalogCache, now: Date) throws -> CartWire {
        CartPricing.wire(try CartPricing.load(db, cart: cart, catalog: catalog, now: now), now: now).0
    }
}
