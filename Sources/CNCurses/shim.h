#ifndef STOREFRONT_CNCURSES_SHIM_H
#define STOREFRONT_CNCURSES_SHIM_H

// Wide-character API on: SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so say it here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift 6 cannot read C globals safely, nor import function-like macros: small accessors instead.
static inline WINDOW *sf_stdscr(void) { return stdscr; }
static inline int sf_lines(void) { return LINES; }
static inline int sf_cols(void) { return COLS; }
static inline int sf_colors(void) { return COLORS; }
static inline int sf_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *sf_stdin(void) { return stdin; }
static inline FILE *sf_stdout(void) { return stdout; }
static inline FILE *sf_stderr(void) { return stderr; }

static inline attr_t sf_a_normal(void) { return A_NORMAL; }
static inline attr_t sf_a_bold(void) { return A_BOLD; }
static inline attr_t sf_a_reverse(void) { return A_REVERSE; }
static inline attr_t sf_a_dim(void) { return A_DIM; }
static inline attr_t sf_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sf_color_pair(int n) { return COLOR_PAIR(n); }

static inline int sf_key_resize(void) { return KEY_RESIZE; }
static inline int sf_key_mouse(void) { return KEY_MOUSE; }

/// Sets the locale from the environment; falls back to C.UTF-8 when it is not UTF-8.
/// Returns 1 when a UTF-8 locale is in force.
static inline int sf_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0)) return 1;
    if (setlocale(LC_ALL, "C.UTF-8") != NULL) {
        cs = nl_langinfo(CODESET);
        if (cs != NULL && strcmp(cs, "UTF-8") == 0) return 1;
    }
    return 0;
}

/// Draws one cell (a grapheme given as up to 5 wide chars) with attributes and a colour pair.
static inline int sf_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    setcchar(&cc, wch, attrs, pair, NULL);
    return mvadd_wch(y, x, &cc);
}

/// Opens a terminal on stdin/stdout with `term`; NULL when the terminal type is unknown.
static inline SCREEN *sf_newterm(const char *term) {
    return newterm(term, stdout, stdin);
}

// ---------------------------------------------------------------------------------------------
// Additions for ShopTUI (display width, mouse masks, pseudo-terminals, signals, emergency restore).

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <termios.h>
#include <sys/ioctl.h>

static inline int sf_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sf_key_f(int n) { return KEY_F(n); }
static inline int sf_err(void) { return ERR; }

static inline mmask_t sf_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t sf_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t sf_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t sf_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t sf_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t sf_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t sf_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t sf_button5_pressed(void) { return BUTTON5_PRESSED; }

/// One C.UTF-8 locale object for width queries, so widths do not depend on the process locale.
// Declared here: the module's libc headers hide it without _XOPEN_SOURCE.
extern int wcwidth(wchar_t c);
static pthread_once_t sf_width_once = PTHREAD_ONCE_INIT;
static locale_t sf_width_locale = (locale_t)0;
static inline void sf_width_init(void) {
    sf_width_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}
/// wcwidth of one code point under C.UTF-8 (glibc tables); -1 for non-printables.
static inline int sf_wcwidth(unsigned int cp) {
    pthread_once(&sf_width_once, sf_width_init);
    if (sf_width_locale == (locale_t)0) return wcwidth((wchar_t)cp);
    locale_t old = uselocale(sf_width_locale);
    int w = wcwidth((wchar_t)cp);
    uselocale(old);
    return w;
}

/// 1 when the current LC_CTYPE codeset is UTF-8.
static inline int sf_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/// Draws one cell with an extended colour pair (pairs above 32767 are not used).
static inline int sf_put_cell_at(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, (short)pair, NULL) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cc);
}

/// 1 when terminfo's string capability `cap` is `want` (or one of the `|`-separated forms in `want`).
static inline int sf_cap_is(const char *cap, const char *want) {
    const char *s = tigetstr(cap);
    if (s == NULL || s == (char *)-1) return 0;
    size_t n = strlen(s);
    const char *p = want;
    while (1) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && strncmp(s, p, n) == 0) return 1;
        if (!bar) return 0;
        p = bar + 1;
    }
}

