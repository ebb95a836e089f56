/* placeholder */
#include "ayni/report.h"
int
ayni_report_html(const ayni_report *r, FILE *fp, ayni_error *err)
{
	(void)r; (void)fp;
	return ayni_error_set(err, AYNI_EINTERNAL, "todo");
}
