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

    /// The fingerprint as `ssh-keygen -l` shows it: `SHA256:` and the digest in base64 without padding.
    /// (The folder is named by the first 32 hex digits of the same digest.)
    public var sshKeygenFingerprint: String? {
        guard case .key(let hex) = self else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        let base64 = Data(bytes).base64EncodedString()
        return "SHA256:" + base64.trimmingCharacters(in: CharacterSet(charactersIn: "="))
    }

    /// The file in a visitor's folder that names their key (`ssh-keygen -l`'s form); written on every
    /// connection, so its modification time is when the visitor was last seen.
    public static let recordFile = "visitor"

    /// Writes ``recordFile`` into the visitor's folder (nothing for an anonymous connection).
    public func record(in folder: URL) {
        guard let fingerprint = sshKeygenFingerprint else { return }
        try? Data((fingerprint + "\n").utf8).write(to: folder.appendingPathComponent(Self.recordFile))
    }
}

/// The visitors a kiosk has seen: one folder each under `STATE/visitors/`.
public struct KioskVisitor: Sendable, Hashable {
    /// The folder's name (32 hex digits).
    public var folder: String
    public var path: String
    /// `SHA256:…` as `ssh-keygen -l` shows it; nil for a folder made before the kiosk wrote it down.
    public var fingerprint: String?
    /// When the visitor last connected (the record's modification time; for an older folder, its newest file).
    public var lastSeen: Date

    /// Every visitor folder under `stateDirectory`, the most recently seen first.
    public static func list(stateDirectory: String) -> [KioskVisitor] {
        let root = URL(fileURLWithPath: stateDirectory).appendingPathComponent("visitors")
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
        return names.compactMap { name -> KioskVisitor? in
            let folder = root.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return nil
            }
            let record = folder.appendingPathComponent(VisitorIdentity.recordFile).path
            // The connection's record when there is one (reading a cart for `visitors` must not make a visitor
            // recent), else the newest file of a folder made before records were written.
            var newest = modified(record) ?? modified(folder.path) ?? .distantPast
            if modified(record) == nil, let files = manager.enumerator(atPath: folder.path) {
                for case let file as String in files {
                    if let date = modified(folder.appendingPathComponent(file).path), date > newest { newest = date }
                }
            }
            let recorded = try? String(
                contentsOf: folder.appendingPathComponent(VisitorIdentity.recordFile), encoding: .utf8)
            let fingerprint = recorded?.trimmingCharacters(in: .whitespacesAndNewlines)
            return KioskVisitor(
                folder: name, path: folder.path, fingerprint: fingerprint?.isEmpty == false ? fingerprint : nil,
                lastSeen: newest)
        }.sorted { $0.lastSeen > $1.lastSeen }
    }

    /// Removes the visitors not seen since `cutoff`; returns them.
    public static func prune(stateDirectory: String, seenBefore cutoff: Date) -> [KioskVisitor] {
        list(stateDirectory: stateDirectory).filter { visitor in
            visitor.lastSeen < cutoff && (try? FileManager.default.removeItem(atPath: visitor.path)) != nil
        }
    }

    /// `7d`, `12h`, `30m`, `90s` in seconds; nil for anything else.
    public static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let number = Double(text.dropLast()), number >= 0 else { return nil }
        switch unit {
        case "d": return number * 86400
        case "h": return number * 3600
        case "m": return number * 60
        case "s": return number
        default: return nil
        }
    }

    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
