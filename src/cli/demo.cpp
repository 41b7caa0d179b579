#include "cli/demo.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>
#include <tuple>

#include "auth/accounts.hpp"
#include "auth/password.hpp"
#include "cli/demo_text.hpp"
#include "collab/comments.hpp"
#include "collab/notifier.hpp"
#include "collab/sharing.hpp"
#include "collab/tasks.hpp"
#include "content/contents.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/events_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/shares_store.hpp"
#include "workflow/workflow.hpp"
#include "workspace/content_type.hpp"
#include "workspace/settings.hpp"

namespace copydesk::cli {

namespace {

namespace json = boost::json;
using demo::Dice;
using demo::Kind;
using demo::MixSeed;
using demo::Network;
using storage::Tx;

constexpr TimeMs kMinute = 60'000;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = 24 * kHour;
// Contents are spread over this much of the past; the workspace is a little older.
constexpr TimeMs kHistorySpan = 300 * kDay;
// Writes per transaction: large enough that commits do not dominate, small enough to keep the
// write lock for well under a second.
constexpr std::size_t kOpsPerTransaction = 1000;
// Beyond this many contents, only a share of them get an edit history (see HistoryShare).
constexpr std::int64_t kFullHistoryUpTo = 2000;

// ---- the company --------------------------------------------------------------------------------

struct PersonSpec {
  const char* name;
  const char* email;
  const char* role;
  std::vector<const char*> teams;
  const char* language;
};

// Who uses copydesk at Énergie Sud (see PRODUCT.md). The order is the index used below.
const std::vector<PersonSpec> kPeople = {
    {"Chloé Martin", "chloe.martin@energie-sud.example", "owner", {"Marketing"}, "fr"},
    {"Sophie Bernard", "sophie.bernard@energie-sud.example", "admin", {"Technique"}, "en"},
    {"Julien Moreau",
     "julien.moreau@energie-sud.example",
     "editor",
     {"Marketing", "Commercial"},
     "fr"},
    {"Inès Haddad", "ines.haddad@energie-sud.example", "contributor", {"Service client"}, "fr"},
    {"Claire Dubois", "claire.dubois@energie-sud.example", "reviewer", {"Juridique"}, "fr"},
    {"Hugo Lefèvre",
     "hugo.lefevre@energie-sud.example",
     "reviewer",
     {"Développement durable"},
     "fr"},
    {"Antoine Rousseau", "antoine.rousseau@agence-plume.example", "guest", {}, "fr"},
};
enum Person : std::uint8_t { kChloe, kSophie, kJulien, kInes, kClaire, kHugo, kAntoine };

// Marketing, Legal, Sustainability, Sales, Customer care and Technical, named in the workspace's
// language. A new French workspace already has "Juridique": the team its legal validation step
// waits for, which the demo fills rather than doubles.
const std::vector<const char*> kTeams = {"Marketing",  "Juridique",      "Développement durable",
                                         "Commercial", "Service client", "Technique"};

struct ProjectSpec {
  const char* name;
  const char* description;
  bool archived;
};

// Campaigns and topics. The topics of the phrase banks name their usual project.
const std::vector<ProjectSpec> kProjects = {
    {"Hiver 2026 — sécurité gaz",
     "Campagne de prévention de l'hiver : monoxyde de carbone, entretien des chaudières, bons "
     "réflexes en cas d'odeur de gaz.",
     false},
    {"Citernes : entretien et livraison",
     "Relances d'entretien, réépreuves décennales et accès aux citernes en hiver.", false},
    {"Offre biométhane",
     "Lancement de l'offre gaz renouvelable : pages produit, réseaux sociaux, lettre clients.",
     false},
    {"Rénovation énergétique",
     "Pompes à chaleur hybrides, aides à la rénovation et accompagnement des clients.", false},
    {"Défi économies d'énergie", "Conseils de sobriété et suivi de consommation, avec les agences.",
     false},
    {"Nouvel espace client", "Lancement du nouvel espace client et de l'application mobile.",
     false},
    {"Rapport RSE 2026", "Rapport annuel de responsabilité sociétale et contenus associés.", false},
    {"Salon de l'habitat — Montpellier",
     "Stand Énergie Sud : affiches, flyers, vidéos et publications.", false},
    {"Hiver 2025 — sécurité gaz", "La campagne de l'hiver dernier, terminée.", true},
};
constexpr int kFairProject = 7;        // the trade fair mixes every topic
constexpr int kLastWinterProject = 8;  // archived: where last winter's safety contents live

// ---- planning -----------------------------------------------------------------------------------

// Everything decided about a content before it is written. Texts come later, from the same
// seed, so a plan stays small even for a hundred thousand contents.
struct Plan {
  Kind kind = Kind::kArticle;
  std::uint8_t topic = 0;
  std::uint8_t second_topic = 0;
  bool french = true;
  Network network = Network::kNone;
  bool over_limit = false;
  std::uint8_t creator = kChloe;
  std::uint8_t owner = kChloe;
  std::uint8_t assignees = 0;  // bit per Person
  std::int8_t project = -1;
  std::vector<std::string> channels;
  TimeMs created_at = 0;
  std::optional<TimeMs> publish_at;
  std::optional<TimeMs> due_at;
  bool archive = false;
};

// A create (step 0) or an edit (step ≥ 1) of one content, at a time in the past.
struct Op {
  TimeMs at;
  std::uint32_t content;
  std::uint16_t step;
  std::uint8_t author;
};

// The share of contents that get edits after their creation. Small demos are all history; at
// benchmark sizes most contents keep one revision so that seeding stays fast.
double HistoryShare(std::int64_t size, std::int64_t index) {
  if (size <= kFullHistoryUpTo || index < 300) return 0.75;
  return 0.05;
}

bool Has(std::uint8_t mask, Person p) {
  return (mask >> p) & 1U;
}

// The people who may edit a content: every editor, and the contributor when it is hers.
std::vector<std::uint8_t> Editors(const Plan& plan) {
  std::vector<std::uint8_t> out = {kChloe, kJulien, kSophie};
  if (plan.owner == kInes || Has(plan.assignees, kInes)) out.push_back(kInes);
  return out;
}

std::uint8_t PickEditor(Dice& dice, const Plan& plan) {
  const auto editors = Editors(plan);
  std::vector<int> weights;
  for (auto p : editors)
    weights.push_back(p == kChloe ? 40 : p == kJulien ? 35 : p == kInes ? 30 : 5);
  return editors[dice.Weighted(weights)];
}

// Moves a time into office hours in Paris (8:00 to 19:00, Monday to Friday, UTC+1 near
// enough): the history and the activity should look like people at work, not at 3 a.m.
TimeMs DuringOfficeHours(Dice& dice, TimeMs t) {
  constexpr TimeMs kParis = kHour;
  // Drawn whether used or not, so that the choices after it never depend on the clock.
  const TimeMs settle_in = dice.Between(0, 90) * kMinute;
  TimeMs local = t + kParis;
  const TimeMs day = local / kDay * kDay;
  if (local - day < 8 * kHour) local = day + 8 * kHour + settle_in;
  if (local - day >= 19 * kHour) local = day + kDay + 8 * kHour + settle_in;
  const std::int64_t weekday = (local / kDay + 4) % 7;  // 1 January 1970 was a Thursday
  if (weekday == 6) local += 2 * kDay;                  // Saturday
  if (weekday == 0) local += kDay;                      // Sunday
  return local - kParis;
}

struct ChannelIds {
  std::map<std::string, std::string> by_name;
  const std::string& operator[](const std::string& name) const { return by_name.at(name); }
};

Plan PlanContent(std::uint64_t seed, std::int64_t index, std::int64_t size, TimeMs now,
                 const ChannelIds& channels, std::vector<Op>& ops) {
  Dice dice(MixSeed(seed, static_cast<std::uint64_t>(index), 0xC0FFEE));
  Plan p;
  const auto& topics = demo::Topics();
  p.french = dice.Chance(0.6);
  p.kind = static_cast<Kind>(dice.Weighted({30, 40, 10, 8, 12}));
  p.creator =
      std::vector<std::uint8_t>{kChloe, kJulien, kInes, kSophie}[dice.Weighted({45, 30, 15, 10})];
  // Inès writes mostly about customer service; the others about everything.
  p.topic = p.creator == kInes && dice.Chance(0.6)
                ? 5
                : static_cast<std::uint8_t>(dice.Weighted({18, 12, 14, 12, 14, 12, 8, 10}));
  p.second_topic =
      static_cast<std::uint8_t>(dice.Between(0, static_cast<std::int64_t>(topics.size()) - 1));
  if (p.second_topic == p.topic)
    p.second_topic = static_cast<std::uint8_t>((p.topic + 1) % topics.size());
  p.owner = p.creator;
  if (p.creator == kSophie || dice.Chance(0.15)) p.owner = dice.Chance(0.6) ? kChloe : kJulien;
  const std::string_view topic = topics[p.topic].key;
  // Legal reviews regulations and most newsletters; Sustainability checks green claims.
  if (topic == "regulation" || (p.kind == Kind::kNewsletter && dice.Chance(0.5)) ||
      dice.Chance(0.1)) {
    p.assignees |= 1U << kClaire;
  }
  if (topic == "sustainability" || topic == "biomethane" ? dice.Chance(0.6) : dice.Chance(0.05)) {
    p.assignees |= 1U << kHugo;
  }
  if (topic == "customer" ? dice.Chance(0.7) : dice.Chance(0.1)) p.assignees |= 1U << kInes;
  if (dice.Chance(0.25)) p.assignees |= 1U << (p.owner == kJulien ? kChloe : kJulien);

  // Recent weeks are busier than last spring.
  const double back = std::pow(dice.Unit(), 1.6);
  p.created_at = now - kHour - static_cast<TimeMs>(back * static_cast<double>(kHistorySpan));
  if (const TimeMs at_work = DuringOfficeHours(dice, p.created_at); at_work < now - kHour) {
    p.created_at = at_work;
  }
  if (dice.Chance(0.88)) {
    const TimeMs ahead = dice.Between(2, p.created_at > now - 30 * kDay ? 90 : 60) * kDay;
    // Posts go out during office hours, on the hour.
    p.publish_at = (p.created_at + ahead) / kDay * kDay + dice.Between(7, 16) * kHour;
    p.due_at = std::max(p.created_at + kHour, *p.publish_at - dice.Between(1, 10) * kDay);
  }

  // Channels, and the project: the topic's campaign, the trade fair, or none.
  switch (p.kind) {
    case Kind::kArticle:
      p.channels.push_back(channels[dice.Chance(0.8) ? "Blog" : "Site web"]);
      if (topic == "sustainability" ? dice.Chance(0.4) : dice.Chance(0.08)) {
        p.channels.push_back(channels["Interne"]);
      }
      break;
    case Kind::kSocialPost: {
      p.network = static_cast<Network>(1 + dice.Weighted({35, 25, 25, 15}));
      p.channels.push_back(channels[std::string(demo::NetworkName(p.network))]);
      p.over_limit = p.network == Network::kX && dice.Chance(0.15);
      // Some posts go out on Facebook too: the same text under two limits.
      if (p.network == Network::kLinkedIn && dice.Chance(0.15))
        p.channels.push_back(channels["Facebook"]);
      break;
    }
    case Kind::kNewsletter:
      p.channels.push_back(channels["Newsletter"]);
      break;
    case Kind::kPrint:
      p.channels.push_back(channels["Print"]);
      break;
    case Kind::kVideo:
      p.channels.push_back(channels[dice.Pick(
          std::vector<std::string>{"Site web", "Instagram", "Facebook", "LinkedIn", "Interne"})]);
      break;
  }
  const double roll = dice.Unit();
  if (roll < 0.7) {
    const std::string_view name = topics[p.topic].project;
    for (std::size_t i = 0; i < kProjects.size(); ++i) {
      if (name == kProjects[i].name) p.project = static_cast<std::int8_t>(i);
    }
    if (topic == "gas_safety" && p.created_at < now - 240 * kDay) p.project = kLastWinterProject;
  } else if (roll < 0.78 || (p.kind == Kind::kPrint && roll < 0.9)) {
    p.project = kFairProject;
  }
  const bool retire = dice.Chance(0.03);  // drawn first: later choices must not hang on the clock
  p.archive = retire && p.publish_at && *p.publish_at < now - 90 * kDay;

  ops.push_back({p.created_at, static_cast<std::uint32_t>(index), 0, p.creator});
  if (dice.Chance(HistoryShare(size, index))) {
    const int edits = 1 + static_cast<int>(dice.Weighted({20, 30, 25, 15, 7, 3}));
    TimeMs at = p.created_at;
    std::uint8_t author = p.creator;
    for (int step = 1; step <= edits; ++step) {
      // A quick second save by the same person refines their revision; a pass hours or days
      // later, or by someone else, opens a new one.
      const bool follow_up = step > 1 && dice.Chance(0.25);
      at += follow_up ? dice.Between(2, 12) * kMinute : dice.Between(40, 4 * 24 * 60) * kMinute;
      if (!follow_up) at = DuringOfficeHours(dice, at);
      if (!follow_up) author = PickEditor(dice, p);
      if (at > now - 10 * kMinute) break;
      ops.push_back(
          {at, static_cast<std::uint32_t>(index), static_cast<std::uint16_t>(step), author});
    }
  }
  return p;
}

// ---- writing ------------------------------------------------------------------------------------

struct Live {
  std::string id;
  std::int64_t version = 0;
  std::int64_t revision = 0;
  std::uint16_t edits_left = 0;
  std::string title;        // kept while edits are pending
  std::string fields_json;  // idem
};

struct Company {
  storage::WorkspaceRecord workspace;
  std::vector<auth::Actor> actors;  // by Person
  std::vector<std::string> project_ids;
  ChannelIds channels;
  std::vector<std::string> print_formats;
};

std::vector<std::string> PrintFormats(const std::vector<storage::ContentTypeRecord>& types) {
  for (const auto& t : types) {
    if (t.key != "print") continue;
    for (const auto& f : workspace::FieldDefsFromJson(t.fields_json)) {
      if (f.key == "format") return f.options;
    }
  }
  return {};
}

std::string EventData(json::object o) {
  return json::serialize(o);
}

// People, workspace, teams and projects, in one transaction: all or nothing.
Result<Company> SeedCompany(storage::Database& db, const std::vector<std::string>& hashes,
                            TimeMs now) {
  return db.Write([&](Tx& tx) -> Result<Company> {
    const std::string slug = Slugify(kDemoWorkspaceName);
    if (storage::SlugTaken(tx, slug)) {
      return Error::Conflict("This data folder already has the demo workspace (" + slug +
                             "); nothing was changed. Use another --data folder for a new one.");
    }
    Company c;
    for (std::size_t i = 0; i < kPeople.size(); ++i) {
      const auto& p = kPeople[i];
      auto user = auth::CreateUser(tx, p.email, p.name, hashes[i], p.language);
      if (!user) {
        Error e = std::move(user).error();
        e.detail = "Cannot create the demo account " + std::string(p.email) + ": " + e.detail +
                   " Use an empty --data folder.";
        return e;
      }
      c.actors.push_back(auth::Actor{std::move(*user), "", "", false});
    }
    // The workspace is older than its oldest content, as a real one would be.
    const TimeMs founded = now - kHistorySpan - 20 * kDay;
    c.workspace = {NewId(), slug, kDemoWorkspaceName, "fr", founded};
    const std::string& owner = c.actors[kChloe].user.id;
    storage::InsertWorkspace(tx, c.workspace);
    storage::InsertMembership(tx, c.workspace.id, owner, "owner", founded);
    workspace::SeedWorkspaceDefaults(tx, c.workspace.id, "fr", founded);
    storage::AppendEvent(tx, c.workspace.id, owner, "workspace.created", c.workspace.id,
                         EventData({{"name", c.workspace.name}}), founded);
    for (std::size_t i = 1; i < kPeople.size(); ++i) {
      const TimeMs joined = founded + static_cast<TimeMs>(i) * 3 * kHour;
      storage::InsertMembership(tx, c.workspace.id, c.actors[i].user.id, kPeople[i].role, joined);
      storage::AppendEvent(tx, c.workspace.id, owner, "member.added", c.actors[i].user.id,
                           EventData({{"role", kPeople[i].role}, {"by", "demo"}}), joined);
    }
    const TimeMs organised = founded + kDay;
    const auto existing = storage::ListTeams(tx, c.workspace.id);
    for (const char* team_name : kTeams) {
      std::vector<std::string> members;
      for (std::size_t i = 0; i < kPeople.size(); ++i) {
        for (const char* t : kPeople[i].teams) {
          if (std::string_view(t) == team_name) members.push_back(c.actors[i].user.id);
        }
      }
      const auto found = std::find_if(existing.begin(), existing.end(), [&](const auto& t) {
        return FoldForMatch(t.name) == FoldForMatch(team_name);
      });
      storage::TeamRecord team{NewId(), c.workspace.id, team_name, organised, members};
      if (found != existing.end()) {
        team.id = found->id;
      } else {
        storage::InsertTeam(tx, team, FoldForMatch(team.name));
        storage::AppendEvent(tx, c.workspace.id, owner, "team.created", team.id,
                             EventData({{"name", team.name}}), organised);
      }
      storage::SetTeamMembers(tx, team.id, members);
      storage::AppendEvent(tx, c.workspace.id, owner, "team.members_set", team.id,
                           EventData({{"members", json::array(members.begin(), members.end())}}),
                           organised);
    }
    for (const auto& spec : kProjects) {
      storage::ProjectRecord project{NewId(),      c.workspace.id, spec.name, spec.description,
                                     std::nullopt, organised,      organised};
      if (spec.archived) project.archived_at = now - 200 * kDay;
      storage::InsertProject(tx, project);
      storage::AppendEvent(tx, c.workspace.id, owner, "project.created", project.id,
                           EventData({{"name", project.name}}), organised);
      c.project_ids.push_back(project.id);
    }
    // The agency drafts the trade fair's material: its project is shared with Antoine, the
    // agency's guest, who sees nothing else.
    for (std::size_t i = 0; i < kPeople.size(); ++i) {
      if (std::string_view(kPeople[i].role) != "guest") continue;
      storage::ShareRecord share;
      share.id = NewId();
      share.workspace_id = c.workspace.id;
      share.project_id = c.project_ids[kFairProject];
      share.user_id = c.actors[i].user.id;
      share.level = "edit";
      share.created_by = owner;
      share.created_at = organised;
      storage::InsertShare(tx, share);
      storage::AppendEvent(
          tx, c.workspace.id, owner, "project.shared", *share.project_id,
          EventData({{"share", share.id}, {"user", *share.user_id}, {"level", share.level}}),
          organised);
    }
    for (const auto& ch : storage::ListChannels(tx, c.workspace.id)) {
      c.channels.by_name[ch.name] = ch.id;
    }
    c.print_formats = PrintFormats(storage::ListContentTypes(tx, c.workspace.id));
    return c;
  });
}

demo::Brief BriefOf(const Plan& p, const std::vector<std::string>& print_formats) {
  const auto& topics = demo::Topics();
  demo::Brief b;
  b.kind = p.kind;
  b.topic = &topics[p.topic];
  b.second_topic = &topics[p.second_topic];
  b.language = p.french ? "fr" : "en";
  b.network = p.network;
  b.over_limit = p.over_limit;
  const std::time_t sent = static_cast<std::time_t>(p.publish_at.value_or(p.created_at) / 1000);
  std::tm tm{};
  gmtime_r(&sent, &tm);
  b.month = tm.tm_mon;
  b.print_formats = print_formats;
  return b;
}

Result<void> Create(Tx& tx, const Company& c, const Plan& p, std::uint64_t seed,
                    std::uint32_t index, Live& live) {
  Dice dice(MixSeed(seed, index, 0));
  demo::Draft draft = demo::WriteDraft(dice, BriefOf(p, c.print_formats));
  content::ContentInput in;
  in.type = std::string(demo::KindKey(p.kind));
  in.title = draft.title;
  in.language = p.french ? "fr" : "en";
  in.fields = std::move(draft.fields);
  in.channels = p.channels;
  in.tags = std::move(draft.tags);
  in.project = p.project >= 0
                   ? std::optional<std::string>(c.project_ids[static_cast<std::size_t>(p.project)])
                   : std::nullopt;
  in.owner = c.actors[p.owner].user.id;
  std::vector<std::string> assignees;
  for (std::uint8_t person = 0; person < kPeople.size(); ++person) {
    if (Has(p.assignees, static_cast<Person>(person)))
      assignees.push_back(c.actors[person].user.id);
  }
  in.assignees = std::move(assignees);
  in.publish_at = p.publish_at;
  in.due_at = p.due_at;
  auto view =
      content::CreateContent(tx, c.actors[p.creator], c.workspace.id, std::move(in), p.created_at);
  if (!view) return std::move(view).error();
  live.id = view->content.id;
  live.version = view->content.version;
  live.revision = view->content.revision;
  if (live.edits_left > 0) {
    live.title = view->content.title;
    live.fields_json = view->content.fields_json;
  }
  return {};
}

Result<void> Edit(Tx& tx, const Company& c, const Plan& p, std::uint64_t seed, const Op& op,
                  Live& live) {
  Dice dice(MixSeed(seed, op.content, op.step));
  std::error_code ec;
  auto parsed = json::parse(live.fields_json, ec);
  const json::object fields = !ec && parsed.is_object() ? parsed.as_object() : json::object();
  auto revision = demo::ReviseDraft(dice, BriefOf(p, c.print_formats), live.title, fields);
  content::ContentInput in;
  in.title = std::move(revision.title);
  if (!revision.fields.empty()) in.fields = std::move(revision.fields);
  // Plans slip: now and then a pass also pushes the publication back.
  if (p.publish_at && dice.Chance(0.12)) in.publish_at = *p.publish_at + dice.Between(1, 14) * kDay;
  auto view =
      content::UpdateContent(tx, c.actors[op.author], live.id, live.version, std::move(in), op.at);
  if (!view) return std::move(view).error();
  live.version = view->content.version;
  live.revision = view->content.revision;
  if (--live.edits_left > 0) {
    live.title = view->content.title;
    live.fields_json = view->content.fields_json;
  } else {
    live.title.clear();
    live.fields_json.clear();
    live.title.shrink_to_fit();
    live.fields_json.shrink_to_fit();
  }
  return {};
}

// ---- a workspace at work ------------------------------------------------------------------------

// How many of the newest contents are moved along the workflow by the same commands people use
// (one transaction each): enough for a lively board at any size, few enough to stay quick.
constexpr std::size_t kInWorkflow = 150;

// Where a content of the workspace at work stands.
enum class Stage {
  kIdea,
  kWriting,
  kInternalReview,
  kLegalPending,  // waits for Legal's approval
  kLegalRefused,  // Legal asked for changes
  kLegalStale,    // Legal approved, then the text changed
  kReady,         // approved and ready
  kPublished,     // approved and out
};

// The workflow's statuses by what they are for (the default French workflow's order).
struct Statuses {
  std::string idea, writing, internal_review, legal, ready, published;
};

Result<Statuses> FindStatuses(storage::Database& db, const std::string& ws) {
  return db.Read([&](Tx& tx) -> Result<Statuses> {
    const auto all = storage::ListStatuses(tx, ws);
    Statuses s;
    for (const auto& status : all) {
      if (status.gate_teams_json && s.legal.empty()) s.legal = status.id;
    }
    for (const auto& status : all) {
      if (status.category == "idea" && s.idea.empty()) s.idea = status.id;
      if (status.category == "in_progress" && s.writing.empty()) s.writing = status.id;
      if (status.category == "review" && s.internal_review.empty() && status.id != s.legal)
        s.internal_review = status.id;
      if (status.category == "ready" && s.ready.empty()) s.ready = status.id;
      if (status.category == "published" && s.published.empty()) s.published = status.id;
    }
    if (s.legal.empty() || s.writing.empty() || s.internal_review.empty() || s.ready.empty() ||
        s.published.empty()) {
      return Error::Internal("the demo's workflow lacks a status it needs");
    }
    return s;
  });
}

// The services a person uses, in process.
struct Desk {
  content::Contents contents;
  workflow::Workflow workflow;
  collab::Comments comments;
  collab::Tasks tasks;
  collab::Sharing sharing;
  explicit Desk(storage::Database& db)
      : contents(db), workflow(db), comments(db), tasks(db), sharing(db) {}
};

std::string Mention(const auth::Actor& who) {
  return "@[" + who.user.name + "](user:" + who.user.id + ")";
}

// Takes one content to `stage` as its people would: moves, Legal's decisions, an edit after
// an approval.
Result<void> Advance(Desk& d, const Company& c, const Statuses& s, const std::string& id,
                     Stage stage) {
  const auto& chloe = c.actors[kChloe];
  const auto& claire = c.actors[kClaire];
  auto move = [&](const std::string& status) -> Result<void> {
    auto moved = d.workflow.Move(chloe, id, status, "", std::nullopt);
    if (!moved) return std::move(moved).error();
    return {};
  };
  auto decide = [&](const std::string& decision, const std::string& comment) -> Result<void> {
    auto content = d.contents.Get(claire, id);
    if (!content) return std::move(content).error();
    auto decided =
        d.workflow.Decide(claire, id, content->content.revision, decision, comment, std::nullopt);
    if (!decided) return std::move(decided).error();
    return {};
  };
  switch (stage) {
    case Stage::kIdea:
      return {};
    case Stage::kWriting:
      return move(s.writing);
    case Stage::kInternalReview:
      return move(s.internal_review);
    case Stage::kLegalPending:
      return move(s.legal);
    case Stage::kLegalRefused:
      if (auto done = move(s.legal); !done) return done;
      return decide("changes_requested",
                    "La mention « sans engagement » doit figurer sous le prix. Merci de corriger.");
    case Stage::kLegalStale: {
      if (auto done = move(s.legal); !done) return done;
      if (auto done = decide("approved", "Validé."); !done) return done;
      // A comma changed after the approval: it no longer holds for the current text.
      auto content = d.contents.Get(chloe, id);
      if (!content) return std::move(content).error();
      content::ContentInput edit;
      // French sets a space before "!", English does not.
      edit.title = content->content.title + (content->content.language == "fr" ? " !" : "!");
      auto edited = d.contents.Update(chloe, id, content->content.version, std::move(edit));
      if (!edited) return std::move(edited).error();
      return {};
    }
    case Stage::kReady:
    case Stage::kPublished:
      if (auto done = move(s.legal); !done) return done;
      if (auto done = decide("approved", "Conforme, bon pour publication."); !done) return done;
      return move(stage == Stage::kReady ? s.ready : s.published);
  }
  return {};
}

// The newest contents move along the workflow with approvals pending, given, stale and refused;
// comments and tasks open and done, a lock, shares and a review link — so that the board, My work
// and the approvals panel have something to show on first look.
Result<void> PutToWork(storage::Database& db, const Company& c, const std::vector<Plan>& plans,
                       const std::vector<Live>& live, std::uint64_t seed, TimeMs now,
                       DemoOutcome& outcome) {
  auto statuses = FindStatuses(db, c.workspace.id);
  if (!statuses) return std::move(statuses).error();
  // The newest first; the agency's project stays as its guest knows it.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (!plans[i].archive && plans[i].project != kFairProject) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(plans[a].created_at, a) > std::tie(plans[b].created_at, b);
  });
  if (order.size() > kInWorkflow) order.resize(kInWorkflow);

