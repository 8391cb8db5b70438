import Foundation

/// The JSON files in `Resources/seed/`. Money is in integer paise (`*_paise`).
struct SeedCatalog: Decodable, Sendable {
    struct Category: Decodable, Sendable {
        var id: String
        var name: String
        var slug: String
        var description: String?
        var parentCategoryId: String?
    }
    struct Variant: Decodable, Sendable {
        var id: String
        var sku: String
        var slug: String
        var name: String
        var options: [String: String]
        var listingPricePaise: Int
        var sellingPricePaise: Int
        var stock: Int
        var isDefault: Bool
    }
    struct Product: Decodable, Sendable {
        var id: String
        var sku: String
        var name: String
        var slug: String
        var shortDescription: String
        var description: String
        var categorySlugs: [String]
        var tags: [String]
        var listingPricePaise: Int
        var sellingPricePaise: Int
        var taxRate: Int
        var taxInclusive: Bool
        var stock: Int
        var backorder: Bool
        var minOrderQuantity: Int
        var maxOrderQuantity: Int
        var incrementalQuantity: Int
        var reviewsRatingSum: Int
        var reviewsCount: Int
        var attributes: [ProductAttribute]
        var variantOptions: [VariantOption]
        var variants: [Variant]
    }
    var categories: [Category]
    var products: [Product]
}

struct SeedOffers: Decodable, Sendable {
    struct Promotion: Decodable, Sendable {
        var id: String
        var name: String
        var description: String
        var promotionType: String
        var discountType: String
        var discountPercent: Int
        var discountFixedAmountPaise: Int
        var categorySlugs: [String]
        var productIds: [String]
        var startsAt: Date
        var expiresAt: Date
    }
    struct Coupon: Decodable, Sendable {
        var code: String
        var name: String
        var description: String
        var discountType: String
        var discountPercent: Int
        var discountFixedAmountPaise: Int
        var maximumDiscountPaise: Int
        var minimumOrderPaise: Int
        var categorySlugs: [String]
        var productIds: [String]
        var startsAt: Date
        var expiresAt: Date
        var totalRedemptions: Int
        var perCustomerRedemptions: Int
        var redemptionCount: Int
        var canBeUsedWithPromotion: Bool
    }
    struct GiftCard: Decodable, Sendable {
        var code: String
        var balancePaise: Int
        var expiresAt: Date
    }
    var promotions: [Promotion]
    var coupons: [Coupon]
    var giftCards: [GiftCard]
}

struct SeedStore: Decodable, Sendable {
    struct Address: Decodable, Sendable {
        var firstName: String
        var lastName: String
        var phone: String
        var email: String
        var addressLine1: String
        var addressLine2: String?
        var landmark: String?
        var pincode: String
        var city: String
        var state: String
        var country: String
        var isDefaultBilling: Bool
        var isDefaultShipping: Bool
    }
    struct Customer: Decodable, Sendable {
        var id: String
        var firstName: String
        var lastName: String
        var phone: String
        var email: String
        var loyaltyPoints: Int
        var creditBalancePaise: Int
        var addresses: [Address]
    }
    struct Pincode: Decodable, Sendable {
        var pincode: String
        var city: String
        var state: String
        var serviceable: Bool
        var deliveryDays: Int
        var express: Bool
    }
    struct Store: Decodable, Sendable {
        var id: String
        var name: String
        var pincode: String
        var city: String
        var distanceKm: Double
        var collectEtaMinutes: Int
    }
    var settings: StoreSettings
    var customers: [Customer]
    var pincodes: [Pincode]
    var stores: [Store]
}

/// Store-wide pricing settings (kept in the `setting` table as JSON).
struct StoreSettings: Codable, Sendable, Equatable {
    var currencyCode: String
    var currencyName: String
    var currencySymbol: String
    var freeShippingThresholdPaise: Int
    var standardShippingPaise: Int
    var expressShippingPaise: Int
    var shippingTaxRate: Int
    /// Value of one loyalty point in paise.
    var loyaltyPointValuePaise: Int
    /// One loyalty point is earned per this many paise paid.
    var loyaltyEarnPerPaise: Int
    var cartLifetimeDays: Int

    static let fallback = StoreSettings(
        currencyCode: "INR", currencyName: "Indian Rupee", currencySymbol: "₹", freeShippingThresholdPaise: 99900,
        standardShippingPaise: 4900, expressShippingPaise: 9900, shippingTaxRate: 18, loyaltyPointValuePaise: 100,
        loyaltyEarnPerPaise: 10000, cartLifetimeDays: 30)
}

enum SeedDecoding {
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
