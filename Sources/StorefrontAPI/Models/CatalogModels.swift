import Foundation

/// Prices of a product or variant, as `pricing{...}`.
public struct Pricing: Codable, Sendable, Hashable {
    public var currency: Currency?
    public var taxType: String?
    public var taxRate: Decimal?
    /// The reference names `price_including_tax` without its type: a flag ("prices include tax") on some pages,
    /// the unit price with tax (the sandbox) on others. A boolean is kept; an amount is skipped (it equals the
    /// selling price of tax-inclusive products), so that neither shape fails the product.
    public var priceIncludingTax: Bool?
    @Defaulted<Defaults.Zero> public var listingPrice: Money
    @Defaulted<Defaults.Zero> public var sellingPrice: Money
    public var sellingPriceExcludingTax: Money?
    public var minOrderQuantity: Int?
    public var maxOrderQuantity: Int?
    public var incrementalQuantity: Int?

    public init(
        currency: Currency? = .inr, taxRate: Decimal? = nil, listingPrice: Money, sellingPrice: Money,
        minOrderQuantity: Int? = nil, maxOrderQuantity: Int? = nil
    ) {
        self.currency = currency
        self.taxRate = taxRate
        self.listingPrice = listingPrice
        self.sellingPrice = sellingPrice
        self.minOrderQuantity = minOrderQuantity
        self.maxOrderQuantity = maxOrderQuantity
    }

    private enum CodingKeys: String, CodingKey {
        case currency, taxType, taxRate, priceIncludingTax, listingPrice, sellingPrice, sellingPriceExcludingTax
        case minOrderQuantity, maxOrderQuantity, incrementalQuantity
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        currency = try container.decodeIfPresent(Currency.self, forKey: .currency)
        taxType = try container.decodeIfPresent(String.self, forKey: .taxType)
        taxRate = try container.decodeIfPresent(Decimal.self, forKey: .taxRate)
        priceIncludingTax = try? container.decodeIfPresent(Bool.self, forKey: .priceIncludingTax)
        _listingPrice = try container.decode(Defaulted<Defaults.Zero>.self, forKey: .listingPrice)
        _sellingPrice = try container.decode(Defaulted<Defaults.Zero>.self, forKey: .sellingPrice)
        sellingPriceExcludingTax = try container.decodeIfPresent(Money.self, forKey: .sellingPriceExcludingTax)
        minOrderQuantity = try container.decodeIfPresent(Int.self, forKey: .minOrderQuantity)
        maxOrderQuantity = try container.decodeIfPresent(Int.self, forKey: .maxOrderQuantity)
        incrementalQuantity = try container.decodeIfPresent(Int.self, forKey: .incrementalQuantity)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(currency, forKey: .currency)
        try container.encodeIfPresent(taxType, forKey: .taxType)
        try container.encodeIfPresent(taxRate, forKey: .taxRate)
        try container.encodeIfPresent(priceIncludingTax, forKey: .priceIncludingTax)
        try container.encode(listingPrice, forKey: .listingPrice)
        try container.encode(sellingPrice, forKey: .sellingPrice)
        try container.encodeIfPresent(sellingPriceExcludingTax, forKey: .sellingPriceExcludingTax)
        try container.encodeIfPresent(minOrderQuantity, forKey: .minOrderQuantity)
        try container.encodeIfPresent(maxOrderQuantity, forKey: .maxOrderQuantity)
        try container.encodeIfPresent(incrementalQuantity, forKey: .incrementalQuantity)
    }

    /// True when the listing price is above the selling price (show a strike-through).
    public var isDiscounted: Bool { listingPrice > sellingPrice }
}

public struct ProductImage: Codable, Sendable, Hashable {
    public var id: String?
    public var urlStandard: String?
    public var urlThumbnail: String?
    public var alternateText: String?
}

public struct ProductAttribute: Codable, Sendable, Hashable {
    public var name: String?
    public var key: String?
    public var type: String?
    public var value: AttributeValue?
}

/// A product's option (size, colour): its values may be strings, numbers or colour objects.
public struct VariantOption: Codable, Sendable, Hashable {
    public var name: String?
    public var key: String?
    public var type: String?
    public var value: AttributeValue?

