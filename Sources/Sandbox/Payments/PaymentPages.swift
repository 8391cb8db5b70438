import Foundation
import GRDB
import Hummingbird

/// The sandbox payment page (`/sandbox/pay/{payment_id}`): an HTML page with Pay / Fail buttons that POST back
/// and move the order's payment status. `payment_links.web` of orders and of the Juspay simulator point here.
struct PaymentPages {
    let services: SandboxServices

    static func origin(_ request: Request, publicURL: URL? = nil) -> String {
        if let publicURL {
            var base = publicURL.absoluteString
            while base.hasSuffix("/") { base.removeLast() }
            return base
        }
        let host = request.head.authority ?? request.header("host") ?? "127.0.0.1"
        return "http://\(host)"
    }

    static func link(_ request: Request, paymentId: String, publicURL: URL? = nil) -> String {
        "\(origin(request, publicURL: publicURL))/sandbox/pay/\(paymentId)"
    }

    static func info(
        for payment: PaymentRecord, order: OrderRecord, request: Request, publicURL: URL?
    ) -> PaymentInfoWire {
        let web = link(request, paymentId: payment.id, publicURL: publicURL)
        let expiry = payment.createdAt.addingTimeInterval(OrderStore.paymentWindow)
        let express =
            order.paymentMethod.flatMap { method -> Bool? in
                if case .object(let fields) = method, case .string(let type)? = fields["integration_type"] {
                    return type == "express-checkout"
                }
                return nil
            } ?? false
        return PaymentInfoWire(
            id: payment.id, status: "NEW", orderId: order.orderNumber,
            paymentLinks: PaymentLinksWire(web: web, mobile: web, iframe: web, expiry: expiry), orderExpiry: expiry,
            sdkPayload: [
                "requestId": .string(payment.id), "service": .string("in.juspay.hyperpay"),
                "payload": .object([
                    "clientId": .string("sandbox"), "merchantId": .string("sandbox"),
                    "clientAuthToken": .string("sandbox-\(payment.id)"), "environment": .string("sandbox"),
                    "orderId": .string(order.orderNumber), "amount": .string("\(Paise(payment.amount).decimal)"),
                    "action": .string("paymentPage"), "customerId": .string(order.userId),
                    "returnUrl": .string(payment.returnUrl ?? web), "currency": .string("INR"),
                ]),
            ],
            txnId: express ? "\(order.orderNumber)-\(payment.id)" : nil,
            payment: express ? ["authentication": ["method": "GET", "url": web]] : nil)
    }

    func register(on router: Router<SandboxContext>) {
        router.get("sandbox/pay/:payment") { request, context in try await page(request, context) }
        router.post("sandbox/pay/:payment") { request, context in try await submit(request, context) }
    }

    static func html(_ title: String, _ body: String, status: HTTPResponse.Status = .ok) -> Response {
        let document = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(escape(title))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
            button{font-size:1.1rem;padding:.6rem 1.4rem;margin-right:1rem;border-radius:.4rem;border:1px solid #888}
            .pay{background:#1a7f37;color:#fff}.fail{background:#cf222e;color:#fff}.muted{color:#666}</style></head>
            <body><h1>\(escape(title))</h1>\(body)</body></html>
            """
        return Reply.text(document, contentType: "text/html; charset=utf-8", status: status)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    func page(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let id = try context.parameters.require("payment")
        let found = try await services.database.read { db -> (PaymentRecord, OrderRecord)? in
            guard let payment = try PaymentRecord.fetchOne(db, key: id),
                let order = try OrderRecord.fetchOne(db, key: payment.orderNumber)
            else { return nil }
            return (payment, order)
        }
        guard let (payment, order) = found else {
            return Self.html(
                "Payment not found", "<p>No sandbox payment <code>\(Self.escape(id))</code>.</p>", status: .notFound)
        }
        let amount = "₹\(Paise(payment.amount).decimal)"
        guard payment.status == "pending" else {
            return Self.html(
                "Payment \(payment.status)",
                "<p>Order <b>\(Self.escape(order.orderNumber))</b>: this payment of \(amount) is already \(payment.status).</p>"
            )
        }
        return Self.html(
            "Sandbox payment",
            """
            <p>Order <b>\(Self.escape(order.orderNumber))</b></p>
            <p>Amount to pay: <b>\(amount)</b></p>
            <form method="post" action="\(Self.escape(id))">
            <button class="pay" name="action" value="pay" type="submit">Pay</button>
            <button class="fail" name="action" value="fail" type="submit">Fail</button>
            </form>
            <p class="muted">This is the Storefront sandbox: no money moves.</p>
            """)
    }

    func submit(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let id = try context.parameters.require("payment")
        let form = String(decoding: try await RequestBody.collect(request, limit: 64 * 1024), as: UTF8.self)
        let fields = Dictionary(
            form.split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1).map {
                    String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                }
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }, uniquingKeysWith: { $1 })
        let action = fields["action"] ?? request.uri.queryParameters.get("action") ?? ""
        guard action == "pay" || action == "fail" else {
            return Self.html("Bad request", "<p>Choose Pay or Fail.</p>", status: .badRequest)
        }
        let outcome = try await services.database.write { db -> Result<(String, String?), SandboxPayments.Failure> in
            guard let payment = try PaymentRecord.fetchOne(db, key: id) else {
                return .failure(.init(description: "No sandbox payment \(id)"))
            }
            do {
                try PaymentSettlement.settle(
                    db, orderNumber: payment.orderNumber, paymentId: id, fail: action == "fail", now: services.now())
            } catch let failure as SandboxPayments.Failure {
                return .failure(failure)
            }
            return .success((payment.orderNumber, payment.returnUrl))
        }
        switch outcome {
        case .failure(let failure):
            return Self.html("Payment not possible", "<p>\(Self.escape(failure.description))</p>", status: .conflict)
        case .success(let (orderNumber, returnURL)):
            let status = action == "pay" ? "CHARGED" : "AUTHENTICATION_FAILED"
            var back = ""
            if let returnURL {
                let separator = returnURL.contains("?") ? "&" : "?"
                let target = "\(returnURL)\(separator)order_id=\(orderNumber)&status=\(status)"
                back = "<p><a href=\"\(Self.escape(target))\">Return to the shop</a></p>"
            }
            return Self.html(
                action == "pay" ? "Payment successful" : "Payment failed",
                "<p>Order <b>\(Self.escape(orderNumber))</b>: \(status).</p>\(back)")
        }
    }
}
