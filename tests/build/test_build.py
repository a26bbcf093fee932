"""Le build strict : le vrai site passe, et chaque erreur de contributeur donne un message exact.

Chaque petit site de tests/fixtures/sites/ contient UNE faute ; le test vérifie la ligne
que le contributeur lira (code, fichier:ligne, correction) et que le build échoue.
"""

from __future__ import annotations

import datetime as dt
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from outils_kb import sans_detail_yaml


def lignes(journal: str) -> list[str]:
    return sans_detail_yaml(journal).splitlines()


def problemes(journal: str) -> list[str]:
    """Lignes WARNING et ERROR du journal (les avertissements KB105 passent par INFO)."""
    return [ligne for ligne in lignes(journal) if re.match(r"^(WARNING|ERROR)\b", ligne)]


# ---------------------------------------------------------------- Le vrai site


def test_le_site_reel_se_construit_en_mode_strict(construction_du_site):
    code, journal, sortie = construction_du_site
    assert code == 0 and not problemes(journal), f"build strict du dépôt en échec (code {code}) :\n{journal}"
    assert (sortie / "index.html").is_file()
    assert (sortie / "en" / "index.html").is_file()
    assert (sortie / "404.html").is_file()
    assert (sortie / "sitemap.xml").is_file()
    # La recherche : un index Pagefind par langue, et les règles pour le navigateur.
    assert (sortie / "pagefind" / "pagefind.js").is_file()
    assert {m.name.split("_")[0] for m in (sortie / "pagefind").glob("pagefind.*.pf_meta")} == \
        {"pagefind.fr", "pagefind.en"}
    assert (sortie / "recherche" / "regles.json").is_file()


def test_apercu_d_une_seule_langue(construire_depot, tmp_path):
    """`KB_LANGUE=fr make serve` (build_only_locale) : la langue demandée seule, sans erreur ;
    les traductions restent valides même si leur langue n'est pas construite."""
    code, journal = construire_depot(tmp_path / "site", KB_LANGUE="fr")
    assert code == 0 and not problemes(journal), journal
    assert (tmp_path / "site" / "index.html").is_file()
    assert not (tmp_path / "site" / "en").exists()


# ---------------------------------------------------------------- Sites de test


