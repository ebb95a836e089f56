#!/bin/sh
# t100-hostile-files.sh - the hostile-input catalogue for files, databases
# and the terminal (issue 10): output paths that are the database, links,
# directories, devices and FIFOs; databases that are missing, foreign,
# newer, empty, truncated, read-only or busy; passwords and signals at the
# prompt.  Each case asserts the exit status, one clear message, and that
# the database is unchanged (same bytes, integrity check, verify).
. "$(dirname "$0")/lib.sh"

new_db
db=$AYNI_DB
run company add --rut 76.123.456-0 --name 'Minimarket Uno'
expect_rc 0
cat >"$T/bad.csv" <<'EOF'
fecha;boleta;sku;cantidad;total
01-03-2025;1;A;1;100
02-03-2025;3;C;x;100
EOF

# snap: remember the database's content; same: it did not change, the
# file is sound and the rollups agree with the lines.  (Every logged-in
# command records when its session was last used: that column is left
# out; the files of other applications are compared byte for byte.)
content() {
	sqlite3 "$db" .dump | grep -v '^INSERT INTO sessions'
	sqlite3 "$db" 'SELECT id, user_id, kind, revoked_at FROM sessions'
}
snap() {
	sum=$(content | sha256sum)
}
same() {
	check "$1: database content unchanged" test "$(content | sha256sum)" = "$sum"
	check "$1: integrity" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
	check "$1: rollups verify" "$AYNI" --db "$db" --company 76.123.456-0 \
	    aggregate verify >/dev/null 2>&1
}
count() { sqlite3 "$db" "SELECT count(*) FROM $1"; }

# ---- output files: --rejects and sample --out (docs/contract.md §2) ----

# 1. --rejects is the database: refused before anything is stored.
snap
run --format csv upload --max-errors 1 --rejects "$db" "$T/bad.csv"
expect_rc 73
expect_err "ayni: refusing to write '$db': it is the database '$db' or one of its files"
same "rejects = database"
# 2. ... or its -wal, even when there is none at the moment.
run --format csv upload --max-errors 1 --rejects "$db-wal" "$T/bad.csv"
expect_rc 73
expect_err "ayni: refusing to write '$db-wal': it is the database '$db' or one of its files"
same "rejects = -wal"
# ... or the upload lock file beside it (uplock.c)
run --format csv upload --max-errors 1 --rejects "$db-lock" "$T/bad.csv"
expect_rc 73
expect_err "ayni: refusing to write '$db-lock': it is the database '$db' or one of its files"
same "rejects = -lock"
# 3. ... or its -shm.
run --format csv upload --max-errors 1 --rejects "$db-shm" "$T/bad.csv"
expect_rc 73
same "rejects = -shm"
# 4. ... or a hard link to it.
ln "$db" "$T/hard.db"
run --format csv upload --max-errors 1 --rejects "$T/hard.db" "$T/bad.csv"
expect_rc 73
expect_err "ayni: refusing to write '$T/hard.db': it is the database '$db' or one of its files"
rm -f "$T/hard.db"
same "rejects = hard link"
# 5. ... or another spelling of it.
mkdir "$T/sub"
run --format csv upload --max-errors 1 --rejects "$T/sub/../ayni.db" "$T/bad.csv"
expect_rc 73
same "rejects = ../ spelling"
# 6. a symbolic link to the database.
ln -s "$db" "$T/link.csv"
run --format csv upload --max-errors 1 --rejects "$T/link.csv" "$T/bad.csv"
expect_rc 73
check "the link is still a link" test -L "$T/link.csv"
same "rejects = link to database"
# 7. a symbolic link to an ordinary file: refused, the file kept.
echo precious >"$T/precious.txt"
ln -s "$T/precious.txt" "$T/link2.csv"
run --format csv upload --max-errors 1 --rejects "$T/link2.csv" "$T/bad.csv"
expect_rc 73
expect_err "ayni: refusing to write '$T/link2.csv': it is a symbolic link"
check "the link's target untouched" test "$(cat "$T/precious.txt")" = precious
same "rejects = link to a file"
# 8. a dangling symbolic link.
ln -s "$T/nowhere.csv" "$T/dangling.csv"
run --format csv upload --max-errors 1 --rejects "$T/dangling.csv" "$T/bad.csv"
expect_rc 73
expect_err "ayni: refusing to write '$T/dangling.csv': it is a symbolic link"
check "nothing created at the link's target" test ! -e "$T/nowhere.csv"
same "rejects = dangling link"
# 9. a directory: refused before the upload commits (was: commit, then 73).
run --format csv upload --max-errors 1 --rejects "$T/sub" "$T/bad.csv"
expect_rc 73
expect_err "ayni: cannot write '$T/sub': it is a directory"
same "rejects = directory"
# 10. a name ending in '/'.
run --format csv upload --max-errors 1 --rejects "$T/new/" "$T/bad.csv"
expect_rc 73
same "rejects = dir/"
# 11. a directory that does not exist.
run --format csv upload --max-errors 1 --rejects "$T/nodir/rej.csv" "$T/bad.csv"
expect_rc 73
expect_err "ayni: cannot create '$T/nodir/rej.csv': No such file or directory in '$T/nodir'"
same "rejects in a missing directory"
# 12. a read-only directory (root ignores modes: skipped as root).
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$T/ro" && chmod 555 "$T/ro"
	run --format csv upload --max-errors 1 --rejects "$T/ro/rej.csv" "$T/bad.csv"
	expect_rc 73
	expect_err "ayni: cannot create '$T/ro/rej.csv': Permission denied in '$T/ro'"
	same "rejects in a read-only directory"
	chmod 755 "$T/ro"
