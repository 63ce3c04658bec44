// Reloads the parts of a page that carry data-refresh-url every data-refresh-ms milliseconds, without
// reloading the page. The server renders (and escapes) the fragments; this script only swaps them in.
(function () {
  'use strict';

  var state = document.getElementById('refresh-state');

  function report(text, failed) {
    if (state) {
      state.textContent = text;
      state.className = failed ? 'refresh-failed' : 'refresh-ok';
    }
  }

  // The collapsed finding lists (<details data-scope>) a reader opened, keyed by scope and position, so that a
  // refresh keeps them open.
  function openDetails(section) {
    var open = {};
    var seen = {};
    section.querySelectorAll('details[data-scope]').forEach(function (details) {
      var scope = details.getAttribute('data-scope');
      seen[scope] = (seen[scope] || 0) + 1;
      if (details.open) {
        open[scope + '#' + seen[scope]] = true;
      }
    });
    return open;
  }

  function reopen(section, open) {
    var seen = {};
    section.querySelectorAll('details[data-scope]').forEach(function (details) {
      var scope = details.getAttribute('data-scope');
      seen[scope] = (seen[scope] || 0) + 1;
      if (open[scope + '#' + seen[scope]]) {
        details.open = true;
      }
    });
  }

  function refresh(section) {
    fetch(section.getAttribute('data-refresh-url'), {
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      var open = openDetails(section);
      section.innerHTML = html;
      reopen(section, open);
      report('Refreshed at ' + new Date().toLocaleTimeString() + '.', false);
    }).catch(function (error) {
      report('Refresh failed (' + error.message + '), retrying.', true);
    });
  }

  document.querySelectorAll('[data-refresh-url]').forEach(function (section) {
    var every = parseInt(section.getAttribute('data-refresh-ms'), 10);
    if (every >= 1000) {
      setInterval(function () { refresh(section); }, every);
    }
  });
})();
