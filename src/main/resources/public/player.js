// The show site's player: a chapter's button moves the player to where the chapter starts and plays from there,
// on the episode page and in the embeddable player. No framework, nothing from elsewhere.
(function () {
  'use strict';
  var player = document.getElementById('player');
  if (!player) { return; }
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-seek]');
    if (!button) { return; }
    player.currentTime = Number(button.getAttribute('data-seek'));
    var playing = player.play();
    if (playing && playing.catch) { playing.catch(function () {}); }
  });
})();
