// A form with data-progression="<id>" takes a while (file imports): on submit, the status region of that id says so,
// and the forms' buttons are disabled so nothing is sent twice.
document.addEventListener('submit', (event) => {
  const form = event.target;
  const statut = form.dataset.progression && document.getElementById(form.dataset.progression);
  if (!statut) {
    return;
  }
  if (document.body.dataset.envoiEnCours) {
    event.preventDefault();
    return;
  }
  document.body.dataset.envoiEnCours = 'true';
  form.setAttribute('aria-busy', 'true');
  statut.textContent = statut.dataset.message;
  // Once the browser has read the form: a button disabled now would leave its name and value out of the post.
  setTimeout(() => document.querySelectorAll('form[data-progression] button').forEach((b) => { b.disabled = true; }));
});

// Back on the page from the browser's cache: usable again.
window.addEventListener('pageshow', (event) => {
  if (!event.persisted) {
    return;
  }
  delete document.body.dataset.envoiEnCours;
  document.querySelectorAll('form[data-progression]').forEach((form) => {
    form.removeAttribute('aria-busy');
    form.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    document.getElementById(form.dataset.progression).textContent = '';
  });
});
