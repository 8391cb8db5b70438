import CCurl
import Foundation
import Synchronization

/// HTTP(S) through libcurl's easy interface, one blocking transfer per request on a thread of its own.
///
/// Why not URLSession: on Linux, swift-corelibs-foundation drives the same libcurl but never sets its CA
/// options (it reads `URLSessionCertificateAuthorityInfoFile` on Android and Windows only), and libcurl itself
/// reads no CA variable: Debian's is built with a fixed bundle, so `SSL_CERT_FILE` was ignored and a
/// corporate TLS-inspecting proxy's CA could not be trusted. Here ``CertificateTrust`` sets `CURLOPT_CAINFO`
/// and `CURLOPT_CAPATH`.
///
/// Proxy: no `CURLOPT_PROXY` is set, so libcurl reads the environment itself: `HTTPS_PROXY`/`https_proxy`
/// (an HTTP CONNECT tunnel) for https URLs, `http_proxy` (lower case only) for http ones, `ALL_PROXY`, and
/// `NO_PROXY`/`no_proxy` (host names, domain suffixes, IP addresses, `*`) to go direct.
///
/// Connections: finished handles are kept and reused, and with them their open connections. libcurl sends a
/// request again on a new connection when a reused one dies before any answer, a POST included, so a request
/// marked `atMostOnce` gets a new handle and a new connection (`CURLOPT_FRESH_CONNECT`, `CURLOPT_FORBID_REUSE`),
/// which libcurl never retries; the failure reaches the caller, who looks before trying again.
///
/// Redirects are followed (http and https only, at most 5), as URLSession does.
public final class CurlTransport: HTTPTransport {
    public let trust: CertificateTrust
    /// Idle easy handles, by address (a `CURL *` is not `Sendable`; it is used by one transfer at a time).
    private let idle = Mutex<[UInt]>([])

    public init(trust: CertificateTrust = .resolve()) {
        self.trust = trust
    }

    /// Loads libcurl now on a thread of its own, so that the first request does not wait for it. libcurl is
    /// loaded when first needed, not bound at the program's start (see `CCurl`'s shim): a run that sends
    /// nothing, or sends only after its first frame, does not pay for it before that frame.
    public static func preload() {
        Thread { _ = ccurl_api() }.start()
    }

    /// Why libcurl cannot be used here, or nil when it can (it is loaded by this call if it was not yet).
    public static var unavailable: String? {
        ccurl_api() == nil ? String(cString: ccurl_failure()) : nil
    }

    deinit {
        for address in idle.withLock({ $0 }) {
            ccurl_easy_cleanup(UnsafeMutableRawPointer(bitPattern: address))
        }
    }

    public func send(_ request: HTTPRequest) async throws(APIError) -> HTTPResponse {
        let flag = CancelFlag()
        let result: Result<HTTPResponse, APIError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // A thread of its own: a transfer blocks it until the answer, and blocked Dispatch workers would
                // starve Swift's cooperative pool (the width of the machine's cores) and, with it, everything else.
                let thread = Thread {
                    continuation.resume(returning: self.perform(request, cancelled: flag))
                }
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
        return try result.get()
    }

