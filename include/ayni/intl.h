/*
 * intl.h - messages in the user's language (GNU gettext, glibc's).
 *
 * Every text a person reads goes through _() where it is written: error
 * messages of the core, usage and --help of the command line, table
 * headings, reports.  N_() marks a text kept in a table and translated
 * where it is printed.  The catalogue is po/<lang>.po, built into
 * <localedir>/<lang>/LC_MESSAGES/ayni.mo; po/README.md says how to add a
 * message.  Never translated: CSV and JSON keys and values, file formats,
 * anything a script reads.
 *
 * The domain is named in each call (dgettext), so libayni speaks the
 * user's language inside any program that links it, whatever that
 * program's own textdomain is.
 */
#ifndef AYNI_INTL_H
#define AYNI_INTL_H

#include <libintl.h>

#define AYNI_TEXTDOMAIN	"ayni"

#define _(s)	dgettext(AYNI_TEXTDOMAIN, s)
#define N_(s)	(s)
/* singular/plural by n: Spanish and English both have two forms */
#define P_(s, p, n)	dngettext(AYNI_TEXTDOMAIN, s, p, (unsigned long)(n))

/*
 * Bind the domain to its catalogues: $AYNI_LOCALEDIR when set (tests, a
 * build tree), else the installed directory, else the build tree's (so a
 * binary run from build/ speaks Spanish too).  Reads the locale for
 * messages only: numbers, dates, character classes and collation stay
 * "C", so machine formats never change with the locale.
 */
void	ayni_intl_init(void);

/*
 * 1 when messages are in Spanish (the catalogue is in use), for the
 * few formats a person reads that differ by language, like dates in a
 * table (dd-mm-yyyy); 0 otherwise.
 */
int	ayni_intl_spanish(void);

/*
 * Messages in English (the text written in the code) until
 * ayni_intl_restore(prev): for a message that ends up in csv or json,
 * which scripts read in any locale (a report's reason for showing no
 * benchmark, say).  Returns what to pass to ayni_intl_restore; nests.
 */
char	*ayni_intl_english(void);
void	 ayni_intl_restore(char *prev);

#endif /* AYNI_INTL_H */
