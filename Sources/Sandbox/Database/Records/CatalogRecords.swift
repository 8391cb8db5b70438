import Foundation
import GRDB

struct CategoryRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "category"
    var id: String
    var name: String
    var slug: String
    var description: String?
    var parentCategoryId: String?
    var sortOrder: Int
}

/// `value` is a string, an object (a colour: `{name, hexcode}`) or a list of either, as in the reference.
struct ProductAttribute: Codable, Sendable, Equatable {
    var name: String
    var key: String
    var type: String
    var value: JSONValue
}

/// `value` lists the option's values: strings, or objects for colours (`{name, hexcode}`).
struct VariantOption: Codable, Sendable, Equatable {
    var key: String
    var name: String
    var type: String
    var value: [JSONValue]

    /// The wire value of the option value a variant names (`variant.options[key]` holds the name).
    func value(named name: String) -> JSONValue {
        value.first { $0.optionNames == [name] } ?? .string(name)
    }
}

extension JSONValue {
    /// The names an attribute or option value stands for: the string, an object's `name`, or those of a list.
    var optionNames: [String] {
        switch self {
        case .string(let text): [text]
        case .object(let fields): fields["name"]?.optionNames ?? []
        case .array(let items): items.flatMap(\.optionNames)
        default: []
        }
    }
}

struct ProductRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "product"
    var id: String
    /// Insertion order; listing is newest first (`seq` descending).
    var seq: Int
    var sku: String
    var name: String
    var slug: String
    var shortDescription: String
    var description: String
    var productType: String
    var categoryIds: [String]
    var tags: [String]
    var attributes: [ProductAttribute]
    var variantOptions: [VariantOption]
    var hasVariant: Bool
    /// Paise.
    var listingPrice: Int
    /// Paise; the price the customer pays per unit (tax included when `taxInclusive`).
    var sellingPrice: Int
    /// GST percent (5, 12, 18).
    var taxRate: Int
    var taxInclusive: Bool
    var stock: Int
    var backorder: Bool
    var minOrderQuantity: Int
    var maxOrderQuantity: Int
    var incrementalQuantity: Int
    var reviewsRatingSum: Int
    var reviewsCount: Int
    var active: Bool
    var createdAt: Date
}

struct VariantRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "variant"
    var id: String
    var productId: String
    var sku: String
    var slug: String
    var name: String
    var options: [String: String]
    var listingPrice: Int
    var sellingPrice: Int
    var stock: Int
    var isDefault: Bool
    var position: Int
}

struct PromotionRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "promotion"
    var id: String
    var name: String
    var description: String
    var promotionType: String
    /// "percentage" | "fixed-amount" (per unit).
    var discountType: String
    var discountPercent: Int
    var discountFixedAmount: Int
    var categoryIds: [String]
    var productIds: [String]
    var startsAt: Date
    var expiresAt: Date
}

struct CouponRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "coupon"
    var code: String
    var id: String
    var name: String
    var description: String
    /// "percentage" | "fixed-amount".
    var discountType: String
    var discountPercent: Int
    var discountFixedAmount: Int
    /// 0 = no cap.
    var maximumDiscount: Int
    var minimumOrder: Int
    var categoryIds: [String]
    var productIds: [String]
    var startsAt: Date
    var expiresAt: Date
    /// 0 = unlimited.
    var totalRedemptions: Int
    /// 0 = unlimited.
    var perCustomerRedemptions: Int
    var redemptionCount: Int
    var canBeUsedWithPromotion: Bool
}

struct GiftCardRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "gift_card"
    var code: String
    var balance: Int
    var expiresAt: Date
}

struct PincodeRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "pincode"
    var pincode: String
    var city: String
    var state: String
    var serviceable: Bool
    var deliveryDays: Int
    var express: Bool
}

struct PickupStoreRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "pickup_store"
    var id: String
    var name: String
    var pincode: String
    var city: String
    var distanceKm: Double
    var collectEtaMinutes: Int
}

extension ProductRecord {
    /// Decoded by hand: catalogs of 100k products are read in full by search, and Codable decoding of the JSON
    /// columns dominated that.
    init(row: Row) throws {
        id = row["id"]
        seq = row["seq"]
        sku = row["sku"]
        name = row["name"]
        slug = row["slug"]
        shortDescription = row["short_description"]
        description = row["description"]
        productType = row["product_type"]
        categoryIds = try JSONColumn.strings(row["category_ids"])
        tags = try JSONColumn.strings(row["tags"])
        attributes = try JSONColumn.decode(row["attributes"])
        variantOptions = try JSONColumn.decode(row["variant_options"])
        hasVariant = row["has_variant"]
        listingPrice = row["listing_price"]
        sellingPrice = row["selling_price"]
        taxRate = row["tax_rate"]
        taxInclusive = row["tax_inclusive"]
        stock = row["stock"]
        backorder = row["backorder"]
        minOrderQuantity = row["min_order_quantity"]
        maxOrderQuantity = row["max_order_quantity"]
        incrementalQuantity = row["incremental_quantity"]
        reviewsRatingSum = row["reviews_rating_sum"]
        reviewsCount = row["reviews_count"]
        active = row["active"]
        createdAt = row["created_at"]
    }
}

/// Reading JSON text columns quickly.
enum JSONColumn {
    /// A JSON array of plain strings; falls back to a full decode when escapes are present.
    static func strings(_ text: String) throws -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "[]" { return [] }
        guard trimmed.hasPrefix("[\""), trimmed.hasSuffix("\"]"), !trimmed.contains("\\") else {
            return try decode(text)
        }
        return trimmed.dropFirst(2).dropLast(2).components(separatedBy: "\",\"")
    }

    static func decode<T: Decodable & RangeReplaceableCollection>(_ text: String) throws -> T {
        if text == "[]" { return T() }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
