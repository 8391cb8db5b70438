import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sandbox's support key: it mints read-only support tokens. Configured (`--support-key`), or generated on
/// first run and kept next to the database in a file of mode 0600. Never logged.
public enum SupportKey {
    /// `<database>.support-key`.
    public static func fileURL(databasePath: String) -> URL {
        URL(fileURLWithPath: databasePath + ".support-key")
    }

    /// The configured key, else the one in the key file (written with a new random key when missing).
    static func resolve(configured: String?, databasePath: String) throws -> String {
        if let configured, !configured.isEmpty { return configured }
        let url = fileURL(databasePath: databasePath)
        if let data = try? Data(contentsOf: url) {
            let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !key.isEmpty {
                _ = chmod(url.path, 0o600)
                return key
            }
        }
        let key = IDs.token(bytes: 32)
        // Created with 0600 before the secret is written; O_EXCL so that two servers starting on one database
        // agree on the key of whichever wrote first.
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST, let data = try? Data(contentsOf: url) {
                let existing = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !existing.isEmpty { return existing }
            }
            throw SandboxStartError(message: "cannot write the support key file \(url.path)")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data((key + "\n").utf8))
        try handle.close()
        return key
    }
}
