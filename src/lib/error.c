/*
 * error.c - filling ayni_error.  Nothing here prints or exits; the command
 * line decides what a code means to the user.
 */
#include <stdio.h>
#include <string.h>

#include "ayni/error.h"

int
ayni_error_vset(ayni_error *err, int code, const char *fmt, va_list ap)
{
	if (err == NULL)
		return code;
	err->code = code;
	err->line = 0;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	return code;
}

int
ayni_error_set(ayni_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ayni_error_vset(err, code, fmt, ap);
	va_end(ap);
	return code;
}

int
ayni_error_set_line(ayni_error *err, int code, long line, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	ayni_error_vset(err, code, fmt, ap);
	va_end(ap);
	if (err != NULL)
		err->line = line;
	return code;
}

void
ayni_error_clear(ayni_error *err)
{
	if (err == NULL)
		return;
	err->code = AYNI_OK;
	err->msg[0] = '\0';
	err->line = 0;
}

const char *
ayni_code_name(int code)
{
	switch (code) {
	case AYNI_OK:		return "OK";
	case AYNI_ENOTFOUND:	return "ENOTFOUND";
	case AYNI_EEXISTS:	return "EEXISTS";
	case AYNI_EUSAGE:	return "EUSAGE";
	case AYNI_EDATA:	return "EDATA";
	case AYNI_ENOINPUT:	return "ENOINPUT";
	case AYNI_EUNAVAIL:	return "EUNAVAIL";
	case AYNI_EINTERNAL:	return "EINTERNAL";
	case AYNI_ECANTCREAT:	return "ECANTCREAT";
	case AYNI_EIO:		return "EIO";
	case AYNI_EBUSY:	return "EBUSY";
	case AYNI_EPERM:	return "EPERM";
	case AYNI_ECONFIG:	return "ECONFIG";
	case AYNI_ENOMEM:	return "ENOMEM";
	case AYNI_ECANCELED:	return "ECANCELED";
	}
	return "EUNKNOWN";
}
