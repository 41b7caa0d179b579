// Outgoing webhooks over real HTTP: a receiver on loopback in the test process gets each event
// once, signed with the webhook's secret; a failing receiver is retried, then the webhook is
// paused and its admins told; nothing is sent twice across a restart; forbidden addresses,
// redirects and events the webhook's creator may not read are never followed or sent.
#include <gtest/gtest.h>
#include <sodium.h>

#include <boost/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "support/content_helpers.hpp"
#include "support/http_sink.hpp"
#include "support/test_server.hpp"
#include "webhooks/deliverer.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

constexpr auto kDeadline = std::chrono::seconds(20);

// The HMAC a receiver computes, written here without the server's code.
std::string ExpectedSignature(const std::string& secret, const std::string& timestamp,
                              const std::string& body) {
  const std::string signed_text = timestamp + "." + body;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signed_text.data()),
                                signed_text.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

// Waits until `done()` holds or the deadline passes.
template <class F>
bool Eventually(F done, std::chrono::milliseconds limit = kDeadline) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return done();
}

class Webhooks : public ::testing::Test {
 protected:
  //! A server whose deliverer looks often and retries soon; `allow_private` lets it reach the
  //! receiver on loopback.
  std::unique_ptr<TestServer> Serve(bool allow_private = true, int give_up_ms = 60'000,
                                    int timeout_ms = 2000) {
    return std::make_unique<TestServer>([&](Config& c) {
      c.data_dir = (data_.path() / "data").string();
      c.webhook_allow_private = allow_private;
      c.webhook_interval_ms = 30;
      c.webhook_retry_ms = 50;
      c.webhook_give_up_ms = give_up_ms;
      c.webhook_timeout_ms = timeout_ms;
    });
  }

  std::string Hooks(const Person& p) {
    return "/api/v1/workspaces/" + p.workspace_id + "/webhooks";
  }

  //! Subscribes `url` to `events` as `p`; returns the created webhook (with its secret).
  json::object Subscribe(Person& p, const std::string& url, json::array events,
                         json::object extra = {}) {
    extra["url"] = url;
    extra["events"] = std::move(events);
    auto r = p.client.Post(Hooks(p), extra);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json().is_object() ? r.Json().as_object() : json::object{};
  }

  json::array Deliveries(Person& p, const std::string& hook) {
    auto r = p.client.Get(Hooks(p) + "/" + hook + "/deliveries");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json().is_object() ? r.Json().at("items").as_array() : json::array{};
  }

  //! The id of the workflow's first status of `category`.
  std::string StatusOf(Person& p, const std::string& category) {
    auto r = p.client.Get("/api/v1/workspaces/" + p.workspace_id + "/workflow");
    for (const auto& s : r.Json().at("statuses").as_array())
      if (s.at("category").as_string() == category) return Str(s.at("id"));
    ADD_FAILURE() << "no status of category " << category;
    return "";
  }

  TempDir data_;
  HttpSink sink_;
};

