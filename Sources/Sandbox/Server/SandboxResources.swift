import Foundation

/// Finds the `Resources/` directory (seed catalog, OpenAPI document).
public enum SandboxResources {
    /// `STOREFRONT_RESOURCES`, then `<repo root>/Resources` found from this source file,
    /// then `Resources` next to or above the executable.
    public static func locate() -> URL? {
        let fileManager = FileManager.default
        func valid(_ url: URL) -> URL? {
            let seed = url.appendingPathComponent("seed/catalog.json").path
            return fileManager.fileExists(atPath: seed) ? url.standardizedFileURL : nil
        }
        if let env = ProcessInfo.processInfo.environment["STOREFRONT_RESOURCES"], !env.isEmpty,
            let found = valid(URL(fileURLWithPath: env))
        {
            return found
        }
        // #filePath = <root>/Sources/Sandbox/Server/SandboxResources.swift
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        if let found = valid(root.appendingPathComponent("Resources")) { return found }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            if let found = valid(dir.appendingPathComponent("Resources")) { return found }
            if let found = valid(dir.appendingPathComponent("share/storefront/Resources")) { return found }
            dir.deleteLastPathComponent()
        }
        return nil
    }
}
