/* Service worker du manuel : lecture hors ligne (http et https seulement).
 *
 * - Chaque page visitée (et ce qu'elle charge) est gardée dans le cache de la publication en cours.
 * - Sur demande explicite (bouton « Garder le manuel hors ligne », hors-ligne.js), toute l'édition listée dans
 *   hors-ligne.json est téléchargée dans ce cache : pages, index de recherche, PDF des fiches et des modèles.
 * - Pages : le réseau d'abord (contenu à jour), le cache si le réseau manque ou tarde plus de 4 s.
 *   Autres fichiers : le cache d'abord (ils ne changent pas au sein d'une publication), puis le réseau.
 * - Version : la date de construction, passée dans l'adresse du script (sw.js?v=…). Une nouvelle publication
 *   installe donc un nouveau service worker, sans fenêtre ni question : s'il faut garder le manuel hors ligne,
 *   il télécharge la nouvelle édition avant de prendre la main ; à son activation, il efface les caches des
 *   publications précédentes. La nouvelle version s'affiche à la navigation suivante.
 */
"use strict";

var VERSION = new URL(self.location.href).searchParams.get("v") || "0";
var CACHE = "manuel-" + VERSION;          // this publication: visited files and the offline copy
var STATE = "manuel-etat";                // what the reader chose: {version, taille, date} of the kept copy
var STATE_URL = "etat-hors-ligne";        // key of that record in STATE
var PAGE_TIMEOUT = 4000;
var PARALLEL = 4;

function scoped(path) {
  return new URL(path, self.registration.scope).href;
}

function readState() {
  return caches.open(STATE).then(function (cache) {
    return cache.match(scoped(STATE_URL));
  }).then(function (response) {
    return response ? response.json() : null;
  });
}

function writeState(state) {
  return caches.open(STATE).then(function (cache) {
    if (!state) return cache.delete(scoped(STATE_URL));
    return cache.put(scoped(STATE_URL), new Response(JSON.stringify(state), {
      headers: { "Content-Type": "application/json" }
    }));
  });
}

function tell(client, message) {
  if (client) client.postMessage(message);
}

/** Download every file of hors-ligne.json into this publication's cache; report progress to `client`. */
function keepOffline(client) {
  return fetch(scoped("hors-ligne.json"), { cache: "no-store" }).then(function (response) {
    if (!response.ok) throw new Error("liste hors ligne introuvable (" + response.status + ")");
    return response.json();
  }).then(function (list) {
    return caches.open(CACHE).then(function (cache) {
      var files = list.fichiers.slice();
      var done = 0;
      function next() {
        var file = files.shift();
        if (!file) return Promise.resolve();
        var url = scoped(file.url);
        return cache.match(url).then(function (hit) {
          return hit || fetch(url, { cache: "no-cache" }).then(function (response) {
            if (!response.ok) throw new Error(file.url + " : " + response.status);
            return cache.put(url, response);
          });
        }).then(function () {
          done += 1;
          if (done % 10 === 0 || done === list.fichiers.length) {
            tell(client, { type: "progression", fait: done, total: list.fichiers.length });
          }
          return next();
        });
      }
      var workers = [];
      for (var i = 0; i < PARALLEL; i++) workers.push(next());
      return Promise.all(workers);
    }).then(function () {
      var state = { version: list.version, taille: list.taille, date: new Date().toISOString(), publication: VERSION };
      return writeState(state).then(function () { return state; });
    });
  });
}

self.addEventListener("install", function (event) {
  // A new publication: if the reader keeps the handbook offline, fetch the new edition first (if this fails,
  // for instance without network, the installation fails and the previous version keeps serving).
  event.waitUntil(readState().then(function (state) {
    return state ? keepOffline(null) : null;
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("manuel-") === 0 && name !== CACHE && name !== STATE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return self.clients.claim();
  }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var client = event.source;
  if (data.type === "etat") {
    event.waitUntil(readState().then(function (state) {
      tell(client, { type: "etat", garde: state });
    }));
  } else if (data.type === "garder") {
    event.waitUntil(keepOffline(client).then(function (state) {
      tell(client, { type: "etat", garde: state });
    }, function (error) {
      tell(client, { type: "erreur", message: String(error && error.message || error) });
    }));
  } else if (data.type === "oublier") {
    event.waitUntil(writeState(null).then(function () {
      return caches.delete(CACHE);
    }).then(function () {
      tell(client, { type: "etat", garde: null });
    }));
  }
});

/** The cached copy of a request; "…/" is looked up as "…/index.html". */
function fromCache(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) {
      if (hit || !request.url.endsWith("/")) return hit;
      return cache.match(request.url + "index.html");
    });
  });
}

function store(request, response) {
  // Only complete answers of this site; never the zip (the offline copy for file://, several megabytes).
  if (response.ok && response.status === 200 && response.type === "basic" && !/\.zip$/.test(request.url)) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
  }
  return response;
}

function page(request) {
  // "no-cache": ask the server whether the page changed (a 304 costs little), never trust the browser's HTTP cache,
  // which would otherwise show a page of the previous publication for a while.
  var network = fetch(request, { cache: "no-cache" }).then(function (response) { return store(request, response); });
  var late = new Promise(function (resolve) { setTimeout(resolve, PAGE_TIMEOUT); }).then(function () {
    return fromCache(request).then(function (hit) { return hit || network; });
  });
  return Promise.race([network, late]).catch(function () {
    return fromCache(request).then(function (hit) {
      return hit || new Response("<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Hors ligne</title>" +
        "<p>Cette page n’a pas encore été lue sur cet appareil et la connexion manque. Revenez à " +
        "<a href=\"" + scoped("index.html") + "\">l’accueil du manuel</a>.</p>",
        { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

function file(request) {
  return fromCache(request).then(function (hit) {
    return hit || fetch(request).then(function (response) { return store(request, response); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  if (request.headers.has("range")) return; // partial requests (media) go to the network as usual
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});
