import ArgumentParser
import Testing

@testable import storefront

/// Every command names itself. A command without a name is named by argument-parser from its type
/// (`String(describing:)` on the metatype), and at every start it builds the whole command tree: each such name costs
/// three dynamic casts, each a scan of every protocol conformance in the binary (BENCHMARKS.md, "The catalog
/// sooner", run I). The names are the ones argument-parser derived before (the man page test checks them too).
@Suite struct CommandNameTests {
    @Test func everyCommandInTheTreeHasAnExplicitName() {
        var unnamed: [String] = []
        var names: [String] = []
        func visit(_ command: any ParsableCommand.Type, path: String) {
            let configuration = command.configuration
            guard let name = configuration.commandName else {
                unnamed.append("\(path) > \(command)")
                return
            }
            names.append(path.isEmpty ? name : "\(path) \(name)")
            for subcommand in configuration.subcommands {
                visit(subcommand, path: path.isEmpty ? name : "\(path) \(name)")
            }
        }
        visit(Storefront.self, path: "")
        #expect(unnamed.isEmpty, "commands named from their type: \(unnamed)")
        #expect(names.contains("storefront profiles show"))
        #expect(names.contains("storefront cart show"))
        #expect(names.contains("storefront sandbox serve"))
    }
}
