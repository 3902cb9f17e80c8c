// « Tous » / « Aucun » tick or untick a list of checkboxes in place (data-cases: their name). They are type="button",
// so pressing Entrée in a field still submits the form's main action; without this script they stay hidden and the
// form offers its own buttons, placed after the main action (in <noscript>).
document.querySelectorAll('[data-cases]').forEach((groupe) => {
  const cases = () => groupe.closest('form').querySelectorAll(`input[type=checkbox][name="${groupe.dataset.cases}"]`);
  groupe.hidden = false;
  groupe.addEventListener('click', (event) => {
    const bouton = event.target.closest('button[data-cocher]');
    if (bouton) {
      cases().forEach((c) => { c.checked = bouton.dataset.cocher === 'tous'; });
    }
  });
});
