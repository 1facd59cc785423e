-- seed.sql: the demo content, from the embassy press page capture: the site settings and consular contacts,
-- the two header clocks, the Russian-Chinese joint statement of 5 July 2017 and the ten latest events.
-- Run by `pressroom db seed` inside the caller's transaction; slugify() is the application's function.

INSERT INTO setting (key, value) VALUES
  ('site_name', 'Embassy of the Russian Federation to the United Kingdom'),
  ('site_tagline', 'Press releases and news'),
  ('site_zone', 'Europe/London'),
  ('contact_label', 'Consular queries'),
  ('contact_phone', '+44 (0) 203 668 7474'),
  ('contact_email', 'info@rusemb.org.uk');

INSERT INTO clock_city (position, label, zone) VALUES
  (1, 'Moscow', 'Europe/Moscow'),
  (2, 'London', 'Europe/London');

-- The site's name, tagline and contact label as readers of /ru/ see them (site_in_language).
INSERT INTO setting (key, value) VALUES
  ('site_name:ru', 'Посольство Российской Федерации в Соединённом Королевстве'),
  ('site_tagline:ru', 'Пресс-релизы и новости'),
  ('contact_label:ru', 'Консульские вопросы');

-- The clocks' cities in Russian, for the /ru/ interface (0008).
INSERT INTO clock_city_label (position, lang, label) VALUES
  (1, 'ru', 'Москва'),
  (2, 'ru', 'Лондон');

