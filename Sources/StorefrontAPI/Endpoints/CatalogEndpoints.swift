import Foundation

extension StorefrontClient {
    public func products(_ query: ProductQuery = ProductQuery()) async throws(APIError) -> ProductsPage {
        var items = [
            URLQueryItem(name: "page", value: String(query.page)),
            URLQueryItem(name: "limit", value: String(query.limit)),
        ]
        if let id = query.categoryId { items.append(URLQueryItem(name: "category_id", value: id)) }
        if let slug = query.categorySlug { items.append(URLQueryItem(name: "category_slug", value: slug)) }
        if let sort = query.sortBy { items.append(URLQueryItem(name: "sort_by", value: sort)) }
        return try await get("/catalog/products", query: items)
    }

    public func product(_ idOrSlug: String) async throws(APIError) -> Product {
        let content: ProductContent = try await get("/catalog/products/\(PathComponent.escape(idOrSlug))")
        return content.product
    }

    public func variants(productID: String) async throws(APIError) -> [Variant] {
        let content: VariantsContent = try await get("/catalog/products/\(PathComponent.escape(productID))/variants")
        return content.variants
    }

    public func variant(productID: String, variantID: String) async throws(APIError) -> Variant {
        let content: VariantContent = try await get(
            "/catalog/products/\(PathComponent.escape(productID))/variants/\(PathComponent.escape(variantID))")
        return content.variant
    }

    public func categories(parentID: String? = nil, search: String? = nil) async throws(APIError) -> CategoriesPage {
        var items: [URLQueryItem] = []
        if let parentID { items.append(URLQueryItem(name: "parent_category_id", value: parentID)) }
        if let search { items.append(URLQueryItem(name: "search", value: search)) }
        return try await get("/catalog/categories", query: items)
    }

    /// `POST /catalog/products/search` — a read, so it is retried like a GET.
    public func search(_ request: SearchRequest) async throws(APIError) -> SearchResult {
        try await send("POST", "/catalog/products/search", body: request, idempotent: true)
    }
}

enum PathComponent {
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? text
    }
}
