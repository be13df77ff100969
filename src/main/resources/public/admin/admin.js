// Castkeeper admin: an upload queue with a progress bar and Cancel per file, the copy button, previews and the
// unsaved-changes warning. No framework; the pages work without it
// except for uploads of audio, which stream the file as the request body.
(function () {
  'use strict';
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content;

  // Uploads go one after another through a queue; each file has its own row with a progress bar and a
  // Cancel button. A cancelled upload is aborted: the server deletes what it had received.
  var queue = [];
  var busy = false;

  function row(file) {
    var li = document.createElement('li');
    li.className = 'upload-item';
    var name = document.createElement('span');
    name.className = 'name';
    name.textContent = file.name;
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Upload progress of ' + file.name);
    var numbers = document.createElement('span');
    numbers.className = 'numbers';
    var percent = document.createElement('span');
    percent.className = 'percent';
    percent.textContent = 'waiting';
    var speed = document.createElement('span');
    speed.className = 'speed';
    numbers.appendChild(percent);
    numbers.appendChild(document.createTextNode(' '));
    numbers.appendChild(speed);
    var cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'secondary cancel';
    cancel.textContent = 'Cancel';
    var message = document.createElement('p');
    message.className = 'message';
    message.setAttribute('role', 'status');
    [name, bar, numbers, cancel, message].forEach(function (el) { li.appendChild(el); });
    // Looked up each time: the part of the page holding the list may have been refreshed since.
    document.getElementById('upload-queue').appendChild(li);
    return {li: li, bar: bar, percent: percent, speed: speed, cancel: cancel, message: message};
  }

  function enqueue(file, url, done) {
    var ui = row(file);
    var limit = Number((document.getElementById('dropzone') || {dataset: {}}).dataset.limit || 0);
    if (!/\.(mp3|m4a)$/i.test(file.name)) {
      finish(ui, 'Choose an MP3 or M4A file (its name ends in .mp3 or .m4a).', 'failed');
      return;
    }
    if (limit && file.size > limit) {
      finish(ui, 'This file is bigger than the upload limit (' + Math.round(limit / 1048576) + ' MB).', 'failed');
      return;
    }
    var item = {file: file, url: url, done: done, ui: ui, xhr: null, cancelled: false};
    ui.cancel.addEventListener('click', function () {
      item.cancelled = true;
      if (item.xhr) { item.xhr.abort(); }
      finish(ui, 'Cancelled. Nothing was saved.', 'cancelled');
      if (!item.xhr) { queue.splice(queue.indexOf(item), 1); }
    });
    queue.push(item);
    next();
  }

  function finish(ui, text, state) {
    ui.message.textContent = text;
    ui.cancel.hidden = true;
    ui.li.classList.add(state);
  }

  function next() {
    if (busy || queue.length === 0) { return; }
    var item = queue.shift();
    if (item.cancelled) { next(); return; }
    busy = true;
    send(item, function () { busy = false; next(); });
  }

  function send(item, after) {
    var ui = item.ui;
    var xhr = new XMLHttpRequest();
    item.xhr = xhr;
    var started = Date.now();
    xhr.open('PUT', item.url + (item.url.indexOf('?') < 0 ? '?' : '&') + 'name=' + encodeURIComponent(item.file.name));
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    ui.percent.textContent = '0%';
    ui.message.textContent = 'Uploading…';
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) { return; }
      var p = Math.round(100 * e.loaded / e.total);
      ui.bar.value = p;
      ui.percent.textContent = p + '%';
      var seconds = Math.max(0.001, (Date.now() - started) / 1000);
      ui.speed.textContent = (e.loaded / 1048576 / seconds).toFixed(1) + ' MB/s';
    };
    xhr.upload.onload = function () {
      ui.bar.value = 100;
      ui.percent.textContent = '100%';
      ui.message.textContent = 'Reading the audio…';
    };
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = {error: xhr.responseText}; }
      if (xhr.status >= 200 && xhr.status < 300) {
        var warned = body.warnings && body.warnings.length;
        finish(ui, 'Uploaded "' + (body.title || item.file.name) + '"'
          + (warned ? ', with warnings (shown on its page): ' + body.warnings.join(' ') : '.') + ' ', 'done');
        var open = document.createElement('a');
        open.href = body.edit;
        open.textContent = 'Open it';
        ui.message.appendChild(open);
        item.done(body);
      } else {
        finish(ui, body.error || ('The upload failed (' + xhr.status + ').'), 'failed');
      }
      after();
    };
    xhr.onerror = function () { finish(ui, 'The upload was interrupted. Nothing was saved.', 'failed'); after(); };
    xhr.onabort = function () { after(); };
    xhr.send(item.file);
  }

  var drop = document.getElementById('dropzone');
  var picker = document.getElementById('file');
  if (drop && picker) {
    var added = 0;
    var succeeded = [];
    // One file on its own opens its draft when it is in; several stay listed here, each with a link.
    var go = function (files) {
      added += files.length;
      Array.prototype.forEach.call(files, function (file) {
        enqueue(file, '/admin/upload', function (body) {
          succeeded.push(body);
          if (added === 1) { setTimeout(function () { window.location = body.edit; }, 800); return; }
          // Several files: the list below (and its count) shows each new draft as it arrives.
          fetch(location.href, { credentials: 'same-origin' }).then(function (r) { return r.text(); })
            .then(function (html) { refreshPart('episode-list', html); });
        });
      });
    };
    picker.addEventListener('change', function () { if (picker.files.length) { go(picker.files); picker.value = ''; } });
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.dataTransfer.files.length) { go(e.dataTransfer.files); }
    });
  }

  // Replacing the audio uploads it through the queue, then refreshes the Files part of the page only: what is
  // typed in the editor above stays. (Delegated: the Files part is replaced after each upload.)
  document.addEventListener('change', function (e) {
    var replace = e.target;
    if (replace.id !== 'replace-audio' || !replace.files[0]) { return; }
    enqueue(replace.files[0], replace.dataset.uploadUrl, function (body) {
      fetch(body.edit, { credentials: 'same-origin' }).then(function (r) { return r.text(); })
        .then(function (html) { refreshPart('files-section', html, 'The audio was replaced.'); });
    });
  });

  // A part of the page (the Files card, the show artwork) rendered anew from a page the server sent, with the
  // server's message at its top: the rest of the page, and anything typed in it, stays as it is.
  function refreshPart(id, html, fallback) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var fresh = doc.getElementById(id);
    var part = document.getElementById(id);
    if (!fresh || !part) { return false; }
    var messages = doc.querySelectorAll('main > .notice, main > .error, main > .hint');
    var replacement = document.importNode(fresh, true);
    var heading = replacement.querySelector('h2');
    var said = false;
    Array.prototype.slice.call(messages).reverse().forEach(function (m) {
      if (m.classList.contains('hint') && !said) { return; }
      replacement.insertBefore(document.importNode(m, true), heading ? heading.nextSibling : replacement.firstChild);
      said = true;
    });
    if (!said && fallback) {
      var note = document.createElement('p');
      note.className = 'notice'; note.setAttribute('role', 'status'); note.textContent = fallback;
      replacement.insertBefore(note, heading ? heading.nextSibling : replacement.firstChild);
    }
    part.replaceWith(replacement);
    var first = replacement.querySelector('.notice, .error');
    if (first) { first.tabIndex = -1; first.scrollIntoView({ block: 'center' }); first.focus({ preventScroll: true }); }
    return true;
  }

  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var field = document.getElementById(button.dataset.copy);
      field.select();
      (navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.resolve(document.execCommand('copy')))
        .then(function () { button.textContent = 'Copied'; });
    });
  });

  // Forms marked data-unsaved-warning ask before the page is left with changes typed but not saved.
  document.querySelectorAll('form[data-unsaved-warning]').forEach(function (form) {
    var dirty = form.querySelector('[name="confirm"]') !== null; // a confirmation page holds unsaved values
    form.addEventListener('input', function () { dirty = true; });
    form.addEventListener('change', function () { dirty = true; });
    form.addEventListener('submit', function () { dirty = false; });
    // "Cancel" on a confirmation means: leave, discarding what was typed. No second question.
    document.querySelectorAll('[data-discard]').forEach(function (link) {
      link.addEventListener('click', function () { dirty = false; });
    });
    window.addEventListener('beforeunload', function (e) {
      if (dirty) { e.preventDefault(); e.returnValue = ''; }
    });
  });

  // Every form is sent without leaving the page first, so that a refusal the server answers in plain words (the
  // catalogue away: 503; a full disk: 507; signed out: 401; a network failure) is shown above the form while
  // everything typed stays in it. A page the server renders (the next page, or the form again with its errors)
  // replaces this one as a normal submit would.
  function problemBox(form) {
    var box = form.querySelector('.form-problem');
    if (!box) {
      box = document.createElement('p');
      box.className = 'error form-problem';
      box.setAttribute('role', 'alert');
      box.tabIndex = -1;
      form.insertBefore(box, form.firstChild);
    }
    return box;
  }
  function showProblem(form, text) {
    var box = problemBox(form);
    box.textContent = text;
    box.scrollIntoView({ block: 'center' });
    box.focus();
  }
  document.addEventListener('submit', function (e) {
    var form = e.target;
    // Attributes, not properties: a field named "action" or "method" hides the form's own property.
    var method = (form.getAttribute('method') || 'get').toLowerCase();
    if (!(form instanceof HTMLFormElement) || method !== 'post' || !window.fetch
        || form.hasAttribute('data-plain-submit')) { return; }
    var action = (e.submitter && e.submitter.getAttribute('formaction')) || form.getAttribute('action')
      || location.href;
    e.preventDefault();
    var data = e.submitter ? new FormData(form, e.submitter) : new FormData(form);
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    var again = function () { buttons.forEach(function (b) { b.disabled = false; }); };
    // Sent as the browser would: URL-encoded unless the form carries files.
    var body = form.getAttribute('enctype') === 'multipart/form-data' ? data : new URLSearchParams(data);
    fetch(action, { method: 'POST', body: body, credentials: 'same-origin' }).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (type.indexOf('text/html') === 0) {
        var part = form.getAttribute('data-in-place');
        if (part) {
          // A file sent from a part of the page: only that part is refreshed, the typed fields elsewhere stay.
          return r.text().then(function (html) {
            again();
            if (!refreshPart(part, html)) { document.open(); document.write(html); document.close(); }
          });
        }
        if (r.redirected) { location.assign(r.url); return; }
        return r.text().then(function (html) { document.open(); document.write(html); document.close(); });
      }
      return r.text().then(function (text) {
        again();
        if (r.status === 401) {
          signInAgain(form, e.submitter);
          return;
        }
        showProblem(form, text || ('The server answered ' + r.status + '. What you typed is still here.'));
      });
    }).catch(function () {
      again();
      showProblem(form, 'The server cannot be reached, so this was not saved. What you typed is still here:'
        + ' press the button again in a moment.');
    });
  });

  // Signed out while typing (the session ran out, or the password changed elsewhere): a sign-in box right above the
  // form, and once signed in the form is sent again, once, with everything typed in it. The new session's CSRF
  // token replaces the old one in every form on the page.
  function field(label, type, name, auto) {
    var p = document.createElement('p');
    var l = document.createElement('label');
    var input = document.createElement('input');
    input.type = type; input.name = name; input.id = 'again-' + name; input.required = true;
    input.autocomplete = auto;
    l.htmlFor = input.id; l.textContent = label;
    p.appendChild(l); p.appendChild(input);
    return p;
  }
  function signInAgain(form, submitter) {
    var old = document.getElementById('sign-in-again');
    if (old) { old.remove(); }
    var box = document.createElement('form');
    box.id = 'sign-in-again';
    box.className = 'confirm';
    box.setAttribute('data-plain-submit', '');
    box.setAttribute('aria-labelledby', 'sign-in-again-title');
    var title = document.createElement('h2');
    title.id = 'sign-in-again-title';
    title.textContent = 'Sign in again to save';
    var why = document.createElement('p');
    why.textContent = 'You have been signed out, so nothing was saved yet. Sign in here: what you typed stays on'
      + ' this page and is saved as soon as you are in.';
    var problem = document.createElement('p');
    problem.className = 'error'; problem.setAttribute('role', 'alert'); problem.id = 'sign-in-again-error';
    var button = document.createElement('button');
    button.type = 'submit'; button.id = 'sign-in-again-button'; button.textContent = 'Sign in and save';
    [title, why, problem, field('Name', 'text', 'username', 'username'),
      field('Password', 'password', 'password', 'current-password'), button]
      .forEach(function (el) { box.appendChild(el); });
    form.parentNode.insertBefore(box, form);
    box.tabIndex = -1;
    box.scrollIntoView({ block: 'center' });
    box.querySelector('input').focus({ preventScroll: true });
    box.addEventListener('submit', function (e) {
      e.preventDefault();
      button.disabled = true;
      var failed = function (text) { button.disabled = false; problem.textContent = text; };
      // The sign-in form's own token first (it sets the cookie that goes with it), then the sign-in itself.
      fetch('/admin/login', { credentials: 'same-origin' }).then(function (r) { return r.text(); })
        .then(function (page) {
          var doc = new DOMParser().parseFromString(page, 'text/html');
          var token = doc.querySelector('input[name="_csrf"]');
          var meta = doc.querySelector('meta[name="csrf-token"]');
          if (meta) { return meta.content; } // signed in already, in another tab
          var body = new URLSearchParams();
          body.set('_csrf', token ? token.value : '');
          body.set('username', box.querySelector('[name="username"]').value);
          body.set('password', box.querySelector('[name="password"]').value);
          return fetch('/admin/login', { method: 'POST', body: body, credentials: 'same-origin' })
            .then(function (r) { return r.text(); })
            .then(function (next) {
              var after = new DOMParser().parseFromString(next, 'text/html');
              var fresh = after.querySelector('meta[name="csrf-token"]');
              if (!fresh) {
                var error = after.getElementById('error');
                throw new Error(error ? error.textContent : 'That did not sign you in.');
              }
              return fresh.content;
            });
        })
        .then(function (token) {
          csrf = token;
          document.querySelectorAll('input[name="_csrf"]').forEach(function (i) { i.value = token; });
          var meta = document.querySelector('meta[name="csrf-token"]');
          if (meta) { meta.content = token; }
          box.remove();
          if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
        })
        .catch(function (err) { failed(err.message || 'The server cannot be reached. Try again in a moment.'); });
    });
  }

  // A confirmation comes with the page it asks about, which starts at its top: it is brought to the middle of the
  // screen and focused, on a desktop as on a phone, so that nothing seems to happen when it is there.
  // The list of what to fix after a refused save is brought into view the same way.
  var confirmation = document.getElementById('confirm') || document.getElementById('problems');
  if (confirmation) {
    confirmation.tabIndex = -1;
    confirmation.scrollIntoView({ block: 'center' });
    confirmation.focus({ preventScroll: true });
  }

  // An image chosen for upload is shown before it is sent. (Delegated: the part holding it may be refreshed.)
  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('input[type="file"][data-preview]')) { return; }
    var img = document.getElementById(input.dataset.preview);
    if (!img || !input.files[0]) { return; }
    img.src = URL.createObjectURL(input.files[0]);
    img.hidden = false;
  });

  // The show notes preview: rendered by the server exactly as the feed will carry them.
  document.querySelectorAll('textarea[data-preview-url]').forEach(function (notes) {
    var box = document.getElementById('notes-preview');
    var details = box && box.closest('details');
    if (!box) { return; }
    var timer = null;
    var refresh = function () {
      if (details && !details.open) { return; }
      var xhr = new XMLHttpRequest();
      xhr.open('POST', notes.dataset.previewUrl);
      xhr.setRequestHeader('X-CSRF-Token', csrf);
      xhr.setRequestHeader('Content-Type', 'text/plain; charset=utf-8');
      xhr.onload = function () { if (xhr.status === 200) { box.innerHTML = xhr.responseText; } };
      xhr.send(notes.value);
    };
    notes.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 400); });
    if (details) { details.addEventListener('toggle', refresh); }
  });
})();
