// Channel variants over real HTTP (issue 20): a post cut for X, LinkedIn and the newsletter is
// part of the text — a new revision, stale approvals, diff rows, violations by each network's
// counting — and guests and review visitors see the variants of what is shared with them.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "support/content_helpers.hpp"
#include "support/test_server.hpp"

namespace copydesk::testing {
namespace {

namespace json = boost::json;

std::string ChannelsPath(const Person& p) {
  return "/api/v1/workspaces/" + p.workspace_id + "/channels";
}

struct Desk {
  TestServer server;
  Person owner = MakeOwner(server);
  Person writer = MakeMember(server, owner, "editor");
  Person legal = MakeMember(server, owner, "reviewer");
  std::string x = ChannelId(owner, "X");
  std::string linkedin = ChannelId(owner, "LinkedIn");
  std::string newsletter = ChannelId(owner, "Newsletter");
  std::string blog = ChannelId(owner, "Blog");

  //! A social post on X, LinkedIn, the newsletter and the blog, by the writer.
  json::object Post() {
    return CreateContent(writer, {{"type", "social_post"},
                                  {"title", "Lancement de l'offre Soleil"},
                                  {"channels", {x, linkedin, newsletter, blog}},
                                  {"fields", {{"text", "Notre nouvelle offre solaire arrive."}}}});
  }

