// Keyboard entry in a positioning grid: arrows move between cells, 1–4 give a degree, A absent, N (or Delete) not
// evaluated; a value moves on to the next cell. Without this script the selects still work.
document.querySelectorAll('table.grille').forEach((table) => {
  const cellules = () => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('select')]);
  const valeurs = { '1': '1', '2': '2', '3': '3', '4': '4', a: 'ABS', A: 'ABS', n: 'NE', N: 'NE', Delete: 'NE', Backspace: 'NE' };

  table.addEventListener('keydown', (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || select.disabled) {
      return;
    }
    const lignes = cellules();
    const ligne = lignes.findIndex((l) => l.includes(select));
    const colonne = lignes[ligne].indexOf(select);
    const aller = (l, c) => {
      const cible = lignes[l] && lignes[l][c];
      if (cible) {
        cible.focus();
      }
    };
    const deplacements = {
      ArrowRight: () => aller(ligne, colonne + 1),
      ArrowLeft: () => aller(ligne, colonne - 1),
      ArrowDown: () => aller(ligne + 1, colonne),
      ArrowUp: () => aller(ligne - 1, colonne),
    };
    if (deplacements[event.key]) {
      event.preventDefault();
      deplacements[event.key]();
    } else if (valeurs[event.key] && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      select.value = valeurs[event.key];
      select.dispatchEvent(new Event('change', { bubbles: true }));
      if (colonne + 1 < lignes[ligne].length) {
        aller(ligne, colonne + 1);
      } else {
        aller(ligne + 1, 0);
      }
    }
  });
});
