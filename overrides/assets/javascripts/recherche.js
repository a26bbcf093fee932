/*
 * recherche.js : la recherche du site, sur Pagefind (API JavaScript documentée), dans la boîte de
 * l'en-tête (overrides/partials/search.html).
 *
 * - Les règles (mots vides, élisions, grammaire des numéros, équivalences, synonymes du glossaire)
 *   viennent de recherche/regles.json, écrit au build depuis data/recherche.yml,
 *   data/glossaire.yml et hooks/kb/references/grammaire.py (hooks/recherche.py) : rien n'est
 *   recopié ici.
 * - Une requête devient des « groupes » : un par numéro d'article ou de texte (jeton « l7331x2 »,
 *   comme jetons_de_la_page en Python) et un par mot qui compte, avec ses autres formes. Chaque
 *   mot est cherché seul dans Pagefind (qui exige tous les mots d'une requête) ; ses autres formes
 *   (termes du glossaire, équivalents) au second tour, seulement si elles peuvent changer le
 *   classement (voir classer). Les résultats sont fusionnés : d'abord les pages qui portent le
 *   numéro cherché, puis celles qui couvrent le plus de groupes, puis par score. Une question
 *   longue donne toujours les meilleures pages partielles.
 * - Travail évité : une forme déjà cherchée ne l'est pas deux fois (l'index ne change pas) ; les
 *   mots terminés sont cherchés pendant la frappe ; deux mots qui se suivent se reconnaissent à
 *   leurs positions ; cinq extraits sont chargés, les suivants à la demande.
 * - L'index n'est téléchargé qu'à la première ouverture de la recherche.
 */