TEST_F(Webhooks, AnEventIsDeliveredOnceSignedWithTheSecretShownOnce) {
  auto server = Serve();
  auto owner = MakeOwner(*server);
  auto hook = Subscribe(
      owner, sink_.Url(),
      {"content.status_changed", "content.published", "approval.requested", "approval.decided"});
  const std::string secret = Str(hook.at("secret"));
  EXPECT_EQ(secret.rfind("whsec_", 0), 0u);
  // Shown once: neither the list nor the webhook itself shows it again.
  EXPECT_EQ(owner.client.Get(Hooks(owner)).body.find(secret), std::string::npos);
  EXPECT_EQ(owner.client.Get(Hooks(owner) + "/" + Str(hook.at("id"))).body.find(secret),
            std::string::npos);

  // The content goes through legal validation (the owner answers for Legal), then is
  // published: five events, of the four kinds subscribed.
  auto teams = owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/teams");
  ASSERT_EQ(teams.status, 200) << teams.body;
  const std::string legal = Str(teams.Json().at("items").at(0).at("id"));
  auto joined =
      owner.client.Put("/api/v1/workspaces/" + owner.workspace_id + "/teams/" + legal + "/members",
                       json::array{owner.user_id.c_str()});
  ASSERT_EQ(joined.status, 200) << joined.body;
  const auto content = CreateArticle(owner, "Citernes en hiver", {{"body", "Texte."}});
  const std::string id = Str(content.at("id"));
  std::string gated;
  auto workflow = owner.client.Get("/api/v1/workspaces/" + owner.workspace_id + "/workflow");
  for (const auto& st : workflow.Json().at("statuses").as_array()) {
    if (st.as_object().if_contains("gate") && st.at("gate").is_object()) gated = Str(st.at("id"));
  }
  ASSERT_FALSE(gated.empty());
  auto asked = owner.client.Post(ContentPath(id) + "/status", {{"status", gated}});
  ASSERT_EQ(asked.status, 200) << asked.body;
  auto approved = owner.client.Post(ContentPath(id) + "/approvals",
                                    {{"revision", RevisionOf(content)}, {"decision", "approved"}});
  ASSERT_EQ(approved.status, 201) << approved.body;
  auto moved =
      owner.client.Post(ContentPath(id) + "/status", {{"status", StatusOf(owner, "published")}});
  ASSERT_EQ(moved.status, 200) << moved.body;

  const auto received = sink_.WaitFor(5, "/hook", kDeadline);
  ASSERT_EQ(received.size(), 5u);
  std::multiset<std::string> events;
  std::set<std::string> keys;
  for (const auto& r : received) {
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.headers.at("content-type"), "application/json");
    // X-Copydesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">
    const std::string header = r.headers.at("x-copydesk-signature");
    ASSERT_EQ(header.rfind("t=", 0), 0u) << header;
    const std::string t = header.substr(2, header.find(',') - 2);
    EXPECT_EQ(header.substr(header.find(',') + 1), "v1=" + ExpectedSignature(secret, t, r.body));
    EXPECT_EQ(r.headers.at("x-copydesk-timestamp"), t);
    EXPECT_LE(std::abs(std::stoll(t) - NowMs() / 1000), 60);
    // A forged body does not match.
    EXPECT_NE(header.substr(header.find(',') + 4), ExpectedSignature(secret, t, r.body + " "));

    const auto body = json::parse(r.body).as_object();
    events.insert(Str(body.at("event")));
    keys.insert(r.headers.at("x-copydesk-idempotency-key"));
    EXPECT_EQ(Str(body.at("id")), r.headers.at("x-copydesk-idempotency-key"));
    EXPECT_EQ(Str(body.at("event")), r.headers.at("x-copydesk-event"));
    EXPECT_EQ(Str(body.at("content").at("id")), id);
    EXPECT_EQ(Str(body.at("content").at("title")), "Citernes en hiver");
    EXPECT_EQ(body.at("content").at("revision").as_int64(), RevisionOf(content));
    EXPECT_NE(Str(body.at("links").at("api")).find("/api/v1/contents/" + id), std::string::npos);
    EXPECT_NE(Str(body.at("links").at("app")).find("/contents/" + id), std::string::npos);
    if (body.at("event") == "content.published") {
      EXPECT_EQ(Str(body.at("content").at("status").at("category")), "published");
      EXPECT_EQ(Str(body.at("data").at("to")), StatusOf(owner, "published"));
    }
    if (body.at("event") == "approval.decided") {
      EXPECT_EQ(Str(body.at("data").at("decision")), "approved");
      EXPECT_EQ(Str(body.at("data").at("team")), legal);
    }
  }
  EXPECT_EQ(events, (std::multiset<std::string>{"content.status_changed", "approval.requested",
                                                "approval.decided", "content.status_changed",
                                                "content.published"}));
  EXPECT_EQ(keys.size(), 5u);

  // Nothing more comes: the creation was not subscribed, and each event went once.
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_EQ(sink_.Requests().size(), 5u);

  const auto log = Deliveries(owner, Str(hook.at("id")));
  ASSERT_EQ(log.size(), 5u);
  for (const auto& d : log) {
    EXPECT_EQ(Str(d.at("state")), "delivered");
    EXPECT_EQ(d.at("status").as_int64(), 200);
    EXPECT_EQ(d.at("attempts").as_int64(), 1);
    EXPECT_TRUE(d.at("latency_ms").is_int64());
    EXPECT_EQ(Str(d.at("response_excerpt")), "ok");
  }
}

