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

// Shop platforms on the store page: while a connection is subscribing or importing, the
// section re-reads itself every few seconds (the server renders the same section; without
// JavaScript the Refresh link does it).
(function () {
  if (!window.fetch) { return; }
  function poll() {
    var section = document.getElementById('integrations');
    if (!section || !section.hasAttribute('data-poll')) { return; }
    fetch(section.getAttribute('data-poll-url'), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('integrations');
        if (fresh) { section.replaceWith(fresh); }
        setTimeout(poll, 3000);
      })
      .catch(function () { /* the Refresh link still works */ });
  }
  setTimeout(poll, 3000);
})();
