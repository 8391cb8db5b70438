import Foundation

/// The profile a command runs with: `--profile`, else `STOREFRONT_PROFILE`, else the file's `default`.
struct ChosenProfile {
    let name: String
    let profile: Profile
    let file: ProfileFile
    let environment: [String: String]

    /// The profile's `[stores.NAME]` line.
    var location: String { file.location(ofProfile: name) }

    func location(of key: String) -> String { file.location(of: key, in: name) }

    /// Nil when no profile is named and the file has no default, or for `sandbox` when no profile has that
    /// name (the built-in sandbox, even with a default set).
    static func resolve(name: String?, environment: [String: String]) throws(ConfigFailure) -> ChosenProfile? {
        let file = try ProfileFile.load(path: ProfileFile.path(environment: environment))
        guard let wanted = name ?? file.defaultName else { return nil }
        guard let profile = file.stores[wanted] else {
            if wanted == "sandbox" { return nil }
            if name == nil {
                throw ConfigFailure("\(file.location(of: "default")): default names no profile: \(wanted)")
            }
            let known = file.stores.keys.sorted().joined(separator: ", ")
            throw ConfigFailure(
                "no profile \(wanted) in \(file.path) (\(known.isEmpty ? "none yet: storefront profiles add" : known))")
        }
        return ChosenProfile(name: wanted, profile: profile, file: file, environment: environment)
    }

    /// The key from the profile's `api_key_file`; nil when it names none.
    func apiKey() throws -> String? {
        guard let named = profile.apiKeyFile else { return nil }
        let path = file.expand(named, environment: environment)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigFailure("\(location(of: "api_key_file")): the key file \(path) does not exist")
        }
        return try StoreOptions.readStoreKey(file: path)
    }

    /// The profile's `ca_file`, checked readable; nil when it names none.
    func caFile() throws -> String? {
        guard let named = profile.caFile else { return nil }
        return try StoreOptions.checkedCAFile(
            file.expand(named, environment: environment), location: location(of: "ca_file"))
    }
}

/// Secrets in files readable only by their owner, as ssh insists for private keys.
enum KeyFilePermissions {
    /// Refuses a file that its group or others may read or write, with the command that fixes it.
    static func check(_ path: String) throws(ConfigFailure) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }  // missing or unreadable: the reader says so
        let mode = info.st_mode & 0o777
        guard mode & 0o077 != 0 else { return }
        let octal = String(mode, radix: 8)
        throw ConfigFailure(
            "the key file \(path) is open to others (mode \(octal)); refused. Run: chmod 600 \(path)")
    }
}
