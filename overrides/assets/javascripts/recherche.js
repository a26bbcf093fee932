/*
 * recherche.js : French query normalisation for Material for MkDocs 9.8 search (prototype).
 *
 * Loaded by overrides/main.html in the "config" block, i.e. after <script id="__config">
 * and BEFORE Material's bundle. Three jobs:
 *
 * 1. Per-language index: if the <script> tag carries data-index-base (pages of a non-default
 *    language), rewrite __config.base so that Material fetches
 *    new URL("search/search_index.json", base) = /<lang>/search/search_index.json
 *    (written by hooks/recherche.py; its locations are relative to /<lang>/).
 * 2. Query transform: Material 9.8 has no __search.transform hook any more (the transform moved
 *    into the worker), so we wrap Worker.prototype.postMessage and rewrite the documented
 *    SearchQueryMessage {type: 2 (QUERY), data: "<query>"} before the worker sees it.
 * 3. Lazy index: the index is fetched when search is first opened, not on page load (below).
 *
 * The normalisation mirrors recherche.py (normaliser / termes_requete); keep them in sync
 * (test_recherche_unit.py runs this file under node and compares both).
 */
(function () {
  "use strict";

  var SEPARATEUR = /[\s\-,:;!?=\[\]()"\/'’ʼ«»·°…–—]+|\.(?!\d)|&[lg]t;/;
  var APOSTROPHES = /['’ʼ‘`´]/g;
  var GUILLEMETS = /[«»“”„]/g;
  var RE_ARTICLE_CODE = /(?<![\p{L}\p{N}_])(?:art(?:icle)?s?\.?\s*)?([LRD])\s*\.?\s*(\d{1,5}(?:\s*-\s*\d+)+)(?![\p{L}\p{N}_-])/giu;
  var RE_NUMERO = /(?<![\p{L}\p{N}_-])(?:art(?:icle)?s?\.?\s*)?(\d{1,5}(?:-\d+)+)(?![\p{L}\p{N}_-])/giu;
  var RE_ELISION = /^(?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|l|d|j|m|n|s|t|c)'(?=[\p{L}\p{N}_])/iu;

  function ensemble(s) {
    var o = Object.create(null);
    s.trim().split(/\s+/).forEach(function (m) { o[m] = true; });
    return o;
  }
  var MOTS_VIDES = ensemble(
    "a à au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui " +
    "ma mais me mes moi mon ne ni nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta " +
    "te tes toi ton tu un une vos votre vous y c d j l m n s t e es est sont été être n° no " +
    "quel quelle quels quelles comment pourquoi quoi combien quand si ai as avez ont puis peux peut pouvons " +
    "pouvez peuvent dois doit devons devez doivent faut ça cela " +
    "the of and to in for an is or by with");
  var INVARIABLES = ensemble(
    "alors lors hors vers envers travers revers univers divers toujours ailleurs plusieurs cours recours " +
    "parcours concours discours secours velours dehors moeurs gens sens dans sans moins néanmoins temps " +
    "corps puis depuis pays fils jadis tandis plus sous tous nous vous mois fois trois parfois toutefois " +
    "autrefois quelquefois bois mais jamais frais relais rabais palais anglais français biais marais " +
    "taux faux chaux prix choix deux mieux vieux ceux eux heureux précis avis permis compris devis acquis " +
    "remis pris mis bis cas bas pas bras repas tas dos gros repos propos enclos abus refus plus-value " +
    "status this its has was does");
  var IRREGULIERS = {
    travaux: "travail", baux: "bail", lois: "loi", emplois: "emploi", jeux: "jeu",
    enjeux: "enjeu", lieux: "lieu", feux: "feu", voeux: "voeu", "vœux": "vœu",
    yeux: "oeil", essais: "essai", "délais": "délai", delais: "delai", quais: "quai"
  };

  // Écriture inclusive : « entrepreneur·e » -> « entrepreneur » (comme RE_INCLUSIF en Python).
  var RE_INCLUSIF = /[·•](?:e|es|rice|rices|euse|euses|ne|nes|le|les|ve|ves)(?:[·•]s)?(?![\p{L}\p{N}_])/giu;

  function unifier(t) {
    return t.normalize("NFKC").replace(RE_INCLUSIF, "").replace(APOSTROPHES, "'").replace(GUILLEMETS, '"');
  }

  function plier(t) {
    return t.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae")
      .normalize("NFD").replace(/\p{Mn}/gu, "");
  }

  function radical(m) {
    if (m.length < 4 || /[\d_]/.test(m)) return m;
    if (Object.prototype.hasOwnProperty.call(IRREGULIERS, m)) return IRREGULIERS[m];
    if (INVARIABLES[m]) return m;
    if (/eaux$/.test(m)) return m.slice(0, -1);
    if (/aux$/.test(m) && m.length > 4) return m.slice(0, -3) + "al";
    if (/s$/.test(m) && "suèiao".indexOf(m.charAt(m.length - 2)) < 0) return m.slice(0, -1);
    if (/ois$/.test(m) && m.length > 4) return m.slice(0, -1);
    return m;
  }

  function scinder(t) {
    return t.toLowerCase().split(new RegExp(SEPARATEUR.source, "g")).filter(Boolean);
  }

  function variante(numero, lettre) {
    var base = numero.trim().replace(/\s*-\s*/g, "_").toLowerCase();
    return lettre ? lettre.toLowerCase() + base : base;
  }

  /* identifiers typed in the query: "L. 7331-2" -> "l7331_2", "26-41" -> "26_41" */
  function identifiants(t) {
    var out = [];
    var reste = t.replace(RE_ARTICLE_CODE, function (_, l, n) { out.push(variante(n, l)); return " "; });
    reste.replace(RE_NUMERO, function (_, n) { out.push(variante(n)); return " "; });
    return out;
  }

  function mots(t) {
    var sortie = [];
    t.replace(RE_ARTICLE_CODE, " ").replace(RE_NUMERO, " ").split(/\s+/).forEach(function (brut) {
      brut = brut.replace(/^["+\-*^~]+|["+\-*^~]+$/g, "").replace(RE_ELISION, "");
      Array.prototype.push.apply(sortie, scinder(brut));
    });
    return sortie;
  }

  /* terms of one (unquoted or quoted) segment; mirrors recherche.termes_requete */
  function termes(segment, citation, accents) {
    var sortie = identifiants(segment).map(function (i) { return i + "^1"; });
    mots(segment).forEach(function (m) {
      if (MOTS_VIDES[m]) return;
      /* a small lone number ("délai 3 ans associé") never decides the ranking; a year stays,
         as an exact word (see recherche.py) */
      if (/^\d+$/.test(m)) {
        if (m.length === 4 && sortie.indexOf(m + "^1") < 0) sortie.push(m + "^1");
        return;
      }
      var r = radical(m);
      (citation || accents === false ? [plier(r)] : [r, plier(r)]).forEach(function (v) {
        if (sortie.indexOf(v) < 0) sortie.push(v);
      });
    });
    return sortie.length ? sortie : mots(segment);
  }

  /* accents === false: send folded forms only (non-French pages, see recherche.termes_requete) */
  function transformer(requete, accents) {
    var parts = unifier(requete).split('"');
    var out = [];
    parts.forEach(function (segment, i) {
      var citation = i % 2 === 1 && i < parts.length - 1;
      var t = termes(segment, citation, accents);
      if (t.length) out.push(citation ? '"' + t.join(" ") + '"' : t.join(" "));
    });
    return out.join(" ").trim() || requete;
  }

  var api = { transformer: transformer, termes: termes, plier: plier, radical: radical,
              identifiants: identifiants, mots: mots, unifier: unifier };

  if (typeof module !== "undefined" && module.exports) {   /* node: unit tests */
    module.exports = api;
    return;
  }
  window.__recherche = api;

  /* 1. per-language index */
  var script = document.currentScript;
  var base = script && script.getAttribute("data-index-base");
  var el = document.getElementById("__config");
  if (base && el) {
    var config = JSON.parse(el.textContent);
    config.base = base;
    el.textContent = JSON.stringify(config);
  }

  /* 2. query transform on the documented worker message (SearchMessageType.QUERY === 2) */
  var accents = /^fr\b/i.test(document.documentElement.lang || "fr");
  if (typeof Worker !== "undefined") {
    var envoyer = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      if (message && message.type === 2 && typeof message.data === "string") {
        var args = Array.prototype.slice.call(arguments);
        args[0] = { type: message.type, data: transformer(message.data, accents) };
        return envoyer.apply(this, args);
      }
      return envoyer.apply(this, arguments);
    };
  }

  /* 3. Load the index when search is first opened, not on every page.
   * Material downloads search_index.json (400+ KB raw), decodes it and copies it to its worker as
   * soon as any page is shown: main-thread work during page load (Lighthouse mobile: TBT) and
   * bytes for a search most readers never open. So we hold back the send() of Material's own
   * XMLHttpRequest for .../search/search_index.json until the reader shows intent: focus in the
   * search box, opening it with the button or the keyboard ("/", "s", "f" tick #__search), or
   * hovering/touching the box or the button. Meanwhile Material shows "Initialisation de la
   * recherche", then runs the query already typed. A page opened from a result (?h=…, term
   * highlighting) needs the index at once. */
  var RE_INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var requetesIndex = new WeakSet();
  var retenues = [];
  var intention = new URLSearchParams(location.search).has("h");

  function chargerIndex() {
    if (intention) return;
    intention = true;
    retenues.splice(0).forEach(function (envoi) { envoi(); });
  }

  if (!intention) {
    var ouvrirXhr = XMLHttpRequest.prototype.open;
    var envoyerXhr = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (methode, adresse) {
      if (RE_INDEX.test(String(adresse))) requetesIndex.add(this);
      return ouvrirXhr.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      if (intention || !requetesIndex.has(this)) return envoyerXhr.apply(this, arguments);
      var xhr = this, args = arguments;
      retenues.push(function () { envoyerXhr.apply(xhr, args); });
    };
    var surLaRecherche = function (evenement) {
      var cible = evenement.target;
      if (cible instanceof Element && cible.closest(".md-search, label[for='__search']")) chargerIndex();
    };
    document.addEventListener("focusin", surLaRecherche, true);
    document.addEventListener("pointerover", surLaRecherche, true);
    document.addEventListener("change", function (evenement) {
      if (evenement.target.id === "__search" && evenement.target.checked) chargerIndex();
    }, true);
  }
})();
