#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line as the acceptance checks use it: exit codes, files left
# byte-for-byte unchanged by every failed open, encryption of the file.
# TAP output. Usage: test-cli.sh PATH/TO/acuelh-cli
set -u

cli=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0
failed=0

ok() {      # ok DESCRIPTION COMMAND...
  local desc=$1; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; failed=$((failed + 1)); fi
}

expect_exit() {   # expect_exit CODE COMMAND...
  local want=$1; shift
  "$@" >"$dir/out" 2>"$dir/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "# expected exit $want, got $got: $*" >&2
    sed 's/^/# /' "$dir/err" >&2
    return 1
  fi
}

sums() { sha256sum "$dir/desk.acuelh" "$dir/desk.acuelh-keys" 2>/dev/null; }

db=$dir/desk.acuelh
printf 'Tr3s-Secret!Gers#2026\n' >"$dir/pw"
printf 'Pas-le-bon-mot-2026!\n' >"$dir/wrong"

ok "create exits 0" expect_exit 0 "$cli" create "$db" --site "Tiers-lieu de Lectoure" --name "Marie Dupont" --password-file "$dir/pw"
code=$(tail -n 1 "$dir/out")
ok "create prints the recovery code alone on the last line" \
  bash -c '[[ "$0" =~ ^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$ ]]' "$code"
ok "the key file is the database name followed by -keys" test -s "$db-keys"
ok "the file does not start with the SQLite header" \
  bash -c '[ "$(head -c 15 "$0")" != "SQLite format 3" ]' "$db"
ok "plain sqlite3 cannot read the file" bash -c '! sqlite3 "$0" "SELECT * FROM site;" >/dev/null 2>&1' "$db"
ok "the site name is not in the file in clear" bash -c '! grep -q "Lectoure" "$0"' "$db"
ok "the database file is readable by its owner only" bash -c '[ "$(stat -c %a "$0")" = 600 ]' "$db"

ok "check with the right password exits 0" expect_exit 0 "$cli" check "$db" --name "Marie Dupont" --password-file "$dir/pw"
ok "check matches the name without accents or case" expect_exit 0 "$cli" check "$db" --name "marie dupont" --password-file "$dir/pw"
ok "check reads the password from standard input" \
  expect_exit 0 bash -c '"$0" check "$1" --name "Marie Dupont" --password-file - <"$2"' "$cli" "$db" "$dir/pw"
printf '%s\n' "$code" | tr 'A-Z' 'a-z' | tr -d '-' >"$dir/code"
ok "check with the recovery code (lower case, no dashes) exits 0" expect_exit 0 "$cli" check "$db" --recovery-code-file "$dir/code"

before=$(sums)
ok "a wrong password exits 2" expect_exit 2 "$cli" check "$db" --name "Marie Dupont" --password-file "$dir/wrong"
ok "a wrong password leaves both files unchanged" test "$before" = "$(sums)"
ok "an unknown name exits 2" expect_exit 2 "$cli" check "$db" --name "Personne" --password-file "$dir/pw"
ok "an unknown name leaves both files unchanged" test "$before" = "$(sums)"

ok "create over an existing database is refused with 1" expect_exit 1 "$cli" create "$db" --site X --name Y --password-file "$dir/pw"
ok "and leaves both files unchanged" test "$before" = "$(sums)"
ok "a weak password is refused at creation with 1" expect_exit 1 bash -c 'echo soleil | "$0" create "$1" --site X --name Y --password-file -' "$cli" "$dir/weak.acuelh"
ok "and no file is written" test ! -e "$dir/weak.acuelh" -a ! -e "$dir/weak.acuelh-keys"
ok "a missing option is a usage error" expect_exit 1 "$cli" check "$db" --password-file "$dir/pw"
ok "an unknown command is a usage error" expect_exit 1 "$cli" frobnicate
ok "and the error names it, then lists the commands" \
  bash -c 'grep -q "unknown command “frobnicate”" "$0" && grep -q "^  report  *Write the activity summary" "$0"' "$dir/err"