fi
# 13. a FIFO with no reader: refused at once, not waited on.
mkfifo "$T/fifo"
run --format csv upload --max-errors 1 --rejects "$T/fifo" "$T/bad.csv"
expect_rc 73
expect_err "ayni: cannot write '$T/fifo': a FIFO with no reader"
check "the FIFO is still a FIFO" test -p "$T/fifo"
same "rejects = FIFO with no reader"
# 14. a FIFO with a reader gets the rows, and stays a FIFO.
cat "$T/fifo" >"$T/fifo.out" &
reader=$!
tries=0
while :; do
	run --format csv upload --max-errors 1 --rejects "$T/fifo" "$T/bad.csv"
	# until the reader has opened its end (a loaded machine is slow)
	[ "$rc" -eq 73 ] && [ $tries -lt 50 ] || break
	tries=$((tries + 1))
	sleep 0.1
done
expect_rc 0
wait $reader
check "the reader got the rejects" grep -q "^02-03-2025,3,C,x,100,3," "$T/fifo.out"
check "the FIFO is still a FIFO" test -p "$T/fifo"
# 15. a character device is written to directly, never replaced.
run --format csv upload --max-errors 1 --rejects /dev/null "$T/bad.csv"
expect_rc 0
check "/dev/null is still a device" test -c /dev/null
# 16. /dev/stderr is a link to a pipe here: written to directly.
"$AYNI" --format csv upload --max-errors 1 --rejects /dev/stderr "$T/bad.csv" \
    2>&1 >/dev/null | cat >"$T/stderr.out"
check "rejects reach /dev/stderr" grep -q "'x' is not a number" "$T/stderr.out"
# 17. /dev/full: the write error is exit 74 with the path.
if [ -c /dev/full ]; then
	snap
	run --format csv upload --max-errors 1 --rejects /dev/full "$T/bad.csv"
	expect_rc 74
	expect_err_has "^ayni: cannot write '/dev/full': No space left on device$"
fi
# 18. the existing file is replaced whole, with a new inode, never
# half-written, and no temporary file is left beside it.
echo old >"$T/rej.csv"
ino=$(stat -c %i "$T/rej.csv")
run --format csv upload --max-errors 1 --rejects "$T/rej.csv" "$T/bad.csv"
expect_rc 0
check "replaced by rename" test "$(stat -c %i "$T/rej.csv")" != "$ino"
check "rejects mode 0600" test "$(stat -c %a "$T/rej.csv")" = 600
check "no temporary file left" test -z "$(ls -A "$T" | grep '^\.rej\.csv\.')"

# 19. sample --out DIR never writes through a link in DIR.
mkdir "$T/out"
echo precious >"$T/precious2.txt"
ln -s "$T/precious2.txt" "$T/out/company-01.csv"
run sample --companies 1 --rows 10 --out "$T/out"
expect_rc 73
expect_err "ayni: refusing to write '$T/out/company-01.csv': it is a symbolic link"
check "link target untouched" test "$(cat "$T/precious2.txt")" = precious
# 20. sample --out where a company file is a directory.
rm "$T/out/company-01.csv" && mkdir "$T/out/company-01.csv"
run sample --companies 1 --rows 10 --out "$T/out"
expect_rc 73
expect_err "ayni: cannot write '$T/out/company-01.csv': it is a directory"
rmdir "$T/out/company-01.csv"
# 21. sample --out writes 0644 files (the umask applies).
umask 022
run sample --companies 2 --rows 10 --out "$T/out"
expect_rc 0
check "sample files 0644" test "$(stat -c %a "$T/out/company-02.csv")" = 644

