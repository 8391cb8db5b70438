/// How the payment screen shows a payment link. In the SSH kiosk a visitor pays from their own phone, which
/// cannot open a link to the server's loopback address (`http://127.0.0.1:PORT/sandbox/pay/…`): such a link
/// is moved onto the kiosk's public URL when there is one, and hidden otherwise (the screen then asks the
/// visitor to have the presenter settle the payment). Outside the kiosk links are shown as the store gives them.
public struct PaymentLinkPolicy: Sendable, Hashable {
    /// The public base (`https://demo.example.com`) that replaces a loopback origin; nil: hide such links.
    public var publicBase: String?
    /// Whether loopback links are unreachable for the person paying (the kiosk).
    public var loopbackUnreachable: Bool

    public static let asGiven = PaymentLinkPolicy(publicBase: nil, loopbackUnreachable: false)

    /// The kiosk's policy: loopback links rebased onto `publicURL`, or hidden without one.
    public static func kiosk(publicURL: String?) -> PaymentLinkPolicy {
        var base = publicURL
        while base?.hasSuffix("/") == true { base?.removeLast() }
        return PaymentLinkPolicy(publicBase: base, loopbackUnreachable: true)
    }

    public init(publicBase: String?, loopbackUnreachable: Bool) {
        self.publicBase = publicBase
        self.loopbackUnreachable = loopbackUnreachable
    }

    /// The link to show and copy; nil when the person paying could not open it.
    public func shown(_ link: String?) -> String? {
        guard let link, loopbackUnreachable, let origin = Self.loopbackOrigin(link) else { return link }
        guard let publicBase else { return nil }
        return publicBase + link.dropFirst(origin.count)
    }

    /// Whether there is a link that is not shown (the screen then says who settles the payment).
    public func hides(_ link: String?) -> Bool { link != nil && shown(link) == nil }

    /// `http://127.0.0.1:8080` of `http://127.0.0.1:8080/sandbox/pay/…` when the host is a loopback address.
    static func loopbackOrigin(_ link: String) -> Substring? {
        guard let schemeEnd = link.range(of: "://") else { return nil }
        let rest = link[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var host = authority.split(separator: "@").last.map(Substring.init) ?? authority
        if host.hasPrefix("[") {
            host = host.dropFirst().prefix { $0 != "]" }
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        let loopback =
            host.lowercased() == "localhost" || host == "::1" || host == "0.0.0.0" || host.hasPrefix("127.")
        return loopback ? link[..<authority.endIndex] : nil
    }
}
