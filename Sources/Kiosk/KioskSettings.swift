import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The kiosk's settings file (`kiosk.json`, mode 0600, owned by the kiosk user): which store the sessions
/// talk to, with which API key, and where visitors' tokens live. The ForceCommand names only this file, so
/// the key and the URL never show in `ps` or in any process's environment.
public struct KioskSettings: Codable, Sendable, Hashable {
    /// The store id (a name for the token files; `sandbox` for the sandbox).
    public var storeID: String
    /// The storefront base URL, e.g. `http://127.0.0.1:8080/api/v1/sandbox/storefront`.
    public var baseURL: String
    public var apiKey: String
    /// Where visitors' sessions are kept (`visitors/<fingerprint>/…`).
    public var stateDirectory: String
    /// Sends `x-debug-mode` (OTPs on screen): on for the sandbox only.
    public var debugMode: Bool
    /// The base visitors' phones reach the store's payment pages at (`https://demo.example.com`); nil: none,
    /// and the payment screen asks the visitor to have the presenter settle the payment.
    public var publicURL: String?

    public init(
        storeID: String, baseURL: String, apiKey: String, stateDirectory: String, debugMode: Bool,
        publicURL: String? = nil
    ) {
        self.publicURL = publicURL
        self.storeID = storeID
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.stateDirectory = stateDirectory
        self.debugMode = debugMode
    }

    private enum CodingKeys: String, CodingKey {
        case storeID = "store_id"
        case baseURL = "base_url"
        case apiKey = "api_key"
        case stateDirectory = "state_directory"
        case debugMode = "debug_mode"
        case publicURL = "public_url"
    }

    public enum LoadError: Error, Hashable, CustomStringConvertible {
        case unreadable(String)
        case tooOpen(String, mode: Int)
        case malformed(String)

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read the kiosk settings \(path)."
            case .tooOpen(let path, let mode):
                "the kiosk settings \(path) are readable by others (mode \(String(mode, radix: 8))); chmod 600 it."
            case .malformed(let path): "the kiosk settings \(path) are not valid (run ssh-kiosk init again)."
            }
        }
    }

    /// Reads the file, refusing it when group or others may read or write it (it holds the API key).
    public static func load(path: String) throws(LoadError) -> KioskSettings {
        var info = stat()
        guard stat(path, &info) == 0, let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path)
        }
        let mode = Int(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw .tooOpen(path, mode: mode) }
        guard let settings = try? JSONDecoder().decode(KioskSettings.self, from: data),
            URL(string: settings.baseURL)?.scheme?.hasPrefix("http") == true
        else { throw .malformed(path) }
        return settings
    }

    /// Writes the file with mode 0600 from the start (no moment where the key is readable by others).
    public func write(path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: data + Data("\n".utf8))
        try handle.close()
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
