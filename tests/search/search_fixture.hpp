#pragma once
// A real database and search index in a temporary folder, with factories for people,
// workspaces and contents written through the domain services (so their events are real).

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cctype>
#include <filesystem>
#include <random>
#include <string>

#include "auth/accounts.hpp"
#include "content/contents.hpp"
#include "core/config.hpp"
#include "search/indexer.hpp"
#include "search/search.hpp"
#include "storage/accounts_store.hpp"
#include "storage/search_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::search::testing {

//! What a test content says; unset members are left out.
struct ContentSpec {
  std::string title;
  std::string body;  //!< Markdown
  std::string language = "en";
  std::string type = "article";
  std::vector<std::string> tags;
  std::vector<std::string> channels;  //!< channel names
  std::optional<std::string> lead;
};

class SearchFixture : public ::testing::Test {
 protected:
  SearchFixture() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("copydesk-search-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    config_.data_dir = dir_.string();
    db_ = std::make_unique<storage::SqliteDatabase>((dir_ / "copydesk.db").string(), 2);
    db_->Migrate();
    index_ = std::make_unique<SearchIndex>(dir_ / "search");
    indexer_ = std::make_unique<Indexer>(*db_, *index_);
    search_ = std::make_unique<Search>(*db_, *index_);
    workspaces_ = std::make_unique<workspace::Workspaces>(*db_, config_);
    contents_ = std::make_unique<content::Contents>(*db_);
  }
  ~SearchFixture() override {
    indexer_.reset();
    search_.reset();
    index_.reset();
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  //! A person with an account.
  auth::Actor MakePerson(const std::string& name) {
    auto user = db_->Write([&](storage::Tx& tx) {
      return auth::CreateUser(tx, FoldForMatchEmail(name), name, std::nullopt, "en");
    });
    EXPECT_TRUE(user.ok());
    auth::Actor actor;
    actor.user = *user;
    return actor;
  }

  //! A workspace owned by `owner`.
  std::string MakeWorkspace(const auth::Actor& owner, const std::string& name,
                            const std::string& language = "en") {
    auto ws = workspaces_->Create(owner, name, language);
    EXPECT_TRUE(ws.ok());
    return ws->id;
  }

  //! Adds `person` to `ws` with `role`.
  void Join(const std::string& ws, const auth::Actor& person, const std::string& role) {
    auto done = db_->Write([&](storage::Tx& tx) -> Result<bool> {
      storage::InsertMembership(tx, ws, person.user.id, role, NowMs());
      return true;
    });
    EXPECT_TRUE(done.ok());
  }

  std::string ChannelId(const std::string& ws, const std::string& name) {
    return db_->Read([&](storage::Tx& tx) {
      for (const auto& c : storage::ListChannels(tx, ws)) {
        if (c.name == name) return c.id;
      }
      ADD_FAILURE() << "no channel " << name;
      return std::string();
    });
  }

  //! Creates a content and returns its id.
  std::string MakeContent(const auth::Actor& author, const std::string& ws,
                          const ContentSpec& spec) {
    content::ContentInput in;
    in.type = spec.type;
    in.title = spec.title;
    in.language = spec.language;
    boost::json::object fields;
    const std::string body_key = spec.type == "social_post" ? "text" : "body";
    if (!spec.body.empty()) fields[body_key] = spec.body;
    if (spec.lead) fields["lead"] = *spec.lead;
    in.fields = std::move(fields);
    if (!spec.tags.empty()) in.tags = spec.tags;
    if (!spec.channels.empty()) {
      std::vector<std::string> ids;
      for (const auto& name : spec.channels) ids.push_back(ChannelId(ws, name));
      in.channels = ids;
    }
    auto view = contents_->Create(author, ws, std::move(in));
    EXPECT_TRUE(view.ok()) << (view.ok() ? ""
                                         : view.error().detail + " " +
                                               (view.error().fields.empty()
                                                    ? ""
                                                    : view.error().fields[0].field));
    return view.ok() ? view->content.id : "";
  }

  //! Applies every pending event to the index.
  void IndexAll() { indexer_->Flush(); }

  //! Searches as `actor`; fails the test when the search fails.
  SearchResult Find(const auth::Actor& actor, const std::string& ws, SearchRequest request) {
    auto r = search_->Find(actor, ws, request);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : SearchResult{};
  }
  SearchResult Find(const auth::Actor& actor, const std::string& ws, const std::string& q) {
    SearchRequest r;
    r.q = q;
    return Find(actor, ws, r);
  }
  //! Searches as the palette does while `q` is typed: its last word also matches as a prefix.
  SearchResult FindTyping(const auth::Actor& actor, const std::string& ws, const std::string& q) {
    SearchRequest r;
    r.q = q;
    r.typing = true;
    r.facets = false;
    return Find(actor, ws, r);
  }

  //! Titles of the items, in order.
  static std::vector<std::string> Titles(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& i : r.items) out.push_back(i.title);
    return out;
  }

  static std::string FoldForMatchEmail(const std::string& name) {
    std::string out;
    for (char c : name) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out + "@example.com";
  }

  std::filesystem::path dir_;
  Config config_;
  std::unique_ptr<storage::SqliteDatabase> db_;
  std::unique_ptr<SearchIndex> index_;
  std::unique_ptr<Indexer> indexer_;
  std::unique_ptr<Search> search_;
  std::unique_ptr<workspace::Workspaces> workspaces_;
  std::unique_ptr<content::Contents> contents_;
};

}  // namespace copydesk::search::testing
