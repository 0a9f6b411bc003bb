/*
 * Mon autopositionnement (page positionnement.html).
 *
 * La page contient un formulaire (macro positionnement) : pour chaque objectif, une note « avant » et une note
 * « après » sur l'échelle d'autopositionnement. Ce script :
 *   1. affiche le formulaire (caché sans JavaScript, la page renvoie alors à la grille imprimable) ;
 *   2. garde les notes dans le stockage local du navigateur (localStorage), sur cet appareil seulement :
 *      rien n'est envoyé nulle part ;
 *   3. dessine un graphique avant / après (SVG), accompagné d'un tableau qui dit la même chose en texte.
 * Sur les autres pages, il ne trouve pas le formulaire et ne fait rien.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "manuel-positionnement";
  var SVG_NS = "http://www.w3.org/2000/svg";

  /* Read the saved answers: { "O1": { "avant": "2", "apres": "3" }, … }; {} when none or unreadable. */
  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  /* Save the answers; false when the browser refuses (private browsing, storage disabled). */
  function save(answers) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(answers));
      return true;
    } catch (error) {
      return false;
    }
  }

  function svgElement(name, attributes, text) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The objectives of the form, in order: { id, label } (label: the row heading). */
  function objectives(form) {
    return Array.prototype.map.call(form.querySelectorAll("tbody th[scope=row]"), function (cell) {
      return { id: cell.id.replace(/^pos-/, ""), label: cell.textContent.trim() };
    });
  }

  /* The before / after chart: one pair of horizontal bars per objective. */
  function chart(items, answers, top) {
    var rowHeight = 50, left = 44, width = 420, barMax = width - left - 34;
    var height = items.length * rowHeight + 40;
    var svg = svgElement("svg", { viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-labelledby": "pos-graphique-titre pos-graphique-desc", class: "manuel-positionnement-graphique" });
    svg.appendChild(svgElement("title", { id: "pos-graphique-titre" }, "Mes notes avant et après la formation"));
    svg.appendChild(svgElement("desc", { id: "pos-graphique-desc" },
      "Pour chaque objectif, la barre claire donne la note d’avant, la barre foncée la note d’après, sur " + top +
      ". Le tableau qui suit donne les mêmes valeurs."));
    items.forEach(function (item, index) {
      var y = 10 + index * rowHeight, values = answers[item.id] || {};
      svg.appendChild(svgElement("text", { x: 0, y: y + 24, class: "pos-etiquette" }, item.id));
      [["avant", "pos-avant"], ["apres", "pos-apres"]].forEach(function (pair, row) {
        var value = Number(values[pair[0]] || 0), barY = y + row * 20;
        svg.appendChild(svgElement("rect", { x: left, y: barY, width: Math.max(value / top * barMax, 2),
          height: 17, class: pair[1] }));
        svg.appendChild(svgElement("text", { x: left + value / top * barMax + 6, y: barY + 15, class: "pos-valeur" },
          value ? String(value) : "–"));
      });
    });
    var legendY = height - 12;
    svg.appendChild(svgElement("rect", { x: left, y: legendY - 13, width: 16, height: 14, class: "pos-avant" }));
    svg.appendChild(svgElement("text", { x: left + 22, y: legendY, class: "pos-valeur" }, "avant"));
    svg.appendChild(svgElement("rect", { x: left + 100, y: legendY - 13, width: 16, height: 14, class: "pos-apres" }));
    svg.appendChild(svgElement("text", { x: left + 122, y: legendY, class: "pos-valeur" }, "après"));
    return svg;
  }

  /* The same values as a table: objective, before, after, difference. */
  function table(items, answers) {
    var node = document.createElement("table");
    node.innerHTML = "<caption>Mes notes en tableau</caption><thead><tr><th scope=\"col\">Objectif</th>" +
      "<th scope=\"col\">Avant</th><th scope=\"col\">Après</th><th scope=\"col\">Écart</th></tr></thead>";
    var body = document.createElement("tbody");
    items.forEach(function (item) {
      var values = answers[item.id] || {}, before = values.avant, after = values.apres;
      var difference = before && after ? Number(after) - Number(before) : null;
      var row = document.createElement("tr");
      [item.label, before || "–", after || "–",
        difference === null ? "–" : (difference > 0 ? "+" : "") + difference].forEach(function (text, column) {
        var cell = document.createElement(column === 0 ? "th" : "td");
        if (column === 0) cell.setAttribute("scope", "row");
        cell.textContent = text;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    node.appendChild(body);
    return node;
  }

  function setup() {
    var form = document.querySelector("form.manuel-positionnement");
    if (!form || form.dataset.pret) return;
    form.dataset.pret = "oui";
    var result = document.querySelector(".manuel-positionnement-resultat");
    var status = form.querySelector(".manuel-positionnement-etat");
    var top = Number(form.dataset.max) || 4;
    var items = objectives(form);
    var answers = load();

    /* Redraw the chart and its table; hide them while nothing is noted. */
    function draw() {
      var any = items.some(function (item) {
        var values = answers[item.id] || {};
        return values.avant || values.apres;
      });
      result.hidden = !any;
      result.textContent = "";
      if (any) {
        var heading = document.createElement("h2");
        heading.id = "mon-graphique";
        heading.textContent = "Mon graphique avant et après";
        result.appendChild(heading);
        result.appendChild(chart(items, answers, top));
        result.appendChild(table(items, answers));
      }
    }

    Array.prototype.forEach.call(form.querySelectorAll("select[data-objectif]"), function (select) {
      var values = answers[select.dataset.objectif] || {};
      select.value = values[select.dataset.moment] || "";
      select.addEventListener("change", function () {
        var entry = answers[select.dataset.objectif] = answers[select.dataset.objectif] || {};
        entry[select.dataset.moment] = select.value;
        status.textContent = save(answers) ? "Note enregistrée dans ce navigateur."
          : "Ce navigateur refuse d’enregistrer : vos notes seront perdues en quittant la page.";
        draw();
      });
    });

    form.querySelector(".manuel-positionnement-effacer").addEventListener("click", function () {
      answers = {};
      try { window.localStorage.removeItem(STORAGE_KEY); } catch (error) { /* nothing saved */ }
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) { select.value = ""; });
      status.textContent = "Vos réponses sont effacées.";
      draw();
    });

    Array.prototype.forEach.call(document.querySelectorAll(".manuel-positionnement-sans-js"), function (note) {
      note.hidden = true;
    });
    form.hidden = false;
    draw();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
