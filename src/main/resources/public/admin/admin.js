// Castkeeper admin: uploads with a progress bar, and the copy button. No framework; the pages work without it
// except for uploads of audio, which stream the file as the request body.
(function () {
  'use strict';
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content;

  function upload(file, url, done) {
    var status = document.getElementById('upload-status');
    var bar = document.getElementById('upload-progress');
    var percent = document.getElementById('upload-percent');
    var speed = document.getElementById('upload-speed');
    var message = document.getElementById('upload-message');
    if (!/\.mp3$/i.test(file.name)) {
      message.textContent = 'Choose an MP3 file (its name ends in .mp3).';
      return;
    }
    var limit = Number((document.getElementById('dropzone') || {dataset: {}}).dataset.limit || 0);
    if (limit && file.size > limit) {
      message.textContent = 'This file is bigger than the upload limit (' + Math.round(limit / 1048576) + ' MB).';
      return;
    }
    var xhr = new XMLHttpRequest();
    var started = Date.now();
    xhr.open('PUT', url + (url.indexOf('?') < 0 ? '?' : '&') + 'name=' + encodeURIComponent(file.name));
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (status) { status.hidden = false; }
    if (message) { message.textContent = 'Uploading ' + file.name + '…'; }
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable || !bar) { return; }
      var p = Math.round(100 * e.loaded / e.total);
      bar.value = p;
      percent.textContent = p + '%';
      var seconds = Math.max(0.001, (Date.now() - started) / 1000);
      speed.textContent = (e.loaded / 1048576 / seconds).toFixed(1) + ' MB/s';
    };
    xhr.upload.onload = function () {
      if (bar) { bar.value = 100; percent.textContent = '100%'; }
      if (message) { message.textContent = 'Reading the MP3…'; }
    };
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = {error: xhr.responseText}; }
      if (xhr.status >= 200 && xhr.status < 300 && body.warnings && body.warnings.length && message) {
        // Warnings (a truncated file, audio used before) stay on screen until the host moves on.
        message.textContent = 'Uploaded "' + (body.title || file.name) + '", with warnings: '
          + body.warnings.join(' ') + ' ';
        var open = document.createElement('a');
        open.href = body.edit;
        open.textContent = 'Open the episode';
        message.appendChild(open);
      } else if (xhr.status >= 200 && xhr.status < 300) {
        if (message) { message.textContent = 'Uploaded "' + (body.title || file.name) + '". Opening it…'; }
        done(body);
      } else if (message) {
        message.textContent = body.error || ('The upload failed (' + xhr.status + ').');
      }
    };
    xhr.onerror = function () { if (message) { message.textContent = 'The upload was interrupted. Nothing was saved.'; } };
    xhr.send(file);
  }

  var drop = document.getElementById('dropzone');
  var picker = document.getElementById('file');
  if (drop && picker) {
    // A moment to read "Uploaded", then on to the new draft.
    var go = function (file) {
      upload(file, '/admin/upload', function (body) { setTimeout(function () { window.location = body.edit; }, 800); });
    };
    picker.addEventListener('change', function () { if (picker.files[0]) { go(picker.files[0]); } });
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.dataTransfer.files[0]) { go(e.dataTransfer.files[0]); }
    });
  }

  var replace = document.getElementById('replace-audio');
  if (replace) {
    replace.addEventListener('change', function () {
      if (replace.files[0]) {
        upload(replace.files[0], replace.dataset.uploadUrl, function (body) { window.location = body.edit; });
      }
    });
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

  // An image chosen for upload is shown before it is sent.
  document.querySelectorAll('input[type="file"][data-preview]').forEach(function (input) {
    input.addEventListener('change', function () {
      var img = document.getElementById(input.dataset.preview);
      if (!img || !input.files[0]) { return; }
      img.src = URL.createObjectURL(input.files[0]);
      img.hidden = false;
    });
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