/// What the frame encoder may write on the current terminal (after newterm): 0 when terminfo's cursor, erase or
/// SGR strings are not the ECMA-48/xterm forms it writes (frames then go through curses). Bits: 1 the base
/// (cup, hpa, cuf, cub, cuu, cud, el, sgr0, bold, dim, rev, smul, and setaf/setab/op when `colors`), 2 ech,
/// 4 rep, 8 bce, 16 csr + indn + rin.
static inline int sf_escape_support(int colors) {
    int base = sf_cap_is("cup", "\033[%i%p1%d;%p2%dH") && sf_cap_is("hpa", "\033[%i%p1%dG")
        && sf_cap_is("cuf", "\033[%p1%dC") && sf_cap_is("cub", "\033[%p1%dD")
        && sf_cap_is("cuu", "\033[%p1%dA") && sf_cap_is("cud", "\033[%p1%dB")
        && sf_cap_is("el", "\033[K")
        && sf_cap_is("sgr0", "\033[m|\033[0m|\033(B\033[m|\033[m\017|\033(B\033[0m|\033[0m\017")
        && sf_cap_is("bold", "\033[1m") && sf_cap_is("dim", "\033[2m") && sf_cap_is("rev", "\033[7m")
        && sf_cap_is("smul", "\033[4m") && tigetflag("am") == 1 && tigetflag("xenl") == 1;
    if (colors) {
        base = base && sf_cap_is("op", "\033[39;49m")
            && sf_cap_is("setaf", "\033[%?%p1%{8}%<%t3%p1%d%e%p1%{16}%<%t9%p1%{8}%-%d%e38;5;%p1%d%;m|\033[3%p1%dm")
            && sf_cap_is("setab", "\033[%?%p1%{8}%<%t4%p1%d%e%p1%{16}%<%t10%p1%{8}%-%d%e48;5;%p1%d%;m|\033[4%p1%dm");
    }
    if (!base) return 0;
    int bits = 1;
    if (sf_cap_is("ech", "\033[%p1%dX")) bits |= 2;
    if (sf_cap_is("rep", "%p1%c\033[%p2%{1}%-%db")) bits |= 4;
    if (tigetflag("bce") == 1) bits |= 8;
    if (sf_cap_is("csr", "\033[%i%p1%d;%p2%dr") && sf_cap_is("indn", "\033[%p1%dS") && sf_cap_is("rin", "\033[%p1%dT"))
        bits |= 16;
    return bits;
}

/// Reads back the characters of one cell (up to `max` wide chars, NUL-terminated); returns the count or -1.
static inline int sf_cell_text(WINDOW *win, int y, int x, wchar_t *out, int max, attr_t *attrs, short *pair) {
    cchar_t cc;
    if (mvwin_wch(win, y, x, &cc) == ERR) return -1;
    wchar_t tmp[CCHARW_MAX + 1];
    attr_t a = 0; short p = 0;
    if (getcchar(&cc, tmp, &a, &p, NULL) == ERR) return -1;
    int n = 0;
    while (n < CCHARW_MAX && tmp[n] != 0 && n < max - 1) { out[n] = tmp[n]; n++; }
    out[n] = 0;
    if (attrs) *attrs = a;
    if (pair) *pair = p;
    return n;
}

/// Opens a terminal on explicit streams (tests use a pseudo-terminal).
static inline SCREEN *sf_newterm_files(const char *term, FILE *out, FILE *in) {
    return newterm(term, out, in);
}

/// Opens a pseudo-terminal pair with the given size. Returns 0 on success.
static inline int sf_open_pty(int rows, int cols, int *master_fd, int *slave_fd) {
    // Linux ioctls instead of posix_openpt/ptsname: the module's libc headers do not declare those.
    int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    if (m < 0) return -1;
    int unlock = 0;
    unsigned int n = 0;
    if (ioctl(m, TIOCSPTLCK, &unlock) != 0 || ioctl(m, TIOCGPTN, &n) != 0) { close(m); return -1; }
    char name[64];
    snprintf(name, sizeof name, "/dev/pts/%u", n);
    int s = open(name, O_RDWR | O_NOCTTY);
    if (s < 0) { close(m); return -1; }
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = (unsigned short)rows;
    ws.ws_col = (unsigned short)cols;
    ioctl(s, TIOCSWINSZ, &ws);
    int fl = fcntl(m, F_GETFL);
    fcntl(m, F_SETFL, fl | O_NONBLOCK);
    *master_fd = m;
    *slave_fd = s;
    return 0;
}

