import CNCurses

/// The only Swift file that calls the shim's signal and tty-state functions: their state lives in
/// `static` C variables, one copy per object file, so every call must come from this one file.
/// Hence `@inline(never)` on every member: in a release build the optimizer would otherwise inline them
/// into callers in other files, whose object files hold their own (never set) copies — `isAlive` was then
/// always false and the release build drew no frame at all.
///
/// INT/TERM/HUP only set a flag and write a byte to a self-pipe (the run loop watches it and ends
/// cleanly); a third INT/TERM with no answer restores the tty from the handler and exits. Fatal
/// signals restore the tty (async-signal-safe writes + termios) and re-raise. SIGWINCH is chained
/// after curses' own handler and wakes the loop so `KEY_RESIZE` is read without polling.
@MainActor
enum SignalGuard {
    private static var wakeRead: Int32 = -1
    private static var wakeWrite: Int32 = -1

    /// Saves the tty modes of `fd` before curses changes them; installs the exit hook.
    @inline(never) static func prepare(ttyFD: Int32) {
        sf_save_tty(ttyFD)
        sf_install_atexit()
    }

    /// Installs the handlers; returns the read end of the wake pipe (or -1).
    @inline(never) static func install() -> Int32 {
        if wakeRead < 0 {
            var r: Int32 = -1
            var w: Int32 = -1
            if sf_make_wake_pipe(&r, &w) == 0 {
                wakeRead = r
                wakeWrite = w
            }
        }
        sf_clear_pending_signal()
        sf_install_signal_handlers(wakeWrite)
        sf_set_tty_active(1)
        return wakeRead
    }

    @inline(never) static func uninstall() {
        sf_set_tty_active(0)
        sf_uninstall_signal_handlers()
    }

    /// The last INT/TERM/HUP received, or 0.
    @inline(never) static var pendingSignal: Int32 { sf_pending_signal() }

    /// How many SIGWINCH the chained handler has seen.
    @inline(never) static var windowChanges: Int32 { sf_winch_signals() }

    @inline(never) static func clearPendingSignal() { sf_clear_pending_signal() }

    /// False after SIGHUP (or before curses started): nothing may be written to the terminal.
    @inline(never) static var ttyActive: Bool { sf_tty_is_active() != 0 }

    /// The terminal went away (end of input): restore must not write to it.
    @inline(never) static func markTerminalGone() { sf_set_tty_active(0) }

    @inline(never) static func drainWakePipe() {
        if wakeRead >= 0 { _ = sf_drain_fd(wakeRead) }
    }
}
