// The e-mails' words, in English and French: the server's only translated text (the web app has
// its own catalogs). Placeholders are {name}; values are plain text, escaped for HTML after
// filling.
#include "collab/mail_text.hpp"

#include <boost/json/parse.hpp>
#include <map>

#include "collab/notifications.hpp"
#include "core/text.hpp"

namespace copydesk::collab {

namespace json = boost::json;

namespace {

struct Catalog {
  std::map<std::string, std::string, std::less<>> lines;  // by kind, and kind variants
  const char* someone;
  const char* open;
  const char* labelled;  // "{label}: {value}", as each language punctuates it
  const char* footer;
  const char* change;
  const char* digest_subject_one;
  const char* digest_subject_many;
  const char* digest_intro;
  const char* digest_more;
};

const Catalog& English() {
  static const Catalog c{
      {
          {"mentioned", "{actor} mentioned you in “{title}”"},
          {"mentioned.task", "{actor} mentioned you in the task “{task}”"},
          {"assigned", "{actor} assigned you to “{title}”"},
          {"assigned.task", "{actor} assigned you the task “{task}”"},
          {"reply", "{actor} replied in a thread on “{title}”"},
          {"approval_requested", "{actor} asks {team} to approve “{title}”"},
          {"decision.approved", "{actor} approved “{title}” for {team}"},
          {"decision", "{actor} asked for changes to “{title}” for {team}"},
          {"decision.link.approved", "{actor} validated “{title}” through a review link"},
          {"decision.link", "{actor} did not validate “{title}” through a review link"},
          {"approval_stale",
           "Your approval of “{title}” no longer holds: {actor} changed the text"},
          {"approval_stale.team",
           "Your approval of “{title}” for {team} no longer holds: {actor} changed the text"},
          {"task_due", "The task “{task}” is due on {due}"},
          {"task_overdue", "The task “{task}” is overdue (due on {due})"},
          {"shared", "{actor} shared “{title}” with you"},
          {"webhook_paused", "A webhook to {host} failed for a day and was paused"},
          {"publication_near",
           "“{title}” goes out on {publish} and still waits for the approval of {team}"},
      },
      "Someone",
      "Open in copydesk",
      "{label}: {value}",
      "You receive this e-mail because of your notification settings.",
      "Change them",
      "Your copydesk digest: 1 notification",
      "Your copydesk digest: {count} notifications",
      "What happened since your last digest:",
      "…and {count} more in copydesk.",
  };
  return c;
}

const Catalog& French() {
  static const Catalog c{
      {
          {"mentioned", "{actor} vous a mentionné dans « {title} »"},
          {"mentioned.task", "{actor} vous a mentionné dans la tâche « {task} »"},
          {"assigned", "{actor} vous a confié « {title} »"},
          {"assigned.task", "{actor} vous a confié la tâche « {task} »"},
          {"reply", "{actor} a répondu dans une discussion sur « {title} »"},
          {"approval_requested", "{actor} demande à {team} de valider « {title} »"},
          {"decision.approved", "{actor} a validé « {title} » pour {team}"},
          {"decision", "{actor} demande des modifications de « {title} » pour {team}"},
          {"decision.link.approved", "{actor} a validé « {title} » par un lien de relecture"},
          {"decision.link", "{actor} n’a pas validé « {title} » par un lien de relecture"},
          {"approval_stale",
           "Votre validation de « {title} » ne tient plus : {actor} a modifié le texte"},
          {"approval_stale.team",
           "Votre validation de « {title} » pour {team} ne tient plus : {actor} a modifié le "
           "texte"},
          {"task_due", "La tâche « {task} » est à rendre le {due}"},
          {"task_overdue", "La tâche « {task} » est en retard (à rendre le {due})"},
          {"shared", "{actor} a partagé « {title} » avec vous"},
          {"webhook_paused",
           "Un webhook vers {host} a échoué pendant un jour et a été mis en pause"},
          {"publication_near",
           "« {title} » paraît le {publish} et attend encore la validation de {team}"},
      },
      "Quelqu’un",
      "Ouvrir dans copydesk",
      "{label} : {value}",
      "Vous recevez cet e-mail selon vos préférences de notification.",
      "Les modifier",
      "Votre résumé copydesk : 1 notification",
      "Votre résumé copydesk : {count} notifications",
      "Ce qui s’est passé depuis votre dernier résumé :",
      "… et {count} de plus dans copydesk.",
  };
  return c;
}

const Catalog& CatalogFor(std::string_view language) {
  return language == "fr" ? French() : English();
}

std::string Fill(std::string_view pattern, const std::map<std::string, std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      const auto close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const auto found = values.find(std::string(pattern.substr(i + 1, close - i - 1)));
        if (found != values.end()) {
          out += found->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::string DataString(const json::object& data, std::string_view key) {
  const auto* v = data.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// "2024-05-02T17:00:00.000Z" → "2024-05-02 17:00 UTC": the day and the hour, readable in both
// languages.
std::string ReadableTime(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

struct Told {
  std::string line;
  std::string excerpt;  // a comment's first words, when it is about one
};

Told Tell(const Catalog& c, const storage::NotificationRecord& n) {
  std::error_code ec;
  const auto parsed = json::parse(n.data_json, ec);
  const json::object data = !ec && parsed.is_object() ? parsed.as_object() : json::object();
  const bool about_task = DataString(data, "target") == "task";
  std::string key = n.kind;
  if ((n.kind == kind::kMentioned && about_task && !n.content_id) ||
      (n.kind == kind::kAssigned && about_task)) {
    key += ".task";
  } else if (n.kind == kind::kDecision) {
    // A decision through a review link is a visitor's, for no team.
    if (!DataString(data, "link").empty()) key += ".link";
    if (DataString(data, "decision") == "approved") key += ".approved";
  } else if (n.kind == kind::kApprovalStale && !DataString(data, "team_name").empty()) {
    // Notifications written before the team's name was kept say the sentence without it.
    key += ".team";
  }
  const auto pattern = c.lines.find(key);
  const std::map<std::string, std::string> values = {
      {"actor", n.actor_name.empty() ? c.someone : n.actor_name},
      {"title", n.content_title},
      {"task", DataString(data, "task_title")},
      {"team", DataString(data, "team_name")},
      {"due", ReadableTime(DataString(data, "due_at"))},
      {"host", DataString(data, "host")},
      {"publish", ReadableTime(DataString(data, "publish_at"))},
  };
  return {pattern != c.lines.end() ? Fill(pattern->second, values) : n.kind,
          DataString(data, "excerpt")};
}

std::string HtmlPage(std::string_view language, const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(language == "fr" ? "fr" : "en") +
         "\">\n<head><meta charset=\"utf-8\"><title>" + EscapeHtml(title) +
         "</title></head>\n<body style=\"font-family:sans-serif;line-height:1.5;color:#222\">\n" +
         body + "</body>\n</html>\n";
}

std::string HtmlFooter(const Catalog& c, const std::string& settings_link) {
  return "<hr>\n<p style=\"color:#666;font-size:small\">" + EscapeHtml(c.footer) + " <a href=\"" +
         EscapeHtml(settings_link) + "\">" + EscapeHtml(c.change) + "</a></p>\n";
}

std::string Labelled(const Catalog& c, const std::string& label, const std::string& value) {
  return Fill(c.labelled, {{"label", label}, {"value", value}});
}

std::string TextFooter(const Catalog& c, const std::string& settings_link) {
  return "\n-- \n" + std::string(c.footer) + "\n" + Labelled(c, c.change, settings_link) + "\n";
}

}  // namespace

MailText NotificationMailText(std::string_view language, const MailItem& item,
                              const std::string& settings_link) {
  const Catalog& c = CatalogFor(language);
  const Told told = Tell(c, item.notification);
  MailText out;
  out.subject = "[" + item.workspace_name + "] " + told.line;
  out.text = told.line + "\n\n";
  std::string html = "<p>" + EscapeHtml(told.line) + "</p>\n";
  if (!told.excerpt.empty()) {
    out.text += "> " + told.excerpt + "\n\n";
    html += "<blockquote style=\"border-left:3px solid #ccc;margin:0;padding-left:1em\">" +
            EscapeHtml(told.excerpt) + "</blockquote>\n";
  }
  out.text += Labelled(c, c.open, item.link) + "\n" + TextFooter(c, settings_link);
  html += "<p><a href=\"" + EscapeHtml(item.link) + "\">" + EscapeHtml(c.open) + "</a></p>\n" +
          HtmlFooter(c, settings_link);
  out.html = HtmlPage(language, out.subject, html);
  return out;
}

MailText DigestMailText(std::string_view language, const std::vector<MailItem>& items,
                        const std::string& settings_link) {
  // A long absence makes a long digest: the first ones listed, the count of the rest.
  constexpr std::size_t kListed = 50;
  const Catalog& c = CatalogFor(language);
  const std::map<std::string, std::string> count = {{"count", std::to_string(items.size())}};
  MailText out;
  out.subject = items.size() == 1 ? c.digest_subject_one : Fill(c.digest_subject_many, count);
  out.text = std::string(c.digest_intro) + "\n\n";
  std::string html = "<p>" + EscapeHtml(c.digest_intro) + "</p>\n<ul>\n";
  for (std::size_t i = 0; i < items.size() && i < kListed; ++i) {
    const auto& item = items[i];
    const std::string line = "[" + item.workspace_name + "] " + Tell(c, item.notification).line;
    out.text += "- " + line + "\n  " + item.link + "\n";
    html += "<li><a href=\"" + EscapeHtml(item.link) + "\">" + EscapeHtml(line) + "</a></li>\n";
  }
  html += "</ul>\n";
  if (items.size() > kListed) {
    const std::string more =
        Fill(c.digest_more, {{"count", std::to_string(items.size() - kListed)}});
    out.text += more + "\n";
    html += "<p>" + EscapeHtml(more) + "</p>\n";
  }
  out.text += TextFooter(c, settings_link);
  out.html = HtmlPage(language, out.subject, html + HtmlFooter(c, settings_link));
  return out;
}

}  // namespace copydesk::collab
