(function(){'use strict';
function qa(s,r){return Array.prototype.slice.call((r||document).querySelectorAll(s));}
var devs=qa('article.dev'),list=document.getElementById('dev-list');
var rank={critical:5,high:4,medium:3,low:2,info:1,none:0};
devs.sort(function(a,b){return (rank[b.dataset.worst]-rank[a.dataset.worst])||(+b.dataset.fail-+a.dataset.fail)||a.dataset.name.localeCompare(b.dataset.name);});
devs.forEach(function(d){var li=document.createElement('li'),a=document.createElement('a');a.href='#device='+d.id;a.className='w-'+(d.dataset.state?'off':d.dataset.worst);a.dataset.dev=d.id;var n=document.createElement('span');n.className='dn';n.textContent=d.dataset.name;var k=document.createElement('small');k.textContent=d.dataset.dialect;n.appendChild(k);var c=document.createElement('span');c.className='dc';c.textContent=d.dataset.state?d.dataset.state:(d.dataset.fail+' failed');a.appendChild(n);a.appendChild(c);li.appendChild(a);li.dataset.q=(d.dataset.name+' '+d.dataset.dialect).toLowerCase();list.appendChild(li);});
function show(v){qa('.view').forEach(function(x){x.classList.toggle('active',x.id==='view-'+v);});qa('nav.tabs a').forEach(function(a){a.classList.toggle('active',a.dataset.view===v);});}
function openDev(id){var any=false;devs.forEach(function(d){var on=d.id===id;d.hidden=!on;any=any||on;});qa('#dev-list a').forEach(function(a){a.classList.toggle('active',a.dataset.dev===id);});document.getElementById('dev-none').hidden=any;}
function route(){var h=decodeURIComponent(location.hash.replace(/^#/,''));if(h.indexOf('device=')===0){show('devices');openDev(h.slice(7));window.scrollTo(0,0);}else if(h.indexOf('devname=')===0){var nm=h.slice(8),m=devs.filter(function(d){return d.dataset.name===nm;});show('devices');openDev(m.length?m[0].id:null);window.scrollTo(0,0);}else if(h==='measures'||h==='devices'){show(h);if(h==='devices')openDev(devs.length?devs[0].id:null);}else{show('overview');}}
var ds=document.getElementById('dev-search');if(ds)ds.addEventListener('input',function(){var q=ds.value.toLowerCase();qa('#dev-list li').forEach(function(li){li.hidden=q&&li.dataset.q.indexOf(q)<0;});});
var sel=document.getElementById('status-filter'),ms=document.getElementById('measure-search'),cnt=document.getElementById('measure-count');
function filt(){var s=sel?sel.value:'',q=ms?ms.value.toLowerCase():'',n=0,t=0;qa('#measures-table tbody tr').forEach(function(r){t++;var ok=(!s||(s==='overdue'?r.dataset.overdue==='1':r.dataset.status===s))&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.hidden=!ok;if(ok)n++;});if(cnt)cnt.textContent='Showing '+n+' of '+t+' measures';}
if(sel)sel.addEventListener('change',filt);if(ms)ms.addEventListener('input',filt);
qa('[data-goto-status]').forEach(function(e){e.addEventListener('click',function(){if(sel){sel.value=e.dataset.gotoStatus;filt();}location.hash='measures';});});
window.addEventListener('hashchange',route);filt();route();})();
