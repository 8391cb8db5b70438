import StorefrontAPI

/// Order history (paged) and detail.
extension Reducer {
    static func reduceOrders(_ state: inout State, _ action: OrdersAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .load:
            state.orders.nextPage = 1
            return loadOrders(&state, page: 1, environment)

        case .loadMore:
            guard let page = state.orders.nextPage, !state.inFlight.contains(.orders) else { return .none }
            return loadOrders(&state, page: page, environment)

        case .loaded(let page, let orders, let nextPage):
            state.inFlight.remove(.orders)
            state.orders.orders = page == 1 ? orders : state.orders.orders + orders
            state.orders.nextPage = nextPage
            state.orders.selectedIndex = clampIndex(state.orders.selectedIndex, count: state.orders.orders.count)
            return .none

        case .failed(let error):
            return fail(&state, error, .orders, environment)

        case .open(let number):
            if state.orders.detail?.orderNumber != number {
                state.orders.detail = state.orders.orders.first { $0.orderNumber == number }
            }
            state.inFlight.insert(.orderDetail)
            return call(.orderDetail, environment) { api in
                .orders(.detailLoaded(try await api.order(number)))
            } failure: {
                .orders(.detailFailed($0))
            }

        case .detailLoaded(let order):
            state.inFlight.remove(.orderDetail)
            guard case .orderDetail(let number) = state.currentRoute, number == order.orderNumber else {
                return .none
            }
            state.orders.detail = order
            return .none

        case .detailFailed(let error):
            return fail(&state, error, .orderDetail, environment)
        }
    }

    static func loadOrders(_ state: inout State, page: Int, _ environment: ShopEnvironment) -> Effect {
        state.inFlight.insert(.orders)
        let limit = environment.policy.ordersPageSize
        return call(.orders, environment) { api in
            let result = try await api.orders(page: page, limit: limit)
            return .orders(.loaded(page: page, orders: result.orders, nextPage: result.pagination?.nextPage))
        } failure: {
            .orders(.failed($0))
        }
    }
}
