import Foundation
import GRDB

/// Search over the catalog's purchasable items (simple products and variants).
struct SearchRow: Sendable {
    let product: ProductRecord
    let variant: VariantRecord?
}

struct SearchQuery: Sendable {
    var words: [String]
    var filter: SearchFilter?
    var facets: [String]
    /// (attribute, ascending), most significant first.
    var sorts: [(String, Bool)]
    var page: Int
    var limit: Int
}

enum SearchIndex {
    static let numericAttributes = [
        "pricing.selling_price", "pricing.listing_price", "pricing.selling_price_including_tax", "pricing.tax_rate",
        "reviews_count",
    ]
    static let facetAttributes = [
        "categories.slug", "categories.name", "tags", "product_type", "brand", "size", "color", "storage",
        "stock_available", "on_offer", "on_promotion",
    ]
    /// Sorts the SQL fast path can do, and their column in the `items` query.
    static let sqlSorts = ["pricing.selling_price": "price", "name": "name", "product_name": "name"]

    struct Result: Sendable {
        var rows: [SearchRow]
        var total: Int
        var distribution: [String: [String: Int]]
        var stats: [String: (min: Decimal, max: Decimal)]
    }

    /// The values of `attribute` for a row (nil: the item has no such attribute).
    static func values(_ attribute: String, _ row: SearchRow, _ snapshot: CatalogSnapshot) -> [String]? {
        let product = row.product
        let variant = row.variant
        let selling = variant?.sellingPrice ?? product.sellingPrice
        switch attribute {
        case "product_id": return [product.id]
        case "variant_id": return variant.map { [$0.id] }
        case "sku": return [variant?.sku ?? product.sku]
        case "name", "product_name": return [product.name]
        case "variant_name": return variant.map { [$0.name] }
        case "product_slug", "slug": return [product.slug]
        case "product_type": return [product.productType]
        case "category_ids", "category_id": return product.categoryIds
        case "categories.slug": return product.categoryIds.compactMap { snapshot.categoriesById[$0]?.slug }
        case "categories.name": return product.categoryIds.compactMap { snapshot.categoriesById[$0]?.name }
        case "tags": return product.tags
        case "stock_available": return ["\((variant?.stock ?? product.stock) > 0)"]
        case "on_offer": return ["\((variant?.listingPrice ?? product.listingPrice) > selling)"]
        case "on_promotion": return ["\(snapshot.promotion(for: product) != nil)"]
        case "reviews_count": return ["\(product.reviewsCount)"]
        case "pricing.selling_price": return [Paise(selling).rupeesText]
        case "pricing.listing_price": return [Paise(variant?.listingPrice ?? product.listingPrice).rupeesText]
        case "pricing.selling_price_including_tax":
            let unit = PricingEngine.unitPrices(
                sellingPrice: selling, taxRate: product.taxRate, taxInclusive: product.taxInclusive)
            return [Paise(unit.including).rupeesText]
        case "pricing.price_including_tax": return ["\(product.taxInclusive)"]
        case "pricing.tax_rate": return ["\(product.taxRate)"]
        default:
            var found = product.attributes.filter { $0.key == attribute }.flatMap(\.value.optionNames)
            if let option = variant?.options[attribute] { found.append(option) }
            return found.isEmpty ? nil : found
        }
    }

    /// Every word in the name, short description, tags or SKU (`LIKE '%word%'`: ASCII letters in any case, `%` and
    /// `_` wildcards), narrowed first by ``SearchWordIndex``. No `lower()`: without ICU it folds only ASCII, as LIKE
    /// already does, so the answers are the same and the scan is cheaper.
    static func wordConditions(_ words: [String], alias: String) -> (String, StatementArguments) {
        var (sql, arguments) = SearchWordIndex.condition(words, alias: alias)
        for word in words {
            sql += """
                 AND (\(alias).name LIKE ? OR \(alias).short_description LIKE ? \
                OR \(alias).tags LIKE ? OR \(alias).sku LIKE ?)
                """
            let pattern = "%\(word)%"
            arguments += [pattern, pattern, pattern, pattern]
        }
        return (sql, arguments)
    }

    static func search(_ db: Database, _ query: SearchQuery, snapshot: CatalogSnapshot) throws -> Result {
        let fastSorts = query.sorts.allSatisfy { sqlSorts[$0.0] != nil }
        if query.filter == nil && query.facets.isEmpty && fastSorts {
            return try sqlSearch(db, query)
        }
        return try scanSearch(db, query, snapshot: snapshot)
    }

