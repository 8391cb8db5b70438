import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A process a test starts and must stop: posix_spawn with a cleared signal mask (see `Spawn`), output to
/// files, stopped with SIGTERM (then SIGKILL) and reaped.
final class BackgroundProcess {
    let pid: pid_t
    let arguments: [String]
    private var status: Int32?

    init(_ arguments: [String], stdout path: String = "/dev/null", stderr errorPath: String = "/dev/null") throws {
        self.arguments = arguments
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
        var child = pid_t()
        let result = posix_spawnp(&child, arguments[0], &actions, &attributes, argv, environ)
        guard result == 0 else { throw SpawnError.failed(arguments, result) }
        pid = child
    }

    /// Waits for the process to end on its own; its exit status (128 + signal when killed).
    func wait() async -> Int32 {
        while true {
            if let status { return status }
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid {
                let code = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
                status = code
                return code
            }
            if result == -1 && errno != EINTR {
                status = -1
                return -1
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// SIGTERM, then SIGKILL if it is still there after a while; always reaped. Safe to call twice.
    func stop() {
        guard status == nil else { return }
        kill(pid, SIGTERM)
        var raw: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &raw, WNOHANG) == pid {
                status = 0
                return
            }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        status = 137
    }

    deinit { stop() }
}

/// A TCP port on loopback that was free a moment ago.
func freeLoopbackPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