ok "--help documents the exit codes" bash -c '"$0" --help | grep -q "5  key file missing or damaged"' "$cli"

# The command table: every command listed, each with its own options
ok "--help lists every command with its summary" bash -c 'out=$("$0" --help) || exit 1
  for c in create check demo user audit report food-export; do
    grep -q "^  $c  *[A-Z][a-z]" <<<"$out" || { echo "# $c is not listed" >&2; exit 1; }
  done' "$cli"
ok "every command answers --help with exit 0" \
  bash -c 'for c in create check demo user audit report food-export; do "$0" $c --help >/dev/null || exit 1; done' "$cli"
ok "report --help shows --format and who makes it" \
  bash -c '"$0" report --help >"$1" && grep -q -- "--format=FORMAT" "$1" && grep -q -- "--name=PERSON" "$1" &&
    grep -q -- "--password-file=FILE" "$1" && ! grep -q -- "--recovery-code-file" "$1"' "$cli" "$dir/help"
ok "food-export --help shows --year, --format and who makes it" \
  bash -c '"$0" food-export --help >"$1" && grep -q -- "--year=YYYY" "$1" && grep -q -- "--format=FORMAT" "$1" &&
    grep -q -- "--name=PERSON" "$1" && ! grep -q -- "--recovery-code-file" "$1"' "$cli" "$dir/help"
ok "check --help offers the recovery code" bash -c '"$0" check --help | grep -q -- "--recovery-code-file=FILE"' "$cli"
ok "user --help shows its actions and --as" \
  bash -c '"$0" user --help >"$1" && grep -q "add|list|remove|passwd DB" "$1" && grep -q -- "--as=PERSON" "$1"' "$cli" "$dir/help"
ok "an unknown user action is a usage error" expect_exit 1 "$cli" user frobnicate "$db" --as "Marie Dupont" --password-file "$dir/pw"
ok "an unknown option is a usage error" expect_exit 1 "$cli" report "$db" --frobnicate

cp "$db" "$dir/saved.acuelh"; cp "$db-keys" "$dir/saved.acuelh-keys"
head -c $(( $(stat -c %s "$dir/saved.acuelh") / 2 )) "$dir/saved.acuelh" >"$db"
before=$(sums)
ok "a truncated database exits 3" expect_exit 3 "$cli" check "$db" --name "Marie Dupont" --password-file "$dir/pw"
ok "and is left unchanged" test "$before" = "$(sums)"
head -c 1000 "$dir/saved.acuelh" >"$db"
before=$(sums)
ok "a database cut inside its first page exits 3" expect_exit 3 "$cli" check "$db" --name "Marie Dupont" --password-file "$dir/pw"
ok "and is left unchanged" test "$before" = "$(sums)"
sqlite3 "$db.plain" "CREATE TABLE t (x); INSERT INTO t VALUES (1);" || { echo "Bail out! sqlite3 failed"; exit 1; }
cp "$db.plain" "$db"
ok "a plain SQLite file exits 3" expect_exit 3 "$cli" check "$db" --name "Marie Dupont" --password-file "$dir/pw"
cp "$dir/saved.acuelh" "$db"

rm "$db-keys"
ok "a deleted key file exits 5" expect_exit 5 "$cli" check "$db" --name "Marie Dupont" --password-file "$dir/pw"
printf '{"format": "io.github.acuelh.keys", "version": 1, "slots": [' >"$db-keys"
before=$(sums)
ok "a damaged key file exits 5" expect_exit 5 "$cli" check "$db" --name "Marie Dupont" --password-file "$dir/pw"
ok "and both files are left unchanged" test "$before" = "$(sums)"
cp "$dir/saved.acuelh-keys" "$db-keys"
ok "with its files restored the database opens again" expect_exit 0 "$cli" check "$db" --name "Marie Dupont" --password-file "$dir/pw"

