import Foundation
import GRDB

/// Catalog reads and the mapping from records to wire shapes.
struct CatalogSnapshot: Sendable {
    var categoriesById: [String: CategoryRecord]
    /// The promotions active at `now`.
    var promotions: [PromotionRecord]
    var settings: StoreSettings
    var now: Date
    /// The first moment from `now` on at which a promotion starts or ends (`distantFuture` when none does): the
    /// set of active promotions stays the same before it.
    var nextChange: Date

    /// Categories and promotions as they are in `db`, the promotions filtered at `now`.
    init(categories: [String: CategoryRecord], allPromotions: [PromotionRecord], settings: StoreSettings, now: Date) {
        categoriesById = categories
        promotions = allPromotions.filter { PricingEngine.isActive($0.startsAt, $0.expiresAt, now) }
        self.settings = settings
        self.now = now
        nextChange = allPromotions.flatMap { [$0.startsAt, $0.expiresAt] }.filter { $0 >= now }.min() ?? .distantFuture
    }

    var enginePromotions: [PricingEngine.Promotion] {
        promotions.map {
            PricingEngine.Promotion(
                id: $0.id, name: $0.name, discountType: $0.discountType, discountPercent: $0.discountPercent,
                discountFixedAmount: $0.discountFixedAmount, productIds: $0.productIds, categoryIds: $0.categoryIds,
                startsAt: $0.startsAt, expiresAt: $0.expiresAt)
        }
    }

    func promotion(for product: ProductRecord) -> PromotionRecord? {
        promotions.first { promotion in
            promotion.productIds.contains(product.id)
                || product.categoryIds.contains(where: promotion.categoryIds.contains)
        }
    }

    func categoryRefs(_ ids: [String]) -> [CategoryRefWire] {
        ids.compactMap { categoriesById[$0] }.map { CategoryRefWire(id: $0.id, name: $0.name, slug: $0.slug) }
    }

    func pricing(_ product: ProductRecord, selling: Int, listing: Int) -> ProductPricingWire {
        let unit = PricingEngine.unitPrices(
            sellingPrice: selling, taxRate: product.taxRate, taxInclusive: product.taxInclusive)
        return ProductPricingWire(
            currency: settings.currencyCode, taxType: "GST", taxRate: product.taxRate,
            priceIncludingTax: product.taxInclusive, listingPrice: Paise(listing), sellingPrice: Paise(selling),
            sellingPriceExcludingTax: Paise(unit.excluding), sellingPriceIncludingTax: Paise(unit.including),
            minOrderQuantity: product.minOrderQuantity, maxOrderQuantity: product.maxOrderQuantity,
            incrementalQuantity: product.incrementalQuantity)
    }

    func promotionWire(_ product: ProductRecord) -> ProductPromotionWire? {
        promotion(for: product).map {
            ProductPromotionWire(
                id: $0.id, name: $0.name, startsAt: $0.startsAt, expiresAt: $0.expiresAt,
                details: PromotionDetailsWire(
                    promotionType: $0.promotionType, discountType: $0.discountType,
                    discountPercent: $0.discountPercent, discountFixedAmount: Paise($0.discountFixedAmount)))
        }
    }

    func attributes(_ product: ProductRecord) -> [AttributeWire] {
        product.attributes.map {
            AttributeWire(id: "\(product.id)-\($0.key)", name: $0.name, key: $0.key, type: $0.type, value: $0.value)
        }
    }

    func associatedOptions(_ product: ProductRecord, _ variant: VariantRecord) -> [String: AssociatedOptionWire] {
        var result: [String: AssociatedOptionWire] = [:]
        for (key, value) in variant.options {
            let option = product.variantOptions.first { $0.key == key }
            result[key] = AssociatedOptionWire(
                name: option?.name ?? key.capitalized, value: option?.value(named: value) ?? .string(value),
                type: option?.type ?? "single-select")
        }
        return result
    }