    /// Paging done by SQLite: no filter or facets, sorts on plain columns. The matching products are found once
    /// (`hit`), and the page and the total come from one statement.
    static func sqlSearch(_ db: Database, _ query: SearchQuery) throws -> Result {
        let (productWords, arguments) = wordConditions(query.words, alias: "p")
        let items = """
            WITH hit AS MATERIALIZED (
              SELECT p.id, p.selling_price, p.name, p.seq, p.has_variant FROM product p
              WHERE p.active = 1\(productWords)),
            item AS (
              SELECT id AS product_id, '' AS variant_id, selling_price AS price, name, seq, 0 AS position
              FROM hit WHERE has_variant = 0
              UNION ALL
              SELECT h.id, v.id, v.selling_price, h.name, h.seq, v.position
              FROM hit h JOIN variant v ON v.product_id = h.id)
            """
        let order =
            query.sorts.map { "\(sqlSorts[$0.0] ?? "seq") \($0.1 ? "ASC" : "DESC")" } + ["seq DESC", "position ASC"]
        let rows = try Row.fetchAll(
            db,
            sql: """
                \(items) SELECT product_id, variant_id, COUNT(*) OVER () AS total FROM item
                ORDER BY \(order.joined(separator: ", ")) LIMIT ? OFFSET ?
                """,
            arguments: arguments + [query.limit, (query.page - 1) * query.limit])
        let total: Int =
            try rows.first.map { $0["total"] }
            ?? Int.fetchOne(db, sql: "\(items) SELECT COUNT(*) FROM item", arguments: arguments) ?? 0
        let keys: [(String, String)] = rows.map { ($0["product_id"], $0["variant_id"]) }
        let products = Dictionary(
            uniqueKeysWithValues: try ProductRecord.fetchAll(db, keys: Set(keys.map(\.0))).map { ($0.id, $0) })
        let variants = Dictionary(
            uniqueKeysWithValues: try VariantRecord.fetchAll(db, keys: Set(keys.map(\.1).filter { !$0.isEmpty }))
                .map { ($0.id, $0) })
        let page = keys.compactMap { productId, variantId -> SearchRow? in
            guard let product = products[productId] else { return nil }
            return SearchRow(product: product, variant: variantId.isEmpty ? nil : variants[variantId])
        }
        return Result(rows: page, total: total, distribution: [:], stats: [:])
    }

    /// Filters, facets and any sort: every matching item is looked at.
    static func scanSearch(_ db: Database, _ query: SearchQuery, snapshot: CatalogSnapshot) throws -> Result {
        let (words, arguments) = wordConditions(query.words, alias: "product")
        let products = try ProductRecord.fetchAll(
            db, sql: "SELECT * FROM product WHERE active = 1\(words) ORDER BY seq DESC", arguments: arguments)
        let variantsByProduct = Dictionary(
            grouping: try VariantRecord.fetchAll(db, sql: "SELECT * FROM variant ORDER BY position"), by: \.productId)
        var matched: [SearchRow] = []
        for product in products {
            let variants = variantsByProduct[product.id] ?? []
            let rows =
                variants.isEmpty
                ? [SearchRow(product: product, variant: nil)]
                : variants.map { SearchRow(product: product, variant: $0) }
            for row in rows where query.filter?.matches({ values($0, row, snapshot) }) ?? true {
                matched.append(row)
            }
        }
        if !query.sorts.isEmpty {
            let keys = matched.map { row in query.sorts.map { values($0.0, row, snapshot)?.first ?? "" } }
            let order = matched.indices.sorted { lhs, rhs in
                for (index, (_, ascending)) in query.sorts.enumerated() {
                    let a = keys[lhs][index]
                    let b = keys[rhs][index]
                    let comparison = SearchFilter.order(a, b) ?? (a < b ? -1 : (a == b ? 0 : 1))
                    if comparison != 0 { return ascending ? comparison < 0 : comparison > 0 }
                }
                return lhs < rhs
            }
            matched = order.map { matched[$0] }
        }
        let wanted = query.facets.contains("*") ? facetAttributes + numericAttributes : query.facets
        var distribution: [String: [String: Int]] = [:]
        var stats: [String: (min: Decimal, max: Decimal)] = [:]
        for attribute in wanted {
            if numericAttributes.contains(attribute) {
                let numbers = matched.compactMap { values(attribute, $0, snapshot)?.first }
                    .compactMap { Decimal(string: $0, locale: nil) }
                if let low = numbers.min(), let high = numbers.max() { stats[attribute] = (low, high) }
            } else {
                var counts: [String: Int] = [:]
                for row in matched {
                    for value in Set(values(attribute, row, snapshot) ?? []) { counts[value, default: 0] += 1 }
                }
                distribution[attribute] = counts
            }
        }
        let page = Array(matched.dropFirst((query.page - 1) * query.limit).prefix(query.limit))
        return Result(rows: page, total: matched.count, distribution: distribution, stats: stats)
    }
}
