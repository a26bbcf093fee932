#!/usr/bin/env bash
# Installe les paquets Debian dont les tests ont besoin, ou dit exactement quoi faire.
# Aucun navigateur n'est téléchargé hors de Debian : Playwright pilote /usr/bin/chromium.
set -euo pipefail

paquets=(chromium git)
manquants=()
for p in "${paquets[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || manquants+=("$p")
done
[ ${#manquants[@]} -eq 0 ] && exit 0

commande="apt-get update && apt-get install -y --no-install-recommends ${manquants[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "Installation des paquets Debian manquants : ${manquants[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${manquants[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo sh -c "$commande"
else
  echo "Il manque des paquets Debian pour les tests : ${manquants[*]}" >&2
  echo "Installez-les puis relancez « make test » :" >&2
  echo "  sudo sh -c '$commande'" >&2
  exit 1
fi
