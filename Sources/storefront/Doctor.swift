import Foundation
import StorefrontAPI

/// One line of `storefront doctor`: what was checked, its verdict, a sentence, and the round-trip time of its
/// calls (nil when nothing was sent).
struct DoctorCheck: Encodable, Sendable {
    enum Verdict: String, Encodable, Sendable {
        /// Works.
        case ok
        /// Works, but a demo or a customer would notice (an empty catalog, a pincode nobody delivers to).
        case warn
        /// Broken: the app cannot do this on this store.
        case fail
        /// Not checked (no `--pincode`, or an earlier check failed that it needs).
        case skip
    }

    /// A list element the store sent that the app could not read.
    struct Unreadable: Encodable, Sendable {
        var page: Int
        var id: String?
        var path: String
        var reason: String
    }

    var name: String
    var verdict: Verdict
    var detail: String
    var milliseconds: Int?
    /// The catalog's unreadable products (nil for other checks).
    var unreadable: [Unreadable]?

    private enum CodingKeys: String, CodingKey { case name, verdict, detail, milliseconds, unreadable }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(detail, forKey: .detail)
        try container.encode(milliseconds, forKey: .milliseconds)  // null when nothing was sent
        try container.encodeIfPresent(unreadable, forKey: .unreadable)
    }
}

/// The checks of `storefront doctor`, in order, on one client and its one (new, anonymous) session.
struct Doctor {
    let client: StorefrontClient
    /// Where the store is, for "could not reach" (never holds a secret).
    let storeURL: String
    /// The key to keep out of every line (nil for the built-in sandbox, whose key is no secret).
    let apiKey: String?
    let pincode: String?
    /// Catalog pages read at most.
    static let catalogPages = 5
    static let noSession = "not checked: no session (see api-key)"

    func run() async -> [DoctorCheck] {
        var checks = await sessionChecks()
        guard !checks.contains(where: { $0.verdict == .fail || $0.verdict == .skip }) else {
            for name in ["catalog", "categories", "juspay", "fulfillment", "pincode"] {
                checks.append(DoctorCheck(name: name, verdict: .skip, detail: Self.noSession))
            }
            return await scrubbed(checks)
        }
        let (catalog, firstItem) = await catalogCheck()
        checks.append(catalog)
        checks.append(await categoriesCheck())
        checks.append(await juspayCheck())
        checks.append(await fulfillmentCheck(item: firstItem))
        checks.append(await pincodeCheck())
        return await scrubbed(checks)
    }

    // MARK: Checks

    /// `POST /auth/anonymous` with the API key (one request, two lines): is the key accepted, and does the
    /// answer name the session's user (`content.user`)?
    private func sessionChecks() async -> [DoctorCheck] {
        let (result, ms) = await Self.timed { () async throws(APIError) in try await client.session() }
        switch result {
        case .success(let claims):
            return [
                DoctorCheck(
                    name: "api-key", verdict: .ok, detail: "accepted by POST /auth/anonymous", milliseconds: ms),
                DoctorCheck(
                    name: "session", verdict: claims.isAnonymous ? .ok : .warn,
                    detail: claims.isAnonymous
                        ? "anonymous session for user \(claims.userId)"
                        : "the anonymous session's user \(claims.userId) is not marked anonymous",
                    milliseconds: ms),
            ]
        case .failure(.decoding(let path, let message)) where !path.isEmpty:
            return [
                DoctorCheck(
                    name: "api-key", verdict: .ok, detail: "accepted by POST /auth/anonymous", milliseconds: ms),
                DoctorCheck(
                    name: "session", verdict: .fail,
                    detail: "the answer could not be read at \(path) (\(message)): the app needs the user there",
                    milliseconds: ms),
            ]
        case .failure(let error):
            let detail =
                switch error {
                case .http(let status, _, let message, _) where status == 401 || status == 403:
                    "refused by the store (HTTP \(status)): \(message)"
                case .network(let reason):
                    "could not reach the store at \(storeURL) (\(reason)), so the key was not tried"
                case .timeout:
                    "could not reach the store at \(storeURL) (no answer in time), so the key was not tried"
                case .decoding:
                    "POST /auth/anonymous did not answer JSON: is \(storeURL) the storefront API?"
                default:
                    "POST /auth/anonymous: \(Self.describe(error))"
                }
            return [
                DoctorCheck(name: "api-key", verdict: .fail, detail: detail, milliseconds: ms),
                DoctorCheck(name: "session", verdict: .skip, detail: Self.noSession),
            ]
        }
    }