    /// Each value on its own (a list's elements, or the one value).
    public var values: [AttributeValue] {
        switch value {
        case .list(let list)?: list
        case nil, .null?: []
        case let single?: [single]
        }
    }
}

/// A variant's value of one option, e.g. `{"name": "Size", "value": "Large", "type": "single-select"}` or a
/// colour `{"name": "Background Color", "value": {"name": "Blue", "hexcode": "#0000FF"}, "type": "color"}`.
public struct AssociatedOption: Codable, Sendable, Hashable {
    public var name: String?
    public var value: AttributeValue?
    public var type: String?

    public init(name: String?, value: AttributeValue?, type: String?) {
        self.name = name
        self.value = value
        self.type = type
    }
}

/// A product variant (size, colour...). Must be named when adding a product that `hasVariant`.
public struct Variant: Codable, Sendable, Hashable, Identifiable {
    @LenientID public var id: String
    @LenientOptionalID public var productId: String?
    public var sku: String?
    public var slug: String?
    public var name: String?
    public var productName: String?
    @Defaulted<Defaults.False> public var active: Bool
    @Defaulted<Defaults.False> public var stockAvailable: Bool
    @Defaulted<Defaults.False> public var backorder: Bool
    @Defaulted<Defaults.False> public var isDefault: Bool
    public var associatedOptions: [String: AssociatedOption]?
    public var pricing: Pricing?
    public var stockQuantity: Int?

    public init(id: String, name: String?, stockAvailable: Bool, pricing: Pricing?) {
        self.id = id
        self.name = name
        self.active = true
        self.stockAvailable = stockAvailable
        self.pricing = pricing
    }

    public var isPurchasable: Bool { stockAvailable || backorder }
}

public struct CategoryRef: Codable, Sendable, Hashable {
    @LenientID public var id: String
    public var name: String?
    public var slug: String?
}

/// A catalog product (list and detail share this shape; detail also carries `variants`).
public struct Product: Codable, Sendable, Hashable, Identifiable {
    @LenientID public var id: String
    public var sku: String?
    public var name: String
    public var slug: String?
    public var shortDescription: String?
    public var description: String?
    public var productType: String?
    @Defaulted<Defaults.False> public var active: Bool
    @Defaulted<Defaults.False> public var stockAvailable: Bool
    @Defaulted<Defaults.False> public var backorder: Bool
    @Defaulted<Defaults.False> public var onOffer: Bool
    @Defaulted<Defaults.False> public var onPromotion: Bool
    @Defaulted<Defaults.False> public var hasVariant: Bool
    public var tags: [String]?
    public var categoryIds: [String]?
    public var categories: [CategoryRef]?
    public var attributes: [ProductAttribute]?
    public var pricing: Pricing?
    public var variantOptions: [VariantOption]?
    public var images: [ProductImage]?
    public var variants: [Variant]?
    public var stockQuantity: Int?
    public var reviewsCount: Int?

    public init(
        id: String, name: String, slug: String? = nil, stockAvailable: Bool = true, hasVariant: Bool = false,
        pricing: Pricing? = nil, variants: [Variant]? = nil
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.active = true
        self.stockAvailable = stockAvailable
        self.hasVariant = hasVariant
        self.pricing = pricing
        self.variants = variants
    }

    /// Purchasable if in stock or on backorder (reference: SKILL:catalog).
    public var isPurchasable: Bool { stockAvailable || backorder }
}

public struct ProductsPage: Decodable, Sendable, Hashable {
    public var products: [Product]
    public var pagination: Pagination?
    /// Products of this page that could not be read (left out of `products`).
    public var dropped: [DroppedElement]

    public init(products: [Product], pagination: Pagination? = nil, dropped: [DroppedElement] = []) {
        self.products = products
        self.pagination = pagination
        self.dropped = dropped
    }

    private enum CodingKeys: String, CodingKey { case products, pagination }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let list = try container.lossy(Product.self, forKey: .products)
        products = list.elements
        dropped = list.dropped
        pagination = try container.decodeIfPresent(Pagination.self, forKey: .pagination)
    }
}

public struct ProductContent: Decodable, Sendable, Hashable {
    public var product: Product
}

public struct VariantsContent: Decodable, Sendable, Hashable {
    public var variants: [Variant]

    private enum CodingKeys: String, CodingKey { case variants }

