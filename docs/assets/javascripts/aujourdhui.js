/* Déroulé du jour, en direct (pages Jour 1 et Jour 2 de l'édition formation) : à l'heure choisie (par défaut,
   l'heure de l'appareil), la séquence prévue est mise en évidence dans le tableau du déroulé, et l'avance ou le
   retard sur la séquence en cours est dit en clair. Les créneaux viennent de la construction
   (data-creneaux, calculés depuis les étapes minutées). Sans JavaScript, le bloc reste masqué.
   Demande manuel.js, chargé avant. */
(function () {
  "use strict";

  var M = window.Manuel;

  function initToday(block) {
    var slots = [];
    try { slots = JSON.parse(block.dataset.creneaux || "[]"); } catch (e) { slots = []; }
    var table = block.parentNode.querySelector("table") || M.$("article table");
    if (!table || !slots.length || !M.$("#aujourdhui-heure", block)) { block.hidden = true; return; }
    var rows = M.$all("tbody tr", table).slice(0, slots.length);
    function now() { var d = new Date(); return (d.getHours() < 10 ? "0" : "") + d.getHours() + ":" + (d.getMinutes() < 10 ? "0" : "") + d.getMinutes(); }
    var input = M.$("#aujourdhui-heure", block), select = M.$("#aujourdhui-sequence", block), state = M.$(".manuel-aujourdhui__etat", block);
    input.value = now();
    function update() {
      var t = input.value ? M.toMinutes(input.value) : null;
      var planned = -1;
      rows.forEach(function (row, i) {
        var on = t !== null && t >= M.toMinutes(slots[i].debut) && t < M.toMinutes(slots[i].fin);
        row.classList.toggle("manuel-maintenant", on);
        if (on) { row.setAttribute("aria-current", "time"); planned = i; } else row.removeAttribute("aria-current");
      });
      var message = t === null ? "Choisissez une heure." :
        planned >= 0 ? "Prévu à cette heure\u00a0: " + slots[planned].titre + " (jusqu’à " + M.clock(slots[planned].fin) + ")." :
        "Aucune séquence n’est prévue à cette heure.";
      if (t !== null && select.value !== "") {
        var chosen = slots[parseInt(select.value, 10)];
        var gap = t - M.toMinutes(chosen.debut);
        if (t < M.toMinutes(chosen.debut)) message += " Vous avez " + M.duration(M.toMinutes(chosen.debut) - t) + " d’avance sur le déroulé.";
        else if (t >= M.toMinutes(chosen.fin)) message += " Vous avez " + M.duration(t - M.toMinutes(chosen.fin)) + " de retard\u00a0: «\u00a0" + chosen.titre + "\u00a0» devait finir à " + M.clock(chosen.fin) + ".";
        else message += " Vous êtes dans les temps (" + M.duration(gap) + " écoulées sur " + M.duration(M.toMinutes(chosen.fin) - M.toMinutes(chosen.debut)) + ").";
      }
      state.textContent = message;
    }
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    select.addEventListener("change", update);
    M.$("button", block).addEventListener("click", function () { input.value = now(); update(); });
    update();
    block.dataset.ready = "1";
  }

  M.mount(".manuel-aujourdhui[data-creneaux]", initToday);
})();