    func variantWire(_ variant: VariantRecord, of product: ProductRecord) -> VariantWire {
        VariantWire(
            id: variant.id, productId: product.id, sku: variant.sku, slug: variant.slug, name: variant.name,
            productName: product.name, shortDescription: product.shortDescription, active: product.active,
            stockAvailable: variant.stock > 0, stockQuantity: variant.stock, backorder: product.backorder,
            onOffer: variant.listingPrice > variant.sellingPrice, onPromotion: promotion(for: product) != nil,
            onSubscription: false, isDefault: variant.isDefault,
            associatedOptions: associatedOptions(product, variant),
            images: [.placeholder(slug: variant.slug, title: variant.name)],
            pricing: pricing(product, selling: variant.sellingPrice, listing: variant.listingPrice),
            promotion: promotionWire(product), subscription: [])
    }

    func productWire(_ product: ProductRecord, variants: [VariantRecord]?) -> ProductWire {
        let defaultVariant = variants?.first(where: \.isDefault) ?? variants?.first
        return ProductWire(
            id: product.id, sku: product.sku, name: product.name, slug: product.slug,
            shortDescription: product.shortDescription, description: product.description,
            productType: product.productType, active: product.active, stockAvailable: product.stock > 0,
            stockQuantity: product.stock, backorder: product.backorder,
            onOffer: product.listingPrice > product.sellingPrice, onSubscription: false,
            onPromotion: promotion(for: product) != nil, hasVariant: product.hasVariant, tags: product.tags,
            categoryIds: product.categoryIds, categories: categoryRefs(product.categoryIds),
            reviewsRatingSum: product.reviewsRatingSum, reviewsCount: product.reviewsCount,
            attributes: attributes(product),
            pricing: pricing(
                product, selling: defaultVariant?.sellingPrice ?? product.sellingPrice,
                listing: defaultVariant?.listingPrice ?? product.listingPrice),
            variantOptions: product.variantOptions, promotion: promotionWire(product),
            images: [.placeholder(slug: product.slug, title: product.name)], subscription: [],
            variants: variants.map { $0.map { variantWire($0, of: product) } })
    }

    func itemWire(_ product: ProductRecord, variant: VariantRecord?) -> ItemWire {
        ItemWire(
            productId: product.id, variantId: variant?.id, productSlug: product.slug, variantSlug: variant?.slug,
            productName: product.name, variantName: variant?.name, sku: variant?.sku ?? product.sku,
            shortDescription: product.shortDescription, productType: product.productType, active: product.active,
            stockAvailable: (variant?.stock ?? product.stock) > 0, backorder: product.backorder,
            onOffer: (variant?.listingPrice ?? product.listingPrice) > (variant?.sellingPrice ?? product.sellingPrice),
            onPromotion: promotion(for: product) != nil, categoryIds: product.categoryIds,
            categories: categoryRefs(product.categoryIds), tags: product.tags, attributes: attributes(product),
            associatedOptions: variant.map { associatedOptions(product, $0) } ?? [:],
            pricing: pricing(
                product, selling: variant?.sellingPrice ?? product.sellingPrice,
                listing: variant?.listingPrice ?? product.listingPrice),
            promotion: promotionWire(product),
            images: [.placeholder(slug: variant?.slug ?? product.slug, title: variant?.name ?? product.name)],
            reviewsRatingSum: product.reviewsRatingSum, reviewsCount: product.reviewsCount)
    }
}

enum CatalogQueries {
    /// A product by id or slug.
    static func product(_ db: Database, idOrSlug: String) throws -> ProductRecord? {
        try ProductRecord.fetchOne(
            db, sql: "SELECT * FROM product WHERE (id = ? OR slug = ?) AND active = 1", arguments: [idOrSlug, idOrSlug])
    }

    static func variants(_ db: Database, productId: String) throws -> [VariantRecord] {
        try VariantRecord.fetchAll(
            db, sql: "SELECT * FROM variant WHERE product_id = ? ORDER BY position", arguments: [productId])
    }
}
