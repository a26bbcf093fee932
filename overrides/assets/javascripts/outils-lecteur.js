/* Outils du lecteur, sans code tiers :
   - « copier la référence » d'un paragraphe (ou de la page, bouton du titre) : nom du site, titre
     de la page, section, article sous sa forme officielle, date de vérification, adresse complète
     avec l'ancre. Si le navigateur refuse l'API Clipboard, la référence s'affiche sélectionnée dans
     une boîte de dialogue, avec la marche à suivre ;
   - le paragraphe visé par l'adresse (#ancre) est mis en évidence (CSS :target), déplié s'il est
     dans un encadré replié, affiché s'il est dans un onglet caché ;
   - à l'impression : date et heure d'impression, encadrés dépliés, adresse des liens vers d'autres
     sites écrite après leur texte, celle des liens vers les pages du site appelée par un numéro et
     listée en fin de page (overrides/assets/stylesheets/impression.css).
   Données : le bloc .kb-reference (overrides/partials/kb-reference.html) et les ancres posées au
   build (hooks/paragraphes.py, attribut data-kb-ancre). */
(function () {
  "use strict";

  var bloc = document.querySelector("[data-kb-reference]");
  var contenu = document.querySelector(".kb-contenu");
  if (!bloc || !contenu) {
    return;
  }
  var textes = bloc.dataset;

  /* Espaces ordinaires réduites ; les insécables de la typographie française restent. */
  function net(texte) {
    return texte.replace(/[ \t\r\n]+/g, " ").trim();
  }

  function valeur(nom) {
    var element = bloc.querySelector('[data-kb-ref="' + nom + '"]');
    return element ? net(element.textContent) : "";
  }

  function remplir(modele, valeurs) {
    return modele.replace(/\{(\w+)\}/g, function (tout, cle) {
      return Object.prototype.hasOwnProperty.call(valeurs, cle) ? valeurs[cle] : tout;
    });
  }

  function texteDuTitre(titre) {
    var copie = titre.cloneNode(true);
    copie.querySelectorAll(".headerlink, .kb-copier").forEach(function (e) { e.remove(); });
    return net(copie.textContent);
  }

  /* Le titre de section (h2 à h6) qui précède l'élément dans la page. */
  function sectionDe(element) {
    var titres = contenu.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]");
    var trouve = null;
    for (var i = 0; i < titres.length; i++) {
      if (titres[i].compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) {
        trouve = titres[i];
      } else {
        break;
      }
    }
    return trouve ? texteDuTitre(trouve) : "";
  }

  /* La référence prête à coller ; `element` absent : la page entière. */
  function reference(element) {
    var section = element ? sectionDe(element) : "";
    var article = valeur("article");
    var date = valeur("verifie");
    return remplir(textes.modele, {
      site: valeur("site"),
      titre: valeur("titre"),
      article: article ? remplir(textes.modeleArticle, { article: article }) : "",
      section: section ? remplir(textes.modeleSection, { section: section }) : "",
      verifie: date ? remplir(textes.modeleVerifie, { date: date }) : "",
      url: valeur("url") + (element && element.id ? "#" + element.id : "")
    });
  }

  /* ---------------------------------------------------------------- Annonces et repli */

  var annonce = null;
  var minuterie = null;

  function annoncer(message) {
    if (!annonce) {
      annonce = document.createElement("div");
      annonce.className = "kb-annonce";
      annonce.setAttribute("role", "status");
      document.body.appendChild(annonce);
    }
    annonce.textContent = message;
    annonce.classList.add("kb-annonce--visible");
    clearTimeout(minuterie);
    minuterie = setTimeout(function () {
      annonce.classList.remove("kb-annonce--visible");
    }, 4000);
  }

  var dialogue = null;

  function repli(texte, bouton) {
    if (!dialogue) {
      dialogue = document.createElement("dialog");
      dialogue.className = "kb-repli";
      dialogue.setAttribute("aria-labelledby", "kb-repli-titre");
      var titre = document.createElement("h2");
      titre.id = "kb-repli-titre";
      titre.textContent = textes.repliTitre;
      var message = document.createElement("p");
      message.id = "kb-repli-message";
      message.textContent = textes.repli;
      var zone = document.createElement("textarea");
      zone.readOnly = true;
      zone.rows = 4;
      zone.setAttribute("aria-labelledby", "kb-repli-titre");
      zone.setAttribute("aria-describedby", "kb-repli-message");
      var fermer = document.createElement("button");
      fermer.type = "button";
      fermer.className = "md-button";
      fermer.textContent = textes.fermer;
      fermer.addEventListener("click", function () { dialogue.close(); });
      dialogue.append(titre, message, zone, fermer);
      document.body.appendChild(dialogue);
    }
    var champ = dialogue.querySelector("textarea");
    champ.value = texte;
    dialogue.onclose = function () { if (bouton) { bouton.focus(); } };
    if (typeof dialogue.showModal === "function") {
      dialogue.showModal();
    } else {
      dialogue.setAttribute("open", "");
    }
    champ.focus();
    champ.select();
  }

  function copier(texte, bouton) {
    var presse = navigator.clipboard;
    if (!presse || typeof presse.writeText !== "function") {
      repli(texte, bouton);
      return;
    }
    presse.writeText(texte).then(function () {
      bouton.classList.add("kb-copier--fait");
      setTimeout(function () { bouton.classList.remove("kb-copier--fait"); }, 2000);
      annoncer(textes.copiee);
    }, function () {
      repli(texte, bouton);
    });
  }

  /* ---------------------------------------------------------------- Boutons */

  function nouveauBouton(libelle, element) {
    var bouton = document.createElement("button");
    bouton.type = "button";
    bouton.className = "kb-copier";
    bouton.setAttribute("aria-label", libelle);
    bouton.title = libelle;
    bouton.addEventListener("click", function () { copier(reference(element), bouton); });
    return bouton;
  }

  /* Le bouton se place à la fin du texte propre de l'élément : dernière cellule d'une ligne de
     tableau, premier paragraphe d'un élément de liste, avant une liste imbriquée. */
  function placer(element, bouton) {
    if (element.tagName === "TR") {
      element.cells[element.cells.length - 1].appendChild(bouton);
      return;
    }
    if (element.tagName === "LI") {
      var premier = element.firstElementChild;
      if (premier && premier.tagName === "P") {
        premier.appendChild(bouton);
        return;
      }
      var suite = element.querySelector(":scope > ul, :scope > ol, :scope > div, :scope > table, :scope > details");
      if (suite) {
        element.insertBefore(bouton, suite);
        return;
      }
    }
    element.appendChild(bouton);
  }

  contenu.querySelectorAll("[data-kb-ancre]").forEach(function (element) {
    placer(element, nouveauBouton(textes.copierParagraphe, element));
  });
  var titrePage = contenu.querySelector("h1");
  if (titrePage) {
    titrePage.appendChild(nouveauBouton(textes.copierPage, null));
  }

  /* ---------------------------------------------------------------- Paragraphe visé */

  function montrer(element) {
    for (var parent = element.parentElement; parent && parent !== contenu; parent = parent.parentElement) {
      if (parent.tagName === "DETAILS" && !parent.open) {
        parent.open = true;
      }
      if (parent.classList.contains("tabbed-block")) {
        var blocs = Array.prototype.slice.call(parent.parentElement.children);
        var ensemble = parent.closest(".tabbed-set");
        var choix = ensemble ? ensemble.querySelectorAll(":scope > input") : [];
        var rang = blocs.indexOf(parent);
        if (choix[rang] && !choix[rang].checked) {
          choix[rang].checked = true;
        }
      }
    }
  }

  function viser() {
    var ancre = decodeURIComponent(location.hash.slice(1));
    var element = ancre ? document.getElementById(ancre) : null;
    if (!element || !element.hasAttribute("data-kb-ancre")) {
      return;
    }
    montrer(element);
    element.scrollIntoView({ block: "start" });
  }
  viser();
  window.addEventListener("hashchange", viser);

  /* ---------------------------------------------------------------- Impression */

  var ouverts = [];
  var racine = document.documentElement;

  function dateImprimee(date) {
    var langue = racine.lang || "fr";
    var texte = new Intl.DateTimeFormat(langue, { dateStyle: "long", timeStyle: "short" }).format(date);
    /* En français, le premier du mois s'écrit « 1er ». */
    return langue.indexOf("fr") === 0 ? texte.replace(/^1 /, "1er ") : texte;
  }

  function avantImpression() {
    /* Chromium prévient deux fois (aperçu, puis impression) : on repart de la page de l'écran. */
    if (racine.classList.contains("kb-impression")) {
      apresImpression();
    }
    var maintenant = new Date();
    var imprime = bloc.querySelector('[data-kb-ref="imprime"]');
    if (imprime) {
      imprime.textContent = dateImprimee(maintenant);
    }
    document.querySelectorAll(".md-content details:not([open])").forEach(function (d) {
      d.open = true;
      ouverts.push(d);
    });
    /* Les adresses des liens, sur papier : celle d'un autre site (Légifrance…) suit le texte du
       lien ; celle d'une page du site (citation d'article, « Détail ») est appelée par un numéro
       [n] et écrite dans la liste « Adresses des liens », en fin de page (une fois par adresse). */
    var base = valeur("url") || location.href;
    var site = new URL(".", new URL(bloc.dataset.racine || base, base)).href;
    var numeros = {};
    var liste = document.createElement("ol");
    document.querySelectorAll(".kb-contenu a[href], .kb-sources a[href]").forEach(function (lien) {
      var href = lien.getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^(mailto|tel|javascript):/i.test(href) ||
          lien.classList.contains("kb-terme") || lien.classList.contains("headerlink")) {
        return;
      }
      var adresse;
      try {
        adresse = new URL(href, base).href;
      } catch (e) {
        return;
      }
      if (lien.textContent.trim() === adresse) {
        return;
      }
      if (adresse.indexOf(site) !== 0) {
        lien.setAttribute("data-kb-adresse", adresse);
        return;
      }
      if (!numeros[adresse]) {
        numeros[adresse] = String(liste.children.length + 1);
        var element = document.createElement("li");
        element.textContent = adresse;
        liste.appendChild(element);
      }
      lien.setAttribute("data-kb-note", numeros[adresse]);
    });
    if (liste.children.length) {
      var section = document.createElement("section");
      section.className = "kb-liens-imprimes";
      var titre = document.createElement("h2");
      titre.textContent = textes.liensImprimes;
      section.append(titre, liste);
      contenu.appendChild(section);
    }
    racine.classList.add("kb-impression");
  }

  function apresImpression() {
    ouverts.forEach(function (d) { d.open = false; });
    ouverts = [];
    document.querySelectorAll(".kb-liens-imprimes").forEach(function (e) { e.remove(); });
    document.querySelectorAll("[data-kb-note], [data-kb-adresse]").forEach(function (lien) {
      lien.removeAttribute("data-kb-note");
      lien.removeAttribute("data-kb-adresse");
    });
    racine.classList.remove("kb-impression");
  }

  window.addEventListener("beforeprint", avantImpression);
  window.addEventListener("afterprint", apresImpression);
})();
