{{%AUTOESCAPE context="HTML"}}
{{! admin_subscribers.tpl: email alerts' subscribers counted per list; never an address. }}
{{>HEADER}}
<h1 class="page-title">Subscribers</h1>
<p class="subscriber-totals"><span id="confirmed">{{CONFIRMED}}</span> confirmed, <span id="pending">{{PENDING}}</span> pending (not yet confirmed: they receive nothing but the confirmation).</p>
<table class="admin-subscribers">
  <thead><tr><th scope="col">Language</th><th scope="col">Press releases</th><th scope="col">pending</th><th scope="col">Events</th><th scope="col">pending</th></tr></thead>
  <tbody>
  {{#LIST}}
  <tr class="list-{{LANG}}"><th scope="row">{{LANG}}</th><td class="releases">{{RELEASES}}</td><td class="releases-pending">{{RELEASES_PENDING}}</td><td class="events">{{EVENTS}}</td><td class="events-pending">{{EVENTS_PENDING}}</td></tr>
  {{/LIST}}
  </tbody>
</table>
{{#NONE}}<p class="empty">Nobody has subscribed yet.</p>{{/NONE}}
<p>The addresses are not shown here. The data controller exports them on the server with <code>pressroom subscribers export</code>.</p>
{{>FOOTER}}
