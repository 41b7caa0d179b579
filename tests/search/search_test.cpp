// Search over real marketing text of an energy distributor, in French and English: known-item
// queries name the content they must find first; permissions hold in items, totals, snippets,
// facets and similar contents.
#include <gtest/gtest.h>

#include <numeric>

#include "core/random.hpp"
#include "search/analysis.hpp"
#include "search_fixture.hpp"
#include "storage/events_store.hpp"
#include "storage/shares_store.hpp"

namespace copydesk::search::testing {
namespace {

class SearchTest : public SearchFixture {
 protected:
  void SetUp() override {
    owner_ = MakePerson("Claire Martin");
    ws_ = MakeWorkspace(owner_, "Énergie Sud");
    boiler_fr_ =
        MakeContent(owner_, ws_,
                    {.title = "Chaudière à condensation : réduire sa facture de gaz cet hiver",
                     .body = "## Pourquoi changer de chaudière ?\n\nUne chaudière à condensation "
                             "récupère la chaleur des "
                             "fumées. Nos conseillers vous accompagnent pour l'entretien annuel et "
                             "l'offre **Gaz Confort**, "
                             "qui inclut le dépannage sous 24 heures. Le devis a été validé par "
                             "notre équipe technique.",
                     .language = "fr",
                     .tags = {"Gaz", "Chauffage"},
                     .channels = {"Blog"}});
    heat_pump_en_ = MakeContent(owner_, ws_,
                                {.title = "Heat pumps explained: lower bills, lower emissions",
                                 .body = "A heat pump moves heat from the outside air into your "
                                         "home. Customers who switched from an "
                                         "old oil boiler saved up to 40% on their heating bills. "
                                         "Our installers handle the paperwork "
                                         "for government grants.",
                                 .language = "en",
                                 .tags = {"Heat pump", "Grants"},
                                 .channels = {"Website"}});
    smart_meter_en_ = MakeContent(
        owner_, ws_,
        {.title = "Smart meter rollout: what customers need to know",
         .body =
             "From March, our technicians will replace electricity meters across the region. The "
             "new smart "
             "meters send readings automatically, so estimated bills become a thing of the past.",
         .language = "en",
         .tags = {"Electricity"},
         .channels = {"Website"}});
    media_fr_ = MakeContent(
        owner_, ws_,
        {.title = "Les médias parlent de notre engagement pour la transition énergétique",
         .body =
             "Revue de presse du trimestre : trois reportages télévisés et une tribune dans la "
             "presse "
             "régionale saluent les efforts d'Énergie Sud en faveur des énergies renouvelables.",
         .language = "fr",
         .tags = {"Presse"},
         .channels = {"Blog"}});
    cheque_fr_ = MakeContent(
        owner_, ws_,
        {.title = "Chèque énergie : qui peut en bénéficier ?",
         .body =
             "Le chèque énergie aide les ménages aux revenus modestes à payer leurs factures "
             "d'électricité "
             "ou de gaz. Il est envoyé automatiquement chaque printemps, sans démarche à faire.",
         .language = "fr",
         .tags = {"Aides"},
         .channels = {"Website"}});
    charging_fr_ = MakeContent(
        owner_, ws_,
        {.title = "Installer une borne de recharge pour véhicule électrique à domicile",
         .body = "Avec une borne de recharge, votre voiture électrique fait le plein pendant la "
                 "nuit, aux heures "
                 "creuses. Nos électriciens certifiés IRVE posent la borne en une demi-journée.",
         .language = "fr",
         .tags = {"Mobilité"},
         .channels = {"Blog"}});
    boiler_en_ = MakeContent(
        owner_, ws_,
        {.title = "Gas boiler servicing: book your annual check",
         .body = "An annual service keeps your boiler safe and efficient. Our engineers check the "
                 "burner, the "
                 "flue and the carbon monoxide alarm, and leave a certificate for your landlord.",
         .language = "en",
         .tags = {"Gas"},
         .channels = {"Website"}});
    linkedin_en_ = MakeContent(owner_, ws_,
                               {.title = "LinkedIn: we are hiring field technicians",
                                .body = "Join our field teams! We are hiring 25 technicians to "
                                        "install smart meters and heat pumps "
                                        "across the south. Apply before the end of the month.",
                                .language = "en",
                                .type = "social_post",
                                .tags = {"Hiring"},
                                .channels = {"LinkedIn"}});

    outsider_ = MakePerson("Oscar Outsider");
    other_ws_ = MakeWorkspace(outsider_, "Concurrent Nord");
    hidden_ =
        MakeContent(owner_, ws_,
                    {.title = "Projet Zéphyr : rapprochement confidentiel avec un fournisseur",
                     .body = "Note interne confidentielle sur le projet Zéphyr, un rapprochement "
                             "avec un fournisseur de "
                             "chaudières. Ne pas diffuser.",
                     .language = "fr",
                     .tags = {"Confidentiel"},
                     .channels = {"Blog"}});
    outsider_own_ = MakeContent(
        outsider_, other_ws_,
        {.title = "Chaudière et entretien : notre guide",
         .body = "Le guide de l'entretien de votre chaudière à condensation, par Concurrent Nord.",
         .language = "fr"});
    IndexAll();
  }

