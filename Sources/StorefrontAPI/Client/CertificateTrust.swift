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

/// The transport the app uses: libcurl (``CurlTransport``), which honours the chosen CAs and the proxy variables.
///
/// Foundation's URLSession (libcurl too, on Linux) was the default until run L of the benchmarks: linking it bound
/// libcurl and its ~30 libraries at every start (~5 ms before the first frame); ``CurlTransport`` loads libcurl
/// when first needed. The transport edge tests (retries, deadlines, an answer cut short, a connection dropped)
/// run against it.
public enum StandardTransport {
    public static func make(trust: CertificateTrust = .resolve()) -> any HTTPTransport {
        CurlTransport(trust: trust)
    }
}
