import Foundation

#if canImport(Glibc)
    import Glibc
#endif

enum SpawnError: Error { case failed([String], Int32) }

/// Runs a command and waits for it with posix_spawn/waitpid (Foundation's Process can hang waiting in tests).
enum Spawn {
    /// Runs a command to its end without holding a thread of Swift's cooperative pool: the whole suite runs in one
    /// process whose pool has one thread per core, and a test blocked in `waitpid` on a command that takes seconds
    /// starves every other test's in-process sandbox (their requests then time out).
    static func run(_ arguments: [String], stdout path: String = "/dev/null", stderr errorPath: String = "/dev/null")
        async throws -> Int32
    {
        let process = try BackgroundProcess(arguments, stdout: path, stderr: errorPath)
        return await process.wait()
    }

    /// Runs a command and blocks the calling thread until it ends: only for commands that end at once (tmux).
    static func runBlocking(
        _ arguments: [String], stdout path: String = "/dev/null", stderr errorPath: String = "/dev/null"
    ) throws -> Int32 {
        let pid = try start(arguments, stdout: path, stderr: errorPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Starts a command with stdin from /dev/null and its output to files; its pid.
    ///
    /// The child gets a cleared signal mask and default handlers: the test runner's threads block signals, and a
    /// child must not inherit that (tmux reaps panes on SIGCHLD). ETXTBSY is retried: a binary that was just
    /// written can still be open for writing in a sibling that another test thread forked meanwhile.
    static func start(_ arguments: [String], stdout path: String, stderr errorPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptySet = sigset_t()
        sigemptyset(&emptySet)
        var defaultSet = sigset_t()
        sigfillset(&defaultSet)
        sigdelset(&defaultSet, SIGKILL)
        sigdelset(&defaultSet, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &emptySet)
        posix_spawnattr_setsigdefault(&attributes, &defaultSet)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        var result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        var attempts = 0
        while result == ETXTBSY && attempts < 100 {
            attempts += 1
            usleep(50_000)
            result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        }
        guard result == 0 else { throw SpawnError.failed(arguments, result) }
        return pid
    }
}

/// A real terminal for end-to-end tests: a private tmux server running one command.
final class TmuxSession {
    let socket: String
    let name = "e2e"
    let home: URL

    /// Starts `command` in a detached tmux session of the given size, with its own XDG dirs.
    init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socket = "sf-e2e-\(UUID().uuidString.prefix(8))"
        home = FileManager.default.temporaryDirectory.appendingPathComponent("sf-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var env = [
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "TERM": "tmux-256color",
            "LANG": "C.UTF-8",
        ]
        env.merge(environment) { $1 }
        let exports = env.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        try tmux([
            "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
            "env \(exports) \(command)",
        ])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// The app, then a shell line that prints its exit status and keeps the pane (and its terminal state) alive.
    static var appThenShell: String { "sh -c '\(BuiltBinary.path); echo app-exit=$?; sleep 120'" }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: home)
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        // Output goes to a file, not a pipe: the tmux server that `new-session` forks would hold a pipe open.
        let output = home.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let status = try Spawn.runBlocking(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, stdout: output.path)
        guard status == 0 || arguments.first == "kill-server" else { throw SpawnError.failed(arguments, status) }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func format(_ variable: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, "#{\(variable)}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds (or gives up after `attempts` tries); returns the last capture.
    func waitFor(attempts: Int = 300, _ predicate: (String) -> Bool) async throws -> String {
        var screen = ""
        for _ in 0..<attempts {
            screen = try capture()
            if predicate(screen) { return screen }
            try await Task.sleep(for: .milliseconds(100))
        }
        return screen
    }

}

/// Where the built binary is: `STOREFRONT_BIN`, else `.build/debug/storefront` in the package.
enum BuiltBinary {
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["STOREFRONT_BIN"] { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/storefront").path
    }
}
