import Foundation
import GRDB
import Hummingbird

/// `/wishlist/{user_id}`: GET, POST and DELETE (JSON body) all answer `{products: Item[]}`.
struct WishlistRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        api.customer.get("wishlist/:user") { request, context in try await handle(request, context, change: nil) }
        api.customer.post("wishlist/:user") { request, context in try await handle(request, context, change: .add) }
        api.customer.delete("wishlist/:user") { request, context in
            try await handle(request, context, change: .remove)
        }
    }

    enum Change { case add, remove }

    func handle(_ request: Request, _ context: SandboxContext, change: Change?) async throws -> Response {
        let session = try context.requireSession()
        let userId = try context.parameters.require("user")
        try Authenticator.requireSelf(session, userId)
        var line: CartStore.LineRequest?
        if change != nil {
            var body = try await RequestBody.read(request, context: context, allowEmpty: false)
            let productId = body.requiredString("product_id")
            let variantId = body.string("variant_id")
            try body.validate()
            line = CartStore.LineRequest(productId: productId, variantId: variantId, quantity: 0)
        }
        let catalog = services.catalog
        let products = try await services.database.write { [line] db -> [ItemWire] in
            if let line, change == .add {
                try CartStore.validate(db, line, catalog: catalog)
                let position =
                    try Int.fetchOne(
                        db, sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM wishlist_item WHERE user_id = ?",
                        arguments: [userId]) ?? 1
                try db.execute(
                    sql:
                        "INSERT OR IGNORE INTO wishlist_item (user_id, product_id, variant_id, position) VALUES (?, ?, ?, ?)",
                    arguments: [userId, line.productId, line.variantId ?? "", position])
            } else if let line {
                try db.execute(
                    sql: "DELETE FROM wishlist_item WHERE user_id = ? AND product_id = ? AND variant_id = ?",
                    arguments: [userId, line.productId, line.variantId ?? ""])
                guard db.changesCount > 0 else { throw APIError.notFound("Product is not in the wishlist") }
            }
            let snapshot = try catalog.snapshot(db, now: services.now())
            let items = try WishlistItemRecord.filter(Column("user_id") == userId).order(Column("position"))
                .fetchAll(db)
            return try items.compactMap { item in
                guard let product = try ProductRecord.fetchOne(db, key: item.productId) else { return nil }
                let variant = item.variantId.isEmpty ? nil : try VariantRecord.fetchOne(db, key: item.variantId)
                return snapshot.itemWire(product, variant: variant)
            }
        }
        let message =
            change == nil ? "Wishlist retrieved" : (change == .add ? "Added to wishlist" : "Removed from wishlist")
        return try Reply.ok(["products": products], message: message)
    }
}