def test_site_valide(construire, tmp_path):
    code, journal = construire("valide", tmp_path / "site")
    assert code == 0, journal
    assert problemes(journal) == []
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    # Source du registre : titre officiel dérivé ; source libre : titre tel qu'écrit.
    assert ">Article L7331-2 du code du travail</a>" in html
    assert 'href="https://www.les-cae.coop/notre-histoire"' in html
    assert "Vérifié le <time datetime=\"2026-11-01\">1er novembre 2026</time>" in html
    # Citation liée au texte officiel (pas de page d'article dans ce petit site), titre au survol.
    assert re.search(r'<a class="kb-citation" href="https://www\.legifrance\.gouv\.fr/codes/[^"]+" '
                     r'title="Article L7331-2 du code du travail">L\.\u00a07331-2</a>', html), html
    autre = (tmp_path / "site" / "autre" / "index.html").read_text(encoding="utf-8")
    assert "Texte\u00a0: «\u00a0citation\u00a0»." in autre
    # Pas de lien automatique dans un titre, du code ou un lien existant.
    assert autre.count('class="kb-citation"') == 0, autre
    assert "<code>L. 7331-3 ; a : b</code>" in autre
    # Page non traduite servie sous /en/ : contenu français déclaré comme tel.
    repli = (tmp_path / "site" / "en" / "autre" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in repli and '<div class="kb-contenu" lang="fr"' in repli
    # Page traduite : la typographie française ne touche pas l'anglais.
    anglaise = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert ">Why? Because: English text keeps its" in anglaise  # (le <p> porte son ancre de paragraphe)


AUJOURDHUI = dt.date.today().isoformat()

ERREURS = {
    # Une date qui a la forme AAAA-MM-JJ mais n'existe pas : MkDocs s'arrêtait sur une trace Python.
    "date-impossible": (
        "ERROR   -  KB100 docs/index.md:7 : l'en-tête n'est pas lisible : date impossible « 2026-02-30 ». "
        "Correction : écrivez une date qui existe, au format AAAA-MM-JJ (mois de 01 à 12, jour présent "
        "dans le mois)."),
    "entete-yaml-casse": (
        "ERROR   -  KB100 docs/index.md:6 : l'en-tête n'est pas lisible : YAML invalide (mapping values are "
        "not allowed here). Correction : vérifiez l'indentation, les guillemets et les deux-points ; "
        "l'en-tête commence et finit par une ligne « --- »."),
    "sources-absentes": (
        "ERROR   -  KB102 docs/index.md:2 : la page ne cite aucune source (« sources » absent ou vide). "
        "Correction : ajoutez au moins une source : « - ref: code-du-travail:L7331-2 » pour un article du "
        "registre, ou « - titre: … » et « url: https://… »."),
    # Liens et ancres : MkDocs les détecte (bloc validation de mkdocs.yml) ; hooks/liens.py
    # réécrit son message anglais avec la ligne et la correction.
    "lien-casse": (
        "WARNING -  KB601 docs/index.md:12 : le lien « cesa/remuneration.md » vise une page qui n'existe pas. "
        "Correction : corrigez le chemin (relatif à la page, vers un fichier .md de docs/)."),
    "ancre-cassee": (
        "WARNING -  KB602 docs/index.md:12 : le lien « autre.md#periode-dessai-de-huit-mois » vise l'ancre "
        "« #periode-dessai-de-huit-mois », qui n'existe pas dans docs/autre.md. Correction : reprenez l'ancre "
        "du titre visé (survolez le titre sur le site et copiez le lien « ¶ ») ou donnez au titre un "
        "identifiant stable « {#mon-ancre} »."),
    "date-future": (
        "ERROR   -  KB104 docs/index.md:7 : la date de vérification 2999-01-01 est dans le futur. "
        "Correction : indiquez le jour où vous avez vraiment relu la page sur ses sources "
        f"(au plus tard aujourd'hui, {AUJOURDHUI})."),
    "ref-inconnue": (
        "ERROR   -  KB106 docs/index.md:7 : la source « code-du-travail:L. 7331-99 » n'existe pas dans le "
        "registre des textes. Correction : utilisez un identifiant de data/textes (par exemple "
        "code-du-travail:L7331-2 ou loi-2014-856), ou ajoutez l'article au registre."),
    # Le même numéro apparaît avant, dans l'en-tête (R7331-9) et dans le texte (R. 7331-9) : la
    # ligne donnée est celle de la citation fautive, pas la première où figure « 7331-9 ».
    "citation-inconnue-apres-son-numero": (
        "ERROR   -  KB200 docs/index.md:14 : la citation « L. 7331-9 du code du travail » vise l'article "
        "L7331-9 de « code-du-travail », absent du registre. Correction : vérifiez le numéro et le texte (un "
        "article hors code du travail doit être suivi de « du code de commerce »…) ; s'il est juste, "
        "ajoutez-le à data/textes/code-du-travail.yml (voir CONTRIBUTING.md#kb200)."),
    "citation-inconnue": (
        "ERROR   -  KB200 docs/index.md:12 : la citation « L. 7399-9 du code du travail » vise l'article L7399-9 "
        "de « code-du-travail », absent du registre. Correction : vérifiez le numéro et le texte (un article "
        "hors code du travail doit être suivi de « du code de commerce »…) ; s'il est juste, ajoutez-le à "
        "data/textes/code-du-travail.yml (voir CONTRIBUTING.md#kb200)."),
    "article-inconnu": (
        "ERROR   -  KB202 docs/textes/code-du-travail/l7399-9.md:2 : « article: code-du-travail:L7399-9 » ne "
        "correspond à aucun article du registre. Correction : corrigez l'identifiant (forme texte:numéro, par "
        "exemple code-du-travail:L7331-2) ou ajoutez l'article à data/textes/."),
    # Historique d'un article (registre) : texte modificateur inconnu, date dans le futur.
    "historique-texte-inconnu": (
        "ERROR   -  KB203 data/textes/code-action-sociale-familles.yml:31 : historique.modifications[1].par vise "
        "« loi-2015-994 », absent du registre : l'historique de l'article L262-2 doit nommer un texte connu. "
        "Correction : écrivez l'identifiant d'un texte de data/textes/ (le nom du fichier, par exemple "
        "loi-2014-856) et son article dans « article: », ou ajoutez d'abord ce texte au registre. Voir "
        "CONTRIBUTING.md, « Enregistrer un changement de la loi » (#historique)."),
    "historique-date-future": (
        "ERROR   -  KB203 data/textes/code-action-sociale-familles.yml:31 : historique.modifications[1].le "
        "(2999-01-01) est dans le futur : l'historique de l'article L262-2 ne retient que les versions déjà en "
        "vigueur. Correction : écrivez la date où la version modifiée est entrée en vigueur (au plus tard "
        f"aujourd'hui, {AUJOURDHUI}) ; une modification annoncée se signale dans la page. Voir CONTRIBUTING.md, "
        "« Enregistrer un changement de la loi » (#historique)."),
    # Rédaction officielle d'une autre version que celle que résume la page.
    "texte-officiel-version": (
        "ERROR   -  KB204 data/textes-officiels/code-du-travail.yml:8 : la rédaction de L7331-2 est la version en "
        "vigueur depuis le 2020-01-01, mais la page résume celle du 2014-08-02 : version incohérente. Correction : "
        "reproduisez la version que résume la page : mettez d'abord la page et en_vigueur_depuis à jour dans "
        "data/textes/code-du-travail.yml, puis relancez « make registre-legi ECRIRE=1 » (codes) ou recopiez la "
        "rédaction de cette version ; sinon supprimez cette rédaction. Voir CONTRIBUTING.md, « Mettre à jour les "
        "rédactions officielles » (#redactions-officielles)."),
    "html-dangereux": (
        "ERROR   -  KB400 docs/index.md:14 : la page contient une balise <iframe> écrite en HTML. Correction : "
        "supprimez cette balise : le site n'exécute aucun script et n'intègre aucun contenu d'un autre site. "
        "Pour une vidéo ou un document externe, mettez un simple lien [texte](https://…) ; pour montrer ce "
        "code en exemple, mettez-le entre accents graves (`<script>`) ou dans un bloc ```html."),
    "glossaire-fautif": (
        "ERROR   -  KB500 data/glossaire.yml:2 : le terme « associé » renvoie à « sociétaire », absent du "
        "glossaire. Correction : corrigez le renvoi ou ajoutez ce terme au glossaire."),
    "nouveautes-fautives": (
        "ERROR   -  KB700 data/nouveautes.yml:4 : valeur « juridque » refusée pour [1].categorie ; valeurs "
        "permises : « juridique », « editorial ». Correction : comparez avec une entrée existante et avec "
        "data/schemas/nouveautes.schema.json (CONTRIBUTING.md, « Noter un changement »)."),
    "source-http": (
        "ERROR   -  KB103 docs/index.md:7 : l'adresse « http://www.les-cae.coop/notre-histoire » n'est pas en "
        "https. Correction : utilisez l'adresse https de la même page."),
    "source-hors-liste": (
        "ERROR   -  KB103 docs/index.md:7 : le domaine de « https://blog.example.com/cae » n'est pas dans la "
        "liste des sources admises. Correction : citez une source officielle ou reconnue ; si ce site est "
        "fiable, ajoutez son domaine à data/domaines.yml en expliquant pourquoi dans la demande de fusion."),
    "glossaire-doublon": (
        "ERROR   -  KB500 data/glossaire.yml:5 : « Associe » figure deux fois dans le glossaire (voir aussi "
        "la ligne 2). Correction : fusionnez les deux entrées en une seule."),
    "recherche-regles-fautives": (
        "ERROR   -  KB800 data/recherche.yml:33 : « salaire » est dans deux groupes d'équivalences. "
        "Correction : un mot n'appartient qu'à un groupe : fusionnez les deux groupes."),
    "page-hors-menu": (
        "WARNING -  KB600 docs/oubliee.md : cette page n'apparaît pas dans le menu du site. Correction : "
        "ajoutez-la au bloc « nav » de mkdocs.yml, à sa place dans la section qui convient (ou supprimez-la "
        "si elle n'a plus lieu d'être)."),
    # Faute dans la seule traduction anglaise : vue par le build de l'anglais, qui fait échouer le
    # build complet.
    "traduction-lien-casse": (
        "WARNING -  KB601 docs/index.en.md:12 : le lien « cesa/pay.md » vise une page qui n'existe pas. "
        "Correction : corrigez le chemin (relatif à la page, vers un fichier .md de docs/)."),
    # Lien d'une page française vers une ancre que la traduction visée n'a pas : seul le build
    # anglais la voit.
    "ancre-absente-de-la-traduction": (
        "WARNING -  KB602 docs/autre.md:12 : le lien « index.md#par-ou-commencer » vise l'ancre "
        "« #par-ou-commencer », qui n'existe pas dans docs/index.en.md. Correction : reprenez l'ancre "
        "du titre visé (survolez le titre sur le site et copiez le lien « ¶ ») ou donnez au titre un "
        "identifiant stable « {#mon-ancre} »."),
    "traduction-orpheline": (
        "ERROR   -  KB300 docs/cesa/remuneration.en.md : cette traduction n'a pas de page française "
        "« remuneration.md ». Correction : créez d'abord la page française (elle fait foi), ou corrigez "
        "le nom du fichier."),
    "suffixe-inconnu": (
        "ERROR   -  KB301 docs/index.de.md : le suffixe de langue « .de » n'est pas déclaré dans mkdocs.yml "
        "(langues : en). Correction : corrigez le suffixe (par exemple « .en.md ») ou déclarez la langue "
        "dans le bloc i18n de mkdocs.yml et dans data/interface.yml."),
}


@pytest.fixture(scope="module")
def journaux(construire):
    """Tous les sites fautifs construits en parallèle (un processus mkdocs chacun) : {site: (code, journal)}."""
    sites = sorted(ERREURS) + ["date-ancienne"]
    with ThreadPoolExecutor(max_workers=6) as executeur:
        return dict(zip(sites, executeur.map(construire, sites)))


@pytest.mark.parametrize("site", sorted(ERREURS))
def test_site_fautif_message_exact(journaux, site):
    code, journal = journaux[site]
    attendu = ERREURS[site]
    assert code != 0, f"le build de {site} aurait dû échouer :\n{journal}"
    assert attendu in lignes(journal), f"ligne attendue :\n{attendu}\njournal :\n{journal}"
    assert "in strict mode!" in lignes(journal)[-1]
    # Rien d'autre ne doit être reproché à la page : la faute est la seule.
    assert set(problemes(journal)) == {attendu}, journal
    # Les hooks passent sur chaque langue, mais le contributeur ne lit le message qu'une fois.
    assert lignes(journal).count(attendu) == 1, journal


def test_date_ancienne_avertit_sans_bloquer(journaux):
    code, journal = journaux["date-ancienne"]
    assert code == 0, journal
    assert problemes(journal) == []
    assert lignes(journal).count(
        "INFO    -  AVERTISSEMENT KB105 docs/index.md:7 : la page n'a pas été vérifiée depuis le 2020-12-01 "
        "(plus de 18 mois). Correction : relisez-la sur ses sources, puis mettez « verifie_le » à jour.") == 1


# ---------------------------------------------------------------- Langues, l'une après l'autre
# `mkdocs build` construit les langues comme mkdocs-static-i18n le fait : le français, puis
# l'anglais, dans le même processus. Une faute que seul le build anglais voit fait échouer le
# build, avec un seul message.


def test_le_build_est_sequentiel_sans_processus_en_plus(construction_du_site):
    _, journal, _ = construction_du_site
    assert "Building 'en' documentation to directory" in journal, journal
    assert "parallèle" not in journal and "processus" not in journal, journal


@pytest.mark.parametrize("site", ["traduction-lien-casse", "ancre-absente-de-la-traduction"])
def test_faute_vue_par_le_seul_build_anglais(journaux, site):
    code, journal = journaux[site]
    attendu = ERREURS[site]
    assert code != 0, journal
    assert set(problemes(journal)) == {attendu}, journal
    assert lignes(journal).count(attendu) == 1, journal
    assert lignes(journal)[-1].endswith("Aborted with 1 warnings in strict mode!"), journal


def test_selecteur_de_langue_des_pages_404(site_construit):
    """Chaque 404 propose les deux accueils (et non la dernière page construite dans l'autre langue)."""
    for chemin in ("404.html", "en/404.html"):
        html = (site_construit / chemin).read_text(encoding="utf-8")
        assert re.findall(r'<a href="([^"]*)" hreflang="(fr|en)"', html) == [
            ("/base-juridique-cae/", "fr"), ("/base-juridique-cae/en/", "en")], chemin