  // The first few show one of each; the rest follow their dates.
  const std::vector<Stage> showcase = {
      Stage::kLegalPending, Stage::kLegalRefused,   Stage::kLegalStale, Stage::kReady,
      Stage::kPublished,    Stage::kInternalReview, Stage::kWriting,    Stage::kLegalPending,
      Stage::kIdea,         Stage::kReady,          Stage::kPublished,  Stage::kInternalReview};
  Dice dice(MixSeed(seed, 0x5747, 1));
  Desk d(db);
  std::vector<std::pair<std::string, Stage>> staged;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Plan& plan = plans[order[k]];
    Stage stage = Stage::kIdea;
    const double roll = dice.Unit();  // drawn for every content: the stages never hang on size
    if (k < showcase.size()) {
      stage = showcase[k];
    } else if (plan.publish_at && *plan.publish_at < now) {
      stage = Stage::kPublished;
    } else {
      stage = roll < 0.3    ? Stage::kIdea
              : roll < 0.65 ? Stage::kWriting
              : roll < 0.85 ? Stage::kInternalReview
              : roll < 0.93 ? Stage::kLegalPending
                            : Stage::kReady;
    }
    const std::string& id = live[order[k]].id;
    if (auto done = Advance(d, c, *statuses, id, stage); !done) {
      Error e = std::move(done).error();
      e.detail =
          "The demo could not put content " + std::to_string(order[k]) + " to work: " + e.detail;
      return e;
    }
    staged.emplace_back(id, stage);
    ++outcome.in_workflow;
  }

  const auto& chloe = c.actors[kChloe];
  const auto& julien = c.actors[kJulien];
  const auto& ines = c.actors[kInes];
  const auto& claire = c.actors[kClaire];
  const auto& hugo = c.actors[kHugo];
  auto first_at = [&](Stage stage) -> std::optional<std::string> {
    for (const auto& [id, s] : staged) {
      if (s == stage) return id;
    }
    return std::nullopt;
  };
  auto check = [](auto&& result) -> Result<void> {
    if (!result) return std::move(result).error();
    return {};
  };

  // Comments: an open question with a mention, a resolved thread, Legal's remark on a passage.
  if (auto id = first_at(Stage::kInternalReview)) {
    collab::CommentInput question;
    question.body = Mention(hugo) +
                    " peux-tu vérifier le chiffre d'économies annoncé ? Il me "
                    "semble différent du rapport RSE.";
    if (auto done = check(d.comments.Create(chloe, *id, question)); !done) return done;
    collab::CommentInput remark;
    remark.body = "Le deuxième paragraphe est un peu long pour une lecture sur mobile.";
    auto root = d.comments.Create(julien, *id, remark);
    if (!root) return std::move(root).error();
    collab::CommentInput reply;
    reply.body = "Raccourci, merci !";
    reply.parent = root->id;
    if (auto done = check(d.comments.Create(chloe, *id, reply)); !done) return done;
    if (auto done = check(d.comments.SetResolved(chloe, root->id, true)); !done) return done;
  }
  if (auto id = first_at(Stage::kLegalRefused)) {
    collab::CommentInput legal;
    legal.body = Mention(chloe) + " la mention « sans engagement » manque sous le prix.";
    if (auto done = check(d.comments.Create(claire, *id, legal)); !done) return done;
  }

  // Tasks: some done, some open, one overdue, on Chloé's, Julien's and Inès's lists.
  struct TaskSpec {
    Stage stage;
    const char* title;
    const auth::Actor* who;
    TimeMs due_in;
    bool done;
  };
  const std::vector<TaskSpec> tasks = {
      {Stage::kWriting, "Rédiger le brief", &chloe, -3 * kDay, true},
      {Stage::kWriting, "Choisir les visuels", &julien, 2 * kDay, false},
      {Stage::kWriting, "Relancer l'agence pour les photos", &chloe, -1 * kDay, false},
      {Stage::kInternalReview, "Vérifier les chiffres avec le service client", &ines, 4 * kDay,
       false},
      {Stage::kLegalRefused, "Corriger les mentions légales", &chloe, 1 * kDay, false},
      {Stage::kReady, "Programmer la publication", &julien, 3 * kDay, false},
      {Stage::kPublished, "Partager sur l'intranet", &ines, -5 * kDay, true},
  };
  for (const auto& t : tasks) {
    auto id = first_at(t.stage);
    if (!id) continue;
    collab::TaskInput in;
    in.title = t.title;
    in.assignees = std::vector<std::string>{t.who->user.id};
    in.due_at = std::optional<TimeMs>(now + t.due_in);
    auto created = d.tasks.CreateOnContent(chloe, *id, std::move(in));
    if (!created) return std::move(created).error();
    if (t.done && !created->empty()) {
      collab::TaskInput done;
      done.done = true;
      if (auto r = check(d.tasks.Update(*t.who, created->front().id, std::move(done))); !r)
        return r;
    }
  }

  // A lock: Legal freezes what it validated, ready to go out.
  if (auto id = first_at(Stage::kReady)) {
    if (auto done = check(d.workflow.Lock(
            claire, *id, "Validé par le juridique : ne plus modifier sans nous prévenir."));
        !done)
      return done;
  }
  // Shares: the agency's guest may comment on a post outside the trade fair; Hugo may edit an
  // article he brought the facts for.
  if (auto id = first_at(Stage::kWriting)) {
    collab::ShareInput share{c.actors[kAntoine].user.id, std::nullopt, "comment"};
    if (auto done = check(d.sharing.ShareContent(chloe, *id, std::move(share))); !done) return done;
    outcome.shared_with_guest = *id;
  }
  if (auto id = first_at(Stage::kInternalReview)) {
    collab::ShareInput share{hugo.user.id, std::nullopt, "edit"};
    if (auto done = check(d.sharing.ShareContent(chloe, *id, std::move(share))); !done) return done;
  }
  // A review link for the regional director, who has no account.
  if (auto id = first_at(Stage::kLegalPending)) {
    collab::LinkInput link;
    link.level = "validate";
    link.label = "Marc Lefèvre, directeur régional";
    if (auto done = check(d.sharing.LinkContent(chloe, *id, std::move(link), NowMs())); !done)
      return done;
  }
  return {};
}

