#!/bin/sh
# t090-manpages.sh - the manuals agree with the binary, as git's t0450
# does: every command group that 'ayni help' lists has a page; the SYNOPSIS
# of each man/ayni-*.1 page is, line for line and in order, the usage lines
# that 'ayni GROUP --help' (and 'ayni help GROUP') print for the groups it
# documents; ayni(1) lists every group under COMMANDS and names every page;
# every .Xr to an ayni page points at a file in man/; and, where groff is
# installed, every page formats without a warning.  The mdoc is parsed with
# sed and awk, so no formatter is needed (scripts/deps.sh installs none).
# Pages of groups not built yet are skipped until 'ayni help' lists them.
. "$(dirname "$0")/lib.sh"

MAN=$AYNI_SRC/man

# synopsis PAGE: the page's SYNOPSIS as usage lines, without 'usage: '.
synopsis() {
	sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$1" | awk '
	    /^\.Nm / { if (l != "") print l; sub(/^\.Nm /, ""); l = $0; next }
	    /^\.Op / { sub(/^\.Op /, ""); gsub(/Fl /, "-"); gsub(/Ar /, "");
		l = l " [" $0 "]"; next }
	    /^\.Fl / { sub(/^\.Fl /, "-"); gsub(/ Ar /, " "); l = l " " $0
		next }
	    /^\.Ar / { sub(/^\.Ar /, ""); l = l " " $0 }
	    END { if (l != "") print l }'
}

# The groups, in the order 'ayni help' lists them.
run help
expect_rc 0
groups=$(printf '%s\n' "$out" |
    sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z0-9-]*\)  .*/\1/p')
check "'ayni help' lists command groups" test -n "$groups"

# Usage lines per group into $T/usage/GROUP: those of 'ayni GROUP --help',
# then, for a group whose default command lists other verbs under 'also:',
# those of 'ayni GROUP VERB --help'.  The page that --help names goes into
# $T/page/GROUP.  help itself is ayni(1)'s.
mkdir "$T/usage" "$T/page"
for g in $groups; do
	if [ "$g" = help ]; then
		check "ayni(1) SYNOPSIS shows 'ayni help'" \
		    grep -q '^\.Cm help$' "$MAN/ayni.1"
		continue
	fi
	run "$g" --help
	expect_rc 0
	printf '%s\n' "$out" | sed -n 's/^usage: //p' >"$T/usage/$g"
	printf '%s\n' "$out" | sed -n 's/^see also: man \([^ ]*\)$/\1/p' \
	    >"$T/page/$g"
	verbs=$(printf '%s\n' "$out" |
	    sed -n "/^also:\$/,/^\$/s/^  ayni $g \([a-z][a-z0-9-]*\) .*/\1/p")
	help_out=$out
	run help "$g"
	expect_rc 0
	check "'ayni help $g' is 'ayni $g --help'" test "$out" = "$help_out"
	for v in $verbs; do
		run "$g" "$v" --help
		expect_rc 0
		printf '%s\n' "$out" | sed -n 's/^usage: //p' >>"$T/usage/$g"
	done
	check "'ayni $g --help' prints usage lines" test -s "$T/usage/$g"
done

# From here on no command runs: keep failure reports free of its output.
last="(reading man/)" rc=0 out= err=

# Each page's SYNOPSIS, restricted to listed groups, is their usage lines.
: >"$T/documented"
for page in "$MAN"/ayni-*.1; do
	p=${page##*/}
	synopsis "$page" >"$T/syn"
	check "$p has a SYNOPSIS of .Nm lines" test -s "$T/syn"
	: >"$T/want"
	: >"$T/got"
	for g in $groups; do
		[ -f "$T/usage/$g" ] || continue
		awk -v g="$g" '$1 == "ayni" && $2 == g' "$T/syn" >"$T/one"
		[ -s "$T/one" ] || continue
		cat "$T/one" >>"$T/got"
		cat "$T/usage/$g" >>"$T/want"
		echo "$g ${p%.1}" >>"$T/documented"
	done
	# Lines in page order, keeping only those of listed groups.
	awk 'NR == FNR { keep[$0] = 1; next } keep[$0]' "$T/got" "$T/syn" \
	    >"$T/got.ordered"
	[ -s "$T/want" ] || continue	# a group not built yet
	if cmp -s "$T/want" "$T/got.ordered"; then
		ok
	else
		not_ok "SYNOPSIS of $p differs from --help:
$(diff "$T/want" "$T/got.ordered")"
	fi
done

# Every group has a page, and ayni(1) lists the group and names the page.
for g in $groups; do
	[ "$g" = help ] && continue
	page=$(awk -v g="$g" '$1 == g { print $2; exit }' "$T/documented")
	check "group '$g' has a page whose SYNOPSIS shows it" test -n "$page"
	check "ayni(1) COMMANDS lists '$g'" grep -q "^\.It Cm $g\$" \
	    "$MAN/ayni.1"
	[ -n "$page" ] && check "ayni(1) names $page(1)" \
	    grep -q "^\.Xr $page 1" "$MAN/ayni.1"
	# The page 'ayni GROUP --help' points to is that page.
	said=$(cat "$T/page/$g")
	[ -n "$said" ] && check "'ayni $g --help' names $said, which shows it" \
	    grep -q "^$g $said\$" "$T/documented"
done

# Cross-references to ayni pages resolve to files in man/.
for ref in $(cat "$MAN"/ayni*.[1-9] |
    sed -n 's/.*Xr \(ayni[a-z0-9-]*\) \([1-9]\).*/\1.\2/p' | sort -u); do
	check "referenced page man/$ref exists" test -f "$MAN/$ref"
done

# Formatting warnings, where groff is installed (Debian: groff-base).
if command -v groff >/dev/null 2>&1; then
	for page in "$MAN"/ayni*.[1-9]; do
		w=$(groff -mdoc -Tutf8 -ww -z "$page" 2>&1)
		check "${page##*/} formats without warnings: $w" test -z "$w"
	done
fi

done_testing
