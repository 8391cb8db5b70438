import ArgumentParser
import Foundation
import StorefrontAPI

/// `storefront profiles list|add|remove|show`: the store profiles of `config.toml`, without editing it by hand.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List, add, remove or show store profiles ($XDG_CONFIG_HOME/storefront/config.toml).",
        discussion: """
            A profile names a store once: `storefront --profile NAME` (or STOREFRONT_PROFILE=NAME, or the file's \
            default) then stands for its store id, environment or URL, key file and CA file. Flags override the \
            profile and the profile overrides the environment. `add` and `remove` write the file anew (0600), \
            without its comments.
            """,
        subcommands: [List.self, Add.self, Remove.self, Show.self])

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static func load() throws -> ProfileFile {
        try ProfileFile.load(path: ProfileFile.path(environment: environment))
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the profiles; * marks the default.")
        @OptionGroup var output: OutputOptions

        func run() throws {
            let file = try ProfilesCommand.load()
            if output.json {
                try Output.printJSON(
                    file.stores.keys.sorted().map { ProfileJSON(name: $0, profile: file.stores[$0]!, file: file) })
                return
            }
            guard !file.stores.isEmpty else {
                Output.line("No profiles in \(file.path). Add one: storefront profiles add NAME --store-id ID ...")
                return
            }
            for name in file.stores.keys.sorted() {
                let profile = file.stores[name]!
                let store = profile.url ?? [profile.storeID, profile.env].compactMap { $0 }.joined(separator: " on ")
                Output.line("\(name == file.defaultName ? "*" : " ") \(Output.pad(name, 24)) \(store)")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a profile (a store id or a URL).")
        @Argument(help: "The profile's name.") var name: String
        @Option(name: .long, help: "Commerce Engine store id.") var storeId: String?
        @Option(name: .long, help: "staging, production or a base URL.") var env: String?
        @Option(name: .long, help: "A storefront base URL (e.g. a `storefront sandbox serve`).") var url: String?
        @Option(name: .long, help: "A file holding the API key (mode 0600).") var apiKeyFile: String?
        @Option(name: .customLong("ca-file"), help: "A PEM file of CAs to trust for HTTPS.") var caFile: String?
        @Flag(name: .customLong("default"), help: "Make it the default profile.") var makeDefault = false
        @Flag(name: .long, help: "Replace a profile of that name.") var replace = false

        func validate() throws {
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_".contains($0) }) else {
                throw ValidationError("A profile name is letters, digits, - and _, not '\(name)'.")
            }
            guard storeId != nil || url != nil else { throw ValidationError("Give --store-id or --url.") }
            if let env, ClientConfiguration.Environment(parsing: env) == nil {
                throw ValidationError("--env must be staging, production or an http(s) URL, not '\(env)'.")
            }
        }

        func run() throws {
            var file = try ProfilesCommand.load()
            if file.stores[name] != nil, !replace {
                throw ConfigFailure("a profile \(name) exists in \(file.path) (--replace, or profiles remove \(name))")
            }
            file.stores[name] = Profile(storeID: storeId, env: env, url: url, apiKeyFile: apiKeyFile, caFile: caFile)
            if makeDefault || file.defaultName == nil { file.defaultName = name }
            try file.save()
            Output.line("Added \(name) to \(file.path)\(file.defaultName == name ? " (the default)" : "").")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a profile.")
        @Argument(help: "The profile's name.") var name: String

        func run() throws {
            var file = try ProfilesCommand.load()
            guard file.stores.removeValue(forKey: name) != nil else {
                throw ConfigFailure("no profile \(name) in \(file.path)")
            }
            if file.defaultName == name { file.defaultName = nil }
            try file.save()
            Output.line("Removed \(name) from \(file.path).")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a profile's settings (the key file's name and mode, never the key).")
        @Argument(help: "The profile (default: --profile, STOREFRONT_PROFILE or the file's default).")
        var name: String?
        @Option(name: .long, help: "Same as the argument.") var profile: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            let environment = ProfilesCommand.environment
            let wanted = name ?? profile ?? environment["STOREFRONT_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
            guard let chosen = try ChosenProfile.resolve(name: wanted, environment: environment) else {
                throw ConfigFailure("no profile chosen and no default in \(ProfileFile.path(environment: environment))")
            }
            let shown = ProfileJSON(name: chosen.name, profile: chosen.profile, file: chosen.file)
            if output.json {
                try Output.printJSON(shown)
                return
            }
            Output.line("\(chosen.name)\(shown.isDefault ? " (default)" : "")  \(chosen.location)")
            for (key, value) in chosen.profile.settings { Output.line("  \(Output.pad(key, 13)) \(value)") }
            if let keyFile = shown.apiKeyFileStatus { Output.line("  \(Output.pad("key file", 13)) \(keyFile)") }
        }
    }
}

/// A profile for `--json`, and what is known of its key file (never the key).
struct ProfileJSON: Encodable {
    var name: String
    var isDefault: Bool
    var storeId: String?
    var env: String?
    var url: String?
    var apiKeyFile: String?
    var apiKeyFileStatus: String?
    var caFile: String?

    init(name: String, profile: Profile, file: ProfileFile) {
        self.name = name
        isDefault = file.defaultName == name
        storeId = profile.storeID
        env = profile.env
        url = profile.url
        caFile = profile.caFile
        apiKeyFile = profile.apiKeyFile
        apiKeyFileStatus = profile.apiKeyFile.map { named in
            let path = file.expand(named, environment: ProcessInfo.processInfo.environment)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let mode = attributes[.posixPermissions] as? Int
            else { return "missing: \(path)" }
            return "present, mode \(String(mode, radix: 8))"
                + (mode & 0o077 == 0 ? "" : " (refused: chmod 600 \(path))")
        }
    }
}
