{{%AUTOESCAPE context="HTML"}}
{{! admin_diff.tpl: two versions of an item compared word by word, one block per field that differs. }}
{{#DIFF_FIELD}}<div class="diff-field">
<h3>{{LABEL}}</h3>
<div class="diff">{{#CHUNK}}{{#SAME}}{{TEXT:pre_escape}}{{/SAME}}{{#DEL}}<del>{{TEXT:pre_escape}}</del>{{/DEL}}{{#INS}}<ins>{{TEXT:pre_escape}}</ins>{{/INS}}{{/CHUNK}}</div>
</div>{{/DIFF_FIELD}}
{{#NO_DIFF}}<p>Title, teaser, text and signature are the same in both.</p>{{/NO_DIFF}}