-- The press release: the joint statement, with its two signatories.
INSERT INTO item (id, kind, type, slug, title, teaser, body, signature, status, published_at, created_at, updated_at)
SELECT id, 'release', 'statement', slugify(title), title, teaser, body, signature, 'published', at, at, at FROM (SELECT
  1 AS id,
  unixepoch('2017-07-05 09:00:00') AS at,
  'Joint statement by the Russian and Chinese foreign ministries on the Korean Peninsula’s problems' AS title,
  'The Russian Federation and the People’s Republic of China are the Korean Peninsula’s neighbours, therefore the development of the situation in the region concerns the national interests of both countries. Russia and China will closely coordinate their efforts in order to promote a complex solution to the Korean Peninsula’s problems, including that of the nuclear issue, for the sake of achieving a lasting peace and stability in Northeast Asia. In the spirit of strategic cooperation the foreign ministries of Russia and China (hereinafter referred to as Parties) state the following:' AS teaser,
  'The Russian Federation and the People’s Republic of China are the Korean Peninsula’s neighbours, therefore the development of the situation in the region concerns the national interests of both countries. Russia and China will closely coordinate their efforts in order to promote a complex solution to the Korean Peninsula’s problems, including that of the nuclear issue, for the sake of achieving a lasting peace and stability in Northeast Asia. In the spirit of strategic cooperation the foreign ministries of Russia and China (hereinafter referred to as Parties) state the following:

1. The Parties are seriously worried by the Democratic People’s Republic of Korea (DPRK)’s statement of July 4, 2017 about a ballistic missile launch and consider this statement unacceptable and in disharmony with the relevant UN Security Council resolutions.

2. The Parties express serious concern about the development of the situation on the Korean Peninsula and around it. Mounting political and military tension in that region, fraught with the eruption of an armed conflict, are calling on the international community to adopt collective measures to settle the situation peacefully through dialogue and consultations. The Parties oppose any statements or moves that might escalate tension or aggravate the contradictions and urge all countries concerned to maintain calm, renounce provocative moves or bellicose rhetoric, demonstrate readiness for dialogue without preconditions and work actively together to defuse tension.

3. The Parties are putting forward a joint initiative, which is based on the Chinese-proposed ideas of “double freezing” (missile and nuclear activities by the DPRK and large-scale joint exercises by the United States and the Republic of Korea) and “parallel advancement” towards the denuclearisation of the Korean Peninsula and the creation of peace mechanisms on the peninsula, and the Russian-proposed stage-by-stage Korean settlement plan.

The Parties propose the following:

The DPRK, by way of a voluntary political decision, announces a moratorium on the testing of nuclear explosive devices and ballistic missile tests, and the United States and the Republic of Korea should, accordingly, refrain from large-scale joint exercises. Simultaneously, the conflicting parties begin talks and assert common principles of their relations, including the non-use of force, the renunciation of aggression, peaceful coexistence and determination to do all they can to denuclearise the Korean Peninsula with a view to promoting a complex resolution of all problems, including the nuclear issue. During the negotiating process, all parties concerned push forward, in a format suitable to them, the creation on the peninsula and in Northeast Asia of a peace and security mechanism and consequently normalise relations between the countries in question.

The Parties urge the international community to support the aforementioned initiative that paves the real way for resolving the Korean Peninsula’s problems.

4. The Parties are resolutely committed to the international non-proliferation regime and are firmly aimed at the denuclearisation of the Korean Peninsula and a comprehensive and full implementation of the relevant UN Security Council resolutions. The Parties intend, jointly with other parties concerned, to continue making efforts to facilitate the balanced removal of the existing concerns via dialogue and consultations.

The Parties confirm that the DPRK’s justified concerns should be respected. Other states must make relevant efforts to have talks resumed and jointly to create an atmosphere of peacefulness and mutual trust.

The Parties are calling on all parties involved to comply with the commitments formulated in the Joint Statement of September 19, 2005, and to re-launch, as soon as possible, the dialogue on the comprehensive resolution of problems on the Korean Peninsula. Any possibility of using military means to solve the problems of the Korean Peninsula should be ruled out.

5. The Parties express support for the North and the South of the Korean Peninsula to conduct dialogue and consultations, display benevolence towards each other, improve relations, cooperate in the matter of a peaceful settlement, and play a due role in defusing the situation on the Korean Peninsula and in resolving its problems in a proper manner.

6. The Parties confirm that they are paying sufficient attention to the maintenance of the international and regional balance and stability, and emphasise that allied relations between separate states should not inflict damage on the interests of third parties. They are against any military presence of extra-regional forces in Northeast Asia and its build-up under the pretext of counteracting the DPRK’s missile and nuclear programmes.

The Parties confirm that the deployment of THAAD antimissile systems in Northeast Asia is inflicting serious damage on strategic security interests of regional states, including Russia and China, and does nothing to help achieve the aims of the Korean Peninsula’s denuclearisation, nor to ensure peace and stability in the region.

Russia and China are against the deployment of the said systems, call on the relevant countries to immediately stop and cancel the deployment process, and have agreed to adopt the necessary measures to protect the two countries’ security interests and to ensure a strategic balance in the region.

This statement was signed on July 4, 2017, in Moscow.' AS body,
  'For the Ministry of Foreign Affairs
of the Russian Federation

For the Ministry of Foreign Affairs
of the People’s Republic of China' AS signature);

-- The latest events, oldest first (ids 2..11); items of one day get distinct times so the lists keep the
-- capture's order (newest first). Times are UTC.
WITH src (id, type, at, title, teaser, body) AS (VALUES
  (2, 'comment', unixepoch('2018-01-17 12:00:00'),
   'Russian Embassy’s press secretary responds to Reuters question',
   'Q: Do you have any comment on the Ministry of Defence statements on interception of Russian planes near UK airspace, prominently featuring in the media in the recent days?',
   'Q: Do you have any comment on the Ministry of Defence statements on interception of Russian planes near UK airspace, prominently featuring in the media in the recent days?'),
  (3, 'comment', unixepoch('2018-01-17 14:00:00'),
   'Response of the Embassy’s press-secretary to the media question on North Korea nuclear issue',
   'Q: Speaking to the Guardian ahead of an international conference on North Korea in Vancouver, UK Foreign Secretary Boris Johnson said that North Korea is “a threat of the kind the world has not known since the dawn of the atomic age”. What is Russia''s position on the Korean Peninsula’s nuclear problem in general and on Vancouver’s conference in particular?',
   'Q: Speaking to the Guardian ahead of an international conference on North Korea in Vancouver, UK Foreign Secretary Boris Johnson said that North Korea is “a threat of the kind the world has not known since the dawn of the atomic age”. What is Russia''s position on the Korean Peninsula’s nuclear problem in general and on Vancouver’s conference in particular?'),
  (4, 'statement', unixepoch('2018-01-17 16:00:00'),
   'Foreign Minister Sergey Lavrov’s statement and answers to media questions at a news conference on Russian diplomacy in 2017',
   'Foreign Minister Sergey Lavrov’s statement and answers to media questions at a news conference on Russian diplomacy in 2017, Moscow, January 15, 2018',
   'Foreign Minister Sergey Lavrov’s statement and answers to media questions at a news conference on Russian diplomacy in 2017, Moscow, January 15, 2018'),
  (5, 'comment', unixepoch('2018-01-18 14:00:00'),
   'Comment by the Information and Press Department on the Vancouver meeting on North Korea',
   'The results of the Vancouver meeting on the DPRK held on January 16, which are included in the statement of its co-chairs - the United States and Canada - reinforced our doubts about the usefulness of this event. We were perplexed to see Russia and China mentioned in the document, especially given the fact that the foreign ministers of the two countries were not invited to the meeting that was supposed to focus on the Korean issue. We were particularly impressed by a passage on the importance and special responsibility of Russia and China in finding long-term solutions to Korean Peninsula issues. I would like to note that our countries have been offering such a solution and urging others to join it for a year now.',
   'The results of the Vancouver meeting on the DPRK held on January 16, which are included in the statement of its co-chairs - the United States and Canada - reinforced our doubts about the usefulness of this event. We were perplexed to see Russia and China mentioned in the document, especially given the fact that the foreign ministers of the two countries were not invited to the meeting that was supposed to focus on the Korean issue. We were particularly impressed by a passage on the importance and special responsibility of Russia and China in finding long-term solutions to Korean Peninsula issues. I would like to note that our countries have been offering such a solution and urging others to join it for a year now.'),
  (6, 'news', unixepoch('2018-01-18 16:00:00'),
   'Ambassador Alexander Yakovenko meets British parliamentarians',
   'On 17 January 2018 Alexander Yakovenko had a meeting with members of both Houses of British Parliament, initiated by the British side under preparations for a short debate on the UK government strategy towards relations with Russia (scheduled for 29 January in the House of Lords).',
   'On 17 January 2018 Alexander Yakovenko had a meeting with members of both Houses of British Parliament, initiated by the British side under preparations for a short debate on the UK government strategy towards relations with Russia (scheduled for 29 January in the House of Lords).'),
  (7, 'event', unixepoch('2018-01-19 12:00:00'),
   'Special screening of the Russian film "Attraction" in Edinburgh',
   'Russian science-fiction film "Attraction" directed by Fedor Bondarchuk has been released in the UK. On the day of the premiere on January 18 a special screening of the film and an expert discussion took place with the participation of representatives of the Universities of Edinburgh and St. Andrews at the "Cineworld IMAX". It was organized by the Consulate General of Russia in Edinburgh together with the Princes Dashkova Russian Centre with the financial support of the Embassy of Russia to the UK. A welcoming address of the Russian Ambassador to the UK Alexander Yakovenko was read out.',
   'Russian science-fiction film "Attraction" directed by Fedor Bondarchuk has been released in the UK. On the day of the premiere on January 18 a special screening of the film and an expert discussion took place with the participation of representatives of the Universities of Edinburgh and St. Andrews at the "Cineworld IMAX". It was organized by the Consulate General of Russia in Edinburgh together with the Princes Dashkova Russian Centre with the financial support of the Embassy of Russia to the UK. A welcoming address of the Russian Ambassador to the UK Alexander Yakovenko was read out.'),
  (8, 'comment', unixepoch('2018-01-21 12:00:00'),
   'Embassy Press Officer on FCO comments regarding the arrest of Oyub Titiev',
   'Q: On 18 January Minister of State for Europe and the Americas Sir Alan Duncan raised doubts over the arrest of Oyub Titiev, the director of Russian NGO Memorial’s office in Chechnya, questioning its legitimacy. Can you comment on it? A: First of all, we are surprised by such distrust demonstrated by the British authorities towards the Russian legal system. It is worth noting that Mr Titiev was detained on 9 January 2018 after a police patrol during a routine check found a bag in his car containing approximately 180 gram of plant substance, allegedly marijuana. On 11 January he was charged with illegal acquisition and storage of narcotic substances in accordance with Paragraph 2 of Article 228 of the Criminal Code of the Russian Federation. On the same day the Shali Town Court decided to detain pending trial him for 2 months. If the court determines that Mr Titiev is not guilty, he will be released immediately. Otherwise, he will be prosecuted in full accordance with the Russian criminal legislation. Public appeals by foreign officials on this case, including those made by Foreign Secretary Boris Johnson on 11 January and by Minister Sir Alan Duncan are no less than unlawful political pressure on the court aimed at influencing its final decision. Given all that, we consider FCO reaction an unacceptable interference in Russia’s internal affairs.',
   'Q: On 18 January Minister of State for Europe and the Americas Sir Alan Duncan raised doubts over the arrest of Oyub Titiev, the director of Russian NGO Memorial’s office in Chechnya, questioning its legitimacy. Can you comment on it?

A: First of all, we are surprised by such distrust demonstrated by the British authorities towards the Russian legal system. It is worth noting that Mr Titiev was detained on 9 January 2018 after a police patrol during a routine check found a bag in his car containing approximately 180 gram of plant substance, allegedly marijuana. On 11 January he was charged with illegal acquisition and storage of narcotic substances in accordance with Paragraph 2 of Article 228 of the Criminal Code of the Russian Federation. On the same day the Shali Town Court decided to detain pending trial him for 2 months. If the court determines that Mr Titiev is not guilty, he will be released immediately. Otherwise, he will be prosecuted in full accordance with the Russian criminal legislation. Public appeals by foreign officials on this case, including those made by Foreign Secretary Boris Johnson on 11 January and by Minister Sir Alan Duncan are no less than unlawful political pressure on the court aimed at influencing its final decision. Given all that, we consider FCO reaction an unacceptable interference in Russia’s internal affairs.'),
  (9, 'interview', unixepoch('2018-01-22 14:00:00'),
   'Foreign Minister Sergey Lavrov’s interview with Kommersant newspaper, January 21, 2018',
   'Question: Everyone is looking forward to reading two US administration reports: the so-called Kremlin report on high-ranking Russian officials and business leaders who are allegedly close to the government, and a report on the expediency of new harsh economic sanctions against Russia. What will Moscow do if these reports lead to the adoption of harsher sanctions?',
   'Question: Everyone is looking forward to reading two US administration reports: the so-called Kremlin report on high-ranking Russian officials and business leaders who are allegedly close to the government, and a report on the expediency of new harsh economic sanctions against Russia. What will Moscow do if these reports lead to the adoption of harsher sanctions?

Sergey Lavrov: This is a hypothetical question. We have said repeatedly that we do not want confrontation. We believe that the sanctions are unreasonable in that there are no grounds for them. As for their goals, they are futile because, as their authors can see, several years of these sanctions have been unable to change Russia’s honest, open and constructive policy. Our independent and non-partisan position on the international stage is based on our national interests and cannot be changed by external pressure. Our position is determined by the President of Russia based on the interests of the Russian people. I believe that broad public support for our foreign policy is the best proof of the futility of any attempts to put pressure on our elite and individual companies in order to force the authorities to change our foreign policy.'),
  (10, 'news', unixepoch('2018-01-22 16:00:00'),
   'Travelling on Russian Railways during 2018 World Cup',
   'Click here for the Russian Railways guide to free rail travel for fans during the FIFA World Cup',
   'Click here for the Russian Railways guide to free rail travel for fans during the FIFA World Cup'),
  (11, 'comment', unixepoch('2018-01-23 12:00:00'),
   'Embassy Press Officer on the Congress of the Syrian National Dialogue in Sochi, Russia',
   'Q: What is the purpose of the forthcoming Congress of the Syrian National Dialogue in Sochi, Russia, and was UK invited to participate?',
   'Q: What is the purpose of the forthcoming Congress of the Syrian National Dialogue in Sochi, Russia, and was UK invited to participate?')
)
INSERT INTO item (id, kind, type, slug, title, teaser, body, signature, status, published_at, created_at, updated_at)
SELECT id, 'event', type, slugify(title), title, teaser, body, '', 'published', at, at, at FROM src;

-- Two languages (0008): a Russian version of the Edinburgh screening (event 7), WRITTEN FOR THE DEMO (it is
-- not in the capture), linked to its original. The original was corrected after the translation last
-- caught up, so the demo shows a stale translation: the notice on /events/12-..., the flag in /admin.
INSERT INTO item (id, kind, type, slug, title, teaser, body, signature, status, published_at, created_at, updated_at,
                  lang, translation_of, translation_synced_at)
SELECT 12, 'event', 'event', slugify(title), title, body, body, '', 'published', at, at, at, 'ru', 7, at FROM (SELECT
  unixepoch('2018-01-19 13:00:00') AS at,
  'Специальный показ российского фильма «Притяжение» в Эдинбурге' AS title,
  'В прокат Великобритании вышел российский научно-фантастический фильм Федора Бондарчука «Притяжение». В день премьеры, 18 января, в кинотеатре «Cineworld IMAX» состоялись специальный показ фильма и экспертная дискуссия с участием представителей Эдинбургского университета и Университета Сент-Эндрюс. Показ организовали Генеральное консульство России в Эдинбурге и Русский центр имени княгини Дашковой при финансовой поддержке Посольства России в Великобритании. Было зачитано приветствие Посла России в Великобритании А.В.Яковенко.' AS body);
UPDATE item SET public_updated_at = unixepoch('2018-01-20 10:00:00'), updated_at = unixepoch('2018-01-20 10:00:00'),
                update_note = 'Corrected the names of the universities'
 WHERE id = 7;