TEST_F(Webhooks, AFailingReceiverIsRetriedWithTheSameIdempotencyKeyAndRedeliverSendsAgain) {
  auto server = Serve();
  auto owner = MakeOwner(*server);
  std::atomic<int> calls{0};
  sink_.Answer([&](const ReceivedRequest&) {
    return ++calls <= 2 ? SinkAnswer{500, "busy"} : SinkAnswer{};
  });
  auto hook = Subscribe(owner, sink_.Url(), {"content.created"});
  CreateArticle(owner, "Sécurité des citernes");

  const auto received = sink_.WaitFor(3, "/hook", kDeadline);
  ASSERT_EQ(received.size(), 3u);
  const std::string key = received[0].headers.at("x-copydesk-idempotency-key");
  for (const auto& r : received) EXPECT_EQ(r.headers.at("x-copydesk-idempotency-key"), key);
  ASSERT_TRUE(Eventually([&] {
    auto log = Deliveries(owner, Str(hook.at("id")));
    return log.size() == 1 && log[0].at("state") == "delivered";
  }));
  const auto log = Deliveries(owner, Str(hook.at("id")));
  EXPECT_EQ(log[0].at("attempts").as_int64(), 3);
  EXPECT_EQ(Str(log[0].at("idempotency_key")), key);

  // Redeliver: the same payload and key, as a new entry of the log.
  auto again = owner.client.Post(Hooks(owner) + "/" + Str(hook.at("id")) + "/deliveries/" +
                                     Str(log[0].at("id")) + "/redeliver",
                                 json::object{});
  ASSERT_EQ(again.status, 201) << again.body;
  const auto all = sink_.WaitFor(4, "/hook", kDeadline);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[3].headers.at("x-copydesk-idempotency-key"), key);
  EXPECT_EQ(all[3].body, all[2].body);
  EXPECT_EQ(Deliveries(owner, Str(hook.at("id"))).size(), 2u);
}