    public init(from decoder: any Decoder) throws {
        variants = try decoder.container(keyedBy: CodingKeys.self).lossy(Variant.self, forKey: .variants).elements
    }
}

public struct VariantContent: Decodable, Sendable, Hashable {
    public var variant: Variant
}

public struct Category: Codable, Sendable, Hashable, Identifiable {
    @LenientID public var id: String
    public var name: String
    public var slug: String?
    public var description: String?
    public var parentCategoryId: String?
    public var productCount: Int?
    public var active: Bool?
    public var childCategories: [Category]?

    public init(id: String, name: String, slug: String?, productCount: Int? = nil) {
        self.id = id
        self.name = name
        self.slug = slug
        self.productCount = productCount
    }
}

public struct CategoriesPage: Decodable, Sendable, Hashable {
    public var categories: [Category]
    public var pagination: Pagination?

    private enum CodingKeys: String, CodingKey { case categories, pagination }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        categories = try container.lossy(Category.self, forKey: .categories).elements
        pagination = try container.decodeIfPresent(Pagination.self, forKey: .pagination)
    }
}

/// Query for `GET /catalog/products`.
public struct ProductQuery: Sendable, Hashable, Codable {
    public var page: Int
    public var limit: Int
    public var categoryId: String?
    public var categorySlug: String?
    public var sortBy: String?

    public init(
        page: Int = 1, limit: Int = 25, categoryId: String? = nil, categorySlug: String? = nil,
        sortBy: String? = nil
    ) {
        self.page = page
        self.limit = limit
        self.categoryId = categoryId
        self.categorySlug = categorySlug
        self.sortBy = sortBy
    }
}

/// Body of `POST /catalog/products/search`.
public struct SearchRequest: Codable, Sendable, Hashable {
    public var query: String
    public var page: Int
    public var limit: Int
    public var facets: [String]?
    public var filter: String?
    public var sort: [String]?

    public init(
        query: String, page: Int = 1, limit: Int = 25, facets: [String]? = nil, filter: String? = nil,
        sort: [String]? = nil
    ) {
        self.query = query
        self.page = page
        self.limit = limit
        self.facets = facets
        self.filter = filter
        self.sort = sort
    }
}

/// A flat SKU as search and wishlist return it.
public struct CatalogItem: Codable, Sendable, Hashable {
    @LenientID public var productId: String
    @LenientOptionalID public var variantId: String?
    public var productName: String?
    public var variantName: String?
    public var productSlug: String?
    public var variantSlug: String?
    public var sku: String?
    public var pricing: Pricing?
    @Defaulted<Defaults.False> public var stockAvailable: Bool
    @Defaulted<Defaults.False> public var backorder: Bool
    public var images: [ProductImage]?

    public init(
        productId: String, variantId: String?, productName: String?, pricing: Pricing?,
        stockAvailable: Bool = true
    ) {
        self.productId = productId
        self.variantId = variantId
        self.productName = productName
        self.pricing = pricing
        self.stockAvailable = stockAvailable
    }

    public var displayName: String { ItemName.of(product: productName, variant: variantName) }
}

public struct SearchResult: Decodable, Sendable, Hashable {
    public var skus: [CatalogItem]
    /// Results that could not be read (left out of `skus`).
    public var dropped: [DroppedElement] = []
    /// `{attribute: {value: count}}` for the requested facets.
    public var facetDistribution: [String: [String: Int]]?
    /// `{attribute: {min, max}}` for numeric facets.
    public var facetStats: [String: FacetStats]?
    public var pagination: Pagination?

    private enum CodingKeys: String, CodingKey { case skus, facetDistribution, facetStats, pagination }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let list = try container.lossy(CatalogItem.self, forKey: .skus)
        skus = list.elements
        dropped = list.dropped
        // Facets are extras: an unexpected shape loses them, not the results.
        facetDistribution = try? container.decodeIfPresent([String: [String: Int]].self, forKey: .facetDistribution)
        facetStats = try? container.decodeIfPresent([String: FacetStats].self, forKey: .facetStats)
        pagination = try container.decodeIfPresent(Pagination.self, forKey: .pagination)
    }
}

public struct FacetStats: Codable, Sendable, Hashable {
    public var min: Decimal?
    public var max: Decimal?
}