sed -i 's/"version" : 1,/"version" : 2,/' "$db-keys"
ok "a key file written by a newer version exits 4" expect_exit 4 "$cli" check "$db" --name "Marie Dupont" --password-file "$dir/pw"
cp "$dir/saved.acuelh-keys" "$db-keys"

# Names are UTF-8 even under the C locale of a bare root shell
ok "accented names work under the C locale" \
  expect_exit 0 env LC_ALL=C LANG=C LANGUAGE= "$cli" create "$dir/c.acuelh" --site "Saint-Géry" --name "Hélène Dupont" --password-file "$dir/pw"
ok "and check finds the accented name" \
  expect_exit 0 env LC_ALL=C LANG=C LANGUAGE= "$cli" check "$dir/c.acuelh" --name "Hélène Dupont" --password-file "$dir/pw"

# The same password typed with é as one character or as e + accent
printf 'Cl\xc3\xa9-Secr\xc3\xa8te!2026\n' >"$dir/nfc"
printf 'Cle\xcc\x81-Secre\xcc\x80te!2026\n' >"$dir/nfd"
ok "create with a composed accented password" expect_exit 0 "$cli" create "$dir/n.acuelh" --site S --name "Marie Dupont" --password-file "$dir/nfc"
ok "check with the decomposed spelling of the same password" expect_exit 0 "$cli" check "$dir/n.acuelh" --name "Marie Dupont" --password-file "$dir/nfd"

printf 'Tr3s-Secret!Gers#2026\xe9\n' >"$dir/latin1"
ok "a password that is not UTF-8 is refused with 1" expect_exit 1 "$cli" create "$dir/l.acuelh" --site S --name "Marie Dupont" --password-file "$dir/latin1"
ok "and no file is written" test ! -e "$dir/l.acuelh" -a ! -e "$dir/l.acuelh-keys" -a ! -e "$dir/l.acuelh.partial"

# Demo data: create's options, then the recovery code last
demo=$dir/demo.acuelh
ok "demo exits 0" expect_exit 0 "$cli" demo "$demo" --site "Démo" --name "Camille Martin" --password-file "$dir/pw" \
  --households 30 --years 1 --seed 3 --until 2026-11-24
ok "demo prints the recovery code alone on the last line" \
  bash -c '[[ "$(tail -n 1 "$0")" =~ ^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$ ]]' "$dir/out"
ok "the demo database opens and is whole" expect_exit 0 "$cli" check "$demo" --name "Camille Martin" --password-file "$dir/pw"
ok "demo data is encrypted too" bash -c '! grep -q "Dupont" "$0" && ! grep -q "Auch" "$0"' "$demo"
ok "demo with 0 households is refused with 1" expect_exit 1 "$cli" demo "$dir/z.acuelh" --site S --name "Camille Martin" \
  --password-file "$dir/pw" --households 0
ok "and no file is written" test ! -e "$dir/z.acuelh" -a ! -e "$dir/z.acuelh-keys"
ok "demo over an existing database is refused with 1" expect_exit 1 "$cli" demo "$demo" --site S --name "Camille Martin" \
  --password-file "$dir/pw" --households 5
ok "demo with a bad last day is refused with 1, no file written" \
  bash -c '"$0" demo "$1/u.acuelh" --site S --name C --password-file "$1/pw" --households 5 --until 2026-02-30 >/dev/null 2>&1; [ $? = 1 ] && [ ! -e "$1/u.acuelh" ] && [ ! -e "$1/u.acuelh-keys" ]' "$cli" "$dir"

# People of the desk and the audit log
u=$dir/users.acuelh
printf 'Autre-Secret!Astarac#77\n' >"$dir/staffpw"
printf '2580\n' >"$dir/pin"
printf '1234\n' >"$dir/weakpin"
ok "create for the users" expect_exit 0 "$cli" create "$u" --site S --name "Marie Dupont" --password-file "$dir/pw"
ok "user add staff exits 0" expect_exit 0 "$cli" user add "$u" --name "Paul Garcia" --role staff \
  --secret-file "$dir/staffpw" --as "Marie Dupont" --password-file "$dir/pw"
