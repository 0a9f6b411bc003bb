/* Planificateur de rencontre (page « Planifier ma rencontre »).
   Sans étape de construction ; fonctionne en http:// et en file://. Demande manuel.js, chargé avant.
   - Données : l'élément JSON #manuel-planificateur-donnees, écrit par la construction depuis les fiches, les
     plans de rencontre et la liste du matériel (handbook/render/planner.py). Aucune donnée de fiche ici.
   - Plan : { nom, trame, debut "HH:MM", cible (min), etapes: [{ k, m, r|o|x }] } où k vaut
     t (étape r du plan de départ), o (fiche o), p (pause) ou l (bloc libre d'intitulé x) ; m : minutes.
   - Gardé dans localStorage (plan en cours et plans enregistrés par nom), partagé par l'adresse
     (#plan=1;nom;trame;HHMM;cible;t:0:5,o:world-cafe:45,p:10,l:15:Intitul%C3%A9).
   Sur toute autre page, le script ne fait rien. */
(function () {
  "use strict";

  var KEY = "manuel-planificateur";
  var NB = "\u00a0";
  var MAX = 480;

  function init() {
    var root = document.getElementById("manuel-planificateur");
    var source = document.getElementById("manuel-planificateur-donnees");
    if (!root || !source || root.dataset.pret) return;
    root.dataset.pret = "1";
    document.documentElement.classList.add("pl-page");
    var D = JSON.parse(source.textContent);
    var tools = {}, plans = {};
    D.outils.forEach(function (t) { tools[t.id] = t; });
    D.trames.forEach(function (t) { plans[t.id] = t; });

    /* ------------------------------------------------------------ outils de mise en forme */

    /* Heure (« 9 h 05 », « 12 h ») et durée (« 45 min », « 1 h », « 2 h 30 ») : celles du socle (manuel.js). */
    var clock = window.Manuel.clock, dur = window.Manuel.duration;
    function esc(s) {
      return String(s).replace(/[&<>\u0022]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
    }
    /* Typographie française : espace insécable avant : ; ! ? » et après «. */
    function fr(s) { return String(s).replace(/ ([:;!?»])/g, NB + "$1").replace(/« /g, "«" + NB); }
    /* Recherche sans accents ni majuscules ; l'apostrophe du clavier (') trouve l'apostrophe typographique (’). */
    function fold(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'").toLowerCase(); }
    function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
    function $(id) { return document.getElementById(id); }
    function startMinutes() {
      var p = /^(\d{1,2}):(\d{2})/.exec(plan.debut || "");
      return p ? Number(p[1]) * 60 + Number(p[2]) : 540;
    }

    /* ------------------------------------------------------------ état et stockage */

    var seq = 0;
    function blank() { return { nom: "", trame: "", debut: "09:30", cible: 150, etapes: [] }; }
    /* Garde les étapes valides et leur donne un identifiant d'affichage (u, jamais enregistré). */
    function clean(p) {
      var out = blank();
      if (!p || typeof p !== "object") return out;
      out.nom = String(p.nom || "").slice(0, 120);
      out.trame = plans[p.trame] ? p.trame : "";
      out.debut = /^\d{2}:\d{2}$/.test(p.debut) ? p.debut : out.debut;
      out.cible = Math.min(Math.max(Number(p.cible) || 150, 5), 1440);
      (p.etapes || []).forEach(function (e) {
        var m = Math.min(Math.max(Math.round(Number(e.m)) || 0, 1), MAX);
        var s = { k: e.k, m: m, u: ++seq };
        if (e.k === "t" && out.trame && plans[out.trame].etapes[e.r]) s.r = Number(e.r);
        else if (e.k === "o" && tools[e.o]) s.o = e.o;
        else if (e.k === "l") s.x = String(e.x || "").slice(0, 120);
        else if (e.k !== "p") return;
        out.etapes.push(s);
      });
      return out;
    }
    function bare(p) { return JSON.parse(JSON.stringify(p, function (k, v) { return k === "u" ? undefined : v; })); }
    function read() {
      try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
    }
    var store = read();
    store.enregistres = store.enregistres || {};
    var plan = clean(store.courant);
    function save() {
      store.courant = bare(plan);
      try { localStorage.setItem(KEY, JSON.stringify(store)); } catch (e) { /* stockage refusé : le plan vit le temps de la page */ }
    }

    /* Adresse de partage : compacte, lisible, sans serveur. */
    function encode(p) {
      return ["1", encodeURIComponent(p.nom), p.trame, p.debut.replace(":", ""), p.cible, p.etapes.map(function (e) {
        return e.k + ":" + (e.k === "t" ? e.r + ":" + e.m : e.k === "o" ? e.o + ":" + e.m
          : e.k === "l" ? e.m + ":" + encodeURIComponent(e.x || "") : e.m);
      }).join(",")].join(";");
    }
    function decode(text) {
      var f = text.split(";");
      if (f[0] !== "1" || f.length < 6) return null;
      try {
        return clean({ nom: decodeURIComponent(f[1]), trame: f[2], debut: f[3].slice(0, 2) + ":" + f[3].slice(2), cible: f[4],
          etapes: f[5] ? f[5].split(",").map(function (s) {
            var g = s.split(":");
            return g[0] === "t" ? { k: "t", r: g[1], m: g[2] } : g[0] === "o" ? { k: "o", o: g[1], m: g[2] }
              : g[0] === "l" ? { k: "l", m: g[1], x: decodeURIComponent(g[2] || "") } : { k: g[0], m: g[1] };
          }) : [] });
      } catch (e) { return null; }
    }
    function shareUrl() { return location.href.split("#")[0] + "#plan=" + encode(plan); }

    /* ------------------------------------------------------------ ce que dit chaque étape */

    function info(e) {
      if (e.k === "t") {
        var s = plans[plan.trame].etapes[e.r], tool = tools[s.outil] || null;
        var cut = s.texte.search(/\s:\s/), title = s.texte, text = "";
        if (cut > 0 && cut <= 70) { title = s.texte.slice(0, cut); text = cap(s.texte.slice(cut + 3)); }
        else if (tool) { title = tool.titre; text = s.texte; }
        return { titre: title.replace(/\.$/, ""), texte: text, modalite: s.modalite, outil: tool, config: s.configuration,
          production: s.production, materiel: s.materiel, prevu: s.minutes };
      }
      if (e.k === "o") {
        var t = tools[e.o];
        return { titre: t.titre, texte: t.description, modalite: "", outil: t, config: "", production: "", materiel: [] };
      }
      if (e.k === "p") return { titre: "Pause", texte: "", modalite: "Pause", outil: null, config: "", production: "", materiel: [] };
      return { titre: e.x || "Bloc libre", texte: "", modalite: "", outil: null, config: "", production: "", materiel: [], libre: true };
    }
    /* Avertissement quand les minutes sortent de la plage de la fiche. */
    function warning(e, i) {
      var t = i.outil;
      if (!t || (e.m >= t.duree.min && e.m <= t.duree.max)) return "";
      var range = "de " + t.duree.min + " à " + t.duree.max + NB + "min";
      if (e.k === "t" && e.m === i.prevu) return "Version courte voulue par le plan de départ : la fiche prévoit " + range + ".";
      return e.m < t.duree.min ? "Plus court que la fiche, qui prévoit " + range + " : prévoyez une version courte."
        : "Plus long que la fiche, qui prévoit " + range + ".";
    }

    /* ------------------------------------------------------------ les listes de la page */

    /* Un bouton de Material (attrs : data-* et nom accessible). */
    function btn(attrs, text) { return '<button type="button" class="md-button" ' + attrs + ">" + text + "</button>"; }
    /* Le squelette est écrit dans la page (rien ne bouge au chargement) ; les listes viennent des données. */
    $("pl-trame").innerHTML = D.trames.map(function (t) {
      return '<option value="' + t.id + '">' + esc(t.titre) + " (" + dur(t.duree) + ")</option>";
    }).join("");
    function options(id, map, all) {
      $(id).innerHTML = '<option value="">' + all + "</option>" + Object.keys(map).map(function (k) {
        return '<option value="' + k + '">' + esc(map[k]) + "</option>";
      }).join("");
    }
    options("pl-fin", D.finalites, "Toutes");
    options("pl-for", D.formats, "Tous");

    var list = $("pl-etapes");
    var live = $("pl-annonce");
    function say(message) {
      live.textContent = "";
      setTimeout(function () { live.textContent = fr(message); }, 50);
    }

    /* ------------------------------------------------------------ le déroulé */

    function renderSteps(focus) {
      list.innerHTML = fr(plan.etapes.map(function (e, n) {
        var i = info(e), t = i.outil, id = "pl-a" + e.u, name = esc(i.titre);
        var details = [];
        if (t) details.push('Fiche <a href="' + esc(t.url) + '">' + esc(t.titre) + "</a>");
        if (i.config) details.push(esc(i.config));
        if (i.production) details.push("Production : " + esc(i.production));
        return '<li class="pl-etape pl-k-' + e.k + '" data-u="' + e.u + '">' +
          '<span class="pl-poignee" aria-hidden="true" title="Glisser pour déplacer">⠿</span>' +
          '<p class="pl-quand"><span class="pl-heure"></span> <span class="pl-duree"></span></p>' +
          '<div class="pl-corps"><p class="pl-titre"><strong>' + name + "</strong>" +
          (i.modalite && i.modalite !== "Pause" ? ' <span class="pl-modalite">' + esc(i.modalite) + "</span>" : "") + "</p>" +
          (i.texte ? '<p class="pl-texte">' + esc(i.texte) + "</p>" : "") +
          (details.length ? '<p class="pl-infos">' + details.join(" · ") + "</p>" : "") +
          '<p class="pl-alerte" id="' + id + '" hidden></p></div>' +
          '<div class="pl-commandes">' +
          (i.libre ? '<label>Intitulé <input type="text" data-a="titre" maxlength="120" value="' + esc(e.x || "") +
            '" placeholder="Bloc libre" aria-label="Intitulé du bloc libre, étape ' + (n + 1) + '"></label>' : "") +
          '<label>Minutes <input type="number" data-a="min" min="1" max="' + MAX + '" value="' + e.m +
          '" aria-label="Minutes : ' + name + '" aria-describedby="' + id + '"></label>' +
          btn('data-a="haut" aria-label="Monter : ' + name + '"' + (n ? "" : ' aria-disabled="true"'), "Monter") +
          btn('data-a="bas" aria-label="Descendre : ' + name + '"' + (n < plan.etapes.length - 1 ? "" : ' aria-disabled="true"'), "Descendre") +
          btn('data-a="suppr" aria-label="Retirer : ' + name + '"', "Retirer") +
          "</div></li>";
      }).join(""));
      $("pl-vide").hidden = plan.etapes.length > 0;
      if (focus) {
        var target = list.querySelector('[data-u="' + focus.u + '"] [data-a="' + focus.a + '"]');
        if (target) target.focus();
      }
      update();
    }

    /* Horaires, avertissements, bilan, matériel, questions, lien, puis enregistrement. */
    function update() {
      var start = startMinutes(), at = start, total = 0;
      plan.etapes.forEach(function (e) {
        var li = list.querySelector('[data-u="' + e.u + '"]');
        var w = warning(e, info(e));
        li.querySelector(".pl-heure").textContent = clock(at);
        li.querySelector(".pl-duree").textContent = dur(e.m);
        var alert = li.querySelector(".pl-alerte");
        alert.textContent = w ? fr("⚠ " + w) : "";
        alert.hidden = !w;
        li.classList.toggle("pl-hors", !!w);
        at += e.m;
        total += e.m;
      });
      var gap = total - plan.cible;
      var bilan = $("pl-bilan");
      bilan.textContent = fr(plan.etapes.length ? "De " + clock(start) + " à " + clock(at) + " : " + dur(total) + " pour " +
        dur(plan.cible) + " visées, " + (gap === 0 ? "le compte est bon." : gap > 0 ? dur(gap) + " de trop." : dur(-gap) + " de marge.")
        : "Durée visée : " + dur(plan.cible) + ".");
      bilan.classList.toggle("pl-ecart", gap > 0);
      $("pl-imp-nom").textContent = plan.nom || "Ma rencontre";
      $("pl-imp-info").textContent = plan.trame ? fr("D'après le plan « " + plans[plan.trame].titre + " » du manuel.") : "";
      fill("pl-materiel", materials(), "Aucun matériel indiqué pour ces étapes.");
      fill("pl-questions", questions().map(function (q) {
        return '<a href="' + esc(q.url) + '">' + esc(q.titre) + "</a> : " + esc(q.question);
      }), "Aucune fiche dans le déroulé.", true);
      $("pl-lien").value = shareUrl();
      save();
    }
    function fill(id, items, none, html) {
      $(id).innerHTML = fr(items.length ? items.map(function (s) { return "<li>" + (html ? s : esc(s)) + "</li>"; }).join("")
        : '<li class="pl-aide">' + none + "</li>");
    }
    /* Matériel des étapes des plans (par identifiant), puis celui des fiches ajoutées (texte des fiches). */
    function materials() {
      var ids = {}, order = [], seen = {};
      plan.etapes.forEach(function (e) {
        var i = info(e);
        i.materiel.forEach(function (use) {
          if (!ids[use.id]) { ids[use.id] = []; order.push(use.id); }
          if (ids[use.id].indexOf(use.par) < 0) ids[use.id].push(use.par);
        });
        if (e.k === "o") i.outil.materiel.forEach(function (text) {
          if (!seen[fold(text)]) { seen[fold(text)] = 1; order.push([text + " (" + i.outil.titre + ")"]); }
        });
      });
      return order.map(function (key) {
        if (typeof key !== "string") return key[0];
        var m = D.materiel[key];
        return (m ? m.nom : key) + " (" + ids[key].join(", ") + ")";
      });
    }
    function questions() {
      var seen = {}, out = [];
      plan.etapes.forEach(function (e) {
        var t = info(e).outil;
        if (t && t.question && !seen[t.id]) { seen[t.id] = 1; out.push(t); }
      });
      return out;
    }
    function asText() {
      var at = startMinutes(), total = 0, lines = [plan.nom || "Ma rencontre", ""];
      plan.etapes.forEach(function (e) {
        var i = info(e);
        lines.push(clock(at) + " (" + dur(e.m) + ") " + i.titre + (i.outil && i.outil.titre !== i.titre ? ", fiche « " + i.outil.titre + " »" : ""));
        at += e.m;
        total += e.m;
      });
      lines.push(clock(at) + " Fin de la rencontre (durée : " + dur(total) + ")");
      var mat = materials(), q = questions();
      if (mat.length) lines.push("", "Matériel :", mat.map(function (s) { return "- " + s; }).join("\n"));
      if (q.length) lines.push("", "Questions d’invitation :", q.map(function (t) { return "- " + t.titre + " : " + t.question; }).join("\n"));
      return fr(lines.join("\n"));
    }

    /* ------------------------------------------------------------ actions sur les étapes */

    function indexOf(u) {
      for (var n = 0; n < plan.etapes.length; n++) if (plan.etapes[n].u === u) return n;
      return -1;
    }
    function move(from, to, focus) {
      if (to < 0 || to >= plan.etapes.length || to === from) return;
      var e = plan.etapes.splice(from, 1)[0];
      plan.etapes.splice(to, 0, e);
      renderSteps(focus);
      say(info(e).titre + " : étape " + (to + 1) + " sur " + plan.etapes.length + ", à " +
        list.querySelector('[data-u="' + e.u + '"] .pl-heure').textContent + ".");
    }
    function add(step, what, focusTitle) {
      step.u = ++seq;
      plan.etapes.push(step);
      renderSteps(focusTitle ? { u: step.u, a: "titre" } : null);
      say("Étape ajoutée en fin de déroulé : " + what + ", à " + list.lastChild.querySelector(".pl-heure").textContent +
        ". " + $("pl-bilan").textContent);
    }
    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-a]");
      if (!button || button.getAttribute("aria-disabled") === "true") return;
      var u = Number(button.closest("li").dataset.u), n = indexOf(u), a = button.dataset.a;
      if (a === "haut") move(n, n - 1, { u: u, a: a });
      else if (a === "bas") move(n, n + 1, { u: u, a: a });
      else if (a === "suppr") {
        var title = info(plan.etapes[n]).titre;
        plan.etapes.splice(n, 1);
        var next = plan.etapes[Math.min(n, plan.etapes.length - 1)];
        renderSteps(next ? { u: next.u, a: "suppr" } : null);
        if (!next) $("pl-pause").focus();
        say("Étape retirée : " + title + ". " + $("pl-bilan").textContent);
      }
    });
    list.addEventListener("input", function (event) {
      var input = event.target, e = plan.etapes[indexOf(Number(input.closest("li").dataset.u))];
      if (input.dataset.a === "min") {
        var m = Math.round(Number(input.value));
        if (m >= 1 && m <= MAX) { e.m = m; update(); }
      } else if (input.dataset.a === "titre") {
        e.x = input.value;
        input.closest("li").querySelector(".pl-titre strong").textContent = e.x || "Bloc libre";
        update();
      }
    });
    list.addEventListener("change", function (event) {
      if (event.target.dataset.a !== "min") return;
      var e = plan.etapes[indexOf(Number(event.target.closest("li").dataset.u))];
      event.target.value = e.m;
      say(info(e).titre + " : " + dur(e.m) + ". " + $("pl-bilan").textContent);
    });

    /* Glisser-déposer au pointeur (souris, doigt, stylet) par la poignée ; le clavier passe par les boutons. */
    var drag = null;
    list.addEventListener("pointerdown", function (event) {
      var handle = event.target.closest(".pl-poignee");
      if (!handle || event.button !== 0) return;
      event.preventDefault();
      drag = { li: handle.closest("li"), to: -1 };
      drag.li.classList.add("pl-glisse");
      handle.setPointerCapture(event.pointerId);
    });
    list.addEventListener("pointermove", function (event) {
      if (!drag) return;
      var over = document.elementFromPoint(event.clientX, event.clientY);
      var li = over && over.closest(".pl-etape");
      list.querySelectorAll(".pl-avant, .pl-apres").forEach(function (n) { n.classList.remove("pl-avant", "pl-apres"); });
      if (!li || li.parentNode !== list) return;
      var box = li.getBoundingClientRect(), after = event.clientY > box.top + box.height / 2;
      li.classList.add(after ? "pl-apres" : "pl-avant");
      var from = indexOf(Number(drag.li.dataset.u)), to = indexOf(Number(li.dataset.u)) + (after ? 1 : 0);
      drag.to = to > from ? to - 1 : to;
    });
    function drop() {
      if (!drag) return;
      var d = drag;
      drag = null;
      d.li.classList.remove("pl-glisse");
      if (d.to >= 0) move(indexOf(Number(d.li.dataset.u)), d.to, null);
      else renderSteps(null);
    }
    list.addEventListener("pointerup", drop);
    list.addEventListener("pointercancel", function () { if (drag) drag.to = -1; drop(); });

    $("pl-pause").addEventListener("click", function () { add({ k: "p", m: 10 }, "pause de 10" + NB + "min"); });
    $("pl-libre").addEventListener("click", function () { add({ k: "l", m: 15, x: "" }, "bloc libre de 15" + NB + "min", true); });

    /* ------------------------------------------------------------ la boîte à outils */

    var results = $("pl-fiches");
    function renderTools() {
      var q = fold($("pl-q").value.trim()), fin = $("pl-fin").value, fmt = $("pl-for").value;
      var shown = D.outils.filter(function (t) {
        return (!fin || t.finalites.indexOf(fin) >= 0) && (!fmt || t.formats.indexOf(fmt) >= 0) &&
          (!q || fold(t.titre + " " + t.description).indexOf(q) >= 0);
      });
      results.innerHTML = fr(shown.map(function (t) {
        return '<li><div><a href="' + esc(t.url) + '">' + esc(t.titre) + '</a> <span class="pl-plage">' + t.duree.min + " à " +
          t.duree.max + NB + "min</span><p>" + esc(t.description) + "</p></div>" +
          btn('data-o="' + t.id + '" aria-label="Ajouter au déroulé : ' + esc(t.titre) + '"', "Ajouter") + "</li>";
      }).join(""));
      $("pl-compte").textContent = shown.length + (shown.length > 1 ? " fiches" : " fiche") + " sur " + D.outils.length;
    }
    ["pl-q", "pl-fin", "pl-for"].forEach(function (id) { $(id).addEventListener("input", renderTools); });
    results.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-o]");
      if (!button) return;
      var t = tools[button.dataset.o];
      add({ k: "o", o: t.id, m: t.duree.min }, t.titre + " (" + dur(t.duree.min) + ")");
    });

    /* ------------------------------------------------------------ la rencontre : départ, réglages, enregistrement */

    function show(p, message) {
      plan = p;
      $("pl-nom").value = plan.nom;
      $("pl-debut").value = plan.debut;
      $("pl-cible").value = plan.cible;
      if (plan.trame) $("pl-trame").value = plan.trame;
      renderSteps(null);
      if (message) say(message + " " + $("pl-bilan").textContent);
    }
    /* Avant de remplacer le plan en cours, le garder parmi les plans enregistrés s'il a des étapes. */
    function keep() {
      if (!plan.etapes.length) return "";
      var name = plan.nom || "Ma rencontre";
      store.enregistres[name] = bare(plan);
      renderSaved();
      return " Le plan précédent est gardé dans vos rencontres enregistrées sous le nom « " + name + " ».";
    }
    function renderSaved(selected) {
      selected = selected || $("pl-liste").value;
      var names = Object.keys(store.enregistres).sort(function (a, b) { return a.localeCompare(b, "fr"); });
      $("pl-liste").innerHTML = names.length ? names.map(function (n) {
        return "<option" + (n === selected ? " selected" : "") + ">" + esc(n) + "</option>";
      }).join("") : "<option value=\"\">Aucune pour l’instant</option>";
    }
    /* Un plan prêt à l'emploi devient le plan en cours (le précédent est gardé s'il avait des étapes). */
    function loadTemplate(id) {
      var t = plans[id], kept = keep();
      $("pl-trame").value = id;
      show(clean({ nom: t.titre, trame: t.id, debut: plan.debut, cible: t.duree, etapes: t.etapes.map(function (s, r) {
        return { k: "t", r: r, m: s.minutes };
      }) }), "Plan « " + t.titre + " » chargé : " + t.etapes.length + " étapes." + kept);
    }
    $("pl-charger").addEventListener("click", function () { loadTemplate($("pl-trame").value); });
    $("pl-rien").addEventListener("click", function () {
      var kept = keep();
      show(clean({ debut: plan.debut, cible: plan.cible }), "Nouveau plan vide." + kept);
    });
    $("pl-nom").addEventListener("input", function () { plan.nom = this.value; update(); });
    $("pl-debut").addEventListener("input", function () {
      if (/^\d{2}:\d{2}$/.test(this.value)) { plan.debut = this.value; update(); }
    });
    $("pl-debut").addEventListener("change", function () { say("Début à " + clock(startMinutes()) + ". " + $("pl-bilan").textContent); });
    $("pl-cible").addEventListener("input", function () {
      var m = Number(this.value);
      if (m >= 5 && m <= 1440) { plan.cible = Math.round(m); update(); }
    });
    $("pl-enregistrer").addEventListener("click", function () {
      var name = plan.nom.trim() || "Ma rencontre";
      plan.nom = name;
      $("pl-nom").value = name;
      store.enregistres[name] = bare(plan);
      renderSaved(name);
      update();
      say("Rencontre « " + name + " » enregistrée dans ce navigateur.");
    });
    $("pl-ouvrir").addEventListener("click", function () {
      var name = $("pl-liste").value;
      if (!store.enregistres[name]) return say("Aucune rencontre enregistrée à ouvrir.");
      var chosen = store.enregistres[name], kept = name === (plan.nom || "Ma rencontre") ? "" : keep();
      renderSaved(name);
      show(clean(chosen), "Rencontre « " + name + " » ouverte." + kept);
    });
    $("pl-supprimer").addEventListener("click", function () {
      var name = $("pl-liste").value;
      if (!store.enregistres[name]) return say("Aucune rencontre enregistrée à supprimer.");
      delete store.enregistres[name];
      renderSaved();
      save();
      say("Rencontre « " + name + " » supprimée de ce navigateur.");
    });

    /* ------------------------------------------------------------ partager, copier, imprimer */

    function copy(text, what) {
      var box = $("pl-secours"), area = $("pl-texte");
      function fallback() {
        area.value = text;
        box.hidden = false;
        area.focus();
        area.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        say(ok ? what + " copié. Il est aussi affiché ci-dessous." : "Copie automatique impossible : le texte est sélectionné, copiez-le avec Ctrl+C.");
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          area.value = text;
          say(what + " copié : collez-le dans votre message.");
        }, fallback);
      } else fallback();
    }
    $("pl-copier").addEventListener("click", function () { copy(asText(), "Texte du plan"); });
    $("pl-copier-lien").addEventListener("click", function () { copy(shareUrl(), "Lien de partage"); });
    $("pl-imprimer").addEventListener("click", function () { window.print(); });

    /* ------------------------------------------------------------ démarrage */

    var opened = "";
    var hash = /^#plan=(.+)$/.exec(location.hash);
    /* « Adapter ce plan dans le planificateur », depuis la page d'un plan de rencontre : #trame=visio-trimestrielle */
    var template = /^#trame=([\w-]+)$/.exec(location.hash);
    if (template && plans[template[1]]) {
      renderSaved();
      renderTools();
      loadTemplate(template[1]);
      history.replaceState(null, "", location.href.split("#")[0]);
      return;
    }
    if (hash) {
      var shared = decode(hash[1]);
      if (shared) {
        opened = "Plan ouvert depuis le lien de partage." + keep();
        plan = shared;
      }
      history.replaceState(null, "", location.href.split("#")[0]);
    }
    renderSaved();
    renderTools();
    show(plan, opened);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
