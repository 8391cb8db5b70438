import Foundation
import StorefrontAPI

/// What replay compares: the part of the state a customer sees and support cares about, without what differs
/// between runs anyway (ids of carts and addresses, tokens, order numbers, timestamps, texts with names).
public struct ReplayFingerprint: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var line: LineID
        public var name: String
        public var quantity: Int
        public var unitPrice: Money
    }

    public var route: [String]
    public var signedIn: Bool
    public var lines: [Line]
    public var totals: CartSnapshot.Totals?
    public var couponCode: String?
    public var giftCardCode: String?
    public var wishlist: [String]
    public var notice: String?
    public var placement: String
    /// The placed order's grand total and amount to be paid (its number differs between runs).
    public var orderTotals: [Money]?
    public var paymentPhase: String

    public init(_ state: State) {
        route = state.route.map(Self.name)
        signedIn = state.isSignedIn
        lines = state.cart.lines.map {
            Line(
                line: $0.item.lineID, name: $0.item.displayName, quantity: $0.item.quantity,
                unitPrice: $0.item.sellingPrice)
        }
        totals = state.cart.server.map { CartSnapshot.Totals(cart: $0) }
        couponCode = state.cart.server?.couponCode
        giftCardCode = state.cart.server?.giftCardCode
        wishlist = state.wishlist.items.map { $0.productId + ($0.variantId.map { "/" + $0 } ?? "") }
        notice = state.notice?.kind.rawValue
        placement = state.checkout.placement.rawValue
        orderTotals = state.checkout.order.map { [$0.grandTotal, $0.toBePaid] }
        paymentPhase = state.payment.phase.rawValue
    }

    /// A route without the parts that differ between runs (order numbers).
    static func name(_ route: Route) -> String { route.replayName }

    /// How `replayed` differs from this (recorded) fingerprint, most telling first: cart lines and totals, then
    /// codes, the screen, the session, payment, the wishlist, the notice.
    public func differences(to replayed: ReplayFingerprint) -> [ReplayDifference] {
        var result: [ReplayDifference] = []
        func compare(_ key: String, _ recorded: String, _ live: String) {
            if recorded != live { result.append(ReplayDifference(key: key, recorded: recorded, replayed: live)) }
        }
        let replayedLines = Dictionary(replayed.lines.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        for line in lines {
            let key = "cart.line[\(line.name)]"
            guard let other = replayedLines[line.line] else {
                compare(key, "× \(line.quantity)", "absent")
                continue
            }
            compare(key + ".unit_price", line.unitPrice.formatted(), other.unitPrice.formatted())
            compare(key + ".quantity", String(line.quantity), String(other.quantity))
        }
        let recordedIDs = Set(lines.map(\.line))
        for line in replayed.lines where !recordedIDs.contains(line.line) {
            compare("cart.line[\(line.name)]", "absent", "× \(line.quantity)")
        }
        let names = [
            "subtotal", "discounts", "tax", "shipping", "loyalty_points", "credit", "gift_card", "grand_total",
            "to_be_paid",
        ]
        switch (totals, replayed.totals) {
        case (let mine?, let theirs?):
            for (index, (a, b)) in zip(mine.named, theirs.named).enumerated() {
                compare("cart." + names[index], a.1, b.1)
            }
        case (nil, nil):
            break
        case (let mine, let theirs):
            compare("cart", mine == nil ? "none" : "loaded", theirs == nil ? "none" : "loaded")
        }
        compare("cart.coupon_code", couponCode ?? "none", replayed.couponCode ?? "none")
        compare("cart.gift_card_code", giftCardCode ?? "none", replayed.giftCardCode ?? "none")
        compare("route", route.joined(separator: " › "), replayed.route.joined(separator: " › "))
        compare("signed_in", String(signedIn), String(replayed.signedIn))
        compare("checkout.placement", placement, replayed.placement)
        let orderNames = ["order.grand_total", "order.to_be_paid"]
        for (index, name) in orderNames.enumerated() {
            compare(
                name, orderTotals?[index].formatted() ?? "none", replayed.orderTotals?[index].formatted() ?? "none")
        }
        compare("payment.phase", paymentPhase, replayed.paymentPhase)
        compare("wishlist", wishlist.joined(separator: ", "), replayed.wishlist.joined(separator: ", "))
        compare("notice", notice ?? "none", replayed.notice ?? "none")
        return result
    }
}

/// One way the replayed state differs from the recorded one.
public struct ReplayDifference: Equatable, Sendable, Codable, CustomStringConvertible {
    public var key: String
    public var recorded: String
    public var replayed: String

    public init(key: String, recorded: String, replayed: String) {
        self.key = key
        self.recorded = recorded
        self.replayed = replayed
    }

    public var description: String { "\(key) recorded \(recorded), replayed \(replayed)" }
}