/// Turns off XON/XOFF flow control (ctrl-s would freeze the screen) and records the modes as curses'
/// "program" modes, so they come back after a suspend. Returns 0 on success.
static inline int sf_disable_flow_control(int fd) {
    struct termios t;
    if (tcgetattr(fd, &t) != 0) return -1;
    t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
    if (tcsetattr(fd, TCSANOW, &t) != 0) return -1;
    def_prog_mode();
    return 0;
}

/// 1 when XON/XOFF output flow control is on for `fd`, 0 when off, -1 on error.
static inline int sf_flow_control_enabled(int fd) {
    struct termios t;
    if (tcgetattr(fd, &t) != 0) return -1;
    return (t.c_iflag & IXON) ? 1 : 0;
}

/// Teaches curses the bracketed-paste markers as two key codes (see KeyDecoder.Code).
static inline void sf_define_paste_keys(int start_code, int end_code) {
    define_key("\033[200~", start_code);
    define_key("\033[201~", end_code);
}

static inline FILE *sf_fdopen(int fd, const char *mode) { return fdopen(fd, mode); }

/// Reads whatever is pending on a non-blocking fd; returns the byte count (0 when nothing).
static inline long sf_drain_fd(int fd) {
    char buf[4096];
    long total = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n > 0) { total += n; continue; }
        if (n < 0 && errno == EINTR) continue;
        break;
    }
    return total;
}

/// Writes raw bytes to a stream and flushes it (escape sequences after a frame).
static inline int sf_write_raw(FILE *out, const char *bytes, size_t len) {
    size_t w = fwrite(bytes, 1, len, out);
    fflush(out);
    return w == len ? 0 : -1;
}

// --- Signals -----------------------------------------------------------------------------------
// NOTE: these are `static` in a header, so every object file that calls them gets its own copy of
// the state below. Swift calls them from ONE file only (ShopTUI/Backend/SignalGuard.swift).
// The handlers only touch async-signal-safe state: a flag, a self-pipe, termios and write(2).

static volatile sig_atomic_t sf_sig_pending = 0;    // last INT/TERM/HUP received (0 = none)
static volatile sig_atomic_t sf_sig_count = 0;      // how many INT/TERM received
static volatile sig_atomic_t sf_winch_count = 0;   // SIGWINCHs seen (tests wait on it)
static volatile sig_atomic_t sf_tty_active = 0;     // 1 while the screen is in curses mode
static int sf_wake_fd = -1;                         // write end of the self-pipe
static int sf_tty_fd = -1;                          // terminal whose termios we saved
// Struct-typed state lives in function-local statics (file-scope ones are not emitted by Swift's importer).
static inline struct termios *sf_saved_termios_p(void) { static struct termios t; return &t; }
static int sf_have_termios = 0;
static inline struct sigaction *sf_old_winch_p(void) { static struct sigaction a; return &a; }
static int sf_have_old_winch = 0;

/// Bytes that undo what curses did, written by an emergency restore (no curses calls in a handler).
static const char sf_reset_seq[] = "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1l\033>\033[?2004l\033[?1049l\r\n";

static inline void sf_wake(char c) {
    if (sf_wake_fd >= 0) { ssize_t r = write(sf_wake_fd, &c, 1); (void)r; }
}

static inline void sf_emergency_restore(void) {
    if (!sf_tty_active) return;
    sf_tty_active = 0;
    if (sf_tty_fd >= 0) {
        ssize_t r = write(sf_tty_fd, sf_reset_seq, sizeof sf_reset_seq - 1);
        (void)r;
        if (sf_have_termios) tcsetattr(sf_tty_fd, TCSANOW, sf_saved_termios_p());
    }
}

static inline void sf_quit_handler(int sig) {
    int saved = errno;
    if (sig == SIGHUP) {
        sf_tty_active = 0;               // the terminal is gone: never write to it again
        sf_sig_pending = sig;
        sf_wake('h');
    } else {
        sf_sig_count = sf_sig_count + 1;
        sf_sig_pending = sig;
        if (sf_sig_count >= 3) {          // the loop did not answer twice: restore and leave now
            sf_emergency_restore();
            _exit(128 + sig);
        }
        sf_wake('q');
    }
    errno = saved;
}

