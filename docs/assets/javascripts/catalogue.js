/* Boîte à outils : filtres combinés du catalogue des fiches.
   Sans JavaScript, le formulaire est masqué (CSS, classe no-js) et toute la liste s'affiche.
   L'état des filtres est gardé dans l'adresse (#finalites=…&duree=…), ce qui marche
   aussi bien en http:// qu'en file://. */
(function () {
  "use strict";
  var LEVELS = ["decouverte", "intermediaire", "confirme"];

  function init() {
    var form = document.querySelector("form.manuel-filtres");
    var list = document.querySelector(".manuel-catalogue");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "1";
    var cards = Array.prototype.slice.call(list.querySelectorAll("li.manuel-carte"));
    var count = document.querySelector(".manuel-compte");
    var empty = document.querySelector(".manuel-aucun");

    function checked(name) {
      return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]:checked'))
        .map(function (input) { return input.value; });
    }

    function state() {
      return {
        finalites: checked("finalites"),
        formats: checked("formats"),
        duree: form.elements.duree.value,
        groupe: form.elements.groupe.value,
        niveau: form.elements.niveau.value
      };
    }

    function matches(card, s) {
      var d = card.dataset;
      var own = function (key) { return (d[key] || "").split(" "); };
      if (s.finalites.length && !s.finalites.some(function (v) { return own("finalites").indexOf(v) >= 0; })) return false;
      if (s.formats.length && !s.formats.some(function (v) { return own("formats").indexOf(v) >= 0; })) return false;
      if (s.duree && Number(d.dureeMin) > Number(s.duree)) return false;
      if (s.groupe && (Number(s.groupe) < Number(d.groupeMin) || Number(s.groupe) > Number(d.groupeMax))) return false;
      if (s.niveau && LEVELS.indexOf(d.niveau) > LEVELS.indexOf(s.niveau)) return false;
      return true;
    }

    function toHash(s) {
      var parts = [];
      ["finalites", "formats"].forEach(function (key) {
        if (s[key].length) parts.push(key + "=" + s[key].join(","));
      });
      ["duree", "groupe", "niveau"].forEach(function (key) {
        if (s[key]) parts.push(key + "=" + encodeURIComponent(s[key]));
      });
      return parts.join("&");
    }

    function fromHash() {
      var values = {};
      var hash = location.hash.replace(/^#/, "");
      try { hash = decodeURIComponent(hash); } catch (e) { hash = ""; }
      hash.split("&").forEach(function (pair) {
        var kv = pair.split("=");
        if (kv.length === 2) values[kv[0]] = kv[1];
      });
      ["finalites", "formats"].forEach(function (key) {
        var wanted = (values[key] || "").split(",");
        form.querySelectorAll('input[name="' + key + '"]').forEach(function (input) {
          input.checked = wanted.indexOf(input.value) >= 0;
        });
      });
      ["duree", "groupe", "niveau"].forEach(function (key) {
        form.elements[key].value = values[key] || "";
      });
    }

    function apply(updateAddress) {
      var s = state();
      var shown = 0;
      cards.forEach(function (card) {
        var ok = matches(card, s);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + (shown > 1 ? " fiches" : " fiche") + " sur " + cards.length;
      empty.hidden = shown > 0;
      if (updateAddress) {
        var hash = toHash(s);
        var url = location.href.split("#")[0] + (hash ? "#" + hash : "");
        history.replaceState(null, "", url);
      }
    }

    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function (event) {
      event.preventDefault();  /* clear by hand so that the list updates at once */
      form.querySelectorAll("input[type=checkbox]").forEach(function (input) { input.checked = false; });
      ["duree", "groupe", "niveau"].forEach(function (key) { form.elements[key].value = ""; });
      apply(true);
    });
    window.addEventListener("hashchange", function () { fromHash(); apply(false); });
    fromHash();
    apply(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
