#include "collab/mentions.hpp"

#include <algorithm>
#include <regex>

#include "core/text.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::collab {

namespace {

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '_' || c == '.' || c == '-' || c == '+';
}

bool IsNameByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u);
}

// Plain mentions compare with names of at most this many bytes after the "@".
constexpr std::size_t kPlainWindow = 160;

}  // namespace

Mentions ParseMentions(std::string_view text) {
  static const std::regex kStructured(
      R"(^@\[([^\]\n]{1,200})\]\((user|team):([A-Za-z0-9_-]{1,64})\))");
  Mentions out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '@') continue;
    if (i > 0 && IsWordByte(text[i - 1])) continue;  // name@example.com
    const std::string rest(text.substr(i, std::min<std::size_t>(text.size() - i, 300)));
    std::smatch m;
    if (rest.size() > 1 && rest[1] == '[' && std::regex_search(rest, m, kStructured)) {
      (m[2] == "user" ? out.user_ids : out.team_ids).insert(m[3].str());
      i += static_cast<std::size_t>(m.length(0)) - 1;
      continue;
    }
    const std::string_view after = text.substr(i + 1);
    if (after.substr(0, 8) == "everyone" && (after.size() == 8 || !IsNameByte(after[8]))) {
      out.everyone = true;
      continue;
    }
    // Cut the window on a character boundary so folding never sees half a character.
    std::size_t end = std::min(after.size(), kPlainWindow);
    while (end < after.size() && (static_cast<unsigned char>(after[end]) & 0xC0) == 0x80) --end;
    if (end > 0) out.plains.push_back(FoldForMatch(after.substr(0, end)));
  }
  return out;
}

const Mentionable* MatchPlain(std::string_view folded, const std::vector<Mentionable>& names) {
  const Mentionable* best = nullptr;
  for (const auto& n : names) {
    if (n.folded_name.empty() || folded.substr(0, n.folded_name.size()) != n.folded_name) continue;
    if (folded.size() > n.folded_name.size() && IsNameByte(folded[n.folded_name.size()])) continue;
    if (!best || n.folded_name.size() > best->folded_name.size()) best = &n;
  }
  return best;
}

std::set<std::string> MentionedPeople(storage::Tx& tx, const std::string& workspace_id,
                                      std::string_view text) {
  const Mentions m = ParseMentions(text);
  std::set<std::string> people;
  if (m.user_ids.empty() && m.team_ids.empty() && !m.everyone && m.plains.empty()) return people;
  const auto members = storage::ListMembers(tx, workspace_id);
  auto is_member = [&](const std::string& id) {
    return std::any_of(members.begin(), members.end(),
                       [&](const auto& member) { return member.user_id == id; });
  };
  for (const auto& id : m.user_ids) {
    if (is_member(id)) people.insert(id);
  }
  if (m.everyone) {
    for (const auto& member : members) people.insert(member.user_id);
  }
  if (m.team_ids.empty() && m.plains.empty()) return people;
  const auto teams = storage::ListTeams(tx, workspace_id);
  for (const auto& id : m.team_ids) {
    for (const auto& team : teams) {
      if (team.id == id) people.insert(team.member_ids.begin(), team.member_ids.end());
    }
  }
  if (!m.plains.empty()) {
    std::vector<Mentionable> names;
    for (const auto& member : members)
      names.push_back({FoldForMatch(Trim(member.name)), {member.user_id}});
    for (const auto& team : teams)
      names.push_back({FoldForMatch(Trim(team.name)), team.member_ids});
    for (const auto& plain : m.plains) {
      if (const auto* match = MatchPlain(plain, names))
        people.insert(match->user_ids.begin(), match->user_ids.end());
    }
  }
  return people;
}

}  // namespace copydesk::collab
