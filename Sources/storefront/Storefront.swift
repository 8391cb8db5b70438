import ArgumentParser

@main
struct Storefront: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storefront",
        abstract: "A terminal storefront for Commerce Engine stores.",
        discussion: """
            With no store given, it runs against the built-in sandbox storefront (a local server with a seeded \
            catalog), so the whole journey works with no account and no network.
            """,
        subcommands: [ShopCommand.self, SandboxCommand.self],
        defaultSubcommand: ShopCommand.self
    )
}
