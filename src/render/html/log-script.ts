// The series page's script (its SHA-256 is in the page's policy): a timeline row or a link to #post-N opens
// that post's versions; the table sorts by any column; the CSV download is made here from the embedded data.

export const LOG_SCRIPT = `(function(){
var data=JSON.parse(document.getElementById('data').textContent);
function openPost(){var m=/^#post-(\\d+)$/.exec(location.hash);if(!m)return;var d=document.getElementById('post-'+m[1]);
if(d){d.open=true;d.scrollIntoView({block:'start'});var s=d.querySelector('summary');if(s)s.focus({preventScroll:true});}}
window.addEventListener('hashchange',openPost);openPost();
var table=document.getElementById('posts-table'),body=table.tBodies[0],trs={};
[].forEach.call(body.rows,function(tr,i){trs[data.rows[i][0]]=tr;});
var order=data.rows.slice(),col=0,dir=1;
function key(r,c){return c===2?r[6]:c===3?r[7]:r[c];}
function sort(c){var t0=performance.now();dir=c===col?-dir:1;col=c;order.sort(function(a,b){var x=key(a,c),y=key(b,c);
var v=typeof x==='number'?x-y:String(x).localeCompare(String(y));return (v||a[0]-b[0])*dir;});
var f=document.createDocumentFragment();order.forEach(function(r){f.appendChild(trs[r[0]]);});body.appendChild(f);
[].forEach.call(table.tHead.rows[0].cells,function(th,i){th.setAttribute('aria-sort',i===c?(dir>0?'ascending':'descending'):'none');});
performance.measure('livediff-sort',{start:t0});}
[].forEach.call(table.querySelectorAll('th button'),function(b){b.addEventListener('click',function(){sort(+b.getAttribute('data-col'));});});
function cell(v){var s=String(v);if(/^[=+\\-@\\t\\r]/.test(s))s="'"+s;return /[",\\n\\r]/.test(s)?'"'+s.replace(/"/g,'""')+'"':s;}
document.getElementById('csv').addEventListener('click',function(){
var lines=[data.columns.map(cell).join(',')].concat(order.map(function(r){return r.slice(0,6).map(cell).join(',');}));
var url=URL.createObjectURL(new Blob([lines.join('\\r\\n')+'\\r\\n'],{type:'text/csv'}));
var a=document.createElement('a');a.href=url;a.download='livediff-posts.csv';document.body.appendChild(a);a.click();a.remove();
setTimeout(function(){URL.revokeObjectURL(url);},1000);});
window.addEventListener('beforeprint',function(){[].forEach.call(document.querySelectorAll('details'),function(d){d.open=true;});});
})();`;
