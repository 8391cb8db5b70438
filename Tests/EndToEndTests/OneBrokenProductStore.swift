import Foundation
import Hummingbird
import Logging
import Synchronization

/// A store on loopback that answers the storefront API's documented shapes for what `storefront doctor` reads
/// (anonymous auth, products, categories, payment methods), with one product the app cannot read: on page 1,
/// ``brokenID`` has `pricing.selling_price` as an object where the reference documents a number.
///
/// Thirty products, ``pageSize`` a page: 29 readable, so the doctor must still count the rest.
final class OneBrokenProductStore: Sendable {
    static let basePath = "/api/v1/broken-store/storefront"
    static let productCount = 30
    static let pageSize = 25
    static let brokenIndex = 6
    static let brokenID = "prod-7"
    static let brokenPath = "content.products[6].pricing.selling_price"

    let baseURL: URL
    private let task: Task<Void, any Error>
    private let log: RequestLog

    private init(baseURL: URL, task: Task<Void, any Error>, log: RequestLog) {
        self.baseURL = baseURL
        self.task = task
        self.log = log
    }

    /// Every request so far, as `METHOD path?query` with the base path left out.
    var requests: [String] { log.entries.withLock { $0 } }

    private final class RequestLog: Sendable {
        let entries = Mutex<[String]>([])
    }

    /// Records each request before the router answers it.
    private struct Recording: RouterMiddleware {
        let log: RequestLog

        func handle(
            _ request: Request, context: BasicRequestContext,
            next: (Request, BasicRequestContext) async throws -> Response
        ) async throws -> Response {
            let path = String(request.uri.path.dropFirst(OneBrokenProductStore.basePath.count))
            let query = request.uri.query.map { "?\($0)" } ?? ""
            log.entries.withLock { $0.append("\(request.method.rawValue) \(path)\(query)") }
            return try await next(request, context)
        }
    }

    /// Starts on an ephemeral loopback port; returns once it listens.
    static func start() async throws -> OneBrokenProductStore {
        let log = RequestLog()
        let router = Router()
        router.add(middleware: Recording(log: log))
        router.post("\(basePath)/auth/anonymous") { _, _ in
            ok(
                #"{"user":{"id":"user-doctor-1","is_anonymous":true,"is_logged_in":false},"#
                    + #""access_token":"opaque-access-\#(UUID().uuidString)","refresh_token":"opaque-refresh"}"#)
        }
        router.get("\(basePath)/catalog/products") { request, _ in
            let page = max(1, request.uri.queryParameters.get("page", as: Int.self) ?? 1)
            let first = (page - 1) * pageSize
            let indices = first < productCount ? Array(first..<min(productCount, first + pageSize)) : []
            let pages = (productCount + pageSize - 1) / pageSize
            return ok(
                #"{"products":[\#(indices.map(product).joined(separator: ","))],"pagination":{"total_records":"#
                    + #"\#(productCount),"total_pages":\#(pages),"current_page":\#(page),"limit":\#(pageSize),"#
                    + #""previous_page":\#(page > 1 ? "\(page - 1)" : "null"),"#
                    + #""next_page":\#(page < pages ? "\(page + 1)" : "null")}}"#)
        }
        router.get("\(basePath)/catalog/categories") { _, _ in
            ok(
                #"{"categories":[{"id":"cat-1","name":"Mugs","slug":"mugs","parent_category_id":null},"#
                    + #"{"id":"cat-2","name":"Plates","slug":"plates","parent_category_id":null}],"#
                    + #""pagination":{"total_records":2,"total_pages":1,"current_page":1,"limit":50}}"#)
        }
        router.get("\(basePath)/payments/payment-methods") { _, _ in
            ok(
                #"{"payment_methods":[{"id":"pm-1","name":"Juspay","payment_provider_slug":"juspay","#
                    + #""supported_reference_ids":["juspay-ref-1"]}]}"#)
        }
        var logger = Logger(label: "one-broken-product-store")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: logger)
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw CancellationError()
        }
        return OneBrokenProductStore(baseURL: URL(string: "http://127.0.0.1:\(port)\(basePath)")!, task: task, log: log)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Product `index` (from 0) as the list answers it; the broken one's selling price is an object.
    private static func product(_ index: Int) -> String {
        let price = index == brokenIndex ? #"{"amount":499,"currency":"INR"}"# : "\(100 + index)"
        return #"{"id":"prod-\#(index + 1)","name":"Product \#(index + 1)","slug":"product-\#(index + 1)","#
            + #""active":true,"stock_available":true,"backorder":false,"has_variant":false,"#
            + #""pricing":{"currency":"INR","listing_price":\#(120 + index),"selling_price":\#(price)}}"#
    }

    private static func ok(_ content: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(
                byteBuffer: ByteBuffer(string: #"{"message":"OK","success":true,"content":\#(content)}"#)))
    }
}
