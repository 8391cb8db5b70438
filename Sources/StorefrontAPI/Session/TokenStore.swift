import Foundation
import Synchronization

/// Where a session's tokens live between runs.
public protocol TokenStore: Sendable {
    func load() -> TokenPair?
    func save(_ tokens: TokenPair?)
}

/// Tokens in memory only (tests, support sessions that must not touch the user's files).
public final class MemoryTokenStore: TokenStore {
    private let storage: Mutex<TokenPair?>

    public init(_ tokens: TokenPair? = nil) {
        storage = Mutex(tokens)
    }

    public func load() -> TokenPair? { storage.withLock { $0 } }
    public func save(_ tokens: TokenPair?) { storage.withLock { $0 = tokens } }
}

/// Tokens in `$XDG_STATE_HOME/storefront/tokens-<store>.json`, mode 0600.
public final class FileTokenStore: TokenStore {
    public let fileURL: URL

    public init(fileURL: URL) {
        self.fileURL = fileURL
    }

    /// The per-store file under the XDG state directory.
    public static func forStore(_ storeKey: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> FileTokenStore
    {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            base = URL(fileURLWithPath: state)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory())
                .appendingPathComponent(".local/state")
        }
        let safe = storeKey.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        return FileTokenStore(
            fileURL: base.appendingPathComponent("storefront").appendingPathComponent("tokens-\(String(safe)).json"))
    }

    public func load() -> TokenPair? {
        guard let data = try? Data(contentsOf: fileURL) else { return nil }
        return try? JSONDecoder().decode(TokenPair.self, from: data)
    }

    public func save(_ tokens: TokenPair?) {
        let manager = FileManager.default
        guard let tokens else {
            try? manager.removeItem(at: fileURL)
            return
        }
        let directory = fileURL.deletingLastPathComponent()
        try? manager.createDirectory(
            at: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        guard let data = try? JSONEncoder().encode(tokens) else { return }
        // Create with 0600 before any secret is written, then replace atomically.
        let temporary = directory.appendingPathComponent(".\(fileURL.lastPathComponent).\(getpid()).tmp")
        guard manager.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { return }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.close()
            _ = try manager.replaceItemAt(fileURL, withItemAt: temporary)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: fileURL.path)
        } catch {
            try? manager.removeItem(at: temporary)
        }
    }
}
