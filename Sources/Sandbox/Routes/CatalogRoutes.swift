import Foundation
import GRDB
import Hummingbird

/// `/catalog/...`: products (paging, category filters), detail, variants, categories and search.
struct CatalogRoutes {
    let services: SandboxServices

    struct ProductList: Encodable, Sendable {
        var products: [ProductWire]
        var pagination: PaginationWire
    }

    struct CategoryList: Encodable, Sendable {
        var categories: [CategoryWire]
        var pagination: PaginationWire
    }

    func register(on api: RouteGroups) {
        let group = api.publicRead
        group.get("catalog/products") { request, _ in try await listProducts(request) }
        group.post("catalog/products/search") { request, context in try await search(request, context) }
        group.get("catalog/products/:product") { request, context in try await productDetail(request, context) }
        group.get("catalog/products/:product/variants") { request, context in try await variants(request, context) }
        group.get("catalog/products/:product/variants/:variant") { request, context in
            try await variantDetail(request, context)
        }
        group.get("catalog/categories") { request, _ in try await categories(request) }
    }

    func listProducts(_ request: Request) async throws -> Response {
        let query = Query(request: request)
        let (page, limit) = try query.paging(defaultLimit: Self.productPageSize)
        let categoryIds = query.list("category_id")
        let categorySlugs = query.list("category_slug")
        let order = try Self.productOrder(query.string("sort_by"))
        let body = try await productPage(
            page: page, limit: limit, categoryIds: categoryIds, categorySlugs: categorySlugs, order: order)
        return Reply.json(body)
    }

    static let productsMessage = "Products retrieved successfully"
    /// The pages' sizes when a request names none (the vendor's default; the warm-up reads these pages).
    static let productPageSize = 25
    static let categoryPageSize = 50

    /// The encoded answer for a page of active products, in `order` (``productOrder(_:)``), of these categories
    /// when any are given: kept (``CatalogAnswerCache``) while the catalog and the set of active promotions stay
    /// as they are.
    func productPage(
        page: Int, limit: Int, categoryIds: [String] = [], categorySlugs: [String] = [], order: String = "seq DESC"
    ) async throws -> ByteBuffer {
        let key = CatalogAnswerCache.key(
            page: page, limit: limit, categoryIds: categoryIds, categorySlugs: categorySlugs, order: order)
        let catalog = services.catalog
        let answers = services.catalogAnswers
        let now = services.now()
        return try await services.database.read { db -> ByteBuffer in
            let version = try ChangeCounters.catalog(db)
            if let body = answers.answer(key: key, version: version, now: now) { return body }
            let snapshot = try catalog.snapshot(db, now: now)
            let list = try Self.productList(
                db, snapshot: snapshot, page: page, limit: limit, categoryIds: categoryIds,
                categorySlugs: categorySlugs, order: order)
            let body = try Reply.okBody(list, message: Self.productsMessage)
            answers.store(
                .init(readAt: now, validUntil: snapshot.nextChange, body: body), key: key, version: version, db)
            return body
        }
    }

