import StorefrontAPI

/// Categories, the paged product list, and search as you type (debounced; stale answers dropped).
extension Reducer {
    static func reduceCatalog(_ state: inout State, _ action: CatalogAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .view(.loadMore):
            return loadProducts(&state, environment)

        case .view(.refresh):
            state.catalog.products = []
            state.catalog.showsSavedCopy = false
            state.catalog.nextPage = 1
            state.catalog.selectedIndex = 0
            state.catalog.isLoading = false
            // The session never started (the store did not answer at launch): start it again, which loads the
            // products, the categories and the cart; reloading only the products would leave the cart unknown.
            if case .failed = state.session {
                return .merge(.cancel(.catalogPage), startSession(&state, environment))
            }
            return .merge(.cancel(.catalogPage), loadProducts(&state, environment))

        case .response(.pageLoaded(let page, let products, let nextPage, let total, let unreadable)):
            state.catalog.isLoading = false
            state.inFlight.remove(.products)
            if page == 1 { state.catalog.products = products } else { state.catalog.products += products }
            if page == 1 { state.catalog.unreadable = unreadable } else { state.catalog.unreadable += unreadable }
            state.catalog.nextPage = nextPage
            state.catalog.totalRecords = total
            if state.form[.searchQuery].isEmpty {
                state.catalog.selectedIndex = clampIndex(
                    state.catalog.selectedIndex, count: state.catalog.products.count)
            }
            guard page == 1 else { return .none }
            state.catalog.showsSavedCopy = false
            return saveCatalog(state, environment)

        case .response(.pageFailed(let error)):
            // A saved copy on screen stays (drawn as a saved copy, no longer "refreshing").
            state.catalog.isLoading = false
            return fail(&state, error, .products, environment)

        case .view(.savedCopyRead(let saved)):
            // Only before the store's first page (an answer is never replaced by the copy), on the full list.
            guard state.catalog.products.isEmpty, state.catalog.nextPage == 1, state.catalog.categoryID == nil,
                !saved.products.isEmpty
            else { return .none }
            state.catalog.products = saved.products
            state.catalog.totalRecords = saved.totalRecords
            state.catalog.showsSavedCopy = true
            state.catalog.selectedIndex = 0
            if state.catalog.categories.isEmpty { state.catalog.categories = saved.categories }
            return .none

        case .response(.categoriesLoaded(let categories)):
            state.inFlight.remove(.categories)
            state.catalog.categories = categories
            return saveCatalog(state, environment)

        case .response(.categoriesFailed(let error)):
            return fail(&state, error, .categories, environment)

        case .view(.chooseCategory(let id)):
            guard id != state.catalog.categoryID else { return .none }
            state.catalog.categoryID = id
            return reduceCatalog(&state, .view(.refresh), environment)

        case .response(.searchAnswered(let generation, let query, let items)):
            guard generation == state.catalog.searchGeneration else { return .none }
            state.inFlight.remove(.search)
            state.catalog.results = items
            state.catalog.resultsQuery = query
            state.catalog.selectedIndex = 0
            return .none

        case .response(.searchFailed(let generation, let error)):
            guard generation == state.catalog.searchGeneration else { return .none }
            return fail(&state, error, .search, environment)

        case .view(.clearSearch):
            state.form[.searchQuery] = ""
            return searchChanged(&state, environment)
        }
    }

    static func loadProducts(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard !state.catalog.isLoading, let page = state.catalog.nextPage else { return .none }
        state.catalog.isLoading = true
        state.inFlight.insert(.products)
        let query = ProductQuery(page: page, limit: environment.policy.pageSize, categoryId: state.catalog.categoryID)
        return call(.catalogPage, environment) { api in
            let result = try await api.products(query)
            return .catalog(
                .response(
                    .pageLoaded(
                        page: page, products: result.products, nextPage: result.pagination?.nextPage,
                        total: result.pagination?.totalRecords ?? result.products.count, unreadable: result.dropped)))
        } failure: {
            .catalog(.response(.pageFailed($0)))
        }
    }

    /// Saves the store's first page of the full list (and the categories) for the next start; nothing while the
    /// list shows a saved copy, a category or nothing yet.
    static func saveCatalog(_ state: State, _ environment: ShopEnvironment) -> Effect {
        guard let cache = environment.catalogCache, !state.catalog.showsSavedCopy, state.catalog.categoryID == nil,
            !state.catalog.products.isEmpty
        else { return .none }
        let saved = SavedCatalog(
            products: Array(state.catalog.products.prefix(environment.policy.pageSize)),
            totalRecords: state.catalog.totalRecords, categories: state.catalog.categories)
        return .run { _ in await cache.save(saved) }
    }

    static func loadCategories(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        state.inFlight.insert(.categories)
        return call(.categories, environment) { api in
            .catalog(.response(.categoriesLoaded(try await api.categories(parentID: nil, search: nil).categories)))
        } failure: {
            .catalog(.response(.categoriesFailed($0)))
        }
    }

    /// Every change of the query: a new generation, a debounced search; an empty query clears the results.
    static func searchChanged(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        let query = state.form.trimmed(.searchQuery)
        state.catalog.searchGeneration += 1
        state.catalog.selectedIndex = 0
        guard !query.isEmpty else {
            state.inFlight.remove(.search)
            state.catalog.results = []
            state.catalog.resultsQuery = ""
            return .cancel(.search)
        }
        state.inFlight.insert(.search)
        let generation = state.catalog.searchGeneration
        let request = SearchRequest(query: query, page: 1, limit: environment.policy.pageSize)
        let clock = environment.clock
        let debounce = environment.policy.searchDebounce
        let api = environment.api
        return .run(id: .search) { send in
            do { try await clock.sleep(for: debounce) } catch { return }
            do {
                let result = try await api.search(request)
                await send(
                    .catalog(.response(.searchAnswered(generation: generation, query: query, items: result.skus))))
            } catch {
                await send(.catalog(.response(.searchFailed(generation: generation, apiError(error)))))
            }
        }
    }
}

