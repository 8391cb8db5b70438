import StorefrontAPI

/// The pure reducer: `(inout State, Action) -> Effect`. It decides; effects do.
public enum Reducer {
    static let pageSize = 25

    public static func reduce(into state: inout State, action: Action, environment: ShopEnvironment) -> Effect {
        switch action {
        case .appStarted:
            state.session = .starting
            let api = environment.api
            return .run(id: EffectID("session")) { send in
                do throws(APIError) {
                    let claims = try await api.session()
                    await send(.sessionStarted(claims))
                } catch {
                    await send(.sessionFailed(error))
                }
            }

        case .sessionStarted(let claims):
            state.session = .ready(claims)
            return loadProducts(&state, environment: environment)

        case .sessionFailed(let error):
            state.session = .failed(error)
            state.notice = Notice(.error, error.message)
            return .none

        case .loadMoreProducts:
            return loadProducts(&state, environment: environment)

        case .productsLoaded(let page, let products, let nextPage, let total):
            state.catalog.isLoading = false
            if page == 1 { state.catalog.products = products } else { state.catalog.products += products }
            state.catalog.nextPage = nextPage
            state.catalog.totalRecords = total
            state.catalog.selectedIndex = min(state.catalog.selectedIndex, max(0, state.catalog.products.count - 1))
            return .none

        case .productsFailed(let error):
            state.catalog.isLoading = false
            state.notice = Notice(.error, error.message)
            return .none

        case .moveSelection(let delta):
            let count = state.catalog.products.count
            guard count > 0 else { return .none }
            state.catalog.selectedIndex = min(max(0, state.catalog.selectedIndex + delta), count - 1)
            // Near the end of what is loaded: fetch the next page.
            if state.catalog.selectedIndex >= count - 5 {
                return loadProducts(&state, environment: environment)
            }
            return .none

        case .dismissNotice:
            state.notice = nil
            return .none
        }
    }

    private static func loadProducts(_ state: inout State, environment: ShopEnvironment) -> Effect {
        guard !state.catalog.isLoading, let page = state.catalog.nextPage else { return .none }
        state.catalog.isLoading = true
        let api = environment.api
        return .run(id: EffectID("catalog.page")) { send in
            do throws(APIError) {
                let result = try await api.products(ProductQuery(page: page, limit: pageSize))
                await send(
                    .productsLoaded(
                        page: page, products: result.products, nextPage: result.pagination?.nextPage,
                        total: result.pagination?.totalRecords ?? result.products.count))
            } catch {
                await send(.productsFailed(error))
            }
        }
    }
}