    /// `GET /catalog/products?page=N` for the first pages: every product decoded, each one that cannot be
    /// read named with its id and JSON path. Also finds the first purchasable product (for the test cart).
    private func catalogCheck() async -> (DoctorCheck, CartItemUpdate?) {
        var read = 0
        var pages = 0
        var totalMs = 0
        var totalPages = 0
        var unreadable: [DoctorCheck.Unreadable] = []
        var firstItem: CartItemUpdate?
        var failure: String?
        for page in 1...Self.catalogPages {
            let query = ProductQuery(page: page)
            let (result, ms) = await Self.timed { () async throws(APIError) in try await client.products(query) }
            totalMs += ms
            guard case .success(let answer) = result else {
                if case .failure(let error) = result { failure = "page \(page): \(Self.describe(error))" }
                break
            }
            pages += 1
            read += answer.products.count
            unreadable += answer.dropped.map {
                DoctorCheck.Unreadable(page: page, id: $0.id, path: $0.path, reason: $0.reason)
            }
            firstItem = firstItem ?? answer.products.lazy.compactMap(Self.cartItem).first
            let count = answer.products.count + answer.dropped.count
            if let pagination = answer.pagination, pagination.totalPages > 0 {
                totalPages = pagination.totalPages
                if page >= pagination.totalPages { break }
            } else if count < query.limit {
                break
            }
        }
        let seen =
            "\(read) product\(read == 1 ? "" : "s") read on \(pages) page\(pages == 1 ? "" : "s")"
            + (totalPages > Self.catalogPages ? " (the first \(Self.catalogPages) of \(totalPages))" : "")
        var check = DoctorCheck(name: "catalog", verdict: .ok, detail: seen, milliseconds: totalMs)
        if !unreadable.isEmpty {
            check.verdict = .fail
            let names = unreadable.prefix(3).map { "\($0.id ?? "(no id)") at \($0.path)" }.joined(separator: ", ")
            check.detail =
                "\(unreadable.count) product\(unreadable.count == 1 ? "" : "s") could not be read and would not "
                + "show: \(names)\(unreadable.count > 3 ? ", …" : ""); \(seen)"
            check.unreadable = unreadable
        }
        if let failure {
            check.verdict = .fail
            check.detail = failure + (pages > 0 ? "; before that \(seen)" : "")
        } else if read == 0 && unreadable.isEmpty {
            check.verdict = .warn
            check.detail = "the catalog is empty"
        }
        return (check, firstItem)
    }

    /// `GET /catalog/categories`.
    private func categoriesCheck() async -> DoctorCheck {
        let (result, ms) = await Self.timed { () async throws(APIError) in try await client.categories() }
        switch result {
        case .success(let answer):
            let count = max(answer.pagination?.totalRecords ?? 0, answer.categories.count)
            if count == 0 {
                return DoctorCheck(
                    name: "categories", verdict: .warn, detail: "no categories: the shop's category list is empty",
                    milliseconds: ms)
            }
            let names = answer.categories.prefix(3).map(\.name).joined(separator: ", ")
            return DoctorCheck(
                name: "categories", verdict: .ok,
                detail:
                    "\(count) categor\(count == 1 ? "y" : "ies") (\(names)\(answer.categories.count > 3 ? ", …" : ""))",
                milliseconds: ms)
        case .failure(let error):
            return DoctorCheck(name: "categories", verdict: .fail, detail: Self.describe(error), milliseconds: ms)
        }
    }

