import GRDB

/// The schema, one migration per change. Money columns hold integer paise.
enum Migrations {
    /// Migrates the file. Sandbox data is demo data: a file whose applied migrations no longer match their
    /// definitions (made by an earlier build during development) is erased and seeded again rather than failing on
    /// a missing column.
    ///
    /// That is GRDB's `eraseDatabaseOnSchemaChange`, but GRDB checks it at every open by migrating a temporary
    /// database *file* (created, journaled and synced, then removed); here the reference schema is built in memory
    /// (BENCHMARKS.md, "The catalog sooner", run I).
    static func migrate(_ pool: DatabasePool) throws {
        let migrator = migrator()
        if try pool.read({ db in try schemaChanged(db, migrator: migrator) }) {
            try pool.erase()
        }
        try migrator.migrate(pool)
    }

    /// Whether the file holds a migration that is not ours, or a schema other than our migrations make up to the
    /// last one it applied (GRDB's `hasSchemaChanges`, with the reference database in memory).
    static func schemaChanged(_ db: Database, migrator: DatabaseMigrator) throws -> Bool {
        let applied = try migrator.appliedIdentifiers(db)
        let known = migrator.migrations
        if !applied.isSubset(of: known) { return true }
        guard let last = known.last(where: applied.contains) else { return false }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let reference = try DatabaseQueue(configuration: configuration)
        try migrator.migrate(reference, upTo: last)
        return try reference.read(userSchema) != userSchema(db)
    }

