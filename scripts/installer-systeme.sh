#!/usr/bin/env bash
# Installe les outils système dont les tests ont besoin, ou dit exactement quoi faire.
#
# 1. Paquets Debian :
#    - chromium : navigateur piloté par Playwright (tests navigateur, accessibilité) ;
#    - git : dates « dernière mise à jour » du site ;
#    - default-jre-headless : Java pour le validateur HTML vnu (tests/qualite/test_html_valide.py) ;
#    - nodejs, npm : installent axe-core et vnu-jar (package-lock.json) ;
#    - hunspell, hunspell-fr, hunspell-en-gb, hunspell-en-us : orthographe (tests/qualite/test_orthographe.py ;
#      hunspell plutôt qu'aspell : le dictionnaire d'aspell-fr, de 2005, ignore « plateformes »,
#      « mutualisés », « l'Assemblée », « mettez-le »… ; en-gb : les traductions sont en anglais britannique) ;
#    - grammalecte-cli : grammaire française (même test ; installe python3-grammalecte).
# 2. Paquets npm figés par package-lock.json (axe-core, vnu-jar) dans node_modules/ :
#    `npm ci` quand node_modules/ manque ou est plus ancien que package-lock.json.
#    --ignore-scripts : le script d'installation de vnu-jar téléchargerait un Java depuis
#    github.com si Java manquait ; on utilise celui de Debian.
#
# Aucun navigateur n'est téléchargé hors de Debian : Playwright pilote /usr/bin/chromium.
# Root : installe avec apt-get. Sinon sudo -n s'il est permis sans mot de passe. Sinon, affiche
# la commande exacte et sort avec le code 1.
set -euo pipefail

racine="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

paquets=(chromium git default-jre-headless nodejs npm
         hunspell hunspell-fr hunspell-en-gb hunspell-en-us grammalecte-cli)
manquants=()
for p in "${paquets[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || manquants+=("$p")
done
# Node et npm installés autrement que par Debian (nodesource, nvm…) conviennent aussi.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  restants=()
  for p in "${manquants[@]}"; do
    [ "$p" = nodejs ] || [ "$p" = npm ] || restants+=("$p")
  done
  manquants=("${restants[@]}")
fi

if [ ${#manquants[@]} -gt 0 ]; then
  commande="apt-get update && apt-get install -y --no-install-recommends ${manquants[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installation des paquets Debian manquants : ${manquants[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${manquants[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo sh -c "DEBIAN_FRONTEND=noninteractive $commande"
  else
    echo "Il manque des paquets Debian pour les tests : ${manquants[*]}" >&2
    echo "Installez-les puis relancez « make test » :" >&2
    echo "  sudo sh -c '$commande'" >&2
    exit 1
  fi
fi

# Paquets npm : seulement si node_modules/ manque ou si package-lock.json a changé depuis.
cd "$racine"
temoin=node_modules/.package-lock.json   # écrit par npm à chaque installation
if [ ! -d node_modules ] || [ ! -e "$temoin" ] || [ package-lock.json -nt "$temoin" ]; then
  echo "Installation des paquets npm figés par package-lock.json (axe-core, vnu-jar)…"
  npm ci --no-audit --no-fund --ignore-scripts
fi
