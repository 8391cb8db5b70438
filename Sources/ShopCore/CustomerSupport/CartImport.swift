import Foundation
import StorefrontAPI

/// Rebuilds a snapshot's cart in the current session, all or nothing, and says where today's prices differ.
public enum CartImport {
    public enum Failure: Error, Equatable, LocalizedError {
        case unknownProduct(name: String, id: String)
        case unknownVariant(name: String, id: String)
        case existingCart(lines: Int)
        /// The store refused `step`; the cart was put back as it was, except `notRestored` (its parts, in words).
        case rejected(step: String, APIError, notRestored: [String] = [])

        public var errorDescription: String? {
            switch self {
            case .unknownProduct(let name, let id):
                "The store has no product \(name) (\(id)) any more; nothing was imported."
            case .unknownVariant(let name, let id):
                "The store has no variant \(id) of \(name) any more; nothing was imported."
            case .existingCart(let lines):
                "This session already has a cart with \(lines) line(s); pass --replace to overwrite it. "
                    + "Nothing was imported."
            case .rejected(let step, let error, let notRestored):
                "The store refused the \(step): \(CartImport.sentence(error.message)) "
                    + (notRestored.isEmpty
                        ? "The cart was put back as it was."
                        : "The cart could not be put back entirely: \(notRestored.joined(separator: "; ")) "
                            + "differ from before.")
            }
        }
    }

    /// `text` ending with a full stop (the store's messages often have none).
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last else { return "" }
        return ".!?".contains(last) ? trimmed : trimmed + "."
    }

    /// What changed between the snapshot and the rebuilt cart.
    public struct Report: Sendable, Equatable {
        public var cart: Cart
        public var lineDifferences: [String]
        public var totalDifferences: [String]

        public var isIdentical: Bool { lineDifferences.isEmpty && totalDifferences.isEmpty }

        /// Lines for a terminal: "same totals" or a diff.
        public var summary: [String] {
            if isIdentical { return ["Imported \(cart.cartItems.count) line(s); lines and totals are the same."] }
            return ["Imported; the store now prices this cart differently:"]
                + lineDifferences.map { "  line  " + $0 } + totalDifferences.map { "  total " + $0 }
        }
    }

    public static func run(_ snapshot: CartSnapshot, api: ShopAPI, replace: Bool = false)
        async throws -> Report
    {
        // 1. Check everything before changing anything.
        for line in snapshot.lines { try await check(line, api: api) }
        let existing: Cart?
        do { existing = try await api.userCart(userID: nil) } catch { throw Failure.rejected(step: "cart", error) }
        let previousLines = existing?.cartItems.filter { !$0.isFreeItem } ?? []
        if !previousLines.isEmpty && !replace { throw Failure.existingCart(lines: previousLines.count) }

        // 2. Build, undoing everything on the first refusal.
        var progress = Progress(cart: existing)
        do {
            let built = try await build(snapshot, previousLines: previousLines, api: api, progress: &progress)
            return report(snapshot, built)
        } catch {
            let notRestored = await CartRestore.restore(existing, api: api)
            throw Failure.rejected(step: progress.step, error, notRestored: notRestored)
        }
    }

    /// How far the build got: the cart as last answered and the step under way.
    struct Progress {
        var cart: Cart?
        var step = "cart"
    }

    private static func check(_ line: CartSnapshot.Line, api: ShopAPI) async throws(Failure) {
        let product: Product
        do {
            product = try await api.product(line.productId)
        } catch {
            if error.status == 404 { throw .unknownProduct(name: line.name, id: line.productId) }
            throw .rejected(step: "product check", error)
        }
        guard let variantID = line.variantId else { return }
        var variants = product.variants ?? []
        if variants.isEmpty {
            do { variants = try await api.variants(productID: line.productId) } catch {
                throw .rejected(step: "variant check", error)
            }
        }
        guard variants.contains(where: { $0.id == variantID }) else {
            throw .unknownVariant(name: line.name, id: variantID)
        }
    }

    /// Makes the session's cart the snapshot's: its lines, then its coupon, gift card, points, credit and (with
    /// personal data) addresses; what the replaced cart had and the snapshot has not is taken off.
    private static func build(
        _ snapshot: CartSnapshot, previousLines: [CartItem], api: ShopAPI, progress: inout Progress
    ) async throws(APIError) -> Cart {
        if var current = progress.cart {
            for line in previousLines where !snapshot.lines.contains(where: { $0.lineID == line.lineID }) {
                progress.step = "removal of \(line.displayName)"
                current = try await api.setItem(
                    cartID: current.id,
                    CartItemUpdate(productId: line.productId, variantId: line.variantId, quantity: 0))
                progress.cart = current
            }
        }
        for line in snapshot.lines {
            progress.step = "line \(line.name)"
            let update = CartItemUpdate(productId: line.productId, variantId: line.variantId, quantity: line.quantity)
            if let current = progress.cart {
                progress.cart = try await api.setItem(cartID: current.id, update)
            } else {
                progress.cart = try await api.createCart(items: [update])
            }
        }
        guard let built = progress.cart else {
            throw .http(status: 400, code: nil, message: "The snapshot has no lines.", details: [])
        }
        var step = progress.step
        defer { progress.step = step }
        let finished = try await CartRestore.apply(CartRestore.Extras(snapshot), to: built, api: api) { step = $0 }
        progress.cart = finished
        return finished
    }

    static func report(_ snapshot: CartSnapshot, _ cart: Cart) -> Report {
        var lines: [String] = []
        for line in snapshot.lines {
            guard let now = cart.line(line.lineID) else {
                lines.append("\(line.name): missing")
                continue
            }
            if now.quantity != line.quantity {
                lines.append("\(line.name): quantity \(line.quantity) → \(now.quantity)")
            }
            if now.sellingPrice != line.sellingPrice {
                lines.append("\(line.name): price \(line.sellingPrice.formatted()) → \(now.sellingPrice.formatted())")
            }
        }
        let was = snapshot.totals.named
        let now = CartSnapshot.Totals(cart: cart, shippingIncludingTax: snapshot.version < 2).named
        let totals = zip(was, now).filter { $0.1 != $1.1 }.map { "\($0.0): \($0.1) → \($1.1)" }
        return Report(cart: cart, lineDifferences: lines, totalDifferences: totals)
    }
}
