#!/bin/sh
# t110-spanish.sh - ayni speaks the user's language (include/ayni/intl.h,
# po/README.md): every message marked in the code has a Spanish
# translation that msgfmt accepts; with LANG=es_CL.UTF-8 messages, usage
# and help are Spanish, in the C locale English; and scripts see the same
# bytes of CSV and JSON in both.
. "$(dirname "$0")/lib.sh"

# --- the catalogue is complete ---------------------------------------
if command -v xgettext >/dev/null 2>&1; then
	sh "$AYNI_SRC/po/xgettext.sh" "$T/ayni.pot" 2>"$T/xg.err"
	check "xgettext reads the sources ($(cat "$T/xg.err"))" test -s "$T/ayni.pot"
	msgcat --use-first -o "$T/es.po" "$AYNI_SRC"/po/es/*.po
	check "po/es/ fragments merge" test $? -eq 0
	msgcmp "$T/es.po" "$T/ayni.pot" >"$T/cmp.out" 2>&1
	check "every marked message is in po/es/, translated ($(head -c 600 "$T/cmp.out"))" \
	    test $? -eq 0
	msgfmt --check --statistics -o /dev/null "$T/es.po" 2>"$T/stat.out"
	check "po/es/ compiles, formats match" test $? -eq 0
	# a message translated in two fragments must say the same in both
	msgcat --more-than=1 "$AYNI_SRC"/po/es/*.po 2>/dev/null |
	    msgattrib --only-fuzzy 2>/dev/null >"$T/dups"
	check "no message translated twice differently" \
	    sh -c "! grep -q '^msgid \"..*' '$T/dups'"
	check "no untranslated or fuzzy entry ($(cat "$T/stat.out"))" \
	    sh -c "! grep -Eq 'untranslated|fuzzy' '$T/stat.out'"
else
	printf 'skip: xgettext not installed\n'
fi

# --- both languages ----------------------------------------------------
spanish

export AYNI_DB="$T/nada.db"
en whoami
expect_rc 66
es whoami
expect_rc 66

new_db
run logout
expect_rc 0
en whoami
expect_rc 77
expect_err "ayni: not logged in: run 'ayni login'"
es whoami
expect_rc 77
expect_err "ayni: no ha iniciado sesión: ejecute 'ayni login'"
# LANGUAGE picks among languages only when the locale is not C
LANG=es_CL.UTF-8 LANGUAGE=en run whoami
expect_err "ayni: not logged in: run 'ayni login'"

run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0
run company add --rut 76.086.428-5 --name 'Almacén Uno'
expect_rc 0
run --company 11111111-1 aggregate
expect_rc 77
es --company 11111111-1 aggregate
expect_rc 77
expect_err_has "sin acceso a la empresa '11111111-1': no es miembro"

# --- scripts see the same bytes ------------------------------------------
run upload "$AYNI_SRC/examples/ventas-pos-bom.csv" --format csv
expect_rc 0
for fmt in csv json; do
	for what in "aggregate --level month" "aggregate --level product" \
	    "uploads list" "company list" "report --period 2025-09"; do
		# shellcheck disable=SC2086
		LANG=C "$AYNI" --format "$fmt" $what >"$T/en.out" 2>/dev/null
		# shellcheck disable=SC2086
		LANG=es_CL.UTF-8 "$AYNI" --format "$fmt" $what >"$T/es.out" \
		    2>/dev/null
		check "$fmt of '$what' is the same in Spanish" \
		    cmp -s "$T/en.out" "$T/es.out"
		check "$fmt of '$what' is not empty" test -s "$T/en.out"
	done
done

done_testing
