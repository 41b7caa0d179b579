// The authorization matrix: every registered route, called by every role of a workspace, by an
// anonymous caller and by a member of another workspace, answers the status the policy
// (src/auth/policy.cpp, docs/permissions.md) says. A route added without a row here fails.
//
// Rows give the exact status for each caller. Where a feature's own state decides between
// members (whether the workflow asks for an approval), the row says kInside: any answer but
// 400, 401, 404 or a 5xx — the boundary (signed in, inside the workspace) is what this file
// checks; the feature's tests check the rest.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <boost/json/serialize.hpp>
#include <functional>
#include <set>

#include "app/app.hpp"
#include "support/subprocess.hpp"
#include "support/test_server.hpp"
#include "webhooks/deliverer.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

//! Who calls, in the order of the expected statuses of a row: the roles of the workspace; guests
//! given read, comment or edit on the project every content of these rows is in; an anonymous
//! caller and a member of another workspace; then people without an account holding a review
//! link of each level, a revoked link and an expired one (to the normal API they are anonymous).
enum Caller {
  kOwner,
  kAdmin,
  kEditor,
  kContributor,
  kReviewer,
  kGuest,
  kGuestRead,
  kGuestComment,
  kGuestEdit,
  kAnonymous,
  kOutsider,
  kLinkRead,
  kLinkComment,
  kLinkEdit,
  kLinkValidate,
  kLinkRevoked,
  kLinkExpired,
  kCallers
};
constexpr std::array<const char*, kCallers> kCallerNames = {
    "owner",        "admin",        "editor",          "contributor",  "reviewer",
    "guest",        "guest (read)", "guest (comment)", "guest (edit)", "anonymous",
    "outsider",     "link (read)",  "link (comment)",  "link (edit)",  "link (validate)",
    "revoked link", "expired link"};
using Expected = std::array<int, kCallers>;

bool IsLink(Caller c) {
  return c >= kLinkRead;
}
//! Callers without a session of their own: the anonymous and every link visitor.
bool Unsigned(Caller c) {
  return c == kAnonymous || IsLink(c);
}

//! One status for each kind of caller; link visitors answer like anonymous callers unless said.
struct Who {
  int owner, admin, editor, contributor, reviewer, guest, guest_read, guest_comment, guest_edit,
      anonymous, outsider;
};
constexpr Expected Of(Who w) {
  const int a = w.anonymous;
  return {w.owner,
          w.admin,
          w.editor,
          w.contributor,
          w.reviewer,
          w.guest,
          w.guest_read,
          w.guest_comment,
          w.guest_edit,
          a,
          w.outsider,
          a,
          a,
          a,
          a,
          a,
          a};
}

//! Everyone gets `s`.
constexpr Expected Public(int s) {
  return Of({s, s, s, s, s, s, s, s, s, s, s});
}
//! Any signed-in account gets `s` (routes about oneself, not about a workspace).
constexpr Expected SignedIn(int s) {
  return Of({s, s, s, s, s, s, s, s, s, 401, s});
}
//! Every member of the workspace gets `s`.
constexpr Expected Members(int s) {
  return Of({s, s, s, s, s, s, s, s, s, 401, 404});
}
//! Members but guests get `s`.
constexpr Expected Staff(int s) {
  return Of({s, s, s, s, s, 403, 403, 403, 403, 401, 404});
}
//! Owners and admins get `s`.
constexpr Expected Admins(int s) {
  return Of({s, s, 403, 403, 403, 403, 403, 403, 403, 401, 404});
}
//! Owners, admins and editors get `s`.
constexpr Expected Editors(int s) {
  return Of({s, s, s, 403, 403, 403, 403, 403, 403, 401, 404});
}
//! Everyone who writes gets `s`: reviewers and guests do not.
constexpr Expected Writers(int s) {
  return Of({s, s, s, s, 403, 403, 403, 403, 403, 401, 404});
}

//! On a library file attached to nothing: owners, admins and editors get `s`; other staff are
//! refused; guests see no such file.
constexpr Expected LibraryEditors(int s) {
  return Of({s, s, s, 403, 403, 404, 404, 404, 404, 401, 404});
}

//! Any answer from inside the workspace: not 401, not 404, not a server error.
constexpr int kInside = -1;

// On one content of the workspace, made by its owner in the project shared with the guests.
// A guest it is not shared with does not see it (404), as an outsider does not.
//! Staff and the guests it is shared with get `s` on a content.
constexpr Expected ContentReaders(int s) {
  return Of({s, s, s, s, s, 404, s, s, s, 401, 404});
}
//! Staff and the guests who may comment get `s`; a guest who only reads is refused.
constexpr Expected ContentCommenters(int s) {
  return Of({s, s, s, s, s, 404, 403, s, s, 401, 404});
}
//! Owners, admins, editors and the guest given edit get `s` on the text of someone else's
//! content.
constexpr Expected ContentTextEditors(int s) {
  return Of({s, s, s, 403, 403, 404, 403, 403, s, 401, 404});
}
//! Owners, admins and editors get `s` on someone else's content; other members are refused.
constexpr Expected ContentEditors(int s) {
  return Of({s, s, s, 403, 403, 404, 403, 403, 403, 401, 404});
}
//! Owners and admins get `s` on a content.
constexpr Expected ContentAdmins(int s) {
  return Of({s, s, 403, 403, 403, 404, 403, 403, 403, 401, 404});
}
//! Whoever reads the content gets an answer decided by the feature's own rules (a guest in a
//! team the workflow asks may answer for it).
constexpr Expected ContentInside() {
  return Of(
      {kInside, kInside, kInside, kInside, kInside, 404, kInside, kInside, kInside, 401, 404});
}
//! On a project: owners, admins and editors get `s`; guests see no project to manage (404).
constexpr Expected ProjectEditors(int s) {
  return Of({s, s, s, 403, 403, 404, 404, 404, 404, 401, 404});
}
//! The review API: a caller without a session on the link (every account, the anonymous)
//! gets `nobody`; visitors of each level get theirs; a revoked or expired link is not there.
constexpr Expected Review(int nobody, int read, int comment, int edit, int validate) {
  return {nobody, nobody, nobody, nobody,  nobody, nobody,   nobody, nobody, nobody,
          nobody, nobody, read,   comment, edit,   validate, 404,    404};
}

//! The request one caller makes for one row.
struct Call {
  std::string target;
  std::optional<std::string> body;
  std::optional<HttpClient> as;  //!< another client of the same caller (e.g. a second session)
  std::vector<std::pair<std::string, std::string>> headers = {};  //!< an upload's Content-Type
  //! For a route that names its subject in the body (a proof names its content): the same
  //! request naming a subject that does not exist, the twin a 404 must answer like.
  std::optional<std::string> missing_body = {};
};

struct Row {
  std::string method;
  std::string pattern;
  Expected expected;
  std::function<Call(Caller)> prepare;
};

//! The routes the running server registers: its own router, so no route can be missed.
std::set<std::pair<std::string, std::string>> RegisteredRoutes(TestServer& server) {
  const auto routes = server.app().router().Routes();
  return {routes.begin(), routes.end()};
}

std::string Unique(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + std::to_string(counter++);
}

std::string Serialize(const json::value& v) {
  return json::serialize(v);
}

class AuthorizationMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_.emplace(MakeOwner(server_));
    people_.emplace(kOwner, &*owner_);
    for (auto [caller, role] : {std::pair{kAdmin, "admin"},
                                {kEditor, "editor"},
                                {kContributor, "contributor"},
                                {kReviewer, "reviewer"},
                                {kGuest, "guest"}}) {
      members_.push_back(MakeMember(server_, *owner_, role));
    }
    people_.emplace(kAdmin, &members_[0]);
    people_.emplace(kEditor, &members_[1]);
    people_.emplace(kContributor, &members_[2]);
    people_.emplace(kReviewer, &members_[3]);
    people_.emplace(kGuest, &members_[4]);
    outsider_.emplace(MakeOutsider(server_, *owner_));
    people_.emplace(kOutsider, &*outsider_);
    victim_.emplace(MakeMember(server_, *owner_, "contributor"));
    ws_ = "/api/v1/workspaces/" + owner_->workspace_id;
    // Every content of the rows is made in a project shared with three guests, one per level.
    project_ = NewSetting("/projects", {{"name", "Campagne partagée"}});
    for (auto [caller, level] :
         {std::pair{kGuestRead, "read"}, {kGuestComment, "comment"}, {kGuestEdit, "edit"}}) {
      guests_.push_back(MakeMember(server_, *owner_, "guest"));
      auto shared = owner_->client.Post("/api/v1/projects/" + project_ + "/shares",
                                        {{"user_id", guests_.back().user_id}, {"level", level}});
      EXPECT_EQ(shared.status, 201) << shared.body;
    }
    people_.emplace(kGuestRead, &guests_[0]);
    people_.emplace(kGuestComment, &guests_[1]);
    people_.emplace(kGuestEdit, &guests_[2]);
  }

  //! The level of a link visitor's link ("validate" for the revoked and expired ones).
  static const char* LinkLevel(Caller c) {
    switch (c) {
      case kLinkRead:
        return "read";
      case kLinkComment:
        return "comment";
      case kLinkEdit:
        return "edit";
      default:
        return "validate";
    }
  }

  //! A review link on a new content, by the owner; for a link visitor, with their open session
  //! (then revoked or expired when the caller says so).
  struct Visit {
    std::string secret;
    std::string content;
    std::optional<HttpClient> as;
  };
  Visit ReviewAs(Caller c) {
    Visit v;
    v.content = NewContent();
    auto link = owner_->client.Post("/api/v1/contents/" + v.content + "/links",
                                    {{"level", IsLink(c) ? LinkLevel(c) : "validate"}});
    EXPECT_EQ(link.status, 201) << link.body;
    v.secret = std::string(link.Json().at("secret").as_string());
    if (!IsLink(c)) return v;
    HttpClient visitor = server_.Client();
    auto opened = visitor.Post("/api/v1/review/" + v.secret + "/session",
                               {{"name", "Marc Lefèvre"}, {"email", "marc@groupe.example"}});
    EXPECT_EQ(opened.status, 201) << opened.body;
    visitor.UseCsrf(std::string(opened.Json().at("csrf_token").as_string()));
    const std::string link_id(link.Json().at("id").as_string());
    if (c == kLinkRevoked) {
      EXPECT_EQ(owner_->client.Delete("/api/v1/links/" + link_id).status, 204);
    } else if (c == kLinkExpired) {
      auto expired = server_.app().db().Write([&](storage::Tx& tx) -> Result<void> {
        tx.Exec("UPDATE share_links SET expires_at = 1 WHERE id = ?", {link_id});
        return {};
      });
      EXPECT_TRUE(expired);
    }
    v.as = std::move(visitor);
    return v;
  }

  //! The caller's own client (a copy: cookies set by the call do not leak into later rows).
  //! A link visitor calls with their review session's cookie, made once on the first content.
  HttpClient ClientOf(Caller caller) {
    if (caller == kAnonymous) return server_.Client();
    if (IsLink(caller)) {
      if (!visitors_.contains(caller)) visitors_.emplace(caller, *ReviewAs(caller).as);
      return visitors_.at(caller);
    }
    return people_.at(caller)->client;
  }
  std::string EmailOf(Caller caller) {
    return Unsigned(caller) ? "nobody@example.com" : people_.at(caller)->email;
  }

  //! A second browser session of the caller, and its id.
  std::pair<HttpClient, std::string> SecondSession(Caller caller) {
    HttpClient second = server_.Client();
    if (Unsigned(caller)) return {second, "nosuchsession000"};
    auto login =
        second.Post("/api/v1/auth/login", {{"email", EmailOf(caller)}, {"password", kPassword}});
    EXPECT_EQ(login.status, 200) << login.body;
    const auto sessions = second.Get("/api/v1/me/sessions").Json();
    for (const auto& s : sessions.at("items").as_array()) {
      if (s.at("current").as_bool()) return {second, std::string(s.at("id").as_string())};
    }
    ADD_FAILURE() << "no current session";
    return {second, ""};
  }

  //! A new team of the owner's workspace.
  std::string NewTeam() {
    auto team = owner_->client.Post(ws_ + "/teams", {{"name", Unique("Équipe ")}});
    EXPECT_EQ(team.status, 201) << team.body;
    return std::string(team.Json().at("id").as_string());
  }

  //! A new content of the owner's workspace, by the owner.
  std::string NewContent() {
    auto created = owner_->client.Post(
        ws_ + "/contents",
        {{"type", "article"}, {"title", Unique("Article ")}, {"project", project_}});
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.Json().at("id").as_string());
  }
  //! A project of its own holding one content, shared with the guest callers like project_ (whose
  //! hundreds of contents, made by the other rows, would pass a .zip's cap).
  std::string SmallSharedProject() {
    const auto project = NewSetting("/projects", {{"name", Unique("Campagne ")}});
    const std::vector<std::pair<int, const char*>> levels = {
        {0, "read"}, {1, "comment"}, {2, "edit"}};
    for (auto [guest, level] : levels) {
      auto shared = owner_->client.Post("/api/v1/projects/" + project + "/shares",
                                        {{"user_id", guests_[guest].user_id}, {"level", level}});
      EXPECT_EQ(shared.status, 201) << shared.body;
    }
    auto created = owner_->client.Post(
        ws_ + "/contents",
        {{"type", "article"}, {"title", Unique("Article ")}, {"project", project}});
    EXPECT_EQ(created.status, 201) << created.body;
    return project;
  }
  //! A new content of the owner's workspace on a channel of its own; its id and the channel's.
  std::pair<std::string, std::string> ContentOnChannel() {
    if (channel_.empty()) channel_ = NewSetting("/channels", {{"name", Unique("Canal ")}});
    auto created = owner_->client.Post(ws_ + "/contents", {{"type", "article"},
                                                           {"title", Unique("Article ")},
                                                           {"project", project_},
                                                           {"channels", {channel_}}});
    EXPECT_EQ(created.status, 201) << created.body;
    return {std::string(created.Json().at("id").as_string()), channel_};
  }
  //! A new content of the owner's in `language`, in the project shared with the guests.
  std::string ContentIn(const std::string& language) {
    auto created = owner_->client.Post(ws_ + "/contents", {{"type", "article"},
                                                           {"title", Unique("Article ")},
                                                           {"language", language},
                                                           {"project", project_}});
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.Json().at("id").as_string());
  }
  //! A French content and its English translation, both the owner's, in the shared project.
  std::string TranslatedContent() {
    auto created = owner_->client.Post("/api/v1/contents/" + ContentIn("fr") + "/translations",
                                       {{"language", "en"}});
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.Json().at("id").as_string());
  }
  //! A new content, archived by the owner.
  std::string ArchivedContent() {
    const std::string id = NewContent();
    auto archived = owner_->client.Delete("/api/v1/contents/" + id);
    EXPECT_EQ(archived.status / 100, 2) << archived.body;
    return id;
  }
  //! A new content, locked by the owner.
  std::string LockedContent() {
    const std::string id = NewContent();
    auto locked =
        owner_->client.Post("/api/v1/contents/" + id + "/lock", {{"reason", "Legal hold"}});
    EXPECT_EQ(locked.status / 100, 2) << locked.body;
    return id;
  }
  //! The workspace's first content, made once: for rows that only read.
  const std::string& SharedContent() {
    if (shared_content_.empty()) shared_content_ = NewContent();
    return shared_content_;
  }
  //! The workflow as it is, in the shape PUT takes back.
  std::string CurrentWorkflow() {
    auto current = owner_->client.Get(ws_ + "/workflow");
    EXPECT_EQ(current.status, 200) << current.body;
    json::array statuses;
    for (const auto& status : current.Json().at("statuses").as_array()) {
      json::object in;
      for (const char* key : {"id", "name", "color", "category"}) in[key] = status.at(key);
      if (const auto* gate = status.as_object().if_contains("gate"); gate && gate->is_object()) {
        json::object g;
        for (const char* key : {"teams", "no_violations", "blocking"}) {
          if (const auto* v = gate->as_object().if_contains(key)) g[key] = *v;
        }
        in["gate"] = std::move(g);
      }
      statuses.push_back(std::move(in));
    }
    return Serialize({{"statuses", std::move(statuses)}});
  }
  //! The id of a status of the workflow other than the first.
  std::string SecondStatus() {
    auto current = owner_->client.Get(ws_ + "/workflow");
    return std::string(current.Json().at("statuses").at(1).at("id").as_string());
  }
  //! A new channel, type, project or view made by `who`; its id.
  std::string NewSetting(const std::string& path, const json::value& body, Caller who = kOwner) {
    auto client = ClientOf(who);
    auto created = client.Post(ws_ + path, body);
    EXPECT_EQ(created.status, 201) << path << " " << created.body;
    return std::string(created.Json().at("id").as_string());
  }
  static json::value NewType() {
    return {{"key", Unique("kind_")},
            {"name", Unique("Kind ")},
            {"fields", json::array{{{"key", "body"}, {"label", "Body"}, {"kind", "longtext"}}}}};
  }

  //! The same request about a workspace or a content that does not exist.
  std::string MissingTwin(const std::string& target) const {
    if (target.rfind(ws_, 0) == 0)
      return "/api/v1/workspaces/nosuchworkspace0" + target.substr(ws_.size());
    for (const auto& [prefix, missing] :
         {std::pair<std::string, std::string>{"/api/v1/contents/", "nosuchcontent000"},
          {"/api/v1/comments/", "nosuchcomment000"},
          {"/api/v1/tasks/", "nosuchtask000000"},
          {"/api/v1/projects/", "nosuchproject000"},
          {"/api/v1/shares/", "nosuchshare00000"},
          {"/api/v1/links/", "nosuchlink000000"},
          {"/api/v1/review/", "nosuchsecret0000"},
          {"/api/v1/media/", "nosuchmedia00000"},
          {"/api/v1/attachments/", "nosuchattach0000"}}) {
      if (target.rfind(prefix, 0) != 0) continue;
      const auto end = target.find_first_of("/?", prefix.size());
      return prefix + missing + (end == std::string::npos ? "" : target.substr(end));
    }
    return "";
  }

  //! A new comment by the owner on the shared content.
  std::string NewComment() {
    auto created = owner_->client.Post("/api/v1/contents/" + SharedContent() + "/comments",
                                       {{"body", Unique("Remarque ")}});
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.Json().at("id").as_string());
  }
  //! A new task by the owner on the shared content, assigned to nobody.
  std::string NewTask() {
    auto created = owner_->client.Post("/api/v1/contents/" + SharedContent() + "/tasks",
                                       {{"title", Unique("Relire ")}});
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.Json().at("id").as_string());
  }
  static json::value NewTaskList() {
    return {{"name", Unique("Article ")},
            {"tasks", json::array{{{"title", "Brief"}, {"due_offset_days", -10}}}}};
  }
  //! One of the caller's own notifications: a task of their own, overdue, in a workspace of
  //! their own (every account may start one), reminds them when they read.
  std::string OwnNotification(Caller c) {
    if (Unsigned(c)) return "nosuchnotif00000";
    auto client = ClientOf(c);
    auto desk = client.Post("/api/v1/workspaces", {{"name", Unique("Bureau ")}});
    EXPECT_EQ(desk.status, 201) << desk.body;
    const std::string desk_id(desk.Json().at("id").as_string());
    auto task = client.Post("/api/v1/workspaces/" + desk_id + "/tasks",
                            {{"title", "Relancer"},
                             {"assignees", json::array{people_.at(c)->user_id.c_str()}},
                             {"due_at", "2020-01-01"}});
    EXPECT_EQ(task.status, 201) << task.body;
    auto list = client.Get("/api/v1/me/notifications");
    EXPECT_EQ(list.status, 200) << list.body;
    const auto items = list.Json().at("items").as_array();
    EXPECT_FALSE(items.empty()) << list.body;
    return items.empty() ? "" : std::string(items.at(0).at("id").as_string());
  }

  //! A password link the owner makes for the victim; its secret.
  std::string VictimResetSecret() {
    EnsureVictim();
    auto made = owner_->client.Post(ws_ + "/members/" + victim_->user_id + "/password-reset",
                                    json::object{});
    EXPECT_EQ(made.status, 201) << made.body;
    const std::string url(made.Json().at("url").as_string());
    return url.substr(url.rfind('/') + 1);
  }

  //! A new webhook of the owner's workspace, to an address that never resolves, for an event
  //! these rows never cause (no delivery is attempted).
  std::string NewWebhook(const char* event = "approval.stale") {
    auto created = owner_->client.Post(
        ws_ + "/webhooks",
        {{"url", "https://hooks.example.invalid/copydesk"}, {"events", {event}}});
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.Json().at("id").as_string());
  }
  //! A webhook with one delivery in its log (made once), and that delivery's id.
  std::pair<std::string, std::string> WebhookDelivery() {
    if (delivery_.first.empty()) {
      const std::string hook = NewWebhook("content.created");
      NewContent();
      server_.app().deliverer()->RunOnce(NowMs());  // queues it (and tries it) at once
      // Then quiet: the contents of later rows are no news for it.
      auto quiet =
          owner_->client.Patch(ws_ + "/webhooks/" + hook, {{"events", {"approval.stale"}}});
      EXPECT_EQ(quiet.status, 200) << quiet.body;
      auto log = owner_->client.Get(ws_ + "/webhooks/" + hook + "/deliveries");
      EXPECT_EQ(log.status, 200) << log.body;
      const auto items = log.Json().at("items").as_array();
      EXPECT_FALSE(items.empty()) << log.body;
      if (!items.empty()) delivery_ = {hook, std::string(items.at(0).at("id").as_string())};
    }
    return delivery_;
  }

  //! A 1 x 1 PNG, the file of the files rows.
  static std::string Png() {
    static const unsigned char kPng[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
        0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
        0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08,
        0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D,
        0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(kPng), sizeof(kPng));
  }
  //! An upload of the PNG to `path`.
  static Call UploadTo(const std::string& path, std::optional<HttpClient> as = std::nullopt) {
    return Call{path + "?name=pixel.png", Png(), std::move(as), {{"Content-Type", "image/png"}}};
  }
  //! A Markdown document sent to an import route.
  static Call MarkdownTo(const std::string& path, const std::string& query = "") {
    return Call{path + "?name=note.md" + query,
                "# Note\n\nUn paragraphe.\n",
                std::nullopt,
                {{"Content-Type", "text/markdown"}}};
  }
  //! pandoc's own reference .docx: a valid Word document to set as the reference document.
  static const std::string& ReferenceDocx() {
    static const std::string docx =
        RunProcess({"/usr/bin/pandoc", "--print-default-data-file", "reference.docx"}).out;
    return docx;
  }
  //! The owner sets the workspace's reference document.
  void SetReferenceDocument(const std::string& ws) {
    auto put = owner_->client.Send("PUT", ws + "/export-template?name=house.docx", ReferenceDocx(),
                                   {{"Content-Type", "application/octet-stream"}});
    EXPECT_EQ(put.status, 200) << put.body;
  }
  //! A file the owner attaches to `content`: the attachment's id and its media file's id.
  std::pair<std::string, std::string> Attached(const std::string& content) {
    auto up = owner_->client.Send("POST", "/api/v1/contents/" + content + "/attachments?name=a.png",
                                  Png(), {{"Content-Type", "image/png"}});
    EXPECT_EQ(up.status, 201) << up.body;
    return {std::string(up.Json().at("id").as_string()),
            std::string(up.Json().at("media").at("id").as_string())};
  }
  //! A file of the library, attached to nothing; its id.
  std::string LibraryFile() {
    auto up = owner_->client.Send("POST", ws_ + "/media?name=a.png", Png(),
                                  {{"Content-Type", "image/png"}});
    EXPECT_EQ(up.status, 201) << up.body;
    return std::string(up.Json().at("id").as_string());
  }

  //! Makes sure the victim is a member (a previous row may have removed them).
  void EnsureVictim() {
    auto added =
        owner_->client.Post(ws_ + "/members", {{"email", victim_->email}, {"role", "contributor"}});
    EXPECT_TRUE(added.status == 201 || added.status == 409) << added.body;
  }

  std::vector<Row> Rows() {
    const std::string& ws = ws_;
    return {
        {"GET", "/healthz", Public(200), [](Caller) { return Call{"/healthz"}; }},
        {"GET", "/readyz", Public(200), [](Caller) { return Call{"/readyz"}; }},
        {"GET", "/metrics", Public(200), [](Caller) { return Call{"/metrics"}; }},
        {"GET", "/api/v1/setup", Public(200), [](Caller) { return Call{"/api/v1/setup"}; }},
        {"POST", "/api/v1/setup", Public(409),
         [](Caller) {
           return Call{"/api/v1/setup", Serialize({{"email", Unique("late") + "@example.com"},
                                                   {"name", "Late"},
                                                   {"password", kPassword},
                                                   {"workspace_name", "Late"}})};
         }},
        {"POST", "/api/v1/auth/login", Public(200),
         [this](Caller) {
           return Call{"/api/v1/auth/login",
                       Serialize({{"email", owner_->email}, {"password", kPassword}})};
         }},
        {"POST", "/api/v1/auth/logout", SignedIn(204),
         [this](Caller c) {
           auto [second, id] = SecondSession(c);
           return Call{"/api/v1/auth/logout", "{}", second};
         }},
        // Whoever holds the invitation's secret may accept it: the secret is the proof.
        {"POST", "/api/v1/invitations/{token}/accept", Public(201),
         [this, &ws](Caller) {
           auto invited = owner_->client.Post(
               ws + "/members",
               {{"email", Unique("invitee") + "@example.com"}, {"role", "reviewer"}});
           EXPECT_EQ(invited.status, 201) << invited.body;
           const std::string token(invited.Json().at("invitation").at("token").as_string());
           return Call{"/api/v1/invitations/" + token + "/accept",
                       Serialize({{"name", "Invitée"}, {"password", kPassword}})};
         }},
        // ---- a first day: invitations, passwords, first steps (tests/api/first_day_test.cpp)
        {"GET", "/api/v1/invitations/{token}", Public(200),
         [this, &ws](Caller) {
           auto invited = owner_->client.Post(
               ws + "/members", {{"email", Unique("invited") + "@example.com"}, {"role", "guest"}});
           EXPECT_EQ(invited.status, 201) << invited.body;
           return Call{"/api/v1/invitations/" +
                       std::string(invited.Json().at("invitation").at("token").as_string())};
         }},
        {"DELETE", "/api/v1/workspaces/{ws}/invitations/{id}", Admins(204),
         [this, &ws](Caller) {
           auto invited = owner_->client.Post(
               ws + "/members", {{"email", Unique("revoked") + "@example.com"}, {"role", "guest"}});
           EXPECT_EQ(invited.status, 201) << invited.body;
           return Call{ws + "/invitations/" +
                       std::string(invited.Json().at("invitation").at("id").as_string())};
         }},
        // This server sends no e-mail: the sign-in page says to ask an admin.
        {"POST", "/api/v1/auth/password-reset", Public(409),
         [](Caller) {
           return Call{"/api/v1/auth/password-reset",
                       Serialize({{"email", Unique("forgot") + "@example.com"}})};
         }},
        // Whoever holds a reset link's secret may use it: the secret is the proof.
        {"GET", "/api/v1/password-resets/{token}", Public(200),
         [this](Caller) { return Call{"/api/v1/password-resets/" + VictimResetSecret()}; }},
        {"POST", "/api/v1/password-resets/{token}", Public(200),
         [this](Caller) {
           return Call{"/api/v1/password-resets/" + VictimResetSecret(),
                       Serialize({{"password", kPassword}})};
         }},
        {"POST", "/api/v1/workspaces/{ws}/members/{user_id}/password-reset", Admins(201),
         [this, &ws](Caller) {
           EnsureVictim();
           return Call{ws + "/members/" + victim_->user_id + "/password-reset", "{}"};
         }},
        {"GET", "/api/v1/workspaces/{ws}/first-steps", Admins(200),
         [&ws](Caller) { return Call{ws + "/first-steps"}; }},
        {"PATCH", "/api/v1/workspaces/{ws}/first-steps", Admins(200),
         [&ws](Caller) {
           return Call{ws + "/first-steps", Serialize({{"workflow_seen", true}})};
         }},
        // Someone new comes in as a guest: only those who may invite members bring them (an
        // editor may share by e-mail with members only: tests/api/first_day_test.cpp).
        {"POST", "/api/v1/contents/{id}/email-shares", ContentAdmins(201),
         [this](Caller) {
           return Call{
               "/api/v1/contents/" + NewContent() + "/email-shares",
               Serialize({{"email", Unique("antoine") + "@agence.example"}, {"level", "comment"}})};
         }},
        {"GET", "/api/v1/me", SignedIn(200), [](Caller) { return Call{"/api/v1/me"}; }},
        // Without the WebSocket upgrade (tests/api/live_test.cpp checks the upgrade itself).
        {"GET", "/api/v1/events", SignedIn(400), [](Caller) { return Call{"/api/v1/events"}; }},
        {"PATCH", "/api/v1/me", SignedIn(200),
         [](Caller) {
           return Call{"/api/v1/me", Serialize({{"language", "fr"}})};
         }},
        {"PUT", "/api/v1/me/password", SignedIn(204),
         [](Caller) {
           return Call{"/api/v1/me/password",
                       Serialize({{"current_password", kPassword}, {"new_password", kPassword}})};
         }},
        {"GET", "/api/v1/me/sessions", SignedIn(200),
         [](Caller) { return Call{"/api/v1/me/sessions"}; }},
        {"DELETE", "/api/v1/me/sessions/{id}", SignedIn(204),
         [this](Caller c) { return Call{"/api/v1/me/sessions/" + SecondSession(c).second}; }},
        {"GET", "/api/v1/me/tokens", SignedIn(200),
         [](Caller) { return Call{"/api/v1/me/tokens"}; }},
        {"POST", "/api/v1/me/tokens", SignedIn(201),
         [](Caller) {
           return Call{"/api/v1/me/tokens", Serialize({{"name", "Zapier"}})};
         }},
        {"DELETE", "/api/v1/me/tokens/{id}", SignedIn(204),
         [this](Caller c) {
           std::string id = "nosuchtoken00000";
           if (!Unsigned(c)) {
             auto client = ClientOf(c);
             auto created = client.Post("/api/v1/me/tokens", {{"name", "Short-lived"}});
             EXPECT_EQ(created.status, 201) << created.body;
             id = std::string(created.Json().at("id").as_string());
           }
           return Call{"/api/v1/me/tokens/" + id};
         }},
        // Calendar feeds: one's own; a workspace one is not in is a field at fault (422).
        {"GET", "/api/v1/me/feeds", SignedIn(200), [](Caller) { return Call{"/api/v1/me/feeds"}; }},
        {"POST", "/api/v1/me/feeds", Of({201, 201, 201, 201, 201, 201, 201, 201, 201, 401, 422}),
         [this](Caller) {
           return Call{"/api/v1/me/feeds",
                       Serialize({{"workspace", owner_->workspace_id}, {"kind", "my_work"}})};
         }},
        {"DELETE", "/api/v1/me/feeds/{id}", SignedIn(204),
         [this](Caller c) {
           std::string id = "nosuchfeed000000";
           if (!Unsigned(c)) {
             auto client = ClientOf(c);
             auto created =
                 client.Post("/api/v1/me/feeds",
                             {{"workspace", people_.at(c)->workspace_id}, {"kind", "my_work"}});
             EXPECT_EQ(created.status, 201) << created.body;
             id = std::string(created.Json().at("feed").at("id").as_string());
           }
           return Call{"/api/v1/me/feeds/" + id};
         }},
        // The secret is the proof: whoever holds it reads the owner's calendar.
        {"GET", "/api/v1/feeds/{secret}.ics", Public(200),
         [this](Caller) {
           auto created = owner_->client.Post(
               "/api/v1/me/feeds", {{"workspace", owner_->workspace_id}, {"kind", "my_work"}});
           EXPECT_EQ(created.status, 201) << created.body;
           const std::string url(created.Json().at("url").as_string());
           return Call{url.substr(url.find("/api/v1/feeds/"))};
         }},
        {"GET", "/api/v1/workspaces", SignedIn(200),
         [](Caller) { return Call{"/api/v1/workspaces"}; }},
        // Any account may start a workspace of its own, where it is the owner.
        {"POST", "/api/v1/workspaces", SignedIn(201),
         [](Caller) {
           return Call{"/api/v1/workspaces", Serialize({{"name", Unique("Desk ")}})};
         }},
        {"GET", "/api/v1/workspaces/{ws}", Members(200), [&ws](Caller) { return Call{ws}; }},
        {"PATCH", "/api/v1/workspaces/{ws}", Admins(200),
         [&ws](Caller) {
           return Call{ws, Serialize({{"name", "Énergie Sud"}})};
         }},
        {"GET", "/api/v1/workspaces/{ws}/members", Staff(200),
         [&ws](Caller) { return Call{ws + "/members"}; }},
        {"POST", "/api/v1/workspaces/{ws}/members", Admins(201),
         [&ws](Caller) {
           return Call{ws + "/members",
                       Serialize({{"email", Unique("new") + "@example.com"}, {"role", "editor"}})};
         }},
        {"GET", "/api/v1/workspaces/{ws}/invitations", Admins(200),
         [&ws](Caller) { return Call{ws + "/invitations"}; }},
        {"PATCH", "/api/v1/workspaces/{ws}/members/{user_id}", Admins(200),
         [this, &ws](Caller) {
           EnsureVictim();
           return Call{ws + "/members/" + victim_->user_id, Serialize({{"role", "reviewer"}})};
         }},
        {"DELETE", "/api/v1/workspaces/{ws}/members/{user_id}", Admins(204),
         [this, &ws](Caller) {
           EnsureVictim();
           return Call{ws + "/members/" + victim_->user_id};
         }},
        {"GET", "/api/v1/workspaces/{ws}/teams", Staff(200),
         [&ws](Caller) { return Call{ws + "/teams"}; }},
        {"POST", "/api/v1/workspaces/{ws}/teams", Admins(201),
         [&ws](Caller) {
           return Call{ws + "/teams", Serialize({{"name", Unique("Team ")}})};
         }},
        {"PATCH", "/api/v1/workspaces/{ws}/teams/{team_id}", Admins(200),
         [this, &ws](Caller) {
           return Call{ws + "/teams/" + NewTeam(), Serialize({{"name", Unique("Renamed ")}})};
         }},
        {"DELETE", "/api/v1/workspaces/{ws}/teams/{team_id}", Admins(204),
         [this, &ws](Caller) { return Call{ws + "/teams/" + NewTeam()}; }},
        {"PUT", "/api/v1/workspaces/{ws}/teams/{team_id}/members", Admins(200),
         [this, &ws](Caller) {
           return Call{ws + "/teams/" + NewTeam() + "/members",
                       Serialize(json::array{members_[1].user_id.c_str()})};
         }},

        // ---- settings: channels, content types, projects, tags, workflow
        {"GET", "/api/v1/workspaces/{ws}/channels", Members(200),
         [&ws](Caller) { return Call{ws + "/channels"}; }},
        {"POST", "/api/v1/workspaces/{ws}/channels", Admins(201),
         [&ws](Caller) {
           return Call{ws + "/channels", Serialize({{"name", Unique("Canal ")}})};
         }},
        {"PATCH", "/api/v1/workspaces/{ws}/channels/{id}", Admins(200),
         [this, &ws](Caller) {
           return Call{ws + "/channels/" + NewSetting("/channels", {{"name", Unique("Canal ")}}),
                       Serialize({{"name", Unique("Renamed ")}})};
         }},
        {"DELETE", "/api/v1/workspaces/{ws}/channels/{id}", Admins(204),
         [this, &ws](Caller) {
           return Call{ws + "/channels/" + NewSetting("/channels", {{"name", Unique("Canal ")}})};
         }},
        {"GET", "/api/v1/workspaces/{ws}/types", Members(200),
         [&ws](Caller) { return Call{ws + "/types"}; }},
        {"POST", "/api/v1/workspaces/{ws}/types", Admins(201),
         [&ws](Caller) {
           return Call{ws + "/types", Serialize(NewType())};
         }},
        {"PATCH", "/api/v1/workspaces/{ws}/types/{id}", Admins(200),
         [this, &ws](Caller) {
           return Call{ws + "/types/" + NewSetting("/types", NewType()),
                       Serialize({{"name", Unique("Renamed ")}})};
         }},
        {"DELETE", "/api/v1/workspaces/{ws}/types/{id}", Admins(204),
         [this, &ws](Caller) { return Call{ws + "/types/" + NewSetting("/types", NewType())}; }},
        {"GET", "/api/v1/workspaces/{ws}/projects", Members(200),
         [&ws](Caller) { return Call{ws + "/projects"}; }},
        {"POST", "/api/v1/workspaces/{ws}/projects", Editors(201),
         [&ws](Caller) {
           return Call{ws + "/projects", Serialize({{"name", Unique("Projet ")}})};
         }},
        {"PATCH", "/api/v1/workspaces/{ws}/projects/{id}", Editors(200),
         [this, &ws](Caller) {
           return Call{ws + "/projects/" + NewSetting("/projects", {{"name", Unique("Projet ")}}),
                       Serialize({{"name", Unique("Renamed ")}})};
         }},
        {"GET", "/api/v1/workspaces/{ws}/tags", Staff(200),
         [&ws](Caller) { return Call{ws + "/tags"}; }},
        {"GET", "/api/v1/workspaces/{ws}/workflow", Staff(200),
         [&ws](Caller) { return Call{ws + "/workflow"}; }},
        {"PUT", "/api/v1/workspaces/{ws}/workflow", Admins(200),
         [this, &ws](Caller) {
           return Call{ws + "/workflow", CurrentWorkflow()};
         }},

        // ---- contents
        {"GET", "/api/v1/workspaces/{ws}/contents", Members(200),
         [&ws](Caller) { return Call{ws + "/contents"}; }},
        {"POST", "/api/v1/workspaces/{ws}/contents", Writers(201),
         [&ws](Caller) {
           return Call{ws + "/contents",
                       Serialize({{"type", "article"}, {"title", Unique("Brouillon ")}})};
         }},
        {"GET", "/api/v1/contents/{id}", ContentReaders(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent()}; }},
        {"PATCH", "/api/v1/contents/{id}", ContentTextEditors(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + NewContent(),
                       Serialize({{"base_version", 1}, {"title", Unique("Changed ")}})};
         }},
        // ---- publication per channel and the calendar (issue 16): planning is editing the
        // content (a guest with an edit share may: an agency marks what it posted)
        {"PUT", "/api/v1/contents/{id}/publications/{channel}", ContentTextEditors(200),
         [this](Caller) {
           auto [id, channel] = ContentOnChannel();
           return Call{"/api/v1/contents/" + id + "/publications/" + channel,
                       Serialize({{"planned_at", "2027-03-01T08:00:00Z"}, {"version", 1}})};
         }},
        {"POST", "/api/v1/contents/{id}/publications/{channel}/published", ContentTextEditors(200),
         [this](Caller) {
           auto [id, channel] = ContentOnChannel();
           return Call{"/api/v1/contents/" + id + "/publications/" + channel + "/published",
                       Serialize({{"url", "https://example.org/post"}})};
         }},
        {"DELETE", "/api/v1/contents/{id}/publications/{channel}/published",
         ContentTextEditors(200),
         [this](Caller) {
           auto [id, channel] = ContentOnChannel();
           return Call{"/api/v1/contents/" + id + "/publications/" + channel + "/published"};
         }},
        // ---- linked translations (issue 20): creating one is creating a content, from a content
        // one reads; linking, unlinking and marking up to date are editing the translation (an
        // agency given edit translates and says so); the source's diff is the source's reader's
        {"POST", "/api/v1/contents/{id}/translations",
         Of({201, 201, 201, 201, 403, 404, 403, 403, 403, 401, 404}),
         [this](Caller) {
           return Call{"/api/v1/contents/" + ContentIn("fr") + "/translations",
                       Serialize({{"language", "en"}})};
         }},
        {"PUT", "/api/v1/contents/{id}/translation", ContentTextEditors(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + ContentIn("en") + "/translation",
                       Serialize({{"source_id", ContentIn("fr")}})};
         }},
        {"DELETE", "/api/v1/contents/{id}/translation", ContentTextEditors(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + TranslatedContent() + "/translation"};
         }},
        {"POST", "/api/v1/contents/{id}/translation/synced", ContentTextEditors(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + TranslatedContent() + "/translation/synced", "{}"};
         }},
        {"GET", "/api/v1/contents/{id}/translation/source-diff", ContentReaders(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + TranslatedContent() + "/translation/source-diff"};
         }},
        {"GET", "/api/v1/workspaces/{ws}/calendar", Members(200),
         [&ws](Caller) {
           return Call{ws + "/calendar?from=2027-03-01&to=2027-04-01&publication=planned"};
         }},
        {"GET", "/api/v1/workspaces/{ws}/calendar/unscheduled", Members(200),
         [&ws](Caller) { return Call{ws + "/calendar/unscheduled"}; }},
        {"DELETE", "/api/v1/contents/{id}", ContentEditors(200),
         [this](Caller) { return Call{"/api/v1/contents/" + NewContent()}; }},
        {"POST", "/api/v1/contents/{id}/unarchive", ContentEditors(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + ArchivedContent() + "/unarchive", "{}"};
         }},
        {"POST", "/api/v1/contents/{id}/purge", ContentAdmins(204),
         [this](Caller) {
           return Call{"/api/v1/contents/" + ArchivedContent() + "/purge", "{}"};
         }},
        {"GET", "/api/v1/contents/{id}/revisions", ContentReaders(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/revisions"}; }},
        {"GET", "/api/v1/contents/{id}/revisions/{n}", ContentReaders(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/revisions/1"}; }},
        // A label files the history: an edit share gives the text only (issue 13).
        {"PUT", "/api/v1/contents/{id}/revisions/{n}/label", ContentEditors(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + NewContent() + "/revisions/1/label",
                       Serialize({{"label", "Sent to the client"}})};
         }},
        {"GET", "/api/v1/contents/{id}/diff", ContentReaders(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + SharedContent() + "/diff?from=1&to=1"};
         }},
        {"POST", "/api/v1/contents/{id}/restore", ContentTextEditors(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + NewContent() + "/restore",
                       Serialize({{"revision", 1}})};
         }},
        {"GET", "/api/v1/contents/{id}/activity", ContentReaders(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/activity"}; }},
        {"GET", "/api/v1/workspaces/{ws}/activity", Staff(200),
         [&ws](Caller) { return Call{ws + "/activity"}; }},
        // ---- the workspace report: owners, admins and editors
        {"GET", "/api/v1/workspaces/{ws}/reports", Editors(200),
         [&ws](Caller) { return Call{ws + "/reports"}; }},
        // The home: every member's own day; a guest's holds what is shared with them.
        {"GET", "/api/v1/workspaces/{ws}/home", Members(200),
         [&ws](Caller) {
           return Call{ws +
                       "/home?tz=Europe%2FParis&from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z"};
         }},

        // ---- workflow on a content: whether an approval is asked for is the workflow's business
        {"POST", "/api/v1/contents/{id}/status", ContentEditors(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + NewContent() + "/status",
                       Serialize({{"status", SecondStatus()}, {"base_version", 1}})};
         }},
        {"GET", "/api/v1/contents/{id}/approvals", ContentReaders(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/approvals"}; }},
        {"POST", "/api/v1/contents/{id}/approvals", ContentInside(),
         [this](Caller) {
           return Call{"/api/v1/contents/" + NewContent() + "/approvals",
                       Serialize({{"revision", 1}, {"decision", "approved"}})};
         }},
        {"POST", "/api/v1/contents/{id}/lock", ContentAdmins(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + NewContent() + "/lock",
                       Serialize({{"reason", "Embargo"}})};
         }},
        {"DELETE", "/api/v1/contents/{id}/lock", ContentAdmins(200),
         [this](Caller) { return Call{"/api/v1/contents/" + LockedContent() + "/lock"}; }},

        // ---- comments: readers comment; authors change their own, admins delete any
        {"GET", "/api/v1/contents/{id}/comments", ContentReaders(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/comments"}; }},
        {"POST", "/api/v1/contents/{id}/comments", ContentCommenters(201),
         [this](Caller) {
           return Call{"/api/v1/contents/" + SharedContent() + "/comments",
                       Serialize({{"body", "Source ?"}})};
         }},
        {"PATCH", "/api/v1/comments/{id}",
         Of({200, 403, 403, 403, 403, 404, 403, 403, 403, 401, 404}),
         [this](Caller) {
           return Call{"/api/v1/comments/" + NewComment(), Serialize({{"body", "Corrigé"}})};
         }},
        {"DELETE", "/api/v1/comments/{id}", ContentAdmins(204),
         [this](Caller) { return Call{"/api/v1/comments/" + NewComment()}; }},
        {"POST", "/api/v1/comments/{id}/resolve", ContentCommenters(200),
         [this](Caller) {
           return Call{"/api/v1/comments/" + NewComment() + "/resolve", "{}"};
         }},
        {"POST", "/api/v1/comments/{id}/reopen", ContentCommenters(200),
         [this](Caller) {
           return Call{"/api/v1/comments/" + NewComment() + "/reopen", "{}"};
         }},

        // ---- tasks and task lists: editors manage them (contributors on their own contents)
        {"GET", "/api/v1/contents/{id}/tasks", ContentReaders(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/tasks"}; }},
        {"POST", "/api/v1/contents/{id}/tasks", ContentEditors(201),
         [this](Caller) {
           return Call{"/api/v1/contents/" + SharedContent() + "/tasks",
                       Serialize({{"title", "Visuels"}})};
         }},
        {"GET", "/api/v1/workspaces/{ws}/tasks", Members(200),
         [&ws](Caller) { return Call{ws + "/tasks?done=false"}; }},
        {"POST", "/api/v1/workspaces/{ws}/tasks", Editors(201),
         [&ws](Caller) {
           return Call{ws + "/tasks", Serialize({{"title", Unique("Planning ")}})};
         }},
        {"PATCH", "/api/v1/tasks/{id}", ContentEditors(200),
         [this](Caller) {
           return Call{"/api/v1/tasks/" + NewTask(), Serialize({{"title", "Relire la version 2"}})};
         }},
        {"DELETE", "/api/v1/tasks/{id}", ContentEditors(204),
         [this](Caller) { return Call{"/api/v1/tasks/" + NewTask()}; }},
        {"GET", "/api/v1/workspaces/{ws}/task-lists", Staff(200),
         [&ws](Caller) { return Call{ws + "/task-lists"}; }},
        {"POST", "/api/v1/workspaces/{ws}/task-lists", Editors(201),
         [&ws](Caller) {
           return Call{ws + "/task-lists", Serialize(NewTaskList())};
         }},
        {"PATCH", "/api/v1/workspaces/{ws}/task-lists/{id}", Editors(200),
         [this, &ws](Caller) {
           return Call{ws + "/task-lists/" + NewSetting("/task-lists", NewTaskList()),
                       Serialize({{"name", Unique("Renamed ")}})};
         }},
        {"DELETE", "/api/v1/workspaces/{ws}/task-lists/{id}", Editors(204),
         [this, &ws](Caller) {
           return Call{ws + "/task-lists/" + NewSetting("/task-lists", NewTaskList())};
         }},

        // ---- one's own notifications
        {"GET", "/api/v1/me/notifications", SignedIn(200),
         [](Caller) { return Call{"/api/v1/me/notifications"}; }},
        {"POST", "/api/v1/me/notifications/{id}/read", SignedIn(204),
         [this](Caller c) {
           return Call{"/api/v1/me/notifications/" + OwnNotification(c) + "/read", "{}"};
         }},
        {"POST", "/api/v1/me/notifications/read-all", SignedIn(204),
         [](Caller) {
           return Call{"/api/v1/me/notifications/read-all", "{}"};
         }},
        {"GET", "/api/v1/me/notification-preferences", SignedIn(200),
         [](Caller) { return Call{"/api/v1/me/notification-preferences"}; }},
        {"PATCH", "/api/v1/me/notification-preferences", SignedIn(200),
         [](Caller) {
           return Call{"/api/v1/me/notification-preferences",
                       R"({"preferences":{"reply":"digest"}})"};
         }},

        // ---- search and saved views
        {"GET", "/api/v1/workspaces/{ws}/search", Members(200),
         [&ws](Caller) { return Call{ws + "/search?q=article"}; }},
        {"GET", "/api/v1/contents/{id}/similar", ContentReaders(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/similar"}; }},
        {"POST", "/api/v1/workspaces/{ws}/search/similar", Members(200),
         [&ws](Caller) {
           return Call{ws + "/search/similar",
                       Serialize({{"title", "Article"}, {"text", "énergie"}})};
         }},
        {"GET", "/api/v1/workspaces/{ws}/views", Members(200),
         [&ws](Caller) { return Call{ws + "/views"}; }},
        {"POST", "/api/v1/workspaces/{ws}/views", Members(201),
         [&ws](Caller) {
           return Call{ws + "/views", Serialize({{"name", Unique("Vue ")}, {"q", "énergie"}})};
         }},
        // A person's own view: whose views others may change is the views' tests' business.
        {"PATCH", "/api/v1/workspaces/{ws}/views/{id}", Members(200),
         [this, &ws](Caller c) {
           const Caller author = Unsigned(c) || c == kOutsider ? kOwner : c;
           return Call{ws + "/views/" + NewSetting("/views", {{"name", Unique("Vue ")}}, author),
                       Serialize({{"name", Unique("Renamed ")}})};
         }},
        {"DELETE", "/api/v1/workspaces/{ws}/views/{id}", Members(204),
         [this, &ws](Caller c) {
           const Caller author = Unsigned(c) || c == kOutsider ? kOwner : c;
           return Call{ws + "/views/" + NewSetting("/views", {{"name", Unique("Vue ")}}, author)};
         }},

        // ---- sharing: who may share a content may see and change its shares and links
        {"GET", "/api/v1/contents/{id}/shares", ContentEditors(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/shares"}; }},
        {"POST", "/api/v1/contents/{id}/shares", ContentEditors(201),
         [this](Caller) {
           return Call{"/api/v1/contents/" + NewContent() + "/shares",
                       Serialize({{"user_id", victim_->user_id}, {"level", "read"}})};
         }},
        {"DELETE", "/api/v1/shares/{id}", ContentEditors(204),
         [this](Caller) {
           auto shared = owner_->client.Post("/api/v1/contents/" + NewContent() + "/shares",
                                             {{"user_id", victim_->user_id}, {"level", "read"}});
           EXPECT_EQ(shared.status, 201) << shared.body;
           return Call{"/api/v1/shares/" + std::string(shared.Json().at("id").as_string())};
         }},
        {"GET", "/api/v1/contents/{id}/links", ContentEditors(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/links"}; }},
        {"POST", "/api/v1/contents/{id}/links", ContentEditors(201),
         [this](Caller) {
           return Call{"/api/v1/contents/" + NewContent() + "/links",
                       Serialize({{"level", "validate"}, {"label", "Directeur"}})};
         }},
        {"DELETE", "/api/v1/links/{id}", ContentEditors(204),
         [this](Caller) {
           auto link = owner_->client.Post("/api/v1/contents/" + NewContent() + "/links",
                                           {{"level", "read"}});
           EXPECT_EQ(link.status, 201) << link.body;
           return Call{"/api/v1/links/" + std::string(link.Json().at("id").as_string())};
         }},
        // ---- webhooks: owners and admins
        {"GET", "/api/v1/workspaces/{ws}/webhooks", Admins(200),
         [&ws](Caller) { return Call{ws + "/webhooks"}; }},
        {"POST", "/api/v1/workspaces/{ws}/webhooks", Admins(201),
         [&ws](Caller) {
           return Call{ws + "/webhooks", Serialize({{"url", "https://hooks.example.invalid/cms"},
                                                    {"events", {"approval.stale"}}})};
         }},
        {"GET", "/api/v1/workspaces/{ws}/webhooks/{id}", Admins(200),
         [this, &ws](Caller) { return Call{ws + "/webhooks/" + NewWebhook()}; }},
        {"PATCH", "/api/v1/workspaces/{ws}/webhooks/{id}", Admins(200),
         [this, &ws](Caller) {
           return Call{ws + "/webhooks/" + NewWebhook(), Serialize({{"description", "CMS"}})};
         }},
        {"DELETE", "/api/v1/workspaces/{ws}/webhooks/{id}", Admins(204),
         [this, &ws](Caller) { return Call{ws + "/webhooks/" + NewWebhook()}; }},
        {"GET", "/api/v1/workspaces/{ws}/webhooks/{id}/deliveries", Admins(200),
         [this, &ws](Caller) {
           return Call{ws + "/webhooks/" + WebhookDelivery().first + "/deliveries"};
         }},
        {"POST", "/api/v1/workspaces/{ws}/webhooks/{id}/deliveries/{delivery_id}/redeliver",
         Admins(201),
         [this, &ws](Caller) {
           auto [hook, delivery] = WebhookDelivery();
           return Call{ws + "/webhooks/" + hook + "/deliveries/" + delivery + "/redeliver", "{}"};
         }},

        {"GET", "/api/v1/workspaces/{ws}/links", Admins(200),
         [&ws](Caller) { return Call{ws + "/links"}; }},
        {"GET", "/api/v1/projects/{id}/shares", ProjectEditors(200),
         [this](Caller) { return Call{"/api/v1/projects/" + project_ + "/shares"}; }},
        {"POST", "/api/v1/projects/{id}/shares", ProjectEditors(201),
         [this](Caller) {
           return Call{
               "/api/v1/projects/" + NewSetting("/projects", {{"name", Unique("P ")}}) + "/shares",
               Serialize({{"user_id", victim_->user_id}, {"level", "comment"}})};
         }},
        {"GET", "/api/v1/projects/{id}/links", ProjectEditors(200),
         [this](Caller) { return Call{"/api/v1/projects/" + project_ + "/links"}; }},
        {"POST", "/api/v1/projects/{id}/links", ProjectEditors(201),
         [this](Caller) {
           return Call{"/api/v1/projects/" + project_ + "/links", Serialize({{"level", "read"}})};
         }},

        // ---- the review API: only a visitor's session on that very link opens it
        {"POST", "/api/v1/review/{secret}/session", Review(201, 201, 201, 201, 201),
         [this](Caller c) {
           auto v = ReviewAs(c);
           return Call{"/api/v1/review/" + v.secret + "/session",
                       Serialize({{"name", "Marc Lefèvre"}, {"email", "marc@groupe.example"}}),
                       v.as};
         }},
        {"GET", "/api/v1/review/{secret}", Review(401, 200, 200, 200, 200),
         [this](Caller c) {
           auto v = ReviewAs(c);
           return Call{"/api/v1/review/" + v.secret, std::nullopt, v.as};
         }},
        {"POST", "/api/v1/review/{secret}/decision", Review(401, 403, 403, 403, 201),
         [this](Caller c) {
           auto v = ReviewAs(c);
           return Call{"/api/v1/review/" + v.secret + "/decision",
                       Serialize({{"revision", 1}, {"decision", "validated"}}), v.as};
         }},
        {"PATCH", "/api/v1/review/{secret}/contents/{id}", Review(401, 403, 403, 200, 403),
         [this](Caller c) {
           auto v = ReviewAs(c);
           return Call{"/api/v1/review/" + v.secret + "/contents/" + v.content,
                       Serialize({{"base_version", 1}, {"title", Unique("Relu ")}}), v.as};
         }},
        {"GET", "/api/v1/review/{secret}/contents/{id}/comments", Review(401, 403, 200, 200, 200),
         [this](Caller c) {
           auto v = ReviewAs(c);
           return Call{"/api/v1/review/" + v.secret + "/contents/" + v.content + "/comments",
                       std::nullopt, v.as};
         }},
        {"POST", "/api/v1/review/{secret}/contents/{id}/comments", Review(401, 403, 201, 201, 201),
         [this](Caller c) {
           auto v = ReviewAs(c);
           return Call{"/api/v1/review/" + v.secret + "/contents/" + v.content + "/comments",
                       Serialize({{"body", "Une coquille"}}), v.as};
         }},
        // ---- files: a content's follow its access rule; the library follows the roles
        {"GET", "/api/v1/contents/{id}/attachments", ContentReaders(200),
         [this](Caller) { return Call{"/api/v1/contents/" + SharedContent() + "/attachments"}; }},
        {"POST", "/api/v1/contents/{id}/attachments", ContentTextEditors(201),
         [this](Caller) { return UploadTo("/api/v1/contents/" + NewContent() + "/attachments"); }},
        {"PATCH", "/api/v1/attachments/{id}", ContentTextEditors(200),
         [this](Caller) {
           return Call{"/api/v1/attachments/" + Attached(NewContent()).first,
                       Serialize({{"alt", "Une éolienne"}})};
         }},
        {"DELETE", "/api/v1/attachments/{id}", ContentTextEditors(204),
         [this](Caller) { return Call{"/api/v1/attachments/" + Attached(NewContent()).first}; }},
        {"POST", "/api/v1/attachments/{id}/versions", ContentTextEditors(201),
         [this](Caller) {
           return UploadTo("/api/v1/attachments/" + Attached(NewContent()).first + "/versions");
         }},
        // ---- imports: a new content is a create, a new revision an edit of the text
        {"POST", "/api/v1/workspaces/{ws}/imports", Writers(201),
         [&ws](Caller) { return MarkdownTo(ws + "/imports"); }},
        {"POST", "/api/v1/contents/{id}/imports", ContentTextEditors(200),
         [this](Caller) {
           return MarkdownTo("/api/v1/contents/" + NewContent() + "/imports", "&version=1");
         }},
        {"GET", "/api/v1/workspaces/{ws}/media", Members(200),
         [&ws](Caller) { return Call{ws + "/media"}; }},
        {"POST", "/api/v1/workspaces/{ws}/media", Writers(201),
         [&ws](Caller) { return UploadTo(ws + "/media"); }},
        {"PATCH", "/api/v1/media/{media_id}", LibraryEditors(200),
         [this](Caller) {
           return Call{"/api/v1/media/" + LibraryFile(), Serialize({{"tags", {"logo"}}})};
         }},
        {"DELETE", "/api/v1/media/{media_id}", LibraryEditors(204),
         [this](Caller) { return Call{"/api/v1/media/" + LibraryFile()}; }},
        {"GET", "/api/v1/media/{media_id}/versions", ContentReaders(200),
         [this](Caller) {
           return Call{"/api/v1/media/" + Attached(SharedContent()).second + "/versions"};
         }},
        {"POST", "/api/v1/media/{media_id}/versions", ContentEditors(201),
         [this](Caller) {
           return UploadTo("/api/v1/media/" + Attached(NewContent()).second + "/versions");
         }},
        {"GET", "/api/v1/media/{media_id}/file", ContentReaders(200),
         [this](Caller) {
           return Call{"/api/v1/media/" + Attached(SharedContent()).second + "/file"};
         }},
        {"GET", "/api/v1/media/{media_id}/versions/{n}/file", ContentReaders(200),
         [this](Caller) {
           return Call{"/api/v1/media/" + Attached(SharedContent()).second + "/versions/1/file"};
         }},
        {"GET", "/api/v1/media/{media_id}/versions/{n}/thumbnail", ContentReaders(200),
         [this](Caller) {
           return Call{"/api/v1/media/" + Attached(SharedContent()).second +
                       "/versions/1/thumbnail"};
         }},
        {"GET", "/api/v1/review/{secret}/contents/{id}/attachments",
         Review(401, 200, 200, 200, 200),
         [this](Caller c) {
           auto v = ReviewAs(c);
           Attached(v.content);
           return Call{"/api/v1/review/" + v.secret + "/contents/" + v.content + "/attachments",
                       std::nullopt, v.as};
         }},
        {"GET", "/api/v1/review/{secret}/media/{media_id}/file", Review(401, 200, 200, 200, 200),
         [this](Caller c) {
           auto v = ReviewAs(c);
           return Call{
               "/api/v1/review/" + v.secret + "/media/" + Attached(v.content).second + "/file",
               std::nullopt, v.as};
         }},
        {"GET", "/api/v1/review/{secret}/media/{media_id}/versions/{n}/thumbnail",
         Review(401, 200, 200, 200, 200),
         [this](Caller c) {
           auto v = ReviewAs(c);
           return Call{"/api/v1/review/" + v.secret + "/media/" + Attached(v.content).second +
                           "/versions/1/thumbnail",
                       std::nullopt, v.as};
         }},
        // ---- exports and the proof pack (issue 18) ----
        {"GET", "/api/v1/contents/{id}/export", ContentReaders(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + SharedContent() + "/export?format=md"};
         }},
        {"GET", "/api/v1/review/{secret}/contents/{id}/export", Review(401, 200, 200, 200, 200),
         [this](Caller c) {
           auto v = ReviewAs(c);
           return Call{
               "/api/v1/review/" + v.secret + "/contents/" + v.content + "/export?format=md",
               std::nullopt, v.as};
         }},
        {"GET", "/api/v1/workspaces/{ws}/export", Members(200),
         [this, &ws](Caller) {
           return Call{ws + "/export?format=md&project=" + SmallSharedProject()};
         }},
        {"GET", "/api/v1/workspaces/{ws}/export-template", Members(200),
         [this, &ws](Caller) {
           SetReferenceDocument(ws);
           return Call{ws + "/export-template"};
         }},
        {"PUT", "/api/v1/workspaces/{ws}/export-template", Admins(200),
         [&ws](Caller) {
           return Call{ws + "/export-template?name=house.docx",
                       ReferenceDocx(),
                       std::nullopt,
                       {{"Content-Type", "application/octet-stream"}}};
         }},
        {"DELETE", "/api/v1/workspaces/{ws}/export-template", Admins(204),
         [this, &ws](Caller) {
           SetReferenceDocument(ws);
           return Call{ws + "/export-template"};
         }},
        {"GET", "/api/v1/contents/{id}/proof", ContentReaders(200),
         [this](Caller) {
           return Call{"/api/v1/contents/" + SharedContent() + "/proof?format=json"};
         }},
        {"POST", "/api/v1/proofs/verify", ContentReaders(200),
         [this](Caller) {
           auto proof =
               owner_->client.Get("/api/v1/contents/" + SharedContent() + "/proof?format=json");
           EXPECT_EQ(proof.status, 200) << proof.body;
           auto missing = proof.Json();
           missing.at("content").as_object()["id"] = "nosuchcontent000";
           Call call{"/api/v1/proofs/verify", proof.body};
           call.missing_body = Serialize(missing);
           return call;
         }},
    };
  }

  TestServer server_;
  std::optional<Person> owner_;
  std::vector<Person> members_;
  std::vector<Person> guests_;  //!< given read, comment and edit on the project
  std::string project_;
  std::map<Caller, HttpClient> visitors_;
  std::optional<Person> outsider_;
  std::optional<Person> victim_;
  std::map<Caller, Person*> people_;
  std::string ws_;
  std::string shared_content_;
  std::string channel_;  // the channel ContentOnChannel puts contents on, made once
  std::pair<std::string, std::string> delivery_;  //!< a webhook and one of its deliveries
};

TEST_F(AuthorizationMatrix, EveryRouteHasARow) {
  std::set<std::pair<std::string, std::string>> in_matrix;
  for (const auto& row : Rows()) {
    EXPECT_TRUE(in_matrix.emplace(row.method, row.pattern).second)
        << "two rows for " << row.method << " " << row.pattern;
  }
  const auto registered = RegisteredRoutes(server_);
  for (const auto& route : registered) {
    EXPECT_TRUE(in_matrix.contains(route))
        << route.first << " " << route.second
        << " has no row in the authorization matrix: add one with its expected statuses";
  }
  for (const auto& row : in_matrix) {
    EXPECT_TRUE(registered.contains(row)) << row.first << " " << row.second << " is not a route";
  }
}

TEST_F(AuthorizationMatrix, EveryCallerGetsTheStatusThePolicySays) {
  for (const auto& row : Rows()) {
    for (int c = kOwner; c < kCallers; ++c) {
      const auto caller = static_cast<Caller>(c);
      SCOPED_TRACE(row.method + " " + row.pattern + " as " + kCallerNames[c]);
      Call call = row.prepare(caller);
      HttpClient client = call.as ? *call.as : ClientOf(caller);
      auto response = client.Send(row.method, call.target, call.body, call.headers);
      if (row.expected[c] == kInside) {
        EXPECT_NE(response.status, 400) << "the row's request is malformed: " << response.body;
        EXPECT_NE(response.status, 401) << response.body;
        EXPECT_NE(response.status, 404) << response.body;

        EXPECT_LT(response.status, 500) << response.body;
      } else {
        EXPECT_EQ(response.status, row.expected[c]) << response.body;
      }
      if (response.status >= 400) {
        EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
      }
      // Outside one's workspaces, it answers exactly as if the thing did not exist.
      if (row.expected[c] == 404) {
        const std::string twin = call.missing_body ? call.target : MissingTwin(call.target);
        ASSERT_FALSE(twin.empty()) << call.target;
        auto missing = client.Send(row.method, twin,
                                   call.missing_body ? call.missing_body : call.body, call.headers);
        EXPECT_EQ(missing.status, 404);
        EXPECT_EQ(missing.body, response.body);
      }
    }
  }
}

TEST_F(AuthorizationMatrix, TheWorkspaceSlugIsGuardedLikeItsId) {
  const std::string slug(owner_->client.Get(ws_).Json().at("slug").as_string());
  auto by_slug = outsider_->client.Get("/api/v1/workspaces/" + slug + "/members");
  auto missing = outsider_->client.Get("/api/v1/workspaces/no-such-desk/members");
  EXPECT_EQ(by_slug.status, 404);
  EXPECT_EQ(by_slug.body, missing.body);
  EXPECT_EQ(members_[4].client.Get("/api/v1/workspaces/" + slug + "/members").status, 403);
  EXPECT_EQ(members_[1].client.Get("/api/v1/workspaces/" + slug + "/members").status, 200);
}

}  // namespace
}  // namespace copydesk::testing