  // Moves a content to another status the way the workflow does: row and event together.
  void MoveToStatus(const std::string& id, const std::string& status_name) {
    auto done = db_->Write([&](storage::Tx& tx) -> Result<bool> {
      auto c = storage::FindContent(tx, id);
      for (const auto& s : storage::ListStatuses(tx, ws_)) {
        if (s.name == status_name) c->status_id = s.id;
      }
      c->version += 1;
      storage::UpdateContentRow(tx, *c);
      storage::AppendEvent(tx, ws_, owner_.user.id, "content.status_changed", id, "{}", NowMs());
      return true;
    });
    EXPECT_TRUE(done.ok());
  }

  auth::Actor owner_, outsider_;
  std::string ws_, other_ws_;
  std::string boiler_fr_, heat_pump_en_, smart_meter_en_, media_fr_, cheque_fr_, charging_fr_,
      boiler_en_, linkedin_en_, hidden_, outsider_own_;
};

std::string FirstId(const SearchResult& r) {
  return r.items.empty() ? "" : r.items[0].id;
}

bool HasId(const SearchResult& r, const std::string& id) {
  return std::any_of(r.items.begin(), r.items.end(),
                     [&](const SearchHit& h) { return h.id == id; });
}

TEST_F(SearchTest, KnownItemsComeFirstInBothLanguages) {
  EXPECT_EQ(FirstId(Find(owner_, ws_, "chaudière condensation")), boiler_fr_);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "smart meter")), smart_meter_en_);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "borne recharge voiture")), charging_fr_);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "heat pump grants")), heat_pump_en_);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "boiler annual service")), boiler_en_);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "chèque énergie")), cheque_fr_);
}

TEST_F(SearchTest, TitleWeighsMoreThanBody) {
  // "heat pumps" is in the LinkedIn post's body and in the explainer's title.
  const auto r = Find(owner_, ws_, "heat pumps");
  ASSERT_GE(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].id, heat_pump_en_);
  EXPECT_TRUE(HasId(r, linkedin_en_));
}

TEST_F(SearchTest, FrenchAndEnglishStemming) {
  // validation ↔ validé, factures ↔ facture, switching ↔ switched, replaced ↔ replace.
  EXPECT_TRUE(HasId(Find(owner_, ws_, "validation"), boiler_fr_));
  EXPECT_TRUE(HasId(Find(owner_, ws_, "factures gaz"), boiler_fr_));
  EXPECT_TRUE(HasId(Find(owner_, ws_, "switching boilers"), heat_pump_en_));
  EXPECT_EQ(FirstId(Find(owner_, ws_, "meter replaced")), smart_meter_en_);
}

