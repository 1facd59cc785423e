{{%AUTOESCAPE context="HTML"}}
{{! history.tpl: /history, the public log of every publication, correction and withdrawal, newest first. }}
{{>HEADER}}
<section class="history" aria-labelledby="history-title">
  <h1 id="history-title">{{LIST_TITLE}}</h1>
  <p class="history-intro">{{W_HISTORY_INTRO}}</p>
  <p class="history-files"><a href="/history.txt">{{W_HISTORY_AS_TEXT}}</a> &middot; <a href="/history-head.txt">{{W_HISTORY_CHECKPOINT}}</a> &middot; <a href="{{VERIFY_URL}}">{{W_HOW_TO_VERIFY}}</a></p>
  {{#NO_ENTRIES}}<p>{{W_HISTORY_EMPTY}}</p>{{/NO_ENTRIES}}
  {{#ENTRY}}<article class="history-entry" id="entry-{{SEQ}}">
    <p class="history-meta"><span class="history-seq">{{W_ENTRY}} {{SEQ}}</span>
    {{#SEALED}}<span class="history-change history-sealed">{{W_SEALED}}</span> {{W_SEALED_EXPLAINED}}</p>
    <p class="history-hash">{{W_ENTRY_HASH}} <code>{{HASH}}</code></p>{{/SEALED}}
    {{#SHOWN}}<time datetime="{{AT_ISO}}">{{AT}}</time> <span class="history-change history-{{CHANGE}}">{{CHANGE_LABEL}}</span></p>
    <h2 class="history-title"><a href="{{ITEM_URL}}">{{TITLE}}</a></h2>
    <p class="history-version"><a href="{{VERSION_URL}}">{{VERSION_LABEL}}</a> &middot; {{W_TEXT_SHA256}} <code title="{{TEXT_SHA256}}">{{TEXT_SHA256_SHORT}}&hellip;</code></p>
    {{#NOTE}}<p class="history-note">{{W_NOTE}} {{NOTE_TEXT}}</p>{{/NOTE}}
    {{#DIFF}}<div class="history-diff">{{#DIFF_FIELD}}<p class="diff-field"><span class="diff-label">{{LABEL}}:</span> {{#CHUNK}}{{#SAME}}{{TEXT:pre_escape}}{{/SAME}}{{#DEL}}<del>{{TEXT:pre_escape}}</del>{{/DEL}}{{#INS}}<ins>{{TEXT:pre_escape}}</ins>{{/INS}}{{/CHUNK}}</p>{{/DIFF_FIELD}}</div>{{/DIFF}}
    {{#SAME_WORDS}}<p class="history-same-words">{{W_SAME_WORDS}}</p>{{/SAME_WORDS}}
    {{#DIFF_SKIPPED}}<p class="history-diff-skipped">{{W_DIFF_SKIPPED}} <a href="{{BEFORE_URL}}">{{BEFORE_LABEL}}</a></p>{{/DIFF_SKIPPED}}
    {{/SHOWN}}
  </article>{{/ENTRY}}
</section>
{{#PAGER}}<nav class="pager" aria-label="{{W_PAGES}}"><span class="pager-current">{{W_PAGE}} {{PAGE}}</span>{{/PAGER}}
{{#PREV}}<a class="pager-prev" rel="prev" href="{{PREV_URL}}">&larr; {{W_NEWER_ENTRIES}}</a>{{/PREV}}
{{#NEXT}}<a class="pager-next" rel="next" href="{{NEXT_URL}}">{{W_OLDER_ENTRIES}} &rarr;</a>{{/NEXT}}
{{#PAGER}}</nav>{{/PAGER}}
{{>FOOTER}}
