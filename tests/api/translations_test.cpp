// Linked translations over real HTTP (issue 20): creating the English version of a French
// content, the translation going out of date when the source changes and back once marked up to
// date, the source's diff since, linking and unlinking, the `translation` filter in the list,
// search, the calendar and saved views, what a guest sees, and the problems bad input gets. The
// state rule itself is tested without HTTP in tests/content/translations_test.cpp.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include "core/clock.hpp"
#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

std::string WsPath(const Person& p, const std::string& rest) {
  return "/api/v1/workspaces/" + p.workspace_id + rest;
}

// Searches until `ready` holds or three seconds pass: the index follows writes on its thread.
HttpResponse SearchUntil(Person& p, const std::string& query,
                         const std::function<bool(const std::vector<std::string>&)>& ready) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  for (;;) {
    auto r = p.client.Get(WsPath(p, "/search?" + query));
    if (r.status != 200 || ready(ItemIds(r)) || std::chrono::steady_clock::now() > deadline)
      return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
}

bool Has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<std::string> Languages(const json::object& content) {
  std::vector<std::string> out;
  const auto& t = content.at("translation");
  if (!t.is_object()) return out;
  for (const auto& l : t.at("languages").as_array()) out.push_back(Str(l.at("language")));
  return out;
}

class Translations : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_.emplace(MakeOwner(server_));
    linkedin_ = ChannelId(*owner_, "LinkedIn");
  }

  // The French source: an article on LinkedIn, dated.
  json::object FrenchSource(const std::string& title = "Offre solaire") {
    return CreateContent(*owner_, {{"type", "article"},
                                   {"title", title},
                                   {"language", "fr"},
                                   {"channels", {linkedin_}},
                                   {"publish_at", "2026-03-02T09:00:00Z"},
                                   {"fields", {{"lead", "Des panneaux pour tous."}}}});
  }

  HttpResponse Translate(Person& p, const std::string& id, const std::string& language) {
    return p.client.Post(ContentPath(id) + "/translations", {{"language", language}});
  }

  TestServer server_;
  std::optional<Person> owner_;
  std::string linkedin_;
};

TEST_F(Translations, CreatesTheEnglishVersionOfAFrenchContentLinkedAndUpToDate) {
  auto source = FrenchSource();
  const std::string source_id = Str(source.at("id"));
  Person editor = MakeMember(server_, *owner_, "editor");
  auto r = Translate(editor, source_id, "en");
  ASSERT_EQ(r.status, 201) << r.body;
  auto en = r.Json().as_object();
  EXPECT_EQ(Str(en.at("language")), "en");
  EXPECT_EQ(Str(en.at("title")), "Offre solaire");
  EXPECT_EQ(FieldOf(en, "lead"), "Des panneaux pour tous.");  // the text to translate
  EXPECT_EQ(en.at("type").at("key"), "article");
  EXPECT_EQ(StringsOf(en.at("channels")), std::vector<std::string>{linkedin_});
  EXPECT_EQ(en.at("publish_at"), source.at("publish_at"));
  EXPECT_EQ(Str(en.at("owner")), editor.user_id);
  const auto& t = en.at("translation").as_object();
  EXPECT_EQ(Str(t.at("source_id")), source_id);
  EXPECT_FALSE(t.at("is_source").as_bool());
  EXPECT_EQ(t.at("state"), "up_to_date");
  EXPECT_EQ(t.at("synced_revision"), 1);
  EXPECT_EQ(t.at("source_revision"), 1);
  EXPECT_EQ(Languages(en), (std::vector<std::string>{"fr", "en"}));

  auto fr = GetContent(*owner_, source_id);
  EXPECT_TRUE(fr.at("translation").at("is_source").as_bool());
  EXPECT_TRUE(fr.at("translation").at("state").is_null());
  EXPECT_EQ(Languages(fr), (std::vector<std::string>{"fr", "en"}));

  // The activity of the translation says where it came from.
  auto activity = owner_->client.Get(ContentPath(Str(en.at("id"))) + "/activity");
  if (activity.status == 200)
    EXPECT_NE(activity.body.find("content.translation_linked"), std::string::npos);
}