TEST_F(SearchTest, AccentsAndCaseAreFolded) {
  for (const char* q : {"médias", "medias", "Médias", "MEDIAS"}) {
    EXPECT_EQ(FirstId(Find(owner_, ws_, q)), media_fr_) << q;
  }
  EXPECT_EQ(FirstId(Find(owner_, ws_, "cheque energie")), cheque_fr_);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "CHAUDIERE")), boiler_fr_);
}

TEST_F(SearchTest, FrenchElisionsAreSplit) {
  // "l'entretien", "l'offre" in the text; "entretien", "offre" typed — and the other way round.
  EXPECT_TRUE(HasId(Find(owner_, ws_, "offre gaz confort"), boiler_fr_));
  EXPECT_TRUE(HasId(Find(owner_, ws_, "l'entretien"), boiler_fr_));
  EXPECT_TRUE(HasId(Find(owner_, ws_, "d’énergie sud"), media_fr_));
}

TEST_F(SearchTest, TheLastWordMatchesAsAPrefix) {
  EXPECT_EQ(FirstId(FindTyping(owner_, ws_, "chaud")), boiler_fr_);
  EXPECT_TRUE(HasId(FindTyping(owner_, ws_, "smart met"), smart_meter_en_));
  EXPECT_TRUE(HasId(FindTyping(owner_, ws_, "technic"), linkedin_en_));
  // Followed by a space, the word is complete: "chaud " is not "chaudière".
  EXPECT_FALSE(HasId(FindTyping(owner_, ws_, "chaud "), boiler_fr_));
  // A submitted search (not as you type) matches its words as they are.
  EXPECT_FALSE(HasId(Find(owner_, ws_, "chaud"), boiler_fr_));
}

TEST_F(SearchTest, WordsJoinedByUnderscoresAreFoundAsWritten) {
  // Written in the editor, "<nom_paquet>" is saved escaped; people type it with or without "_".
  const auto id = MakeContent(owner_, ws_,
                              {.title = "Installer un paquet",
                               .body = "Tapez `apt install` puis \\<nom\\_paquet\\> et "
                                       "la locale fr_FR.",
                               .language = "fr"});
  IndexAll();
  EXPECT_EQ(FirstId(Find(owner_, ws_, "nom_paquet")), id);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "nom paquet")), id);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "fr_fr locale")), id);
}

TEST_F(SearchTest, APageInTheQuerysLanguageComesFirst) {
  // The same command in a French page and its English twin: the query's other words tell
  // which one the person wants, and the other is still found.
  const auto fr = MakeContent(owner_, ws_,
                              {.title = "Vérifier les paquets",
                               .body = "La commande debsums vérifie les sommes de contrôle des "
                                       "fichiers installés par chaque paquet.",
                               .language = "fr"});
  const auto en = MakeContent(owner_, ws_,
                              {.title = "Checking packages",
                               .body = "The debsums command checks the checksums of the files "
                                       "each package installed.",
                               .language = "en"});
  IndexAll();
  const auto french = Find(owner_, ws_, "debsums fichiers");
  EXPECT_EQ(FirstId(french), fr);
  const auto english = Find(owner_, ws_, "debsums files");
  EXPECT_EQ(FirstId(english), en);
  EXPECT_TRUE(HasId(Find(owner_, ws_, "debsums"), fr));
  EXPECT_TRUE(HasId(Find(owner_, ws_, "debsums"), en));
}

TEST_F(SearchTest, ACompleteWordOutranksItsCompletions) {
  // "chaud" as typed may still become "chaudière", so both are found; but a page that says
  // "chaud" comes before pages that only say "chaudière", however often.
  const auto hot = MakeContent(
      owner_, ws_,
      {.title = "Canicule", .body = "Quand il fait chaud, fermez les volets.", .language = "fr"});
  IndexAll();
  const auto typed = FindTyping(owner_, ws_, "chaud");
  EXPECT_EQ(FirstId(typed), hot);
  EXPECT_TRUE(HasId(typed, boiler_fr_));
}

