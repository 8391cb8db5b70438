import StorefrontAPI

public struct OrdersState: Equatable, Sendable {
    public var orders: [Order] = []
    public var nextPage: Int? = 1
    public var selectedIndex = 0
    public var detail: Order?
    /// The cancel confirmation of the order shown is showing.
    public var confirmingCancel = false
    /// Set at start: the first orders read say how many await payment (a notice).
    public var announceAwaiting = false

    public init() {}

    public var selectedOrder: Order? {
        orders.indices.contains(selectedIndex) ? orders[selectedIndex] : nil
    }

    /// The orders read so far that can still be paid.
    public var awaitingPayment: [Order] { orders.filter(\.isAwaitingPayment) }

    /// "1 order awaiting payment", nil when none.
    public var awaitingPaymentText: String? {
        let count = awaitingPayment.count
        guard count > 0 else { return nil }
        return count == 1 ? "1 order awaiting payment" : "\(count) orders awaiting payment"
    }
}