TEST_F(Translations, GoesOutOfDateWhenTheSourceChangesAndBackOnceMarkedUpToDate) {
  auto source = FrenchSource();
  const std::string source_id = Str(source.at("id"));
  const std::string en_id = Str(Translate(*owner_, source_id, "en").Json().at("id"));

  Person writer = MakeMember(server_, *owner_, "editor");
  auto edit = PatchContent(writer, source_id, VersionOf(source),
                           {{"fields", {{"lead", "Des panneaux solaires pour tous."}}}});
  ASSERT_EQ(edit.status, 200) << edit.body;
  auto en = GetContent(*owner_, en_id);
  EXPECT_EQ(en.at("translation").at("state"), "out_of_date");
  EXPECT_EQ(en.at("translation").at("synced_revision"), 1);
  EXPECT_EQ(en.at("translation").at("source_revision"), 2);

  // What changed in the source since: the same rows as the source's own diff.
  auto diff = owner_->client.Get(ContentPath(en_id) + "/translation/source-diff");
  ASSERT_EQ(diff.status, 200) << diff.body;
  auto d = diff.Json().as_object();
  EXPECT_EQ(d.at("from"), 1);
  EXPECT_EQ(d.at("to"), 2);
  EXPECT_EQ(Str(d.at("source_id")), source_id);
  bool lead_changed = false;
  for (const auto& f : d.at("fields").as_array()) {
    if (f.at("field") == "lead") lead_changed = f.at("changed").as_bool();
  }
  EXPECT_TRUE(lead_changed) << diff.body;

  auto synced = owner_->client.Post(ContentPath(en_id) + "/translation/synced", json::object{});
  ASSERT_EQ(synced.status, 200) << synced.body;
  EXPECT_EQ(synced.Json().at("translation").at("state"), "up_to_date");
  EXPECT_EQ(synced.Json().at("translation").at("synced_revision"), 2);

  // Marked at an older revision of the source: out of date again, as its text is older.
  auto older = owner_->client.Post(ContentPath(en_id) + "/translation/synced", {{"revision", 1}});
  ASSERT_EQ(older.status, 200) << older.body;
  EXPECT_EQ(older.Json().at("translation").at("state"), "out_of_date");
}

TEST_F(Translations, LinksAnExistingContentAndUnlinksIt) {
  auto source = FrenchSource();
  const std::string source_id = Str(source.at("id"));
  auto en =
      CreateContent(*owner_, {{"type", "article"}, {"title", "Solar offer"}, {"language", "en"}});
  const std::string en_id = Str(en.at("id"));
  EXPECT_TRUE(en.at("translation").is_null());

  auto linked = owner_->client.Put(ContentPath(en_id) + "/translation", {{"source_id", source_id}});
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(linked.Json().at("translation").at("state"), "up_to_date");
  EXPECT_EQ(Languages(GetContent(*owner_, source_id)), (std::vector<std::string>{"fr", "en"}));

  // A second English version of the same source is refused, naming what is wrong.
  auto other =
      CreateContent(*owner_, {{"type", "article"}, {"title", "Solar"}, {"language", "en"}});
  auto twice = owner_->client.Put(ContentPath(Str(other.at("id"))) + "/translation",
                                  {{"source_id", source_id}});
  EXPECT_EQ(twice.status, 422) << twice.body;
  EXPECT_TRUE(NamesField(twice, "source_id")) << twice.body;
  EXPECT_EQ(Translate(*owner_, source_id, "en").status, 422);

  auto unlinked = owner_->client.Delete(ContentPath(en_id) + "/translation");
  ASSERT_EQ(unlinked.status, 200) << unlinked.body;
  EXPECT_TRUE(unlinked.Json().at("translation").is_null());
  EXPECT_TRUE(GetContent(*owner_, source_id).at("translation").is_null());
  EXPECT_EQ(owner_->client.Delete(ContentPath(en_id) + "/translation").status, 404);
}