    /// `GET /payments/payment-methods?payment_provider_slug=juspay`: the Juspay method and its gateway reference
    /// (`supported_reference_ids[0]`), which every order sends back. Read with one request: the same choice the
    /// client makes in ``StorefrontClient/juspayGatewayReference()``.
    private func juspayCheck() async -> DoctorCheck {
        let (result, ms) = await Self.timed { () async throws(APIError) in
            try await client.paymentMethods(provider: "juspay")
        }
        switch result {
        case .success(let methods):
            guard let method = StorePaymentMethod.juspay(in: methods) else {
                return DoctorCheck(
                    name: "juspay", verdict: .fail,
                    detail: "the store lists no Juspay payment method: checkout cannot take payment", milliseconds: ms)
            }
            let name = method.name ?? method.id ?? "Juspay"
            guard let reference = method.supportedReferenceIds?.first, !reference.isEmpty else {
                return DoctorCheck(
                    name: "juspay", verdict: .fail,
                    detail:
                        "the Juspay method \"\(name)\" has no supported_reference_ids: orders cannot name a gateway",
                    milliseconds: ms)
            }
            return DoctorCheck(
                name: "juspay", verdict: .ok, detail: "method \"\(name)\", gateway reference \(reference)",
                milliseconds: ms)
        case .failure(let error):
            return DoctorCheck(name: "juspay", verdict: .fail, detail: Self.describe(error), milliseconds: ms)
        }
    }

    /// With `--pincode`: a cart with the first purchasable product, `POST /shipping/fulfillment-options` for it,
    /// then the cart deleted. The time shown is that of the fulfillment-options call.
    private func fulfillmentCheck(item: CartItemUpdate?) async -> DoctorCheck {
        guard let pincode else {
            return DoctorCheck(
                name: "fulfillment", verdict: .skip, detail: "not checked: give --pincode PINCODE to ask for delivery")
        }
        guard let item else {
            return DoctorCheck(
                name: "fulfillment", verdict: .warn,
                detail: "not checked: no purchasable product in the catalog pages read, so no cart to ask about")
        }
        let (created, cartMs) = await Self.timed { () async throws(APIError) in
            try await client.createCart(items: [item])
        }
        guard case .success(let cart) = created else {
            let reason = if case .failure(let error) = created { Self.describe(error) } else { "" }
            return DoctorCheck(
                name: "fulfillment", verdict: .fail,
                detail: "could not make a test cart with product \(item.productId): \(reason)", milliseconds: cartMs)
        }
        let (result, ms) = await Self.timed { () async throws(APIError) in
            try await client.fulfillmentOptions(cartID: cart.id, pincode: pincode)
        }
        let (deleted, deleteMs) = await Self.timed { () async throws(APIError) in
            try await client.deleteCart(id: cart.id)
        }
        var check: DoctorCheck
        switch result {
        case .success(let options):
            check = Self.verdict(on: options, pincode: pincode, milliseconds: ms)
        case .failure(let error):
            check = DoctorCheck(
                name: "fulfillment", verdict: .fail, detail: "\(pincode): \(Self.describe(error))", milliseconds: ms)
        }
        check.detail += "; test cart made in \(cartMs) ms"
        switch deleted {
        case .success:
            check.detail += ", deleted in \(deleteMs) ms"
        case .failure(let error):
            check.detail += ", but not deleted (\(cart.id)): \(Self.describe(error))"
            if check.verdict == .ok { check.verdict = .warn }
        }
        return check
    }

    /// With `--pincode`: `GET /common/countries/IN/pincodes` for it, the place that fills the address form's city
    /// and state. A store that knows none, or refuses, is a warning: the shop then leaves them to be typed.
    private func pincodeCheck() async -> DoctorCheck {
        guard let pincode else {
            return DoctorCheck(
                name: "pincode", verdict: .skip,
                detail: "not checked: give --pincode PINCODE to look up its city and state")
        }
        let (result, ms) = await Self.timed { () async throws(APIError) in
            try await client.pincodes(countryCode: PincodeInfo.india, matching: pincode)
        }
        let typed = "the address form's city and state are typed by hand"
        switch result {
        case .success(let places):
            guard let place = PincodeInfo.place(of: pincode, in: places) else {
                return DoctorCheck(
                    name: "pincode", verdict: .warn, detail: "\(pincode): the store knows no place for it; \(typed)",
                    milliseconds: ms)
            }
            let named = [place.city, place.stateName].compactMap { $0 }.filter { !$0.isEmpty }
            return DoctorCheck(
                name: "pincode", verdict: named.count == 2 ? .ok : .warn,
                detail: "\(pincode): \(named.isEmpty ? "no city or state" : named.joined(separator: ", "))",
                milliseconds: ms)
        case .failure(let error):
            return DoctorCheck(
                name: "pincode", verdict: .warn, detail: "\(pincode): \(Self.describe(error)); \(typed)",
                milliseconds: ms)
        }
    }

