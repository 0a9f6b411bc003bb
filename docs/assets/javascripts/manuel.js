/* Socle commun des scripts du manuel : chargé avant eux, il ne fait rien par lui-même.
   Scripts classiques (pas de module) : ils doivent aussi se charger depuis une copie ouverte en file://.
   - Manuel.$, Manuel.$all, Manuel.text : recherche dans le document et texte lisible d'un élément.
   - Manuel.toMinutes, Manuel.clock, Manuel.duration : heures et durées à la française, identiques à celles
     de la construction (handbook/formats.py) ; un même jeu d'exemples (tests/fixtures/formats-horaires.json)
     vérifie les deux.
   - Manuel.hash : un nombre gardé dans l'adresse (#projection=3), pour revenir au même endroit.
   - Manuel.mount : lance une fonctionnalité sur chaque élément de la page qui la porte, une fois. */
(function () {
  "use strict";

  var NB = "\u00a0";
  var Manuel = window.Manuel = window.Manuel || {};

  Manuel.$ = function (selector, root) { return (root || document).querySelector(selector); };
  Manuel.$all = function (selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  };
  /** The text of a node on one line. */
  Manuel.text = function (node) { return ((node && node.textContent) || "").replace(/\s+/g, " ").trim(); };

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** « 09:30 » → 570. */
  Manuel.toMinutes = function (clock) {
    var parts = String(clock).split(":");
    return parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10);
  };

  /** A time of day: « 09:30 » or 570 → « 9 h 30 », « 13:00 » or 780 → « 13 h » (minutes past midnight wrap). */
  Manuel.clock = function (value) {
    var total = typeof value === "number" ? Math.round(value) : Manuel.toMinutes(value);
    total = ((total % 1440) + 1440) % 1440;
    var m = total % 60;
    return Math.floor(total / 60) + NB + "h" + (m ? NB + pad(m) : "");
  };

  /** A duration in minutes: 45 → « 45 min », 60 → « 1 h », 65 → « 1 h 05 », -10 → « -10 min ». */
  Manuel.duration = function (total) {
    var sign = total < 0 ? "-" : "";
    total = Math.abs(Math.round(total));
    var h = Math.floor(total / 60), m = total % 60;
    return sign + (h ? h + NB + "h" + (m ? NB + pad(m) : "") : m + NB + "min");
  };

  /** A positive whole number kept in the address: #projection=3. Writing null removes it. */
  Manuel.hash = {
    get: function (key) {
      var match = new RegExp("(?:^#|&)" + key + "=(\\d+)").exec(location.hash);
      return match ? Math.max(1, parseInt(match[1], 10)) : null;
    },
    set: function (key, value) {
      history.replaceState(null, "", location.href.split("#")[0] + (value ? "#" + key + "=" + value : ""));
    }
  };

  /** Run `init(element)` once on each element matching `selector`, when the page is ready. */
  var mounted = new WeakMap();  /* element → the features already started on it */
  Manuel.mount = function (selector, init) {
    function run() {
      Manuel.$all(selector).forEach(function (element) {
        var started = mounted.get(element) || [];
        if (started.indexOf(init) >= 0) return;
        mounted.set(element, started.concat([init]));
        init(element);
      });
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  };
})();
