import Foundation

/// Wire shapes of the catalog endpoints (encoded with snake_case keys).
struct PaginationWire: Codable, Sendable, Equatable {
    var totalRecords: Int
    var totalPages: Int
    @Null var previousPage: Int?
    @Null var nextPage: Int?
    var limit: Int

    /// The documented `Pagination` has no `page` of its own: the page is `previous_page + 1`.
    init(total: Int, page: Int, limit: Int) {
        totalRecords = total
        totalPages = total == 0 ? 0 : (total + limit - 1) / limit
        previousPage = page > 1 ? page - 1 : nil
        nextPage = page < totalPages ? page + 1 : nil
        self.limit = limit
    }
}

struct CategoryWire: Encodable, Sendable {
    var id: String
    var name: String
    var slug: String
    @Null var description: String?
    @Null var parentCategoryId: String?
    var productCount: Int
    var active: Bool
    var childCategories: [CategoryWire]
}

struct CategoryRefWire: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var slug: String
}

struct ProductPricingWire: Codable, Sendable, Equatable {
    var currency: String
    var taxType: String
    var taxRate: Int
    /// Whether `selling_price` includes GST (Commerce Engine's flag).
    var priceIncludingTax: Bool
    var listingPrice: Paise
    var sellingPrice: Paise
    var sellingPriceExcludingTax: Paise
    /// Sandbox extension: what one unit costs with GST, whichever way the price is given.
    var sellingPriceIncludingTax: Paise
    var minOrderQuantity: Int
    var maxOrderQuantity: Int
    var incrementalQuantity: Int
}

struct ImageWire: Codable, Sendable, Equatable {
    var id: String
    var title: String
    var alternateText: String
    var sortOrder: Int
    var urlTiny: String
    var urlThumbnail: String
    var urlStandard: String
    var urlZoom: String

    static func placeholder(slug: String, title: String) -> ImageWire {
        let base = "https://images.sandbox.invalid/\(slug)"
        return ImageWire(
            id: "img-\(slug)", title: title, alternateText: title, sortOrder: 1, urlTiny: "\(base)/tiny.jpg",
            urlThumbnail: "\(base)/thumbnail.jpg", urlStandard: "\(base)/standard.jpg", urlZoom: "\(base)/zoom.jpg")
    }
}

struct AttributeWire: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var key: String
    var type: String
    /// A string, a `{name, hexcode}` colour object, or a list of either.
    var value: JSONValue
}

struct PromotionDetailsWire: Codable, Sendable, Equatable {
    var promotionType: String
    var discountType: String
    var discountPercent: Int
    var discountFixedAmount: Paise
}

struct ProductPromotionWire: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var startsAt: Date
    var expiresAt: Date
    var details: PromotionDetailsWire
}

struct AssociatedOptionWire: Codable, Sendable, Equatable {
    var name: String
    /// A string, or a `{name, hexcode}` object for a colour.
    var value: JSONValue
    var type: String
}

struct VariantWire: Encodable, Sendable {
    var id: String
    var productId: String
    var sku: String
    var slug: String
    var name: String
    var productName: String
    var shortDescription: String
    var active: Bool
    var stockAvailable: Bool
    var stockQuantity: Int
    var backorder: Bool
    var onOffer: Bool
    var onPromotion: Bool
    var onSubscription: Bool
    var isDefault: Bool
    var associatedOptions: [String: AssociatedOptionWire]
    var images: [ImageWire]
    var pricing: ProductPricingWire
    @Null var promotion: ProductPromotionWire?
    var subscription: [String]
}

struct ProductWire: Encodable, Sendable {
    var id: String
    var sku: String
    var name: String
    var slug: String
    var shortDescription: String
    var description: String
    var productType: String
    var active: Bool
    var stockAvailable: Bool
    var stockQuantity: Int
    var backorder: Bool
    var onOffer: Bool
    var onSubscription: Bool
    var onPromotion: Bool
    var hasVariant: Bool
    var tags: [String]
    var categoryIds: [String]
    var categories: [CategoryRefWire]
    var reviewsRatingSum: Int
    var reviewsCount: Int
    var attributes: [AttributeWire]
    var pricing: ProductPricingWire
    var variantOptions: [VariantOption]
    @Null var promotion: ProductPromotionWire?
    var images: [ImageWire]
    var subscription: [String]
    /// Only on the detail endpoint.
    var variants: [VariantWire]?
}

/// A flat purchasable item (search results, wishlist): product or one of its variants.
struct ItemWire: Encodable, Sendable {
    var productId: String
    @Null var variantId: String?
    var productSlug: String
    @Null var variantSlug: String?
    var productName: String
    @Null var variantName: String?
    var sku: String
    var shortDescription: String
    var productType: String
    var active: Bool
    var stockAvailable: Bool
    var backorder: Bool
    var onOffer: Bool
    var onPromotion: Bool
    var categoryIds: [String]
    var categories: [CategoryRefWire]
    var tags: [String]
    var attributes: [AttributeWire]
    var associatedOptions: [String: AssociatedOptionWire]
    var pricing: ProductPricingWire
    @Null var promotion: ProductPromotionWire?
    var images: [ImageWire]
    var reviewsRatingSum: Int
    var reviewsCount: Int
}
