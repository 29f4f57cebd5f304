#!/usr/bin/env bash
# Creates the sample schema in a new database: three referents, the code lists territory,
# industry, source and interest, and the attributes the sample CSV files carry.
# Usage: scripts/sample-schema.sh DB  (uses .build/release/kontakt, or the one in $KONTAKT_BIN)
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
bin=${KONTAKT_BIN:-.build/release}
kontakt() { "$bin/kontakt" --db "$db" "$@" >/dev/null; }

kontakt init
kontakt referent add novak --name "Jan Novák" --email jan.novak@kontakt-demo.cz
kontakt referent add svobodova --name "Eva Svobodová" --email eva.svobodova@kontakt-demo.cz
kontakt referent add dvorak --name "Petr Dvořák" --email petr.dvorak@kontakt-demo.cz

kontakt codelist add territory --label "Teritorium"
for v in "praha:Praha" "cechy:Čechy" "morava:Morava" "slezsko:Slezsko"; do kontakt codelist value add territory "${v%%:*}" --label "${v#*:}"; done
kontakt codelist add industry --label "Obor"
for v in "strojirenstvi:Strojírenství" "automotive:Automotive" "stavebnictvi:Stavebnictví" "it:IT a software" \
         "potravinarstvi:Potravinářství" "logistika:Logistika" "energetika:Energetika" "zdravotnictvi:Zdravotnictví"; do
  kontakt codelist value add industry "${v%%:*}" --label "${v#*:}"
done
kontakt codelist add source --label "Zdroj informace"
for v in "veletrh:Veletrh" "doporuceni:Doporučení" "web:Webové stránky" "cold-call:Studený kontakt" "inzerce:Inzerce"; do
  kontakt codelist value add source "${v%%:*}" --label "${v#*:}"
done
kontakt codelist add interest --label "Zájem"
for v in "servis:Servis" "novinky:Novinky" "akce:Akce" "skoleni:Školení"; do kontakt codelist value add interest "${v%%:*}" --label "${v#*:}"; done

kontakt attr define territory --on firm --type text --codelist territory --label "Teritorium"
kontakt attr define industry --on firm --type text --codelist industry --label "Obor"
kontakt attr define employees --on firm --type number --label "Počet zaměstnanců"
kontakt attr define source --on firm --type text --codelist source --label "Zdroj informace"
kontakt attr define department --on person --type text --label "Oddělení"
kontakt attr define seniority --on person --type number --label "Roky ve firmě"
kontakt attr define trained --on person --type date --label "Poslední školení"
kontakt attr define interest --on person --type text --codelist interest --label "Zájem"

