import Foundation
import PackagePlugin

/// Writes `GitCommit.swift` (`enum GitCommit { static let id = "…" }`) before each build of the target: the
/// package's `git rev-parse --short=12 HEAD`, `-dirty` with uncommitted changes, or `unknown` where there is no
/// git or no repository (a source tarball). The file is rewritten only when the text changes, so an unchanged
/// commit costs no recompilation.
@main
struct GitCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "GitCommit")
        let script = #"""
            mkdir -p "$2" || exit 1
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || commit=""
            if [ -z "$commit" ]; then
              commit=unknown
            elif ! git --no-optional-locks -C "$1" diff --quiet HEAD -- 2>/dev/null; then
              commit="$commit-dirty"
            fi
            text="enum GitCommit { static let id = \"$commit\" }"
            [ "$(cat "$2/GitCommit.swift" 2>/dev/null)" = "$text" ] || printf '%s\n' "$text" > "$2/GitCommit.swift"
            """#
        return [
            .prebuildCommand(
                displayName: "Recording the git commit for --version",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                outputFilesDirectory: output)
        ]
    }
}
