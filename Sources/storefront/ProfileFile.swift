import Foundation
import TOMLKit

/// One store profile: a `[stores.NAME]` table of `config.toml`.
struct Profile: Equatable {
    var storeID: String?
    /// `staging`, `production` or a base URL.
    var env: String?
    /// A base URL (a `storefront sandbox serve` elsewhere, a proxy); wins over `env`.
    var url: String?
    var apiKeyFile: String?
    var caFile: String?

    static let keys = ["store_id", "env", "url", "api_key_file", "ca_file"]

    /// The profile's settings as `key = value` pairs, in `keys` order (no key: a key file is only named).
    var settings: [(key: String, value: String)] {
        [("store_id", storeID), ("env", env), ("url", url), ("api_key_file", apiKeyFile), ("ca_file", caFile)]
            .compactMap { pair in pair.1.map { (pair.0, $0) } }
    }
}

/// `$XDG_CONFIG_HOME/storefront/config.toml`: `default = "NAME"` and `[stores.NAME]` tables, read and written
/// with TOMLKit. Every problem is one line naming the file and, where there is one, the line.
struct ProfileFile {
    let path: String
    /// The file's text ("" when there is no file yet).
    let text: String
    var defaultName: String?
    var stores: [String: Profile]

    static func path(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return config + "/storefront/config.toml"
        }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/storefront/config.toml"
    }

    /// The file at `path`; an empty one when it does not exist.
    static func load(path: String) throws(ConfigFailure) -> ProfileFile {
        guard FileManager.default.fileExists(atPath: path) else {
            return ProfileFile(path: path, text: "", defaultName: nil, stores: [:])
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigFailure("\(path): cannot read the file")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigFailure("\(path):\(error.source.begin.line): not TOML: \(error.description)")
        } catch {
            throw ConfigFailure("\(path): not TOML: \(error)")
        }
        var file = ProfileFile(path: path, text: text, defaultName: nil, stores: [:])
        if let value = table["default"] {
            guard let name = value.string else {
                throw ConfigFailure("\(file.location(of: "default")): default must be a profile name in quotes")
            }
            file.defaultName = name
        }
        guard let storesValue = table["stores"] else { return file }
        guard let stores = storesValue.table else {
            throw ConfigFailure("\(file.location(of: "stores")): stores must be tables: [stores.NAME]")
        }
        for (name, value) in stores {
            guard let entry = value.table else {
                throw ConfigFailure("\(file.location(of: name)): stores.\(name) must be a table: [stores.\(name)]")
            }
            var profile = Profile()
            for (key, value) in entry {
                guard let string = value.string else {
                    throw ConfigFailure("\(file.location(of: key, in: name)): \(key) must be a string in quotes")
                }
                switch key {
                case "store_id": profile.storeID = string
                case "env": profile.env = string
                case "url": profile.url = string
                case "api_key_file": profile.apiKeyFile = string
                case "ca_file": profile.caFile = string
                default:
                    let known = Profile.keys.joined(separator: ", ")
                    throw ConfigFailure("\(file.location(of: key, in: name)): unknown key \(key) (known: \(known))")
                }
            }
            file.stores[name] = profile
        }
        return file
    }

    /// `FILE:LINE` of `key` (in `[stores.profile]` when given, else at the top), or of the profile's header;
    /// `FILE` when not found. TOMLKit gives no positions for values, so this looks the line up in the text.
    func location(of key: String, in profile: String? = nil) -> String {
        let lines = trimmedLines
        var start = 0
        if let profile {
            guard let header = headerIndex(of: profile) else { return path }
            start = header
        }
        for index in start..<lines.count {
            let line = lines[index]
            if index > start, line.hasPrefix("[") { break }
            if line.hasPrefix(key), line.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).first == "=" {
                return "\(path):\(index + 1)"
            }
        }
        return profile == nil ? path : "\(path):\(start + 1)"
    }

    /// `FILE:LINE` of `[stores.profile]`.
    func location(ofProfile profile: String) -> String {
        headerIndex(of: profile).map { "\(path):\($0 + 1)" } ?? path
    }

    private var trimmedLines: [String] {
        text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private func headerIndex(of profile: String) -> Int? {
        let headers = ["[stores.\(profile)]", "[stores.\"\(profile)\"]"]
        return trimmedLines.firstIndex { headers.contains($0.replacingOccurrences(of: " ", with: "")) }
    }

    /// A path from the file: `~/` is the home folder; a relative path is taken from the file's folder.
    func expand(_ file: String, environment: [String: String]) -> String {
        if file == "~" || file.hasPrefix("~/") {
            return (environment["HOME"] ?? NSHomeDirectory()) + file.dropFirst()
        }
        if file.hasPrefix("/") { return file }
        return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(file).path
    }

    /// The file's TOML after a change (comments are not kept: TOMLKit writes the table anew).
    func rendered() -> String {
        let table = TOMLTable()
        if let defaultName { table["default"] = defaultName }
        let storesTable = TOMLTable()
        for (name, profile) in stores.sorted(by: { $0.key < $1.key }) {
            let entry = TOMLTable()
            for (key, value) in profile.settings { entry[key] = value }
            storesTable[name] = entry
        }
        table["stores"] = storesTable
        return table.convert(to: .toml) + "\n"
    }

    /// Writes the file (its folder made 0700 when new; the file 0600).
    func save() throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try Data(rendered().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}

/// A problem with the configuration or a file it names: one line, exit status 2.
struct ConfigFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