    private static func verdict(on options: FulfillmentOptions, pincode: String, milliseconds: Int) -> DoctorCheck {
        // Both shapes (flat and per shipment) with the same methods: each once, as `allMethods` gives them.
        let methods = options.deliver?.allMethods ?? []
        let stores = options.collect ?? []
        let delivers = (options.deliver?.isServiceable ?? false) && !methods.isEmpty
        let delivery = methods.map { method in
            [
                method.name ?? method.id, method.shippingAmount?.formatted(),
                method.estimatedDeliveryDays.map { $0 == "1" ? "1 day" : "\($0) days" },
            ]
            .compactMap { $0 }.joined(separator: " ")
        }
        let pickup = stores.isEmpty ? nil : "pickup from \(stores.count) store\(stores.count == 1 ? "" : "s")"
        if delivers {
            return DoctorCheck(
                name: "fulfillment", verdict: .ok,
                detail: "\(pincode): delivery (\(delivery.joined(separator: "; ")))" + (pickup.map { ", \($0)" } ?? ""),
                milliseconds: milliseconds)
        }
        return DoctorCheck(
            name: "fulfillment", verdict: .warn,
            detail: "\(pincode): no delivery" + (pickup.map { "; \($0) only" } ?? " and no pickup"),
            milliseconds: milliseconds)
    }

    // MARK: Helpers

    /// The first purchasable line of `product`: a simple product, or its first purchasable variant.
    private static func cartItem(_ product: Product) -> CartItemUpdate? {
        guard product.isPurchasable else { return nil }
        if !product.hasVariant { return CartItemUpdate(productId: product.id, variantId: nil, quantity: 1) }
        guard let variant = product.variants?.first(where: \.isPurchasable) else { return nil }
        return CartItemUpdate(productId: product.id, variantId: variant.id, quantity: 1)
    }

    /// The call's outcome and its round-trip time in milliseconds (ContinuousClock; retries included).
    static func timed<Value>(_ body: () async throws(APIError) -> Value) async -> (Result<Value, APIError>, Int) {
        let clock = ContinuousClock()
        let started = clock.now
        let result: Result<Value, APIError>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        let elapsed = clock.now - started
        return (result, Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
    }

    /// A failure in a sentence, with the HTTP status or the JSON path when there is one.
    static func describe(_ error: APIError) -> String {
        switch error {
        case .http(let status, let code, _, _):
            "HTTP \(status)\(code.map { " \($0)" } ?? ""): \(error.message)"
        case .decoding(let path, let message):
            "the answer could not be read \(path.isEmpty ? "(not JSON)" : "at \(path)") (\(message))"
        default:
            error.message
        }
    }

    /// The checks with any secret taken out of their sentences: the API key and the session's tokens (a server
    /// could echo them in an error message), and whatever ``Redaction`` recognises.
    private func scrubbed(_ checks: [DoctorCheck]) async -> [DoctorCheck] {
        let tokens = await client.currentTokens()
        let secrets = [apiKey, tokens?.accessToken, tokens?.refreshToken]
            .compactMap { $0 }.filter { $0.count >= 4 }
        return checks.map { check in
            var check = check
            var detail = Redaction.redact(check.detail)
            for secret in secrets { detail = detail.replacingOccurrences(of: secret, with: Redaction.placeholder) }
            check.detail = detail
            return check
        }
    }
}
