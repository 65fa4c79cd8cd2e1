// Search as you type: progressive enhancement of the plain GET search form. Without
// JavaScript the form submits and the server renders the same results.
(function () {
  var form = document.querySelector('form[data-live-search]');
  if (!form || !window.fetch) { return; }
  var input = form.querySelector('input[name="q"]');
  var results = document.getElementById('results');
  var url = form.getAttribute('data-results-url');
  var timer = null;
  var latest = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      var ticket = ++latest;
      fetch(url + '?q=' + encodeURIComponent(q), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null || ticket !== latest) { return; }
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var fresh = doc.getElementById('results');
          if (fresh) { results.replaceWith(fresh); results = fresh; }
          if (history.replaceState) { history.replaceState(null, '', '?q=' + encodeURIComponent(q)); }
        })
        .catch(function () { /* the form still works */ });
    }, 180);
  });
})();
