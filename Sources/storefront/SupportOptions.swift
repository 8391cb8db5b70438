import ArgumentParser
import Foundation
import StorefrontAPI

/// Whom support looks for: one of `--phone`, `--email`, `--order` or `--user-id`.
struct SupportSelectorOptions: ParsableArguments {
    @Option(help: "The customer's phone number (10 digits; +91 and spaces are fine).")
    var phone: String?

    @Option(help: "The customer's email address.")
    var email: String?

    @Option(name: .customLong("order"), help: ArgumentHelp("An order the customer placed.", valueName: "order-number"))
    var orderNumber: String?

    @Option(name: .customLong("user-id"), help: "The customer's user id (their Account screen shows it).")
    var userID: String?

    func validate() throws {
        let given = [phone, email, orderNumber, userID].compactMap { $0 }
        guard given.count == 1 else {
            throw ValidationError("Give one of --phone, --email, --order or --user-id.")
        }
        if given[0].trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("The customer to look for is empty.")
        }
    }

    var selector: SupportSelector {
        if let phone { return .phone(phone) }
        if let email { return .email(email) }
        if let orderNumber { return .orderNumber(orderNumber) }
        return .userID(userID ?? "")
    }

    /// "no user … in this store.", with a hint when a user id looks like a phone number.
    var notFound: String { Self.notFound(described) }

    static func notFound(_ described: String) -> String {
        let digits = described.filter(\.isNumber)
        let phoneLike = digits.count >= 10 && described.allSatisfy { $0.isNumber || $0 == "+" || $0 == " " }
        return "no user \(described) in this store."
            + (phoneLike ? " That looks like a phone number: use --phone." : "")
    }

    /// The selector as a person reads it in a message (a phone or email masked).
    var described: String {
        switch selector {
        case .phone(let value): "with phone \(SupportMasking.phone(value))"
        case .email(let value): "with email \(SupportMasking.email(value))"
        case .orderNumber(let value): "with order \(value)"
        case .userID(let value): value
        }
    }
}

/// The support credential: a sandbox's support key or an operator's token, best from a file (kept out of `ps`).
struct SupportCredentialOptions: ParsableArguments {
    @Option(
        name: .customLong("support-key-file"),
        help: "A file holding the sandbox's support key: not visible in ps (env STOREFRONT_SUPPORT_KEY_FILE).")
    var supportKeyFile: String?

    @Option(
        name: .customLong("support-token-file"),
        help: "A file holding the support token: not visible in ps (env STOREFRONT_SUPPORT_TOKEN_FILE).")
    var supportTokenFile: String?

    @Option(
        name: .customLong("support-key"),
        help: "A sandbox's support key, to mint the support token (env STOREFRONT_SUPPORT_KEY; ps shows it).")
    var supportKey: String?

    @Option(
        name: .customLong("support-token"),
        help: "An operator-issued support token, for a real store (env STOREFRONT_SUPPORT_TOKEN; ps shows it).")
    var supportToken: String?

    func validate() throws {
        let given = [supportKeyFile, supportTokenFile, supportKey, supportToken].compactMap { $0 }
        if given.count > 1 {
            throw ValidationError(
                "Give one of --support-key-file, --support-token-file, --support-key or --support-token.")
        }
    }

    /// The credential for `target`, from the options or the environment.
    func credential(target: StoreTarget, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> SupportCredential
    {
        // A file named on the command line or in the environment keeps the secret out of `ps` and /proc.
        func secret(_ value: String?, file: String?, fileVariable: String, naming: String) throws -> String? {
            if let value { return value }
            guard let path = file ?? environment[fileVariable], !path.isEmpty else { return nil }
            return try StoreOptions.readSecret(file: path, naming: naming)
        }
        let token = try secret(
            supportToken, file: supportTokenFile, fileVariable: "STOREFRONT_SUPPORT_TOKEN_FILE",
            naming: "support token")
        let key =
            token != nil
            ? nil
            : try secret(
                supportKey, file: supportKeyFile, fileVariable: "STOREFRONT_SUPPORT_KEY_FILE", naming: "support key")
        return try SupportCredential.choose(target: target, key: key, token: token, environment: environment)
    }
}

/// Where the support token comes from.
enum SupportCredential {
    /// The in-process sandbox's own key.
    case sandbox
    /// A sandbox server's support key: `POST /auth/support`.
    case key(String)
    /// An operator-issued token, used as it is.
    case token(String)

    static func choose(target: StoreTarget, key: String?, token: String?, environment: [String: String]) throws
        -> SupportCredential
    {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        if let token = nonEmpty(token) ?? (key == nil ? nonEmpty(environment["STOREFRONT_SUPPORT_TOKEN"]) : nil) {
            return .token(token)
        }
        if let key = nonEmpty(key) ?? nonEmpty(environment["STOREFRONT_SUPPORT_KEY"]) { return .key(key) }
        if case .sandbox = target { return .sandbox }
        throw ValidationError(
            "This store needs a support credential: --support-key-file FILE for a sandbox server (`storefront "
                + "sandbox serve` prints where its key is), or --support-token-file FILE holding a token issued by "
                + "an operator (the public storefront API has no support login).")
    }

    /// A client that reads with the support token.
    func client(_ connection: StoreConnection) async throws -> StorefrontClient {
        switch self {
        case .token(let token):
            return connection.client.supportClient(token: token)
        case .key(let key):
            return try await Self.signIn(connection.client, key: key)
        case .sandbox:
            guard let key = await connection.sandboxSupportKey() else { throw CommandFailure("no sandbox support key") }
            return try await Self.signIn(connection.client, key: key)
        }
    }

    /// A support client whose token the key renews when it expires (support tokens live minutes; the view
    /// stays open longer).
    private static func signIn(_ client: StorefrontClient, key: String) async throws -> StorefrontClient {
        do {
            return try await client.renewingSupportClient(supportKey: key)
        } catch let error where error.status == 401 || error.status == 403 {
            // The server's words ("Invalid support key") and what to do about them.
            throw CommandFailure(
                "\(error.message.hasSuffix(".") ? error.message : error.message + ".") This store's key is in the "
                    + "file `storefront sandbox serve` printed when it started: give that file with "
                    + "--support-key-file FILE.")
        } catch {
            throw CommandFailure(error.message)
        }
    }
}

/// Personal data as support's screens and messages show it: enough to confirm with the customer, not to copy.
enum SupportMasking {
    /// `******3210`.
    static func phone(_ phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        guard digits.count > 4 else { return String(repeating: "*", count: digits.count) }
        return String(repeating: "*", count: digits.count - 4) + digits.suffix(4)
    }

    /// `d***@example.com`.
    static func email(_ email: String) -> String {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard let at = trimmed.firstIndex(of: "@"), at > trimmed.startIndex else { return "***" }
        return String(trimmed[trimmed.startIndex]) + "***" + trimmed[at...]
    }
}