TEST_F(Webhooks, ASlowReceiverIsRetriedAndALongAnswerIsCut) {
  auto server = Serve(true, 60'000, 300);
  auto owner = MakeOwner(*server);
  std::atomic<int> calls{0};
  sink_.Answer([&](const ReceivedRequest&) {
    // Too slow the first time (a timeout); then an answer far longer than what is read.
    if (++calls == 1) return SinkAnswer{200, "late", "", 1000};
    return SinkAnswer{200, std::string(300 * 1024, 'x')};
  });
  auto hook = Subscribe(owner, sink_.Url(), {"content.created"});
  CreateArticle(owner, "Récepteur lent");
  ASSERT_TRUE(Eventually([&] {
    auto log = Deliveries(owner, Str(hook.at("id")));
    return log.size() == 1 && log[0].at("state") == "delivered";
  }));
  const auto log = Deliveries(owner, Str(hook.at("id")));
  // Retried after the timeout (the sink answers one connection at a time, so the attempts made
  // while it slept timed out too).
  EXPECT_GE(log[0].at("attempts").as_int64(), 2);
  EXPECT_EQ(log[0].at("status").as_int64(), 200);
  EXPECT_LE(Str(log[0].at("response_excerpt")).size(), 1024u);
  EXPECT_EQ(static_cast<std::int64_t>(sink_.Requests().size()), log[0].at("attempts").as_int64());
}

TEST_F(Webhooks, NothingIsSentAgainAfterARestart) {
  std::string email, workspace;
  {
    auto server = Serve();
    auto owner = MakeOwner(*server);
    email = owner.email;
    workspace = owner.workspace_id;
    Subscribe(owner, sink_.Url(), {"content.created"});
    CreateArticle(owner, "Avant le redémarrage");
    ASSERT_EQ(sink_.WaitFor(1, "/hook", kDeadline).size(), 1u);
  }
  // The new server's deliverer starts from its stored cursor: the first event stays sent, the
  // next one goes once.
  auto server = Serve();
  Person owner{server->Client(), "", email, workspace};
  auto login = owner.client.Post("/api/v1/auth/login", {{"email", email}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  CreateArticle(owner, "Après le redémarrage");
  ASSERT_EQ(sink_.WaitFor(2, "/hook", kDeadline).size(), 2u);
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  server->app().deliverer()->RunOnce(NowMs());
  const auto received = sink_.Requests();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_NE(received[0].body.find("Avant le redémarrage"), std::string::npos);
  EXPECT_NE(received[1].body.find("Après le redémarrage"), std::string::npos);
}

TEST_F(Webhooks, AWebhookFailingTooLongIsPausedAndItsAdminsAreTold) {
  auto server = Serve(true, 800);
  auto owner = MakeOwner(*server);
  auto admin = MakeMember(*server, owner, "admin");
  auto editor = MakeMember(*server, owner, "editor");
  sink_.Answer([](const ReceivedRequest&) { return SinkAnswer{503, "down"}; });
  auto hook = Subscribe(admin, sink_.Url("/hook/secretToken"), {"content.created"});
  const std::string path = Hooks(owner) + "/" + Str(hook.at("id"));
  CreateArticle(owner, "Panne du récepteur");

  ASSERT_TRUE(Eventually([&] { return owner.client.Get(path).Json().at("paused").as_bool(); }));
  EXPECT_GE(sink_.Requests().size(), 2u);  // retried before giving up
  auto paused = owner.client.Get(path).Json();
  EXPECT_EQ(Str(paused.at("paused_reason")), "failing");

  auto kinds = [](Person& p) {
    std::vector<std::string> out;
    auto list = p.client.Get("/api/v1/me/notifications");
    for (const auto& n : list.Json().at("items").as_array()) out.push_back(Str(n.at("kind")));
    return out;
  };
  for (Person* p : {&owner, &admin}) {
    const auto k = kinds(*p);
    EXPECT_NE(std::find(k.begin(), k.end(), "webhook_paused"), k.end());
  }
  // The notice names the receiver by its host: the URL's path is the hook's secret.
  const auto notices = owner.client.Get("/api/v1/me/notifications");
  EXPECT_EQ(notices.body.find("secretToken"), std::string::npos) << notices.body;
  EXPECT_NE(notices.body.find("http://127.0.0.1"), std::string::npos) << notices.body;
  const auto k = kinds(editor);
  EXPECT_EQ(std::find(k.begin(), k.end(), "webhook_paused"), k.end());

  // Paused: nothing goes out any more.
  const auto before = sink_.Requests().size();
  CreateArticle(owner, "Pendant la pause");
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_EQ(sink_.Requests().size(), before);

  // Resumed, with the receiver back: new events flow again.
  sink_.Answer([](const ReceivedRequest&) { return SinkAnswer{}; });
  auto resumed = admin.client.Patch(path, {{"paused", false}});
  ASSERT_EQ(resumed.status, 200) << resumed.body;
  EXPECT_FALSE(resumed.Json().at("paused").as_bool());
  CreateArticle(owner, "Après la reprise");
  ASSERT_TRUE(Eventually([&] {
    for (const auto& r : sink_.Requests())
      if (r.body.find("Après la reprise") != std::string::npos) return true;
    return false;
  }));
}

// A hook's URL is often its only credential (Slack, Teams, Zapier): the activity feed, which
// every staff member reads, names the receiver by its host alone.
TEST_F(Webhooks, TheActivityFeedNamesAWebhookByItsHostNotItsUrl) {
  auto server = Serve();
  auto owner = MakeOwner(*server);
  auto editor = MakeMember(*server, owner, "editor");
  const std::string secret_path = "/services/T0001/B0002/XyZsecretToken";
  auto hook = Subscribe(owner, sink_.Url(secret_path), {"content.created"});
  const std::string path = Hooks(owner) + "/" + Str(hook.at("id"));
  ASSERT_EQ(owner.client.Patch(path, {{"paused", true}}).status, 200);
  ASSERT_EQ(owner.client.Delete(path).status, 204);

  const std::string activity = "/api/v1/workspaces/" + owner.workspace_id + "/activity";
  auto feed = editor.client.Get(activity + "?kind=webhook.");
  ASSERT_EQ(feed.status, 200) << feed.body;
  const auto& items = feed.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 3u) << feed.body;
  for (const auto& e : items) {
    EXPECT_EQ(Str(e.at("data").at("webhook_id")), Str(hook.at("id")));
    EXPECT_EQ(Str(e.at("data").at("host")), "http://127.0.0.1");
  }
  auto csv = editor.client.Get(activity + "?kind=webhook.&format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  for (const auto* body : {&feed.body, &csv.body}) {
    EXPECT_EQ(body->find("XyZsecretToken"), std::string::npos) << *body;
    EXPECT_EQ(body->find(std::to_string(sink_.port())), std::string::npos) << *body;
  }
}

TEST_F(Webhooks, ForbiddenAddressesAreRefusedAtCreationAndAtConnectTime) {
  auto server = Serve(false);
  auto owner = MakeOwner(*server);
  for (const std::string& url : std::vector<std::string>{
           sink_.Url(), "https://127.0.0.1/hook", "https://[::1]/hook", "https://10.0.0.7/hook",
           "https://169.254.169.254/latest", "ftp://example.com/hook",
           "https://user:pw@example.com/", "not a url"}) {
    auto r = owner.client.Post(Hooks(owner), {{"url", url}, {"events", {"content.created"}}});
    EXPECT_EQ(r.status, 422) << url << " " << r.body;
    EXPECT_TRUE(NamesField(r, "url")) << url << " " << r.body;
  }
  // A name is checked when its addresses are known, at each connection: "localhost" resolves to
  // loopback, which is refused without the flag.
  auto hook = Subscribe(owner, "https://localhost:" + std::to_string(sink_.port()) + "/hook",
                        {"content.created"});
  CreateArticle(owner, "Vers l'intérieur");
  ASSERT_TRUE(Eventually([&] {
    auto log = Deliveries(owner, Str(hook.at("id")));
    return log.size() == 1 && log[0].at("state") == "failed";
  }));
  const auto log = Deliveries(owner, Str(hook.at("id")));
  EXPECT_NE(Str(log[0].at("error")).find("refused to connect"), std::string::npos)
      << json::serialize(log[0]);
  EXPECT_TRUE(sink_.Requests().empty());
}

TEST_F(Webhooks, ARedirectIsNotFollowed) {
  auto server = Serve();
  auto owner = MakeOwner(*server);
  sink_.Answer([&](const ReceivedRequest& r) {
    return r.target == "/hook" ? SinkAnswer{302, "moved", sink_.Url("/elsewhere")} : SinkAnswer{};
  });
  auto hook = Subscribe(owner, sink_.Url(), {"content.created"});
  CreateArticle(owner, "Redirigé");
  ASSERT_TRUE(Eventually([&] {
    auto log = Deliveries(owner, Str(hook.at("id")));
    return log.size() == 1 && log[0].at("state") == "failed";
  }));
  EXPECT_EQ(Deliveries(owner, Str(hook.at("id")))[0].at("status").as_int64(), 302);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(sink_.Requests("/hook").size(), 1u);
  EXPECT_TRUE(sink_.Requests("/elsewhere").empty());
}

TEST_F(Webhooks, EventsTheCreatorMayNotReadAreNotSent) {
  auto server = Serve();
  auto owner = MakeOwner(*server);
  auto creator = MakeMember(*server, owner, "admin");
  Subscribe(creator, sink_.Url(), {"content.updated"});
  // The creator becomes a guest: they read only what is shared with them now.
  auto demoted =
      owner.client.Patch("/api/v1/workspaces/" + owner.workspace_id + "/members/" + creator.user_id,
                         {{"role", "guest"}});
  ASSERT_EQ(demoted.status, 200) << demoted.body;

  const auto hidden = CreateArticle(owner, "Plan confidentiel");
  const auto shared = CreateArticle(owner, "Article partagé");
  const std::string shared_id = Str(shared.at("id"));
  auto share = owner.client.Post(ContentPath(shared_id) + "/shares",
                                 {{"user_id", creator.user_id}, {"level", "read"}});
  ASSERT_EQ(share.status, 201) << share.body;
  // Both change, the hidden one first: only the one shared with the creator is told.
  auto hidden_patch = PatchContent(owner, Str(hidden.at("id")), VersionOf(hidden),
                                   {{"title", "Plan confidentiel, revu"}});
  ASSERT_EQ(hidden_patch.status, 200) << hidden_patch.body;
  auto patched = PatchContent(owner, shared_id, VersionOf(shared), {{"title", "Article relu"}});
  ASSERT_EQ(patched.status, 200) << patched.body;

  const auto received = sink_.WaitFor(1, "/hook", kDeadline);
  ASSERT_EQ(received.size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(sink_.Requests().size(), 1u);
  const auto body = json::parse(received[0].body);
  EXPECT_EQ(Str(body.at("event")), "content.updated");
  EXPECT_EQ(Str(body.at("content").at("id")), shared_id);
  EXPECT_EQ(Str(body.at("content").at("title")), "Article relu");
  EXPECT_EQ(sink_.Requests()[0].body.find("Plan confidentiel"), std::string::npos);
}

// Access is asked again before every attempt, internal comments included: a creator demoted to
// guest no longer has internal comments sent, not even by a redelivery of one sent before.
TEST_F(Webhooks, AnInternalCommentIsNotSentOnceTheCreatorIsAGuest) {
  auto server = Serve();
  auto owner = MakeOwner(*server);
  auto creator = MakeMember(*server, owner, "admin");
  auto hook = Subscribe(creator, sink_.Url(), {"comment.created"});
  const auto article = CreateArticle(owner, "Budget 2027");
  const std::string article_id = Str(article.at("id"));
  auto share = owner.client.Post(ContentPath(article_id) + "/shares",
                                 {{"user_id", creator.user_id}, {"level", "read"}});
  ASSERT_EQ(share.status, 201) << share.body;
  auto note = owner.client.Post(ContentPath(article_id) + "/comments",
                                {{"body", "Entre nous : on coupe 20 %"}, {"internal", true}});
  ASSERT_EQ(note.status, 201) << note.body;
  ASSERT_EQ(sink_.WaitFor(1, "/hook", kDeadline).size(), 1u);  // an admin's webhook: sent

  auto demoted =
      owner.client.Patch("/api/v1/workspaces/" + owner.workspace_id + "/members/" + creator.user_id,
                         {{"role", "guest"}});
  ASSERT_EQ(demoted.status, 200) << demoted.body;
  const std::string id = Str(hook.at("id"));
  ASSERT_TRUE(Eventually([&] { return Deliveries(owner, id).size() == 1; }));
  auto again = owner.client.Post(Hooks(owner) + "/" + id + "/deliveries/" +
                                     Str(Deliveries(owner, id)[0].at("id")) + "/redeliver",
                                 json::object{});
  ASSERT_EQ(again.status, 201) << again.body;
  auto refused = [&]() -> std::string {
    for (const auto& d : Deliveries(owner, id))
      if (d.at("state") == "failed") return Str(d.at("error"));
    return "";
  };
  ASSERT_TRUE(Eventually([&] { return !refused().empty(); })) << sink_.Requests().size();
  EXPECT_NE(refused().find("not sent"), std::string::npos) << refused();
  EXPECT_EQ(sink_.Requests().size(), 1u);
}

TEST_F(Webhooks, TheFilterKeepsOnlyTheContentsOfItsProject) {
  auto server = Serve();
  auto owner = MakeOwner(*server);
  auto project = owner.client.Post("/api/v1/workspaces/" + owner.workspace_id + "/projects",
                                   {{"name", "Hiver"}});
  ASSERT_EQ(project.status, 201) << project.body;
  const std::string project_id = Str(project.Json().at("id"));
  Subscribe(owner, sink_.Url(), {"content.created"}, {{"project", project_id}});
  CreateArticle(owner, "Hors projet");
  CreateContent(owner, {{"type", "article"}, {"title", "Dans le projet"}, {"project", project_id}});
  const auto received = sink_.WaitFor(1, "/hook", kDeadline);
  ASSERT_EQ(received.size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(sink_.Requests().size(), 1u);
  EXPECT_NE(received[0].body.find("Dans le projet"), std::string::npos);
}

TEST_F(Webhooks, AChannelFilterCoversTheChannelsInsideIt) {
  auto server = Serve();
  auto owner = MakeOwner(*server);  // in French: "Réseaux sociaux" holds LinkedIn
  const std::string social = ChannelId(owner, "Réseaux sociaux");
  ASSERT_FALSE(social.empty());
  Subscribe(owner, sink_.Url("/social"), {"content.created"}, {{"channel", social}});
  CreateContent(
      owner,
      {{"type", "article"}, {"title", "Sur le blog"}, {"channels", {ChannelId(owner, "Blog")}}});
  CreateContent(owner, {{"type", "article"},
                        {"title", "Sur LinkedIn"},
                        {"channels", {ChannelId(owner, "LinkedIn")}}});
  const auto received = sink_.WaitFor(1, "/social", kDeadline);
  ASSERT_EQ(received.size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(sink_.Requests().size(), 1u);
  EXPECT_NE(received[0].body.find("Sur LinkedIn"), std::string::npos);
}

TEST_F(Webhooks, BadInputNamesTheField) {
  auto server = Serve();
  auto owner = MakeOwner(*server);
  auto unknown =
      owner.client.Post(Hooks(owner), {{"url", sink_.Url()}, {"events", {"content.eaten"}}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(NamesField(unknown, "events[0]")) << unknown.body;
  auto none = owner.client.Post(Hooks(owner), {{"url", sink_.Url()}, {"events", json::array{}}});
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(NamesField(none, "events")) << none.body;
  auto missing = owner.client.Post(Hooks(owner), {{"events", {"content.created"}}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_TRUE(NamesField(missing, "url")) << missing.body;
  auto project = owner.client.Post(
      Hooks(owner), {{"url", sink_.Url()}, {"events", {"content.created"}}, {"project", "nope"}});
  EXPECT_EQ(project.status, 422);
  EXPECT_TRUE(NamesField(project, "project")) << project.body;
  auto extra = owner.client.Post(
      Hooks(owner), {{"url", sink_.Url()}, {"events", {"content.created"}}, {"colour", "red"}});
  EXPECT_EQ(extra.status, 400);
  EXPECT_TRUE(NamesField(extra, "colour")) << extra.body;
}

}  // namespace
}  // namespace copydesk::testing
