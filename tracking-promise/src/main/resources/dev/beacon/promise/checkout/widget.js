/*
 * Beacon delivery promise widget. Embed with one tag:
 *   <script src="https://BEACON/p/widget.js" data-store="SLUG" data-country="BR" data-region="SP" defer></script>
 * It asks only the Beacon server it was loaded from, shows one line of text after itself
 * ("Arrives Tue 9 – Thu 11 Dec if you order within 3 h") and uses the page's own styles.
 */
(function () {
	'use strict';

	function day(iso, lang, withMonth) {
		var d = new Date(iso + 'T12:00:00Z');
		var options = { weekday: 'short', day: 'numeric', timeZone: 'UTC' };
		if (withMonth) {
			options.month = 'short';
		}
		return new Intl.DateTimeFormat(lang, options).format(d);
	}

	function text(p, now, lang) {
		var sameMonth = p.earliest.substring(0, 7) === p.latest.substring(0, 7);
		var line = 'Arrives ' + (p.earliest === p.latest ? day(p.latest, lang, true)
			: day(p.earliest, lang, !sameMonth) + ' \u2013 ' + day(p.latest, lang, true));
		var left = Date.parse(p.cutoff) - now.getTime();
		if (left > 0) {
			var hours = Math.floor(left / 3600000);
			line += ' if you order within ' + (hours >= 1 ? hours + ' h' : Math.max(1, Math.ceil(left / 60000)) + ' min');
		}
		return line;
	}

	var script = document.currentScript;
	if (!script || !script.getAttribute('data-store')) {
		return;
	}
	var base = new URL(script.src, document.baseURI);
	var query = new URLSearchParams();
	[['country', 'destinationCountry'], ['region', 'destinationRegion'], ['postal-code', 'destinationPostalCode']]
		.forEach(function (pair) {
			var value = script.getAttribute('data-' + pair[0]);
			if (value) {
				query.set(pair[1], value);
			}
		});
	var box = document.createElement('p');
	box.className = 'beacon-promise';
	box.setAttribute('role', 'status');
	box.setAttribute('aria-live', 'polite');
	script.parentNode.insertBefore(box, script.nextSibling);
	var lang = script.getAttribute('data-lang') || document.documentElement.lang || 'en';
	fetch(base.origin + '/p/' + encodeURIComponent(script.getAttribute('data-store')) + '/promise?' + query,
		{ credentials: 'omit', mode: 'cors' })
		.then(function (r) { return r.ok ? r.json() : null; })
		.then(function (p) {
			if (p) {
				box.textContent = text(p, new Date(), lang);
			}
		})
		.catch(function () { /* no promise shown */ });
	window.BeaconPromise = { text: text };
}());
