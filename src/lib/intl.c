/*
 * intl.c - binding the message catalogue (include/ayni/intl.h).
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ayni/intl.h"

#ifndef AYNI_LOCALEDIR
#define AYNI_LOCALEDIR	"/usr/local/share/locale"
#endif
#ifndef AYNI_BUILD_LOCALEDIR
#define AYNI_BUILD_LOCALEDIR	""
#endif

void
ayni_intl_init(void)
{
	const char *dir = getenv("AYNI_LOCALEDIR");

	/*
	 * Only the messages follow the locale: LC_NUMERIC, LC_TIME and
	 * LC_CTYPE stay "C", so printf("%f") keeps its '.' and character
	 * classes their ASCII meaning; translations come in UTF-8 whatever
	 * the locale's character set (ayni reads and writes UTF-8).
	 */
	setlocale(LC_MESSAGES, "");
	if (dir == NULL || dir[0] == '\0') {
		dir = AYNI_LOCALEDIR;
		if (AYNI_BUILD_LOCALEDIR[0] != '\0' && access(AYNI_LOCALEDIR
		    "/es/LC_MESSAGES/" AYNI_TEXTDOMAIN ".mo", R_OK) != 0)
			dir = AYNI_BUILD_LOCALEDIR;
	}
	bindtextdomain(AYNI_TEXTDOMAIN, dir);
	bind_textdomain_codeset(AYNI_TEXTDOMAIN, "UTF-8");
}

int
ayni_intl_spanish(void)
{
	/* TRANSLATORS: the language of this catalogue, as a code: "es" */
	return strcmp(_("en"), "es") == 0;
}

char *
ayni_intl_english(void)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);
	char *prev = cur != NULL ? strdup(cur) : NULL;

	setlocale(LC_MESSAGES, "C");
	return prev;
}

void
ayni_intl_restore(char *prev)
{
	if (prev == NULL)
		return;
	setlocale(LC_MESSAGES, prev);
	free(prev);
}