/// The result of a replay.
public struct ReplayReport: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        /// Every checkpoint matched.
        case same
        /// After intent `intent` the states differ.
        case different(intent: Int, summary: String, differences: [ReplayDifference])
        /// Replay could not go on at intent `intent`.
        case stopped(intent: Int, summary: String, reason: String)
    }

    public var outcome: Outcome
    /// Intents sent to the live store.
    public var intentsReplayed: Int
    /// Intents in the recording.
    public var intentsRecorded: Int
    /// Checkpoints compared (those where the recorded store was not waiting on an answer).
    public var checkpointsCompared: Int
    /// What replay did differently from the customer (secrets it filled in).
    public var notes: [String]
    /// At a difference: the message the live store showed (notice or OTP screen), which often says why.
    public var replayedMessage: String?

    public init(
        outcome: Outcome, intentsReplayed: Int, intentsRecorded: Int, checkpointsCompared: Int, notes: [String],
        replayedMessage: String? = nil
    ) {
        self.outcome = outcome
        self.intentsReplayed = intentsReplayed
        self.intentsRecorded = intentsRecorded
        self.checkpointsCompared = checkpointsCompared
        self.notes = notes
        self.replayedMessage = replayedMessage
    }

    public var isSame: Bool { outcome == .same }

    /// One line: "replayed 12 intents; same state" or "first difference after intent #7 (...): ...".
    public var headline: String {
        switch outcome {
        case .same:
            "replayed \(intentsReplayed) intents; same state"
        case .different(let intent, let summary, let differences):
            "first difference after intent #\(intent) (\(summary)): "
                + differences.map(\.description).joined(separator: "; ")
                + (replayedMessage.map { " — the replayed store said: \($0)" } ?? "")
        case .stopped(let intent, let summary, let reason):
            "replay stopped at intent #\(intent) (\(summary)): \(reason)"
        }
    }
}

/// Replays a recording's intents against a live store and finds where the live state first departs from the
/// recorded one.
///
/// The recorded state at each checkpoint is the pure reducer over the recorded lines (intents and answers) up to
/// the next intent; the live state is a real ``Store`` after the intent and its effects. The live store runs on
/// a ``TestClock`` that only replay moves: short timers (the search debounce) fire after every intent; longer
/// ones (OTP cooldown, payment polling) only while the live state has not yet caught up with the recording, up to
/// `maxClockSteps` wake-ups, so replay never waits on real time and payment polling always ends.
@MainActor
public final class Replayer {
    public struct Options: Sendable {
        /// Clock wake-ups allowed per checkpoint while catching up (the 40 payment polls fit).
        public var maxClockSteps = 200
        /// Real time allowed for the store's answers per step.
        public var settleLimit: Duration = .seconds(60)
        /// Real time replay waits, at most, for a store's OTP cooldown to pass (asking again every
        /// `otpCooldownStep`).
        public var otpCooldownLimit: Duration = .seconds(90)
        public var otpCooldownStep: Duration = .seconds(2)
        /// Waits on real time (the OTP cooldown); tests pass one that returns at once.
        public var wait: @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }

        public init() {}
    }

    let recording: Recording
    let api: ShopAPI
    let policy: ShopPolicy
    let options: Options

    public init(recording: Recording, api: ShopAPI, policy: ShopPolicy = ShopPolicy(), options: Options = Options()) {
        self.recording = recording
        self.api = api
        self.policy = policy
        self.options = options
    }

    /// A short description of an intent for the report, Enter named by what it does in `state` (the state it
    /// was pressed in): "product.addToCart", "checkout.placeOrder", "setField(loginIdentifier, …)".
    public static func summary(_ action: Action, in state: State) -> String {
        summary(action == .select ? Reducer.selectAction(state) ?? action : action)
    }

    /// A short description of an intent for the report: "checkout.placeOrder", "setField(loginIdentifier, …)".
    public static func summary(_ action: Action) -> String {
        let mirror = Mirror(reflecting: action.redacted)
        guard let child = mirror.children.first, let label = child.label else { return "\(action)" }
        let features: Set = [
            "session", "catalog", "product", "cart", "wishlist", "coupons", "checkout", "payment", "orders", "account",
        ]
        if features.contains(label) {
            // Past the feature action's kind (`view`, `response`, `delegate`) to its case.
            var value = child.value
            if let kind = Mirror(reflecting: value).children.first,
                ["view", "response", "delegate"].contains(kind.label)
            {
                value = kind.value
            }
            let inner = Mirror(reflecting: value)
            if let name = inner.children.first?.label { return "\(label).\(name)" }
            return "\(label).\(value)"
        }
        let parts = Mirror(reflecting: child.value)
        if parts.displayStyle == .tuple {
            return "\(label)(" + parts.children.map { "\($0.value)" }.joined(separator: ", ") + ")"
        }
        return "\(label)(\(child.value))"
    }

    /// Replays every intent (a ``ReplaySession`` run to its end) and reports.
    public func run() async -> ReplayReport {
        let session = ReplaySession(recording: recording, api: api, policy: policy, options: options)
        defer { session.close() }
        return await session.runToEnd()
    }

    /// The recorded store was not waiting on an answer (other than payment polling and a pending search).
    static func isQuiet(_ state: State) -> Bool {
        state.inFlight.subtracting([.paymentPolling, .search]).isEmpty && !state.cart.isMutating
    }
}