// Pads to `width` characters (not bytes: "Chloé" is five).
std::string Pad(const std::string& text, std::size_t width) {
  const std::size_t chars = CountCharacters(text);
  return text + std::string(chars < width ? width - chars : 1, ' ');
}

}  // namespace

Result<DemoOutcome> SeedDemo(storage::Database& db, const DemoOptions& options,
                             std::ostream* progress) {
  if (options.size < 1 || options.size > 2'000'000) {
    return Error::InvalidField("size", "must be between 1 and 2000000");
  }
  const auto started = std::chrono::steady_clock::now();
  const TimeMs now = NowMs();
  DemoOutcome outcome;
  // Hashing is slow by design: do it before taking the write lock.
  std::vector<std::string> hashes;
  for (const auto& p : kPeople) {
    DemoPerson person{p.name, p.email, p.role, "", ""};
    // 18 random letters and digits: easy to copy, impossible to guess.
    while (person.password.size() < 18) {
      for (char ch : NewSecret()) {
        if (std::isalnum(static_cast<unsigned char>(ch)) && person.password.size() < 18) {
          person.password.push_back(ch);
        }
      }
    }
    for (const char* t : p.teams)
      person.teams += (person.teams.empty() ? "" : ", ") + std::string(t);
    hashes.push_back(auth::HashPassword(person.password));
    outcome.people.push_back(std::move(person));
  }
  auto company = SeedCompany(db, hashes, now);
  if (!company) return std::move(company).error();
  outcome.workspace = company->workspace;
  for (const char* t : kTeams) outcome.teams.emplace_back(t);
  for (const auto& p : kProjects) outcome.projects.emplace_back(p.name);

  std::vector<Plan> plans;
  std::vector<Op> ops;
  plans.reserve(static_cast<std::size_t>(options.size));
  ops.reserve(static_cast<std::size_t>(options.size) * 2);
  for (std::int64_t i = 0; i < options.size; ++i) {
    plans.push_back(PlanContent(options.seed, i, options.size, now, company->channels, ops));
  }
  // In time order, so the activity reads as it happened: creations and edits interleaved.
  std::sort(ops.begin(), ops.end(), [](const Op& a, const Op& b) {
    return std::tie(a.at, a.content, a.step) < std::tie(b.at, b.content, b.step);
  });
  std::vector<Live> live(plans.size());
  for (const auto& op : ops) {
    if (op.step > 0) ++live[op.content].edits_left;
  }

  // This command's own connection: a large page cache keeps the growing indexes in memory
  // instead of re-reading them from the file system on every insert.
  (void)db.Write([](Tx& tx) -> Result<void> {
    tx.ExecScript("PRAGMA cache_size = -262144");  // KiB
    return {};
  });
  std::size_t next_report = 20'000;
  for (std::size_t start = 0; start < ops.size(); start += kOpsPerTransaction) {
    const std::size_t end = std::min(ops.size(), start + kOpsPerTransaction);
    auto written = db.Write([&](Tx& tx) -> Result<void> {
      for (std::size_t k = start; k < end; ++k) {
        const Op& op = ops[k];
        const Plan& plan = plans[op.content];
        auto done = op.step == 0
                        ? Create(tx, *company, plan, options.seed, op.content, live[op.content])
                        : Edit(tx, *company, plan, options.seed, op, live[op.content]);
        if (!done) {
          Error e = std::move(done).error();
          e.detail = "The demo stopped at content " + std::to_string(op.content) + " (step " +
                     std::to_string(op.step) + "): " + e.detail;
          for (const auto& f : e.fields) e.detail += " [" + f.field + ": " + f.message + "]";
          return e;
        }
      }
      return {};
    });
    if (!written) return std::move(written).error();
    if (progress != nullptr && end >= next_report) {
      *progress << "  " << end << " of " << ops.size() << " writes\n" << std::flush;
      next_report += 20'000;
    }
  }

  // Archiving is its own command: a handful of old contents, each in its own transaction.
  content::Contents contents(db);
  for (std::size_t i = 0; i < plans.size() && outcome.archived < 40; ++i) {
    if (!plans[i].archive) continue;
    auto archived = contents.SetArchived(company->actors[kChloe], live[i].id, true);
    if (!archived) return std::move(archived).error();
    ++outcome.archived;
  }
  if (auto done = PutToWork(db, *company, plans, live, options.seed, now, outcome); !done)
    return std::move(done).error();
  outcome.contents = static_cast<std::int64_t>(plans.size());
  // What the writes told people (assignments, approvals asked, decisions) and the anchors they
  // moved are derived from their events: derived now, so the demo opens as it was written.
  collab::Notifier(db).Flush();
  for (const auto& l : live) {
    outcome.revisions += l.revision;
    if (l.revision > 1) ++outcome.with_history;
  }
  outcome.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return outcome;
}

