{{%AUTOESCAPE context="HTML"}}
{{! admin_log.tpl: the audit log, newest first. }}
{{>HEADER}}
<h1 class="page-title">Audit log</h1>
<table class="admin-log">
  <thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">From</th><th scope="col">What</th><th scope="col">Item</th><th scope="col">Detail</th></tr></thead>
  <tbody>
  {{#ENTRY}}
  <tr>
    <td><time datetime="{{AT_ISO}}">{{AT}}</time></td>
    <td>{{WHO}}</td>
    <td>{{ADDRESS}}</td>
    <td class="action">{{ACTION}}</td>
    <td>{{#ITEM}}<a href="{{ITEM_URL}}">{{ITEM_TITLE}}</a>{{/ITEM}}</td>
    <td>{{DETAIL}}{{#REPEATED}} <span class="repeated">({{TIMES}} times)</span>{{/REPEATED}}</td>
  </tr>
  {{/ENTRY}}
  </tbody>
</table>
{{#PREV}}<a class="pager-prev" rel="prev" href="{{PREV_URL}}">&larr; Newer</a>{{/PREV}}
{{#NEXT}}<a class="pager-next" rel="next" href="{{NEXT_URL}}">Older &rarr;</a>{{/NEXT}}
{{>FOOTER}}
