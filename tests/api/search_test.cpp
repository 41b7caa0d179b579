// Search over HTTP: a save is found within a second, parameters are checked and named, facets
// and snippets come back, permissions hold for other workspaces and guests, views are saved.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

std::string SearchPath(const Person& p, const std::string& query) {
  return "/api/v1/workspaces/" + p.workspace_id + "/search?" + query;
}

// Searches until `ready` holds or `ms` pass: the index follows saves on its own thread.
HttpResponse SearchUntil(Person& p, const std::string& query,
                         const std::function<bool(const json::value&)>& ready, int ms = 3000) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  for (;;) {
    auto r = p.client.Get(SearchPath(p, query));
    if (r.status != 200 || ready(r.Json()) || std::chrono::steady_clock::now() > deadline) return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
}

std::int64_t Total(const HttpResponse& r) {
  return r.Json().at("total").as_int64();
}

class SearchApiTest : public ::testing::Test {
 protected:
  SearchApiTest() : owner_(MakeOwner(server_)) {}

  std::string Create(const std::string& title, const std::string& body, const std::string& language,
                     json::array tags = {}) {
    auto c = CreateContent(owner_, {{"type", "article"},
                                    {"title", title},
                                    {"language", language},
                                    {"tags", std::move(tags)},
                                    {"fields", {{"body", body}}}});
    return Str(c.at("id"));
  }

  TestServer server_;
  Person owner_;
};

TEST_F(SearchApiTest, ASaveIsSearchableWithinASecond) {
  const auto started = std::chrono::steady_clock::now();
  const auto id = Create(
      "Tarif réglementé du gaz : ce qui change au 1er juillet",
      "Le tarif réglementé de vente du gaz disparaît ; l'offre de marché prend le relais.", "fr");
  auto r = SearchUntil(owner_, "q=tarif%20reglemente",
                       [](const json::value& j) { return j.at("total").as_int64() > 0; });
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(Total(r), 1) << r.body;
  EXPECT_LT(elapsed, std::chrono::seconds(1));
  const auto& item = r.Json().at("items").at(0);
  EXPECT_EQ(Str(item.at("id")), id);
  EXPECT_NE(Str(item.at("snippet")).find("<mark>réglementé</mark>"), std::string::npos) << r.body;
  for (const char* key : {"title", "type", "status", "channels", "updated_at", "score"}) {
    EXPECT_TRUE(item.as_object().contains(key)) << key;
  }
  for (const char* facet : {"type", "status", "channel", "tag", "owner", "language"}) {
    EXPECT_TRUE(r.Json().at("facets").as_object().contains(facet)) << facet;
  }

  // An edit too.
  auto content = GetContent(owner_, id);
  ASSERT_EQ(PatchContent(owner_, id, VersionOf(content),
                         {{"title", "Fin du tarif réglementé : le calendrier"}})
                .status,
            200);
  r = SearchUntil(owner_, "q=calendrier",
                  [](const json::value& j) { return j.at("total").as_int64() > 0; });
  EXPECT_EQ(Total(r), 1) << r.body;
}

