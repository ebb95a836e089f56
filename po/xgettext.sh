#!/bin/sh
# xgettext.sh - the catalogue template: every message marked with _(), N_(),
# P_() or NC_() (a table heading, output.c) in src/ and include/, written
# to the file named by $1 (po/ayni.pot when maintainers refresh it; a
# temporary file when a test compares).
# Run from anywhere.
set -eu
out=${1:?usage: xgettext.sh OUT.pot}
cd "$(dirname "$0")/.."
# shellcheck disable=SC2046
xgettext --language=C --from-code=UTF-8 --no-location --sort-output \
    --package-name=ayni --msgid-bugs-address=' ' \
    -k_ -kN_ -kP_:1,2 \
    -kNC_:1c,2 \
    --flag=ayni_error_set:3:c-format --flag=ayni_error_set_line:4:c-format \
    --flag=cli_note:2:c-format --flag=cli_warn:2:c-format \
    --flag=notifyf:3:c-format --flag=_:1:pass-c-format \
    --add-comments=TRANSLATORS: -o "$out" \
    $(find src include -name '*.[ch]' | sort)
