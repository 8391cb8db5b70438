import Foundation
import GRDB
import Hummingbird

/// `POST /catalog/products/search`: words in name/description/tags, Meilisearch-style filters, facets, sort.
extension CatalogRoutes {
    struct FacetStats: Encodable, Sendable {
        var min: Decimal
        var max: Decimal
    }

    struct SearchResult: Encodable, Sendable {
        var skus: [ItemWire]
        var facetDistribution: [String: [String: Int]]
        var facetStats: [String: FacetStats]
        var pagination: PaginationWire
    }

    static let numericAttributes = [
        "pricing.selling_price", "pricing.listing_price", "pricing.price_including_tax", "pricing.tax_rate",
        "reviews_count",
    ]
    static let facetAttributes = [
        "categories.slug", "categories.name", "tags", "product_type", "brand", "size", "color", "storage",
        "stock_available", "on_offer", "on_promotion",
    ]

    /// The filterable attributes of one item.
    static func document(_ item: ItemWire) -> SearchFilter.Document {
        var document: SearchFilter.Document = [
            "product_id": [item.productId], "sku": [item.sku], "product_name": [item.productName],
            "name": [item.productName], "product_slug": [item.productSlug], "product_type": [item.productType],
            "category_ids": item.categoryIds, "category_id": item.categoryIds,
            "categories.slug": item.categories.map(\.slug), "categories.name": item.categories.map(\.name),
            "tags": item.tags, "stock_available": ["\(item.stockAvailable)"], "on_offer": ["\(item.onOffer)"],
            "on_promotion": ["\(item.onPromotion)"], "reviews_count": ["\(item.reviewsCount)"],
            "pricing.selling_price": ["\(item.pricing.sellingPrice.decimal)"],
            "pricing.listing_price": ["\(item.pricing.listingPrice.decimal)"],
            "pricing.price_including_tax": ["\(item.pricing.priceIncludingTax.decimal)"],
            "pricing.tax_rate": ["\(item.pricing.taxRate)"],
        ]
        if let variantId = item.variantId { document["variant_id"] = [variantId] }
        for attribute in item.attributes { document[attribute.key, default: []].append(attribute.value) }
        for (key, option) in item.associatedOptions { document[key, default: []].append(option.value) }
        return document
    }

    func search(_ request: Request, _ context: SandboxContext) async throws -> Response {
        try await auth.requirePublicRead(request)
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        if !body.present("query") { body.fail("query", "Is required") }
        let query = body.string("query") ?? ""
        let page = body.int("page", min: 1) ?? 1
        let limit = body.int("limit", min: 1, max: 100) ?? 25
        var facets: [String] = []
        for (index, value) in (body.array("facets") ?? []).enumerated() {
            if case .string(let name) = value {
                facets.append(name)
            } else {
                body.fail("facets[\(index)]", "Must be a string")
            }
        }
        var sorts: [(String, Bool)] = []
        for (index, value) in (body.array("sort") ?? []).enumerated() {
            guard case .string(let text) = value else {
                body.fail("sort[\(index)]", "Must be a string like \"pricing.selling_price:asc\"")
                continue
            }
            let parts = text.split(separator: ":").map(String.init)
            guard parts.count == 2, parts[1] == "asc" || parts[1] == "desc" else {
                body.fail("sort[\(index)]", "Must be \"attribute:asc\" or \"attribute:desc\"")
                continue
            }
            sorts.append((parts[0], parts[1] == "asc"))
        }
        var filter: SearchFilter?
        do {
            filter = try SearchFilter.parse(json: body.fields["filter"] ?? .null)
        } catch {
            body.fail("filter", error.message)
        }
        try body.validate()
        let words = query.lowercased().split(whereSeparator: \.isWhitespace).prefix(10).map(String.init)
        let settings = services.settings
        let result = try await services.database.read { [filter, sorts, facets] db -> SearchResult in
            let snapshot = try CatalogSnapshot.load(db, settings: settings)
            var sql = "SELECT * FROM product WHERE active = 1"
            var arguments: StatementArguments = []
            for word in words {
                sql +=
                    " AND (lower(name) LIKE ? OR lower(short_description) LIKE ? OR lower(tags) LIKE ? OR lower(sku) LIKE ?)"
                let pattern = "%\(word)%"
                arguments += [pattern, pattern, pattern, pattern]
            }
            sql += " ORDER BY seq DESC"
            let products = try ProductRecord.fetchAll(db, sql: sql, arguments: arguments)
            let variantsByProduct = Dictionary(
                grouping: try VariantRecord.fetchAll(db, sql: "SELECT * FROM variant ORDER BY position"),
                by: \.productId)
            var matched: [(ItemWire, SearchFilter.Document)] = []
            for product in products {
                let variants = variantsByProduct[product.id] ?? []
                let items =
                    variants.isEmpty
                    ? [snapshot.itemWire(product, variant: nil)]
                    : variants.map { snapshot.itemWire(product, variant: $0) }
                for item in items {
                    let document = Self.document(item)
                    if filter?.matches(document) ?? true { matched.append((item, document)) }
                }
            }
            for (attribute, ascending) in sorts.reversed() {
                matched = matched.enumerated().sorted { lhs, rhs in
                    let a = lhs.element.1[attribute]?.first ?? ""
                    let b = rhs.element.1[attribute]?.first ?? ""
                    let order = SearchFilter.order(a, b) ?? (a < b ? -1 : (a == b ? 0 : 1))
                    if order == 0 { return lhs.offset < rhs.offset }
                    return ascending ? order < 0 : order > 0
                }.map(\.element)
            }
            let wanted = facets.contains("*") ? Self.facetAttributes + Self.numericAttributes : facets
            var distribution: [String: [String: Int]] = [:]
            var stats: [String: FacetStats] = [:]
            for attribute in wanted {
                if Self.numericAttributes.contains(attribute) {
                    let numbers = matched.compactMap { $0.1[attribute]?.first }.compactMap {
                        Decimal(string: $0, locale: nil)
                    }
                    if let low = numbers.min(), let high = numbers.max() {
                        stats[attribute] = FacetStats(min: low, max: high)
                    }
                } else {
                    var counts: [String: Int] = [:]
                    for (_, document) in matched {
                        for value in Set(document[attribute] ?? []) { counts[value, default: 0] += 1 }
                    }
                    distribution[attribute] = counts
                }
            }
            let pageItems = Array(matched.dropFirst((page - 1) * limit).prefix(limit)).map(\.0)
            return SearchResult(
                skus: pageItems, facetDistribution: distribution, facetStats: stats,
                pagination: PaginationWire(total: matched.count, page: page, limit: limit))
        }
        return try Reply.ok(result, message: "Search results")
    }
}
