/* Tableaux larges lisibles sur téléphone.
 *
 * Sur un petit écran, la feuille de style (manuel.css) présente chaque ligne d'un tableau d'au moins trois
 * colonnes comme une carte, une cellule par ligne. Ce script écrit, dans chaque cellule, l'intitulé de sa
 * colonne (attribut data-label, affiché par la feuille de style) et redonne au tableau ses rôles ARIA
 * (table, ligne, en-tête de colonne, cellule) : une présentation en blocs ferait sinon perdre aux lecteurs
 * d'écran la structure du tableau et le lien entre chaque cellule et son en-tête.
 * Sans JavaScript, la page garde le tableau ordinaire, qui défile dans son propre cadre.
 */
(function () {
  "use strict";

  /** A table becomes cards when it has a header row of 3+ columns and no merged cell. */
  function isWide(table) {
    var head = table.tHead && table.tHead.rows[0];
    return head && head.cells.length >= 3 && !table.querySelector("[colspan], [rowspan]");
  }

  function label(table) {
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      th.setAttribute("role", "columnheader");
      return th.textContent.trim();
    });
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody, tfoot"), function (group) {
      group.setAttribute("role", "rowgroup");
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        if (cell.tagName === "TD") {
          cell.setAttribute("role", "cell");
          cell.setAttribute("data-label", headers[index] || "");
        }
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table"), function (table) {
    if (isWide(table)) label(table);
  });
})();
