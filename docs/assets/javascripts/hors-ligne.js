/* Bouton « Garder le manuel hors ligne » (page d'accueil, bloc .manuel-hors-ligne).
 *
 * Lit hors-ligne.json (écrit par la construction : version, taille totale, fichiers) pour annoncer la taille
 * du téléchargement et la version, demande au service worker (sw.js) de tout garder, affiche l'avancement
 * puis la version gardée sur l'appareil. Un second bouton retire la copie. En file:// (copie zip) ou dans
 * un navigateur sans service worker, le bloc le dit et n'offre pas de bouton.
 */
(function () {
  "use strict";

  var block = document.querySelector(".manuel-hors-ligne");
  if (!block) return;
  var status = block.querySelector(".manuel-hors-ligne__etat");
  var keep = block.querySelector(".manuel-hors-ligne__garder");
  var drop = block.querySelector(".manuel-hors-ligne__oublier");
  var list = null; // contents of hors-ligne.json

  function say(text) { status.textContent = text; }

  function size(bytes) {
    var mo = bytes / 1e6;
    return mo.toLocaleString("fr-FR", { maximumFractionDigits: mo < 10 ? 1 : 0 }) + "\u00a0Mo";
  }

  function day(iso) {
    return new Date(iso).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" });
  }

  if (!/^https?:$/.test(location.protocol)) {
    say("Vous lisez la copie du manuel enregistrée sur cet appareil\u00a0: elle fonctionne déjà sans connexion.");
    return;
  }
  if (!("serviceWorker" in navigator) || !("caches" in window)) {
    say("Ce navigateur ne sait pas garder le manuel hors ligne\u00a0: utilisez la copie hors ligne de la page Téléchargements.");
    return;
  }

  function worker() {
    return navigator.serviceWorker.ready.then(function (registration) { return registration.active; });
  }

  function show(kept) {
    keep.disabled = false;
    keep.hidden = false;
    drop.hidden = !kept;
    if (!kept) {
      say("Le manuel n’est pas encore gardé hors ligne sur cet appareil.");
      keep.textContent = "Garder le manuel hors ligne (" + size(list.taille) + ", version " + list.version + ")";
    } else if (kept.version !== list.version) {
      say("La version " + kept.version + " est gardée hors ligne sur cet appareil depuis le " + day(kept.date) +
          ". La version " + list.version + ", publiée depuis, la remplacera à votre prochaine visite.");
      keep.textContent = "Mettre à jour maintenant (" + size(list.taille) + ")";
    } else {
      say("La version " + kept.version + " du manuel est gardée hors ligne sur cet appareil depuis le " +
          day(kept.date) + " (" + size(kept.taille) + ")\u00a0: toutes les pages, la recherche et les PDF s’ouvrent sans connexion.");
      keep.hidden = true;
    }
  }

  navigator.serviceWorker.onmessage = function (event) {
    var data = event.data || {};
    if (data.type === "progression") {
      say("Téléchargement en cours\u00a0: " + data.fait + " fichiers sur " + data.total + "…");
    } else if (data.type === "etat") {
      show(data.garde);
    } else if (data.type === "erreur") {
      keep.disabled = false;
      say("Le téléchargement s’est interrompu (" + data.message + "). Vérifiez la connexion, puis réessayez.");
    }
  };

  keep.addEventListener("click", function () {
    keep.disabled = true;
    say("Téléchargement en cours…");
    worker().then(function (active) { active.postMessage({ type: "garder" }); });
  });
  drop.addEventListener("click", function () {
    worker().then(function (active) { active.postMessage({ type: "oublier" }); });
  });

  fetch(block.getAttribute("data-liste"), { cache: "no-store" }).then(function (response) {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  }).then(function (data) {
    list = data;
    return worker();
  }).then(function (active) {
    active.postMessage({ type: "etat" });
  }).catch(function () {
    say("La copie hors ligne n’est pas disponible pour le moment\u00a0: réessayez plus tard, avec une connexion.");
  });
})();
