import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The checks sshd makes with `StrictModes yes` before it trusts a file, made by `ssh-kiosk init` beforehand so
/// that a bad folder is refused with its path and its fix instead of every login failing with "Permission denied
/// (publickey)" (sshd's reason, "bad ownership or modes for directory …", goes only to its own log).
///
/// As sshd's `safe_path()`: the file, and every directory from it up to `/`, must be owned by root (or by the
/// account the file belongs to) and writable by nobody else: a world-writable folder with the sticky bit (the
/// system's temporary folder) fails too. An authorized-keys file is also read by sshd as the visitors' account,
/// which therefore needs to read it and to pass through every folder above it.
public enum StrictModes {
    /// Why a path will not do, and what to run instead.
    public struct Problem: Error, Hashable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var fix: String

        public var description: String { "\(reason): \(path). \(fix)" }
    }

    /// An account as the file system sees it.
    public struct Account: Sendable, Hashable {
        public var name: String
        public var uid: uid_t
        public var groups: Set<gid_t>

        public init(name: String, uid: uid_t, groups: Set<gid_t>) {
            self.name = name
            self.uid = uid
            self.groups = groups
        }

        /// The account `name` with its primary and supplementary groups; nil when there is none.
        public static func named(_ name: String) -> Account? {
            guard let entry = getpwnam(name) else { return nil }
            let uid = entry.pointee.pw_uid
            let primary = entry.pointee.pw_gid
            var count: Int32 = 64
            var groups = [gid_t](repeating: 0, count: Int(count))
            if getgrouplist(name, primary, &groups, &count) == -1 {
                groups = [gid_t](repeating: 0, count: Int(count))
                _ = getgrouplist(name, primary, &groups, &count)
            }
            return Account(name: name, uid: uid, groups: Set(groups.prefix(Int(max(count, 0)))).union([primary]))
        }
    }

    /// `path` (which may not exist yet: its nearest existing folder is checked) and every folder above it:
    /// owned by root or `owner`, not writable by group or others. `kind` names what sshd reads there.
    public static func checkSecure(_ path: String, owner: uid_t? = nil, kind: String) -> Problem? {
        var current = URL(fileURLWithPath: path).standardizedFileURL.path
        var info = stat()
        // The part that exists; what init creates below it is made 0755 and root's.
        while stat(current, &info) != 0, current != "/" {
            current = (current as NSString).deletingLastPathComponent
        }
        if let resolved = realpath(current, nil) {
            current = String(cString: resolved)
            free(resolved)
        }
        while true {
            guard stat(current, &info) == 0 else {
                return Problem(path: current, reason: "cannot read \(kind)", fix: "Check that it exists.")
            }
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            let what = isDirectory ? "directory" : "file"
            if info.st_uid != 0 && info.st_uid != (owner ?? 0) {
                let expected = owner.map { $0 == 0 ? "root" : "root or uid \($0)" } ?? "root"
                return Problem(
                    path: current, reason: "bad ownership or modes for \(what) (sshd's StrictModes; \(kind))",
                    fix: "It is owned by uid \(info.st_uid), not \(expected): chown root \(current)")
            }
            if info.st_mode & 0o022 != 0 {
                let mode = String(info.st_mode & 0o7777, radix: 8)
                let fix =
                    info.st_mode & S_ISVTX != 0
                    ? "It is writable by others (mode \(mode), like the system's temporary folder), so sshd refuses "
                        + "everything below it: use a folder such as /etc/storefront-kiosk."
                    : "It is writable by group or others (mode \(mode)): chmod go-w \(current)"
                return Problem(
                    path: current, reason: "bad ownership or modes for \(what) (sshd's StrictModes; \(kind))", fix: fix)
            }
            if current == "/" { return nil }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// Whether `account` can read `path` (`execute`: and run it), passing through every folder above it.
    public static func checkReadable(_ path: String, by account: Account, execute: Bool = false, kind: String)
        -> Problem?
    {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        var folders: [String] = []
        var current = (full as NSString).deletingLastPathComponent
        while true {
            folders.insert(current, at: 0)
            if current == "/" { break }
            current = (current as NSString).deletingLastPathComponent
        }
        var info = stat()
        for folder in folders {
            guard stat(folder, &info) == 0 else {
                return Problem(path: folder, reason: "missing folder above \(kind)", fix: "Create it.")
            }
            if !allows(info, account, 0o1) {
                return Problem(
                    path: folder, reason: "the account \(account.name) cannot pass through the folder above \(kind)",
                    fix: "chmod o+x \(folder)")
            }
        }
        guard stat(full, &info) == 0 else {
            return Problem(path: full, reason: "no such file (\(kind))", fix: "Give the path of an existing file.")
        }
        if !allows(info, account, 0o4) || (execute && !allows(info, account, 0o1)) {
            let mode = String(info.st_mode & 0o7777, radix: 8)
            let fix =
                execute
                ? "chmod 755 \(full)"
                : "It is mode \(mode), owned by uid \(info.st_uid): chown \(account.name) \(full) (or chmod 644 \(full))"
            return Problem(
                path: full, reason: "the account \(account.name) cannot \(execute ? "run" : "read") \(kind)", fix: fix)
        }
        return nil
    }

    /// The permission bits `want` (4 read, 1 search/execute) for `account` on a file with `info`.
    static func allows(_ info: stat, _ account: Account, _ want: mode_t) -> Bool {
        if account.uid == 0 { return want & 0o1 == 0 || info.st_mode & 0o111 != 0 }
        if info.st_uid == account.uid { return (info.st_mode >> 6) & want == want }
        if account.groups.contains(info.st_gid) { return (info.st_mode >> 3) & want == want }
        return info.st_mode & want == want
    }
}