    /// One blocking transfer.
    private func perform(_ request: HTTPRequest, cancelled: CancelFlag) -> Result<HTTPResponse, APIError> {
        if let unavailable = Self.unavailable { return .failure(.unavailable(unavailable)) }
        let reusable = !request.atMostOnce
        let kept = reusable ? idle.withLock { $0.popLast() } : nil
        guard let handle = kept.flatMap({ UnsafeMutableRawPointer(bitPattern: $0) }) ?? ccurl_easy_init() else {
            return .failure(.network("libcurl could not start a transfer"))
        }
        ccurl_easy_reset(handle)
        let transfer = Transfer(cancelled: cancelled)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            ccurl_slist_free_all(headerList)
            errorBuffer.deallocate()
            if reusable {
                idle.withLock { $0.append(UInt(bitPattern: handle)) }
            } else {
                ccurl_easy_cleanup(handle)
            }
        }
        var setup = CURLE_OK
        func set(_ code: CURLcode) { if setup == CURLE_OK { setup = code } }
        set(ccurl_set_string(handle, CURLOPT_URL, request.url.absoluteString))
        set(ccurl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        set(ccurl_set_long(handle, CURLOPT_NOSIGNAL, 1))
        set(ccurl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(request.timeout.seconds * 1000).clamped(1, Int.max)))
        set(ccurl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        set(ccurl_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        set(ccurl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1))
        set(ccurl_set_long(handle, CURLOPT_MAXREDIRS, 5))
        set(ccurl_set_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        if let caFile = trust.caFile { set(ccurl_set_string(handle, CURLOPT_CAINFO, caFile)) }
        if let caDirectory = trust.caDirectory { set(ccurl_set_string(handle, CURLOPT_CAPATH, caDirectory)) }
        if !reusable {
            set(ccurl_set_long(handle, CURLOPT_FRESH_CONNECT, 1))
            set(ccurl_set_long(handle, CURLOPT_FORBID_REUSE, 1))
        }
        let method = request.verb
        if method == "GET" {
            set(ccurl_set_long(handle, CURLOPT_HTTPGET, 1))
        } else if method == "HEAD" {
            set(ccurl_set_long(handle, CURLOPT_NOBODY, 1))
        } else {
            if request.sendsBody {
                let body = request.body ?? Data()
                set(
                    body.isEmpty
                        ? ccurl_set_body(handle, "", 0)
                        : body.withUnsafeBytes {
                            ccurl_set_body(handle, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count)
                        })
            }
            if method != "POST" { set(ccurl_set_string(handle, CURLOPT_CUSTOMREQUEST, method)) }
        }
        // No `Expect: 100-continue` round trip, and no form content type that the request did not ask for.
        var lines = request.headers.map { "\($0.key): \($0.value)" } + ["Expect:"]
        if !request.headers.keys.contains(where: { $0.lowercased() == "content-type" }) {
            lines.append("Content-Type:")
        }
        for line in lines { headerList = ccurl_slist_append(headerList, line) }
        set(ccurl_set_headers(handle, headerList))
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        set(
            ccurl_set_write_function(
                handle,
                { data, size, count, context in
                    Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().body(data, size * count)
                }))
        set(ccurl_set_pointer(handle, CURLOPT_WRITEDATA, context))
        set(
            ccurl_set_header_function(
                handle,
                { data, size, count, context in
                    Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().header(data, size * count)
                }))
        set(ccurl_set_pointer(handle, CURLOPT_HEADERDATA, context))
        set(ccurl_set_long(handle, CURLOPT_NOPROGRESS, 0))
        set(
            ccurl_set_progress_function(
                handle,
                { context, _, _, _, _ in
                    Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().cancelled.isSet ? 1 : 0
                }))
        set(ccurl_set_pointer(handle, CURLOPT_XFERINFODATA, context))
        guard setup == CURLE_OK else { return .failure(.network(Self.text(of: setup))) }
        if cancelled.isSet { return .failure(.cancelled) }
        let code = withExtendedLifetime(transfer) { ccurl_easy_perform(handle) }
        guard code == CURLE_OK else {
            return .failure(Self.error(code, detail: String(cString: errorBuffer), cancelled: cancelled.isSet))
        }
        return .success(
            HTTPResponse(status: ccurl_response_code(handle), headers: transfer.headers, body: transfer.received))
    }

    /// The failure a libcurl result code stands for, in the words the client already uses.
    static func error(_ code: CURLcode, detail: String, cancelled: Bool) -> APIError {
        let detail = detail.isEmpty ? text(of: code) : detail
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_ABORTED_BY_CALLBACK: return cancelled ? .cancelled : .network(detail)
        case CURLE_COULDNT_CONNECT: return .network("connection refused (\(detail))")
        case CURLE_COULDNT_RESOLVE_HOST: return .network("host not found (\(detail))")
        case CURLE_COULDNT_RESOLVE_PROXY: return .network("proxy host not found (\(detail))")
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE:
            return .network("connection lost (\(detail))")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CONNECT_ERROR,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_ISSUER_ERROR:
            return .network("\(detail) (trust a CA with --ca-file, a profile's ca_file or SSL_CERT_FILE)")
        default: return .network(detail)
        }
    }

    private static func text(of code: CURLcode) -> String {
        String(cString: ccurl_easy_strerror(code))
    }
}

/// Set when the task that waits for a transfer is cancelled; the transfer's progress callback then aborts it.
final class CancelFlag: Sendable {
    private let flag = Mutex(false)
    var isSet: Bool { flag.withLock { $0 } }
    func cancel() { flag.withLock { $0 = true } }
}

/// What one transfer received; touched by libcurl's callbacks on the transfer's thread only.
private final class Transfer {
    let cancelled: CancelFlag
    var received = Data()
    /// The last response's headers, names in lower case (a proxy's `CONNECT` answer and redirects come first).
    var headers: [String: String] = [:]

    init(cancelled: CancelFlag) {
        self.cancelled = cancelled
    }

    func body(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        if let data, length > 0 {
            received.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
        }
        return length
    }

    func header(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        guard let data, length > 0 else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = [:]
            received = Data()
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return length
    }
}

extension Int {
    fileprivate func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(self, low), high) }
}
