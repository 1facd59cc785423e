{{%AUTOESCAPE context="HTML"}}
{{! admin_diff.tpl: two versions of an item compared word by word, one block per field that differs. }}
{{#DIFF_FIELD}}<div class="diff-field">
<h3>{{LABEL}}</h3>
<div class="diff">{{#CHUNK}}{{#SAME}}{{TEXT}}{{/SAME}}{{#DEL}}<del>{{TEXT}}</del>{{/DEL}}{{#INS}}<ins>{{TEXT}}</ins>{{/INS}}{{/CHUNK}}</div>
</div>{{/DIFF_FIELD}}
{{#NO_DIFF}}<p>Title, teaser, text and signature are the same in both.</p>{{/NO_DIFF}}