/// Fatal-signal handlers that were there before ours (e.g. the Swift runtime's backtracer).
static inline struct sigaction *sf_old_fatal_p(int sig) {
    static struct sigaction olds[NSIG];
    return (sig > 0 && sig < NSIG) ? &olds[sig] : NULL;
}
static volatile sig_atomic_t sf_have_old_fatal = 0;

static inline void sf_fatal_handler(int sig) {
    sf_emergency_restore();
    // Hand over to whoever handled it before (a crash report now prints on a restored terminal);
    // the fault repeats, or the re-raised signal arrives, once this handler returns.
    struct sigaction *old = sf_old_fatal_p(sig);
    if (sf_have_old_fatal && old != NULL) {
        sigaction(sig, old, NULL);
    } else {
        signal(sig, SIG_DFL);
    }
    raise(sig);
}

static inline void sf_winch_handler(int sig) {
    int saved = errno;
    if (sf_have_old_winch) {
        if (sf_old_winch_p()->sa_flags & SA_SIGINFO) {
            if (sf_old_winch_p()->sa_sigaction) sf_old_winch_p()->sa_sigaction(sig, NULL, NULL);
        } else if (sf_old_winch_p()->sa_handler != SIG_DFL && sf_old_winch_p()->sa_handler != SIG_IGN) {
            sf_old_winch_p()->sa_handler(sig);
        }
    }
    sf_winch_count = sf_winch_count + 1;  // after curses has flagged the resize
    sf_wake('w');
    errno = saved;
}

/// Saves the terminal modes of `fd` (call before curses changes them).
static inline void sf_save_tty(int fd) {
    sf_tty_fd = fd;
    sf_have_termios = (tcgetattr(fd, sf_saved_termios_p()) == 0);
}

static inline void sf_set_tty_active(int active) { sf_tty_active = active; }
static inline int sf_tty_is_active(void) { return sf_tty_active; }

/// Installs INT/TERM/HUP (flag + wake), fatal-signal (emergency restore) and, chained after
/// curses' own, SIGWINCH (wake) handlers. `wake_fd` is the write end of a non-blocking pipe.
static inline void sf_install_signal_handlers(int wake_fd) {
    sf_wake_fd = wake_fd;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = sf_quit_handler;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = sf_fatal_handler;
    sa.sa_flags = SA_RESETHAND;
    const int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        sigaction(fatal[i], &sa, sf_have_old_fatal ? NULL : sf_old_fatal_p(fatal[i]));
    }
    sf_have_old_fatal = 1;
    struct sigaction wa;
    memset(&wa, 0, sizeof wa);
    sigemptyset(&wa.sa_mask);
    wa.sa_handler = sf_winch_handler;
    wa.sa_flags = SA_RESTART;
    if (!sf_have_old_winch) {
        sf_have_old_winch = (sigaction(SIGWINCH, &wa, sf_old_winch_p()) == 0);
    } else {
        sigaction(SIGWINCH, &wa, NULL);
    }
}

/// Puts the default dispositions back (after the terminal is restored).
static inline void sf_uninstall_signal_handlers(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    const int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        if (sf_have_old_fatal) sigaction(fatal[i], sf_old_fatal_p(fatal[i]), NULL);
        else signal(fatal[i], SIG_DFL);
    }
    sf_have_old_fatal = 0;
    if (sf_have_old_winch) { sigaction(SIGWINCH, sf_old_winch_p(), NULL); sf_have_old_winch = 0; }
    sf_wake_fd = -1;
}

/// The last quit signal received (INT/TERM/HUP), or 0.
static inline int sf_pending_signal(void) { return sf_sig_pending; }
static inline int sf_winch_signals(void) { return sf_winch_count; }
static inline void sf_clear_pending_signal(void) { sf_sig_pending = 0; sf_sig_count = 0; }

/// Non-blocking self-pipe: fds[0] read end, fds[1] write end. Returns 0 on success.
static inline int sf_make_wake_pipe(int *read_fd, int *write_fd) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    *read_fd = fds[0];
    *write_fd = fds[1];
    return 0;
}

/// At exit: leave curses mode if the program forgot to (never after SIGHUP).
static inline void sf_atexit_restore(void) {
    if (sf_tty_active) {
        sf_tty_active = 0;
        if (!isendwin()) endwin();
    }
}
static int sf_atexit_installed = 0;
static inline void sf_install_atexit(void) {
    if (!sf_atexit_installed) { sf_atexit_installed = 1; atexit(sf_atexit_restore); }
}

#endif
