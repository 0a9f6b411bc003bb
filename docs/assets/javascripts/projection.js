/* Projeter une page en salle : une section par écran, vue de la personne qui présente, déroulé du jour.
   Sans dépendance ; fonctionne en http:// et en file://.
   - Mode salle : bouton « Projeter » ou Maj+P sur les séquences et les fiches outils. Une page qui a des blocs
     « !!! diapo » (séquences, édition formation) projette ces diapositives, dont les notes vont à la vue
     présentatrice ; les autres projettent une section (##) par écran. Flèches, Page
     précédente/suivante, Espace, Début/Fin ; Échap ramène à la même section de la page. L'adresse garde
     la diapositive (#projection=3).
   - Vue présentatrice : fenêtre à part (#presentation=3), synchronisée par BroadcastChannel et, à défaut
     (file://), par postMessage entre les deux fenêtres.
   - Déroulé du jour : sur les pages Jour 1 et Jour 2, la séquence prévue à l'heure choisie et l'avance ou
     le retard pris. */
(function () {
  "use strict";

  var HIDDEN_IN_ROOM = ".admonition.animation, details.animation, details.correction, .admonition.correction, " +
    ".manuel-telechargements, .headerlink, .md-tags, .manuel-projection, .manuel-diapo-bloc";
  var CHANNEL = "manuel-projection";

  function clock(value) { var p = value.split(":"); return parseInt(p[0], 10) + "\u00a0h" + (p[1] === "00" ? "" : "\u00a0" + p[1]); }
  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function text(node) { return (node.textContent || "").replace(/\s+/g, " ").trim(); }
  function minutesLabel(total) {
    var sign = total < 0 ? "-" : "";
    total = Math.abs(Math.round(total));
    var h = Math.floor(total / 60), m = total % 60;
    return sign + (h ? h + "\u00a0h\u00a0" + (m < 10 ? "0" : "") + m : m + "\u00a0min");
  }

  /* ---------------------------------------------------------------- slides */

  /* Slide blocks (« !!! diapo », rendered as div.manuel-diapo-bloc): one slide each. Leaving room mode returns to
     the section the block sits in (the last heading before it). */
  function blockSlides(article) {
    var slides = [], anchor = null;
    $all("h1[id], h2[id], h3[id], .manuel-diapo-bloc", article).forEach(function (node) {
      if (!node.classList.contains("manuel-diapo-bloc")) { anchor = node.id; return; }
      var name = $(".manuel-diapo-bloc__nom", node);
      slides.push({ title: name ? text(name) : "", nodes: [node], anchor: anchor, block: node });
    });
    return slides;
  }

  function buildSlides(article) {
    if ($(".manuel-diapo-bloc", article)) return blockSlides(article);
    var slides = [];
    var current = { title: "", nodes: [], anchor: null };
    $all(":scope > *", article).forEach(function (node) {
      if (node.matches(".manuel-projection, .manuel-projeter-barre, .md-source-file, nav.md-tags")) return;
      var isHeading = node.tagName === "H2";
      var isBreak = node.tagName === "HR";
      if ((isHeading || isBreak) && (current.nodes.length || current.title)) {
        slides.push(current);
        current = { title: "", nodes: [], anchor: null };
      }
      if (isBreak) return;
      if (node.tagName === "H1" || isHeading) {
        current.title = text(node).replace(/#$/, "");
        current.anchor = node.id || null;
      }
      current.nodes.push(node);
    });
    if (current.nodes.length) slides.push(current);
    return slides;
  }

  /* A slide block on screen: its title as a heading, its content without the notes. Ids get a suffix (figures keep
     their accessible name: aria-labelledby follows). */
  function blockContent(slide, suffix) {
    var box = document.createElement("div");
    box.className = "manuel-diapo md-typeset manuel-diapo--bloc" +
      (slide.block.classList.contains("manuel-diapo-titre") ? " manuel-diapo--titre" : "");
    var heading = document.createElement("h2");
    heading.textContent = slide.title;
    box.appendChild(heading);
    $all(":scope > *", slide.block).forEach(function (node) {
      if (node.matches(".manuel-diapo-bloc__titre, .manuel-diapo-bloc__notes")) return;
      box.appendChild(node.cloneNode(true));
    });
    $all("[id]", box).forEach(function (n) { n.id = n.id + suffix; });
    $all("[aria-labelledby], [aria-describedby]", box).forEach(function (n) {
      ["aria-labelledby", "aria-describedby"].forEach(function (name) {
        var value = n.getAttribute(name);
        if (value) n.setAttribute(name, value.split(/\s+/).map(function (v) { return v + suffix; }).join(" "));
      });
    });
    return box;
  }

  function slideContent(slide, suffix) {
    if (slide.block) return blockContent(slide, suffix || "-salle");
    var box = document.createElement("div");
    box.className = "manuel-diapo md-typeset";
    slide.nodes.forEach(function (node) {
      var copy = node.cloneNode(true);
      if (copy.matches && copy.matches(HIDDEN_IN_ROOM)) return;
      $all(HIDDEN_IN_ROOM, copy).forEach(function (n) { n.remove(); });
      $all("[id]", copy).forEach(function (n) { n.removeAttribute("id"); });
      if (copy.removeAttribute) copy.removeAttribute("id");
      box.appendChild(copy);
    });
    return box;
  }

  function readHash(key) {
    var match = new RegExp("(?:^#|&)" + key + "=(\\d+)").exec(location.hash);
    return match ? Math.max(1, parseInt(match[1], 10)) : null;
  }

  function setHash(key, value) {
    var url = location.href.split("#")[0] + (value ? "#" + key + "=" + value : "");
    history.replaceState(null, "", url);
  }

  function channel(onMessage) {
    var bc = null;
    try { bc = new BroadcastChannel(CHANNEL); bc.onmessage = function (e) { onMessage(e.data); }; } catch (e) { bc = null; }
    window.addEventListener("message", function (e) {
      if (e.data && e.data.manuel === CHANNEL) onMessage(e.data);
    });
    return function send(message) {
      message.manuel = CHANNEL;
      message.page = location.pathname;
      if (bc) { try { bc.postMessage(message); } catch (e) { /* closed */ } }
      [window.opener, window.__presenter].forEach(function (target) {
        if (target && !target.closed) { try { target.postMessage(message, "*"); } catch (e) { /* cross-window */ } }
      });
    };
  }

  function initRoom(article, marker) {
    var slides = buildSlides(article);
    if (!slides.length) return;
    var title = text($("h1", article)).replace(/#$/, "");
    var steps = [];
    try { steps = JSON.parse(marker.dataset.etapes || "[]"); } catch (e) { steps = []; }
    var overlay = null, index = 0, returnFocus = null, live = null;
    var send = channel(function (message) {
      if (message.page !== location.pathname) return;
      if (message.type === "goto" && overlay) show(message.slide, false);
      if (message.type === "hello" && overlay) send({ type: "state", slide: index });
    });

    /* The buttons are in the page (rendered at build time, hidden without JavaScript). */
    var button = $('.manuel-projeter-barre [data-action="projeter"]', article);
    /* The presenter view exists in the trainer edition only; the participant edition keeps « Projeter » on sheets. */
    var presenter = $('.manuel-projeter-barre [data-action="presentatrice"]', article);
    if (!button) return;

    function render() {
      var slide = slides[index];
      var stage = $(".manuel-salle__scene", overlay);
      stage.innerHTML = "";
      stage.appendChild(slideContent(slide));
      $(".manuel-salle__progression", overlay).textContent = (index + 1) + " / " + slides.length;
      $(".manuel-salle__barre", overlay).style.width = ((index + 1) / slides.length * 100) + "%";
      live.textContent = "Diapositive " + (index + 1) + " sur " + slides.length + "\u00a0: " + (slide.title || title);
      stage.scrollTop = 0;
    }

    function show(n, broadcast) {
      index = Math.min(slides.length - 1, Math.max(0, n));
      render();
      setHash("projection", index + 1);
      if (broadcast !== false) send({ type: "state", slide: index });
    }

    function open(n) {
      if (overlay) return show(n);
      returnFocus = document.activeElement;
      overlay = document.createElement("div");
      overlay.className = "manuel-salle";
      overlay.setAttribute("role", "dialog");
      overlay.setAttribute("aria-modal", "true");
      overlay.setAttribute("aria-label", "Projection\u00a0: " + title);
      overlay.tabIndex = -1;
      overlay.innerHTML =
        '<div class="manuel-salle__scene"></div>' +
        '<div class="manuel-salle__pied"><span class="manuel-salle__titre"></span>' +
        '<span class="manuel-salle__progression"></span>' +
        '<button type="button" class="manuel-salle__quitter">Quitter (Échap)</button></div>' +
        '<div class="manuel-salle__jauge" aria-hidden="true"><div class="manuel-salle__barre"></div></div>' +
        '<p class="manuel-salle__annonce" aria-live="polite" role="status"></p>';
      $(".manuel-salle__titre", overlay).textContent = title;
      live = $(".manuel-salle__annonce", overlay);
      $(".manuel-salle__quitter", overlay).addEventListener("click", close);
      document.body.appendChild(overlay);
      document.documentElement.classList.add("manuel-en-salle");
      show(n);
      overlay.focus();
    }

    function close() {
      if (!overlay) return;
      var slide = slides[index];
      overlay.remove();
      overlay = null;
      document.documentElement.classList.remove("manuel-en-salle");
      setHash("projection", null);
      var target = (slide.anchor && document.getElementById(slide.anchor)) || $("h1", article);
      if (target) {
        target.scrollIntoView({ block: "start" });
        target.tabIndex = -1;
        target.focus({ preventScroll: true });
      } else if (returnFocus) {
        returnFocus.focus();
      }
    }

    button.addEventListener("click", function () {
      var start = 0;  /* the section being read: the last heading scrolled to the top of the window */
      slides.forEach(function (s, i) {
        var node = s.anchor && document.getElementById(s.anchor);
        var first = i === 0 || slides[i - 1].anchor !== s.anchor;  /* slide blocks: several may share a section */
        if (node && first && node.getBoundingClientRect().top <= 120) start = i;
      });
      open(start);
    });
    if (presenter) presenter.addEventListener("click", function () {
      var url = location.href.split("#")[0] + "#presentation=" + (index + 1);
      window.__presenter = window.open(url, "manuel-presentation", "width=1100,height=760");
      if (!overlay) open(index);
    });

    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      var field = event.target && event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
      if (!overlay) {
        if (!field && event.key === "P" && event.shiftKey) { event.preventDefault(); open(0); }
        return;
      }
      var keys = {
        ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": event.shiftKey ? -1 : 1, Enter: 1,
        ArrowLeft: -1, ArrowUp: -1, PageUp: -1, Backspace: -1
      };
      if (event.key in keys) { event.preventDefault(); event.stopPropagation(); show(index + keys[event.key]); }
      else if (event.key === "Home") { event.preventDefault(); show(0); }
      else if (event.key === "End") { event.preventDefault(); show(slides.length - 1); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    }, true);

    var start = readHash("projection");
    if (start) open(start - 1);
    var presenting = readHash("presentation");
    if (presenting) initPresenter(slides, steps, title, presenting - 1, send, channel);
  }

  /* ------------------------------------------------------- presenter view */

  function initPresenter(slides, steps, title, start, sendFromRoom) {
    var index = start;
    var started = Date.now();
    document.documentElement.classList.add("manuel-presentatrice");
    var view = document.createElement("div");
    view.className = "manuel-presentation";
    view.setAttribute("role", "region");
    view.setAttribute("aria-label", "Vue présentatrice\u00a0: " + title);
    view.innerHTML =
      '<header><h1 class="manuel-presentation__titre"></h1><p class="manuel-presentation__progression" role="status" aria-live="polite"></p>' +
      '<p class="manuel-presentation__chrono"></p><button type="button" class="md-button manuel-presentation__zero">Remettre le chronomètre à zéro</button></header>' +
      '<div class="manuel-presentation__grille">' +
      '<section class="manuel-presentation__actuelle" aria-label="Diapositive projetée"></section>' +
      '<section class="manuel-presentation__suivante" aria-label="Diapositive suivante"></section>' +
      '<section class="manuel-presentation__notes" aria-label="Notes pour l\'animation"></section>' +
      '<section class="manuel-presentation__etapes" aria-label="Déroulé minuté"></section></div>' +
      '<p class="manuel-presentation__aide">Flèches ou espace\u00a0: diapositive suivante ou précédente, dans les deux fenêtres.</p>';
    $(".manuel-presentation__titre", view).textContent = title;
    document.body.appendChild(view);
    $(".manuel-presentation__zero", view).addEventListener("click", function () { started = Date.now(); tick(); });

    var send = channel(function (message) {
      if (message.page !== location.pathname) return;
      if (message.type === "state") { index = message.slide; render(); }
    });

    function notesFor(slide) {
      if (slide.block) return $all(":scope > .manuel-diapo-bloc__notes", slide.block);
      var notes = [];
      slide.nodes.forEach(function (node) {
        if (node.matches && node.matches(".admonition.animation, details.animation")) notes.push(node);
        $all(".admonition.animation, details.animation", node).forEach(function (n) { notes.push(n); });
      });
      return notes;
    }

    function render() {
      var current = $(".manuel-presentation__actuelle", view);
      var next = $(".manuel-presentation__suivante", view);
      var notes = $(".manuel-presentation__notes", view);
      current.innerHTML = "<h2>Projetée</h2>";
      current.appendChild(slideContent(slides[index], "-projetee"));
      next.innerHTML = "<h2>Suivante</h2>";
      if (index + 1 < slides.length) next.appendChild(slideContent(slides[index + 1], "-suivante"));
      else next.insertAdjacentHTML("beforeend", "<p>Fin de la page.</p>");
      notes.innerHTML = "<h2>Notes pour l'animation</h2>";
      var found = notesFor(slides[index]);
      if (found.length) found.forEach(function (n) { var c = n.cloneNode(true); c.removeAttribute("id"); notes.appendChild(c); });
      else notes.insertAdjacentHTML("beforeend", slides[index].block ? "<p>Pas de note pour cette diapositive.</p>" :
        "<p>Pas de note pour cette section.</p>");
      $(".manuel-presentation__progression", view).textContent =
        "Diapositive " + (index + 1) + " sur " + slides.length + "\u00a0: " + (slides[index].title || title);
      setHash("presentation", index + 1);
      tick();
    }

    function tick() {
      var elapsed = (Date.now() - started) / 60000;
      var planned = steps.reduce(function (sum, s) { return sum + s.minutes; }, 0);
      var box = $(".manuel-presentation__etapes", view);
      var acc = 0, currentStep = -1;
      box.innerHTML = "<h2>Déroulé minuté</h2>";
      if (!steps.length) { box.insertAdjacentHTML("beforeend", "<p>Pas de déroulé minuté sur cette page.</p>"); }
      var list = document.createElement("ol");
      steps.forEach(function (step, i) {
        var li = document.createElement("li");
        li.textContent = step.minutes + " min · " + (step.method ? step.method + " · " : "") + step.text;
        if (currentStep === -1 && elapsed < acc + step.minutes) { currentStep = i; li.className = "en-cours"; li.setAttribute("aria-current", "step"); }
        acc += step.minutes;
        list.appendChild(li);
      });
      box.appendChild(list);
      $(".manuel-presentation__chrono", view).textContent = "Temps passé\u00a0: " + minutesLabel(elapsed) +
        (planned ? " sur " + minutesLabel(planned) + " prévues" +
          (currentStep >= 0 ? " · étape " + (currentStep + 1) + " sur " + steps.length : " · temps prévu dépassé") : "");
    }

    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var keys = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": event.shiftKey ? -1 : 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
      if (event.key in keys) {
        event.preventDefault(); event.stopPropagation();
        index = Math.min(slides.length - 1, Math.max(0, index + keys[event.key]));
        render();
        send({ type: "goto", slide: index });
      }
    }, true);
    render();
    setInterval(tick, 15000);
    send({ type: "hello" });
    send({ type: "goto", slide: index });
  }

  /* ------------------------------------------------------ live run-sheet */

  function initToday(block) {
    var slots = [];
    try { slots = JSON.parse(block.dataset.creneaux || "[]"); } catch (e) { slots = []; }
    var table = block.parentNode.querySelector("table") || $("article table");
    if (!table || !slots.length || !$("#aujourdhui-heure", block)) { block.hidden = true; return; }
    var rows = $all("tbody tr", table).slice(0, slots.length);
    function toMinutes(clock) { var p = clock.split(":"); return parseInt(p[0], 10) * 60 + parseInt(p[1], 10); }
    function now() { var d = new Date(); return (d.getHours() < 10 ? "0" : "") + d.getHours() + ":" + (d.getMinutes() < 10 ? "0" : "") + d.getMinutes(); }
    var input = $("#aujourdhui-heure", block), select = $("#aujourdhui-sequence", block), state = $(".manuel-aujourdhui__etat", block);
    input.value = now();
    function update() {
      var t = input.value ? toMinutes(input.value) : null;
      var planned = -1;
      rows.forEach(function (row, i) {
        var on = t !== null && t >= toMinutes(slots[i].debut) && t < toMinutes(slots[i].fin);
        row.classList.toggle("manuel-maintenant", on);
        if (on) { row.setAttribute("aria-current", "time"); planned = i; } else row.removeAttribute("aria-current");
      });
      var message = t === null ? "Choisissez une heure." :
        planned >= 0 ? "Prévu à cette heure\u00a0: " + slots[planned].titre + " (jusqu'à " + clock(slots[planned].fin) + ")." :
        "Aucune séquence n'est prévue à cette heure.";
      if (t !== null && select.value !== "") {
        var chosen = slots[parseInt(select.value, 10)];
        var gap = t - toMinutes(chosen.debut);
        if (t < toMinutes(chosen.debut)) message += " Vous avez " + minutesLabel(toMinutes(chosen.debut) - t) + " d'avance sur le déroulé.";
        else if (t >= toMinutes(chosen.fin)) message += " Vous avez " + minutesLabel(t - toMinutes(chosen.fin)) + " de retard\u00a0: «\u00a0" + chosen.titre + "\u00a0» devait finir à " + chosen.fin.replace(":", "\u00a0h\u00a0") + ".";
        else message += " Vous êtes dans les temps (" + minutesLabel(gap) + " écoulées sur " + minutesLabel(toMinutes(chosen.fin) - toMinutes(chosen.debut)) + ").";
      }
      state.textContent = message;
    }
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    select.addEventListener("change", update);
    $("button", block).addEventListener("click", function () { input.value = now(); update(); });
    update();
    block.dataset.ready = "1";
  }

  function init() {
    var article = $("article.md-content__inner");
    if (!article) return;
    var marker = $(".manuel-projection", article);
    if (marker) initRoom(article, marker);
    var today = $(".manuel-aujourdhui", article);
    if (today) initToday(today);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