  HttpResponse Vary(const std::string& id, std::int64_t base, json::object variants) {
    return PatchContent(writer, id, base, {{"variants", std::move(variants)}});
  }
};

TEST(Variants, ChannelsSayTheirNetworkAndTheRulesComeWithThem) {
  Desk d;
  auto r = d.owner.client.Get(ChannelsPath(d.owner));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto body = r.Json();
  std::map<std::string, json::value> network_of;
  for (const auto& c : body.at("items").as_array()) network_of[Str(c.at("name"))] = c.at("network");
  EXPECT_EQ(network_of["X"], json::value("x"));
  EXPECT_EQ(network_of["LinkedIn"], json::value("linkedin"));
  EXPECT_EQ(network_of["Newsletter"], json::value("newsletter"));
  EXPECT_TRUE(network_of["Blog"].is_null());
  std::map<std::string, json::object> rules;
  for (const auto& n : body.at("networks").as_array()) rules[Str(n.at("network"))] = n.as_object();
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(rules["x"].at("fields").at(0).at("limit").as_int64(), 280);
  EXPECT_EQ(Str(rules["x"].at("fields").at(0).at("counting")), "x");
  EXPECT_EQ(Str(rules["x"].at("image_ratio")), "16:9");
  EXPECT_EQ(rules["linkedin"].at("hook").as_int64(), 210);
  EXPECT_EQ(rules["instagram"].at("hashtag_limit").as_int64(), 30);
  EXPECT_EQ(rules["newsletter"].at("fields").as_array().size(), 3u);

  // A channel's network is set and cleared; an unknown one is a 422 naming it.
  auto set = d.owner.client.Patch(ChannelsPath(d.owner) + "/" + d.blog, {{"network", "linkedin"}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(Str(set.Json().at("network")), "linkedin");
  auto cleared = d.owner.client.Patch(ChannelsPath(d.owner) + "/" + d.blog, {{"network", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.Json().at("network").is_null());
  auto wrong = d.owner.client.Patch(ChannelsPath(d.owner) + "/" + d.blog, {{"network", "myspace"}});
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_TRUE(NamesField(wrong, "network")) << wrong.body;
  auto created =
      d.owner.client.Post(ChannelsPath(d.owner), {{"name", "Threads"}, {"network", "x"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Str(created.Json().at("network")), "x");
}

TEST(Variants, ThePageIdentityDefaultsToTheWorkspaceAndIsChangedInItsSettings) {
  Desk d;
  const std::string path = "/api/v1/workspaces/" + d.owner.workspace_id;
  auto ws = d.owner.client.Get(path).Json();
  EXPECT_EQ(ws.at("page_name"), ws.at("name"));
  EXPECT_TRUE(ws.at("page_avatar").is_null());
  auto named = d.owner.client.Patch(path, {{"page_name", "Énergie Sud — officiel"}});
  ASSERT_EQ(named.status, 200) << named.body;
  EXPECT_EQ(Str(named.Json().at("page_name")), "Énergie Sud — officiel");
  EXPECT_EQ(Str(d.owner.client.Get(path).Json().at("page_name")), "Énergie Sud — officiel");
  auto avatar = d.owner.client.Patch(path, {{"page_avatar", "nosuchfile000000"}});
  EXPECT_EQ(avatar.status, 422) << avatar.body;
  EXPECT_TRUE(NamesField(avatar, "page_avatar")) << avatar.body;
  auto reset = d.owner.client.Patch(path, {{"page_name", nullptr}});
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(reset.Json().at("page_name"), ws.at("name"));
}

TEST(Variants, AVariantIsTextANewRevisionThatMakesApprovalsStale) {
  Desk d;
  auto post = d.Post();
  const std::string id = Str(post.at("id"));
  EXPECT_TRUE(post.at("variants").as_object().empty());
  const std::string hash_without = Str(post.at("content_hash"));

  // The legal team approves the main text; the approval covers no variant yet.
  const std::string legal_team = [&] {
    auto teams = d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id + "/teams");
    for (const auto& t : teams.Json().at("items").as_array())
      if (t.at("name").as_string() == "Juridique") return Str(t.at("id"));
    return std::string();
  }();
  ASSERT_EQ(
      d.owner.client
          .Put("/api/v1/workspaces/" + d.owner.workspace_id + "/teams/" + legal_team + "/members",
               json::array{json::string(d.legal.user_id)})
          .status,
      200);
  // Into legal validation (the default workflow's fourth status), where the Legal team decides.
  const auto statuses =
      d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id + "/workflow").Json();
  const std::string legal_status = Str(statuses.at("statuses").at(3).at("id"));
  auto moved = d.writer.client.Post(ContentPath(id) + "/status", {{"status", legal_status}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  post = moved.Json().as_object();
  auto approved = d.legal.client.Post(ContentPath(id) + "/approvals",
                                      {{"revision", RevisionOf(post)}, {"decision", "approved"}});
  ASSERT_EQ(approved.status, 201) << approved.body;
  EXPECT_TRUE(approved.Json().at("covered_variants").as_array().empty());

  // A variant for X: a new revision (the approval sealed the last one), a new hash, a stale
  // approval.
  const std::string x_text =
      "Offre solaire : -20 % 🌞 https://energie-sud.example/offre-soleil #solaire";
  auto cut = d.Vary(id, VersionOf(post), {{d.x, {{"fields", {{"text", x_text}}}}}});
  ASSERT_EQ(cut.status, 200) << cut.body;
  auto c = cut.Json().as_object();
  EXPECT_EQ(RevisionOf(c), RevisionOf(post) + 1);
  EXPECT_NE(Str(c.at("content_hash")), hash_without);
  const auto& variant = c.at("variants").at(d.x);
  EXPECT_EQ(Str(variant.at("network")), "x");
  EXPECT_EQ(Str(variant.at("fields").at("text")), x_text);
  EXPECT_TRUE(variant.at("visual").is_null());
  // X's counting: "Offre solaire : -20 % " 22, the sun 2, " " 1, the URL 23, " #solaire" 9.
  EXPECT_EQ(variant.at("counts").at("text").at("count").as_int64(), 22 + 2 + 1 + 23 + 9);
  EXPECT_EQ(variant.at("counts").at("text").at("limit").as_int64(), 280);
  EXPECT_FALSE(c.at("variants").as_object().contains(d.linkedin));  // derived from the main text
  auto approvals = d.writer.client.Get(ContentPath(id) + "/approvals").Json();
  EXPECT_TRUE(approvals.at("items").at(0).at("stale").as_bool()) << approvals;
  auto revision = RevisionAt(d.writer, id, RevisionOf(c));
  EXPECT_EQ(Str(revision.at("variants").at(d.x).at("fields").at("text")), x_text);

  // The newsletter's subject merges key by key with what is there; approving now covers both.
  auto subject = d.Vary(id, VersionOf(c),
                        {{d.newsletter, {{"fields", {{"subject", "Le soleil, moins cher"}}}}}});
  ASSERT_EQ(subject.status, 200) << subject.body;
  c = subject.Json().as_object();
  auto again = d.legal.client.Post(ContentPath(id) + "/approvals",
                                   {{"revision", RevisionOf(c)}, {"decision", "approved"}});
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(StringsOf(again.Json().at("covered_variants")),
            (std::vector<std::string>{std::min(d.x, d.newsletter), std::max(d.x, d.newsletter)}));

  // The diff names each variant field and labels it for people.
  auto diff =
      d.writer.client.Get(ContentPath(id) + "/diff?from=" + std::to_string(RevisionOf(post)) +
                          "&to=" + std::to_string(RevisionOf(c)));
  ASSERT_EQ(diff.status, 200) << diff.body;
  std::map<std::string, json::object> rows;
  for (const auto& f : diff.Json().at("fields").as_array())
    rows[Str(f.at("field"))] = f.as_object();
  ASSERT_TRUE(rows.contains("variants." + d.x + ".text")) << diff.body;
  EXPECT_TRUE(rows["variants." + d.x + ".text"].at("changed").as_bool());
  EXPECT_EQ(Str(rows["variants." + d.x + ".text"].at("label")), "X · Text");
  EXPECT_EQ(Str(rows["variants." + d.newsletter + ".subject"].at("label")), "Newsletter · Subject");

  // Reset: the variant goes, the text is the one approved before the X cut... but as a new
  // revision; the hash is the one without variants once both are reset.
  auto reset = d.Vary(id, VersionOf(c), {{d.x, nullptr}, {d.newsletter, nullptr}});
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_TRUE(reset.Json().at("variants").as_object().empty());
  EXPECT_EQ(Str(reset.Json().at("content_hash")), hash_without);
}

TEST(Variants, RefusedVariantsNameTheMemberAtFault) {
  Desk d;
  auto post = d.Post();
  const std::string id = Str(post.at("id"));
  const std::string other = ChannelId(d.owner, "Facebook");  // not a channel of this post
  auto not_on = d.Vary(id, VersionOf(post), {{other, {{"fields", {{"text", "…"}}}}}});
  EXPECT_EQ(not_on.status, 422) << not_on.body;
  EXPECT_TRUE(NamesField(not_on, "variants." + other)) << not_on.body;
  auto no_network = d.Vary(id, VersionOf(post), {{d.blog, {{"fields", {{"text", "…"}}}}}});
  EXPECT_EQ(no_network.status, 422) << no_network.body;
  EXPECT_TRUE(NamesField(no_network, "variants." + d.blog)) << no_network.body;
  auto field = d.Vary(id, VersionOf(post), {{d.x, {{"fields", {{"subject", "…"}}}}}});
  EXPECT_EQ(field.status, 422) << field.body;
  EXPECT_TRUE(NamesField(field, "variants." + d.x + ".fields.subject")) << field.body;
  auto visual = d.Vary(id, VersionOf(post), {{d.x, {{"visual", "nosuchattachment"}}}});
  EXPECT_EQ(visual.status, 422) << visual.body;
  EXPECT_TRUE(NamesField(visual, "variants." + d.x + ".visual")) << visual.body;
  auto member = d.Vary(id, VersionOf(post), {{d.x, {{"colour", "red"}}}});
  EXPECT_EQ(member.status, 400) << member.body;  // a body its schema refuses
  EXPECT_TRUE(NamesField(member, "variants." + d.x + ".colour")) << member.body;
  // Nothing was written.
  EXPECT_EQ(VersionOf(GetContent(d.writer, id)), VersionOf(post));
}

TEST(Variants, ViolationsCountEachVariantByItsNetwork) {
  Desk d;
  auto post = d.Post();
  const std::string id = Str(post.at("id"));
  // 140 CJK characters: 140 code points, but 280 on X — within X's limit exactly; one more
  // character breaks it. The newsletter subject breaks 78 characters.
  std::string cjk;
  for (int i = 0; i < 141; ++i) cjk += "\xE6\x97\xA5";
  auto cut = d.Vary(id, VersionOf(post),
                    {{d.x, {{"fields", {{"text", cjk}}}}},
                     {d.newsletter, {{"fields", {{"subject", std::string(79, 's')}}}}}});
  ASSERT_EQ(cut.status, 200) << cut.body;
  std::map<std::string, json::object> by_field;
  for (const auto& v : cut.Json().at("violations").as_array())
    by_field[Str(v.at("field"))] = v.as_object();
  const auto& x = by_field["variants." + d.x + ".text"];
  ASSERT_FALSE(x.empty()) << cut.body;
  EXPECT_EQ(Str(x.at("rule")), "channel_limit");
  EXPECT_EQ(Str(x.at("channel")), d.x);
  EXPECT_EQ(x.at("limit").as_int64(), 280);
  EXPECT_EQ(x.at("actual").as_int64(), 282);
  const auto& subject = by_field["variants." + d.newsletter + ".subject"];
  ASSERT_FALSE(subject.empty()) << cut.body;
  EXPECT_EQ(subject.at("limit").as_int64(), 78);
  EXPECT_EQ(subject.at("actual").as_int64(), 79);
}

TEST(Variants, GuestsAndReviewVisitorsSeeTheVariantsOfWhatIsSharedWithThem) {
  Desk d;
  Person guest = MakeMember(d.server, d.owner, "guest");
  auto shared = d.Post();
  auto hidden = d.Post();
  const std::string id = Str(shared.at("id"));
  const std::string text = "Version X de l'annonce";
  ASSERT_EQ(d.Vary(id, VersionOf(shared), {{d.x, {{"fields", {{"text", text}}}}}}).status, 200);
  ASSERT_EQ(
      d.Vary(Str(hidden.at("id")), VersionOf(hidden), {{d.x, {{"fields", {{"text", "secret"}}}}}})
          .status,
      200);
  auto share = d.writer.client.Post(ContentPath(id) + "/shares",
                                    {{"user_id", guest.user_id}, {"level", "read"}});
  ASSERT_TRUE(share.status == 201 || share.status == 200) << share.body;
  auto seen = guest.client.Get(ContentPath(id));
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(Str(seen.Json().at("variants").at(d.x).at("fields").at("text")), text);
  EXPECT_EQ(guest.client.Get(ContentPath(Str(hidden.at("id")))).status, 404);

  auto link = d.writer.client.Post(ContentPath(id) + "/links", {{"level", "validate"}});
  ASSERT_EQ(link.status, 201) << link.body;
  const std::string secret = Str(link.Json().at("secret"));
  HttpClient visitor = d.server.Client();
  auto opened = visitor.Post("/api/v1/review/" + secret + "/session",
                             {{"name", "Marc"}, {"email", "marc@groupe.example"}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  auto page = visitor.Get("/api/v1/review/" + secret);
  ASSERT_EQ(page.status, 200) << page.body;
  const auto review = page.Json();
  EXPECT_EQ(Str(review.at("contents").at(0).at("variants").at(d.x).at("fields").at("text")), text);
  // The previews are signed with the workspace's page, cut by the networks' rules, and every
  // channel with a network is there to preview, edited or not.
  auto ws = d.owner.client.Get("/api/v1/workspaces/" + d.owner.workspace_id);
  ASSERT_EQ(ws.status, 200) << ws.body;
  EXPECT_EQ(Str(review.at("page").at("name")), Str(ws.Json().at("page_name")));
  EXPECT_FALSE(review.at("networks").as_array().empty());
  std::set<std::string> networks;
  for (const auto& ch : review.at("contents").at(0).at("channels").as_array()) {
    if (!ch.at("network").is_null()) networks.insert(Str(ch.at("network")));
  }
  EXPECT_TRUE(networks.count("x")) << page.body;
}

}  // namespace
}  // namespace copydesk::testing
