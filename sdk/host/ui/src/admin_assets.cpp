#include "estore/host/ui/admin_assets.h"

namespace estore::host {

namespace {

const char* const kStyle = R"CSS(
:root { --ink: #1d2733; --muted: #5b6875; --line: #d8dee4; --accent: #0b5cad; --bad: #b3261e;
        --warn: #8a5a00; --good: #1e7a34; --paper: #ffffff; --back: #f3f5f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink);
       background: var(--back); }
header { background: #12324f; color: #fff; }
header nav { display: flex; gap: 1.2rem; align-items: center; max-width: 72rem; margin: 0 auto;
             padding: .7rem 1.2rem; }
header a { color: #fff; text-decoration: none; }
header .brand { font-weight: bold; margin-right: auto; }
header form { margin: 0; }
header button { background: transparent; color: #fff; border: 1px solid #8fb0cf; border-radius: 4px;
                padding: .2rem .7rem; cursor: pointer; }
main { max-width: 72rem; margin: 1.2rem auto; padding: 0 1.2rem; }
h1 { font-size: 1.5rem; margin: .3rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem;
        margin-bottom: 1rem; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
a { color: var(--accent); }
.button, button.primary { display: inline-block; background: var(--accent); color: #fff; border: 0;
        border-radius: 4px; padding: .5rem 1rem; font-size: .95rem; text-decoration: none; cursor: pointer; }
.status-active { color: var(--good); font-weight: 600; }
.status-needs_attention { color: var(--bad); font-weight: 600; }
.muted { color: var(--muted); }
.field { margin: 0 0 1.1rem; max-width: 44rem; }
.field label { display: block; font-weight: 600; margin-bottom: .25rem; }
.field .required { color: var(--bad); margin-left: .2rem; }
.field input[type=text], .field input[type=password], .field input[type=date], .field select {
        width: 100%; padding: .45rem .5rem; border: 1px solid #aab4be; border-radius: 4px; font: inherit; }
.field.invalid input, .field.invalid select { border-color: var(--bad); }
.field .help { margin: .25rem 0 0; color: var(--muted); font-size: .85rem; }
.field .error { margin: .3rem 0 0; color: var(--bad); font-weight: 600; }
.field.check label { display: inline; font-weight: 600; }
.map td { padding: .2rem .3rem; border: 0; }
.map input { width: 100%; padding: .3rem .4rem; border: 1px solid #aab4be; border-radius: 4px; font: inherit; }
.alert { border-left: 4px solid var(--bad); background: #fdecea; padding: .7rem 1rem; margin-bottom: 1rem; }
.notice { border-left: 4px solid var(--good); background: #e7f4ea; padding: .7rem 1rem; margin-bottom: 1rem; }
.platforms { display: flex; gap: 1rem; flex-wrap: wrap; }
.platforms a { display: block; width: 16rem; padding: 1rem; background: var(--paper); border: 1px solid var(--line);
        border-radius: 6px; text-decoration: none; color: var(--ink); }
.platforms a strong { display: block; font-size: 1.1rem; color: var(--accent); }
.signin { max-width: 24rem; margin: 3rem auto; }
.level-error { color: var(--bad); } .level-warning { color: var(--warn); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
form.inline { display: inline; margin: 0; }
form.search input, form.search select { padding: .4rem .5rem; border: 1px solid #aab4be; border-radius: 4px; font: inherit; width: 16rem; }
form.search button { padding: .4rem .9rem; font: inherit; }
.invoice table { margin: .6rem 0; } .pager a { margin: 0 .4rem; }
form.inline button, button[data-copy] { background: #fff; color: var(--accent); border: 1px solid var(--accent);
        border-radius: 4px; padding: .25rem .7rem; cursor: pointer; font: inherit; font-size: .9rem; }
.running { color: var(--accent); font-weight: 600; } .waiting { color: var(--warn); }
code { background: #eef1f4; padding: .2rem .4rem; border-radius: 3px; word-break: break-all; }
)CSS";

// Enhancements only: every page works without it. The jobs table polls its states while a job runs or
// waits for a worker, and shows the page again once they are all done (new counts, the activity log).
const char* const kScript = R"JS(
(function () {
  var table = document.getElementById('jobs');
  if (!table || !table.getAttribute('data-poll')) return;
  var url = table.getAttribute('data-poll');
  function poll() {
    fetch(url, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (data) {
      data.jobs.forEach(function (job) {
        var row = table.querySelector('tr[data-job="' + job.job + '"] .state');
        if (row) row.innerHTML = job.state;
      });
      if (data.active) setTimeout(poll, 500); else location.reload();
    }).catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
document.querySelectorAll('[data-copy]').forEach(function (button) {
  button.addEventListener('click', function () {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (source && navigator.clipboard) navigator.clipboard.writeText(source.textContent.trim());
  });
});
)JS";

}  // namespace

std::optional<AdminAsset> AdminAssets::find(const std::string& name) {
    if (name == "app.css") return AdminAsset{"text/css; charset=utf-8", kStyle};
    if (name == "app.js") return AdminAsset{"text/javascript; charset=utf-8", kScript};
    return std::nullopt;
}

}  // namespace estore::host