TEST_F(SearchApiTest, FiltersRepeatAsAnyOf) {
  Create("Pompe à chaleur air-eau", "Une pompe à chaleur pour la maison.", "fr", {"Chauffage"});
  Create("Heat pump buyer's guide", "Choosing a heat pump for your home.", "en", {"Heating"});
  Create("Smart meters", "Readings sent automatically.", "en", {"Electricity"});
  auto all =
      SearchUntil(owner_, "", [](const json::value& j) { return j.at("total").as_int64() == 3; });
  ASSERT_EQ(Total(all), 3) << all.body;
  // A handful of matches is counted exactly, and the answer says so.
  EXPECT_FALSE(all.Json().at("total_estimated").as_bool()) << all.body;
  EXPECT_FALSE(all.Json().at("facets_estimated").as_bool()) << all.body;
  EXPECT_EQ(Total(owner_.client.Get(SearchPath(owner_, "tag=chauffage&tag=heating"))), 2);
  EXPECT_EQ(Total(owner_.client.Get(SearchPath(owner_, "language=en"))), 2);
  EXPECT_EQ(Total(owner_.client.Get(SearchPath(owner_, "language=en&language=fr&q=pump"))), 1);
  EXPECT_EQ(Total(owner_.client.Get(SearchPath(owner_, "q=pompe%20cha&typing=true"))), 1);
  EXPECT_EQ(Total(owner_.client.Get(SearchPath(owner_, "q=tag:heating"))), 1);
  EXPECT_EQ(Total(owner_.client.Get(SearchPath(owner_, "type=article&sort=updated&limit=1"))), 3);
  auto spelled = owner_.client.Get(SearchPath(owner_, "q=chaleru%20"));
  ASSERT_EQ(spelled.status, 200);
  EXPECT_EQ(Str(spelled.Json().at("corrected_query")), "chaleur ") << spelled.body;
  // "Search instead for chaleru": the words as typed, uncorrected.
  auto as_typed = owner_.client.Get(SearchPath(owner_, "q=chaleru%20&spelling=false"));
  ASSERT_EQ(as_typed.status, 200);
  EXPECT_FALSE(as_typed.Json().as_object().contains("corrected_query")) << as_typed.body;
  EXPECT_EQ(Total(as_typed), 0);
  // As you type: the same items, without facet counts.
  auto typing = owner_.client.Get(SearchPath(owner_, "q=pom&facets=false&typing=true"));
  ASSERT_EQ(typing.status, 200);
  EXPECT_EQ(Total(typing), 1) << typing.body;
  EXPECT_TRUE(typing.Json().at("facets").as_object().empty()) << typing.body;
}

