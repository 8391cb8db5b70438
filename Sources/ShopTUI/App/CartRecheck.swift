import Foundation
import ShopCore
import StorefrontAPI

/// While the cart screen is shown the cart is read again every ``interval``, since it may change elsewhere (a
/// second terminal, the kiosk's `ssh … add`); opening the cart reads it too when the last answer is older than
/// that (a cart just answered is not read again: the journey's requests stay the fewest). A read that finds the
/// same cart changes no cell, so nothing is written to the terminal. The shop and the support views run one
/// (``ShopApp/cartRecheck``); the replay view does not: only the recording drives its store.
@MainActor
public final class CartRecheck {
    public nonisolated static let interval: Duration = .seconds(5)
    private let store: Store
    private var timer: (any DispatchSourceTimer)?
    private var readAt: ContinuousClock.Instant?
    private var lastServerCart: Cart?
    private var wasOnCart = false
    private var loading = false
    /// When the last read of the cart answered (wall clock), shown on a support view's notice line while no
    /// notice is: support sees how fresh the customer's cart on screen is.
    public private(set) var answeredAt: Date?

    public init(store: Store) {
        self.store = store
    }

    /// Follows the store after a change: starts or stops the re-reads as the cart screen shows or goes.
    func stateChanged() {
        let cart = store.state.cart
        let nowLoading = store.state.inFlight.contains(.cart)
        if loading, !nowLoading, cart.isLoaded, !cart.isStale { answeredAt = Date() }
        loading = nowLoading
        if cart.server != lastServerCart {
            lastServerCart = cart.server
            readAt = .now
        }
        let onCart = store.state.currentRoute == .cart
        defer { wasOnCart = onCart }
        guard onCart != wasOnCart else { return }
        if onCart {
            if cart.isLoaded, !cart.isStale, readAt.map({ ContinuousClock.now - $0 >= Self.interval }) ?? true {
                recheck()
            }
            let timer = DispatchSource.makeTimerSource(queue: .main)
            let interval = DispatchTimeInterval.seconds(Int(Self.interval.components.seconds))
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [weak self] in
                MainActor.assumeIsolated { self?.timerFired() }
            }
            self.timer = timer
            timer.resume()
        } else {
            timer?.cancel()
            timer = nil
        }
    }

    private func timerFired() {
        let cart = store.state.cart
        guard store.state.currentRoute == .cart, !store.state.inFlight.contains(.cart), cart.inFlight == nil,
            cart.queue.isEmpty, cart.pending.isEmpty,
            readAt.map({ ContinuousClock.now - $0 >= Self.interval }) ?? true
        else { return }
        recheck()
    }

    /// Marks the cart stale, which on the cart screen reads it (the same action as a long absence).
    private func recheck() {
        readAt = .now
        store.send(.cart(.view(.markStale)))
    }
}
