import Crypto
import Foundation

/// Who is at the other end of a kiosk connection, as far as sshd tells us.
///
/// With `ExposeAuthInfo yes`, sshd writes the methods and the public key that authenticated the connection
/// to a file named by `$SSH_USER_AUTH` (`publickey ssh-ed25519 AAAA…`). The SHA-256 of that key's blob is
/// the visitor: the same key reconnecting is the same visitor (same anonymous session, same cart), two keys
/// never share. A connection that authenticated without a key has no identity: it gets a session of its own
/// that ends with the connection.
public enum VisitorIdentity: Sendable, Hashable {
    /// A visitor known by the SHA-256 of their public key (lower-case hex).
    case key(fingerprint: String)
    /// No key: a fresh anonymous session for this connection only.
    case anonymous

    /// The identity in the text of an `$SSH_USER_AUTH` file: the first `publickey` line with a key blob
    /// that decodes. Any other line (`password`, `keyboard-interactive`, garbage) gives no identity.
    public init(authInfo text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 3, fields[0] == "publickey",
                let blob = Data(base64Encoded: String(fields[2])), !blob.isEmpty
            else { continue }
            let digest = SHA256.hash(data: blob)
            self = .key(fingerprint: digest.map { String(format: "%02x", $0) }.joined())
            return
        }
        self = .anonymous
    }

    /// The identity of this process's connection: reads the file named by `SSH_USER_AUTH`, if any.
    public static func current(environment: [String: String]) -> VisitorIdentity {
        guard let path = environment["SSH_USER_AUTH"], !path.isEmpty,
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return .anonymous }
        return VisitorIdentity(authInfo: text)
    }

    /// The folder under the kiosk's state folder that holds this visitor's tokens; a new random one for an
    /// anonymous connection (`connection` names it).
    public func stateDirectory(under stateRoot: URL, connection: String = UUID().uuidString) -> URL {
        switch self {
        case .key(let fingerprint):
            stateRoot.appendingPathComponent("visitors").appendingPathComponent(String(fingerprint.prefix(32)))
        case .anonymous:
            stateRoot.appendingPathComponent("connections").appendingPathComponent(connection)
        }
    }

    /// Whether the state folder is to be removed when the connection ends.
    public var isEphemeral: Bool { self == .anonymous }
}