# ---- secrets are printed only after COMMIT (issue 10, item 11) ----

# hold_db: a reader keeps the database open, so its -wal and -shm stay
# (the next command then needs no new file to open it); with a file-size
# limit of one block any commit fails, and SIGXFSZ is ignored so that the
# write error is seen, not a signal.
hold_db() {
	(echo 'SELECT count(*) FROM users;'; sleep 3) | sqlite3 "$db" >/dev/null &
	holder=$!
	sleep 0.5
}
limited() {
	sh -c 'trap "" XFSZ; ulimit -f 1; exec "$@"' sh "$AYNI" "$@"
}
# 22. token create whose commit fails prints no token and no note.
snap
hold_db
last="token create --name t1 (commit fails)"
limited --format json token create --name t1 >"$T/.out" 2>"$T/.err"
rc=$?; out=$(cat "$T/.out"); err=$(cat "$T/.err")
wait $holder
expect_rc 74
expect_out ""
expect_err "ayni: committing: disk I/O error"
check "no token stored" test "$(count "sessions WHERE name = 't1'")" = 0
same "token create, commit fails"
# 23. the same for a password reset token.
snap
hold_db
last="user reset-request (commit fails)"
limited --format json user reset-request --email root@example.cl >"$T/.out" 2>"$T/.err"
rc=$?; out=$(cat "$T/.out"); err=$(cat "$T/.err")
wait $holder
expect_rc 74
expect_out ""
same "reset-request, commit fails"
# 24. ... and for an email verification token.
hold_db
last="user verify-request (commit fails)"
limited --format json user verify-request --email root@example.cl >"$T/.out" 2>"$T/.err"
rc=$?; out=$(cat "$T/.out"); err=$(cat "$T/.err")
wait $holder
expect_rc 74
expect_out ""
same "verify-request, commit fails"
# 25. a login that cannot write its token file stores no session.
n=$(count sessions)
mkdir -p "$T/cfg" && echo in-the-way >"$T/cfg/ayni"
XDG_CONFIG_HOME="$T/cfg"
run_in "$PW" login --email root@example.cl --password-stdin
XDG_CONFIG_HOME="$T/home/.config"
expect_rc 73
expect_err_has "^ayni: cannot create '$T/cfg/ayni/session-[0-9a-f]+\.[0-9]+': Not a directory$"
check "no session stored" test "$(count sessions)" = "$n"

# ---- passwords and tokens: stdin edge cases, signals at the prompt ----

# 26. a NUL byte in a password is refused, not cut at the NUL.
last="login with a NUL in the password"
printf '%s\0tail\n' "$PW" | "$AYNI" login --email root@example.cl \
    --password-stdin >"$T/.out" 2>"$T/.err"
rc=$?; out=$(cat "$T/.out"); err=$(head -1 "$T/.err")
expect_rc 64
expect_err "ayni: the password contains a NUL byte"
# 27. ... in init too, where nothing is created.
last="init with a NUL in the password"
printf '%s\0\n' "$PW" | "$AYNI" --db "$T/nul.db" init --email a@example.cl \
    --password-stdin >"$T/.out" 2>"$T/.err"
rc=$?; err=$(head -1 "$T/.err")
expect_rc 64
expect_err "ayni: the password contains a NUL byte"
check "no database made" test ! -e "$T/nul.db"
# 28. empty standard input: no password.
run login --email root@example.cl --password-stdin </dev/null
expect_rc 64
expect_err_has "^ayni: no password given on standard input$"
# 29. a token with a NUL byte.
last="reset with a NUL in the token"
printf 'abc\0def\n%s\n' "$PW" | "$AYNI" user reset --password-stdin \
    >"$T/.out" 2>"$T/.err"
rc=$?; err=$(head -1 "$T/.err")
expect_rc 64
expect_err "ayni: the token contains a NUL byte"
# 30-32. Ctrl-C, SIGTERM, SIGHUP at the password prompt of a terminal:
# echo is back on and the status is 128 + the signal.
if command -v script >/dev/null 2>&1; then
	cat >"$T/sig.sh" <<'EOF'
"$AYNI" login --email root@example.cl 2>/dev/null &
p=$!
i=0
while [ $i -lt 100 ] && ! stty -a | grep -q -- '-echo '; do
	sleep 0.1
	i=$((i + 1))
