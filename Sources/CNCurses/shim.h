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

#endif