(function () {
  "use strict";

  /* ------------------------------------------------------------ règles et analyse */

  function plier(t) {
    return t.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD").replace(/\p{Mn}/gu, "");
  }

  /* Jeton d'un numéro : ("7331-2", "L") -> "l7331x2" ; ("26-41") -> "n26x41" (hooks/recherche.jeton).
     reTiret : le séparateur des chiffres, reçu de regles.json (numeros.tiret). */
  function jeton(numero, lettre, reTiret) {
    return (lettre || "n").toLowerCase() + numero.trim().replace(reTiret, "x").toLowerCase();
  }

  var RE_INCLUSIF = /[·•](?:e|es|rice|rices|euse|euses|ne|nes|le|les|ve|ves)(?:[·•]s)?(?![\p{L}\p{N}_])/giu;

  function Analyseur(regles, langue) {
    this.vides = new Set(regles.mots_vides);
    this.reElision = new RegExp("^(?:" + regles.elisions.join("|") + ")['’ʼ](?=[\\p{L}\\p{N}])", "iu");
    this.reArticle = new RegExp(regles.numeros.article, "giu");
    this.reNumero = new RegExp(regles.numeros.numero, "giu");
    this.reTiret = new RegExp(regles.numeros.tiret, "gu");
    this.equivalents = new Map();
    var self = this;
    (regles.equivalences || []).forEach(function (groupe) {
      groupe.forEach(function (mot) { self.equivalents.set(plier(mot), groupe); });
    });
    this.synonymes = new Map();     /* un mot -> termes officiels */
    this.expressions = new Map();   /* plusieurs mots -> termes officiels */
    ((regles.synonymes || {})[langue] || []).forEach(function (s) {
      var cle = self.cleDExpression(s[0]);
      if (!cle) return;
      (cle.indexOf(" ") > 0 ? self.expressions : self.synonymes).set(cle, s[1]);
    });
  }

  /* Mots d'un texte : sans élision, découpé aux espaces, ponctuation et apostrophes. */
  Analyseur.prototype.decouper = function (texte) {
    var self = this;
    var mots = [];
    texte.split(/[\s,;:!?.()«»"“”„\/]+/).forEach(function (brut) {
      brut.replace(self.reElision, "").split(/['’ʼ]/).forEach(function (m) {
        m = m.replace(/^[-+*^~]+|[-+*^~]+$/g, "");
        if (!m) return;
        /* « puis-je », « pourra-t-on » : un trait d'union suivi d'un mot vide sépare ; pas
           « micro-entreprise » ni « auto-entrepreneur », qui restent entiers. */
        var parties = m.split("-");
        if (parties.length > 1 && parties.some(function (x) { return self.vides.has(x.toLowerCase()); })) {
          parties.forEach(function (x) { if (x) mots.push(x); });
        } else {
          mots.push(m);
        }
      });
    });
    return mots;
  };

  Analyseur.prototype.cleDExpression = function (texte) {
    var self = this;
    return this.decouper(texte).filter(function (m) { return !self.vides.has(m.toLowerCase()); }).map(plier).join(" ");
  };

  /* Requête -> { numeros: [jetons], groupes: [{ mot, formes: [{ texte, poids }] }] } */
  Analyseur.prototype.analyser = function (requete) {
    var self = this;
    var texte = requete.normalize("NFKC").replace(RE_INCLUSIF, "");
    var numeros = [];
    texte = texte.replace(this.reArticle, function (_, lettre, numero) { numeros.push(jeton(numero, lettre, self.reTiret)); return " "; });
    texte = texte.replace(this.reNumero, function (_, numero) { numeros.push(jeton(numero, null, self.reTiret)); return " "; });
    var mots = this.decouper(texte);
    var groupes = [];
    var vus = new Set();
    var ensemble = mots.filter(function (m) { return !self.vides.has(m.toLowerCase()); });
    /* Les expressions du glossaire de deux mots ou plus (« période d'essai »…) se reconnaissent
       dans la requête entière ; les mots isolés, un à un. */
    var requetePliee = " " + ensemble.map(plier).join(" ") + " ";
    var synonymesTrouves = [];
    this.expressions.forEach(function (officiels, cle) {
      if (requetePliee.indexOf(" " + cle + " ") >= 0) synonymesTrouves.push(officiels);
    });
    ensemble.forEach(function (m) {
      var cle = plier(m);
      if (/^\d+$/.test(m)) {
        /* Un petit nombre seul (« délai 3 ans ») ne décide pas du classement ; une année reste. */
        if (m.length !== 4) return;
      }
      if (vus.has(cle)) return;
      vus.add(cle);
      var formes = [{ texte: m, poids: 1 }];
      var ajouter = function (t, poids, equivalent) {
        if (!formes.some(function (f) { return plier(f.texte) === plier(t); })) {
          formes.push({ texte: t, poids: poids, equivalent: !!equivalent });
        }
      };
      var singulier = cle.length > 3 ? cle.replace(/[sx]$/, "") : cle;
      (self.synonymes.get(cle) || self.synonymes.get(singulier) || []).forEach(function (o) { ajouter(o, 0.7); });
      (self.equivalents.get(cle) || self.equivalents.get(singulier) || []).forEach(function (e) { ajouter(e, 0.7, true); });
      groupes.push({ mot: m, formes: formes });
    });
    synonymesTrouves.forEach(function (officiels) {
      groupes.push({ mot: officiels[0], formes: officiels.map(function (o) { return { texte: o, poids: 0.7 }; }), cache: true });
    });
    if (!numeros.length && !groupes.length && ensemble.length) {
      /* Requête faite seulement d'un petit nombre : on le garde. */
      groupes.push({ mot: ensemble[0], formes: [{ texte: ensemble[0], poids: 1 }] });
    }
    /* La question entière, de trois à huit mots : elle peut être mot pour mot une des questions
       qu'une page déclare répondre (« c'est quoi une CAE »), cherchée telle quelle. */
    var entiere = mots.length >= 3 && mots.length <= 8 ?
      texte.replace(/["“”?!.]/g, " ").replace(/\s+/g, " ").trim() : null;
    /* Deux mots qui se suivent (« coopérative d'activité », « loi 1947 ») : l'expression se
       reconnaît aux positions des deux mots dans la page, que leurs recherches donnent déjà ;
       pas de recherche de plus. */
    var paire = mots.length === 2 && !numeros.length && groupes.length >= 2 && !groupes[0].cache && !groupes[1].cache &&
      plier(groupes[0].mot) === plier(mots[0]) && plier(groupes[1].mot) === plier(mots[1]) ? [0, 1] : null;
    return { numeros: Array.from(new Set(numeros)), groupes: groupes, entiere: entiere, paire: paire };
  };

  /* ------------------------------------------------------------ moteur */

  var POIDS_NUMERO = 1000;
  /* Un mot qui trouve au moins ce nombre de pages se passe des équivalents du langage courant. */
  var ASSEZ = 30;

  /* Un mot en position p et le suivant en p + 1 (positions des mots dans la page, selon Pagefind). */
  function seSuivent(premier, second) {
    if (!premier || !second) return false;
    var suivants = new Set(second);
    return premier.some(function (x) { return suivants.has(x + 1); });
  }

  /* Fusionne les recherches d'un mot à la fois. chercher(texte) -> Promise<[{ id, score, data }]> ;
     nombreDePages : pages de l'index de la langue (inconnu : on ne se passe d'aucun terme) ;
     perimee() : vrai si le lecteur a tapé autre chose entre-temps (on s'arrête après le premier tour). */
  function classer(analyse, chercher, nombreDePages, perimee) {
    var moitie = (nombreDePages || Infinity) / 2;
    var formes = [];
    analyse.numeros.forEach(function (j) {
      formes.push({ groupe: "#" + j, texte: j, poids: POIDS_NUMERO });
      /* Un numéro nu (« 7331-2 ») : l'article législatif (L.) passe devant le réglementaire (R.). */
      if (j.charAt(0) === "n") formes.push({ groupe: "#" + j, texte: "l" + j.slice(1), poids: POIDS_NUMERO * 1.5 });
    });
    /* Premier tour : chaque mot tel qu'il est tapé (et les numéros, la question entière). */
    analyse.groupes.forEach(function (g, i) {
      if (!g.cache) formes.push({ groupe: i, texte: g.formes[0].texte, poids: g.formes[0].poids, tape: true });
    });
    /* La question entière, telle quelle (elle peut être une des questions déclarées par une page). */
    if (analyse.entiere) formes.push({ groupe: "expression", texte: '"' + analyse.entiere + '"', poids: 1 });
    return Promise.all(formes.map(function (f) { return chercher(f.texte); })).then(function (listes) {
      if (perimee && perimee()) return { formes: [], listes: [] };
      /* Second tour, selon ce que le premier a trouvé :
         - les termes officiels du glossaire d'un mot (« salaire » -> « rémunération »), sauf pour
           un mot présent sur plus de la moitié des pages : le terme n'y départagerait presque
           rien, et sur un grand site chaque recherche d'un mot présent partout coûte des dizaines
           de millisecondes ;
         - les équivalents du langage courant (data/recherche.yml), pour un mot qui trouve moins
           de ASSEZ pages ;
         - les expressions du glossaire reconnues dans la requête, si l'un de ses mots est sous la
           moitié des pages (ou s'il n'y a pas d'autre mot). */
      var autres = [];
      var distinctif = false;
      analyse.groupes.forEach(function (g, i) {
        if (g.cache) return;
        var k = formes.findIndex(function (f) { return f.groupe === i; });
        var trouvees = listes[k].length;
        if (trouvees < moitie) distinctif = true;
        g.formes.slice(1).forEach(function (f) {
          if (f.equivalent ? trouvees < ASSEZ : trouvees < moitie) autres.push({ groupe: i, texte: f.texte, poids: f.poids });
        });
      });
      var seules = !analyse.groupes.some(function (g) { return !g.cache; });
      analyse.groupes.forEach(function (g, i) {
        if (g.cache && (distinctif || seules)) {
          g.formes.forEach(function (f) { autres.push({ groupe: i, texte: f.texte, poids: f.poids }); });
        }
      });
      return Promise.all(autres.map(function (f) { return chercher(f.texte); })).then(function (suite) {
        return { formes: formes.concat(autres), listes: listes.concat(suite) };
      });
    }).then(function (tour) {
      var formes = tour.formes, listes = tour.listes;
      var pages = new Map();
      listes.forEach(function (resultats, k) {
        var f = formes[k];
        resultats.forEach(function (r) {
          var p = pages.get(r.id);
          if (!p) { p = { id: r.id, groupes: new Map(), numeros: 0, positions: new Map() }; pages.set(r.id, p); }
          /* Positions des mots tapés, gardées seulement quand une paire est à reconnaître. */
          if (f.tape && analyse.paire) p.positions.set(f.groupe, r.words || []);
          var s = r.score * f.poids;
          var avant = p.groupes.get(f.groupe);
          if (!avant || s > avant.score) p.groupes.set(f.groupe, { score: s, resultat: r, forme: f.texte });
        });
      });
      /* Poids d'un groupe : sa rareté (un mot présent partout ne décide pas). Score d'une page :
         pour chaque groupe trouvé, sa rareté, d'autant plus que la page y répond fort. */
      var liste = Array.from(pages.values());
      var total = Math.max(liste.length, 50);
      var frequence = new Map(), maximum = new Map();
      liste.forEach(function (p) {
        p.groupes.forEach(function (v, g) {
          frequence.set(g, (frequence.get(g) || 0) + 1);
          maximum.set(g, Math.max(maximum.get(g) || 0, v.score));
        });
      });
      liste.forEach(function (p) {
        p.total = 0;
        p.meilleur = null;
        p.groupes.forEach(function (v, g) {
          if (g === "expression") { p.expression = true; return; }
          if (typeof g === "string") { p.numeros += 1; p.total += v.score; return; }
          var rarete = Math.log(1 + total / frequence.get(g));
          p.total += rarete * (0.5 + 0.5 * v.score / (maximum.get(g) || 1));
        });
        /* La question entière trouvée telle quelle (question déclarée par la page) : le double. */
        if (analyse.paire && seSuivent(p.positions.get(analyse.paire[0]), p.positions.get(analyse.paire[1]))) p.expression = true;
        if (p.expression) p.total *= 2;
        /* Le résultat dont on montre l'extrait : celui du mot le plus fort (pas de l'expression). */
        p.groupes.forEach(function (v, g) {
          if (g !== "expression" && (!p.meilleur || v.score > p.meilleur.score)) p.meilleur = v;
        });
        if (!p.meilleur) p.meilleur = p.groupes.get("expression");
      });
      liste.sort(function (a, b) { return (b.numeros - a.numeros) || (b.total - a.total); });
      return liste;
    });
  }

  /* Les recherches Pagefind d'une page, une à une, gardées par forme cherchée pour toute la vie
     de la page : l'index ne change pas, et une même forme revient d'une requête à l'autre
     (« contrat », puis « rupture du contrat ») ; au-delà de 200 formes, on oublie tout.
     Une à une parce que le worker de Pagefind les traite de toute façon l'une après l'autre :
     une recherche demandée pour une requête que le lecteur a déjà changée est abandonnée avant
     de partir, au lieu d'occuper le worker pendant que la nouvelle attend.
     rechercher(texte) -> Promise<résultats> ; pour(perimee) -> chercher(texte). */
  function FileDeRecherches(rechercher) {
    var faites = new Map();
    var file = Promise.resolve();
    var ABANDONNEE = {};
    function rien() {}
    this.pour = function (perimee) {
      function chercher(texte) {
        var enCours = faites.get(texte);
        if (!enCours) {
          if (faites.size >= 200) faites.clear();
          enCours = file.then(function () {
            if (perimee && perimee()) return ABANDONNEE;
            return rechercher(texte).then(function (r) { return r || []; }, function () { return []; });
          });
          file = enCours.then(rien, rien);
          faites.set(texte, enCours);
          var celle = enCours;
          enCours.then(function (r) { if (r === ABANDONNEE && faites.get(texte) === celle) faites.delete(texte); });
        }
        /* Abandonnée pour une requête périmée : redemandée pour celle-ci, si elle vit encore. */
        return enCours.then(function (r) { return r !== ABANDONNEE ? r : (perimee && perimee() ? [] : chercher(texte)); });
      }
      return chercher;
    };
  }

  /* ------------------------------------------------------------ interface */

  function echapper(t) {
    return String(t).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  /* Surligne en plus, mot entier, les autres mots trouvés (Pagefind ne marque que la forme cherchée). */
  function surligner(extrait, mots) {
    var cles = mots.map(plier).filter(function (m) { return m.length >= 3; });
    if (!cles.length) return extrait;
    return extrait.replace(/(<mark>[^<]*<\/mark>)|([\p{L}\p{N}]+)/gu, function (tout, marque, mot) {
      if (marque) return marque;
      var p = plier(mot);
      return cles.some(function (c) { return p === c || (c.length >= 4 && p.indexOf(c) === 0 && p.length - c.length <= 3); })
        ? "<mark>" + mot + "</mark>" : mot;
    });
  }

  function demarrer(boite) {
    var champ = boite.querySelector(".md-search__input");
    var bascule = document.getElementById("__search");
    var meta = boite.querySelector(".md-search-result__meta");
    var liste = boite.querySelector(".md-search-result__list");
    var textes = JSON.parse(boite.getAttribute("data-textes"));
    var langue = (document.documentElement.lang || "fr").slice(0, 2);
    var moteur = null;
    var numeroRequete = 0;

    function charger() {
      if (moteur) return moteur;
      var adresseIndex = new URL(boite.getAttribute("data-index"), location.href).href;
      var adresseRegles = new URL(boite.getAttribute("data-regles"), location.href).href;
      moteur = Promise.all([
        import(adresseIndex + "pagefind.js").then(function (pagefind) {
          return pagefind.options({ excerptLength: 26, ranking: { metaWeights: { cles: 20, questions: 4, title: 6 } } })
            .then(function () { return pagefind.init(); })
            .then(function () { return pagefind; });
        }),
        fetch(adresseRegles).then(function (r) { return r.json(); }),
        /* Le nombre de pages de l'index de la langue, que Pagefind écrit dans son fichier d'entrée. */
        fetch(adresseIndex + "pagefind-entry.json").then(function (r) { return r.json(); })
          .then(function (e) { return ((e.languages || {})[langue] || {}).page_count; }, function () { return undefined; })
      ]).then(function (tout) {
        var pagefind = tout[0];
        return { analyseur: new Analyseur(tout[1], langue), pages: tout[2],
                 recherches: new FileDeRecherches(function (texte) {
                   return pagefind.search(texte).then(function (r) { return r ? r.results : []; });
                 }) };
      });
      moteur.catch(function () { moteur = null; });
      return moteur;
    }

    /* Pendant la frappe : un mot terminé (suivi d'une espace ou d'une ponctuation) est cherché tout
       de suite, une seule fois, pendant que le lecteur tape la suite ; la requête complète n'a plus
       qu'à chercher le dernier mot. Rien de plus n'est cherché : c'est le même travail, plus tôt. */
    function chercherLesMotsTermines() {
      if (!moteur) return;
      var termine = champ.value.replace(/[^\s,;:!?.()«»"“”]*$/, "");
      if (!termine.trim()) return;
      moteur.then(function (m) {
        var chercher = m.recherches.pour(null);
        var analyse = m.analyseur.analyser(termine);
        analyse.groupes.forEach(function (g) { if (!g.cache) chercher(g.formes[0].texte); });
        analyse.numeros.forEach(function (j) { chercher(j); });
      });
    }

    function resume(n) {
      if (n === 0) return textes.aucun;
      if (n === 1) return textes.un;
      return textes.plusieurs.replace("#", n);
    }

    /* Le HTML des résultats d'un lot : classes[i] et ses données Pagefind donnees[i]. */
    function elements(analyse, classes, donnees) {
      var mots = analyse.groupes.map(function (g) { return g.mot; });
      var html = donnees.map(function (d, i) {
        var p = classes[i];
        var manquants = analyse.proches ? [] : analyse.groupes.filter(function (g, k) { return !g.cache && !p.groupes.has(k); })
          .map(function (g) { return g.mot; });
        manquants = manquants.filter(function (m, k) { return manquants.map(plier).indexOf(plier(m)) === k; });
        var francais = d.meta.langue && d.meta.langue !== langue;
        var titre = echapper(d.meta.title || d.url);
        var entete = '<h1>' + titre + (d.meta.numero ? ' <span class="kb-recherche__numero">' + echapper(d.meta.numero) + '</span>' : "") +
          (francais ? ' <span class="kb-recherche__langue" lang="' + langue + '">(' + echapper(textes.en_francais) + ')</span>' : "") + '</h1>';
        var section = null;
        (d.sub_results || []).forEach(function (s) {
          if (!s.anchor || !/^h[2-6]$/.test(s.anchor.element || "")) return;
          s.poids = (s.weighted_locations || []).reduce(function (t, l) { return t + (l.balanced_score || 0); }, 0);
          if (!section || s.poids > section.poids) section = s;
        });
        var extrait = surligner((section || d).excerpt || "", mots);
        var li = '<li class="md-search-result__item"><a href="' + echapper(d.url) + '" class="md-search-result__link">' +
          '<article class="md-search-result__article md-typeset"' + (francais ? ' lang="fr"' : "") + '>' +
          '<div class="md-search-result__icon md-icon"></div>' + entete +
          (section ? '<p class="kb-recherche__section">' + echapper(textes.section) + " " + echapper(section.title) + '</p>' : "") +
          '<p class="md-search-result__teaser">' + extrait + '</p>' +
          (manquants.length ? '<p class="md-search-result__terms kb-recherche__manquants">' + echapper(textes.manquant) + " : " +
            manquants.map(function (m) { return "<del>" + echapper(m) + "</del>"; }).join(", ") + '</p>' : "") +
          '</article></a>' +
          (section ? '<a href="' + echapper(section.url) + '" class="md-search-result__link kb-recherche__lien-section">' +
            '<article class="md-search-result__article md-typeset"><h2>' + echapper(section.title) + '</h2></article></a>' : "") +
          '</li>';
        return li;
      }).join("");
      return html;
    }

    /* Cinq résultats d'abord, les suivants sur demande (bouton sous la liste), comme l'interface
       de Pagefind : chaque résultat montré coûte le chargement de son extrait. */
    var PAR_LOT = 5;

    /* Charge et montre le lot suivant de la recherche `r` ({ analyse, classes, montres, numero }) ;
       rend le premier lien du lot (pour y mettre le focus quand le lecteur a demandé la suite). */
    function montrerLaSuite(r) {
      var lot = r.classes.slice(r.montres, r.montres + PAR_LOT);
      return Promise.all(lot.map(function (p) { return p.meilleur.resultat.data(); })).then(function (donnees) {
        if (r.numero !== numeroRequete) return null;
        /* Les pages dans la langue de la page d'abord ; les pages françaises lues depuis /en/ ensuite. */
        var ordre = lot.map(function (p, i) { return i; });
        ordre.sort(function (a, b) {
          var la = donnees[a].meta.langue && donnees[a].meta.langue !== langue ? 1 : 0;
          var lb = donnees[b].meta.langue && donnees[b].meta.langue !== langue ? 1 : 0;
          return (la - lb) || (a - b);
        });
        var html = elements(r.analyse, ordre.map(function (i) { return lot[i]; }), ordre.map(function (i) { return donnees[i]; }));
        var avant = r.montres;
        var bouton = liste.querySelector(".kb-recherche__suite");
        if (bouton) bouton.remove();
        if (avant === 0) liste.innerHTML = html; else liste.insertAdjacentHTML("beforeend", html);
        r.montres += lot.length;
        if (r.montres < r.classes.length) {
          liste.insertAdjacentHTML("beforeend", '<li class="kb-recherche__suite"><button type="button">' +
            echapper(textes.suite) + '</button></li>');
          liste.querySelector(".kb-recherche__suite button").addEventListener("click", function () {
            montrerLaSuite(r).then(function (lien) { if (lien) lien.focus(); });
          });
        }
        /* Jamais une impasse : sans page qui contienne les mots, le résumé le dit et propose les
           pages les plus proches ; le renvoi vers la FAQ et le glossaire reste sous la liste. */
        meta.textContent = r.analyse.proches || !r.classes.length ? textes.pistes : resume(r.classes.length);
        var premierNouveau = liste.querySelectorAll(".md-search-result__item")[avant];
        return premierNouveau ? premierNouveau.querySelector("a[href]") : null;
      });
    }

    function lancer() {
      var requete = champ.value;
      var numero = ++numeroRequete;
      if (!requete.trim()) {
        liste.innerHTML = "";
        meta.textContent = textes.invite;
        return;
      }
      charger().then(function (m) {
        if (numero !== numeroRequete) return;
        var analyse = m.analyseur.analyser(requete);
        var perimee = function () { return numero !== numeroRequete; };
        var chercherForme = m.recherches.pour(perimee);
        return classer(analyse, chercherForme, m.pages, perimee).then(function (classes) {
          if (classes.length || !analyse.groupes.length || perimee()) return classes;
          /* Rien : les pages les plus proches, par le début des mots (faute de frappe, forme rare). */
          analyse.proches = true;
          var debuts = { numeros: [], groupes: analyse.groupes.filter(function (g) { return g.mot.length >= 5; })
            .map(function (g) { return { mot: g.mot, formes: [{ texte: g.mot.slice(0, 4), poids: 1 }] }; }) };
          return classer(debuts, chercherForme, m.pages, perimee);
        }).then(function (classes) {
          if (numero !== numeroRequete) return;
          return montrerLaSuite({ analyse: analyse, classes: classes, montres: 0, numero: numero });
        });
      }).catch(function () {
        if (numero === numeroRequete) meta.textContent = textes.indisponible;
      });
    }

    function ouvrir() {
      if (!bascule.checked) { bascule.checked = true; }
      charger();
    }

    function fermer() {
      bascule.checked = false;
      champ.blur();
    }

    champ.addEventListener("focus", ouvrir);
    /* Une recherche par pause de la frappe, pas par touche : les recherches périmées ne
       s'accumulent pas dans le worker de Pagefind. */
    var minuterie = null;
    champ.addEventListener("input", function () {
      chercherLesMotsTermines();
      clearTimeout(minuterie);
      minuterie = setTimeout(lancer, 30);
    });
    boite.addEventListener("pointerover", charger, { once: true });
    boite.querySelector("form").addEventListener("submit", function (e) {
      e.preventDefault();
      var premier = liste.querySelector("a[href]");
      if (premier) location.href = premier.href;
    });
    boite.querySelector("button[type=reset]").addEventListener("click", function () {
      setTimeout(function () { champ.focus(); lancer(); }, 0);
    });
    bascule.addEventListener("change", function () {
      if (bascule.checked) { charger(); champ.focus(); }
    });

    /* Clavier : « / » ou « s » ouvrent la recherche ; flèches entre les résultats ; Échap ferme. */
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var actif = document.activeElement;
      var saisie = actif && (actif.isContentEditable || /^(input|textarea|select)$/i.test(actif.tagName));
      if (!bascule.checked || !boite.contains(actif)) {
        if (!saisie && (e.key === "/" || e.key === "s")) {
          e.preventDefault();
          ouvrir();
          champ.focus();
          champ.select();
        }
        return;
      }
      var liens = Array.prototype.slice.call(liste.querySelectorAll("a[href], .kb-recherche__suite button"));
      var i = liens.indexOf(actif);
      if (e.key === "Escape") {
        e.preventDefault();
        fermer();
      } else if (e.key === "ArrowDown" && liens.length) {
        e.preventDefault();
        liens[Math.min(i + 1, liens.length - 1)].focus();
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        if (i <= 0) champ.focus(); else liens[i - 1].focus();
      }
    });
  }

  var api = { plier: plier, jeton: jeton, Analyseur: Analyseur, classer: classer, surligner: surligner, seSuivent: seSuivent,
              FileDeRecherches: FileDeRecherches };
  if (typeof module !== "undefined" && module.exports) {   /* node : tests unitaires */
    module.exports = api;
    return;
  }
  var boite = document.querySelector(".kb-recherche");
  if (boite) demarrer(boite);
})();
