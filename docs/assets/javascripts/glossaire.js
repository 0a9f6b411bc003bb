/* Termes du glossaire : la définition s'ouvre sur place, au toucher comme à la souris ou au clavier.
 *
 * La construction écrit chaque terme comme un lien vers son entrée du glossaire, la définition dans
 * l'attribut title (infobulle au survol). Ce script fait de chaque terme un bouton de divulgation : un appui
 * (clic, toucher, Entrée ou Espace) ouvre, juste sous la ligne du terme, un encadré avec la définition, un
 * lien vers l'entrée du glossaire et un bouton « Fermer ». Échap ou « Fermer » referment l'encadré et rendent
 * le focus au terme ; un nouvel appui sur le terme le referme aussi. Un clic avec Ctrl, Maj ou Cmd, ou au
 * bouton du milieu, suit toujours le lien. Sans JavaScript, le terme reste un lien vers le glossaire.
 */
(function () {
  "use strict";

  var count = 0;
  var open = null; // {term, box} of the definition shown, if any

  function close(giveFocusBack) {
    if (!open) return;
    var current = open;
    open = null;
    current.term.setAttribute("aria-expanded", "false");
    current.box.remove();
    if (giveFocusBack) current.term.focus();
  }

  function show(term) {
    var id = "manuel-definition-" + (++count);
    var name = term.textContent.trim();
    var box = document.createElement("span");
    box.className = "manuel-definition";
    box.id = id;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Définition\u00a0: " + name);
    box.tabIndex = -1;

    var text = document.createElement("span");
    text.className = "manuel-definition__texte";
    text.textContent = term.getAttribute("data-definition");
    var actions = document.createElement("span");
    actions.className = "manuel-definition__actions";
    var link = document.createElement("a");
    link.href = term.getAttribute("href");
    link.textContent = "Voir «\u00a0" + name + "\u00a0» dans le glossaire";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "manuel-definition__fermer";
    button.textContent = "Fermer";
    button.addEventListener("click", function () { close(true); });
    actions.append(link, button);
    box.append(text, actions);

    term.after(box);
    term.setAttribute("aria-controls", id);
    term.setAttribute("aria-expanded", "true");
    open = { term: term, box: box };
    box.focus();
  }

  function toggle(term) {
    var same = open && open.term === term;
    close(false);
    if (!same) show(term);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset a.terme[title]"), function (term) {
    term.setAttribute("data-definition", term.getAttribute("title"));
    term.setAttribute("role", "button");
    term.setAttribute("aria-expanded", "false");
    term.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      toggle(term);
    });
    term.addEventListener("keydown", function (event) {
      // A button opens with Space too (a link only with Enter, which already sends a click).
      if (event.key === " ") {
        event.preventDefault();
        toggle(term);
      }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      close(true);
    }
  });

  // A tap or a click elsewhere closes the definition (the focus stays where the reader put it).
  document.addEventListener("pointerdown", function (event) {
    if (open && !open.box.contains(event.target) && event.target !== open.term) close(false);
  });
})();
