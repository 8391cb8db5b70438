import Foundation
import GRDB

/// Loads `Resources/seed/*.json` into an empty database (once; concurrent starters are serialised by the
/// write transaction).
enum Seeder {
    struct MissingResources: Error, CustomStringConvertible {
        var description: String {
            "Sandbox seed data not found: set STOREFRONT_RESOURCES to the Resources directory of the repository"
        }
    }

    /// Seeds when the catalog is empty and returns the store settings. `now` is the seeded rows' time (the image's
    /// when it is built, ``SeedImage``); with it and the seed files, the rows are the same every time.
    static func seedIfEmpty(
        _ database: SandboxDatabase, resources: URL?, generatedCatalogSize: Int?, now: Date = Date()
    ) throws -> StoreSettings {
        // Both reads on the writer's connection, open already: a first `read` would open a reader (a connection of
        // its own and its schema read) on the way to the server's first answer; the warm-up opens the readers
        // instead, beside the router's build (SandboxWarmUp).
        let alreadySeeded = try database.pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM setting WHERE key = 'store_settings'") ?? 0 > 0
        }
        if !alreadySeeded {
            guard let resources else { throw MissingResources() }
            let decoder = SeedDecoding.decoder()
            let seedDirectory = resources.appendingPathComponent("seed")
            let store = try decoder.decode(
                SeedStore.self, from: Data(contentsOf: seedDirectory.appendingPathComponent("store.json")))
            let offers = try decoder.decode(
                SeedOffers.self, from: Data(contentsOf: seedDirectory.appendingPathComponent("offers.json")))
            let catalog: SeedCatalog
            if let size = generatedCatalogSize {
                catalog = SandboxSeeder.generateLargeCatalog(count: size)
            } else {
                catalog = try decoder.decode(
                    SeedCatalog.self, from: Data(contentsOf: seedDirectory.appendingPathComponent("catalog.json")))
            }
            try database.pool.write { db in
                let seeded =
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM setting WHERE key = 'store_settings'") ?? 0 > 0
                if seeded { return }
                // The search index filled once after the products rather than row by row (100k products).
                try SearchWordIndex.rebuilt(db) {
                    try insert(catalog: catalog, offers: offers, store: store, into: db, now: now)
                }
            }
        }
        return try database.pool.writeWithoutTransaction { db in
            let json = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'store_settings'")
            return try json.map { try JSONDecoder().decode(StoreSettings.self, from: Data($0.utf8)) } ?? .fallback
        }
    }

    static func insert(
        catalog: SeedCatalog, offers: SeedOffers, store: SeedStore, into db: Database, now: Date = Date()
    ) throws {
        var categoryIdBySlug: [String: String] = [:]
        for (index, category) in catalog.categories.enumerated() {
            categoryIdBySlug[category.slug] = category.id
            try CategoryRecord(
                id: category.id, name: category.name, slug: category.slug, description: category.description,
                parentCategoryId: category.parentCategoryId, sortOrder: index
            ).insert(db)
        }
        let linkStatement = try db.makeStatement(
            sql: "INSERT INTO product_category (product_id, category_id, seq) VALUES (?, ?, ?)")
        // Products go through one prepared statement (100k-product catalogs seed in seconds, not minutes).
        let productStatement = try db.makeStatement(
            sql: """
                INSERT INTO product (id, seq, sku, name, slug, short_description, description, product_type,
                  category_ids, tags, attributes, variant_options, has_variant, listing_price, selling_price, tax_rate,
                  tax_inclusive, stock, backorder, min_order_quantity, max_order_quantity, incremental_quantity,
                  reviews_rating_sum, reviews_count, active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'physical', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                """)
        // Keys sorted: the same seed makes the same bytes (``SeedImage``).
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json(_ value: some Encodable & Collection) throws -> String {
            value.isEmpty ? "[]" : String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        for (index, product) in catalog.products.enumerated() {
            let categoryIds = product.categorySlugs.compactMap { categoryIdBySlug[$0] }
            let seq = index + 1
            let stock = product.variants.isEmpty ? product.stock : product.variants.reduce(0) { $0 + $1.stock }
            let createdAt = now.addingTimeInterval(TimeInterval(seq - catalog.products.count))
            try productStatement.execute(arguments: [
                product.id, seq, product.sku, product.name, product.slug, product.shortDescription,
                product.description, try json(categoryIds), try json(product.tags), try json(product.attributes),
                try json(product.variantOptions), !product.variants.isEmpty, product.listingPricePaise,
                product.sellingPricePaise, product.taxRate, product.taxInclusive, stock, product.backorder,
                product.minOrderQuantity, product.maxOrderQuantity, product.incrementalQuantity,
                product.reviewsRatingSum, product.reviewsCount, createdAt,
            ])
            for categoryId in categoryIds {
                try linkStatement.execute(arguments: [product.id, categoryId, seq])
            }
            for (position, variant) in product.variants.enumerated() {
                try VariantRecord(
                    id: variant.id, productId: product.id, sku: variant.sku, slug: variant.slug, name: variant.name,
                    options: variant.options, listingPrice: variant.listingPricePaise,
                    sellingPrice: variant.sellingPricePaise, stock: variant.stock, isDefault: variant.isDefault,
                    position: position
                ).insert(db)
            }
        }
        for promotion in offers.promotions {
            try PromotionRecord(
                id: promotion.id, name: promotion.name, description: promotion.description,
                promotionType: promotion.promotionType, discountType: promotion.discountType,
                discountPercent: promotion.discountPercent, discountFixedAmount: promotion.discountFixedAmountPaise,
                categoryIds: promotion.categorySlugs.compactMap { categoryIdBySlug[$0] },
                productIds: promotion.productIds, startsAt: promotion.startsAt, expiresAt: promotion.expiresAt
            ).insert(db)
        }
        for coupon in offers.coupons {
            try CouponRecord(
                code: coupon.code, id: IDs.seeded("coupon \(coupon.code)", now: now), name: coupon.name,
                description: coupon.description,
                discountType: coupon.discountType, discountPercent: coupon.discountPercent,
                discountFixedAmount: coupon.discountFixedAmountPaise, maximumDiscount: coupon.maximumDiscountPaise,
                minimumOrder: coupon.minimumOrderPaise,
                categoryIds: coupon.categorySlugs.compactMap { categoryIdBySlug[$0] }, productIds: coupon.productIds,
                startsAt: coupon.startsAt, expiresAt: coupon.expiresAt, totalRedemptions: coupon.totalRedemptions,
                perCustomerRedemptions: coupon.perCustomerRedemptions, redemptionCount: coupon.redemptionCount,
                canBeUsedWithPromotion: coupon.canBeUsedWithPromotion
            ).insert(db)
        }
        for card in offers.giftCards {
            try GiftCardRecord(code: card.code, balance: card.balancePaise, expiresAt: card.expiresAt).insert(db)
        }
        for pincode in store.pincodes {
            try PincodeRecord(
                pincode: pincode.pincode, city: pincode.city, state: pincode.state, serviceable: pincode.serviceable,
                deliveryDays: pincode.deliveryDays, express: pincode.express
            ).insert(db)
        }
        for pickup in store.stores {
            try PickupStoreRecord(
                id: pickup.id, name: pickup.name, pincode: pickup.pincode, city: pickup.city,
                distanceKm: pickup.distanceKm, collectEtaMinutes: pickup.collectEtaMinutes
            ).insert(db)
        }
        for customer in store.customers {
            var user = UserRecord.anonymous(id: customer.id, now: now)
            user.isAnonymous = false
            user.firstName = customer.firstName
            user.lastName = customer.lastName
            user.phone = customer.phone
            user.countryCode = "+91"
            user.email = customer.email
            user.isPhoneVerified = true
            user.isEmailVerified = true
            user.loginMethods = ["phone", "email", "whatsapp"]
            user.notificationPreferences = .defaults
            user.loyaltyPoints = customer.loyaltyPoints
            user.creditBalance = customer.creditBalancePaise
            user.customerId = customer.id
            try user.insert(db)
            for (index, address) in customer.addresses.enumerated() {
                let id = IDs.seeded("address \(customer.id) \(index)", now: now)
                let payload = AddressPayload(
                    id: id, nickname: nil, firstName: address.firstName, lastName: address.lastName,
                    countryCode: "+91", phone: address.phone, email: address.email, addressLine1: address.addressLine1,
                    addressLine2: address.addressLine2, landmark: address.landmark, pincode: address.pincode,
                    city: address.city, state: address.state, country: address.country,
                    taxIdentificationNumber: nil, businessName: nil, isPhoneVerified: true, isEmailVerified: true,
                    isDefaultBilling: address.isDefaultBilling, isDefaultShipping: address.isDefaultShipping)
                try AddressRecord(
                    id: id, userId: customer.id, payload: payload, isDefaultBilling: address.isDefaultBilling,
                    isDefaultShipping: address.isDefaultShipping, createdAt: now
                ).insert(db)
            }
        }
        let settings = String(decoding: try encoder.encode(store.settings), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES ('store_settings', ?)", arguments: [settings])
    }
}
