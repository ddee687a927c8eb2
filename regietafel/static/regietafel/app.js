// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  for (const knop of document.querySelectorAll(".print-knop")) {
    knop.hidden = false;
    knop.addEventListener("click", () => window.print());
  }
});