    static func productList(
        _ db: Database, snapshot: CatalogSnapshot, page: Int, limit: Int, categoryIds: [String],
        categorySlugs: [String], order: String
    ) throws -> ProductList {
        var filterIds = categoryIds
        if !categorySlugs.isEmpty {
            let bySlug = snapshot.categoriesById.values.filter { categorySlugs.contains($0.slug) }.map(\.id)
            filterIds.append(contentsOf: bySlug)
            if bySlug.isEmpty && categoryIds.isEmpty {
                return ProductList(products: [], pagination: PaginationWire(total: 0, page: page, limit: limit))
            }
        }
        let offset = (page - 1) * limit
        let total: Int
        let records: [ProductRecord]
        if filterIds.isEmpty {
            total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product WHERE active = 1") ?? 0
            records = try ProductRecord.fetchAll(
                db, sql: "SELECT * FROM product WHERE active = 1 ORDER BY \(order) LIMIT ? OFFSET ?",
                arguments: [limit, offset])
        } else {
            let marks = databaseQuestionMarks(count: filterIds.count)
            total =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(DISTINCT product_id) FROM product_category WHERE category_id IN (\(marks))",
                    arguments: StatementArguments(filterIds)) ?? 0
            records = try ProductRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM product WHERE active = 1 AND id IN (
                      SELECT product_id FROM product_category WHERE category_id IN (\(marks)))
                    ORDER BY \(order) LIMIT ? OFFSET ?
                    """,
                arguments: StatementArguments(filterIds) + [limit, offset])
        }
        return ProductList(
            products: records.map { snapshot.productWire($0, variants: nil) },
            pagination: PaginationWire(total: total, page: page, limit: limit))
    }

    /// `sort_by` is a JSON object such as `{"created_at":"desc"}` or `{"selling_price":"asc"}`.
    static func productOrder(_ sortBy: String?) throws -> String {
        let columns = [
            "created_at": "seq", "selling_price": "selling_price", "pricing.selling_price": "selling_price",
            "name": "name", "reviews_count": "reviews_count",
        ]
        guard let sortBy else { return "seq DESC" }
        guard case .object(let fields)? = try? JSONValue.parse(Data(sortBy.utf8)), !fields.isEmpty else {
            throw APIError.validation(field: "sort_by", "Must be a JSON object like {\"created_at\":\"desc\"}")
        }
        var terms: [String] = []
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let column = columns[key] else {
                throw APIError.validation(
                    field: "sort_by", "Unknown sort key '\(key)' (\(columns.keys.sorted().joined(separator: ", ")))")
            }
            guard case .string(let direction) = value, ["asc", "desc"].contains(direction.lowercased()) else {
                throw APIError.validation(field: "sort_by", "Direction must be \"asc\" or \"desc\"")
            }
            terms.append("\(column) \(direction.uppercased())")
        }
        return (terms + ["seq DESC"]).joined(separator: ", ")
    }

    func productDetail(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let key = try context.parameters.require("product")
        let catalog = services.catalog
        let product = try await services.database.read { db -> ProductWire? in
            guard let record = try CatalogQueries.product(db, idOrSlug: key) else { return nil }
            let snapshot = try catalog.snapshot(db, now: services.now())
            return snapshot.productWire(record, variants: try CatalogQueries.variants(db, productId: record.id))
        }
        guard let product else { throw APIError.notFound("Product '\(key)' not found") }
        return try Reply.ok(["product": product], message: "Product retrieved successfully")
    }

    func variants(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let key = try context.parameters.require("product")
        let catalog = services.catalog
        let variants = try await services.database.read { db -> [VariantWire]? in
            guard let record = try CatalogQueries.product(db, idOrSlug: key) else { return nil }
            let snapshot = try catalog.snapshot(db, now: services.now())
            return try CatalogQueries.variants(db, productId: record.id).map { snapshot.variantWire($0, of: record) }
        }
        guard let variants else { throw APIError.notFound("Product '\(key)' not found") }
        return try Reply.ok(["variants": variants], message: "Variants retrieved successfully")
    }

    func variantDetail(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let key = try context.parameters.require("product")
        let variantKey = try context.parameters.require("variant")
        let catalog = services.catalog
        let variant = try await services.database.read { db -> VariantWire? in
            guard let record = try CatalogQueries.product(db, idOrSlug: key) else { return nil }
            let snapshot = try catalog.snapshot(db, now: services.now())
            return try CatalogQueries.variants(db, productId: record.id)
                .first { $0.id == variantKey || $0.slug == variantKey }
                .map { snapshot.variantWire($0, of: record) }
        }
        guard let variant else { throw APIError.notFound("Variant '\(variantKey)' not found") }
        return try Reply.ok(["variant": variant], message: "Variant retrieved successfully")
    }

    func categories(_ request: Request) async throws -> Response {
        let query = Query(request: request)
        let (page, limit) = try query.paging(defaultLimit: Self.categoryPageSize)
        let search = query.string("search")?.lowercased()
        let parentId = query.string("parent_category_id")
        let parentSlug = query.string("parent_category_slug")
        let list = try await categoryList(
            page: page, limit: limit, search: search, parentId: parentId, parentSlug: parentSlug)
        return try Reply.ok(list, message: Self.categoriesMessage)
    }

    static let categoriesMessage = "Categories retrieved successfully"

    /// A page of categories: top-level ones, a parent's children, or those whose name or slug has `search`.
    func categoryList(
        page: Int, limit: Int, search: String? = nil, parentId: String? = nil, parentSlug: String? = nil
    ) async throws -> CategoryList {
        try await services.database.read { db -> CategoryList in
            let all = try CategoryRecord.fetchAll(db, sql: "SELECT * FROM category ORDER BY sort_order")
            let counts = try Row.fetchAll(
                db, sql: "SELECT category_id, COUNT(*) AS n FROM product_category GROUP BY category_id"
            ).reduce(into: [String: Int]()) { $0[$1["category_id"]] = $1["n"] }
            func wire(_ record: CategoryRecord) -> CategoryWire {
                CategoryWire(
                    id: record.id, name: record.name, slug: record.slug, description: record.description,
                    parentCategoryId: record.parentCategoryId, productCount: counts[record.id] ?? 0, active: true,
                    childCategories: all.filter { $0.parentCategoryId == record.id }.map(wire))
            }
            var selected = all
            if let parentId {
                selected = selected.filter { $0.parentCategoryId == parentId }
            } else if let parentSlug {
                let parent = all.first { $0.slug == parentSlug }?.id
                selected = selected.filter { $0.parentCategoryId != nil && $0.parentCategoryId == parent }
            } else {
                selected = selected.filter { $0.parentCategoryId == nil }
            }
            if let search {
                selected = all.filter { $0.name.lowercased().contains(search) || $0.slug.contains(search) }
            }
            let pageItems = Array(selected.dropFirst((page - 1) * limit).prefix(limit)).map(wire)
            return CategoryList(
                categories: pageItems, pagination: PaginationWire(total: selected.count, page: page, limit: limit))
        }
    }
}