ok "user add volunteer exits 0" expect_exit 0 "$cli" user add "$u" --name "Monique Lafitte" --role volunteer \
  --secret-file "$dir/pin" --as "Marie Dupont" --password-file "$dir/pw"
ok "a trivial PIN is refused with 1" expect_exit 1 "$cli" user add "$u" --name "Jean Dubarry" --role volunteer \
  --secret-file "$dir/weakpin" --as "Marie Dupont" --password-file "$dir/pw"
ok "user list shows everyone with role and access" bash -c '"$0" user list "$1" --as "Marie Dupont" --password-file "$2" >"$3" &&
  grep -qx "Paul Garcia	staff	password" "$3" && grep -qx "Monique Lafitte	volunteer	pin" "$3" &&
  ! grep -q "Jean Dubarry" "$3"' "$cli" "$u" "$dir/pw" "$dir/list"
ok "a volunteer's PIN never unlocks the database: check exits 2" \
  expect_exit 2 "$cli" check "$u" --name "Monique Lafitte" --password-file "$dir/pin"
ok "staff open the database with their own password" \
  expect_exit 0 "$cli" check "$u" --name "Paul Garcia" --password-file "$dir/staffpw"
ok "staff may not add people: exit 7" expect_exit 7 "$cli" user add "$u" --name "Jean Dubarry" --role volunteer \
  --secret-file "$dir/pin" --as "Paul Garcia" --password-file "$dir/staffpw"
ok "staff may not read the audit log: exit 7" \
  expect_exit 7 "$cli" audit "$u" --as "Paul Garcia" --password-file "$dir/staffpw"
ok "user remove exits 0" expect_exit 0 "$cli" user remove "$u" --name "Paul Garcia" --as "Marie Dupont" --password-file "$dir/pw"
ok "a removed person's password no longer opens: check exits 2" \
  expect_exit 2 "$cli" check "$u" --name "Paul Garcia" --password-file "$dir/staffpw"
ok "audit prints who did what, one entry a line" bash -c '"$0" audit "$1" --since 2000-01-01 --as "Marie Dupont" --password-file "$2" >"$3" &&
  grep -q "	Marie Dupont	user-added	desk_person 2$" "$3" && grep -q "	Marie Dupont	user-deactivated	desk_person 2$" "$3" &&
  grep -q "	Paul Garcia	desk-open	$" "$3" && ! grep -q "2580" "$3"' "$cli" "$u" "$dir/pw" "$dir/audit"
ok "audit with a bad date is refused with 1" \
  expect_exit 1 "$cli" audit "$u" --since 2026-02-30 --as "Marie Dupont" --password-file "$dir/pw"

# The activity summary: the same figures as PDF, CSV, JSON and anonymous JSON
rep=$dir/report
mkdir -p "$rep"
ok "report as PDF exits 0" expect_exit 0 "$cli" report "$demo" --from 2026-10-01 --to 2026-10-31 --format pdf \
  -o "$rep/r.pdf" --name "Camille Martin" --password-file "$dir/pw"
ok "report as JSON exits 0" expect_exit 0 "$cli" report "$demo" --from 2026-10-01 --to 2026-10-31 --format json \
  -o "$rep/r.json" --name "Camille Martin" --password-file "$dir/pw"
ok "report as CSV exits 0" expect_exit 0 "$cli" report "$demo" --from 2026-10-01 --to 2026-10-31 --format csv \
  -o "$rep/r.csv" --name "Camille Martin" --password-file "$dir/pw"
ok "report for the network exits 0" expect_exit 0 "$cli" report "$demo" --from 2026-10-01 --to 2026-10-31 \
  --format network-json -o "$rep/n.json" --name "Camille Martin" --password-file "$dir/pw"
