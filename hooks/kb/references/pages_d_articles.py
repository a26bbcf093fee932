"""Les pages d'articles (docs/textes/<texte>/<article>.md) : leur chemin, leur titre tiré du
registre (KB202), et l'adresse où mène une citation (la page de l'article, sinon le texte officiel)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.commun.diagnostics import Probleme, signaler
from kb.commun.projet import est_un_repli, fichier_lisible, registre
from kb.references.registre import Article, Registre, Texte
from kb.references.retroliens import EtatDesReferences

DOSSIER = "textes"


def slug_article(article: Article) -> str:
    """Nom de fichier de la page d'un article : l7331-2 (codes), article-3-bis (lois, décrets)."""
    if article.texte.nature == "code":
        return article.numero.lower()
    return "article-" + article.numero.replace(" ", "-")


def chemin_attendu(article: Article) -> str:
    """Chemin de la page d'un article sous docs/ (une seule page par article)."""
    return f"{DOSSIER}/{article.texte.id}/{slug_article(article)}.md"


def page_article(files: Files, article: Article) -> Page | None:
    """La page de l'article parmi les fichiers du build, s'il en a une."""
    fichier = files.get_file_from_path(chemin_attendu(article))
    return fichier.page if fichier is not None else None


def articles_du_texte(reg: Registre, texte: Texte) -> list[Article]:
    """Les articles du registre qui appartiennent à ce texte, dans l'ordre du registre."""
    return [a for a in reg.articles.values() if a.texte is texte]


def article_de_la_page(page: Page, config: MkDocsConfig) -> Article | None:
    """L'article dont cette page est la page d'article (champ `article` et bon chemin), ou None."""
    ref = page.meta.get("article")
    article = registre(config).articles.get(str(ref)) if ref else None
    if article is None or chemin_attendu(article) != page.file.src_uri:
        return None
    return article


def titrer_la_page_d_article(page: Page, config: MkDocsConfig) -> None:
    """Donne à une page d'article le titre officiel de son article ; KB202 si le champ `article`
    ne vise aucun article du registre ou si le fichier n'a pas le nom attendu."""
    reg = registre(config)
    ref = page.meta.get("article")
    if not ref:
        return
    article = reg.articles.get(str(ref))
    attendu = chemin_attendu(article) if article else None
    if article is None and reg.illisible(str(ref)):
        pass  # le fichier du registre de ce texte est fautif : déjà signalé par kb.references.registre
    elif article is None or attendu != page.file.src_uri:
        if not est_un_repli(page, config):
            signaler(config, _probleme_page_article(page, config, str(ref), article, attendu))
    else:
        page.meta["title"] = article.titre


def lien(cible: Texte | Article, page: Page, etat: EtatDesReferences, files: Files) -> str | None:
    """Lien vers la page de référence de l'article s'il en a une, sinon vers le texte officiel."""
    if isinstance(cible, Article):
        fichier = etat.fichier_de_l_article(files, chemin_attendu(cible))
        if fichier is not None:
            if fichier is page.file:
                return None  # pas de lien d'une page vers elle-même
            return fichier.url_relative_to(page.file)
    return cible.url


def _probleme_page_article(page: Page, config: MkDocsConfig, ref: str, article: Article | None,
                           attendu: str | None) -> Probleme:
    fichier = fichier_lisible(config, page.file.abs_src_path)
    if article is None:
        return Probleme("KB202", fichier, f"« article: {ref} » ne correspond à aucun article du registre.",
                        "corrigez l'identifiant (forme texte:numéro, par exemple code-du-travail:L7331-2) ou "
                        "ajoutez l'article à data/textes/.", 2)
    return Probleme("KB202", fichier, f"la page de l'article {ref} doit s'appeler docs/{attendu}.",
                    f"renommez le fichier en docs/{attendu} (une seule page par article).", None)