TEST_F(SearchTest, PhrasesFieldsAndExclusions) {
  const auto phrase = Find(owner_, ws_, "\"heat pump moves\"");
  ASSERT_EQ(phrase.total, 1);
  EXPECT_EQ(FirstId(phrase), heat_pump_en_);
  EXPECT_EQ(Find(owner_, ws_, "\"pump heat moves\"").total, 0);

  const auto gas = Find(owner_, ws_, "tag:gaz");
  EXPECT_EQ(gas.total, 1);
  EXPECT_EQ(FirstId(gas), boiler_fr_);
  EXPECT_EQ(Find(owner_, ws_, "tag:\"heat pump\"").total, 1);

  const auto idea = Find(owner_, ws_, "status:idea");
  EXPECT_GE(idea.total, 8);  // every content starts in the first status
  MoveToStatus(cheque_fr_, "Legal validation");
  IndexAll();
  const auto legal = Find(owner_, ws_, "status:\"legal validation\"");
  EXPECT_EQ(legal.total, 1);
  EXPECT_EQ(FirstId(legal), cheque_fr_);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "énergie status:\"Legal Validation\"")), cheque_fr_);
  EXPECT_EQ(Find(owner_, ws_, "type:social_post").total, 1);
  EXPECT_EQ(FirstId(Find(owner_, ws_, "title:boiler")), boiler_en_);

  const auto boilers = Find(owner_, ws_, "boiler");
  EXPECT_TRUE(HasId(boilers, boiler_en_));
  EXPECT_TRUE(HasId(boilers, heat_pump_en_));
  const auto without = Find(owner_, ws_, "boiler -oil");
  EXPECT_TRUE(HasId(without, boiler_en_));
  EXPECT_FALSE(HasId(without, heat_pump_en_));
}