/// The product page: detail, variants, quantity within the stock and order limits, add to cart or wishlist.
extension Reducer {
    static func reduceProduct(_ state: inout State, _ action: ProductAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .view(.open(let id)):
            if state.product.id != id {
                state.product = ProductState()
                state.product.id = id
            }
            // Opened from a search result (the catalog under it, searching): that result's variant first.
            if state.route.dropLast().last == .catalog, !state.form[.searchQuery].isEmpty,
                let result = state.catalog.selectedResult, result.productId == id
            {
                state.product.preferredVariantID = result.variantId
            }
            state.inFlight.insert(.product)
            return call(.product, environment) { api in
                let product = try await api.product(id)
                let variants =
                    product.hasVariant && (product.variants ?? []).isEmpty
                    ? try await api.variants(productID: product.id) : (product.variants ?? [])
                return .product(.response(.loaded(product, variants: variants)))
            } failure: {
                .product(.response(.failed(id: id, $0)))
            }

        case .response(.loaded(let product, let variants)):
            guard state.product.id == product.id || state.product.id == product.slug else { return .none }
            state.inFlight.remove(.product)
            state.product.product = product
            state.product.variants = variants.filter(\.active)
            let preferred = state.product.preferredVariantID.flatMap { id in
                state.product.variants.firstIndex { $0.id == id }
            }
            state.product.preferredVariantID = nil
            if let preferred {
                state.product.selectedVariantIndex = preferred
            } else if state.product.selectedVariant == nil || state.product.selectedVariantIndex == 0 {
                state.product.selectedVariantIndex =
                    state.product.variants.firstIndex { $0.isDefault && $0.isPurchasable }
                    ?? state.product.variants.firstIndex(where: \.isPurchasable) ?? 0
            }
            state.product.quantity = state.product.minQuantity
            return .none

        case .response(.failed(let id, let error)):
            guard state.product.id == id else { return .none }
            return fail(&state, error, .product, environment)

        case .view(.selectVariant(let index)):
            guard state.product.variants.indices.contains(index) else { return .none }
            state.product.selectedVariantIndex = index
            state.product.quantity = state.product.minQuantity
            return .none

        case .view(.changeQuantity(let delta)):
            var quantity = max(state.product.minQuantity, state.product.quantity + delta)
            if let max = state.product.maxQuantity, quantity > max {
                quantity = max
                showInfo(&state, "Only \(max) can be ordered.")
            }
            state.product.quantity = quantity
            return .none

        case .view(.addToCart):
            guard let product = state.product.product, let line = state.product.line else { return .none }
            if product.hasVariant && state.product.selectedVariant == nil {
                showError(&state, "Choose a variant first.")
                return .none
            }
            guard state.product.isPurchasable else {
                showError(&state, "\(product.name) is out of stock.")
                return .none
            }
            var quantity = state.cart.quantity(of: line) + state.product.quantity
            if let max = state.product.maxQuantity, quantity > max {
                quantity = max
                showInfo(&state, "Only \(max) can be ordered; the cart has \(max).")
            } else {
                showSuccess(&state, "Added \(product.name) to the cart.")
            }
            let pricing = state.product.pricing
            let preview = CartItem(
                productId: line.productId, variantId: line.variantId,
                productName: ItemName.of(product: product.name, variant: state.product.selectedVariant?.name),
                quantity: quantity, sellingPrice: pricing?.sellingPrice ?? .zero)
            return tellParent(
                &state, .product(.delegate(.addToCart(line, quantity: quantity, preview: preview))), environment)

        case .view(.addToWishlist):
            guard let line = state.product.line else { return .none }
            return tellParent(&state, .product(.delegate(.addToWishlist(line))), environment)

        case .delegate:
            return .none
        }
    }
}
