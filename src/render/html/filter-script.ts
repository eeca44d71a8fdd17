// The diff page's script (its SHA-256 is in the page's policy): keeps the filter boxes in the URL hash
// (`#show=added,edited&sbs`) so a link opens the same view, and opens collapsed posts for printing.
// Filtering itself is CSS (:has), so the page works without it.

export const FILTER_SCRIPT = `(function(){
var boxes=[].slice.call(document.querySelectorAll('.filters input[type=checkbox]'));
function read(){var h=location.hash.slice(1);if(h.indexOf('show=')!==0)return;var parts=h.split('&');
var show=parts[0].slice(5).split(',');boxes.forEach(function(b){b.checked=b.id==='sbs'?parts.indexOf('sbs')>0:show.indexOf(b.name)>=0;});}
function write(){var on=boxes.filter(function(b){return b.checked&&b.id!=='sbs';}).map(function(b){return b.name;});
var sbs=document.getElementById('sbs');history.replaceState(null,'','#show='+on.join(',')+(sbs&&sbs.checked?'&sbs':''));}
read();window.addEventListener('hashchange',read);
boxes.forEach(function(b){b.addEventListener('change',write);});
window.addEventListener('beforeprint',function(){[].forEach.call(document.querySelectorAll('details'),function(d){d.open=true;});});
})();`;
