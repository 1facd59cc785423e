{{%AUTOESCAPE context="HTML"}}
{{! admin_list.tpl: every item, drafts and scheduled ones included, newest first. }}
{{>HEADER}}
<h1 class="page-title">All items</h1>
<p><a class="button" href="/admin/new">New statement</a></p>
<table class="admin-items">
  <thead><tr><th scope="col">Date</th><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Language</th><th scope="col">Status</th><th scope="col">Author</th></tr></thead>
  <tbody>
  {{#ROW}}
  <tr class="status-{{STATUS}}">
    <td><time datetime="{{DATE_ISO}}">{{DATE}}</time></td>
    <td><a href="{{EDIT_URL}}">{{TITLE}}</a></td>
    <td>{{KIND}}</td>
    <td><span class="lang">{{LANG}}</span>{{#STALE}} <span class="stale-flag" title="The original changed after this translation was last saved or checked">stale translation</span>{{/STALE}}</td>
    <td><span class="status">{{STATUS}}</span></td>
    <td>{{AUTHOR}}</td>
  </tr>
  {{/ROW}}
  </tbody>
</table>
{{#NO_ROWS}}<p class="empty">Nothing here yet.</p>{{/NO_ROWS}}
{{#PREV}}<a class="pager-prev" rel="prev" href="{{PREV_URL}}">&larr; Newer</a>{{/PREV}}
{{#NEXT}}<a class="pager-next" rel="next" href="{{NEXT_URL}}">Older &rarr;</a>{{/NEXT}}
{{>FOOTER}}
