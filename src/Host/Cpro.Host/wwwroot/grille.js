// Keyboard entry in a positioning grid: arrows move between cells, 1–4 give a degree, A absent, N (or Delete) not
// evaluated; a value moves on to the next cell. Each change recolours its cell and counts as unsaved until the grid is
// saved; leaving the page with unsaved cells asks first. Without this script the selects still work.
document.querySelectorAll('table.grille').forEach((table) => {
  const cellules = () => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('select')]);
  const valeurs = { '1': '1', '2': '2', '3': '3', '4': '4', a: 'ABS', A: 'ABS', n: 'NE', N: 'NE', Delete: 'NE', Backspace: 'NE' };
  const form = table.closest('form');
  const compteur = form.querySelector('.non-enregistrees');
  let envoi = false;

  const modifiee = (td) => {
    const select = td.querySelector('select');
    const commentaire = td.querySelector('textarea');
    return select.value !== select.dataset.initial || (commentaire !== null && commentaire.value !== commentaire.defaultValue);
  };
  const compter = () => {
    let n = 0;
    table.querySelectorAll('tbody td').forEach((td) => {
      const oui = modifiee(td);
      td.classList.toggle('modifiee', oui);
      n += oui ? 1 : 0;
    });
    if (compteur) {
      compteur.textContent = n === 0 ? 'Aucune cellule non enregistrée' : n === 1 ? '1 cellule non enregistrée' : `${n} cellules non enregistrées`;
    }
    return n;
  };
  if (compteur) {
    compteur.hidden = false;
  }
  compter();

  table.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) {
      const td = event.target.closest('td');
      td.className = td.className.replace(/\bniveau-\S+/, `niveau-${event.target.value.toLowerCase()}`);
    }
    compter();
  });
  table.addEventListener('input', compter);
  // A focused cell is shown whole with its headers: the grid's area in the page first, then the cell in that area
  // (clear of the sticky row and column, by the area's scroll-padding).
  const zone = table.closest('.grille-defilante');
  table.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLSelectElement && zone) {
      zone.scrollIntoView({ block: 'nearest' });
      event.target.closest('td').scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });
  form.addEventListener('submit', () => { envoi = true; });
  window.addEventListener('beforeunload', (event) => {
    if (!envoi && compter() > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  // Back from the browser's cache after a submit: leaving warns again.
  window.addEventListener('pageshow', () => { envoi = false; });

  // Échap hides a code's tooltip without moving the pointer or the focus (WCAG 1.4.13); the next focus, or the pointer
  // entering a header, shows it again.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      table.classList.add('bulles-masquees');
    }
  });
  table.addEventListener('focusin', () => table.classList.remove('bulles-masquees'));
  table.addEventListener('mouseover', (event) => {
    const th = event.target.closest('th');
    if (th && !th.contains(event.relatedTarget)) {
      table.classList.remove('bulles-masquees');
    }
  });

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
