import StorefrontAPI

/// A cart mutation; the cart runs one at a time.
public enum CartCommand: Codable, Sendable, Hashable {
    case setQuantity(LineID, Int)
    case applyCoupon(String)
    case removeCoupon
    case applyGiftCard(String)
    case removeGiftCard
    case redeemLoyaltyPoints(Int)
    case removeLoyaltyPoints
    case redeemCreditBalance(Money)
    case removeCreditBalance
    case setAddresses(billingID: String, shippingID: String)
    case setDelivery(methodID: String, courierID: String?, shipmentID: String? = nil)
    /// Collect-in-store at a store of the fulfillment options.
    case setPickup(storeID: String)
}

/// A quantity the user asked for that the server has not confirmed yet.
public struct PendingLine: Equatable, Sendable {
    public var quantity: Int
    /// What to show for a line that is not in the server's cart yet.
    public var preview: CartItem?
}

public struct CartRequest: Equatable, Sendable {
    public var sequence: Int
    public var command: CartCommand
}

/// A line removed from the cart, kept so that one key can put it back.
public struct RemovedLine: Equatable, Sendable {
    public var item: CartItem
    public var quantity: Int

    public var name: String { item.displayName.isEmpty ? item.productId : item.displayName }
}

/// A line as the cart screen shows it.
public struct CartLine: Equatable, Sendable {
    public var item: CartItem
    /// True while the shown quantity is not confirmed by the server.
    public var isPending: Bool
}

public struct CartState: Equatable, Sendable {
    /// The cart as the server last answered it.
    public var server: Cart?
    public var isLoaded = false
    /// The server's cart may differ from `server`: a read or a change failed, or the user was away a long
    /// while (another window or the kiosk's `add` may have changed it). Opening the cart reads it again then;
    /// otherwise the cart the server last answered is current (every change here answers the whole cart).
    public var isStale = false
    /// Quantities asked for but not confirmed: shown at once (optimistic), dropped on failure (rollback).
    public var pending: [LineID: PendingLine] = [:]
    /// Other mutations waiting their turn.
    public var queue: [CartCommand] = []
    /// The mutation the server is working on.
    public var inFlight: CartRequest?
    /// Numbers requests; an answer whose number is not the one in flight is ignored.
    public var sequence = 0
    public var selectedIndex = 0
    /// The line last removed (`d`, or `-` at the lowest quantity), which `u` puts back.
    public var lastRemoved: RemovedLine?

    public init() {}

    /// The lines to show: the server's with pending quantities applied, then lines being added.
    public var lines: [CartLine] {
        var result: [CartLine] = []
        let serverItems = server?.cartItems ?? []
        for item in serverItems {
            if let pending = pending[item.lineID] {
                guard pending.quantity > 0 else { continue }
                var shown = item
                shown.quantity = pending.quantity
                result.append(CartLine(item: shown, isPending: pending.quantity != item.quantity))
            } else {
                result.append(CartLine(item: item, isPending: false))
            }
        }
        let known = Set(serverItems.map(\.lineID))
        for (line, pending) in pending.sorted(by: { $0.key < $1.key })
        where !known.contains(line) && pending.quantity > 0 {
            var preview =
                pending.preview
                ?? CartItem(
                    productId: line.productId, variantId: line.variantId, productName: nil, quantity: 0,
                    sellingPrice: .zero)
            preview.quantity = pending.quantity
            result.append(CartLine(item: preview, isPending: true))
        }
        return result
    }

    public var selectedLine: CartLine? {
        let lines = lines
        return lines.indices.contains(selectedIndex) ? lines[selectedIndex] : nil
    }

    /// The quantity shown for a line.
    public func quantity(of line: LineID) -> Int {
        pending[line]?.quantity ?? server?.line(line)?.quantity ?? 0
    }

    public var count: Int { lines.reduce(0) { $0 + $1.item.quantity } }

    /// The server's `to_be_paid`, adjusted by the pending changes at their selling prices.
    public var amount: Money {
        var total = server?.toBePaid ?? .zero
        for (line, pending) in pending {
            let current = server?.line(line)
            let price = current?.sellingPrice ?? pending.preview?.sellingPrice ?? .zero
            total = total + price * (pending.quantity - (current?.quantity ?? 0))
        }
        return total
    }

    /// True while the amount includes unconfirmed changes.
    public var isEstimate: Bool { !pending.isEmpty }

    public var isMutating: Bool { inFlight != nil || !queue.isEmpty || !pending.isEmpty }

    public var isEmpty: Bool { lines.isEmpty }
}