TEST_F(SearchTest, SnippetsAreEscapedAndMarkMatches) {
  const auto r = Find(owner_, ws_, "condensation");
  ASSERT_FALSE(r.items.empty());
  const auto& s = r.items[0].snippet;
  EXPECT_NE(s.find("<mark>condensation</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.find("**"), std::string::npos) << s;  // Markdown rendered to text
  EXPECT_EQ(s.find("##"), std::string::npos) << s;

  const auto id = MakeContent(
      owner_, ws_, {.title = "Escaping test", .body = "Tarif <script>alert(1)</script> & remise"});
  IndexAll();
  const auto e = Find(owner_, ws_, "remise");
  ASSERT_EQ(FirstId(e), id);
  EXPECT_EQ(e.items[0].snippet.find("<script>"), std::string::npos) << e.items[0].snippet;
  EXPECT_NE(e.items[0].snippet.find("&amp;"), std::string::npos) << e.items[0].snippet;
}

TEST_F(SearchTest, TyposAreCorrectedAndSaidSo) {
  const auto r = Find(owner_, ws_, "chaudeire condensation");
  ASSERT_TRUE(r.corrected_query.has_value());
  EXPECT_EQ(*r.corrected_query, "chaudiere condensation");
  EXPECT_EQ(FirstId(r), boiler_fr_);

  const auto en = Find(owner_, ws_, "technicans");
  ASSERT_TRUE(en.corrected_query.has_value());
  EXPECT_TRUE(HasId(en, linkedin_en_));

  EXPECT_FALSE(Find(owner_, ws_, "chaudière").corrected_query.has_value());
}

TEST_F(SearchTest, FacetsAddUpOverThePermittedResults) {
  const auto r = Find(owner_, ws_, "");
  EXPECT_EQ(r.total, 9);
  for (const char* facet : {"type", "status", "language"}) {
    const auto& counts = r.facets.at(facet);
    const auto sum = std::accumulate(counts.begin(), counts.end(), std::int64_t{0},
                                     [](std::int64_t a, const auto& kv) { return a + kv.second; });
    EXPECT_EQ(sum, r.total) << facet;
  }
  EXPECT_EQ(r.facets.at("language").at("fr"), 5);
  EXPECT_EQ(r.facets.at("language").at("en"), 4);
  // A channel counts its sub-channels: Website ⊃ Blog.
  EXPECT_EQ(r.facets.at("channel").at(ChannelId(ws_, "Blog")), 4);
  EXPECT_EQ(r.facets.at("channel").at(ChannelId(ws_, "Website")), 8);
  // Filtering by a facet value finds as many contents as it counted.
  SearchRequest blog;
  blog.channels = {ChannelId(ws_, "Blog")};
  EXPECT_EQ(Find(owner_, ws_, blog).total, 4);
  SearchRequest two;
  two.languages = {"fr"};
  two.tags = {"gaz", "presse"};
  EXPECT_EQ(Find(owner_, ws_, two).total, 2);
}

TEST_F(SearchTest, AnotherWorkspaceNeverSeesHiddenContent) {
  // The outsider searches their own workspace for words only the hidden note has.
  for (const char* q :
       {"zéphyr", "zephyr", "confidentiel", "rapprochement fournisseur", "zeph", "zephir"}) {
    const auto r = Find(outsider_, other_ws_, q);
    EXPECT_EQ(r.total, 0) << q;
    EXPECT_TRUE(r.items.empty()) << q;
    EXPECT_FALSE(r.corrected_query.has_value()) << q;
    for (const auto& [name, counts] : r.facets) EXPECT_TRUE(counts.empty()) << q << " " << name;
  }
  // Their own content is found, and only it, with facets counting it alone.
  const auto own = Find(outsider_, other_ws_, "chaudière");
  EXPECT_EQ(own.total, 1);
  EXPECT_EQ(FirstId(own), outsider_own_);
  EXPECT_EQ(own.facets.at("language").at("fr"), 1);
  EXPECT_TRUE(own.facets.at("tag").empty());
  // The other workspace itself is not theirs to search.
  SearchRequest any;
  auto denied = search_->Find(outsider_, ws_, any);
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().kind, ErrorKind::kNotFound);
  // Similar contents: theirs never points at ours, and ours is not theirs to ask about.
  auto similar = search_->SimilarTo(outsider_, outsider_own_, 10);
  ASSERT_TRUE(similar.ok());
  for (const auto& h : *similar) EXPECT_NE(h.id, hidden_);
  for (const auto& h : *similar) EXPECT_NE(h.id, boiler_fr_);
  EXPECT_EQ(search_->SimilarTo(outsider_, boiler_fr_, 5).error().kind, ErrorKind::kNotFound);
  auto draft =
      search_->SimilarToText(outsider_, other_ws_, "Projet Zéphyr confidentiel",
                             "rapprochement avec un fournisseur de chaudières", std::nullopt, 10);
  ASSERT_TRUE(draft.ok());
  for (const auto& h : *draft) EXPECT_EQ(h.id, outsider_own_);
}

TEST_F(SearchTest, AGuestSeesNothingNotSharedWithThem) {
  const auto guest = MakePerson("Gustave Guest");
  Join(ws_, guest, "guest");
  for (const char* q : {"", "chaudière", "zephyr", "heat pump"}) {
    const auto r = Find(guest, ws_, q);
    EXPECT_EQ(r.total, 0) << q;
    EXPECT_TRUE(r.items.empty()) << q;
    for (const auto& [name, counts] : r.facets) EXPECT_TRUE(counts.empty()) << q << " " << name;
  }
  auto draft =
      search_->SimilarToText(guest, ws_, "Chaudière à condensation", "entretien annuel", "fr", 10);
  ASSERT_TRUE(draft.ok());
  EXPECT_TRUE(draft->empty());
  EXPECT_EQ(search_->SimilarTo(guest, boiler_fr_, 5).error().kind, ErrorKind::kNotFound);
}

TEST_F(SearchTest, ArchivedContentsOnlyWhenAsked) {
  ASSERT_TRUE(contents_->SetArchived(owner_, media_fr_, true).ok());
  IndexAll();
  EXPECT_EQ(Find(owner_, ws_, "médias").total, 0);
  SearchRequest archived;
  archived.q = "médias";
  archived.archived = true;
  EXPECT_EQ(FirstId(Find(owner_, ws_, archived)), media_fr_);
}

TEST_F(SearchTest, SimilarContentsShareTheSubject) {
  auto similar = search_->SimilarTo(owner_, boiler_en_, 3);
  ASSERT_TRUE(similar.ok());
  ASSERT_FALSE(similar->empty());
  for (const auto& h : *similar) EXPECT_NE(h.id, boiler_en_);
  EXPECT_EQ((*similar)[0].id, heat_pump_en_);  // boilers, heating bills

  // While writing a new content: the draft's title and first lines.
  auto draft = search_->SimilarToText(owner_, ws_, "Entretien de votre chaudière gaz",
                                      "Pensez à l'entretien annuel de la chaudière à condensation.",
                                      std::nullopt, 3);
  ASSERT_TRUE(draft.ok());
  ASSERT_FALSE(draft->empty());
  EXPECT_EQ((*draft)[0].id, boiler_fr_);
  EXPECT_GT((*draft)[0].score, 0);

  // A draft on another subject, sharing at most an everyday word with some contents, is warned
  // of nothing: a warning that cries wolf is soon ignored.
  for (const auto& [title, text] : std::vector<std::pair<std::string, std::string>>{
           {"Office party next Friday", "Bring something to share."},
           {"Nouveau logo", "Le studio propose trois pistes."}}) {
    auto unrelated = search_->SimilarToText(owner_, ws_, title, text, std::nullopt, 3);
    ASSERT_TRUE(unrelated.ok());
    EXPECT_TRUE(unrelated->empty()) << title << " → " << unrelated->front().title;
  }
}

TEST_F(SearchTest, SortsByUpdateAndFiltersByDates) {
  SearchRequest r;
  r.sort = "updated";
  const auto all = Find(owner_, ws_, r);
  ASSERT_GE(all.items.size(), 2u);
  for (std::size_t i = 1; i < all.items.size(); ++i)
    EXPECT_GE(all.items[i - 1].updated_at, all.items[i].updated_at);
  SearchRequest future;
  future.updated_from = NowMs() + 3600'000;
  EXPECT_EQ(Find(owner_, ws_, future).total, 0);
  SearchRequest past;
  past.updated_to = NowMs() + 3600'000;
  EXPECT_EQ(Find(owner_, ws_, past).total, 9);
}

TEST_F(SearchTest, AnEditIsSearchableAfterTheNextBatch) {
  auto view = contents_->Get(owner_, smart_meter_en_);
  ASSERT_TRUE(view.ok());
  content::ContentInput change;
  change.title = "Smart meter rollout: the Linky calendar";
  ASSERT_TRUE(contents_->Update(owner_, smart_meter_en_, view->content.version, change).ok());
  EXPECT_EQ(Find(owner_, ws_, "linky").total, 0);  // not applied yet
  IndexAll();
  EXPECT_EQ(FirstId(Find(owner_, ws_, "linky")), smart_meter_en_);
}

// Shares content `id` with `guest` straight in the database, without an event: the index does
// not move, only what the guest may read does.
void ShareWith(storage::Database& db, const std::string& ws, const std::string& id,
               const auth::Actor& guest) {
  auto done = db.Write([&](storage::Tx& tx) -> Result<bool> {
    storage::ShareRecord share;
    share.id = NewId();
    share.workspace_id = ws;
    share.content_id = id;
    share.user_id = guest.user.id;
    share.level = "read";
    share.created_at = NowMs();
    storage::InsertShare(tx, share);
    return true;
  });
  EXPECT_TRUE(done.ok());
}

std::int64_t Sum(const std::map<std::string, std::int64_t>& counts) {
  return std::accumulate(counts.begin(), counts.end(), std::int64_t{0},
                         [](std::int64_t a, const auto& kv) { return a + kv.second; });
}

TEST_F(SearchTest, PastTheirLimitsFacetsAndTotalsAreLabelledEstimates) {
  std::vector<std::string> tariffs;
  for (int i = 0; i < 40; ++i) {
    tariffs.push_back(MakeContent(owner_, ws_,
                                  {.title = "Tarif " + std::to_string(i),
                                   .body = std::string(i % 2 ? "Le tarif du gaz change."
                                                             : "Le tarif change au 1er du mois.") +
                                           std::string(static_cast<std::size_t>(i), '!'),
                                   .language = "fr",
                                   .tags = {i % 4 == 0 ? "Prix" : "Gaz"}}));
  }
  IndexAll();
  // Within the limits, counts are exact and say so.
  SearchRequest tarif;
  tarif.q = "tarif";
  tarif.limit = 5;
  const auto exact = Find(owner_, ws_, tarif);
  EXPECT_EQ(exact.total, 40);
  EXPECT_FALSE(exact.total_estimated);
  EXPECT_FALSE(exact.facets_estimated);
  EXPECT_EQ(exact.facets.at("tag").at("Prix"), 10);
  EXPECT_EQ(exact.facets.at("tag").at("Gaz"), 30);

  // Past them, the same page, with counts labelled as estimates, each within the matches.
  Search small(*db_, *index_, {.exact_facets = 3, .exact_total = 6});
  auto estimated = small.Find(owner_, ws_, tarif);
  ASSERT_TRUE(estimated.ok());
  EXPECT_EQ(Titles(*estimated), Titles(exact));
  EXPECT_TRUE(estimated->facets_estimated);
  EXPECT_TRUE(estimated->total_estimated);
  EXPECT_GE(estimated->total, 6);
  for (const auto& [name, counts] : estimated->facets) {
    for (const auto& [value, count] : counts) {
      EXPECT_GE(count, 1) << name << " " << value;
      EXPECT_LE(count, estimated->total) << name << " " << value;
    }
  }
  EXPECT_EQ(Sum(estimated->facets.at("language")), estimated->total);

  // A guest's totals and facets stay exact for what they may read, whatever the limits.
  const auto guest = MakePerson("Gabrielle Guest");
  Join(ws_, guest, "guest");
  for (int i = 0; i < 12; ++i) ShareWith(*db_, ws_, tariffs[i], guest);
  auto theirs = small.Find(guest, ws_, tarif);
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(theirs->total, 12);
  EXPECT_FALSE(theirs->total_estimated);
  EXPECT_FALSE(theirs->facets_estimated);
  EXPECT_EQ(theirs->facets.at("tag").at("Prix"), 3);
  EXPECT_EQ(theirs->facets.at("tag").at("Gaz"), 9);
  EXPECT_EQ(theirs->facets.at("language").at("fr"), 12);
}

TEST_F(SearchTest, AKeptAnswerIsNeitherSomeoneElsesNorOlderThanASave) {
  // The owner's answer is kept; a guest asking the same gets their own.
  EXPECT_EQ(FirstId(Find(owner_, ws_, "zephyr")), hidden_);
  const auto guest = MakePerson("Gaston Guest");
  Join(ws_, guest, "guest");
  EXPECT_EQ(Find(guest, ws_, "zephyr").total, 0);
  // A share changes what the guest may read at once, though the index did not move.
  ShareWith(*db_, ws_, hidden_, guest);
  const auto shared = Find(guest, ws_, "zephyr");
  EXPECT_EQ(shared.total, 1);
  EXPECT_EQ(FirstId(shared), hidden_);
  EXPECT_EQ(shared.facets.at("language").at("fr"), 1);

  // A save the index has taken in is never answered from before it.
  const auto before = Find(owner_, ws_, "smart meter");
  ASSERT_EQ(FirstId(before), smart_meter_en_);
  EXPECT_EQ(before.items[0].title, "Smart meter rollout: what customers need to know");
  auto view = contents_->Get(owner_, smart_meter_en_);
  ASSERT_TRUE(view.ok());
  content::ContentInput change;
  change.title = "Smart meter rollout: the Linky calendar";
  ASSERT_TRUE(contents_->Update(owner_, smart_meter_en_, view->content.version, change).ok());
  IndexAll();
  const auto after = Find(owner_, ws_, "smart meter");
  ASSERT_EQ(FirstId(after), smart_meter_en_);
  EXPECT_EQ(after.items[0].title, "Smart meter rollout: the Linky calendar");
}

}  // namespace
}  // namespace copydesk::search::testing
