#!/usr/bin/env bash
# `make demo`: a realistic Czech sales database built through the CLI, as a user would.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=.build/release
kontakt() { "$bin/kontakt" --db demo.sqlite "$@"; }

rm -f demo.sqlite demo.sqlite-wal demo.sqlite-shm
rm -rf Outbox/demo-data
"$bin/kontakt-sample" Outbox/demo-data --firms 50 --persons 150 --contacts 400

scripts/sample-schema.sh demo.sqlite
echo "Created demo.sqlite: referents novak, svobodova, dvorak; code lists territory, industry, source, interest; 8 attributes."
echo
echo "== Import (the firms file is Windows-1250 with ';', as Czech Excel saves it)"
kontakt import firms Outbox/demo-data/firms.csv
kontakt import persons Outbox/demo-data/persons.csv
kontakt import contacts Outbox/demo-data/contacts.csv

echo
echo "== A call logged in ten seconds, with a follow-up task"
kontakt contact add --person 1 --kind call --referent novak --result promise \
  --text "Zájem o servisní smlouvu, poslat nabídku" --next-date 2026-12-07 --next-task "Poslat nabídku servisu"

echo
echo "== Firm 1 before a meeting: its persons and whole history"
kontakt firm show 1
echo
echo "== The address block of person 1 (ČSN 01 6910)"
kontakt person address 1
echo
echo "== Open tasks of referent novak"
kontakt contact list --referent novak --open-tasks --limit 10
echo
echo "== Segments: who gets the next mailing"
kontakt segment preview 'territory = Morava and employees >= 50' --count
kontakt segment save aktivni-zakaznici 'role = customer and has contact where date >= today - 365d and email is not empty and emailConsent'
kontakt segment show aktivni-zakaznici
kontakt segment preview 'no contact since today - 180d and role = customer' --firms --limit 5
echo "(and an expression with a typo, as the office manager will see it:)"
kontakt segment preview 'teritory = Morva' || true
echo
echo "== A campaign: the newsletter to customers with consent, rendered into the Outbox"
rm -rf Outbox/novinky-demo
kontakt merge preview Templates/newsletter.md --person 1 --referent novak > Outbox/nahled.eml
echo "(the first lines of Outbox/nahled.eml, one person's message)"; head -8 Outbox/nahled.eml
# Every campaign e-mail links to the workspace's one-click unsubscribe (`make serve` answers it).
kontakt config set mail.unsubscribe-url "http://127.0.0.1:8080/unsubscribe"
kontakt campaign create novinky-demo --template Templates/newsletter.md \
  --where 'role = customer and email is not empty' --referent novak
kontakt campaign render novinky-demo
kontakt campaign status novinky-demo
echo
echo "== Sending it to a local SMTP server (aiosmtpd on 127.0.0.1, STARTTLS and a login)"
spool=Outbox/demo-smtp
rm -rf "$spool" && mkdir -p "$spool"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$spool/key.pem" -out "$spool/cert.pem" -days 2 \
  -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
# The server stops when this script's pipe closes; its port is the first line it prints.
exec 3> >(python3 Tests/TestSupport/smtp_server.py --spool "$spool" --tls "$spool/cert.pem" "$spool/key.pem" \
  --require-starttls --auth novak:demo-heslo > "$spool/server.out" 2>/dev/null)
for _ in $(seq 50); do grep -q PORT "$spool/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/PORT/ {print $2}' "$spool/server.out")
kontakt config set smtp.url "smtp://novak@127.0.0.1:$port"
kontakt config set smtp.cacert "$spool/cert.pem"
KONTAKT_SMTP_PASSWORD=demo-heslo kontakt campaign send novinky-demo --concurrency 4
kontakt campaign status novinky-demo
echo "(the server received $(ls "$spool"/*.eml | wc -l) messages in $spool; the newest contacts are the e-mails:)"
kontakt contact list --kind email --limit 3
exec 3>&-
echo
echo "== A letter offer to the prospects of Morava (ČSN 01 6910, window envelopes), each logged as a contact"
kontakt config set print.sender "Kontakt Demo s.r.o.|Vinohradská 12, 120 00  Praha 2|IČO 12345678 · tel. 222 333 444"
kontakt letters Templates/dopis.md --where 'role = prospect and territory = morava' --referent novak
echo
echo "== Firm 1's dossier for the next meeting"
kontakt firm dossier 1
echo
echo "== Address labels for the same customers, on 3 × 8 sheets with two labels already used"
kontakt labels --where 'role = customer and email is not empty' --sheet 3x8-70x37 --skip 2
echo
echo "== The manager's view: the referents' work, time to a deal, why deals were lost, success by industry and source"
kontakt report referents
kontakt report time-to-deal
kontakt report loss-reasons --format csv
kontakt report conversion --by industry
kontakt report conversion --by employees --bands 0,10,50,250
kontakt report sources
for report in referents time-to-deal loss-reasons; do
  kontakt report "$report" --format html --out "Outbox/reports/$report.html"
done
kontakt report sources --format html --out Outbox/reports/sources.html
kontakt report conversion --by industry --format html --out Outbox/reports/conversion-industry.html
kontakt history --firm 1 --format html --out Outbox/reports/history-firm-1.html
kontakt export csv contacts --encoding windows-1250 --out Outbox/export/contacts.csv
kontakt export ics --out Outbox/export/tasks.ics
echo "HTML reports in Outbox/reports, exports in Outbox/export"
echo
echo "== The web workspace: two demo users (demo passwords, for this demo database only)"
password_file=$(mktemp)
trap 'rm -f "$password_file"' EXIT
printf 'demo-heslo-novak\n' > "$password_file"
kontakt user add novak --referent novak --role admin --password-file "$password_file"
printf 'demo-heslo-svobodova\n' > "$password_file"
kontakt user add svobodova --referent svobodova --role sales --password-file "$password_file"
echo "Start it with:  make serve   (or: $bin/kontakt --db demo.sqlite serve)"
echo "then open http://127.0.0.1:8080/ and log in as novak / demo-heslo-novak (admin)"
echo "or svobodova / demo-heslo-svobodova (sales). Stop it with Ctrl+C."
echo
echo "Database: demo.sqlite  (try: $bin/kontakt --db demo.sqlite firm list)"