TEST_F(Translations, FiltersMissingAndOutOfDateInTheListSearchCalendarAndViews) {
  auto linked_source = FrenchSource("Offre solaire");
  auto lonely = FrenchSource("Offre éolienne");
  const std::string source_id = Str(linked_source.at("id"));
  const std::string lonely_id = Str(lonely.at("id"));
  const std::string en_id = Str(Translate(*owner_, source_id, "en").Json().at("id"));

  auto missing = owner_->client.Get(ContentsPath(*owner_) + "?translation=missing");
  ASSERT_EQ(missing.status, 200) << missing.body;
  EXPECT_TRUE(Has(ItemIds(missing), lonely_id));
  EXPECT_FALSE(Has(ItemIds(missing), source_id));
  EXPECT_FALSE(Has(ItemIds(missing), en_id));
  auto stale = owner_->client.Get(ContentsPath(*owner_) + "?translation=out_of_date");
  EXPECT_TRUE(ItemIds(stale).empty()) << stale.body;

  ASSERT_EQ(
      PatchContent(*owner_, source_id, VersionOf(linked_source), {{"title", "Offre solaire 2026"}})
          .status,
      200);
  stale = owner_->client.Get(ContentsPath(*owner_) + "?translation=out_of_date");
  EXPECT_EQ(ItemIds(stale), std::vector<std::string>{en_id});
  auto either =
      owner_->client.Get(ContentsPath(*owner_) + "?translation=out_of_date&translation=missing");
  EXPECT_TRUE(Has(ItemIds(either), en_id) && Has(ItemIds(either), lonely_id)) << either.body;
  EXPECT_FALSE(Has(ItemIds(either), source_id)) << either.body;

  // Search: the index follows the source's edit to its translation.
  auto found = SearchUntil(*owner_, "translation=out_of_date",
                           [&](const auto& ids) { return Has(ids, en_id); });
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(ItemIds(found), std::vector<std::string>{en_id});
  auto found_missing = SearchUntil(*owner_, "translation=missing",
                                   [&](const auto& ids) { return Has(ids, lonely_id); });
  EXPECT_TRUE(Has(ItemIds(found_missing), lonely_id));
  EXPECT_FALSE(Has(ItemIds(found_missing), source_id));

  // Marked up to date: out of the filter, in the list and in search.
  ASSERT_EQ(owner_->client.Post(ContentPath(en_id) + "/translation/synced", json::object{}).status,
            200);
  EXPECT_TRUE(
      ItemIds(owner_->client.Get(ContentsPath(*owner_) + "?translation=out_of_date")).empty());
  auto gone = SearchUntil(*owner_, "translation=out_of_date",
                          [&](const auto& ids) { return !Has(ids, en_id); });
  EXPECT_FALSE(Has(ItemIds(gone), en_id));

  // The calendar filters the same way.
  auto calendar = owner_->client.Get(
      WsPath(*owner_, "/calendar?from=2026-03-01&to=2026-03-31&translation=missing"));
  ASSERT_EQ(calendar.status, 200) << calendar.body;
  EXPECT_NE(calendar.body.find(lonely_id), std::string::npos);
  EXPECT_EQ(calendar.body.find(en_id), std::string::npos);

  // A saved view keeps the filter; an unknown state is refused, naming it.
  auto view =
      owner_->client.Post(WsPath(*owner_, "/views"),
                          {{"name", "À traduire"}, {"filters", {{"translation", {"missing"}}}}});
  EXPECT_EQ(view.status, 201) << view.body;
  auto bad_view = owner_->client.Post(
      WsPath(*owner_, "/views"), {{"name", "Mauvais"}, {"filters", {{"translation", {"old"}}}}});
  EXPECT_EQ(bad_view.status, 400) << bad_view.body;
  EXPECT_TRUE(NamesField(bad_view, "filters.translation")) << bad_view.body;
  auto bad_list = owner_->client.Get(ContentsPath(*owner_) + "?translation=old");
  EXPECT_EQ(bad_list.status, 422) << bad_list.body;
  EXPECT_TRUE(NamesField(bad_list, "translation")) << bad_list.body;
}

