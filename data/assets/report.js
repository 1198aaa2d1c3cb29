(function(){'use strict';
function qa(s,r){return Array.prototype.slice.call((r||document).querySelectorAll(s));}
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!=null)e.textContent=text;return e;}
function link(cls,text,href){var a=el('a',cls,text);a.href=href;return a;}
var devs=qa('script.dd'),list=document.getElementById('dev-list'),pane=document.getElementById('dev-pane');
var ckEl=document.getElementById('checks'),checks=null,ckIdx=null;
function ck(i){if(!checks)checks=JSON.parse(ckEl?ckEl.textContent:'[]');return checks[i]||['?','','info',[],{}];}
function ckIndex(id){if(!ckIdx){ckIdx={};ck(0);checks.forEach(function(c,i){ckIdx[c[0]]=i;});}return id in ckIdx?ckIdx[id]:-1;}
var VN=['pass','fail','not_applicable','unknown','needs_context','waived'],VL=['pass','fail','not applicable','unknown','needs context','waived'];
var rank={critical:5,high:4,medium:3,low:2,info:1,none:0};
/* Check indices a device fails (or has waived), from its attributes. */
function idxSet(d,k){var key='_'+k;if(!d[key]){d[key]={};(d.dataset[k]||'').split(' ').forEach(function(i){if(i)d[key][i]=1;});}return d[key];}
var byCheck=null;
function failing(i,k){if(!byCheck)byCheck={fails:{},waived:{},open:{}};var m=byCheck[k];if(!m[i])m[i]=devs.filter(function(d){return idxSet(d,k)[i];});return m[i];}
function data(d){if(!d._x)d._x=JSON.parse(d.textContent);return d._x;}
function ckLink(id){var a=link('ckref',null,'#check='+encodeURIComponent(id));a.appendChild(el('code',null,id));return a;}
function sinceEl(s){var e=el('div','since','failing since '+String(s[0]).slice(0,10)+(s[1]?' \u00b7 commit '+String(s[1]).slice(0,12):''));e.title=s[0];return e;}
devs.sort(function(a,b){return (rank[b.dataset.worst]-rank[a.dataset.worst])||(+b.dataset.fail-+a.dataset.fail)||a.dataset.name.localeCompare(b.dataset.name);});
var frag=document.createDocumentFragment();
devs.forEach(function(d){var li=el('li'),a=el('a','w-'+(d.dataset.state?'off':d.dataset.worst));a.href='#device='+d.id;a.dataset.dev=d.id;var n=el('span','dn',d.dataset.name);n.appendChild(el('small',null,(d.dataset.host&&d.dataset.host!==d.dataset.name?d.dataset.host+' \u00b7 ':'')+d.dataset.dialect));a.appendChild(n);a.appendChild(el('span','dc',d.dataset.state?d.dataset.state:(d.dataset.fail+' failed')));li.appendChild(a);li.dataset.q=(d.dataset.name+' '+d.dataset.host+' '+d.dataset.dialect).toLowerCase();li.dataset.worst=d.dataset.state?'off':d.dataset.worst;li.dataset.group=d.dataset.group||'';frag.appendChild(li);});
if(list)list.appendChild(frag);
function finding(x,dialect){var c=ck(x[0]),v=VN[x[1]],sev=c[2];var f=el('div','finding f-'+sev+(v==='waived'?' waived':''));f.dataset.sev=sev;var fh=el('div','fh');fh.appendChild(el('span','sev sev-'+sev,sev));fh.appendChild(ckLink(c[0]));fh.appendChild(el('span',null,c[1]));if(v==='waived')fh.appendChild(el('span','badge st-not_applicable','waived'));f.appendChild(fh);f.appendChild(el('p',null,x[2]));
if(x[7])f.appendChild(sinceEl(x[7]));
if(v==='waived'){f.appendChild(el('p','muted','Waiver: '+(x[5]||'')+(x[6]?' (expires '+x[6]+')':'')));}
if(x[3].length){var pre=el('pre','ev');x[3].forEach(function(e){pre.appendChild(el('span','ln',String(e[0])));pre.appendChild(document.createTextNode(e[1]+'\n'));});f.appendChild(pre);}
var rem=x[4]||c[4][dialect]||c[4][''];if(rem){var r=el('div','rem');r.appendChild(el('b',null,'Remediation'));r.appendChild(el('pre',null,rem));f.appendChild(r);}
if(c[3].length){var m=el('div','muted','Measures: ');c[3].forEach(function(id){m.appendChild(link('tag',id,'#measure='+encodeURIComponent(id)));});f.appendChild(m);}return f;}
function table(heads){var t=el('table'),th=el('thead'),tr=el('tr');heads.forEach(function(h){tr.appendChild(el('th',null,h));});th.appendChild(tr);t.appendChild(th);t.appendChild(el('tbody'));return t;}
function render(d){var x=data(d),a=el('article','dev');a.dataset.name=d.dataset.name;a.appendChild(el('h2',null,d.dataset.name));var meta=el('div','meta');meta.appendChild(el('span',null,x.dl+(x.fm?' ('+x.fm+')':'')));if(x.os)meta.appendChild(el('span',null,x.os));if(d.dataset.host&&d.dataset.host!==d.dataset.name)meta.appendChild(el('span',null,'hostname '+d.dataset.host));meta.appendChild(el('span','mono',x.p));if(x.h){var hs=el('span','mono','sha256 '+x.h);hs.title='SHA-256 of the file';meta.appendChild(hs);}a.appendChild(meta);
if(x.why&&d.dataset.state==='excluded'){a.appendChild(el('p','muted','Not assessed: '+x.why+'.'));return a;}
if(x.why){var na=el('div','card');na.appendChild(el('b',null,'Not audited'));na.appendChild(el('p',null,x.why));a.appendChild(na);return a;}
if(x.bad){var cd=el('div','card');cd.appendChild(el('b',null,x.bad===2?'Could not be read or parsed':'Parsed partially'));var ul=el('ul');x.dg.forEach(function(g){ul.appendChild(el('li',null,'line '+g[0]+': '+g[1]));});cd.appendChild(ul);a.appendChild(cd);if(x.bad===2)return a;}
var ch=el('div','chips');x.c.forEach(function(n,i){var s=el('span','chip');s.appendChild(el('b',null,String(n)));s.appendChild(document.createTextNode(VL[i]));ch.appendChild(s);});a.appendChild(ch);
if(!x.c[1]&&!x.c[5])a.appendChild(el('p','ok','No failed checks on this device.'));
(x.f||[]).forEach(function(r){a.appendChild(finding(r,d.dataset.dialect));});
var oth=(x.o||[]).concat((x.ok||[]).map(function(i){return [i,0,''];}),(x.na||[]).map(function(i){return [i,2,''];}));
if(oth.length){var det=el('details','others');det.appendChild(el('summary',null,'Other results ('+oth.length+')'));var t=table(['Check','Verdict','Why']),tb=t.tBodies[0];oth.forEach(function(r){var row=el('tr'),c1=el('td');c1.appendChild(ckLink(ck(r[0])[0]));row.appendChild(c1);row.appendChild(el('td',null,VN[r[1]]));row.appendChild(el('td',null,r[2]));tb.appendChild(row);});det.appendChild(t);a.appendChild(det);}
return a;}
/* The page of one check: every device failing it, with links. */
var cpage=document.getElementById('check-page');
function devLink(d){return link('devref',d.dataset.name,'#device='+d.id);}
function checkPage(id){if(!cpage)return;cpage.textContent='';var i=ckIndex(id);if(i<0){cpage.appendChild(el('p','empty','No check '+id+' in this run.'));return;}
var c=ck(i),h=el('h2','fh');h.appendChild(el('span','sev sev-'+c[2],c[2]));h.appendChild(el('code',null,c[0]));h.appendChild(el('span',null,c[1]));cpage.appendChild(h);
if(c[3].length){var m=el('div','muted','Measures: ');c[3].forEach(function(mid){m.appendChild(link('tag',mid,'#measure='+encodeURIComponent(mid)));});cpage.appendChild(m);}
var fl=failing(i,'fails'),wv=failing(i,'waived');
cpage.appendChild(el('p','lead','Fails on '+fl.length+' device'+(fl.length===1?'':'s')+(wv.length?'; waived on '+wv.length:'')+'.'));
var rows=fl.map(function(d){var x=data(d),r=(x.f||[]).filter(function(y){return y[0]===i;})[0]||[];return [d,r];});
var hasSince=rows.some(function(r){return r[1][7];});
var t=table(['Device','Hostname','Group','Platform','Finding'].concat(hasSince?['Failing since']:[]));t.id='check-devices';var tb=t.tBodies[0];
rows.forEach(function(p){var d=p[0],r=p[1],tr=el('tr'),td=el('td');td.appendChild(devLink(d));tr.appendChild(td);tr.appendChild(el('td',null,d.dataset.host||''));tr.appendChild(el('td',null,d.dataset.group||''));tr.appendChild(el('td',null,d.dataset.dialect));tr.appendChild(el('td',null,r[2]||''));if(hasSince)tr.appendChild(el('td','mono',r[7]?String(r[7][0]).slice(0,10)+(r[7][1]?' '+String(r[7][1]).slice(0,12):''):''));tb.appendChild(tr);});
if(rows.length){var w=el('div','tablewrap');w.appendChild(t);cpage.appendChild(w);sortable(t);}
if(wv.length){var wp=el('p','muted','Waived on: ');wv.forEach(function(d){wp.appendChild(devLink(d));});cpage.appendChild(wp);}
var rem=c[4]['']||c[4][Object.keys(c[4])[0]];if(rem){var rb=el('div','rem');rb.appendChild(el('b',null,'Remediation'));rb.appendChild(el('pre',null,rem));cpage.appendChild(rb);}}
function show(v){qa('.view').forEach(function(x){x.classList.toggle('active',x.id==='view-'+v);});qa('nav.tabs a').forEach(function(a){a.classList.toggle('active',a.dataset.view===v);});}
function openDev(id){qa('article.dev',pane).forEach(function(a){a.remove();});var d=id?document.getElementById(id):null;var ok=!!(d&&d.classList.contains('dd'));if(ok){var a=render(d);pane.appendChild(a);qa('table',a).forEach(sortable);}qa('#dev-list a').forEach(function(a){a.classList.toggle('active',a.dataset.dev===id);});document.getElementById('dev-none').hidden=ok;}
function route(){var h=decodeURIComponent(location.hash.replace(/^#/,''));if(h.indexOf('device=')===0){show('devices');openDev(h.slice(7));window.scrollTo(0,0);}else if(h.indexOf('devname=')===0){var nm=h.slice(8),m=devs.filter(function(d){return d.dataset.name===nm||d.dataset.host===nm;});show('devices');openDev(m.length?m[0].id:null);window.scrollTo(0,0);}else if(h.indexOf('check=')===0){checkPage(h.slice(6));show('check');window.scrollTo(0,0);}else if(h.indexOf('measure=')===0){if(sel)sel.value='';if(rs)rs.value='';if(ms)ms.value=h.slice(8);filt();show('measures');window.scrollTo(0,0);}else if(h.indexOf('regulation=')===0){if(sel)sel.value='';if(ms)ms.value='';if(rs)rs.value=h.slice(11);filt();show('measures');window.scrollTo(0,0);}else if(h==='measures'||h==='devices'){show(h);if(h==='devices')openDev(devs.length?devs[0].id:null);}else{show('overview');}}
/* The device list: search, severity at least, group. */
var ds=document.getElementById('dev-search'),dsev=document.getElementById('dev-sev'),dgrp=document.getElementById('dev-group'),dcnt=document.getElementById('dev-count');
if(dgrp){var gs={};devs.forEach(function(d){gs[d.dataset.group||'']=1;});Object.keys(gs).sort().forEach(function(g){var o=el('option',null,g||'(top level)');o.value=g;dgrp.appendChild(o);});}
function devFilt(){var q=ds?ds.value.toLowerCase():'',s=dsev?dsev.value:'',g=dgrp?dgrp.value:'*',n=0,t=0;qa('#dev-list li').forEach(function(li){t++;var w=li.dataset.worst,ok=(!q||li.dataset.q.indexOf(q)>=0)&&(!s||(s==='none'?w==='none':w!=='off'&&rank[w]>=rank[s]))&&(g==='*'||li.dataset.group===g);li.hidden=!ok;if(ok)n++;});if(dcnt)dcnt.textContent=(n===t?'':'Showing '+n+' of ')+t+' device'+(t===1?'':'s');}
[ds,dsev,dgrp].forEach(function(e){if(e)e.addEventListener(e===ds?'input':'change',devFilt);});devFilt();
var sel=document.getElementById('status-filter'),rs=document.getElementById('reg-filter'),ms=document.getElementById('measure-search'),cnt=document.getElementById('measure-count');
function filt(){var s=sel?sel.value:'',g=rs?rs.value:'',q=ms?ms.value.toLowerCase():'',n=0,t=0;qa('#measures-table tbody tr').forEach(function(r){t++;var ok=(!s||(s==='overdue'?r.dataset.overdue==='1':r.dataset.status===s))&&(!g||(' '+r.dataset.regs+' ').indexOf(' '+g+' ')>=0)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.hidden=!ok;if(ok)n++;});if(cnt)cnt.textContent='Showing '+n+' of '+t+' measures'+(g?' mapped to Regulation '+g:'');}
[sel,rs].forEach(function(e){if(e)e.addEventListener('change',filt);});if(ms)ms.addEventListener('input',filt);
qa('[data-goto-status]').forEach(function(e){e.addEventListener('click',function(){if(sel){sel.value=e.dataset.gotoStatus;filt();}location.hash='measures';});});
/* "+N more": every (device, check) pair behind the measure's status: failed,
   waived, then undecided (unknown or needs context), as compliance counts them. */
var mChecks=null;
function measurePairs(mid){if(!mChecks){mChecks={};ck(0);checks.forEach(function(c,i){c[3].forEach(function(m){(mChecks[m]=mChecks[m]||[]).push(i);});});}var out=[];['fails','waived','open'].forEach(function(k){(mChecks[mid]||[]).forEach(function(i){failing(i,k).forEach(function(d){out.push([d,i,k]);});});});return out;}
qa('button.more').forEach(function(b){var all=measurePairs(b.dataset.measure),extra=all.length-(+b.dataset.shown);if(extra>0)b.textContent='+'+extra+' more';else b.remove();b.addEventListener('click',function(){var box=b.parentNode;box.textContent='';measurePairs(b.dataset.measure).forEach(function(p){box.appendChild(link('devref'+(p[2]==='open'?' open':''),p[0].dataset.name+' \u00b7 '+ck(p[1])[0]+(p[2]==='fails'?'':' ('+(p[2]==='open'?'undecided':'waived')+')'),'#device='+p[0].id));box.appendChild(document.createTextNode(' '));});});});
function sortable(t){qa('thead th',t).forEach(function(th,col){th.tabIndex=0;th.setAttribute('aria-sort','none');function go(){var asc=th.getAttribute('aria-sort')!=='ascending';qa('thead th',t).forEach(function(x){x.setAttribute('aria-sort','none');});th.setAttribute('aria-sort',asc?'ascending':'descending');var tb=t.tBodies[0];if(!tb)return;var rows=Array.prototype.slice.call(tb.rows);function key(r){var c=r.cells[col],v=c?c.textContent.trim():'';if(v in rank)return rank[v];var n=parseFloat(v);return isNaN(n)||!/^-?[0-9.]+(\s|$)/.test(v)?v.toLowerCase():n;}rows.sort(function(a,b){var x=key(a),y=key(b),d=(typeof x===typeof y)?(x<y?-1:x>y?1:0):(typeof x==='number'?-1:1);return asc?d:-d;});rows.forEach(function(r){tb.appendChild(r);});}th.addEventListener('click',go);th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});});}
qa('table').forEach(sortable);
/* Printing: the summary and every failed finding (built when printing starts). */
var pf=document.getElementById('print-findings');
function buildPrint(){if(!pf||pf.dataset.built)return;pf.dataset.built='1';pf.appendChild(el('h2',null,'Failed checks by device'));var n=0;devs.forEach(function(d){if(d.dataset.state||!+d.dataset.fail)return;var x=data(d),fs=(x.f||[]).filter(function(r){return r[1]===1;});if(!fs.length)return;var s=el('div','pdev');s.appendChild(el('h3',null,d.dataset.name+(d.dataset.host&&d.dataset.host!==d.dataset.name?' ('+d.dataset.host+')':'')));fs.forEach(function(r){s.appendChild(finding(r,d.dataset.dialect));n++;});pf.appendChild(s);});pf.dataset.findings=n;if(!n)pf.appendChild(el('p','ok','No failed checks.'));}
window.addEventListener('beforeprint',buildPrint);if(window.matchMedia){var mq=window.matchMedia('print');if(mq.addEventListener)mq.addEventListener('change',function(e){if(e.matches)buildPrint();});}
window.addEventListener('hashchange',route);filt();route();})();
