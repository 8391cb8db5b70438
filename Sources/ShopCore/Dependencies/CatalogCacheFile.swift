import Foundation
import StorefrontAPI

/// The saved catalog of one store in `$XDG_CACHE_HOME/storefront/catalog-<store>-<hash of the base URL>.json`.
///
/// Keyed by the store id and the base URL: the file's name says both, and the file holds both and is ignored
/// unless they match, so two stores never share a page. A file of another format version, or one that cannot be
/// read as JSON, is ignored (and overwritten by the next save). Written atomically (a new file renamed over the
/// old), so a reader sees the old page or the new one.
public struct CatalogCacheFile: CatalogCache {
    /// The format of the file; a file with another version is ignored.
    public static let version = 1

    public let fileURL: URL
    public let storeID: String
    public let baseURL: String

    struct Contents: Codable {
        var version: Int
        var storeID: String
        var baseURL: String
        var savedAt: Date
        var catalog: SavedCatalog
    }

    /// `directory` is the cache folder (``directory(environment:)``).
    public init(directory: URL, storeID: String, baseURL: String) {
        self.storeID = storeID
        self.baseURL = baseURL
        let safe = String(storeID.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        fileURL = directory.appendingPathComponent("catalog-\(safe)-\(Self.hash(baseURL)).json")
    }

    /// `$XDG_CACHE_HOME/storefront`, or `~/.cache/storefront`.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            base = URL(fileURLWithPath: cache)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".cache")
        }
        return base.appendingPathComponent("storefront")
    }

    /// The saved page, or nil when there is none or it is not this store's or this format's (read before the
    /// first frame, on the caller's thread).
    public func load() -> SavedCatalog? {
        guard let data = try? Data(contentsOf: fileURL),
            let contents = try? JSONDecoder().decode(Contents.self, from: data),
            contents.version == Self.version, contents.storeID == storeID, contents.baseURL == baseURL
        else { return nil }
        return contents.catalog
    }

    public func save(_ catalog: SavedCatalog) async {
        let contents = Contents(
            version: Self.version, storeID: storeID, baseURL: baseURL, savedAt: Date(), catalog: catalog)
        guard let data = try? JSONEncoder().encode(contents) else { return }
        let directory = fileURL.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(
            ".\(fileURL.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
        guard (try? data.write(to: temporary)) != nil, rename(temporary.path, fileURL.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            return
        }
    }

    /// FNV-1a of the base URL, in hex: stable across runs (Swift's `Hasher` is seeded per process).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        return String(value, radix: 16)
    }
}
