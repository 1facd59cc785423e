{{%AUTOESCAPE context="HTML"}}
{{! admin_form.tpl: a new or existing item: the statement form, its workflow buttons and its history. }}
{{>HEADER}}
<h1 class="page-title">{{FORM_TITLE}}</h1>
{{#DONE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#KEPT}}<p class="notice" role="status">{{MESSAGE}}</p>{{/KEPT}}
{{#EDITING}}<p class="notice editing" role="status">{{WHO}} opened this form at <time datetime="{{AT_ISO}}">{{AT}}</time> and may be editing it. If you both save, the second save is stopped and shown what the first changed.</p>{{/EDITING}}
{{#STATUS_LINE}}<p class="status-line">Status: <span class="status status-{{STATUS}}">{{STATUS}}</span>{{#PUBLIC_LINK}} &middot; <a href="{{PUBLIC_URL}}">public page</a>{{/PUBLIC_LINK}}{{#ALERTS}} &middot; <span class="alerts">email alerts: <span class="alerts-queued">{{QUEUED}}</span> queued, <span class="alerts-sent">{{SENT}}</span> sent, <span class="alerts-failed">{{FAILED}}</span> failed</span>{{/ALERTS}}</p>{{/STATUS_LINE}}
{{#TRANSLATIONS}}
<section class="translations" aria-label="Languages">
  <p>Language: <span class="item-language">{{LANGUAGE}}</span>{{#IS_TRANSLATION}} (a translation){{/IS_TRANSLATION}}{{#OTHER_VERSION}} &middot; <a class="other-version" href="{{URL}}">{{LANGUAGE}}{{#ORIGINAL}} original{{/ORIGINAL}}: {{TITLE}}</a>{{/OTHER_VERSION}}</p>
  {{#STALE}}<div class="notice stale-translation" role="status">
    <p><strong>Stale translation:</strong> <a href="{{ORIGINAL_URL}}">the original</a> was updated on {{CHANGED}}, after this version was last saved or checked. Update this version, or say it is still accurate.</p>
    <form method="post" action="{{CHECKED_URL}}"><input type="hidden" name="csrf" value="{{CSRF}}">
      <p class="field"><label for="checked-note">What was checked</label> <input id="checked-note" name="note" type="text" maxlength="500" required></p>
      <p><button type="submit" class="secondary">Checked, still accurate</button></p>
    </form>
  </div>{{/STALE}}
  {{#CHECK_NOTE}}<p class="hint">Last checked against the original: {{NOTE}}</p>{{/CHECK_NOTE}}
  {{#ADD_VERSION}}<p><a class="button secondary add-version" href="{{URL}}">{{LABEL}}</a></p>{{/ADD_VERSION}}
</section>
{{/TRANSLATIONS}}
{{#REVIEW_COMMENT}}<div class="notice review-comment"><p><strong>Sent back by the publisher:</strong></p><p>{{COMMENT}}</p></div>{{/REVIEW_COMMENT}}
{{#WITHDRAWN}}<p class="notice">This item was withdrawn on {{WITHDRAWN_DATE}} and can no longer be edited.{{#WITHDRAWAL_NOTE}} Note: {{NOTE}}{{/WITHDRAWAL_NOTE}}</p>{{/WITHDRAWN}}
{{#SHARED}}<div class="notice" role="status"><p>Anyone with this link can read the draft until {{EXPIRES}} (UTC), unless you revoke it. It is shown only now: copy it.</p><p><label for="share-url">Preview link</label> <input id="share-url" class="share-link" type="url" readonly value="{{SHARE_URL}}"> <a href="{{SHARE_URL}}">open it</a></p></div>{{/SHARED}}
{{#CONFLICT}}<section class="conflict" role="alert" aria-labelledby="conflict-title">
  <h2 id="conflict-title">Changed by {{WHO}} at <time datetime="{{AT_ISO}}">{{AT}}</time> since you opened it</h2>
  <p>{{ADVICE}}</p>
  <h3>{{DIFF_TITLE}}</h3>
  {{>DIFF}}
</section>{{/CONFLICT}}
{{#FORM_ERRORS}}
<div class="form-errors" role="alert" aria-labelledby="form-errors-title">
  <h2 id="form-errors-title">Nothing was saved: please correct</h2>
  <ul>{{#ERROR}}<li><a href="#{{FIELD}}">{{LABEL}} {{MESSAGE}}</a></li>{{/ERROR}}</ul>
</div>
{{/FORM_ERRORS}}
{{#WITH_SOURCE}}<div class="translate-side-by-side">{{/WITH_SOURCE}}
{{#SOURCE}}<section class="translation-source" aria-labelledby="source-title">
  <h2 id="source-title">The original (read-only): <a href="{{SOURCE_URL}}">{{SOURCE_TITLE}}</a></h2>
  <p class="field"><label for="source-teaser">Teaser</label><textarea id="source-teaser" rows="3" readonly>{{SOURCE_TEASER:pre_escape}}</textarea></p>
  <p class="field"><label for="source-body">Text</label><textarea id="source-body" rows="18" readonly>{{SOURCE_BODY:pre_escape}}</textarea></p>
  <p class="field"><label for="source-signature">Signature block</label><textarea id="source-signature" rows="4" readonly>{{SOURCE_SIGNATURE:pre_escape}}</textarea></p>
</section>{{/SOURCE}}
<form class="item-form" method="post" action="{{FORM_ACTION}}" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#VERSION_FIELD}}<input type="hidden" name="version" value="{{VERSION}}">{{/VERSION_FIELD}}
{{#BACKDATE}}<div class="conflict" role="alert">
  <h2>Publish with a date in the past?</h2>
  <p>This will appear as published on {{DATE_LONG}}, {{AGO}}. Nothing has been published yet.</p>
  <input type="hidden" name="confirm" value="{{CONFIRM_AT}}">
  <p><button type="submit" name="action" value="publish">Yes, publish as of {{DATE_LONG}}</button></p>
  <p>To publish it as new, choose "Now" below and press Publish.</p>
</div>{{/BACKDATE}}
<fieldset{{#READONLY}} disabled{{/READONLY}}>
  <legend class="visually-hidden">Statement</legend>
  <div class="field-row">
    <p class="field"><label for="kind">Kind</label>
    <select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
    {{#KIND_ERROR}}<span class="field-error">{{MESSAGE}}</span>{{/KIND_ERROR}}</p>
    <p class="field"><label for="item_type">Type</label>
    <select id="item_type" name="item_type">{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select>
    {{#ITEM_TYPE_ERROR}}<span class="field-error">{{MESSAGE}}</span>{{/ITEM_TYPE_ERROR}}</p>
    <p class="field"><label for="lang">Language</label>
    <select id="lang" name="lang">{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}</select>
    {{#LANG_ERROR}}<span class="field-error">{{MESSAGE}}</span>{{/LANG_ERROR}}</p>
  </div>
  <p class="field"><label for="title">Title</label>
  <input id="title" name="title" type="text" maxlength="300" value="{{TITLE}}"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_ERROR}}>
  {{#TITLE_ERROR}}<span class="field-error" id="title-error">{{MESSAGE}}</span>{{/TITLE_ERROR}}</p>
  <div class="field-row">
    <p class="field"><label for="date">Publication date</label>
    <input id="date" name="date" type="date" value="{{DATE}}"{{#DATE_ERROR}} aria-invalid="true" aria-describedby="date-error"{{/DATE_ERROR}}>
    {{#DATE_ERROR}}<span class="field-error" id="date-error">{{MESSAGE}}</span>{{/DATE_ERROR}}</p>
    <p class="field"><label for="time">Time</label>
    <input id="time" name="time" type="time" value="{{TIME}}"{{#TIME_ERROR}} aria-invalid="true" aria-describedby="time-error"{{/TIME_ERROR}}>
    {{#TIME_ERROR}}<span class="field-error" id="time-error">{{MESSAGE}}</span>{{/TIME_ERROR}}</p>
    <p class="field"><label for="zone">in the time of</label>
    <select id="zone" name="zone">{{#ZONE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ZONE_OPTION}}</select>
    {{#ZONE_ERROR}}<span class="field-error">{{MESSAGE}}</span>{{/ZONE_ERROR}}</p>
  </div>
  {{#CAN_PUBLISH}}<fieldset class="when">
    <legend>When "Publish" makes it public</legend>
    <p><label><input type="radio" name="when" value="now"{{#WHEN_NOW}} checked{{/WHEN_NOW}}> Now: the publication time is the moment you press Publish</label></p>
    <p><label><input type="radio" name="when" value="set"{{#WHEN_SET}} checked{{/WHEN_SET}}> At the date and time above: a future time schedules it; a past time asks you to confirm</label></p>
  </fieldset>{{/CAN_PUBLISH}}
  <p class="hint">A time in the future schedules the item: it becomes public at that moment by itself.</p>
  <p class="field"><label for="teaser">Teaser <span class="hint">(one paragraph, shown in lists)</span></label>
  <textarea id="teaser" name="teaser" rows="3" maxlength="1000">{{TEASER:pre_escape}}</textarea>
  {{#TEASER_ERROR}}<span class="field-error">{{MESSAGE}}</span>{{/TEASER_ERROR}}</p>
  <p class="field"><label for="body">Text</label>
  <textarea id="body" name="body" rows="18" aria-describedby="body-help"{{#BODY_ERROR}} aria-invalid="true"{{/BODY_ERROR}}>{{BODY:pre_escape}}</textarea>
  <span class="hint" id="body-help">A blank line starts a new paragraph. Numbered points: start a line with "1. ". Links: [words](https://address).</span>
  {{#BODY_ERROR}}<span class="field-error">{{MESSAGE}}</span>{{/BODY_ERROR}}</p>
  <p class="field"><label for="signature">Signature block <span class="hint">(optional; a blank line between signatories)</span></label>
  <textarea id="signature" name="signature" rows="4" maxlength="1000">{{SIGNATURE:pre_escape}}</textarea>
  {{#SIGNATURE_ERROR}}<span class="field-error">{{MESSAGE}}</span>{{/SIGNATURE_ERROR}}</p>
  {{#NOTE_FIELD}}<p class="field"><label for="note">Change note <span class="hint">(required: shown on the public page as "Updated")</span></label>
  <input id="note" name="note" type="text" maxlength="500" value="{{NOTE}}"{{#NOTE_ERROR}} aria-invalid="true"{{/NOTE_ERROR}}>
  {{#NOTE_ERROR}}<span class="field-error">{{MESSAGE}}</span>{{/NOTE_ERROR}}</p>
  <p class="field"><label><input type="checkbox" name="notify" value="1"{{#NOTIFY_CHECKED}} checked{{/NOTIFY_CHECKED}}> Notify subscribers of this correction <span class="hint">(by email; otherwise a correction sends nothing)</span></label></p>{{/NOTE_FIELD}}
  <fieldset class="media-files">
  <legend>Photos and documents</legend>
  <input type="hidden" name="media_form" value="1">
  <p class="hint">JPEG, PNG or WebP images and PDF documents. Every image needs alt text unless it is decorative; a document needs a title. The order sets where each appears.</p>
  {{#MEDIA_ROW}}<div class="media-row" id="media_{{N}}">
    {{#MEDIA_EXISTING}}<input type="hidden" name="media_{{N}}_id" value="{{ID}}"><p class="media-name">{{KIND}}: {{NAME}} <span class="hint">({{SIZE}})</span> <label><input type="checkbox" name="media_{{N}}_remove" value="1"> remove</label></p>{{/MEDIA_EXISTING}}
    {{#MEDIA_NEW}}<p class="field"><label for="media_{{N}}_file">Add a file</label> <input id="media_{{N}}_file" name="media_{{N}}_file" type="file" accept="image/jpeg,image/png,image/webp,application/pdf"></p>{{/MEDIA_NEW}}
    {{#MEDIA_ERROR}}<span class="field-error" id="media_{{N}}-error">{{MESSAGE}}</span>{{/MEDIA_ERROR}}
    <div class="field-row">
      <p class="field"><label for="media_{{N}}_position">Order</label> <input id="media_{{N}}_position" name="media_{{N}}_position" type="number" min="1" max="999" value="{{POSITION}}"></p>
      <p class="field"><label><input type="radio" name="media_lead" value="{{N}}"{{#LEAD}} checked{{/LEAD}}> lead image</label></p>
      <p class="field"><label><input type="checkbox" name="media_{{N}}_decorative" value="1"{{#DECORATIVE}} checked{{/DECORATIVE}}> decorative (no alt text)</label></p>
    </div>
    <p class="field"><label for="media_{{N}}_alt">Alt text <span class="hint">(images: what it shows)</span></label> <input id="media_{{N}}_alt" name="media_{{N}}_alt" type="text" maxlength="500" value="{{ALT}}"></p>
    <div class="field-row">
      <p class="field"><label for="media_{{N}}_caption">Caption</label> <input id="media_{{N}}_caption" name="media_{{N}}_caption" type="text" maxlength="1000" value="{{CAPTION}}"></p>
      <p class="field"><label for="media_{{N}}_credit">Credit</label> <input id="media_{{N}}_credit" name="media_{{N}}_credit" type="text" maxlength="300" value="{{CREDIT}}"></p>
      <p class="field"><label for="media_{{N}}_title">Title <span class="hint">(documents)</span></label> <input id="media_{{N}}_title" name="media_{{N}}_title" type="text" maxlength="300" value="{{TITLE}}"></p>
    </div>
  </div>{{/MEDIA_ROW}}
  </fieldset>
  <p class="buttons">
    <button type="submit" name="action" value="preview" class="secondary">Preview</button>
    {{#CAN_SAVE}}<button type="submit" name="action" value="save" class="secondary">{{SAVE_LABEL}}</button>{{/CAN_SAVE}}
    {{#CAN_SUBMIT}}<button type="submit" name="action" value="submit">Submit for review</button>{{/CAN_SUBMIT}}
    {{#CAN_PUBLISH}}<button type="submit" name="action" value="publish">Publish or schedule</button>{{/CAN_PUBLISH}}
    {{#CAN_UNSCHEDULE}}<button type="submit" name="action" value="unschedule" class="secondary">Unschedule (back to draft)</button>{{/CAN_UNSCHEDULE}}
  </p>
</fieldset>
</form>
{{#WITH_SOURCE}}</div>{{/WITH_SOURCE}}
{{#SENDBACK_FORM}}
<form class="side-form" method="post" action="{{ITEM_ADMIN_URL}}/sendback">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
  <p class="field"><label for="comment">Send back to the author with a comment</label>
  <textarea id="comment" name="comment" rows="3" maxlength="2000" required></textarea></p>
  <p><button type="submit" class="secondary">Send back</button></p>
</form>
{{/SENDBACK_FORM}}
{{#WITHDRAW_FORM}}
<p class="side-form danger"><a href="{{ITEM_ADMIN_URL}}/withdraw">Withdraw this item…</a> (asks first, with a note for the public)</p>
{{/WITHDRAW_FORM}}
{{#SHARE_BOX}}
<section class="share" aria-labelledby="share-title">
  <h2 id="share-title">Preview link for reviewers</h2>
  {{#ACTIVE_LINK}}<p>A link made {{CREATED}} is valid until {{EXPIRES}} (UTC).</p>{{/ACTIVE_LINK}}
  <form method="post" action="{{ITEM_ADMIN_URL}}/share"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="secondary">Make a preview link (valid 7 days)</button></form>
  {{#CAN_REVOKE}}<form method="post" action="{{ITEM_ADMIN_URL}}/revoke"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" class="secondary">Revoke every preview link</button></form>{{/CAN_REVOKE}}
</section>
{{/SHARE_BOX}}
{{#HISTORY}}
<section class="history" aria-labelledby="history-title">
  <h2 id="history-title">Revisions</h2>
  <ol>{{#REVISION}}<li><time datetime="{{AT_ISO}}">{{AT}}</time> {{WHO}}: {{ACTION}} ({{STATUS}}){{#REVISION_NOTE}}: {{NOTE}}{{/REVISION_NOTE}} &middot; <a href="{{ITEM_ADMIN_URL}}/revisions?rev={{REV_ID}}">open</a></li>{{/REVISION}}</ol>
  <p><a href="{{ITEM_ADMIN_URL}}/revisions">Compare revisions</a></p>
</section>
{{/HISTORY}}
{{>FOOTER}}
