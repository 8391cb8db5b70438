import Foundation

/// The certificate authorities an HTTPS connection trusts, by the OpenSSL and curl conventions.
///
/// With neither set, the system's bundle (Debian: `/etc/ssl/certs/ca-certificates.crt`, libcurl's built-in
/// default). A CA file replaces that bundle, as `curl --cacert` and OpenSSL's `SSL_CERT_FILE` do; a CA folder
/// (hashed names, as `openssl rehash` writes them) is searched as well.
public struct CertificateTrust: Sendable, Hashable {
    /// A PEM file of CA certificates: `--ca-file`, a profile's `ca_file`, or `SSL_CERT_FILE`.
    public var caFile: String?
    /// A folder of hashed CA certificates: `SSL_CERT_DIR`.
    public var caDirectory: String?

    public init(caFile: String? = nil, caDirectory: String? = nil) {
        self.caFile = caFile
        self.caDirectory = caDirectory
    }

    /// The system's trust store only.
    public static let system = CertificateTrust()

    /// `caFile` when given (a flag or a profile), else `SSL_CERT_FILE`; the folder from `SSL_CERT_DIR`.
    /// Empty values count as unset.
    public static func resolve(
        caFile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> CertificateTrust {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        return CertificateTrust(
            caFile: caFile.flatMap { $0.isEmpty ? nil : $0 } ?? value("SSL_CERT_FILE"),
            caDirectory: value("SSL_CERT_DIR"))
    }
}

/// The transport the app uses by default. On Linux, libcurl directly when the trusted CAs are chosen (a CA file
/// or folder: Foundation's URLSession, also libcurl, offers no way to choose them) or a proxy is set in the
/// environment; URLSession otherwise, and everywhere else.
///
/// URLSession stays the default on Linux while the direct transport's handling of a connection dropped mid-answer
/// is looked into: under load it has waited for the deadline instead of failing at once.
public enum StandardTransport {
    public static func make(trust: CertificateTrust = .resolve()) -> any HTTPTransport {
        #if canImport(FoundationNetworking)
            let environment = ProcessInfo.processInfo.environment
            let proxied = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]
                .contains { !(environment[$0] ?? "").isEmpty }
            if trust != .system || proxied { return CurlTransport(trust: trust) }
            return URLSessionTransport()
        #else
            URLSessionTransport()
        #endif
    }
}
