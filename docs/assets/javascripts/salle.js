/* Mode salle : projeter une page, une diapositive par écran (bouton « Projeter » ou Maj+P).
   Sans dépendance ; fonctionne en http:// et en file://. Demande manuel.js, chargé avant.
   - Une page qui a des blocs « !!! diapo » (séquences, édition formation) projette ces diapositives, dont les
     notes vont à la vue présentatrice (presentatrice.js) ; les autres pages projettent une section (##, ou
     une ligne « --- ») par écran.
   - Flèches, Page précédente/suivante, Espace, Début/Fin ; Échap ramène à la section de la page qui contient
     la diapositive. L'adresse garde la diapositive (#projection=3).
   - Monté sur l'élément [data-etapes] que la construction place dans les pages projetables ; les boutons
     sont dans la page, masqués sans JavaScript.
   - Partagé avec la vue présentatrice : Manuel.slides (découpe en diapositives, contenu d'une diapositive,
     canal entre les deux fenêtres : BroadcastChannel et, à défaut en file://, postMessage). */
(function () {
  "use strict";

  var M = window.Manuel;
  var HIDDEN_IN_ROOM = ".admonition.animation, details.animation, details.correction, .admonition.correction, " +
    ".manuel-telechargements, .headerlink, .md-tags, .manuel-projection, .manuel-diapo-bloc";
  var CHANNEL = "manuel-projection";

  /* ---------------------------------------------------------------- slides */

  function blockSlides(article) {
    var slides = [], anchor = null;
    M.$all("h1[id], h2[id], h3[id], .manuel-diapo-bloc", article).forEach(function (node) {
      if (!node.classList.contains("manuel-diapo-bloc")) { anchor = node.id; return; }
      var name = M.$(".manuel-diapo-bloc__nom", node);
      slides.push({ title: name ? M.text(name) : "", nodes: [node], anchor: anchor, block: node });
    });
    return slides;
  }

  function buildSlides(article) {
    if (M.$(".manuel-diapo-bloc", article)) return blockSlides(article);
    var slides = [];
    var current = { title: "", nodes: [], anchor: null };
    M.$all(":scope > *", article).forEach(function (node) {
      if (node.matches(".manuel-projection, .manuel-projeter-barre, .md-source-file, nav.md-tags")) return;
      var isHeading = node.tagName === "H2";
      var isBreak = node.tagName === "HR";
      if ((isHeading || isBreak) && (current.nodes.length || current.title)) {
        slides.push(current);
        current = { title: "", nodes: [], anchor: null };
      }
      if (isBreak) return;
      if (node.tagName === "H1" || isHeading) {
        current.title = M.text(node).replace(/#$/, "");
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
    M.$all(":scope > *", slide.block).forEach(function (node) {
      if (node.matches(".manuel-diapo-bloc__titre, .manuel-diapo-bloc__notes")) return;
      box.appendChild(node.cloneNode(true));
    });
    M.$all("[id]", box).forEach(function (n) { n.id = n.id + suffix; });
    M.$all("[aria-labelledby], [aria-describedby]", box).forEach(function (n) {
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
      M.$all(HIDDEN_IN_ROOM, copy).forEach(function (n) { n.remove(); });
      M.$all("[id]", copy).forEach(function (n) { n.removeAttribute("id"); });
      if (copy.removeAttribute) copy.removeAttribute("id");
      box.appendChild(copy);
    });
    return box;
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

  M.slides = { build: buildSlides, content: slideContent, channel: channel };

  /* ------------------------------------------------------------ room mode */

  function initRoom(marker) {
    var article = marker.closest("article");
    var slides = article ? buildSlides(article) : [];
    if (!slides.length) return;
    var title = M.text(M.$("h1", article)).replace(/#$/, "");
    var overlay = null, index = 0, returnFocus = null, live = null;
    var send = channel(function (message) {
      if (message.page !== location.pathname) return;
      if (message.type === "goto" && overlay) show(message.slide, false);
      if (message.type === "hello" && overlay) send({ type: "state", slide: index });
    });

    /* The buttons are in the page (rendered at build time, hidden without JavaScript). */
    var button = M.$('.manuel-projeter-barre [data-action="projeter"]', article);
    /* The presenter view exists in the trainer edition only; the participant edition keeps « Projeter » on sheets. */
    var presenter = M.$('.manuel-projeter-barre [data-action="presentatrice"]', article);
    if (!button) return;

    function render() {
      var slide = slides[index];
      var stage = M.$(".manuel-salle__scene", overlay);
      stage.innerHTML = "";
      stage.appendChild(slideContent(slide));
      M.$(".manuel-salle__progression", overlay).textContent = (index + 1) + " / " + slides.length;
      M.$(".manuel-salle__barre", overlay).style.width = ((index + 1) / slides.length * 100) + "%";
      live.textContent = "Diapositive " + (index + 1) + " sur " + slides.length + "\u00a0: " + (slide.title || title);
      stage.scrollTop = 0;
    }

    function show(n, broadcast) {
      index = Math.min(slides.length - 1, Math.max(0, n));
      render();
      M.hash.set("projection", index + 1);
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
      M.$(".manuel-salle__titre", overlay).textContent = title;
      live = M.$(".manuel-salle__annonce", overlay);
      M.$(".manuel-salle__quitter", overlay).addEventListener("click", close);
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
      M.hash.set("projection", null);
      var target = (slide.anchor && document.getElementById(slide.anchor)) || M.$("h1", article);
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

    var start = M.hash.get("projection");
    if (start) open(start - 1);
  }

  M.mount(".manuel-projection[data-etapes]", initRoom);
})();
