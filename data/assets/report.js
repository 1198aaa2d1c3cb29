(function(){'use strict';
function qa(s,r){return Array.prototype.slice.call((r||document).querySelectorAll(s));}
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!=null)e.textContent=text;return e;}
var devs=qa('script.dd'),list=document.getElementById('dev-list'),pane=document.getElementById('dev-pane');
var ckEl=document.getElementById('checks'),checks=null;
function ck(i){if(!checks)checks=JSON.parse(ckEl?ckEl.textContent:'[]');return checks[i]||['?','','info',[],{}];}
var VN=['pass','fail','not_applicable','unknown','needs_context','waived'],VL=['pass','fail','not applicable','unknown','needs context','waived'];
var rank={critical:5,high:4,medium:3,low:2,info:1,none:0};
devs.sort(function(a,b){return (rank[b.dataset.worst]-rank[a.dataset.worst])||(+b.dataset.fail-+a.dataset.fail)||a.dataset.name.localeCompare(b.dataset.name);});
var frag=document.createDocumentFragment();
devs.forEach(function(d){var li=el('li'),a=el('a','w-'+(d.dataset.state?'off':d.dataset.worst));a.href='#device='+d.id;a.dataset.dev=d.id;var n=el('span','dn',d.dataset.name);n.appendChild(el('small',null,(d.dataset.host&&d.dataset.host!==d.dataset.name?d.dataset.host+' \u00b7 ':'')+d.dataset.dialect));a.appendChild(n);a.appendChild(el('span','dc',d.dataset.state?d.dataset.state:(d.dataset.fail+' failed')));li.appendChild(a);li.dataset.q=(d.dataset.name+' '+d.dataset.host+' '+d.dataset.dialect).toLowerCase();frag.appendChild(li);});
if(list)list.appendChild(frag);
function finding(x,dialect){var c=ck(x[0]),v=VN[x[1]],sev=c[2];var f=el('div','finding f-'+sev+(v==='waived'?' waived':''));var fh=el('div','fh');fh.appendChild(el('span','sev sev-'+sev,sev));fh.appendChild(el('code',null,c[0]));fh.appendChild(el('span',null,c[1]));if(v==='waived')fh.appendChild(el('span','badge st-not_applicable','waived'));f.appendChild(fh);f.appendChild(el('p',null,x[2]));
if(v==='waived'){f.appendChild(el('p','muted','Waiver: '+(x[5]||'')+(x[6]?' (expires '+x[6]+')':'')));}
if(x[3].length){var pre=el('pre','ev');x[3].forEach(function(e){pre.appendChild(el('span','ln',String(e[0])));pre.appendChild(document.createTextNode(e[1]+'\n'));});f.appendChild(pre);}
var rem=x[4]||c[4][dialect]||c[4][''];if(rem){var r=el('div','rem');r.appendChild(el('b',null,'Remediation'));r.appendChild(el('pre',null,rem));f.appendChild(r);}
if(c[3].length){var m=el('div','muted','Measures: ');c[3].forEach(function(id){m.appendChild(el('span','tag',id));});f.appendChild(m);}return f;}
function render(d){var x=JSON.parse(d.textContent),a=el('article','dev');a.dataset.name=d.dataset.name;a.appendChild(el('h2',null,d.dataset.name));var meta=el('div','meta');meta.appendChild(el('span',null,x.dl+(x.fm?' ('+x.fm+')':'')));if(x.os)meta.appendChild(el('span',null,x.os));if(d.dataset.host&&d.dataset.host!==d.dataset.name)meta.appendChild(el('span',null,'hostname '+d.dataset.host));meta.appendChild(el('span','mono',x.p));if(x.h){var hs=el('span','mono','sha256 '+x.h);hs.title='SHA-256 of the file';meta.appendChild(hs);}a.appendChild(meta);
if(x.why&&d.dataset.state==='excluded'){a.appendChild(el('p','muted','Not assessed: '+x.why+'.'));return a;}
if(x.why){var na=el('div','card');na.appendChild(el('b',null,'Not audited'));na.appendChild(el('p',null,x.why));a.appendChild(na);return a;}
if(x.bad){var cd=el('div','card');cd.appendChild(el('b',null,x.bad===2?'Could not be read or parsed':'Parsed partially'));var ul=el('ul');x.dg.forEach(function(g){ul.appendChild(el('li',null,'line '+g[0]+': '+g[1]));});cd.appendChild(ul);a.appendChild(cd);if(x.bad===2)return a;}
var ch=el('div','chips');x.c.forEach(function(n,i){var s=el('span','chip');s.appendChild(el('b',null,String(n)));s.appendChild(document.createTextNode(VL[i]));ch.appendChild(s);});a.appendChild(ch);
if(!x.c[1]&&!x.c[5])a.appendChild(el('p','ok','No failed checks on this device.'));
(x.f||[]).forEach(function(r){a.appendChild(finding(r,d.dataset.dialect));});
var oth=(x.o||[]).concat((x.ok||[]).map(function(i){return [i,0,''];}),(x.na||[]).map(function(i){return [i,2,''];}));
if(oth.length){var det=el('details');det.appendChild(el('summary',null,'Other results ('+oth.length+')'));var t=el('table'),th=el('thead'),tr=el('tr');['Check','Verdict','Why'].forEach(function(h){tr.appendChild(el('th',null,h));});th.appendChild(tr);t.appendChild(th);var tb=el('tbody');oth.forEach(function(r){var row=el('tr'),c1=el('td');c1.appendChild(el('code',null,ck(r[0])[0]));row.appendChild(c1);row.appendChild(el('td',null,VN[r[1]]));row.appendChild(el('td',null,r[2]));tb.appendChild(row);});t.appendChild(tb);det.appendChild(t);a.appendChild(det);}
return a;}
function show(v){qa('.view').forEach(function(x){x.classList.toggle('active',x.id==='view-'+v);});qa('nav.tabs a').forEach(function(a){a.classList.toggle('active',a.dataset.view===v);});}
function openDev(id){qa('article.dev',pane).forEach(function(a){a.remove();});var d=id?document.getElementById(id):null;if(d&&d.classList.contains('dd'))pane.appendChild(render(d));qa('#dev-list a').forEach(function(a){a.classList.toggle('active',a.dataset.dev===id);});document.getElementById('dev-none').hidden=!!(d&&d.classList.contains('dd'));}
function route(){var h=decodeURIComponent(location.hash.replace(/^#/,''));if(h.indexOf('device=')===0){show('devices');openDev(h.slice(7));window.scrollTo(0,0);}else if(h.indexOf('devname=')===0){var nm=h.slice(8),m=devs.filter(function(d){return d.dataset.name===nm||d.dataset.host===nm;});show('devices');openDev(m.length?m[0].id:null);window.scrollTo(0,0);}else if(h==='measures'||h==='devices'){show(h);if(h==='devices')openDev(devs.length?devs[0].id:null);}else{show('overview');}}
var ds=document.getElementById('dev-search');if(ds)ds.addEventListener('input',function(){var q=ds.value.toLowerCase();qa('#dev-list li').forEach(function(li){li.hidden=q&&li.dataset.q.indexOf(q)<0;});});
var sel=document.getElementById('status-filter'),ms=document.getElementById('measure-search'),cnt=document.getElementById('measure-count');
function filt(){var s=sel?sel.value:'',q=ms?ms.value.toLowerCase():'',n=0,t=0;qa('#measures-table tbody tr').forEach(function(r){t++;var ok=(!s||(s==='overdue'?r.dataset.overdue==='1':r.dataset.status===s))&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.hidden=!ok;if(ok)n++;});if(cnt)cnt.textContent='Showing '+n+' of '+t+' measures';}
if(sel)sel.addEventListener('change',filt);if(ms)ms.addEventListener('input',filt);
qa('[data-goto-status]').forEach(function(e){e.addEventListener('click',function(){if(sel){sel.value=e.dataset.gotoStatus;filt();}location.hash='measures';});});
function sortable(t){qa('thead th',t).forEach(function(th,col){th.tabIndex=0;th.setAttribute('aria-sort','none');function go(){var asc=th.getAttribute('aria-sort')!=='ascending';qa('thead th',t).forEach(function(x){x.setAttribute('aria-sort','none');});th.setAttribute('aria-sort',asc?'ascending':'descending');var tb=t.tBodies[0];if(!tb)return;var rows=Array.prototype.slice.call(tb.rows);function key(r){var c=r.cells[col],v=c?c.textContent.trim():'';if(v in rank)return rank[v];var n=parseFloat(v);return isNaN(n)||!/^-?[0-9.]+(\s|$)/.test(v)?v.toLowerCase():n;}rows.sort(function(a,b){var x=key(a),y=key(b),d=(typeof x===typeof y)?(x<y?-1:x>y?1:0):(typeof x==='number'?-1:1);return asc?d:-d;});rows.forEach(function(r){tb.appendChild(r);});}th.addEventListener('click',go);th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});});}
qa('table').forEach(sortable);
var mo=new MutationObserver(function(){qa('table',pane).forEach(function(t){if(!t.dataset.sortable){t.dataset.sortable='1';sortable(t);}});});if(pane)mo.observe(pane,{childList:true});
window.addEventListener('hashchange',route);filt();route();})();
