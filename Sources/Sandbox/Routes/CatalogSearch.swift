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

    func search(_ request: Request, _ context: SandboxContext) async throws -> Response {
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
        let search = SearchQuery(
            words: query.lowercased().split(whereSeparator: \.isWhitespace).prefix(10).map(String.init),
            filter: filter, facets: facets, sorts: sorts, page: page, limit: limit)
        let catalog = services.catalog
        let result = try await services.database.read { db -> SearchResult in
            let snapshot = try catalog.snapshot(db, now: services.now())
            let found = try SearchIndex.search(db, search, snapshot: snapshot)
            return SearchResult(
                skus: found.rows.map { snapshot.itemWire($0.product, variant: $0.variant) },
                facetDistribution: found.distribution,
                facetStats: found.stats.mapValues { FacetStats(min: $0.min, max: $0.max) },
                pagination: PaginationWire(total: found.total, page: page, limit: limit))
        }
        return try Reply.ok(result, message: "Search results")
    }
}