void PrintDemoOutcome(const DemoOutcome& o, const std::string& data_dir, std::ostream& out) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", o.seconds);
  out << "Seeded the workspace \"" << o.workspace.name << "\" (" << o.workspace.slug << ") in "
      << data_dir << " in " << seconds << " s:\n"
      << "  " << o.contents << " contents (" << o.with_history << " with several revisions, "
      << o.revisions << " revisions in all, " << o.archived << " archived), " << o.teams.size()
      << " teams, " << o.projects.size() << " projects, " << o.people.size() << " people;\n"
      << "  " << o.in_workflow
      << " of the newest contents along the workflow, with approvals, comments, tasks, a lock, "
         "shares and a review link.\n\n"
      << "Sign in as any of them. The passwords are shown only now; the accounts are for trying "
         "copydesk, not for real use.\n\n";
  out << "  " << Pad("NAME", 18) << Pad("ROLE", 13) << Pad("TEAMS", 24) << Pad("E-MAIL", 40)
      << "PASSWORD\n";
  for (const auto& p : o.people) {
    out << "  " << Pad(p.name, 18) << Pad(p.role, 13)
        << Pad(p.teams.empty() ? "(agency)" : p.teams, 24) << Pad(p.email, 40) << p.password
        << "\n";
  }
  out << "\nServe it: copydesk serve --data " << data_dir << "\n";
}

}  // namespace copydesk::cli