total=$(python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))
assert r["format"] == "acuelh-report" and r["version"] == 3
t = [t for s in r["sections"] if s["id"] == "reception" for t in s["tables"] if t["id"] == "visits"][0]
print([x for x in t["rows"] if x["key"] == "visits"][0]["period"])' "$rep/r.json" 2>/dev/null)
ok "the JSON gives October's visit total" test -n "$total" -a "${total:-0}" -gt 0
ok "the PDF has two pages or more, as pdfinfo reads it" \
  bash -c '[ "$(pdfinfo "$0" | sed -n "s/^Pages: *//p")" -ge 2 ]' "$rep/r.pdf"
ok "pdftotext finds the site, the period and the visit total in the PDF" \
  bash -c 'pdftotext "$0" - >"$0.txt" && grep -q "Démo" "$0.txt" && grep -q "October 2026" "$0.txt" &&
    grep -qw -- "$1" "$0.txt"' "$rep/r.pdf" "$total"
ok "the CSV starts with a byte order mark and gives the same total" \
  bash -c 'head -c 3 "$0" | od -An -tx1 | grep -q "ef bb bf" && grep -q "^\"[^\"]*\";\"[^\"]*\";\"visits\";\"[^\"]*\";$1;" "$0"' "$rep/r.csv" "$total"
ok "the network's JSON has no name of the demo and no id" \
  bash -c '! grep -qi "Camille\|Martin\|Dupont\|Garcia\|\"id\"" "$0" && grep -q "acuelh-network" "$0"' "$rep/n.json"
ok "a period with its last day first is refused with 1, no file written" \
  bash -c '"$0" report "$1" --from 2026-10-31 --to 2026-10-01 --format csv -o "$2/bad.csv" --name "Camille Martin" --password-file "$3" >/dev/null 2>&1; [ $? = 1 ] && [ ! -e "$2/bad.csv" ]' "$cli" "$demo" "$rep" "$dir/pw"
ok "an unknown format is refused with 1" expect_exit 1 "$cli" report "$demo" --from 2026-10-01 --to 2026-10-31 \
  --format docx -o "$rep/x.docx" --name "Camille Martin" --password-file "$dir/pw"
ok "a file that cannot be written exits 6" expect_exit 6 "$cli" report "$demo" --from 2026-10-01 --to 2026-10-31 \
  --format csv -o "$rep/missing/r.csv" --name "Camille Martin" --password-file "$dir/pw"
ok "staff may not make reports: exit 7, no file written" bash -c '
  "$0" user add "$1" --name "Paul Garcia" --role staff --secret-file "$2" --as "Camille Martin" --password-file "$3" >/dev/null &&
  "$0" report "$1" --from 2026-10-01 --to 2026-10-31 --format pdf -o "$4/staff.pdf" --name "Paul Garcia" --password-file "$2" >/dev/null 2>&1
  [ $? = 7 ] && [ ! -e "$4/staff.pdf" ]' "$cli" "$demo" "$dir/staffpw" "$dir/pw" "$rep"

# The FSE+ indicators of a year: CSV, JSON and the printed page, coordinators only
fse=$dir/fse
mkdir -p "$fse"
for f in csv json pdf; do
  ok "food-export as $f exits 0" expect_exit 0 "$cli" food-export "$demo" --year 2026 --format $f \
    -o "$fse/fse.$f" --name "Camille Martin" --password-file "$dir/pw"
done
ok "the FSE+ JSON has its one table, and disability not recorded rather than 0" python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))
assert r["format"] == "acuelh-report" and r["version"] == 3
assert r["periods"]["period"]["from"] == "2026-01-01" and r["periods"]["year_before"]["from"] == "2025-01-01"
assert [s["id"] for s in r["sections"]] == ["fse-plus"]
rows = {x["key"]: x for x in r["sections"][0]["tables"][0]["rows"]}
assert rows["disability"]["recorded"] is False and rows["disability"]["period"] is None
assert isinstance(rows["end-recipients"]["period"], int) and "recorded" not in rows["end-recipients"]
assert rows["food-distributed"]["kind"] == "grams"' "$fse/fse.json"
ok "the FSE+ CSV says not recorded in words" \
  bash -c 'head -c 3 "$0" | od -An -tx1 | grep -q "ef bb bf" && grep -q "^\"[^\"]*\";\"[^\"]*\";\"disability\";\"[^\"]*\";\"Not recorded\";" "$0" &&
    grep -q "^\"[^\"]*\";\"[^\"]*\";\"end-recipients\";\"End recipients\";[0-9]*;" "$0"' "$fse/fse.csv"