done
echo "before: $(stty -a | grep -o -- '-\?echo ' | head -1)"
kill -"$SIG" $p
wait $p
echo "status: $?"
echo "after: $(stty -a | grep -o -- '-\?echo ' | head -1)"
EOF
	# script's input: open, silent, never at its end (EOF would be ^D).
	mkfifo "$T/quiet"
	exec 3<>"$T/quiet"
	for s in INT:130 TERM:143 HUP:129; do
		SIG=${s%:*} script -qec "sh '$T/sig.sh'" /dev/null <&3 \
		    | tr -d '\r' >"$T/sig.out"
		check "SIG${s%:*} at the prompt: echo was off" \
		    grep -q '^before: -echo' "$T/sig.out"
		check "SIG${s%:*} at the prompt: exit ${s#*:}" \
		    grep -q "^status: ${s#*:}\$" "$T/sig.out"
		check "SIG${s%:*} at the prompt: echo restored" \
		    grep -q '^after: echo' "$T/sig.out"
	done
	exec 3<&-
fi

# ---- the command line: empty and option-like values, bad bytes ----

# 33. --db= with an empty value is a usage error, not ./ayni.db.
run --db= whoami
expect_rc 64
expect_err "ayni: option '--db' needs a value, not an empty one"
run --db "" whoami
expect_rc 64
# 34. a command option's value that looks like a global option is the
# command's: 'company add --name -q' names the company "-q".
run company add --rut 11.111.111-1 --name -q
expect_rc 0
expect_err "ayni: added company '11.111.111-1': you are its owner"
check "the company is named -q" test "$(sqlite3 "$db" "SELECT name FROM companies WHERE rut = '11111111-1'")" = "-q"
run company edit 11.111.111-1 --name --format
expect_rc 0
check "renamed --format" test "$(sqlite3 "$db" "SELECT name FROM companies WHERE rut = '11111111-1'")" = "--format"
# 35. a company name that is not UTF-8 is refused (65): JSON stays valid.
snap
run company add --rut 22.222.222-2 --name "$(printf 'Caf\351 Sur')"
expect_rc 65
expect_err "ayni: invalid company name: not valid UTF-8 (check the terminal's encoding)"
run company edit 76.123.456-0 --name "$(printf 'Caf\351 Sur')"
expect_rc 65
same "non-UTF-8 company name"
# 36. ... and a user's name or email.
run_in "$PW" user add --email z@example.cl --name "$(printf '\377\376')" --password-stdin
expect_rc 65
expect_err "ayni: invalid user name: not valid UTF-8 (check the terminal's encoding)"
run_in "$PW" user add --email "$(printf 'z\351@example.cl')" --password-stdin
expect_rc 65
expect_err "ayni: invalid email: not valid UTF-8 (check the terminal's encoding)"
same "non-UTF-8 user"
run --format json company list
check "company list is valid JSON" sh -c "printf '%s' '$out' | python3 -m json.tool >/dev/null"

# ---- databases that are missing, empty, foreign, newer, damaged, busy,
# read-only ----

# 37. missing: 66, nothing created.
run --db "$T/typo.db" whoami
expect_rc 66
expect_err "ayni: no database at '$T/typo.db': run 'ayni init' or set AYNI_DB"
check "no file made by a typo" test ! -e "$T/typo.db"
# 38. an empty file is no database either (only init makes one of it).
: >"$T/empty.db"
run --db "$T/empty.db" whoami
expect_rc 66
expect_err "ayni: no database at '$T/empty.db' (the file is empty): run 'ayni init' or set AYNI_DB"
check "still empty" test ! -s "$T/empty.db"
# 39. another application's SQLite file: 65, every command, bytes and
# journal mode unchanged.
sqlite3 "$T/other.sqlite" 'CREATE TABLE notes (x); INSERT INTO notes VALUES (1)'
osum=$(sha256sum <"$T/other.sqlite")
for c in whoami "company list" "aggregate verify"; do
	run --db "$T/other.sqlite" $c
	expect_rc 65
	expect_err "ayni: '$T/other.sqlite' is not an ayni database: it is a SQLite file of another application (application_id 0, 1 objects); nothing was changed"