TEST_F(Translations, AGuestSeesOnlyTheLinkedContentsSharedWithThem) {
  auto source = FrenchSource();
  const std::string source_id = Str(source.at("id"));
  const std::string en_id = Str(Translate(*owner_, source_id, "en").Json().at("id"));
  Person guest = MakeMember(server_, *owner_, "guest");
  ASSERT_EQ(
      owner_->client
          .Post(ContentPath(en_id) + "/shares", {{"user_id", guest.user_id}, {"level", "edit"}})
          .status,
      201);

  auto en = GetContent(guest, en_id);
  EXPECT_EQ(Languages(en), std::vector<std::string>{"en"});  // the French source is not theirs
  EXPECT_EQ(en.at("translation").at("state"), "up_to_date");
  auto listed = guest.client.Get(ContentsPath(guest));
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.body.find("\"language\":\"fr\",\"content_id\""), std::string::npos)
      << listed.body;
  EXPECT_EQ(guest.client.Get(ContentPath(en_id) + "/translation/source-diff").status, 404);
  EXPECT_EQ(guest.client.Get(ContentPath(source_id)).status, 404);
  // Creating a content is not a guest's: no translation of what they read either.
  EXPECT_EQ(Translate(guest, en_id, "fr").status, 403);
  // Nor do they link it to a content they do not see: it is not there for them.
  auto hidden = guest.client.Put(ContentPath(en_id) + "/translation", {{"source_id", source_id}});
  EXPECT_EQ(hidden.status, 422) << hidden.body;
  EXPECT_TRUE(NamesField(hidden, "source_id"));

  // Shared the source too, they see both languages.
  ASSERT_EQ(
      owner_->client
          .Post(ContentPath(source_id) + "/shares", {{"user_id", guest.user_id}, {"level", "read"}})
          .status,
      201);
  EXPECT_EQ(Languages(GetContent(guest, en_id)), (std::vector<std::string>{"fr", "en"}));
}

TEST_F(Translations, RefusesBadInputNamingTheFieldAndHidesWhatOneMayNotSee) {
  auto source = FrenchSource();
  const std::string source_id = Str(source.at("id"));
  auto de = Translate(*owner_, source_id, "de");
  EXPECT_EQ(de.status, 422) << de.body;
  EXPECT_TRUE(NamesField(de, "language")) << de.body;
  auto same = Translate(*owner_, source_id, "fr");
  EXPECT_EQ(same.status, 422) << same.body;
  EXPECT_TRUE(NamesField(same, "language")) << same.body;
  auto none = owner_->client.Post(ContentPath(source_id) + "/translations", json::object{});
  EXPECT_EQ(none.status, 400) << none.body;  // a required member missing, as everywhere
  EXPECT_TRUE(NamesField(none, "language")) << none.body;
  auto stray = owner_->client.Post(ContentPath(source_id) + "/translations",
                                   {{"language", "en"}, {"colour", "red"}});
  EXPECT_EQ(stray.status, 400) << stray.body;

  auto self =
      owner_->client.Put(ContentPath(source_id) + "/translation", {{"source_id", source_id}});
  EXPECT_EQ(self.status, 422) << self.body;
  EXPECT_TRUE(NamesField(self, "source_id"));
  auto unknown =
      owner_->client.Put(ContentPath(source_id) + "/translation", {{"source_id", "nope"}});
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_TRUE(NamesField(unknown, "source_id"));

  // Not a translation: nothing to mark, nothing to compare.
  EXPECT_EQ(
      owner_->client.Post(ContentPath(source_id) + "/translation/synced", json::object{}).status,
      404);
  EXPECT_EQ(owner_->client.Get(ContentPath(source_id) + "/translation/source-diff").status, 404);

  const std::string en_id = Str(Translate(*owner_, source_id, "en").Json().at("id"));
  auto far = owner_->client.Post(ContentPath(en_id) + "/translation/synced", {{"revision", 99}});
  EXPECT_EQ(far.status, 422) << far.body;
  EXPECT_TRUE(NamesField(far, "revision"));
  auto zero = owner_->client.Post(ContentPath(en_id) + "/translation/synced", {{"revision", 0}});
  EXPECT_EQ(zero.status, 422) << zero.body;

  // A reviewer reads but does not mark; someone of another workspace does not even see it.
  Person reviewer = MakeMember(server_, *owner_, "reviewer");
  EXPECT_EQ(reviewer.client.Post(ContentPath(en_id) + "/translation/synced", json::object{}).status,
            403);
  EXPECT_EQ(reviewer.client.Get(ContentPath(en_id) + "/translation/source-diff").status, 200);
  Person outsider = MakeOutsider(server_, *owner_);
  EXPECT_EQ(Translate(outsider, source_id, "en").status, 404);
  EXPECT_EQ(outsider.client.Get(ContentPath(en_id) + "/translation/source-diff").status, 404);
  EXPECT_EQ(outsider.client.Delete(ContentPath(en_id) + "/translation").status, 404);
  EXPECT_EQ(owner_->client.Get(ContentPath("missing") + "/translation/source-diff").status, 404);
}

}  // namespace
}  // namespace copydesk::testing
