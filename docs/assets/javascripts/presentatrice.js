/* Vue présentatrice : une fenêtre à part (#presentation=3) pour la personne qui présente, ouverte par le
   bouton « Vue présentatrice » du mode salle (salle.js, édition formation) : diapositive projetée et suivante,
   notes d'animation, déroulé minuté de la séquence avec le temps passé. Les deux fenêtres restent
   synchronisées : flèches ou espace dans l'une font avancer l'autre.
   Demande manuel.js et salle.js, chargés avant. */
(function () {
  "use strict";

  var M = window.Manuel;

  function initPresenter(marker) {
    var start = M.hash.get("presentation");
    var article = marker.closest("article");
    var slides = start && article ? M.slides.build(article) : [];
    if (!slides.length) return;
    var title = M.text(M.$("h1", article)).replace(/#$/, "");
    var steps = [];
    try { steps = JSON.parse(marker.dataset.etapes || "[]"); } catch (e) { steps = []; }
    var index = Math.min(slides.length, start) - 1;
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
      '<section class="manuel-presentation__notes" aria-label="Notes pour l’animation"></section>' +
      '<section class="manuel-presentation__etapes" aria-label="Déroulé minuté"></section></div>' +
      '<p class="manuel-presentation__aide">Flèches ou espace\u00a0: diapositive suivante ou précédente, dans les deux fenêtres.</p>';
    M.$(".manuel-presentation__titre", view).textContent = title;
    document.body.appendChild(view);
    M.$(".manuel-presentation__zero", view).addEventListener("click", function () { started = Date.now(); tick(); });

    var send = M.slides.channel(function (message) {
      if (message.page !== location.pathname) return;
      if (message.type === "state") { index = message.slide; render(); }
    });

    function notesFor(slide) {
      if (slide.block) return M.$all(":scope > .manuel-diapo-bloc__notes", slide.block);
      var notes = [];
      slide.nodes.forEach(function (node) {
        if (node.matches && node.matches(".admonition.animation, details.animation")) notes.push(node);
        M.$all(".admonition.animation, details.animation", node).forEach(function (n) { notes.push(n); });
      });
      return notes;
    }

    function render() {
      var current = M.$(".manuel-presentation__actuelle", view);
      var next = M.$(".manuel-presentation__suivante", view);
      var notes = M.$(".manuel-presentation__notes", view);
      current.innerHTML = "<h2>Projetée</h2>";
      current.appendChild(M.slides.content(slides[index], "-projetee"));
      next.innerHTML = "<h2>Suivante</h2>";
      if (index + 1 < slides.length) next.appendChild(M.slides.content(slides[index + 1], "-suivante"));
      else next.insertAdjacentHTML("beforeend", "<p>Fin de la page.</p>");
      notes.innerHTML = "<h2>Notes pour l’animation</h2>";
      var found = notesFor(slides[index]);
      if (found.length) found.forEach(function (n) { var c = n.cloneNode(true); c.removeAttribute("id"); notes.appendChild(c); });
      else notes.insertAdjacentHTML("beforeend", slides[index].block ? "<p>Pas de note pour cette diapositive.</p>" :
        "<p>Pas de note pour cette section.</p>");
      M.$(".manuel-presentation__progression", view).textContent =
        "Diapositive " + (index + 1) + " sur " + slides.length + "\u00a0: " + (slides[index].title || title);
      M.hash.set("presentation", index + 1);
      tick();
    }

    function tick() {
      var elapsed = (Date.now() - started) / 60000;
      var planned = steps.reduce(function (sum, s) { return sum + s.minutes; }, 0);
      var box = M.$(".manuel-presentation__etapes", view);
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
      M.$(".manuel-presentation__chrono", view).textContent = "Temps passé\u00a0: " + M.duration(elapsed) +
        (planned ? " sur " + M.duration(planned) + " prévues" +
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

  M.mount(".manuel-projection[data-etapes]", initPresenter);
})();
