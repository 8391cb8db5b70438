import ArgumentParser
import Foundation

/// What `storefront --version` and `storefront version` print: the release and the git commit of the build.
enum StorefrontVersion {
    static let number = "0.19.0"
    /// From the GitCommit build plugin: the commit the binary was built from, `unknown` outside a git checkout.
    static let commit = GitCommit.id
    static let description = "storefront \(number) (commit \(commit))"
}

/// `storefront version [--json]`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print the version and the git commit it was built from.")
    @OptionGroup var output: OutputOptions

    func run() throws {
        struct Version: Encodable {
            var version: String
            var commit: String
        }
        if output.json {
            try Output.printJSON(Version(version: StorefrontVersion.number, commit: StorefrontVersion.commit))
        } else {
            Output.line(StorefrontVersion.description)
        }
    }
}
