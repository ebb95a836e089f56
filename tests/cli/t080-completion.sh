#!/bin/sh
# t080-completion.sh - the bash completion script completes groups, verbs
# and options from ayni's own help, so it follows the command table.
. "$(dirname "$0")/lib.sh"

if ! command -v bash >/dev/null 2>&1; then
	echo "t080-completion.sh: bash not found; nothing to check"
	done_testing
fi
comp() {	# comp WORDS...: the completions of the last word
	bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_ayni
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "
	' sh "$AYNI_SRC/scripts/ayni.bash-completion" "$@"
}

out=$(comp "$AYNI" up)
last="complete 'ayni up'"; rc=0; err=
expect_out "upload uploads "
out=$(comp "$AYNI" company me)
last="complete 'ayni company me'"
expect_out "member "
out=$(comp "$AYNI" upload --ma)
last="complete 'ayni upload --ma'"
expect_out "--map --mapping --max-errors "
out=$(comp "$AYNI" --format cs)
last="complete 'ayni --format cs'"
expect_out "csv "
out=$(comp "$AYNI" aggregate --level mo)
last="complete 'ayni aggregate --level mo'"
expect_out "month "
out=$(comp "$AYNI" uploads "")
last="complete 'ayni uploads '"
expect_out "delete list show "
out=$(comp "$AYNI" re)
last="complete 'ayni re'"
expect_out "report "
out=$(comp "$AYNI" export --what pro)
last="complete 'ayni export --what pro'"
expect_out "product "
out=$(comp "$AYNI" export --ex)
last="complete 'ayni export --ex'"
expect_out "--excel "
out=$(comp "$AYNI" ch)
last="complete 'ayni ch'"
expect_out "check "
done_testing
