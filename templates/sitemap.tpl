{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
{{#URLSET}}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
{{#URL}}<url><loc>{{LOC}}</loc>{{#LASTMOD}}<lastmod>{{DATE}}</lastmod>{{/LASTMOD}}{{#ALTERNATE}}<xhtml:link rel="alternate" hreflang="{{HREFLANG}}" href="{{HREF}}"/>{{/ALTERNATE}}</url>
{{/URL}}</urlset>{{/URLSET}}
{{#INDEX}}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#SITEMAP}}<sitemap><loc>{{LOC}}</loc></sitemap>
{{/SITEMAP}}</sitemapindex>{{/INDEX}}