TEST_F(SearchApiTest, AViewRemembersTheScreenItOpensOnForEveryoneItIsSharedWith) {
  const std::string views = "/api/v1/workspaces/" + owner_.workspace_id + "/views";
  auto board = owner_.client.Post(views, json::object{{"name", "Relecture juridique"},
                                                      {"filters", {{"tag", {"gaz"}}}},
                                                      {"screen", "board"},
                                                      {"shared", true}});
  ASSERT_EQ(board.status, 201) << board.body;
  EXPECT_EQ(Str(board.Json().at("screen")), "board");
  auto editor = MakeMember(server_, owner_, "editor");
  auto seen = editor.client.Get(views);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(Str(seen.Json().at("items").at(0).at("screen")), "board");
  // Without a screen, the view opens where its filters say.
  auto plain = owner_.client.Post(views, json::object{{"name", "Tout"}});
  ASSERT_EQ(plain.status, 201);
  EXPECT_TRUE(plain.Json().at("screen").is_null());
  const std::string one = views + "/" + Str(board.Json().at("id"));
  auto moved = owner_.client.Patch(one, json::object{{"screen", "contents"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(Str(moved.Json().at("screen")), "contents");
  auto cleared = owner_.client.Patch(one, json::object{{"screen", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.Json().at("screen").is_null());
  auto bad = owner_.client.Patch(one, json::object{{"screen", "calendar"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(NamesField(bad, "screen")) << bad.body;
}

TEST_F(SearchApiTest, TheWorkspaceIsNamedByIdOrSlugAsEverywhere) {
  Create("Borne de recharge", "Rechargez la nuit.", "fr");
  SearchUntil(owner_, "q=borne", [](const json::value& j) { return j.at("total").as_int64() > 0; });
  const auto ws = owner_.client.Get("/api/v1/workspaces/" + owner_.workspace_id);
  ASSERT_EQ(ws.status, 200);
  const std::string slug = Str(ws.Json().at("slug"));
  ASSERT_NE(slug, owner_.workspace_id);
  auto by_slug = owner_.client.Get("/api/v1/workspaces/" + slug + "/search?q=borne");
  ASSERT_EQ(by_slug.status, 200) << by_slug.body;
  EXPECT_EQ(Total(by_slug), 1);
  auto similar =
      owner_.client.Post("/api/v1/workspaces/" + slug + "/search/similar",
                         json::object{{"title", "Recharge"}, {"text", "borne de recharge"}});
  EXPECT_EQ(similar.status, 200) << similar.body;
  auto view = owner_.client.Post("/api/v1/workspaces/" + slug + "/views",
                                 json::object{{"name", "Bornes"}, {"q", "borne"}});
  ASSERT_EQ(view.status, 201) << view.body;
  const std::string views = "/api/v1/workspaces/" + owner_.workspace_id + "/views";
  EXPECT_EQ(owner_.client.Get(views).Json().at("items").as_array().size(), 1u)
      << "one view, by either name";
  const std::string by_slug_views =
      "/api/v1/workspaces/" + slug + "/views/" + Str(view.Json().at("id"));
  EXPECT_EQ(owner_.client.Patch(by_slug_views, json::object{{"name", "Recharge"}}).status, 200);
  EXPECT_EQ(owner_.client.Delete(by_slug_views).status, 204);
  // Someone else's slug is no more visible than their id.
  auto outsider = MakeOutsider(server_, owner_);
  EXPECT_EQ(outsider.client.Get("/api/v1/workspaces/" + slug + "/search?q=borne").status, 404);
  EXPECT_EQ(outsider.client.Get("/api/v1/workspaces/" + slug + "/views").status, 404);
}

TEST_F(SearchApiTest, BadParametersAreNamed) {
  struct Case {
    const char* query;
    int status;
    const char* field;
  };
  for (const auto& c : {Case{"colour=red", 400, "colour"}, Case{"sort=title", 422, "sort"},
                        Case{"limit=0", 422, "limit"}, Case{"limit=x", 400, "limit"},
                        Case{"offset=-1", 422, "offset"}, Case{"language=de", 422, "language"},
                        Case{"updated_from=yesterday", 400, "updated_from"},
                        Case{"archived=maybe", 400, "archived"}, Case{"facets=some", 400, "facets"},
                        Case{"spelling=2", 400, "spelling"}}) {
    auto r = owner_.client.Get(SearchPath(owner_, c.query));
    EXPECT_EQ(r.status, c.status) << c.query << " " << r.body;
    EXPECT_TRUE(NamesField(r, c.field)) << c.query << " " << r.body;
  }
}

TEST_F(SearchApiTest, OthersNeverSeeAHiddenContent) {
  const auto hidden = Create("Projet Zéphyr : note confidentielle",
                             "Rapprochement confidentiel avec un fournisseur.", "fr");
  SearchUntil(owner_, "q=zephyr",
              [](const json::value& j) { return j.at("total").as_int64() > 0; });

  auto outsider = MakeOutsider(server_, owner_);
  auto theirs = CreateContent(
      outsider,
      {{"type", "article"}, {"title", "Notre guide de la chaudière"}, {"language", "fr"}});
  SearchUntil(outsider, "q=chaudiere",
              [](const json::value& j) { return j.at("total").as_int64() > 0; });
  for (const char* q : {"q=zephyr", "q=confidentiel", "q=zeph", "q=zephir", ""}) {
    auto r = outsider.client.Get(SearchPath(outsider, q));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.body.find(hidden), std::string::npos) << q << " " << r.body;
    EXPECT_EQ(r.body.find("phyr"), std::string::npos) << q << " " << r.body;
  }
  EXPECT_EQ(outsider.client.Get(SearchPath(owner_, "q=zephyr")).status, 404);
  EXPECT_EQ(outsider.client.Get(ContentPath(hidden) + "/similar").status, 404);
  auto similar = outsider.client.Post(
      "/api/v1/workspaces/" + outsider.workspace_id + "/search/similar",
      json::object{{"title", "Projet Zéphyr"}, {"text", "note confidentielle fournisseur"}});
  ASSERT_EQ(similar.status, 200) << similar.body;
  EXPECT_EQ(similar.body.find(hidden), std::string::npos) << similar.body;

  auto guest = MakeMember(server_, owner_, "guest");
  auto g = guest.client.Get(SearchPath(owner_, "q=zephyr"));
  ASSERT_EQ(g.status, 200) << g.body;
  EXPECT_EQ(Total(g), 0);
  EXPECT_EQ(g.body.find(hidden), std::string::npos);
  EXPECT_EQ(guest.client.Get(ContentPath(hidden) + "/similar").status, 404);
  (void)theirs;
}

TEST_F(SearchApiTest, SimilarContentsWhileWriting) {
  const auto boiler = Create(
      "Entretien annuel de votre chaudière à condensation",
      "L'entretien annuel de la chaudière est obligatoire : nos techniciens passent chez vous.",
      "fr");
  const auto other =
      Create("Borne de recharge à domicile", "Rechargez votre voiture électrique la nuit.", "fr");
  SearchUntil(owner_, "", [](const json::value& j) { return j.at("total").as_int64() == 2; });
  auto r = owner_.client.Post(
      "/api/v1/workspaces/" + owner_.workspace_id + "/search/similar",
      json::object{{"title", "Chaudière : pensez à l'entretien"}, {"text", "Un entretien annuel"}});
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_FALSE(r.Json().at("items").as_array().empty()) << r.body;
  EXPECT_EQ(Str(r.Json().at("items").at(0).at("id")), boiler);
  EXPECT_GT(r.Json().at("items").at(0).at("score").as_int64(), 0);

  auto g = owner_.client.Get(ContentPath(other) + "/similar?limit=3");
  ASSERT_EQ(g.status, 200) << g.body;
  for (const auto& id : ItemIds(g)) EXPECT_NE(id, other);
  EXPECT_EQ(owner_.client.Get(ContentPath(other) + "/similar?limit=500").status, 422);
  auto bad = owner_.client.Post("/api/v1/workspaces/" + owner_.workspace_id + "/search/similar",
                                json::object{{"title", "x"}, {"body", "y"}});
  EXPECT_EQ(bad.status, 400) << bad.body;
}

TEST_F(SearchApiTest, SavedViewsSharedOrPrivate) {
  const std::string views = "/api/v1/workspaces/" + owner_.workspace_id + "/views";
  auto shared =
      owner_.client.Post(views, json::object{{"name", "Gaz en relecture"},
                                             {"q", "gaz"},
                                             {"filters", {{"tag", {"gaz"}}, {"language", {"fr"}}}},
                                             {"sort", "updated"},
                                             {"shared", true}});
  ASSERT_EQ(shared.status, 201) << shared.body;
  auto mine =
      owner_.client.Post(views, json::object{{"name", "Mes brouillons"}, {"q", "owner:me"}});
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(mine.Json().at("shared").as_bool(), false);
  EXPECT_EQ(Str(mine.Json().at("sort")), "relevance");

  auto editor = MakeMember(server_, owner_, "editor");
  auto seen = editor.client.Get(views);
  ASSERT_EQ(seen.status, 200);
  ASSERT_EQ(seen.Json().at("items").as_array().size(), 1u) << seen.body;
  EXPECT_EQ(Str(seen.Json().at("items").at(0).at("name")), "Gaz en relecture");
  const auto private_id = Str(mine.Json().at("id"));
  const auto shared_id = Str(shared.Json().at("id"));
  EXPECT_EQ(editor.client.Patch(views + "/" + private_id, json::object{{"name", "x"}}).status, 404);
  EXPECT_EQ(editor.client.Delete(views + "/" + private_id).status, 404);
  EXPECT_EQ(editor.client.Patch(views + "/" + shared_id, json::object{{"name", "x"}}).status, 403);

  auto renamed = owner_.client.Patch(views + "/" + private_id,
                                     json::object{{"name", "Brouillons"}, {"shared", true}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(editor.client.Get(views).Json().at("items").as_array().size(), 2u);
  EXPECT_EQ(owner_.client.Delete(views + "/" + private_id).status, 204);
  EXPECT_EQ(editor.client.Get(views).Json().at("items").as_array().size(), 1u);

  auto bad =
      owner_.client.Post(views, json::object{{"name", "x"}, {"filters", {{"colour", {"red"}}}}});
  EXPECT_EQ(bad.status, 400);  // an unknown filter is an unknown member
  EXPECT_TRUE(NamesField(bad, "filters.colour")) << bad.body;
  EXPECT_EQ(owner_.client.Post(views, json::object{{"name", "x"}, {"sort", "title"}}).status, 422);
  EXPECT_EQ(owner_.client.Post(views, json::object{{"q", "x"}}).status, 400);
  auto outsider = MakeOutsider(server_, owner_);
  EXPECT_EQ(outsider.client.Get(views).status, 404);
}

}  // namespace
}  // namespace copydesk::testing
