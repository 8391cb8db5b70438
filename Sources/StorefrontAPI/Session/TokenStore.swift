import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The per-store file under the XDG state directory: `tokens-STORE.json`.
    public static func forStore(_ storeKey: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> FileTokenStore
    {
        FileTokenStore(fileURL: folder(environment).appendingPathComponent("tokens-\(safe(storeKey)).json"))
    }

    /// The file of one store at one address (`location`: its base URL, or the built-in sandbox's database):
    /// `tokens-STORE-HASH.json`, so that two stores with the same id (the built-in sandbox and a served one, staging
    /// and production) never share tokens. A file of the older form `tokens-STORE.json` is taken over (renamed)
    /// by the first store of that id that finds its own file missing; if it was another store's, its refresh is
    /// refused and the client starts a guest session (``APIError/signedOut``).
    public static func forStore(
        _ storeKey: String, location: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> FileTokenStore {
        let store = FileTokenStore(
            fileURL: folder(environment).appendingPathComponent(
                "tokens-\(safe(storeKey))-\(LocationHash.hex(location)).json"))
        let legacy = forStore(storeKey, environment: environment).fileURL
        if !FileManager.default.fileExists(atPath: store.fileURL.path),
            FileManager.default.fileExists(atPath: legacy.path)
        {
            _ = rename(legacy.path, store.fileURL.path)
        }
        return store
    }

    private static func folder(_ environment: [String: String]) -> URL {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            base = URL(fileURLWithPath: state)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory())
                .appendingPathComponent(".local/state")
        }
        return base.appendingPathComponent("storefront")
    }

    private static func safe(_ storeKey: String) -> String {
        String(storeKey.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }

    public func load() -> TokenPair? {
        guard let data = try? Data(contentsOf: fileURL) else { return nil }
        // A file left readable by others (an older build, a copy) is made private again.
        _ = chmod(fileURL.path, 0o600)
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
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // The directory is ours: keep it private even if it was made earlier with a looser umask.
        try? manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        guard let data = try? JSONEncoder().encode(tokens) else { return }
        // Atomic: a reader sees the old pair or the new one, never half a file, and never a readable secret.
        try? PrivateFile.write(data, to: fileURL.path)
    }
}

/// A short, stable name for a store's address in file names: FNV-1a (64 bits) of its UTF-8, in hex. Not a secret
/// and not a defence against anything: it only keeps two addresses' files apart.
enum LocationHash {
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
