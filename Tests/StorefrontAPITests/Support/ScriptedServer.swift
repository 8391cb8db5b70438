import Foundation
import Hummingbird
import Logging
import Synchronization

/// A real HTTP server on loopback that answers a script and records every request it got.
///
/// The script is a closure from the request (and how many times that `METHOD path` has been asked, from 1)
/// to a reply, so a test can say "500 the first time, 200 after". Paths are relative to the storefront base
/// (`/catalog/products`), as the client names them.
final class ScriptedServer: Sendable {
    struct Recorded: Sendable {
        var method: String
        var path: String
        var query: String
        var headers: [String: String]
        var body: String

        /// `METHOD path`.
        var route: String { "\(method) \(path)" }
        var bearer: String? {
            headers["authorization"].map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : $0 }
        }
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    enum Reply: Sendable {
        case raw(status: Int, body: String, contentType: String)
        /// Holds the request until the server stops (or 20 s pass): a stalled upstream.
        case stall

        /// `{"message": "OK", "success": true, "content": <content>}`.
        static func ok(_ content: String) -> Reply {
            .raw(
                status: 200, body: #"{"message":"OK","success":true,"content":\#(content)}"#,
                contentType: "application/json")
        }

        static func error(_ status: Int, code: String, message: String) -> Reply {
            .raw(
                status: status, body: #"{"message":"\#(message)","success":false,"code":"\#(code)","details":[]}"#,
                contentType: "application/json")
        }

        static func text(_ status: Int, _ body: String, contentType: String = "text/html") -> Reply {
            .raw(status: status, body: body, contentType: contentType)
        }
    }

    typealias Script = @Sendable (_ request: Recorded, _ count: Int) -> Reply

    static let basePath = "/api/v1/test/storefront"

    let baseURL: URL
    private let state: Mutex<(requests: [Recorded], counts: [String: Int])>
    private let released: Mutex<Bool>
    private let runTask: Mutex<Task<Void, any Error>?>

    private init(baseURL: URL) {
        self.baseURL = baseURL
        state = Mutex((requests: [], counts: [:]))
        released = Mutex(false)
        runTask = Mutex(nil)
    }

    /// Starts on an ephemeral loopback port; returns once it listens.
    static func start(_ script: @escaping Script) async throws -> ScriptedServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let holder = Mutex<ScriptedServer?>(nil)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            guard let server = holder.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            return try await server.respond(to: request, script: script)
        }
        var logger = Logger(label: "scripted-server")
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw CancellationError()
        }
        let server = ScriptedServer(baseURL: URL(string: "http://127.0.0.1:\(port)\(basePath)")!)
        server.runTask.withLock { $0 = task }
        holder.withLock { $0 = server }
        return server
    }

    /// Every request received so far, in order.
    var requests: [Recorded] { state.withLock { $0.requests } }

    func requests(_ route: String) -> [Recorded] { requests.filter { $0.route == route } }

    func stop() async {
        released.withLock { $0 = true }
        let task = runTask.withLock { $0 }
        task?.cancel()
        _ = try? await task?.value
    }

    private func respond(to request: Request, script: Script) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var path = request.uri.path
        if path.hasPrefix(Self.basePath) { path = String(path.dropFirst(Self.basePath.count)) }
        let recorded = Recorded(
            method: request.method.rawValue, path: path, query: request.uri.query ?? "", headers: headers,
            body: String(buffer: buffer))
        let count = state.withLock { state in
            state.requests.append(recorded)
            state.counts[recorded.route, default: 0] += 1
            return state.counts[recorded.route]!
        }
        switch script(recorded, count) {
        case .raw(let status, let body, let contentType):
            return Response(
                status: .init(code: status), headers: [.contentType: contentType],
                body: .init(byteBuffer: ByteBuffer(string: body)))
        case .stall:
            for _ in 0..<200 where !released.withLock({ $0 }) {
                try? await Task.sleep(for: .milliseconds(100))
            }
            return Response(status: .serviceUnavailable)
        }
    }
}

/// Unsigned JWTs with the claims the client reads (the client never verifies signatures; the server does).
enum TestJWT {
    static func make(
        userId: String, anonymous: Bool = true, expiresIn: TimeInterval = 3600, now: Date = Date(),
        marker: String = UUID().uuidString
    ) -> String {
        let header = #"{"alg":"none","typ":"JWT"}"#
        let iat = Int(now.timeIntervalSince1970)
        let payload =
            #"{"user_id":"\#(userId)","is_anonymous":\#(anonymous),"is_logged_in":\#(!anonymous),"iat":\#(iat),"exp":\#(iat + Int(expiresIn)),"jti":"\#(marker)"}"#
        return "\(base64url(header)).\(base64url(payload)).c2ln"
    }

    static func base64url(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// `content` of anonymous / verify-otp / logout.
    static func authContent(userId: String, anonymous: Bool = true, expiresIn: TimeInterval = 3600) -> String {
        let access = make(userId: userId, anonymous: anonymous, expiresIn: expiresIn)
        let refresh = "refresh-\(UUID().uuidString)"
        return
            #"{"user":{"id":"\#(userId)","is_anonymous":\#(anonymous),"is_logged_in":\#(!anonymous)},"access_token":"\#(access)","refresh_token":"\#(refresh)"}"#
    }
}
