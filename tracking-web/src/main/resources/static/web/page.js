/* Progressive enhancement only: show scan times in the device's time zone. The page works without it. */
(function () {
  var fmt;
  try {
    fmt = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
  } catch (e) {
    return;
  }
  var times = document.querySelectorAll('time[data-local]');
  for (var i = 0; i < times.length; i++) {
    var d = new Date(times[i].getAttribute('datetime'));
    if (!isNaN(d.getTime())) {
      times[i].textContent = fmt.format(d);
    }
  }
  var whens = document.querySelectorAll('[data-local-when]');
  for (var k = 0; k < whens.length; k++) {
    var w = new Date(whens[k].getAttribute('data-local-when'));
    if (!isNaN(w.getTime())) {
      whens[k].textContent = whens[k].getAttribute('data-local-text').replace('{t}', fmt.format(w));
    }
  }
  var notes = document.querySelectorAll('[data-local-note]');
  for (var j = 0; j < notes.length; j++) {
    notes[j].textContent = notes[j].getAttribute('data-local-note');
  }
})();