ok "pdftotext finds the FSE+ title, the year and the site in the PDF" \
  bash -c 'pdftotext "$0" - >"$0.txt" && grep -q "FSE+ food-aid indicators" "$0.txt" && grep -q "Year 2026" "$0.txt" &&
    grep -q "Démo" "$0.txt" && grep -q "Not recorded" "$0.txt"' "$fse/fse.pdf"
ok "a year that is not one is refused with 1, no file written" \
  bash -c '"$0" food-export "$1" --year 20x6 --format csv -o "$2/bad.csv" --name "Camille Martin" --password-file "$3" >/dev/null 2>&1; [ $? = 1 ] && [ ! -e "$2/bad.csv" ]' "$cli" "$demo" "$fse" "$dir/pw"
ok "a year before 1901 is refused with 1" expect_exit 1 "$cli" food-export "$demo" --year 1900 --format csv \
  -o "$fse/old.csv" --name "Camille Martin" --password-file "$dir/pw"
ok "food-export without --year is refused with 1" expect_exit 1 "$cli" food-export "$demo" --format csv \
  -o "$fse/x.csv" --name "Camille Martin" --password-file "$dir/pw"
ok "food-export for the network is refused with 1" expect_exit 1 "$cli" food-export "$demo" --year 2026 \
  --format network-json -o "$fse/n.json" --name "Camille Martin" --password-file "$dir/pw"
ok "food-export to an unknown format is refused with 1" expect_exit 1 "$cli" food-export "$demo" --year 2026 \
  --format docx -o "$fse/x.docx" --name "Camille Martin" --password-file "$dir/pw"
ok "and none of those wrote a file" bash -c '[ ! -e "$0/old.csv" ] && [ ! -e "$0/x.csv" ] && [ ! -e "$0/n.json" ] && [ ! -e "$0/x.docx" ]' "$fse"
ok "a file that cannot be written exits 6" expect_exit 6 "$cli" food-export "$demo" --year 2026 --format json \
  -o "$fse/missing/fse.json" --name "Camille Martin" --password-file "$dir/pw"
ok "staff may not export the FSE+ indicators: exit 7, no file written" bash -c '
  "$0" food-export "$1" --year 2026 --format csv -o "$3/staff.csv" --name "Paul Garcia" --password-file "$2" >/dev/null 2>&1
  [ $? = 7 ] && [ ! -e "$3/staff.csv" ]' "$cli" "$demo" "$dir/staffpw" "$fse"
ok "a volunteer's PIN does not even open the database: exit 2, no file written" bash -c '
  "$0" user add "$1" --name "Odette Sarrat" --role volunteer --secret-file "$2" --as "Camille Martin" --password-file "$3" >/dev/null &&
  "$0" food-export "$1" --year 2026 --format pdf -o "$4/vol.pdf" --name "Odette Sarrat" --password-file "$2" >/dev/null 2>&1
  [ $? = 2 ] && [ ! -e "$4/vol.pdf" ]' "$cli" "$demo" "$dir/pin" "$dir/pw" "$fse"
ok "each FSE+ export is in the audit log as such" \
  bash -c '"$0" audit "$1" --since 2000-01-01 --as "Camille Martin" --password-file "$2" >"$3/audit" &&
    [ "$(grep -c "	Camille Martin	food-fse-export	" "$3/audit")" = 3 ]' "$cli" "$demo" "$dir/pw" "$fse"

echo "1..$n"
[ "$failed" -eq 0 ]