    /// The tables, indexes, triggers and views, without SQLite's and GRDB's own.
    private static func userSchema(_ db: Database) throws -> [[String?]] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT type, name, tbl_name, sql FROM sqlite_master
                WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'grdb\\_%' ESCAPE '\\'
                ORDER BY type, name
                """
        ).map { row in (0..<4).map { row[$0] as String? } }
    }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-schema") { db in
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "category") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("slug", .text).notNull().unique()
                t.column("description", .text)
                t.column("parent_category_id", .text)
                t.column("sort_order", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "product") { t in
                t.primaryKey("id", .text)
                t.column("seq", .integer).notNull()
                t.column("sku", .text).notNull()
                t.column("name", .text).notNull()
                t.column("slug", .text).notNull().unique()
                t.column("short_description", .text).notNull()
                t.column("description", .text).notNull()
                t.column("product_type", .text).notNull()
                t.column("category_ids", .text).notNull()
                t.column("tags", .text).notNull()
                t.column("attributes", .text).notNull()
                t.column("variant_options", .text).notNull()
                t.column("has_variant", .boolean).notNull()
                t.column("listing_price", .integer).notNull()
                t.column("selling_price", .integer).notNull()
                t.column("tax_rate", .integer).notNull()
                t.column("tax_inclusive", .boolean).notNull()
                t.column("stock", .integer).notNull()
                t.column("backorder", .boolean).notNull()
                t.column("min_order_quantity", .integer).notNull()
                t.column("max_order_quantity", .integer).notNull()
                t.column("incremental_quantity", .integer).notNull()
                t.column("reviews_rating_sum", .integer).notNull()
                t.column("reviews_count", .integer).notNull()
                t.column("active", .boolean).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(index: "product_seq", on: "product", columns: ["seq"])
            try db.create(table: "product_category") { t in
                t.column("product_id", .text).notNull().references("product", onDelete: .cascade)
                t.column("category_id", .text).notNull().references("category", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.primaryKey(["category_id", "product_id"])
            }
            try db.create(index: "product_category_seq", on: "product_category", columns: ["category_id", "seq"])
            try db.create(table: "variant") { t in
                t.primaryKey("id", .text)
                t.column("product_id", .text).notNull().indexed().references("product", onDelete: .cascade)
                t.column("sku", .text).notNull()
                t.column("slug", .text).notNull()
                t.column("name", .text).notNull()
                t.column("options", .text).notNull()
                t.column("listing_price", .integer).notNull()
                t.column("selling_price", .integer).notNull()
                t.column("stock", .integer).notNull()
                t.column("is_default", .boolean).notNull()
                t.column("position", .integer).notNull()
            }
            try db.create(table: "user") { t in
                t.primaryKey("id", .text)
                t.column("is_anonymous", .boolean).notNull()
                t.column("first_name", .text)
                t.column("last_name", .text)
                t.column("email", .text).indexed()
                t.column("phone", .text).indexed()
                t.column("country_code", .text)
                t.column("is_email_verified", .boolean).notNull().defaults(to: false)
                t.column("is_phone_verified", .boolean).notNull().defaults(to: false)
                t.column("password_hash", .text)
                t.column("profile_image_url", .text)
                t.column("login_methods", .text).notNull().defaults(to: "[]")
                t.column("notification_preferences", .text)
                t.column("loyalty_points", .integer).notNull().defaults(to: 0)
                t.column("credit_balance", .integer).notNull().defaults(to: 0)
                t.column("business", .text)
                t.column("customer_id", .text)
                t.column("active", .boolean).notNull().defaults(to: true)
                t.column("created_at", .datetime).notNull()
                t.column("modified_at", .datetime).notNull()
            }
            try db.create(table: "refresh_token") { t in
                t.primaryKey("jti", .text)
                t.column("user_id", .text).notNull().indexed()
                t.column("session_id", .text).notNull().indexed()
                t.column("expires_at", .datetime).notNull()
                t.column("used_at", .datetime)
            }
            try db.create(table: "otp") { t in
                t.primaryKey("token", .text)
                t.column("session_user_id", .text).notNull()
                t.column("action", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("phone", .text)
                t.column("email", .text)
                t.column("code", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("consumed", .boolean).notNull().defaults(to: false)
                t.column("registration", .text)
                t.column("created_at", .datetime).notNull()
                t.column("expires_at", .datetime).notNull()
            }
            try db.create(index: "otp_destination", on: "otp", columns: ["phone", "email", "created_at"])
            try db.create(table: "promotion") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("description", .text).notNull()
                t.column("promotion_type", .text).notNull()
                t.column("discount_type", .text).notNull()
                t.column("discount_percent", .integer).notNull()
                t.column("discount_fixed_amount", .integer).notNull()
                t.column("category_ids", .text).notNull()
                t.column("product_ids", .text).notNull()
                t.column("starts_at", .datetime).notNull()
                t.column("expires_at", .datetime).notNull()
            }
            try db.create(table: "coupon") { t in
                t.primaryKey("code", .text)
                t.column("id", .text).notNull()
                t.column("name", .text).notNull()
                t.column("description", .text).notNull()
                t.column("discount_type", .text).notNull()
                t.column("discount_percent", .integer).notNull()
                t.column("discount_fixed_amount", .integer).notNull()
                t.column("maximum_discount", .integer).notNull()
                t.column("minimum_order", .integer).notNull()
                t.column("category_ids", .text).notNull()
                t.column("product_ids", .text).notNull()
                t.column("starts_at", .datetime).notNull()
                t.column("expires_at", .datetime).notNull()
                t.column("total_redemptions", .integer).notNull()
                t.column("per_customer_redemptions", .integer).notNull()
                t.column("redemption_count", .integer).notNull()
                t.column("can_be_used_with_promotion", .boolean).notNull()
            }
            try db.create(table: "coupon_redemption") { t in
                t.column("code", .text).notNull()
                t.column("user_id", .text).notNull()
                t.column("order_number", .text).notNull()
                t.primaryKey(["code", "order_number"])
            }
            try db.create(table: "gift_card") { t in
                t.primaryKey("code", .text)
                t.column("balance", .integer).notNull()
                t.column("expires_at", .datetime).notNull()
            }
            try db.create(table: "pincode") { t in
                t.primaryKey("pincode", .text)
                t.column("city", .text).notNull()
                t.column("state", .text).notNull()
                t.column("serviceable", .boolean).notNull()
                t.column("delivery_days", .integer).notNull()
                t.column("express", .boolean).notNull()
            }
            try db.create(table: "pickup_store") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("pincode", .text).notNull()
                t.column("city", .text).notNull()
                t.column("distance_km", .double).notNull()
                t.column("collect_eta_minutes", .integer).notNull()
            }
            try db.create(table: "address") { t in
                t.primaryKey("id", .text)
                t.column("user_id", .text).notNull().indexed()
                t.column("payload", .text).notNull()
                t.column("is_default_billing", .boolean).notNull()
                t.column("is_default_shipping", .boolean).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "cart") { t in
                t.primaryKey("id", .text)
                t.column("user_id", .text).notNull().indexed()
                t.column("active", .boolean).notNull()
                t.column("coupon_code", .text)
                t.column("loyalty_points_requested", .integer).notNull().defaults(to: 0)
                t.column("credit_balance_requested", .integer).notNull().defaults(to: 0)
                t.column("gift_card_code", .text)
                t.column("billing_address", .text)
                t.column("shipping_address", .text)
                t.column("fulfillment", .text)
                t.column("customer_note", .text)
                t.column("metadata", .text)
                t.column("created_at", .datetime).notNull()
                t.column("expires_at", .datetime).notNull()
            }
            try db.create(table: "cart_item") { t in
                t.column("cart_id", .text).notNull().references("cart", onDelete: .cascade)
                t.column("product_id", .text).notNull()
                t.column("variant_id", .text).notNull()  // "" = no variant
                t.column("quantity", .integer).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["cart_id", "product_id", "variant_id"])
            }
            try db.create(table: "wishlist_item") { t in
                t.column("user_id", .text).notNull()
                t.column("product_id", .text).notNull()
                t.column("variant_id", .text).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["user_id", "product_id", "variant_id"])
            }
            try db.create(table: "order") { t in
                t.primaryKey("order_number", .text)
                t.column("user_id", .text).notNull().indexed()
                t.column("cart_id", .text).notNull()
                t.column("status", .text).notNull()
                t.column("payment_status", .text).notNull()
                t.column("to_be_paid", .integer).notNull()
                t.column("amount_paid", .integer).notNull()
                t.column("snapshot", .text).notNull()
                t.column("payment_method", .text)
                t.column("cancellation_reason", .text)
                t.column("created_at", .datetime).notNull()
                t.column("payment_success_at", .datetime)
            }
            try db.create(table: "payment") { t in
                t.primaryKey("id", .text)
                t.column("order_number", .text).notNull().indexed()
                t.column("amount", .integer).notNull()
                t.column("status", .text).notNull()
                t.column("return_url", .text)
                t.column("created_at", .datetime).notNull()
                t.column("settled_at", .datetime)
            }
            try db.create(table: "juspay_customer") { t in
                t.primaryKey("id", .text)
                t.column("user_id", .text).notNull().unique()
                t.column("created_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v2-change-counters") { db in
            try ChangeCounters.install(db)
        }
        migrator.registerMigration("v3-search-index") { db in
            try SearchWordIndex.install(db)
        }
        migrator.registerMigration("v4-juspay-order") { db in
            // One Juspay order per store order (Juspay's `order_id` is unique): create-order answers it again.
            try db.create(table: "juspay_order") { t in
                t.primaryKey("order_number", .text)
                t.column("id", .text).notNull().unique()
                t.column("payment_id", .text).notNull()
                t.column("amount", .integer).notNull()
                t.column("return_url", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try ChangeCounters.installTriggers(db, on: "juspay_order")
        }
        migrator.registerMigration("v5-profile-image") { db in
            try db.create(table: "profile_image") { t in
                t.primaryKey("id", .text)
                t.column("user_id", .text).notNull().indexed()
                t.column("content_type", .text).notNull()
                t.column("data", .blob).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try ChangeCounters.installTriggers(db, on: "profile_image")
        }
        migrator.registerMigration("v6-support-find") { db in
            try SupportActivity.install(db)
        }
        return migrator
    }
}
