/// Work a reducer asks for: run outside the reducer, feeding its results back as actions (Bubble Tea's commands).
public struct Effect: Sendable {
    public typealias Send = @Sendable (Action) async -> Void

    enum Operation: Sendable {
        case run(id: EffectID?, work: @Sendable (Send) async -> Void)
        case cancel(EffectID)
    }

    let operations: [Operation]

    public static let none = Effect(operations: [])

    /// Runs `work`; with an `id`, a newer effect of the same id cancels the older one (whose actions are dropped).
    public static func run(id: EffectID? = nil, _ work: @escaping @Sendable (Send) async -> Void) -> Effect {
        Effect(operations: [.run(id: id, work: work)])
    }

    /// Cancels the running effect of that id; its later actions are dropped.
    public static func cancel(_ id: EffectID) -> Effect {
        Effect(operations: [.cancel(id)])
    }

    public static func merge(_ effects: Effect...) -> Effect {
        merge(effects)
    }

    public static func merge(_ effects: [Effect]) -> Effect {
        Effect(operations: effects.flatMap(\.operations))
    }

    public var isNone: Bool { operations.isEmpty }

    /// The ids this effect starts (tests and logs).
    public var runIDs: [EffectID?] {
        operations.compactMap { operation in
            if case .run(let id, _) = operation { return .some(id) }
            return nil
        }
    }

    /// The ids this effect cancels.
    public var cancelledIDs: [EffectID] {
        operations.compactMap { operation in
            if case .cancel(let id) = operation { return id }
            return nil
        }
    }
}

/// Names an effect so that it can be cancelled or replaced.
public struct EffectID: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }
}

extension EffectID {
    static let session = EffectID("session")
    static let catalogPage = EffectID("catalog.page")
    static let categories = EffectID("catalog.categories")
    static let search = EffectID("catalog.search")
    static let product = EffectID("product.detail")
    static let cartLoad = EffectID("cart.load")
    static let cartMutation = EffectID("cart.mutation")
    static let wishlist = EffectID("wishlist")
    static let coupons = EffectID("coupons")
    static let auth = EffectID("auth")
    static let otpCooldown = EffectID("auth.cooldown")
    static let account = EffectID("account")
    static let loyalty = EffectID("account.loyalty")
    static let addresses = EffectID("checkout.addresses")
    static let business = EffectID("checkout.business")
    static let delivery = EffectID("checkout.delivery")
    static let placeOrder = EffectID("checkout.placeOrder")
    static let paymentSetup = EffectID("payment.setup")
    static let paymentPoll = EffectID("payment.poll")
    static let orders = EffectID("orders")
    static let orderDetail = EffectID("orders.detail")
    static let cancelOrder = EffectID("orders.cancel")
}