done
run_in "$PW" --db "$T/other.sqlite" login --email root@example.cl --password-stdin
expect_rc 65
check "foreign file: same bytes" test "$(sha256sum <"$T/other.sqlite")" = "$osum"
check "foreign file: no -wal made" test ! -e "$T/other.sqlite-wal"
check "foreign file: journal mode kept" test "$(sqlite3 "$T/other.sqlite" 'PRAGMA journal_mode')" = delete
# 40. a file marked by another application, even with no tables.
sqlite3 "$T/marked.sqlite" 'PRAGMA application_id = 42; PRAGMA user_version = 1'
run --db "$T/marked.sqlite" whoami
expect_rc 65
expect_err_has "is not an ayni database"
# 41. an ayni database from before the mark is still ours, and marked.
cp "$db" "$T/old.db"
sqlite3 "$T/old.db" 'PRAGMA application_id = 0'
tok=$(sed -n 's/^token //p' "$XDG_CONFIG_HOME"/ayni/session-* | head -1)
AYNI_TOKEN=$tok run --db "$T/old.db" company list
unset AYNI_TOKEN
expect_rc 0
check "old database marked" test "$(sqlite3 "$T/old.db" 'PRAGMA application_id')" = 1635348073
# 42. newer than this binary: 78, and not switched to WAL.
latest=$("$AYNI" --version | sed 's/.*schema \([0-9]*\).*/\1/')
cp "$db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA journal_mode = DELETE; PRAGMA user_version = $((latest + 1))" >/dev/null
nsum=$(sha256sum <"$T/newer.db")
run --db "$T/newer.db" whoami
expect_rc 78
expect_err "ayni: database '$T/newer.db' has schema version $((latest + 1)) but this ayni knows only up to $latest: use a newer ayni"
check "newer database unchanged" test "$(sha256sum <"$T/newer.db")" = "$nsum"
# 43. a text file where the database should be.
printf 'fecha;total\n01-10-2025;100\n' >"$T/ventas.db"
run --db "$T/ventas.db" whoami
expect_rc 65
expect_err_has "^ayni: '$T/ventas.db' is not an ayni database"
# 44. a truncated database: refused, never "repaired" into an empty one.
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
head -c 5000 "$db" >"$T/cut.db"
run --db "$T/cut.db" whoami
check "truncated database: an error" test "$rc" -ne 0
check "truncated database: no tables added" test "$(wc -c <"$T/cut.db")" -eq 5000
# 45. a corrupt header.
cp "$db" "$T/bad.db"
printf 'XXXXXXXXXXXXXXXX' | dd of="$T/bad.db" conv=notrunc 2>/dev/null
run --db "$T/bad.db" whoami
expect_rc 65
expect_err_has "is not an ayni database: file is not a database"
# 46. a directory.
run --db "$T/sub" whoami
expect_rc 66
expect_err "ayni: '$T/sub' is a directory, not a database"
# 47. busy: another process holds the write lock; a write waits, then 75.
(echo 'BEGIN IMMEDIATE;'; sleep 8; echo 'COMMIT;') | sqlite3 "$db" &
locker=$!
sleep 0.5
snap
run company add --rut 33.333.333-3 --name 'Otra Tienda'
expect_rc 75
expect_err_has "^ayni: database '$db' is locked by another process: .*; try again later$"
# ... while a read still works (WAL).
run --format csv company list
expect_rc 0
wait $locker
same "busy database"
# 48-50. a read-only directory (and file): reads work, a write says why.
# Modes do not bind root, so this part runs as 'nobody' when we are root.
asnobody=""
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	asnobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$asnobody" ]; then
	mkdir -p "$T/rod" && chmod 755 "$T/rod" "$T"
	sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	cp "$db" "$T/rod/ayni.db"
	[ -n "$asnobody" ] && chown -R 65534 "$T/rod"
	chmod 555 "$T/rod"
	rsum=$(sha256sum <"$T/rod/ayni.db")
	rorun() {
		last="$* (read-only directory)"
		$asnobody env AYNI_TOKEN="$tok" "$AYNI" --db "$T/rod/ayni.db" \
		    "$@" >"$T/.out" 2>"$T/.err"
		rc=$?; out=$(cat "$T/.out"); err=$(cat "$T/.err")
	}
	rorun --format csv company list
	expect_rc 0
	expect_out_has '^76\.123\.456-0,Minimarket Uno,'
	rorun --company 76.123.456-0 aggregate verify
	expect_rc 0
	rorun company add --rut 33.333.333-3 --name 'Otra Tienda'
	expect_rc 73
	expect_err "ayni: adding the company: cannot create '$T/rod/ayni.db-wal' in '$T/rod': read-only directory"
	check "read-only directory: database unchanged" \
	    test "$(sha256sum <"$T/rod/ayni.db")" = "$rsum"
	check "read-only directory: no -wal" test ! -e "$T/rod/ayni.db-wal"
	# ... and a read-only file in a writable directory.
	chmod 755 "$T/rod"
	chmod 444 "$T/rod/ayni.db"
	rorun --format csv company list
	expect_rc 0
	rorun company add --rut 33.333.333-3 --name 'Otra Tienda'
	expect_rc 74
	expect_err "ayni: adding the company: database '$T/rod/ayni.db' is read-only"
	check "read-only file: database unchanged" \
	    test "$(sha256sum <"$T/rod/ayni.db")" = "$rsum"
fi

done_testing
