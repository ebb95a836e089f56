#!/bin/sh
# t119-unmarked.sh - no message a person reads is left out of the
# catalogue (include/ayni/intl.h): in src/, the message argument of
#   ayni_error_set (3rd), ayni_error_set_line (4th), cli_note and
#   cli_warn (2nd), notifyf (3rd), cli_error (1st)
# must not hold a string literal outside _(), N_() or P_().  A literal
# with no letters besides its conversions ("%s: %s") says nothing to
# translate and passes.  Each offence is printed as file:line.
#
# Files not yet translated are listed in tests/data/unmarked-pending.txt
# (one path per line, from the top of the repository): their offences
# are printed as "pending" and not counted; a listed file that is clean
# IS a failure ("remove it from the list"), so the list only shrinks.
. "$(dirname "$0")/lib.sh"

P="$AYNI_TEST_DATA/unmarked-pending.txt"
last="(the lint)" rc=0 out= err=

# unmarked FILE...: "file:line: function" for each offence.
unmarked() {
	awk '
	function flush_file() {
		scan()
		text = ""
	}
	FNR == 1 && NR != 1 { flush_file() }
	FNR == 1 { file = FILENAME; nlines = 0 }
	{ text = text $0 "\n" }
	END { flush_file() }

	# Tokens of text: identifiers, string literals (kind "s"), single
	# punctuation characters; comments, char literals and numbers
	# dropped.  tok[i], kind[i], tline[i].
	function tokenize(   i, n, c, d, line, start, s) {
		nt = 0; n = length(text); line = 1; i = 1
		while (i <= n) {
			c = substr(text, i, 1)
			if (c == "\n") { line++; i++; continue }
			if (c == " " || c == "\t" || c == "\r" || c == "\f") {
				i++; continue
			}
			d = substr(text, i, 2)
			if (d == "/*") {
				i += 2
				while (i <= n && substr(text, i, 2) != "*/") {
					if (substr(text, i, 1) == "\n")
						line++
					i++
				}
				i += 2; continue
			}
			if (d == "//") {
				while (i <= n && substr(text, i, 1) != "\n")
					i++
				continue
			}
			if (c == "\"" || c == "'\''") {
				start = line; s = ""; i++
				while (i <= n && substr(text, i, 1) != c) {
					if (substr(text, i, 1) == "\\") {
						s = s substr(text, i, 2); i += 2
						continue
					}
					if (substr(text, i, 1) == "\n")
						line++
					s = s substr(text, i, 1); i++
				}
				i++
				if (c == "\"") {
					nt++; tok[nt] = s; kind[nt] = "s"
					tline[nt] = start
				}
				continue
			}
			if (c ~ /[A-Za-z_]/) {
				s = ""
				while (i <= n && substr(text, i, 1) ~ /[A-Za-z0-9_]/) {
					s = s substr(text, i, 1); i++
				}
				nt++; tok[nt] = s; kind[nt] = "i"; tline[nt] = line
				continue
			}
			if (c ~ /[0-9]/) {
				while (i <= n && substr(text, i, 1) ~ /[A-Za-z0-9_.]/)
					i++
				continue
			}
			nt++; tok[nt] = c; kind[nt] = "p"; tline[nt] = line; i++
		}
	}

	# A literal that says something: letters outside its conversions.
	function wordy(s) {
		gsub(/%[-+ #0-9.*$]*[hljztL]*[a-zA-Z%]/, "", s)
		gsub(/\\[a-z]/, "", s)
		return s ~ /[A-Za-z]/
	}

	function scan(   i, j, want, depth, arg, wrap, hit) {
		if (text == "")
			return
		tokenize()
		for (i = 1; i < nt; i++) {
			if (kind[i] != "i" || tok[i + 1] != "(" ||
			    !(tok[i] in argn))
				continue
			want = argn[tok[i]]; depth = 0; arg = 1; wrap = 0; hit = 0
			for (j = i + 1; j <= nt; j++) {
				if (tok[j] == "(" || tok[j] == "[" || tok[j] == "{") {
					depth++
					continue
				}
				if (tok[j] == ")" || tok[j] == "]" || tok[j] == "}") {
					depth--
					if (wrap > depth)
						wrap = 0
					if (depth == 0)
						break
					continue
				}
				if (tok[j] == "," && depth == 1) {
					arg++
					continue
				}
				if (arg != want)
					continue
				if (wrap == 0 && kind[j] == "i" &&
				    (tok[j] == "_" || tok[j] == "N_" ||
				    tok[j] == "P_") && tok[j + 1] == "(")
					wrap = depth + 1
				if (wrap == 0 && kind[j] == "s" && !hit &&
				    wordy(tok[j])) {
					printf "%s:%d: %s\n", file, tline[j], tok[i]
					hit = 1
				}
			}
		}
	}

	BEGIN {
		argn["ayni_error_set"] = 3
		argn["ayni_error_set_line"] = 4
		argn["cli_note"] = 2
		argn["cli_warn"] = 2
		argn["notifyf"] = 3
		argn["cli_error"] = 1
	}
	' "$@"
}

cd "$AYNI_SRC" || exit 1
# the lint itself: it finds what it must, and only that
cat >"$T/probe.c" <<'EOF'
/* ayni_error_set(err, 1, "in a comment") */
int f(void) {
	ayni_error_set(err, AYNI_EDATA, "bare %s", x);
	ayni_error_set(err, AYNI_EDATA, _("marked %s"), x);
	ayni_error_set(err, AYNI_EDATA, "%s: %s", a, b);
	ayni_error_set(err, f("x", 1), fmt);
	ayni_error_set_line(err, AYNI_EDATA, 3,
	    c ? _("one") : "other");
	cli_note(ctx, P_("%d line", "%d lines", n), n);
	cli_warn(ctx, "a \"quoted\" ' word");
	notifyf(u, '"', "x %s", y);
	cli_error(_("x") "y");
}
EOF
unmarked "$T/probe.c" | sed "s|$T/||" >"$T/probe.out"
printf '%s\n' 'probe.c:3: ayni_error_set' 'probe.c:8: ayni_error_set_line' \
    'probe.c:10: cli_warn' 'probe.c:11: notifyf' 'probe.c:12: cli_error' \
    >"$T/probe.want"
check "the lint finds the probe's offences ($(tr '\n' ' ' <"$T/probe.out"))" \
    cmp -s "$T/probe.out" "$T/probe.want"

is_pending() {
	grep -qx "$1" "$P"
}

find src -name '*.[ch]' | sort >"$T/files"
# shellcheck disable=SC2046
unmarked $(cat "$T/files") >"$T/all"
while read -r f; do
	grep "^$f:" "$T/all" >"$T/hits"
	if is_pending "$f"; then
		if [ -s "$T/hits" ]; then
			printf 'pending %s: %d unmarked\n' "$f" \
			    "$(wc -l <"$T/hits")"
			ok
		else
			not_ok "$f has no unmarked message: remove it from" \
			    "tests/data/unmarked-pending.txt"
		fi
	elif [ -s "$T/hits" ]; then
		while read -r h; do
			not_ok "unmarked message (wrap it in _()): $h"
		done <"$T/hits"
	else
		ok
	fi
done <"$T/files"
grep -v '^#' "$P" | grep . | while read -r f; do
	[ -f "$f" ] || printf '%s\n' "$f"
done >"$T/gone"
check "every file of unmarked-pending.txt exists ($(cat "$T/gone"))" \
    test ! -s "$T/gone"

done_testing
